"""Fill the English and Uyghur catalogs from one glossary.

Usage (from the project root)::

    .venv/bin/python locale/fill_translations.py          # fill empty and fuzzy entries
    .venv/bin/python locale/fill_translations.py --check  # only report, change nothing
    .venv/bin/python locale/fill_translations.py --force  # also overwrite existing msgstrs

The glossary maps each Chinese msgid to its ``(English, Uyghur)`` translation. Entries that are
empty or fuzzy get the glossary's text and lose the ``fuzzy`` flag; every python-format
placeholder must survive the translation unchanged. The headers are set to the right language,
``Plural-Forms`` and UTF-8. Exits with status 1 if any msgid is still untranslated afterwards
(no glossary entry) or a translation's placeholders do not match its msgid.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
CONTENT_TYPE = "text/plain; charset=UTF-8"
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")

# msgid -> (English, Uyghur)
GLOSSARY: dict[str, tuple[str, str]] = {
    # --- Log-in form, API errors ---
    "用户名": ("Username", "ئىشلەتكۈچى نامى"),
    "密码": ("Password", "مەخپىي نومۇر"),
    "用户名或密码不正确。": (
        "Incorrect username or password.",
        "ئىشلەتكۈچى نامى ياكى مەخپىي نومۇر خاتا.",
    ),
    "当前状态下不允许此操作。": (
        "This action is not allowed in the current state.",
        "نۆۋەتتىكى ھالەتتە بۇ مەشغۇلاتقا يول قويۇلمايدۇ.",
    ),
    "上传的文件超过大小限制。": (
        "The uploaded file exceeds the size limit.",
        "يوللانغان ھۆججەت چوڭلۇق چەكلىمىسىدىن ئېشىپ كەتتى.",
    ),
    "未找到。": ("Not found.", "تېپىلمىدى."),
    "共享身份与基础数据": (
        "Shared identity and reference data",
        "ئورتاق كىملىك ۋە ئاساسىي سانلىق مەلۇمات",
    ),
    "评审地区": ("Review region", "باھالاش رايونى"),
    "该账号已停用。": ("This account has been deactivated.", "بۇ ھېسابات توختىتىلغان."),
    # --- Users and roles ---
    "申请人": ("Applicant", "ئىلتىماس قىلغۇچى"),
    "基层单位管理员": ("Base unit administrator", "ئاساسىي قاتلام ئورۇن باشقۇرغۇچىسى"),
    "主管单位审核人员": ("Competent authority reviewer", "مەسئۇل ئورۇن تەكشۈرگۈچى خادىمى"),
    "评审委员会工作人员": ("Review committee staff", "باھالاش كومىتېتى خادىمى"),
    "地区管理员": ("Region administrator", "رايون باشقۇرغۇچىسى"),
    "自治区职称办": (
        "Autonomous Region Title Office",
        "ئاپتونوم رايونلۇق ئۇنۋان ئىشخانىسى",
    ),
    "姓名": ("Full name", "ئىسىم-فامىلە"),
    "角色": ("Role", "رول"),
    "所属地区": ("Region", "تەۋە رايون"),
    "地区管理员、主管单位和评审委员会人员所属的地区": (
        "The region that region administrators, competent authority staff and review"
        " committee staff belong to",
        "رايون باشقۇرغۇچىلىرى، مەسئۇل ئورۇن ۋە باھالاش كومىتېتى خادىملىرى تەۋە بولغان رايون",
    ),
    "用户": ("User", "ئىشلەتكۈچى"),
    "跨地区登录凭据": ("Cross-region login credential", "رايونلار ئارا كىرىش ئىسپاتى"),
    # --- ID card number ---
    "身份证号码应为18位，当前为%(length)d位。": (
        "The ID card number must have 18 characters; it currently has %(length)d.",
        "كىملىك نومۇرى 18 خانىلىق بولۇشى كېرەك، ھازىر %(length)d خانىلىق.",
    ),
    "身份证号码前17位应为数字，最后一位应为数字或字母X。": (
        "The first 17 characters of the ID card number must be digits, and the last one a"
        " digit or the letter X.",
        "كىملىك نومۇرىنىڭ ئالدىدىكى 17 خانىسى رەقەم، ئاخىرقى خانىسى رەقەم ياكى X ھەرپى"
        " بولۇشى كېرەك.",
    ),
    "身份证号码前两位“%(code)s”不是有效的省级行政区划代码。": (
        'The first two digits of the ID card number, "%(code)s", are not a valid'
        " province-level administrative division code.",
        "كىملىك نومۇرىنىڭ ئالدىدىكى ئىككى خانىسى «%(code)s» ئىناۋەتلىك ئۆلكە دەرىجىلىك"
        " مەمۇرىي رايون كودى ئەمەس.",
    ),
    "身份证号码中的出生日期“%(digits)s”不是有效日期。": (
        'The date of birth "%(digits)s" in the ID card number is not a valid date.',
        "كىملىك نومۇرىدىكى تۇغۇلغان چېسلا «%(digits)s» ئىناۋەتلىك چېسلا ئەمەس.",
    ),
    "身份证号码中的出生日期不能早于1900年1月1日。": (
        "The date of birth in the ID card number cannot be earlier than 1 January 1900.",
        "كىملىك نومۇرىدىكى تۇغۇلغان چېسلا 1900-يىلى 1-يانۋاردىن بۇرۇن بولسا بولمايدۇ.",
    ),
    "身份证号码中的出生日期不能晚于今天。": (
        "The date of birth in the ID card number cannot be later than today.",
        "كىملىك نومۇرىدىكى تۇغۇلغان چېسلا بۈگۈندىن كېيىن بولسا بولمايدۇ.",
    ),
    "身份证号码校验位不正确，请核对后重新输入。": (
        "The check digit of the ID card number is incorrect. Please check it and enter it again.",
        "كىملىك نومۇرىنىڭ تەكشۈرۈش خانىسى خاتا، تەكشۈرۈپ قايتا كىرگۈزۈڭ.",
    ),
    # --- Unified social credit code ---
    "统一社会信用代码应为18位，当前为%(length)d位。": (
        "The unified social credit code must have 18 characters; it currently has %(length)d.",
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودى 18 خانىلىق بولۇشى كېرەك، ھازىر"
        " %(length)d خانىلىق.",
    ),
    "统一社会信用代码不使用字母I、O、Z、S、V，请检查“%(letters)s”是否应为数字。": (
        "The unified social credit code does not use the letters I, O, Z, S or V. Please"
        ' check whether "%(letters)s" should be digits.',
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىدا I، O، Z، S، V ھەرپلىرى ئىشلىتىلمەيدۇ،"
        " «%(letters)s» نىڭ ئورنىدا رەقەم بولۇشى كېرەك-كەتمەيدىغانلىقىنى تەكشۈرۈڭ.",
    ),
    "统一社会信用代码只能由数字和大写英文字母组成。": (
        "The unified social credit code may contain only digits and capital Latin letters.",
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودى پەقەت رەقەم ۋە چوڭ ئىنگلىزچە ھەرپلەردىن"
        " تەركىب تاپىدۇ.",
    ),
    "统一社会信用代码第1位（登记管理部门代码）“%(code)s”无效。": (
        "Character 1 of the unified social credit code (registration authority code),"
        ' "%(code)s", is invalid.',
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنىڭ 1-خانىسى (تىزىملاش باشقۇرۇش"
        " تارمىقى كودى) «%(code)s» ئىناۋەتسىز.",
    ),
    "统一社会信用代码第2位（机构类别代码）“%(code)s”与登记管理部门不符。": (
        "Character 2 of the unified social credit code (organization category code),"
        ' "%(code)s", does not match the registration authority.',
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنىڭ 2-خانىسى (ئورگان تۈرى كودى)"
        " «%(code)s» تىزىملاش باشقۇرۇش تارمىقىغا ماس كەلمەيدۇ.",
    ),
    "统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字。": (
        "Characters 3 to 8 of the unified social credit code (administrative division code"
        " of the registration authority) must be digits.",
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنىڭ 3-خانىسىدىن 8-خانىسىغىچە (تىزىملاش"
        " ئورگىنىنىڭ مەمۇرىي رايون كودى) رەقەم بولۇشى كېرەك.",
    ),
    "统一社会信用代码第9至17位（组织机构代码）的校验位不正确，请核对后重新输入。": (
        "The check character of characters 9 to 17 of the unified social credit code"
        " (organization code) is incorrect. Please check it and enter it again.",
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنىڭ 9-خانىسىدىن 17-خانىسىغىچە (تەشكىلىي"
        " ئورگان كودى) بولغان قىسمىنىڭ تەكشۈرۈش خانىسى خاتا، تەكشۈرۈپ قايتا كىرگۈزۈڭ.",
    ),
    "统一社会信用代码第18位（校验码）不正确，请核对后重新输入。": (
        "Character 18 of the unified social credit code (check character) is incorrect."
        " Please check it and enter it again.",
        "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنىڭ 18-خانىسى (تەكشۈرۈش كودى) خاتا،"
        " تەكشۈرۈپ قايتا كىرگۈزۈڭ.",
    ),
    # --- Mobile number ---
    "手机号码只能包含数字，可带+86前缀。": (
        "The mobile number may contain only digits, optionally with a +86 prefix.",
        "يانفون نومۇرى پەقەت رەقەملەردىن تەركىب تاپىدۇ، ئالدىغا +86 قوشۇلسا بولىدۇ.",
    ),
    "手机号码应为11位数字，当前为%(length)d位。": (
        "The mobile number must have 11 digits; it currently has %(length)d.",
        "يانفون نومۇرى 11 خانىلىق رەقەم بولۇشى كېرەك، ھازىر %(length)d خانىلىق.",
    ),
    "手机号码应以1开头，第二位为3至9。": (
        "The mobile number must start with 1, and its second digit must be 3 to 9.",
        "يانفون نومۇرى 1 بىلەن باشلىنىشى، ئىككىنچى خانىسى 3 تىن 9 غىچە بولۇشى كېرەك.",
    ),
    # --- Site layout, log-in pages ---
    "没有这个地区。": ("No such region.", "بۇنداق رايون يوق."),
    "新疆职称管理平台": (
        "Xinjiang Professional Title Management Platform",
        "شىنجاڭ ئۇنۋان باشقۇرۇش سۇپىسى",
    ),
    "新疆专业技术人员职称管理平台": (
        "Xinjiang Professional and Technical Personnel Title Management Platform",
        "شىنجاڭ كەسپىي تېخنىك خادىملار ئۇنۋان باشقۇرۇش سۇپىسى",
    ),
    "公共站点": ("Public site", "ئاممىۋى تور بېكەت"),
    "切换地区": ("Switch region", "رايون ئالماشتۇرۇش"),
    "前往": ("Go", "بېرىش"),
    "退出": ("Log out", "چىكىنىش"),
    "登录": ("Log in", "كىرىش"),
    "语言": ("Language", "تىل"),
    "切换语言": ("Switch language", "تىل ئالماشتۇرۇش"),
    "新疆维吾尔自治区人力资源和社会保障厅 · 职称管理平台": (
        "Department of Human Resources and Social Security of Xinjiang Uygur Autonomous"
        " Region · Professional Title Management Platform",
        "شىنجاڭ ئۇيغۇر ئاپتونوم رايونلۇق ئادەم كۈچى بايلىقى ۋە ئىجتىمائىي كاپالەت"
        " نازارىتى · ئۇنۋان باشقۇرۇش سۇپىسى",
    ),
    # The region selector shows region names in Chinese, so the option is quoted as shown.
    "申报自治区评审的职称请选择“自治区”；申报其他地州的职称，请选择所需地州后登录。": (
        'To apply for a title reviewed by the Autonomous Region, select "自治区"'
        " (Autonomous Region); to apply for a title in another prefecture, select that"
        " prefecture and then log in.",
        "ئاپتونوم رايون باھالايدىغان ئۇنۋانغا ئىلتىماس قىلسىڭىز «自治区» (ئاپتونوم رايون)"
        " نى تاللاڭ؛ باشقا ۋىلايەت-ئوبلاستلارنىڭ ئۇنۋانىغا ئىلتىماس قىلسىڭىز، مۇناسىپ"
        " ۋىلايەت-ئوبلاستنى تاللاپ ئاندىن كىرىڭ.",
    ),
    "登录凭据无效或已过期": (
        "The login credential is invalid or has expired",
        "كىرىش ئىسپاتى ئىناۋەتسىز ياكى ۋاقتى ئۆتۈپ كەتكەن",
    ),
    "请重新登录。": ("Please log in again.", "قايتا كىرىڭ."),
    "自治区和各地州职称网站账号通用：一次注册，一处登录，各地区均可使用。": (
        "One account for the Autonomous Region and every prefecture's title site: register"
        " once, log in once, and use it in every region.",
        "ئاپتونوم رايون ۋە ھەرقايسى ۋىلايەت-ئوبلاستلارنىڭ ئۇنۋان تور بېكەتلىرىدە"
        " ھېسابات ئورتاق: بىر قېتىم تىزىملىتىپ، بىر جايدا كىرسىڭىز، ھەممە رايوندا"
        " ئىشلىتەلەيسىز.",
    ),
    "您好，%(name)s": ("Hello, %(name)s", "ياخشىمۇسىز، %(name)s"),
    "请选择要进入的地区：": ("Choose the region to enter:", "كىرمەكچى بولغان رايوننى تاللاڭ:"),
    "各地区站点": ("Regional sites", "ھەرقايسى رايونلارنىڭ تور بېكەتلىرى"),
    "南疆四地州": (
        "Four Prefectures of Southern Xinjiang",
        "جەنۇبىي شىنجاڭدىكى تۆت ۋىلايەت-ئوبلاست",
    ),
    # --- Region home page, notices ---
    "职称申报": ("Professional title applications", "ئۇنۋان ئىلتىماسى"),
    "本地区属南疆四地州，实行定向评审、定向使用政策，评审前如有不清楚请咨询相关评审部门。": (
        "This region is one of the Four Prefectures of Southern Xinjiang, where the targeted"
        " review and targeted employment policy applies. If anything is unclear before the"
        " review, please consult the relevant review department.",
        "بۇ رايون جەنۇبىي شىنجاڭدىكى تۆت ۋىلايەت-ئوبلاستقا تەۋە بولۇپ، يۆنىلىشلىك"
        " باھالاش، يۆنىلىشلىك ئىشلىتىش سىياسىتى يولغا قويۇلىدۇ. باھالاشتىن بۇرۇن ئېنىق"
        " بولمىغان مەسىلىلەر بولسا، مۇناسىۋەتلىك باھالاش تارماقلىرىدىن سوراڭ.",
    ),
    "欢迎，%(name)s": ("Welcome, %(name)s", "خۇش كەلدىڭىز، %(name)s"),
    "通知公告": ("Notices", "ئۇقتۇرۇش-ئېلانلار"),
    "置顶": ("Pinned", "ئۈستىگە چىقىرىلغان"),
    "暂无通知公告。": ("No notices yet.", "ھازىرچە ئۇقتۇرۇش-ئېلان يوق."),
    # --- Regions (tenants) ---
    "地区": ("Region", "رايون"),
    "名称": ("Name", "نامى"),
    "全称": ("Full name", "تولۇق نامى"),
    "定向评审、定向使用政策适用的地区": (
        "A region where the targeted review and targeted employment policy applies",
        "يۆنىلىشلىك باھالاش، يۆنىلىشلىك ئىشلىتىش سىياسىتى قوللىنىلىدىغان رايون",
    ),
    "排序": ("Sort order", "تەرتىپ"),
    "域名": ("Domain", "دومېن نامى"),
    "路由版本": ("Routing version", "يول تاللاش نەشرى"),
    "地区代码必须是 2–31 位小写字母或数字，以字母开头，且不能是保留字：%(code)s": (
        "The region code must be 2–31 lowercase letters or digits, start with a letter and"
        " not be a reserved word: %(code)s",
        "رايون كودى 2–31 خانىلىق كىچىك ھەرپ ياكى رەقەم بولۇشى، ھەرپ بىلەن باشلىنىشى"
        " ھەمدە ساقلانغان سۆز بولماسلىقى كېرەك: %(code)s",
    ),
    "页面不存在": ("Page not found", "بەت مەۋجۇت ئەمەس"),
    "没有这个地区的站点。请检查网址。": (
        "There is no site for this region. Please check the address.",
        "بۇ رايوننىڭ تور بېكىتى يوق. تور ئادرېسىنى تەكشۈرۈڭ.",
    ),
    # --- Regional workflow ---
    "地区业务": ("Regional operations", "رايون ئىشلىرى"),
    "标题": ("Title", "ماۋزۇ"),
    "正文": ("Body", "مەزمۇن"),
    "发布时间": ("Published at", "ئېلان قىلىنغان ۋاقىت"),
}

# msgid (singular) -> ((English singular, plural), (Uyghur singular, plural)); none yet.
PLURAL_GLOSSARY: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}


@dataclass(frozen=True)
class Catalog:
    language: str
    index: int  # position of this language in the glossary's tuples

    @property
    def path(self) -> Path:
        return LOCALE_DIR / self.language / "LC_MESSAGES" / "django.po"


CATALOGS = (Catalog("en", 0), Catalog("ug", 1))


@dataclass
class Report:
    filled: int = 0
    missing: list[str] = field(default_factory=list)
    bad_placeholders: list[str] = field(default_factory=list)


def glossary_errors() -> list[str]:
    """Entries of the wrong shape, e.g. a missing comma that glued two strings together."""
    errors = [
        f"GLOSSARY[{k!r}] needs exactly (English, Uyghur)"
        for k, v in GLOSSARY.items()
        if len(v) != len(CATALOGS) or not all(isinstance(t, str) and t for t in v)
    ]
    errors += [
        f"PLURAL_GLOSSARY[{k!r}] needs ((en, en_plural), (ug, ug_plural))"
        for k, v in PLURAL_GLOSSARY.items()
        if len(v) != len(CATALOGS) or any(len(forms) != 2 or not all(forms) for forms in v)
    ]
    return errors


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _needs_work(entry: polib.POEntry, *, force: bool) -> bool:
    if force or entry.fuzzy:
        return True
    if entry.msgid_plural:
        return not all(entry.msgstr_plural.values())
    return not entry.msgstr


def _lookup(entry: polib.POEntry, index: int) -> tuple[str, ...] | None:
    """The translation(s) for one entry: one string, or singular and plural forms."""
    if entry.msgid_plural:
        plural = PLURAL_GLOSSARY.get(entry.msgid)
        return None if plural is None else plural[index]
    single = GLOSSARY.get(entry.msgid)
    return None if single is None else (single[index],)


def _placeholders_match(entry: polib.POEntry, forms: tuple[str, ...]) -> bool:
    if entry.msgid_plural:
        # The singular may drop the count (e.g. "one file"), but names must be a subset.
        wanted = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
        return set(placeholders(forms[-1])) == wanted and set(placeholders(forms[0])) <= wanted
    return placeholders(forms[0]) == placeholders(entry.msgid)


def _apply(entry: polib.POEntry, forms: tuple[str, ...]) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural = dict(enumerate(forms))
    else:
        entry.msgstr = forms[0]
    if entry.fuzzy:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = None
    entry.previous_msgid_plural = None
    entry.previous_msgctxt = None


def _fix_header(po: polib.POFile, language: str) -> bool:
    wanted = {
        "Language": language,
        "Plural-Forms": PLURAL_FORMS,
        "Content-Type": CONTENT_TYPE,
        "Content-Transfer-Encoding": "8bit",
    }
    changed = po.metadata_is_fuzzy or any(po.metadata.get(k) != v for k, v in wanted.items())
    po.metadata.update(wanted)
    po.metadata_is_fuzzy = False
    return bool(changed)


def fill(catalog: Catalog, *, check: bool, force: bool) -> Report:
    po = polib.pofile(str(catalog.path), encoding="utf-8")
    report = Report()
    changed = _fix_header(po, catalog.language)
    for entry in po:
        if entry.obsolete or not _needs_work(entry, force=force):
            continue
        forms = _lookup(entry, catalog.index)
        if forms is None:
            report.missing.append(entry.msgid)
            continue
        if not _placeholders_match(entry, forms):
            report.bad_placeholders.append(entry.msgid)
            continue
        _apply(entry, forms)
        report.filled += 1
        changed = True
    # Whatever the mode, report anything the catalog still lacks after this run.
    report.missing = sorted(
        {*report.missing, *(e.msgid for e in po.untranslated_entries() if e.msgid)}
        - set(report.bad_placeholders)
    )
    if changed and not check:
        po.metadata["PO-Revision-Date"] = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
        po.save(str(catalog.path))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report only; do not save")
    parser.add_argument("--force", action="store_true", help="overwrite existing msgstrs too")
    args = parser.parse_args(argv)

    out = sys.stdout
    errors = glossary_errors()
    if errors:
        out.write("".join(f"{e}\n" for e in errors))
        return 2
    status = 0
    for catalog in CATALOGS:
        report = fill(catalog, check=args.check, force=args.force)
        rel = catalog.path.relative_to(LOCALE_DIR.parent)
        verb = "would fill" if args.check else "filled"
        out.write(f"{rel}: {verb} {report.filled} entries\n")
        for msgid in report.missing:
            out.write(f"  untranslated (no glossary entry): {msgid!r}\n")
        for msgid in report.bad_placeholders:
            out.write(f"  placeholder mismatch: {msgid!r}\n")
        if report.missing or report.bad_placeholders:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
