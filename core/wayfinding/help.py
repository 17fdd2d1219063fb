"""帮助: the questions people ask, from the operation manual's 常见问题 and the notes of its
part 1 (申请人), answered for this platform.

The texts are messages of the code like every other word of the interface, so they live in
the .po files with the rest (one source of translations, read by translators' tools, checked
by tests/test_translations.py), rather than in a data file with three columns that no
translation tool reads and no test re-extracts. A page of the manual is not data a region edits:
it changes with the code that it describes.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    key: str
    question: Promise
    # Paragraphs; %(limit)s is the upload limit as people read it ("2 MB").
    answer: tuple[Promise, ...]
    # Pages the answer speaks of: (route name, label); shown where the host has the route.
    links: tuple[tuple[str, Promise], ...] = ()


@dataclass(frozen=True)
class Answered:
    """A question as one reader reads it: texts in their language, links of this host."""

    key: str
    question: str
    answer: list[str]
    links: list[tuple[str, str]]


FAQ: tuple[Question, ...] = (
    Question(
        "committees",
        _("各评审委员会的地址和联系方式在哪里查看？"),
        (
            _(
                "点击页面底部的“评审委员会地址及联系方式”，即可查看本地区各评审委员会的地址、联系人和电话。"
            ),
        ),
        (("committees", _("评审委员会目录")),),
    ),
    Question(
        "conditions",
        _("不同系列、不同级别的申报条件一样吗？"),
        (
            _(
                "不一样。不同系列（专业）、不同级别对学历、工作年限、业绩成果、实践能力等要求不同，"
                "具体请参照“任职资格条件”。编辑申请书时，页面右侧会根据已填写的内容逐条提示是否符合条件。"
            ),
        ),
    ),
    Question(
        "recover",
        _("忘记了用户名或密码怎么办？"),
        (
            _(
                "在登录页点击“找回用户名或密码”，系统提供 4 种找回方式：电子邮箱、手机短信、"
                "找回用户名和账号申诉，按提示操作即可。"
            ),
            _("申请人账号通过身份证找回，请保证上传的身份证扫描件清晰，并且图像为正向。"),
            _(
                "基层工作单位管理员账号请使用“账号申诉”，凭营业执照（或法人证书）找回账号并设置新密码。"
            ),
        ),
        (("recover", _("找回用户名或密码")), ("appeal", _("账号申诉"))),
    ),
    Question(
        "locality",
        _("应该在哪个地区申报职称？"),
        (
            _(
                "职称申报实行“属地化”管理，简单地说就是工作单位在哪，职称就在哪评审。"
                "例如工作单位属于乌鲁木齐市，就在乌鲁木齐市评审；工作单位属于自治区，则在自治区评审；"
                "如果所在地州没有该专业（或级别）的评审，则到自治区相关单位评审。"
            ),
            _("南疆四地州有定向评审、定向使用的政策，评审前如有不清楚，请咨询相关评审部门。"),
        ),
    ),
    Question(
        "requalify",
        _("申报时选错了资格或专业怎么办？"),
        (
            _(
                "在“我的申请书”中点击“更改资格”，按步骤操作即可，申请书编号和已填写的内容都会保留，"
                "比新建申请书省事得多。最常见的是地州人员误选了自治区。"
            ),
            _("同一个资格在同一年度只可以申请一次。"),
        ),
        (("my-applications", _("我的申请书")),),
    ),
    Question(
        "key-facts",
        _("我的申请书上哪些信息最重要？"),
        (
            _(
                "年度、申请资格、级别、审核状态和归属的评审委员会。任何一项出现错误都会导致后续流程出错，"
                "影响本年度的职称评审；如有错误，请通过“更改资格”修改。"
            ),
        ),
    ),
    Question(
        "roles",
        _("不同角色的账号分别能做什么？"),
        (
            _("角色为申请人的账号只能申报本人的职称。"),
            _("角色为基层单位管理员的账号只能审核本单位的申报材料，不能申报职称。"),
            _("登录后在“个人资料”中可以看到账号的角色。"),
        ),
        (("profile", _("个人资料")),),
    ),
    Question(
        "flow",
        _("申请书提交后要经过哪些审核？"),
        (
            _(
                "申请人提交后，依次经过基层单位审核、主管单位（材料接收部门、推荐单位）审核、"
                "评审委员会形式审核，再进入会议评审、公示、批文和发证。"
            ),
            _(
                "“我的申请书”上的步骤条标出申请书现在所在的一步。如被退回，请查看退回意见，及时修改后重新提交。"
            ),
        ),
    ),
    Question(
        "attachments",
        _("上传的证明材料有什么要求？"),
        (
            _(
                "每个证明材料不能超过 %(limit)s，可以是 JPG、PNG 图片或 PDF 文件。"
                "建议使用扫描仪扫描，保证图片清晰，不要倾斜或倒置。"
            ),
            _("上传的文件保存在“附件库”中，可以在各地区的申报中重复使用。"),
        ),
        (("library", _("附件库")),),
    ),
    Question(
        "submissions",
        _("申请书可以提交几次？"),
        (
            _(
                "每个评审委员会都设置了提交次数的限制，一般为 2 至 3 次，"
                "具体以评审委员会的设定为准。超过次数后申请书将不能再提交，也就不能参加本年度的职称评审，请在提交前认真检查。"
            ),
            _("各专业的申报时间由各评审委员会自行设定，请关注通知公告。"),
        ),
        (("offerings", _("申报项目")),),
    ),
    Question(
        "withdraw",
        _("提交以后发现有错，还能修改吗？"),
        (
            _(
                "申请书刚提交到单位、单位还没有审核时，可以在“我的申请书”中点击“收回”，继续编辑后再提交。"
                "单位审核后如被退回，也可以修改后重新提交。"
            ),
        ),
    ),
    Question(
        "print",
        _("什么时候可以打印正式的评审表？"),
        (
            _(
                "形式审核通过后（各级单位全部审核通过）才可以打印带水印的正式评审表，之前只能打印测试表。"
                "评审表请正反面打印在一张 A4 纸上。"
            ),
        ),
    ),
    Question(
        "payment",
        _("怎样缴费和报送纸质材料？"),
        (
            _(
                "各评审委员会的缴费时间、缴费标准和缴费方式不一致，纸质材料的报送日期、内容和装订方式"
                "也由评审委员会规定，请关注通知公告。"
            ),
            _("要求网上缴费的，形式审核通过后，“我的申请书”中会出现缴费链接，按提示完成缴费即可。"),
        ),
    ),
    Question(
        "results",
        _("怎样查询评审结果？"),
        (
            _(
                "形式审核通过后进入专家会议评审，会议评审后公示评审结果，最终通过的人员由相关单位生成批文，"
                "进入发证环节。会议结果、批文和证书都可以在“我的申请书”的“评审结果查询”中查看。"
            ),
        ),
        (("publicity", _("评审结果公示")), ("certificate-verify", _("证书核验"))),
    ),
)


def _link(name: str) -> str | None:
    """The route's address on this host (None where the host has no such page)."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def faq_answered(params: Mapping[str, str]) -> list[Answered]:
    """Every question in the reader's language, its answers filled with `params`."""
    answered = []
    for item in FAQ:
        links = [(url, str(label)) for name, label in item.links if (url := _link(name))]
        texts = [str(paragraph) % params for paragraph in item.answer]
        answered.append(Answered(item.key, str(item.question), texts, links))
    return answered


def faq_search(questions: list[Answered], query: str) -> list[Answered]:
    """The questions whose question or answer holds every word of `query` (in the reader's
    language, case-insensitive); all of them for an empty query."""
    words = query.casefold().split()
    if not words:
        return questions
    return [
        q
        for q in questions
        if all(word in " ".join([q.question, *q.answer]).casefold() for word in words)
    ]
