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
    "第 %(n)s / %(total)s 页": ("Page %(n)s of %(total)s", "%(total)s بەتنىڭ %(n)s-بېتى"),
    "申请书已被办理，当前为“%(status)s”（%(node)s），不能%(action)s。": (
        'The application has already been handled and is now "%(status)s" (%(node)s); '
        "it cannot be %(action)s.",
        "ئىلتىماسنامە بىر تەرەپ قىلىندى، ھازىر «%(status)s» (%(node)s)، %(action)s بولمايدۇ.",
    ),
    "已有附件": ("Attachments", "بار قوشۇمچە ھۆججەتلەر"),
    "返回首页": ("Back to the home page", "باش بەتكە قايتىش"),
    "请先登录。": ("Please log in first.", "ئالدى بىلەن كىرىڭ."),
    "JPG、PNG 或 PDF，不超过 2MB；保存后可继续添加。": (
        "JPG, PNG or PDF, at most 2 MB; save to add another.",
        "JPG، PNG ياكى PDF، 2MB دىن ئاشمىسۇن؛ ساقلىغاندىن كېيىن يەنە قوشقىلى بولىدۇ.",
    ),
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
    # --- Registration and account forms ---
    "3–150 位字母、数字或 . @ + - _": (
        "3–150 letters, digits or . @ + - _",
        "3–150 خانىلىق ھەرپ، رەقەم ياكى . @ + - _",
    ),
    "至少8位，须包含大写字母、小写字母、数字、符号中的至少三类。": (
        "At least 8 characters, with at least three of: uppercase letters, lowercase letters,"
        " digits, symbols.",
        "كەم دېگەندە 8 خانە بولۇپ، چوڭ ھەرپ، كىچىك ھەرپ، رەقەم، بەلگە قاتارلىقلاردىن كەم دېگەندە"
        " ئۈچ خىلىنى ئۆز ئىچىگە ئېلىشى كېرەك.",
    ),
    "确认密码": ("Confirm password", "مەخپىي نومۇرنى جەزملەش"),
    "身份证号码": ("ID card number", "كىملىك نومۇرى"),
    "手机号码": ("Mobile number", "يانفون نومۇرى"),
    "电子邮箱": ("Email", "ئېلخەت ئادرېسى"),
    "身份证扫描件": ("Scan of ID card", "كىملىكنىڭ سكاننېرلانغان نۇسخىسى"),
    "JPG、PNG 或 PDF，不超过 2MB，图像请保持正向。": (
        "JPG, PNG or PDF, up to 2 MB; please keep the image upright.",
        "JPG، PNG ياكى PDF، 2MB دىن ئاشمىسۇن؛ رەسىم تۈز تۇرسۇن.",
    ),
    "两次输入的密码不一致。": (
        "The two passwords do not match.",
        "ئىككى قېتىم كىرگۈزۈلگەن مەخپىي نومۇر ئوخشاش ئەمەس.",
    ),
    "单位全称": ("Full name of the unit", "ئورۇننىڭ تولۇق نامى"),
    "单位简称": ("Short name of the unit", "ئورۇننىڭ قىسقارتىلما نامى"),
    "统一社会信用代码": ("Unified social credit code", "بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودى"),
    "单位所属地区": ("Region of the unit", "ئورۇن تەۋە رايون"),
    "联系人": ("Contact person", "ئالاقىلاشقۇچى"),
    "联系电话": ("Contact phone", "ئالاقە تېلېفونى"),
    "单位地址": ("Unit address", "ئورۇن ئادرېسى"),
    "单位性质": ("Type of unit", "ئورۇن خاراكتېرى"),
    "法定代表人": ("Legal representative", "قانۇنىي ۋەكىل"),
    "推荐单位（最多两个）": (
        "Recommending units (at most two)",
        "تەۋسىيە قىلغۇچى ئورۇن (ئەڭ كۆپ ئىككى)",
    ),
    "原密码": ("Current password", "ئەسلى مەخپىي نومۇر"),
    "新密码": ("New password", "يېڭى مەخپىي نومۇر"),
    "新单位全称": ("New full name of the unit", "ئورۇننىڭ يېڭى تولۇق نامى"),
    "新单位简称": ("New short name of the unit", "ئورۇننىڭ يېڭى قىسقارتىلما نامى"),
    "新统一社会信用代码": (
        "New unified social credit code",
        "يېڭى بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودى",
    ),
    "变更原因": ("Reason for the change", "ئۆزگەرتىش سەۋەبى"),
    "确认新密码": ("Confirm new password", "يېڭى مەخپىي نومۇرنى جەزملەش"),
    "初始密码": ("Initial password", "دەسلەپكى مەخپىي نومۇر"),
    # --- Accounts: registration, unit details, change requests ---
    "该用户名已被使用，请换一个。": (
        "This username is already taken. Please choose another one.",
        "بۇ ئىشلەتكۈچى نامى ئىشلىتىلىپ بولغان، باشقىسىنى تاللاڭ.",
    ),
    "该身份证号码已注册。一个身份证号只能注册一次，如忘记账号或密码，请使用“找回用户名或密码”。": (
        "This ID card number is already registered. An ID card number can be registered only once;"
        ' if you have forgotten your username or password, use "Recover username or password".',
        "بۇ كىملىك نومۇرى تىزىملىتىلىپ بولغان. بىر كىملىك نومۇرى پەقەت بىر قېتىملا تىزىملىتالايدۇ؛"
        " ئىشلەتكۈچى نامى ياكى مەخپىي نومۇرنى ئۇنتۇپ قالغان بولسىڭىز، «ئىشلەتكۈچى نامى ياكى مەخپىي"
        " نومۇرنى تېپىش» نى ئىشلىتىڭ.",
    ),
    "该身份证号码已注册。": (
        "This ID card number is already registered.",
        "بۇ كىملىك نومۇرى تىزىملىتىلىپ بولغان.",
    ),
    "已有单位以此名称注册，同一单位不能重复注册；如忘记账号，请使用“账号申诉”。": (
        "A unit is already registered under this name, and a unit cannot register twice; if you"
        ' have forgotten the account, use "Account appeal".',
        "بۇ نام بىلەن تىزىملاتقان ئورۇن بار، بىر ئورۇن قايتا تىزىملىتالمايدۇ؛ ھېساباتنى ئۇنتۇپ"
        " قالغان بولسىڭىز، «ھېسابات ئەرزى» نى ئىشلىتىڭ.",
    ),
    "该统一社会信用代码已注册。如忘记单位账号或密码，请使用“账号申诉”找回。": (
        "This unified social credit code is already registered. If you have forgotten the unit"
        ' account or its password, recover it through "Account appeal".',
        "بۇ بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودى تىزىملىتىلىپ بولغان. ئورۇن ھېساباتى ياكى"
        " مەخپىي نومۇرنى ئۇنتۇپ قالغان بولسىڭىز، «ھېسابات ئەرزى» ئارقىلىق تېپىڭ.",
    ),
    "请选择单位所属地区。": ("Please choose the region of the unit.", "ئورۇن تەۋە رايوننى تاللاڭ."),
    "该单位已注册。": ("This unit is already registered.", "بۇ ئورۇن تىزىملىتىلىپ بولغان."),
    "此项不能在这里修改。": (
        "This item cannot be changed here.",
        "بۇ تۈرنى بۇ يەردە ئۆزگەرتكىلى بولمايدۇ.",
    ),
    "最多只能选择两个推荐单位。": (
        "You can choose at most two recommending units.",
        "ئەڭ كۆپ ئىككى تەۋسىيە قىلغۇچى ئورۇن تاللىيالايسىز.",
    ),
    "所选推荐单位不存在。": (
        "The selected recommending unit does not exist.",
        "تاللانغان تەۋسىيە قىلغۇچى ئورۇن مەۋجۇت ئەمەس.",
    ),
    "请填写要变更的单位名称或统一社会信用代码。": (
        "Please enter the new unit name or unified social credit code.",
        "ئۆزگەرتمەكچى بولغان ئورۇن نامى ياكى بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنى تولدۇرۇڭ.",
    ),
    "该统一社会信用代码已被其他单位使用。": (
        "This unified social credit code is already used by another unit.",
        "بۇ بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنى باشقا ئورۇن ئىشلىتىۋاتىدۇ.",
    ),
    "已有一份变更申请正在审核，请等待审核结果。": (
        "A change request is already under review. Please wait for the result.",
        "بىر ئۆزگەرتىش ئىلتىماسى تەكشۈرۈلۈۋاتىدۇ، تەكشۈرۈش نەتىجىسىنى ساقلاڭ.",
    ),
    "该申请已处理。": (
        "This request has already been processed.",
        "بۇ ئىلتىماس بىر تەرەپ قىلىنىپ بولغان.",
    ),
    "驳回时请填写原因。": (
        "Please give a reason when rejecting.",
        "رەت قىلغاندا سەۋەبىنى تولدۇرۇڭ.",
    ),
    "原密码不正确。": ("The current password is incorrect.", "ئەسلى مەخپىي نومۇر خاتا."),
    "由于长时间未操作，您已自动退出，请重新登录。": (
        "You have been logged out automatically after a long period of inactivity. Please log in"
        " again.",
        "ئۇزۇن ۋاقىت مەشغۇلات قىلمىغانلىقىڭىز ئۈچۈن ئاپتوماتىك چېكىندۈرۈلدىڭىز، قايتا كىرىڭ.",
    ),
    "登录失败次数过多，账号已暂时锁定，请稍后再试或找回密码。": (
        "Too many failed log-in attempts: the account is temporarily locked. Please try again"
        " later or recover your password.",
        "كىرىش مەغلۇپ بولۇش قېتىم سانى بەك كۆپ بولغاچقا، ھېسابات ۋاقىتلىق قۇلۇپلاندى. سەل تۇرۇپ"
        " قايتا سىناڭ ياكى مەخپىي نومۇرنى تېپىڭ.",
    ),
    "本地区已有同名单位。": (
        "A unit with this name already exists in this region.",
        "بۇ رايوندا ئوخشاش ناملىق ئورۇن بار.",
    ),
    "注册成功，请登录。": (
        "Registration complete. Please log in.",
        "تىزىملىتىش مۇۋەپپەقىيەتلىك بولدى، كىرىڭ.",
    ),
    "单位注册成功，请登录后完善单位信息。": (
        "The unit has been registered. Please log in and complete the unit details.",
        "ئورۇن تىزىملىتىش مۇۋەپپەقىيەتلىك بولدى، كىرگەندىن كېيىن ئورۇن ئۇچۇرىنى تولۇقلاڭ.",
    ),
    "密码已修改。": ("Your password has been changed.", "مەخپىي نومۇر ئۆزگەرتىلدى."),
    "个人信息已保存。": ("Your personal details have been saved.", "شەخسىي ئۇچۇر ساقلاندى."),
    "单位信息已保存。": ("The unit details have been saved.", "ئورۇن ئۇچۇرى ساقلاندى."),
    "变更申请已提交，请等待地区管理员审核。": (
        "The change request has been submitted. Please wait for the region administrator to review"
        " it.",
        "ئۆزگەرتىش ئىلتىماسى تاپشۇرۇلدى، رايون باشقۇرغۇچىسىنىڭ تەكشۈرۈشىنى ساقلاڭ.",
    ),
    "密码须包含大写字母、小写字母、数字、符号中的至少三类。": (
        "The password must contain at least three of: uppercase letters, lowercase letters,"
        " digits, symbols.",
        "مەخپىي نومۇر چوڭ ھەرپ، كىچىك ھەرپ، رەقەم، بەلگە قاتارلىقلاردىن كەم دېگەندە ئۈچ خىلىنى ئۆز"
        " ئىچىگە ئېلىشى كېرەك.",
    ),
    # --- Files and the attachment library ---
    "文件": ("File", "ھۆججەت"),
    "文件是空的。": ("The file is empty.", "ھۆججەت قۇرۇق."),
    "只能上传 JPEG、PNG 图片或 PDF 文件（按文件内容检查，改扩展名无效）。": (
        "Only JPEG or PNG images and PDF files can be uploaded (the file content is checked;"
        " changing the extension does not help).",
        "پەقەت JPEG، PNG رەسىم ياكى PDF ھۆججەت يوللىغىلى بولىدۇ (ھۆججەت مەزمۇنى بويىچە"
        " تەكشۈرۈلىدۇ، كېڭەيتمە نامىنى ئۆزگەرتىش ئۈنۈمسىز).",
    ),
    "图片已损坏或无法识别，请重新扫描或拍照后上传。": (
        "The image is damaged or cannot be recognized. Please scan or photograph it again and"
        " upload it.",
        "رەسىم بۇزۇلغان ياكى تونۇغىلى بولمايدۇ، قايتا سكاننېرلاپ ياكى رەسىمگە تارتىپ يوللاڭ.",
    ),
    "图片像素过大（超过 %(limit)s 万像素），请缩小后再上传。": (
        "The image has too many pixels (more than %(limit)s × 10,000). Please make it smaller and"
        " upload it again.",
        "رەسىمنىڭ پىكسېلى بەك كۆپ (%(limit)s تۈمەن پىكسېلدىن ئاشقان)، كىچىكلىتىپ قايتا يوللاڭ.",
    ),
    "PDF 文件已损坏或无法打开。": (
        "The PDF file is damaged or cannot be opened.",
        "PDF ھۆججىتى بۇزۇلغان ياكى ئاچقىلى بولمايدۇ.",
    ),
    "PDF 文件已加密或设有密码，请上传未加密的文件。": (
        "The PDF file is encrypted or password-protected. Please upload an unencrypted file.",
        "PDF ھۆججىتى شىفىرلانغان ياكى مەخپىي نومۇر قويۇلغان، شىفىرلانمىغان ھۆججەت يوللاڭ.",
    ),
    "PDF 文件没有任何页面。": ("The PDF file has no pages.", "PDF ھۆججىتىدە ھېچقانداق بەت يوق."),
    "该文件正被申报材料使用，不能删除。": (
        "This file is used in application materials and cannot be deleted.",
        "بۇ ھۆججەت ئىلتىماس ماتېرىيالىدا ئىشلىتىلىۋاتىدۇ، ئۆچۈرگىلى بولمايدۇ.",
    ),
    "文件大小不能超过 %(limit)s。": (
        "The file size cannot exceed %(limit)s.",
        "ھۆججەت چوڭلۇقى %(limit)s دىن ئاشمىسۇن.",
    ),
    "SHA-256 必须是 64 位小写十六进制数。": (
        "SHA-256 must be 64 lowercase hexadecimal digits.",
        "SHA-256 چوقۇم 64 خانىلىق كىچىك ھەرپلىك ئون ئالتىلىك سان بولۇشى كېرەك.",
    ),
    "大小（字节）": ("Size (bytes)", "چوڭلۇقى (بايت)"),
    "文件类型": ("File type", "ھۆججەت تىپى"),
    "宽度（像素）": ("Width (pixels)", "كەڭلىكى (پىكسېل)"),
    "高度（像素）": ("Height (pixels)", "ئېگىزلىكى (پىكسېل)"),
    "页数": ("Pages", "بەت سانى"),
    "存储路径": ("Storage path", "ساقلاش يولى"),
    "缩略图路径": ("Thumbnail path", "كىچىك رەسىم يولى"),
    "创建时间": ("Created at", "قۇرۇلغان ۋاقىت"),
    "所有人": ("Owner", "ئىگىسى"),
    "文件名": ("File name", "ھۆججەت نامى"),
    "上传时间": ("Uploaded at", "يوللانغان ۋاقىت"),
    "附件库文件": ("Attachment library file", "قوشۇمچە ھۆججەت ئامبىرىدىكى ھۆججەت"),
    "选择文件": ("Choose a file", "ھۆججەت تاللاش"),
    "已上传：%(name)s": ("Uploaded: %(name)s", "يوللاندى: %(name)s"),
    "已从附件库删除：%(name)s": (
        "Deleted from the attachment library: %(name)s",
        "قوشۇمچە ھۆججەت ئامبىرىدىن ئۆچۈرۈلدى: %(name)s",
    ),
    "附件库": ("Attachment library", "قوشۇمچە ھۆججەت ئامبىرى"),
    "我的附件库": ("My attachment library", "مېنىڭ قوشۇمچە ھۆججەت ئامبىرىم"),
    (
        "可上传 JPEG、PNG 图片或 PDF 文件，每个文件不超过 %(limit)s。图片会按拍摄方向自动摆正，并去"
        "除位置等隐私信息。附件库中的文件可在各地区的申报中重复使用。"
    ): (
        "You can upload JPEG or PNG images and PDF files of up to %(limit)s each. Images are"
        " turned upright automatically according to how they were taken, and private information"
        " such as the location is removed. Files in the attachment library can be reused in"
        " applications in every region.",
        "JPEG، PNG رەسىم ياكى PDF ھۆججەت يوللىيالايسىز، ھەر بىر ھۆججەت %(limit)s دىن ئاشمىسۇن."
        " رەسىملەر تارتىلغان يۆنىلىشى بويىچە ئاپتوماتىك تۈزلىنىدۇ ھەمدە ئورۇن قاتارلىق شەخسىي"
        " مەخپىي ئۇچۇرلار ئۆچۈرۈلىدۇ. قوشۇمچە ھۆججەت ئامبىرىدىكى ھۆججەتلەرنى ھەرقايسى رايونلاردىكى"
        " ئىلتىماسلاردا قايتا-قايتا ئىشلەتكىلى بولىدۇ.",
    ),
    "上传": ("Upload", "يوللاش"),
    "删除 %(name)s": ("Delete %(name)s", "%(name)s نى ئۆچۈرۈش"),
    "删除": ("Delete", "ئۆچۈرۈش"),
    "附件库中还没有文件。": (
        "There are no files in the attachment library yet.",
        "قوشۇمچە ھۆججەت ئامبىرىدا تېخى ھۆججەت يوق.",
    ),
    # --- Notifications ---
    "数量": ("Number of items", "سانى"),
    "通知编号": ("Notification IDs", "ئۇقتۇرۇش نومۇرى"),
    "全部": ("All", "ھەممىسى"),
    "请提供要标为已读的通知编号，或选择全部。": (
        "Give the IDs of the notifications to mark as read, or choose all.",
        "ئوقۇلدى دەپ بەلگە قويماقچى بولغان ئۇقتۇرۇشلارنىڭ نومۇرىنى بېرىڭ ياكى ھەممىسىنى تاللاڭ.",
    ),
    "接收人": ("Recipient", "تاپشۇرۇۋالغۇچى"),
    "内容": ("Content", "مەزمۇنى"),
    "链接": ("Link", "ئۇلانما"),
    "通知时间": ("Notified at", "ئۇقتۇرۇلغان ۋاقىت"),
    "阅读时间": ("Read at", "ئوقۇلغان ۋاقىت"),
    "通知": ("Notifications", "ئۇقتۇرۇشلار"),
    # Prefixed to the e-mail subject, hence the trailing space.
    "【新疆职称管理平台】": (
        "[Xinjiang Professional Title Management Platform] ",
        "[شىنجاڭ ئۇنۋان باشقۇرۇش سۇپىسى] ",
    ),
    "%(name)s，您好：\n\n%(body)s\n\n查看详情：%(url)s\n\n%(site)s": (
        "Dear %(name)s,\n\n%(body)s\n\nDetails: %(url)s\n\n%(site)s",
        "ھۆرمەتلىك %(name)s، ياخشىمۇسىز:\n\n%(body)s\n\nتەپسىلاتىنى كۆرۈش: %(url)s\n\n%(site)s",
    ),
    "已将全部通知标为已读。": (
        "All notifications have been marked as read.",
        "بارلىق ئۇقتۇرۇشلار ئوقۇلدى دەپ بەلگە قويۇلدى.",
    ),
    "未读通知": ("Unread notifications", "ئوقۇلمىغان ئۇقتۇرۇشلار"),
    "全部标为已读": ("Mark all as read", "ھەممىسىنى ئوقۇلدى دەپ بەلگە قويۇش"),
    "未读": ("Unread", "ئوقۇلمىغان"),
    "暂无通知。": ("No notifications yet.", "ھازىرچە ئۇقتۇرۇش يوق."),
    "上一页": ("Previous", "ئالدىنقى بەت"),
    "第 %(number)s / %(total)s 页": ("Page %(number)s of %(total)s", "%(number)s / %(total)s بەت"),
    "下一页": ("Next", "كېيىنكى بەت"),
    # --- Catalog: form validation messages ---
    "文本": ("text", "تېكىست"),
    "整数": ("an integer", "پۈتۈن سان"),
    "数字": ("a number", "سان"),
    "是或否": ("yes or no", "ھەئە ياكى ياق"),
    "列表": ("a list", "تىزىملىك"),
    "对象": ("an object", "ئوبيېكت"),
    "空值": ("empty", "قۇرۇق قىممەت"),
    "「%(field)s」为必填项": ('"%(field)s" is required', "«%(field)s» چوقۇم تولدۇرۇلىدۇ"),
    "「%(field)s」不是本栏目的字段": (
        '"%(field)s" is not a field of this section',
        "«%(field)s» بۇ بۆلەكنىڭ مەيدانى ئەمەس",
    ),
    "「%(field)s」不能小于 %(limit)s": (
        '"%(field)s" cannot be less than %(limit)s',
        "«%(field)s» %(limit)s دىن كىچىك بولسا بولمايدۇ",
    ),
    "「%(field)s」不能大于 %(limit)s": (
        '"%(field)s" cannot be greater than %(limit)s',
        "«%(field)s» %(limit)s دىن چوڭ بولسا بولمايدۇ",
    ),
    "「%(field)s」必须大于 %(limit)s": (
        '"%(field)s" must be greater than %(limit)s',
        "«%(field)s» چوقۇم %(limit)s دىن چوڭ بولۇشى كېرەك",
    ),
    "「%(field)s」必须小于 %(limit)s": (
        '"%(field)s" must be less than %(limit)s',
        "«%(field)s» چوقۇم %(limit)s دىن كىچىك بولۇشى كېرەك",
    ),
    "「%(field)s」不能超过 %(limit)s 个字": (
        '"%(field)s" cannot be longer than %(limit)s characters',
        "«%(field)s» %(limit)s ھەرپتىن ئاشمىسۇن",
    ),
    "「%(field)s」最多 %(limit)s 条": (
        '"%(field)s" can have at most %(limit)s entries',
        "«%(field)s» ئەڭ كۆپ %(limit)s تۈر بولىدۇ",
    ),
    "「%(field)s」应为 %(limit)s 的倍数": (
        '"%(field)s" must be a multiple of %(limit)s',
        "«%(field)s» %(limit)s نىڭ ھەسسىسى بولۇشى كېرەك",
    ),
    "「%(field)s」格式不正确": (
        '"%(field)s" is not in the right format',
        "«%(field)s» نىڭ پىچىمى توغرا ئەمەس",
    ),
    "「%(field)s」中有重复的项": (
        '"%(field)s" has duplicate entries',
        "«%(field)s» دا تەكرارلانغان تۈر بار",
    ),
    "或": (" or ", " ياكى "),
    "「%(field)s」应为%(kind)s": (
        '"%(field)s" must be %(kind)s',
        "«%(field)s» %(kind)s بولۇشى كېرەك",
    ),
    "「%(field)s」不是有效的日期（YYYY-MM-DD）": (
        '"%(field)s" is not a valid date (YYYY-MM-DD)',
        "«%(field)s» ئىناۋەتلىك چېسلا ئەمەس (YYYY-MM-DD)",
    ),
    "「%(field)s」不是有效的电子邮箱地址": (
        '"%(field)s" is not a valid email address',
        "«%(field)s» ئىناۋەتلىك ئېلخەت ئادرېسى ئەمەس",
    ),
    "「%(field)s」不能为空": ('"%(field)s" cannot be empty', "«%(field)s» قۇرۇق بولسا بولمايدۇ"),
    "「%(field)s」至少 %(limit)s 个字": (
        '"%(field)s" must have at least %(limit)s characters',
        "«%(field)s» كەم دېگەندە %(limit)s ھەرپ بولۇشى كېرەك",
    ),
    "「%(field)s」至少填写 %(limit)s 条": (
        '"%(field)s" needs at least %(limit)s entries',
        "«%(field)s» غا كەم دېگەندە %(limit)s تۈر تولدۇرۇلۇشى كېرەك",
    ),
    "「%(field)s」不应填写": (
        '"%(field)s" should be left empty',
        "«%(field)s» تولدۇرۇلماسلىقى كېرەك",
    ),
    "「%(field)s」只能是：%(options)s": (
        '"%(field)s" can only be: %(options)s',
        "«%(field)s» پەقەت بۇلار بولالايدۇ: %(options)s",
    ),
    "「%(field)s」不是可选的值": (
        '"%(field)s" is not one of the allowed values',
        "«%(field)s» تاللاشقا بولىدىغان قىممەت ئەمەس",
    ),
    "「%(field)s」不符合要求": (
        '"%(field)s" does not meet the requirements',
        "«%(field)s» تەلەپكە ئۇيغۇن ئەمەس",
    ),
    # --- Catalog: levels, grades, qualifications, forms ---
    "初级": ("Junior", "باشلانغۇچ دەرىجە"),
    "中级": ("Intermediate", "ئوتتۇرا دەرىجە"),
    "副高级": ("Deputy senior", "مۇئاۋىن يۇقىرى دەرىجە"),
    "正高级": ("Full senior", "تولۇق يۇقىرى دەرىجە"),
    "员级": ("Clerk grade", "خادىم دەرىجىسى"),
    "助理级": ("Assistant grade", "ياردەمچى دەرىجىسى"),
    "代码只能由小写字母、数字和连字符组成，且不超过128个字符。": (
        "The code may contain only lowercase letters, digits and hyphens, and at most 128"
        " characters.",
        "كود پەقەت كىچىك ھەرپ، رەقەم ۋە سىزىقچىدىن تەركىب تاپىدۇ، 128 ھەرپتىن ئاشمايدۇ.",
    ),
    "代码“%(code)s”已被使用，代码一经发布不得重复。": (
        'The code "%(code)s" is already in use; a published code can never be reused.',
        "«%(code)s» كودى ئىشلىتىلىپ بولغان، ئېلان قىلىنغان كود قايتا ئىشلىتىلمەيدۇ.",
    ),
    "请选择级别。": ("Please choose a level.", "دەرىجىنى تاللاڭ."),
    "等次无效。": ("The grade is invalid.", "باسقۇچ ئىناۋەتسىز."),
    "只有初级资格可以区分员级和助理级。": (
        "Only junior qualifications can be divided into clerk and assistant grades.",
        "پەقەت باشلانغۇچ دەرىجىلىك سالاھىيەتنىلا خادىم دەرىجىسى ۋە ياردەمچى دەرىجىسىگە ئايرىشقا"
        " بولىدۇ.",
    ),
    "请填写资格名称。": ("Please enter the qualification name.", "سالاھىيەت نامىنى تولدۇرۇڭ."),
    "资格名称不能超过64个字。": (
        "The qualification name cannot be longer than 64 characters.",
        "سالاھىيەت نامى 64 ھەرپتىن ئاشمىسۇن.",
    ),
    "该专业下已有同名资格。": (
        "This specialty already has a qualification with this name.",
        "بۇ كەسىپتە ئوخشاش ناملىق سالاھىيەت بار.",
    ),
    "表单定义应为 JSON 对象。": (
        "The form definition must be a JSON object.",
        "جەدۋەل ئېنىقلىمىسى JSON ئوبيېكتى بولۇشى كېرەك.",
    ),
    "表单代码应为“%(key)s”。": (
        'The form code must be "%(key)s".',
        "جەدۋەل كودى «%(key)s» بولۇشى كېرەك.",
    ),
    "title 应为非空文本。": (
        "title must be non-empty text.",
        "title قۇرۇق بولمىغان تېكىست بولۇشى كېرەك.",
    ),
    "sections 应为非空列表。": (
        "sections must be a non-empty list.",
        "sections قۇرۇق بولمىغان تىزىملىك بولۇشى كېرەك.",
    ),
    "第%(n)s个栏目": ("Section %(n)s", "%(n)s-بۆلەك"),
    "%(where)s应为对象。": ("%(where)s must be an object.", "%(where)s: ئوبيېكت بولۇشى كېرەك."),
    "%(where)s的 key 应由小写字母、数字和下划线组成。": (
        "%(where)s: key must consist of lowercase letters, digits and underscores.",
        "%(where)s: key كىچىك ھەرپ، رەقەم ۋە ئاستى سىزىقتىن تەركىب تېپىشى كېرەك.",
    ),
    "栏目 key“%(key)s”重复。": (
        'The section key "%(key)s" is used twice.',
        "بۆلەك key «%(key)s» تەكرارلانغان.",
    ),
    "栏目“%(key)s”": ('Section "%(key)s"', "«%(key)s» بۆلىكى"),
    "%(where)s缺少标题（title）。": (
        "%(where)s has no title (title).",
        "%(where)s: ماۋزۇ (title) يوق.",
    ),
    "%(where)s的 filled_by 应为 applicant 或 unit。": (
        "%(where)s: filled_by must be applicant or unit.",
        "%(where)s: filled_by قىممىتى applicant ياكى unit بولۇشى كېرەك.",
    ),
    "%(where)s缺少 schema 对象。": (
        "%(where)s has no schema object.",
        "%(where)s: schema ئوبيېكتى يوق.",
    ),
    "%(where)s的 schema 不是有效的 JSON Schema（2020-12）：%(error)s": (
        "%(where)s: schema is not a valid JSON Schema (2020-12): %(error)s",
        "%(where)s: schema ئىناۋەتلىك JSON Schema (2020-12) ئەمەس: %(error)s",
    ),
    "%(where)s的 schema 类型应为 object。": (
        "%(where)s: the schema type must be object.",
        "%(where)s: schema تىپى object بولۇشى كېرەك.",
    ),
    "%(where)s的 x-min-attachments 应为不小于 0 的整数。": (
        "%(where)s: x-min-attachments must be an integer of at least 0.",
        "%(where)s: x-min-attachments نۆلدىن كىچىك بولمىغان پۈتۈن سان بولۇشى كېرەك.",
    ),
    "rule_fields 应为对象。": (
        "rule_fields must be an object.",
        "rule_fields ئوبيېكت بولۇشى كېرەك.",
    ),
    "rule_fields.%(name)s 应写明 field（栏目.字段）。": (
        "rule_fields.%(name)s must give field (section.field).",
        "rule_fields.%(name)s دا field (بۆلەك.مەيدان) ئېنىق يېزىلىشى كېرەك.",
    ),
    "rule_fields.%(name)s 指向的字段 %(field)s 不存在。": (
        "The field %(field)s that rule_fields.%(name)s points to does not exist.",
        "rule_fields.%(name)s كۆرسەتكەن %(field)s مەيدانى مەۋجۇت ئەمەس.",
    ),
    "rule_fields.%(name)s 的 map 应为对象。": (
        "rule_fields.%(name)s: map must be an object.",
        "rule_fields.%(name)s: map ئوبيېكت بولۇشى كېرەك.",
    ),
    "与当前版本（第%(v)s版）相同，无需发布。": (
        "Identical to the current version (version %(v)s); nothing to publish.",
        "نۆۋەتتىكى نەشر (%(v)s-نەشر) بىلەن ئوخشاش، ئېلان قىلىشنىڭ ھاجىتى يوق.",
    ),
    "可选：%(values)s": ("Choices: %(values)s", "تاللاشقا بولىدىغىنى: %(values)s"),
    "格式": ("Format", "پىچىمى"),
    "最小": ("Minimum", "ئەڭ كىچىك"),
    "最大": ("Maximum", "ئەڭ چوڭ"),
    "最少字数": ("Minimum length", "ئەڭ ئاز ھەرپ سانى"),
    "最多字数": ("Maximum length", "ئەڭ كۆپ ھەرپ سانى"),
    "最少条数": ("Minimum entries", "ئەڭ ئاز تۈر سانى"),
    "最多条数": ("Maximum entries", "ئەڭ كۆپ تۈر سانى"),
    "请填写条件说明。": (
        "Please enter the description of the requirements.",
        "شەرت چۈشەندۈرۈشىنى تولدۇرۇڭ.",
    ),
    "不是有效的 JSON（第%(line)s行第%(column)s列）：%(message)s": (
        "Not valid JSON (line %(line)s, column %(column)s): %(message)s",
        "ئىناۋەتلىك JSON ئەمەس (%(line)s-قۇر، %(column)s-ئىستون): %(message)s",
    ),
    "资格名称": ("Qualification name", "سالاھىيەت نامى"),
    "代码": ("Code", "كود"),
    "小写字母、数字和连字符，如 school-teacher-chinese-intermediate；发布后不可修改。": (
        "Lowercase letters, digits and hyphens, e.g. school-teacher-chinese-intermediate; cannot"
        " be changed once published.",
        "كىچىك ھەرپ، رەقەم ۋە سىزىقچە، مەسىلەن school-teacher-chinese-intermediate؛ ئېلان"
        " قىلىنغاندىن كېيىن ئۆزگەرتكىلى بولمايدۇ.",
    ),
    "级别": ("Level", "دەرىجە"),
    "等次": ("Grade", "باسقۇچ"),
    "不区分": ("Not divided", "ئايرىلمايدۇ"),
    "仅初级可区分员级、助理级。": (
        "Only the junior level is divided into clerk and assistant grades.",
        "پەقەت باشلانغۇچ دەرىجىنىلا خادىم دەرىجىسى، ياردەمچى دەرىجىسىگە ئايرىشقا بولىدۇ.",
    ),
    "表单定义（JSON）": ("Form definition (JSON)", "جەدۋەل ئېنىقلىمىسى (JSON)"),
    (
        "包含 title、sections（每个栏目含 key、title、filled_by、schema）和"
        " rule_fields；发布后成为新版本，已有版本不会被修改。"
    ): (
        "Contains title, sections (each with key, title, filled_by and schema) and rule_fields;"
        " publishing creates a new version and leaves the existing versions unchanged.",
        "title، sections (ھەر بىر بۆلەكتە key، title، filled_by، schema بار) ۋە rule_fields نى ئۆز"
        " ئىچىگە ئالىدۇ؛ ئېلان قىلىنغاندىن كېيىن يېڭى نەشر بولىدۇ، بار نەشرلەر ئۆزگەرتىلمەيدۇ.",
    ),
    "条件说明": ("Description of the requirements", "شەرت چۈشەندۈرۈشى"),
    "规则（JSON）": ("Rules (JSON)", "قائىدىلەر (JSON)"),
    "规则列表；可用类型见下方说明。留空表示没有可自动检查的规则。": (
        "A list of rules; the available kinds are described below. Leave empty if there is no rule"
        " to check automatically.",
        "قائىدىلەر تىزىملىكى؛ ئىشلىتىشكە بولىدىغان تىپلار تۆۋەندىكى چۈشەندۈرۈشتە. قۇرۇق قالدۇرۇلسا"
        " ئاپتوماتىك تەكشۈرگىلى بولىدىغان قائىدە يوق دېگەنلىك بولىدۇ.",
    ),
    # --- Qualification requirements: rule checks ---
    "规则应为列表。": ("The rules must be a list.", "قائىدىلەر تىزىملىك بولۇشى كېرەك."),
    "第%(n)s条规则": ("Rule %(n)s", "%(n)s-قائىدە"),
    "%(where)s的类型“%(kind)s”无效，可用：%(kinds)s": (
        '%(where)s: the kind "%(kind)s" is invalid; available: %(kinds)s',
        "%(where)s: «%(kind)s» تىپى ئىناۋەتسىز، ئىشلىتىشكە بولىدىغانلىرى: %(kinds)s",
    ),
    "%(where)s缺少参数 %(name)s。": (
        "%(where)s: the parameter %(name)s is missing.",
        "%(where)s: %(name)s پارامېتىرى كەم.",
    ),
    "%(where)s有多余的参数 %(name)s。": (
        "%(where)s: the parameter %(name)s is not expected.",
        "%(where)s: %(name)s پارامېتىرى ئارتۇق.",
    ),
    "%(where)s的 options 应为非空列表。": (
        "%(where)s: options must be a non-empty list.",
        "%(where)s: options قۇرۇق بولمىغان تىزىملىك بولۇشى كېرەك.",
    ),
    "%(where)s的第%(n)s组": ("%(where)s, group %(n)s", "%(where)s، %(n)s-گۇرۇپپا"),
    "%(where)s应为非空的规则列表。": (
        "%(where)s must be a non-empty list of rules.",
        "%(where)s: قۇرۇق بولمىغان قائىدىلەر تىزىملىكى بولۇشى كېرەك.",
    ),
    "%(where)s第%(n)s条": ("%(where)s, item %(n)s", "%(where)s، %(n)s-تۈر"),
    "%(where)s的学历应为：%(options)s": (
        "%(where)s: the education must be one of: %(options)s",
        "%(where)s: ئوقۇش تارىخى بۇلارنىڭ بىرى بولۇشى كېرەك: %(options)s",
    ),
    "%(where)s的 value 应为不小于 0 的数。": (
        "%(where)s: value must be a number of at least 0.",
        "%(where)s: value نۆلدىن كىچىك بولمىغان سان بولۇشى كېرەك.",
    ),
    "%(where)s的 title_level 应为：%(options)s": (
        "%(where)s: title_level must be one of: %(options)s",
        "%(where)s: title_level بۇلارنىڭ بىرى بولۇشى كېرەك: %(options)s",
    ),
    "%(where)s的 grade 只能用于初级，且应为 clerk 或 assistant。": (
        "%(where)s: grade can be used only for the junior level and must be clerk or assistant.",
        "%(where)s: grade پەقەت باشلانغۇچ دەرىجىگىلا ئىشلىتىلىدۇ ھەمدە clerk ياكى assistant بولۇشى"
        " كېرەك.",
    ),
    "%(where)s的 per_year 应为 true 或 false。": (
        "%(where)s: per_year must be true or false.",
        "%(where)s: per_year قىممىتى true ياكى false بولۇشى كېرەك.",
    ),
    "无法识别的规则": ("Unrecognized rule", "تونۇغىلى بولمايدىغان قائىدە"),
    "规则格式不正确": ("The rule is not in the right format", "قائىدە پىچىمى توغرا ئەمەس"),
    "无法识别的规则：%(kind)s": (
        "Unrecognized rule: %(kind)s",
        "تونۇغىلى بولمايدىغان قائىدە: %(kind)s",
    ),
    "规则类型未知": ("Unknown kind of rule", "قائىدە تىپى نامەلۇم"),
    "规则或资料无法识别": (
        "The rule or the data cannot be recognized",
        "قائىدە ياكى ماتېرىيالنى تونۇغىلى بولمايدۇ",
    ),
    "规则：%(kind)s": ("Rule: %(kind)s", "قائىدە: %(kind)s"),
    "学历不低于%(education)s": (
        "Education of at least %(education)s",
        "ئوقۇش تارىخى %(education)s دىن تۆۋەن ئەمەس",
    ),
    "取得%(level)s资格满%(years)s年": (
        "%(years)s years since obtaining a %(level)s qualification",
        "%(level)s سالاھىيىتىگە ئېرىشكىلى %(years)s يىل توشقان",
    ),
    "取得%(education)s及以上学历后满%(years)s年": (
        "%(years)s years since obtaining %(education)s or a higher education",
        "%(education)s ۋە ئۇنىڭدىن يۇقىرى ئوقۇش تارىخىغا ئېرىشكەندىن كېيىن %(years)s يىل توشقان",
    ),
    "%(where)s的 max_years 应为不小于 1 的整数，且只能与 per_year 一起使用。": (
        "%(where)s: max_years must be a whole number of at least 1, and only with per_year.",
        "%(where)s: max_years كەم دېگەندە 1 بولغان پۈتۈن سان بولۇشى ۋە پەقەت per_year بىلەن"
        " بىللە ئىشلىتىلىشى كېرەك.",
    ),
    "每%(cycle)s年一周期，继续教育每年不少于%(hours)s学时": (
        "In cycles of %(cycle)s years, at least %(hours)s hours of continuing education a year",
        "ھەر %(cycle)s يىل بىر دەۋر، داۋاملىق مائارىپ ھەر يىلى %(hours)s دەرس سائىتىدىن ئاز ئەمەس",
    ),
    "累计%(h)s学时；任现职%(y)s年，按%(cycle)s年一周期计，每年不少于%(v)s学时": (
        "%(h)s hours in total; %(y)s years in the current post, counted as one %(cycle)s-year "
        "cycle, at least %(v)s hours a year",
        "جەمئىي %(h)s دەرس سائىتى؛ ھازىرقى ۋەزىپىدە %(y)s يىل، %(cycle)s يىللىق بىر دەۋر"
        " بويىچە ھېسابلىنىدۇ، ھەر يىلى %(v)s دەرس سائىتىدىن ئاز ئەمەس",
    ),
    "继续教育每年不少于%(hours)s学时": (
        "At least %(hours)s hours of continuing education a year",
        "داۋاملىق مائارىپ ھەر يىلى %(hours)s دەرس سائىتىدىن ئاز ئەمەس",
    ),
    "继续教育不少于%(hours)s学时": (
        "At least %(hours)s hours of continuing education",
        "داۋاملىق مائارىپ %(hours)s دەرس سائىتىدىن ئاز ئەمەس",
    ),
    "农村或基层服务不少于%(years)s年": (
        "At least %(years)s years of service in rural areas or at the grassroots level",
        "يېزا ياكى ئاساسىي قاتلامدا %(years)s يىلدىن ئاز بولمىغان مۇلازىمەت",
    ),
    "满足下列条件之一": (
        "One of the following conditions is met",
        "تۆۋەندىكى شەرتلەرنىڭ بىرىگە توشىدۇ",
    ),
    "未填写学历": ("Education not filled in", "ئوقۇش تارىخى تولدۇرۇلمىغان"),
    "无法识别的学历：%(e)s": (
        "Unrecognized education: %(e)s",
        "تونۇغىلى بولمايدىغان ئوقۇش تارىخى: %(e)s",
    ),
    "规则中的学历无法识别": (
        "The education in the rule cannot be recognized",
        "قائىدىدىكى ئوقۇش تارىخىنى تونۇغىلى بولمايدۇ",
    ),
    "最高学历：%(e)s": ("Highest education: %(e)s", "ئەڭ يۇقىرى ئوقۇش تارىخى: %(e)s"),
    "最高学历为%(e)s，低于%(r)s": (
        "Highest education is %(e)s, below %(r)s",
        "ئەڭ يۇقىرى ئوقۇش تارىخى %(e)s، %(r)s دىن تۆۋەن",
    ),
    "未填写毕业时间": ("Graduation date not filled in", "ئوقۇش پۈتتۈرگەن ۋاقىت تولدۇرۇلمىغان"),
    "%(e)s于%(d)s毕业，已满%(y)s年": (
        "Graduated with %(e)s on %(d)s, %(y)s full years ago",
        "%(e)s، %(d)s دا ئوقۇش پۈتتۈرگەن، %(y)s يىل توشقان",
    ),
    "未填写现专业技术资格": (
        "Current professional and technical qualification not filled in",
        "ھازىرقى كەسپىي تېخنىكا سالاھىيىتى تولدۇرۇلمىغان",
    ),
    "无法识别的资格级别：%(t)s": (
        "Unrecognized qualification level: %(t)s",
        "تونۇغىلى بولمايدىغان سالاھىيەت دەرىجىسى: %(t)s",
    ),
    "现专业技术资格：%(t)s": (
        "Current professional and technical qualification: %(t)s",
        "ھازىرقى كەسپىي تېخنىكا سالاھىيىتى: %(t)s",
    ),
    "现资格为%(t)s，低于要求": (
        "Current qualification is %(t)s, below the requirement",
        "ھازىرقى سالاھىيەت %(t)s، تەلەپتىن تۆۋەن",
    ),
    "现资格等次无法识别": (
        "The grade of the current qualification cannot be recognized",
        "ھازىرقى سالاھىيەتنىڭ باسقۇچىنى تونۇغىلى بولمايدۇ",
    ),
    "未填写取得现资格时间": (
        "Date of obtaining the current qualification not filled in",
        "ھازىرقى سالاھىيەتكە ئېرىشكەن ۋاقىت تولدۇرۇلمىغان",
    ),
    "现资格为%(t)s，%(d)s取得，已满%(y)s年": (
        "Current qualification %(t)s, obtained on %(d)s, %(y)s full years ago",
        "ھازىرقى سالاھىيەت %(t)s، %(d)s دا ئېرىشكەن، %(y)s يىل توشقان",
    ),
    "未填写继续教育学时": (
        "Hours of continuing education not filled in",
        "داۋاملىق مائارىپ دەرس سائىتى تولدۇرۇلمىغان",
    ),
    "累计%(h)s学时；未填写取得现资格时间，无法计算所需学时": (
        "%(h)s hours in total; the date of obtaining the current qualification is not filled in,"
        " so the hours required cannot be worked out",
        "جەمئىي %(h)s دەرس سائىتى؛ ھازىرقى سالاھىيەتكە ئېرىشكەن ۋاقىت تولدۇرۇلمىغاچقا، تەلەپ"
        " قىلىنغان دەرس سائىتىنى ھېسابلىغىلى بولمايدۇ",
    ),
    "累计%(h)s学时；任现职%(y)s年，每年不少于%(v)s学时": (
        "%(h)s hours in total; %(y)s years in the current post, at least %(v)s hours a year",
        "جەمئىي %(h)s دەرس سائىتى؛ ھازىرقى ۋەزىپىدە %(y)s يىل، ھەر يىلى %(v)s دەرس سائىتىدىن ئاز"
        " ئەمەس",
    ),
    "累计%(h)s学时": ("%(h)s hours in total", "جەمئىي %(h)s دەرس سائىتى"),
    "%(what)s不少于%(years)s年": (
        "%(what)s: at least %(years)s years",
        "%(what)s: %(years)s يىلدىن ئاز ئەمەس",
    ),
    "未填写服务年限": ("Years of service not filled in", "مۇلازىمەت يىلى تولدۇرۇلمىغان"),
    "%(what)s：%(y)s年": ("%(what)s: %(y)s years", "%(what)s: %(y)s يىل"),
    "服务年限": ("Years of service", "مۇلازىمەت يىلى"),
    "，": (", ", "، "),
    "满足下列条件之一：%(options)s": (
        "One of the following is met: %(options)s",
        "تۆۋەندىكىلەرنىڭ بىرىگە توشىدۇ: %(options)s",
    ),
    "；或": ("; or ", "؛ ياكى "),
    "符合：%(option)s": ("Met: %(option)s", "توشىدۇ: %(option)s"),
    "各项均不符合": ("None of them is met", "ھېچقايسىسىغا توشمايدۇ"),
    "资料不全，无法判断": (
        "Not enough data to decide",
        "ماتېرىيال تولۇق ئەمەس، ھۆكۈم قىلغىلى بولمايدۇ",
    ),
    # --- Catalog models ---
    "系列": ("Series", "سېرىيە"),
    "类别": ("Category", "تۈرى"),
    "申请书表单": ("Application form", "ئىلتىماسنامە جەدۋىلى"),
    "启用": ("Active", "قوزغىتىلغان"),
    "专业": ("Specialty", "كەسىپ"),
    "专业组": ("Specialty group", "كەسىپ گۇرۇپپىسى"),
    "初级中的员级(clerk)或助理级(assistant)": (
        "Within the junior level, the clerk grade (clerk) or the assistant grade (assistant)",
        "باشلانغۇچ دەرىجىدىكى خادىم دەرىجىسى (clerk) ياكى ياردەمچى دەرىجىسى (assistant)",
    ),
    "资格": ("Qualification", "سالاھىيەت"),
    "表单": ("Form", "جەدۋەل"),
    "版本": ("Version", "نەشرى"),
    "定义": ("Definition", "ئېنىقلىما"),
    "适用专业组": ("Applicable specialty groups", "ماس كېلىدىغان كەسىپ گۇرۇپپىلىرى"),
    "规则": ("Rules", "قائىدىلەر"),
    "任职资格条件": ("Qualification requirements", "ۋەزىپە ئۆتەش سالاھىيەت شەرتلىرى"),
    # --- Applications, audit log, organizations ---
    "申请书编号": ("Application number", "ئىلتىماسنامە نومۇرى"),
    "申请年度": ("Application year", "ئىلتىماس يىلى"),
    "申请资格": ("Qualification applied for", "ئىلتىماس قىلىنغان سالاھىيەت"),
    "评审委员会": ("Review committee", "باھالاش كومىتېتى"),
    "状态": ("Status", "ھالىتى"),
    "当前节点": ("Current step", "نۆۋەتتىكى ھالقا"),
    "截止提交时间": ("Submission deadline", "تاپشۇرۇشنىڭ ئاخىرقى ۋاقتى"),
    "更新时间": ("Updated at", "يېڭىلانغان ۋاقىت"),
    "申请书索引": ("Application index", "ئىلتىماسنامە كۆرسەتكۈچى"),
    "注册": ("Register", "تىزىملىتىش"),
    "登录失败": ("Failed log-in", "كىرىش مەغلۇپ بولدى"),
    "账号锁定": ("Account locked", "ھېسابات قۇلۇپلاندى"),
    "退出登录": ("Log out", "چىكىنىش"),
    "修改密码": ("Change password", "مەخپىي نومۇرنى ئۆزگەرتىش"),
    "重置密码": ("Reset password", "مەخپىي نومۇرنى قايتا بېكىتىش"),
    "申诉审核": ("Appeal review", "ئەرزنى تەكشۈرۈش"),
    "单位变更审核": ("Unit change review", "ئورۇن ئۆزگەرتىشنى تەكشۈرۈش"),
    "职称目录修改": ("Title catalog change", "كەسپىي ئۇنۋان مۇندەرىجىسىنى ئۆزگەرتىش"),
    "事件": ("Event", "ھادىسە"),
    "IP地址": ("IP address", "IP ئادرېسى"),
    "结果": ("Result", "نەتىجە"),
    "时间": ("Time", "ۋاقىت"),
    "审计日志": ("Audit log", "تەپتىش خاتىرىسى"),
    "单位": ("Unit", "ئورۇن"),
    "基层单位管理员所管理的单位": (
        "The unit that a base unit administrator manages",
        "ئاساسىي قاتلام ئورۇن باشقۇرغۇچىسى باشقۇرىدىغان ئورۇن",
    ),
    "主管单位": ("Competent authority", "مەسئۇل ئورۇن"),
    "已使用分钟": ("Minutes used", "ئىشلىتىلگەن مىنۇت"),
    "推荐单位": ("Recommending unit", "تەۋسىيە قىلغۇچى ئورۇن"),
    "县(市)行业主管局": (
        "County (city) industry authority",
        "ناھىيە (شەھەر) كەسىپ مەسئۇل ئىدارىسى",
    ),
    "材料接收部门": ("Material receiving department", "ماتېرىيال قوبۇل قىلىش تارمىقى"),
    "类型": ("Type", "تىپى"),
    "机关": ("Government agency", "ئورگان"),
    "事业单位": ("Public institution", "كەسپىي ئورۇن"),
    "国有企业": ("State-owned enterprise", "دۆلەت ئىگىدارچىلىقىدىكى كارخانا"),
    "非公有制企业": ("Non-public enterprise", "غەيرىي ئاممىۋى مۈلۈكچىلىكتىكى كارخانا"),
    "社会组织": ("Social organization", "ئىجتىمائىي تەشكىلات"),
    "县级及以下单位": ("Unit at county level or below", "ناھىيە ۋە ئۇنىڭدىن تۆۋەن دەرىجىلىك ئورۇن"),
    "其他": ("Other", "باشقا"),
    "基层单位": ("Base unit", "ئاساسىي قاتلام ئورۇن"),
    "待审核": ("Pending", "تەكشۈرۈش كۈتۈۋاتىدۇ"),
    "已通过": ("Approved", "ماقۇللاندى"),
    "已驳回": ("Rejected", "رەت قىلىندى"),
    "审核意见": ("Review comments", "تەكشۈرۈش پىكرى"),
    "单位变更申请": ("Unit change request", "ئورۇن ئۆزگەرتىش ئىلتىماسى"),
    # --- Account recovery and appeals ---
    "用户名或电子邮箱": ("Username or email", "ئىشلەتكۈچى نامى ياكى ئېلخەت ئادرېسى"),
    "短信验证码": ("SMS verification code", "قىسقا ئۇچۇر دەلىللەش كودى"),
    "真实姓名": ("Real name", "ھەقىقىي ئىسىم-فامىلە"),
    "接收方式": ("Delivery method", "تاپشۇرۇۋېلىش ئۇسۇلى"),
    "申诉类型": ("Appeal type", "ئەرز تۈرى"),
    "姓名或单位名称": ("Name or unit name", "ئىسىم-فامىلە ياكى ئورۇن نامى"),
    "证件扫描件": ("Scan of the certificate", "گۇۋاھنامىنىڭ سكاننېرلانغان نۇسخىسى"),
    "尝试次数": ("Attempts", "سىناش قېتىم سانى"),
    "发送时间": ("Sent at", "ئەۋەتىلگەن ۋاقىت"),
    "失效时间": ("Expires at", "ئىناۋەتسىز بولىدىغان ۋاقىت"),
    "使用时间": ("Used at", "ئىشلىتىلگەن ۋاقىت"),
    "个人账号（申请人）": ("Personal account (applicant)", "شەخسىي ھېسابات (ئىلتىماس قىلغۇچى)"),
    "单位账号（基层单位管理员）": (
        "Unit account (base unit administrator)",
        "ئورۇن ھېساباتى (ئاساسىي قاتلام ئورۇن باشقۇرغۇچىسى)",
    ),
    "新电子邮箱": ("New email", "يېڭى ئېلخەت ئادرېسى"),
    "新手机号码": ("New mobile number", "يېڭى يانفون نومۇرى"),
    "审核地区": ("Reviewing region", "تەكشۈرىدىغان رايون"),
    "找回的账号": ("Recovered account", "تېپىلغان ھېسابات"),
    "审核人": ("Reviewed by", "تەكشۈرگۈچى"),
    "审核时间": ("Reviewed at", "تەكشۈرۈلگەن ۋاقىت"),
    "驳回原因": ("Reason for rejection", "رەت قىلىش سەۋەبى"),
    "提交时间": ("Submitted at", "تاپشۇرۇلغان ۋاقىت"),
    "账号申诉": ("Account appeal", "ھېسابات ئەرزى"),
    "如果信息匹配，我们已向该账号绑定的邮箱发送重置链接。": (
        "If the details match, we have sent a reset link to the email bound to the account.",
        "ئۇچۇر ماس كەلسە، ھېساباتقا باغلانغان ئېلخەت ئادرېسىغا قايتا بېكىتىش ئۇلانمىسى ئەۋەتتۇق.",
    ),
    "如果信息匹配，我们已向该手机号发送验证码，请在10分钟内使用。": (
        "If the details match, we have sent a verification code to this mobile number. Please use"
        " it within 10 minutes.",
        "ئۇچۇر ماس كەلسە، بۇ يانفون نومۇرىغا دەلىللەش كودى ئەۋەتتۇق، 10 مىنۇت ئىچىدە ئىشلىتىڭ.",
    ),
    "如果信息匹配，我们已将用户名发送到该账号绑定的邮箱或手机。": (
        "If the details match, we have sent the username to the email or mobile phone bound to the"
        " account.",
        "ئۇچۇر ماس كەلسە، ئىشلەتكۈچى نامىنى ھېساباتقا باغلانغان ئېلخەت ئادرېسى ياكى يانفونغا"
        " ئەۋەتتۇق.",
    ),
    "申诉已提交。审核结果将发送到您填写的邮箱或手机，请留意查收。": (
        "Your appeal has been submitted. The decision will be sent to the email or mobile number"
        " you gave; please look out for it.",
        "ئەرز تاپشۇرۇلدى. تەكشۈرۈش نەتىجىسى سىز تولدۇرغان ئېلخەت ئادرېسى ياكى يانفونغا ئەۋەتىلىدۇ،"
        " دىققەت قىلىپ تاپشۇرۇۋېلىڭ.",
    ),
    "密码已重置，请使用新密码登录。": (
        "Your password has been reset. Please log in with the new password.",
        "مەخپىي نومۇر قايتا بېكىتىلدى، يېڭى مەخپىي نومۇر بىلەن كىرىڭ.",
    ),
    "验证码不正确或已失效，请重新获取验证码。": (
        "The verification code is wrong or has expired. Please request a new code.",
        "دەلىللەش كودى خاتا ياكى ئىناۋەتسىز بولغان، دەلىللەش كودىنى قايتا ئېلىڭ.",
    ),
    "重置链接无效、已使用或已过期，请重新找回密码。": (
        "The reset link is invalid, has been used or has expired. Please start password recovery"
        " again.",
        "قايتا بېكىتىش ئۇلانمىسى ئىناۋەتسىز، ئىشلىتىلگەن ياكى ۋاقتى ئۆتكەن، مەخپىي نومۇرنى قايتا"
        " تېپىڭ.",
    ),
    "获取验证码过于频繁，请%(seconds)s秒后再试。": (
        "Verification codes were requested too often. Please try again in %(seconds)s seconds.",
        "دەلىللەش كودى بەك كۆپ ئېلىندى، %(seconds)s سېكۇنتتىن كېيىن قايتا سىناڭ.",
    ),
    (
        "%(name)s，您好：\n\n%(intro)s请在%(minutes)s分钟内打开下面的链接，为账号“%(username)s”设置"
        "新密码。链接只能使用一次：\n\n%(link)s"
        "\n\n如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。\n\n%(site)s"
    ): (
        "Dear %(name)s,\n\n%(intro)sPlease open the link below within %(minutes)s minutes to set a"
        ' new password for the account "%(username)s". The link works only once:\n\n%(link)s'
        "\n\nIf you did not ask for this, please ignore this email; your password will not change."
        "\n\n%(site)s",
        "ھۆرمەتلىك %(name)s، ياخشىمۇسىز:\n\n%(intro)s%(minutes)s مىنۇت ئىچىدە تۆۋەندىكى ئۇلانمىنى"
        " ئېچىپ، «%(username)s» ھېساباتىغا يېڭى مەخپىي نومۇر بېكىتىڭ. ئۇلانمىنى پەقەت بىر قېتىملا"
        " ئىشلەتكىلى بولىدۇ:\n\n%(link)s\n\nبۇ سىزنىڭ مەشغۇلاتىڭىز بولمىسا، بۇ ئېلخەتكە پەرۋا"
        " قىلماڭ، مەخپىي نومۇرىڭىز ئۆزگەرمەيدۇ.\n\n%(site)s",
    ),
    "%(site)s：重置密码": (
        "%(site)s: reset your password",
        "%(site)s: مەخپىي نومۇرنى قايتا بېكىتىش",
    ),
    (
        "【%(site)s】您正在找回账号“%(username)s”的密码，验证码%(code)s，%(minutes)s分钟内有效。如"
        "非本人操作，请忽略本短信。"
    ): (
        '[%(site)s] You are recovering the password of the account "%(username)s". Your code is'
        " %(code)s, valid for %(minutes)s minutes. If this was not you, please ignore this"
        " message.",
        "[%(site)s] سىز «%(username)s» ھېساباتىنىڭ مەخپىي نومۇرىنى تېپىۋاتىسىز، دەلىللەش كودى"
        " %(code)s، %(minutes)s مىنۇت ئىچىدە ئىناۋەتلىك. بۇ سىزنىڭ مەشغۇلاتىڭىز بولمىسا، بۇ"
        " ئۇچۇرغا پەرۋا قىلماڭ.",
    ),
    (
        "【%(site)s】该手机号绑定了多个账号：%(usernames)s。请在找回密码时填写用户名后重新获取验证"
        "码。"
    ): (
        "[%(site)s] This mobile number is bound to several accounts: %(usernames)s. When"
        " recovering the password, enter the username and request a new code.",
        "[%(site)s] بۇ يانفون نومۇرىغا بىر قانچە ھېسابات باغلانغان: %(usernames)s. مەخپىي نومۇرنى"
        " تاپقاندا ئىشلەتكۈچى نامىنى تولدۇرۇپ، دەلىللەش كودىنى قايتا ئېلىڭ.",
    ),
    "发送到绑定的电子邮箱": ("Send to the bound email", "باغلانغان ئېلخەت ئادرېسىغا ئەۋەتىش"),
    "发送到绑定的手机": ("Send to the bound mobile phone", "باغلانغان يانفونغا ئەۋەتىش"),
    "请选择接收方式。": ("Please choose how to receive it.", "تاپشۇرۇۋېلىش ئۇسۇلىنى تاللاڭ."),
    (
        "%(name)s，您好：\n\n您在%(site)s的用户名是：%(username)s\n\n如忘记密码，请在登录页点击“找"
        "回用户名或密码”重置。如果这不是您本人的操作，请忽略本邮件。\n\n%(site)s"
    ): (
        "Dear %(name)s,\n\nYour username on %(site)s is: %(username)s\n\nIf you have forgotten"
        ' your password, click "Recover username or password" on the log-in page to reset it. If'
        " you did not ask for this, please ignore this email.\n\n%(site)s",
        "ھۆرمەتلىك %(name)s، ياخشىمۇسىز:\n\nسىزنىڭ %(site)s دىكى ئىشلەتكۈچى نامىڭىز: %(username)s"
        "\n\nمەخپىي نومۇرنى ئۇنتۇپ قالغان بولسىڭىز، كىرىش بېتىدە «ئىشلەتكۈچى نامى ياكى مەخپىي"
        " نومۇرنى تېپىش» نى چېكىپ قايتا بېكىتىڭ. بۇ سىزنىڭ مەشغۇلاتىڭىز بولمىسا، بۇ ئېلخەتكە پەرۋا"
        " قىلماڭ.\n\n%(site)s",
    ),
    "%(site)s：找回用户名": ("%(site)s: your username", "%(site)s: ئىشلەتكۈچى نامىنى تېپىش"),
    "【%(site)s】您的用户名是：%(username)s。如非本人操作，请忽略本短信。": (
        "[%(site)s] Your username is: %(username)s. If this was not you, please ignore this"
        " message.",
        "[%(site)s] ئىشلەتكۈچى نامىڭىز: %(username)s. بۇ سىزنىڭ مەشغۇلاتىڭىز بولمىسا، بۇ ئۇچۇرغا"
        " پەرۋا قىلماڭ.",
    ),
    "请填写姓名或单位名称。": (
        "Please enter the name or the unit name.",
        "ئىسىم-فامىلە ياكى ئورۇن نامىنى تولدۇرۇڭ.",
    ),
    "请选择申诉类型。": ("Please choose the appeal type.", "ئەرز تۈرىنى تاللاڭ."),
    "请至少填写电子邮箱或手机号码中的一项，用于接收审核结果。": (
        "Please enter an email or a mobile number (or both) to receive the decision.",
        "تەكشۈرۈش نەتىجىسىنى تاپشۇرۇۋېلىش ئۈچۈن ئېلخەت ئادرېسى ياكى يانفون نومۇرىدىن كەم دېگەندە"
        " بىرنى تولدۇرۇڭ.",
    ),
    "请选择地区。": ("Please choose a region.", "رايوننى تاللاڭ."),
    "该证件已有申诉正在审核，请等待审核结果。": (
        "An appeal with this certificate is already under review. Please wait for the decision.",
        "بۇ گۇۋاھنامە بىلەن سۇنۇلغان ئەرز تەكشۈرۈلۈۋاتىدۇ، تەكشۈرۈش نەتىجىسىنى ساقلاڭ.",
    ),
    "该申诉已处理。": (
        "This appeal has already been processed.",
        "بۇ ئەرز بىر تەرەپ قىلىنىپ بولغان.",
    ),
    (
        "没有与申诉信息相符的账号（身份证号码与姓名，或统一社会信用代码），不能通过；请核对后驳回并"
        "说明原因。"
    ): (
        "No account matches the appeal (ID card number and name, or unified social credit code),"
        " so it cannot be approved; please check, then reject it and give the reason.",
        "ئەرز ئۇچۇرىغا (كىملىك نومۇرى ۋە ئىسىم-فامىلە ياكى بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت"
        " كودى) ماس كېلىدىغان ھېسابات يوق، ماقۇللىغىلى بولمايدۇ؛ تەكشۈرۈپ رەت قىلىڭ ۋە سەۋەبىنى"
        " چۈشەندۈرۈڭ.",
    ),
    # The intro of the reset e-mail; the next sentence follows it directly.
    "您的账号申诉已通过审核。": (
        "Your account appeal has been approved. ",
        "ھېسابات ئەرزىڭىز تەكشۈرۈشتىن ئۆتتى. ",
    ),
    (
        "【%(site)s】您的账号申诉已通过，用户名：%(username)s，验证码%(code)s，%(minutes)s分钟内有"
        "效。请在“找回密码—短信验证码”页面设置新密码。"
    ): (
        "[%(site)s] Your account appeal has been approved. Username: %(username)s, verification"
        ' code %(code)s, valid for %(minutes)s minutes. Please set a new password on the "Recover'
        ' password – SMS verification code" page.',
        "[%(site)s] ھېسابات ئەرزىڭىز ماقۇللاندى، ئىشلەتكۈچى نامى: %(username)s، دەلىللەش كودى"
        " %(code)s، %(minutes)s مىنۇت ئىچىدە ئىناۋەتلىك. «مەخپىي نومۇرنى تېپىش — قىسقا ئۇچۇر"
        " دەلىللەش كودى» بېتىدە يېڭى مەخپىي نومۇر بېكىتىڭ.",
    ),
    "%(site)s：账号申诉未通过": (
        "%(site)s: account appeal not approved",
        "%(site)s: ھېسابات ئەرزى ماقۇللانمىدى",
    ),
    "您的账号申诉未通过审核。原因：%(reason)s": (
        "Your account appeal was not approved. Reason: %(reason)s",
        "ھېسابات ئەرزىڭىز تەكشۈرۈشتىن ئۆتمىدى. سەۋەبى: %(reason)s",
    ),
    "选填；一个手机号绑定了多个账号时请填写。": (
        "Optional; fill in when one mobile number is bound to several accounts.",
        "ئىختىيارىي؛ بىر يانفون نومۇرىغا بىر قانچە ھېسابات باغلانغان بولسا تولدۇرۇڭ.",
    ),
    "验证码为6位数字。": ("The verification code has 6 digits.", "دەلىللەش كودى 6 خانىلىق رەقەم."),
    "请选择您所在单位所属的地区，由该地区管理员审核。": (
        "Choose the region of your unit; that region's administrator reviews the appeal.",
        "ئورنىڭىز تەۋە بولغان رايوننى تاللاڭ، شۇ رايوننىڭ باشقۇرغۇچىسى تەكشۈرىدۇ.",
    ),
    "JPG、PNG 或 PDF，不超过 2MB；请保证清晰，图像为正向。": (
        "JPG, PNG or PDF, up to 2 MB; please make sure it is clear and upright.",
        "JPG، PNG ياكى PDF، 2MB دىن ئاشمىسۇن؛ ئېنىق ۋە تۈز بولسۇن.",
    ),
    "营业执照或法人证书扫描件": (
        "Scan of the business licence or legal person certificate",
        "تىجارەت كىنىشكىسى ياكى قانۇنىي شەخس گۇۋاھنامىسىنىڭ سكاننېرلانغان نۇسخىسى",
    ),
    "审核结果": ("Decision", "تەكشۈرۈش نەتىجىسى"),
    "通过": ("Approve", "ماقۇللاش"),
    "驳回": ("Reject", "رەت قىلىش"),
    "驳回时必填，将发送给申诉人。": (
        "Required when rejecting; it will be sent to the appellant.",
        "رەت قىلغاندا چوقۇم تولدۇرۇلىدۇ، ئەرز قىلغۇچىغا ئەۋەتىلىدۇ.",
    ),
    "申诉已处理。": ("The appeal has been processed.", "ئەرز بىر تەرەپ قىلىندى."),
    # --- Central office: title catalog, forms, qualification requirements ---
    "已启用：%(name)s": ("Activated: %(name)s", "قوزغىتىلدى: %(name)s"),
    "已停用：%(name)s": ("Deactivated: %(name)s", "توختىتىلدى: %(name)s"),
    "资格名称已修改。": ("The qualification name has been changed.", "سالاھىيەت نامى ئۆزگەرتىلدى."),
    "已新增资格：%(name)s": ("Qualification added: %(name)s", "سالاھىيەت قوشۇلدى: %(name)s"),
    "已发布第%(v)s版；此前的版本保持不变。": (
        "Version %(v)s has been published; earlier versions stay unchanged.",
        "%(v)s-نەشر ئېلان قىلىندى؛ ئىلگىرىكى نەشرلەر ئۆزگەرمەيدۇ.",
    ),
    "已保存（第%(v)s版）。": ("Saved (version %(v)s).", "ساقلاندى (%(v)s-نەشر)."),
    "职称目录管理": ("Title catalog management", "ئۇنۋان مۇندەرىجىسىنى باشقۇرۇش"),
    "职称目录": ("Title catalog", "ئۇنۋان مۇندەرىجىسى"),
    (
        "共 %(series)s 个系列、%(specialties)s 个专业、%(qualifications)s 个资格（启用 %(active)s"
        " 个）。"
    ): (
        "%(series)s series, %(specialties)s specialties and %(qualifications)s qualifications in"
        " all (%(active)s active).",
        "جەمئىي %(series)s سېرىيە، %(specialties)s كەسىپ، %(qualifications)s سالاھىيەت (%(active)s"
        " قوزغىتىلغان).",
    ),
    "代码一经发布不得修改；不再使用的项目请停用，已有的申报和评审安排不受影响。": (
        "Codes cannot be changed once published; deactivate items that are no longer used."
        " Existing applications and review arrangements are not affected.",
        "كود ئېلان قىلىنغاندىن كېيىن ئۆزگەرتىلمەيدۇ؛ ئىشلىتىلمەيدىغان تۈرلەرنى توختىتىڭ، بار"
        " ئىلتىماس ۋە باھالاش ئورۇنلاشتۇرۇشلىرىغا تەسىر يەتمەيدۇ.",
    ),
    "%(n)s 个专业，%(total)s 个资格（启用 %(active)s）": (
        "%(n)s specialties, %(total)s qualifications (%(active)s active)",
        "%(n)s كەسىپ، %(total)s سالاھىيەت (%(active)s قوزغىتىلغان)",
    ),
    "已停用": ("Inactive", "توختىتىلغان"),
    "停用系列": ("Deactivate series", "سېرىيىنى توختىتىش"),
    "启用系列": ("Activate series", "سېرىيىنى قوزغىتىش"),
    "专业 / 资格名称": ("Specialty / qualification name", "كەسىپ / سالاھىيەت نامى"),
    "%(total)s 个资格（启用 %(active)s）": (
        "%(total)s qualifications (%(active)s active)",
        "%(total)s سالاھىيەت (%(active)s قوزغىتىلغان)",
    ),
    "新增资格": ("Add qualification", "سالاھىيەت قوشۇش"),
    "停用": ("Deactivate", "توختىتىش"),
    "改名": ("Rename", "نامىنى ئۆزگەرتىش"),
    "职称目录为空：请运行 load_catalog 导入数据文件。": (
        "The title catalog is empty: run load_catalog to import the data file.",
        "ئۇنۋان مۇندەرىجىسى قۇرۇق: load_catalog نى ئىجرا قىلىپ سانلىق مەلۇمات ھۆججىتىنى كىرگۈزۈڭ.",
    ),
    "编辑任职资格条件": (
        "Edit qualification requirements",
        "ۋەزىپە ئۆتەش سالاھىيەت شەرتلىرىنى تەھرىرلەش",
    ),
    "当前第%(v)s版；保存后版本号加一，重新导入数据文件时不会覆盖此处的修改。": (
        "This is version %(v)s; saving increases the version number by one, and importing the data"
        " file again will not overwrite the changes made here.",
        "نۆۋەتتە %(v)s-نەشر؛ ساقلىغاندىن كېيىن نەشر نومۇرى بىرگە ئاشىدۇ، سانلىق مەلۇمات ھۆججىتى"
        " قايتا كىرگۈزۈلگەندە بۇ يەردىكى ئۆزگەرتىشلەر قاپلىنىپ كەتمەيدۇ.",
    ),
    "适用专业组：": ("Applicable specialty groups: ", "ماس كېلىدىغان كەسىپ گۇرۇپپىلىرى: "),
    "保存": ("Save", "ساقلاش"),
    "返回": ("Back", "قايتىش"),
    "规则类型": ("Kinds of rule", "قائىدە تىپلىرى"),
    "参数": ("Parameters", "پارامېتىرلار"),
    "说明": ("Description", "چۈشەندۈرۈش"),
    "条件说明供申请人阅读；规则用于系统初审提示，不阻止提交，最终以评审委员会审核为准。": (
        "The description of the requirements is for applicants to read; the rules give hints in"
        " the system's preliminary check and do not block submission. The review committee's"
        " review is final.",
        "شەرت چۈشەندۈرۈشى ئىلتىماس قىلغۇچىلارنىڭ ئوقۇشى ئۈچۈن؛ قائىدىلەر سىستېمىنىڭ دەسلەپكى"
        " تەكشۈرۈش ئەسكەرتىشى ئۈچۈن ئىشلىتىلىدۇ، تاپشۇرۇشنى توسمايدۇ، ئاخىرىدا باھالاش كومىتېتىنىڭ"
        " تەكشۈرۈشى ئاساس قىلىنىدۇ.",
    ),
    "编辑": ("Edit", "تەھرىرلەش"),
    "尚无任职资格条件：请运行 load_catalog 导入数据文件。": (
        "No qualification requirements yet: run load_catalog to import the data file.",
        "تېخى ۋەزىپە ئۆتەش سالاھىيەت شەرتلىرى يوق: load_catalog نى ئىجرا قىلىپ سانلىق مەلۇمات"
        " ھۆججىتىنى كىرگۈزۈڭ.",
    ),
    "第%(v)s版": ("Version %(v)s", "%(v)s-نەشر"),
    "当前": ("Current", "نۆۋەتتىكى"),
    "创建于": ("Created", "قۇرۇلغان ۋاقىت"),
    "全部版本": ("All versions", "بارلىق نەشرلەر"),
    "发布新版本": ("Publish a new version", "يېڭى نەشر ئېلان قىلىش"),
    "由基层单位填写": ("Filled in by the base unit", "ئاساسىي قاتلام ئورۇن تولدۇرىدۇ"),
    "由申请人填写": ("Filled in by the applicant", "ئىلتىماس قىلغۇچى تولدۇرىدۇ"),
    "至少 %(n)s 个附件": ("At least %(n)s attachments", "كەم دېگەندە %(n)s قوشۇمچە ھۆججەت"),
    "字段": ("Field", "مەيدان"),
    "必填": ("Required", "چوقۇم تولدۇرۇلىدۇ"),
    "约束": ("Constraints", "چەكلىمە"),
    "是": ("Yes", "ھەئە"),
    "资格条件取值字段": (
        "Fields used by the qualification requirements",
        "سالاھىيەت شەرتلىرى قىممەت ئالىدىغان مەيدانلار",
    ),
    (
        "当前为第%(v)s版。发布后将保存为第%(next)s版，第%(v)s版及更早的版本保持不变，已开始的申请书"
        "继续使用原版本。"
    ): (
        "This is version %(v)s. Publishing saves version %(next)s; version %(v)s and earlier"
        " versions stay unchanged, and applications already started keep using their version.",
        "نۆۋەتتە %(v)s-نەشر. ئېلان قىلغاندىن كېيىن %(next)s-نەشر بولۇپ ساقلىنىدۇ، %(v)s-نەشر ۋە"
        " ئۇنىڭدىن بۇرۇنقى نەشرلەر ئۆزگەرمەيدۇ، باشلانغان ئىلتىماسنامىلەر ئەسلى نەشرنى داۋاملىق"
        " ئىشلىتىدۇ.",
    ),
    (
        "每个栏目的 schema 须为有效的 JSON Schema（2020-12），栏目 key 不得重复；version"
        " 字段会被忽略。"
    ): (
        "Each section's schema must be a valid JSON Schema (2020-12), and section keys must not"
        " repeat; the version field is ignored.",
        "ھەر بىر بۆلەكنىڭ schema سى ئىناۋەتلىك JSON Schema (2020-12) بولۇشى، بۆلەك key لىرى"
        " تەكرارلانماسلىقى كېرەك؛ version مەيدانى نەزەرگە ئېلىنمايدۇ.",
    ),
    "校验并发布": ("Validate and publish", "تەكشۈرۈپ ئېلان قىلىش"),
    (
        "表单按版本保存：已发布的版本不再修改，已开始的申请书沿用其版本；发布新版本只影响此后新建的"
        "申请书。"
    ): (
        "Forms are kept by version: published versions are never changed, and applications already"
        " started keep their version; a new version affects only applications created afterwards.",
        "جەدۋەللەر نەشر بويىچە ساقلىنىدۇ: ئېلان قىلىنغان نەشرلەر ئۆزگەرتىلمەيدۇ، باشلانغان"
        " ئىلتىماسنامىلەر ئۆز نەشرىنى داۋاملىق ئىشلىتىدۇ؛ يېڭى نەشر ئېلان قىلىش پەقەت كېيىن"
        " قۇرۇلغان ئىلتىماسنامىلەرگىلا تەسىر كۆرسىتىدۇ.",
    ),
    "使用此表单的系列：": ("Series using this form: ", "بۇ جەدۋەلنى ئىشلىتىدىغان سېرىيىلەر: "),
    "无": ("None", "يوق"),
    "查看": ("View", "كۆرۈش"),
    "尚无表单：请运行 load_catalog 导入数据文件。": (
        "No forms yet: run load_catalog to import the data file.",
        "تېخى جەدۋەل يوق: load_catalog نى ئىجرا قىلىپ سانلىق مەلۇمات ھۆججىتىنى كىرگۈزۈڭ.",
    ),
    "修改资格名称": ("Rename qualification", "سالاھىيەت نامىنى ئۆزگەرتىش"),
    "不可修改": ("cannot be changed", "ئۆزگەرتكىلى بولمايدۇ"),
    "本专业现有资格：": (
        "Qualifications of this specialty: ",
        "بۇ كەسىپنىڭ ھازىرقى سالاھىيەتلىرى: ",
    ),
    "暂无。": ("None yet.", "ھازىرچە يوق."),
    "新增": ("Add", "قوشۇش"),
    # --- Site navigation, profile, unit details ---
    "我的申请书": ("My applications", "مېنىڭ ئىلتىماسنامىلىرىم"),
    "申请书管理": ("Application management", "ئىلتىماسنامە باشقۇرۇش"),
    "单位信息": ("Unit details", "ئورۇن ئۇچۇرى"),
    "地区管理": ("Region management", "رايون باشقۇرۇش"),
    "评审设置": ("Review settings", "باھالاش تەڭشىكى"),
    "找回用户名或密码": (
        "Recover username or password",
        "ئىشلەتكۈچى نامى ياكى مەخپىي نومۇرنى تېپىش",
    ),
    "登录失败次数过多": (
        "Too many failed log-in attempts",
        "كىرىش مەغلۇپ بولۇش قېتىم سانى بەك كۆپ",
    ),
    "账号已暂时锁定，请15分钟后再试，或通过“找回用户名或密码”重置密码。": (
        "The account is temporarily locked. Please try again in 15 minutes, or reset your password"
        ' through "Recover username or password".',
        "ھېسابات ۋاقىتلىق قۇلۇپلاندى، 15 مىنۇتتىن كېيىن قايتا سىناڭ ياكى «ئىشلەتكۈچى نامى ياكى"
        " مەخپىي نومۇرنى تېپىش» ئارقىلىق مەخپىي نومۇرنى قايتا بېكىتىڭ.",
    ),
    "单位信息维护": ("Maintain unit details", "ئورۇن ئۇچۇرىنى ئاسراش"),
    "变更单位名称": ("Change the unit name", "ئورۇن نامىنى ئۆزگەرتىش"),
    "单位信息完整，可以审核申报材料。": (
        "The unit details are complete; the unit can review application materials.",
        "ئورۇن ئۇچۇرى تولۇق، ئىلتىماس ماتېرىياللىرىنى تەكشۈرەلەيدۇ.",
    ),
    "单位信息不完善，将不能审核申报材料。请完善以下带 * 的各项。": (
        "The unit details are incomplete, so the unit cannot review application materials. Please"
        " complete the items marked with * below.",
        "ئورۇن ئۇچۇرى تولۇق ئەمەس، ئىلتىماس ماتېرىياللىرىنى تەكشۈرەلمەيدۇ. تۆۋەندىكى * بەلگىلىك"
        " تۈرلەرنى تولۇقلاڭ.",
    ),
    "完善单位信息": ("Complete the unit details", "ئورۇن ئۇچۇرىنى تولۇقلاش"),
    "推荐单位可选自治区委、办、厅、局，地州市（县）人社局及各行业主管局，最多两个，可随时变更。": (
        "Recommending units can be Autonomous Region committees, offices, departments and bureaus,"
        " prefecture, city (county) human resources and social security bureaus, and industry"
        " authorities; at most two, and they can be changed at any time.",
        "تەۋسىيە قىلغۇچى ئورۇن ئۈچۈن ئاپتونوم رايونلۇق كومىتېت، ئىشخانا، نازارەت، ئىدارىلەر،"
        " ۋىلايەت، شەھەر (ناھىيە) ئادەم كۈچى بايلىقى ۋە ئىجتىمائىي كاپالەت ئىدارىلىرى ۋە ھەرقايسى"
        " كەسىپ مەسئۇل ئىدارىلىرىنى تاللىغىلى بولىدۇ، ئەڭ كۆپ ئىككى، خالىغان ۋاقىتتا ئۆزگەرتكىلى"
        " بولىدۇ.",
    ),
    "单位名称或统一社会信用代码的变更须经地区管理员审核，审核通过后生效。": (
        "A change of the unit name or unified social credit code must be approved by the region"
        " administrator and takes effect once approved.",
        "ئورۇن نامى ياكى بىرلىككە كەلگەن ئىجتىمائىي ئىناۋەت كودىنى ئۆزگەرتىش رايون باشقۇرغۇچىسىنىڭ"
        " تەكشۈرۈشىدىن ئۆتۈشى كېرەك، ماقۇللانغاندىن كېيىن كۈچكە ئىگە بولىدۇ.",
    ),
    "提交变更申请": ("Submit change request", "ئۆزگەرتىش ئىلتىماسىنى تاپشۇرۇش"),
    "变更记录": ("Change history", "ئۆزگەرتىش خاتىرىسى"),
    "个人资料": ("Profile", "شەخسىي ئۇچۇر"),
    "您好！<strong>%(name)s</strong>": (
        "Hello, <strong>%(name)s</strong>!",
        "ياخشىمۇسىز، <strong>%(name)s</strong>!",
    ),
    "已使用%(minutes)s分钟": ("%(minutes)s minutes of use", "%(minutes)s مىنۇت ئىشلىتىلدى"),
    "编辑个人信息": ("Edit personal details", "شەخسىي ئۇچۇرنى تەھرىرلەش"),
    # --- Account recovery pages ---
    (
        "无法通过邮箱或手机找回账号时，请提交账号申诉。地区管理员审核通过后，将为账号绑定您填写的邮"
        "箱或手机，并发送重置密码的链接或验证码；未通过时会告知原因。"
    ): (
        "If you cannot recover your account by email or mobile phone, submit an account appeal."
        " Once the region administrator approves it, the email or mobile number you give is bound"
        " to the account and a password reset link or verification code is sent to it; if it is"
        " not approved, you are told why.",
        "ئېلخەت ياكى يانفون ئارقىلىق ھېساباتنى تاپالمىسىڭىز، ھېسابات ئەرزى سۇنۇڭ. رايون"
        " باشقۇرغۇچىسى ماقۇللىغاندىن كېيىن، ھېساباتقا سىز تولدۇرغان ئېلخەت ئادرېسى ياكى يانفون"
        " باغلىنىپ، مەخپىي نومۇرنى قايتا بېكىتىش ئۇلانمىسى ياكى دەلىللەش كودى ئەۋەتىلىدۇ؛"
        " ماقۇللانمىسا سەۋەبى ئۇقتۇرۇلىدۇ.",
    ),
    "请准备身份证扫描件，保证清晰并且图像为正向。": (
        "Please have a scan of your ID card ready; make sure it is clear and upright.",
        "كىملىكنىڭ سكاننېرلانغان نۇسخىسىنى تەييارلاڭ، ئېنىق ۋە تۈز بولسۇن.",
    ),
    "个人账号申诉": ("Personal account appeal", "شەخسىي ھېسابات ئەرزى"),
    "单位账号（基层工作单位管理员）": (
        "Unit account (base unit administrator)",
        "ئورۇن ھېساباتى (ئاساسىي قاتلام خىزمەت ئورنى باشقۇرغۇچىسى)",
    ),
    "请准备营业执照（或法人证书）扫描件。": (
        "Please have a scan of the business licence (or legal person certificate) ready.",
        "تىجارەت كىنىشكىسى (ياكى قانۇنىي شەخس گۇۋاھنامىسى) نىڭ سكاننېرلانغان نۇسخىسىنى تەييارلاڭ.",
    ),
    "单位账号申诉": ("Unit account appeal", "ئورۇن ھېساباتى ئەرزى"),
    "其他找回方式": ("Other ways to recover", "باشقا تېپىش ئۇسۇللىرى"),
    (
        "扫描件支持 JPEG、PNG 图片或 PDF 文件，不超过"
        " %(limit)s。邮箱和手机号码至少填写一项，审核结果将发送到这里。"
    ): (
        "The scan can be a JPEG or PNG image or a PDF file of up to %(limit)s. Give an email or a"
        " mobile number (or both); the decision will be sent there.",
        "سكاننېرلانغان نۇسخا JPEG، PNG رەسىم ياكى PDF ھۆججەت بولسا بولىدۇ، %(limit)s دىن ئاشمىسۇن."
        " ئېلخەت ئادرېسى ۋە يانفون نومۇرىدىن كەم دېگەندە بىرنى تولدۇرۇڭ، تەكشۈرۈش نەتىجىسى شۇ"
        " يەرگە ئەۋەتىلىدۇ.",
    ),
    "提交申诉": ("Submit appeal", "ئەرز سۇنۇش"),
    (
        "系统提供以下 4 种找回方式，请按提示操作。用户名、重置链接和验证码只会发送到账号绑定的邮箱"
        "或手机，不会显示在页面上。"
    ): (
        "There are four ways to recover your account below; please follow the instructions."
        " Usernames, reset links and verification codes are sent only to the email or mobile phone"
        " bound to the account and are never shown on the page.",
        "سىستېما تۆۋەندىكى 4 خىل تېپىش ئۇسۇلى بىلەن تەمىنلەيدۇ، كۆرسەتمە بويىچە مەشغۇلات قىلىڭ."
        " ئىشلەتكۈچى نامى، قايتا بېكىتىش ئۇلانمىسى ۋە دەلىللەش كودى پەقەت ھېساباتقا باغلانغان"
        " ئېلخەت ئادرېسى ياكى يانفونغىلا ئەۋەتىلىدۇ، بەتتە كۆرسىتىلمەيدۇ.",
    ),
    "通过电子邮箱重置密码": (
        "Reset the password by email",
        "ئېلخەت ئارقىلىق مەخپىي نومۇرنى قايتا بېكىتىش",
    ),
    (
        "填写用户名或注册时的电子邮箱，我们将向绑定的邮箱发送重置链接，链接1小时内有效，只能使用一"
        "次。"
    ): (
        "Enter your username or the email you registered with, and we will send a reset link to"
        " the bound email. The link is valid for 1 hour and works only once.",
        "ئىشلەتكۈچى نامى ياكى تىزىملاتقاندىكى ئېلخەت ئادرېسىنى تولدۇرۇڭ، باغلانغان ئېلخەت"
        " ئادرېسىغا قايتا بېكىتىش ئۇلانمىسى ئەۋەتىمىز، ئۇلانما 1 سائەت ئىچىدە ئىناۋەتلىك، پەقەت"
        " بىر قېتىملا ئىشلەتكىلى بولىدۇ.",
    ),
    "邮箱找回": ("Recover by email", "ئېلخەت ئارقىلىق تېپىش"),
    "通过手机短信重置密码": (
        "Reset the password by SMS",
        "قىسقا ئۇچۇر ئارقىلىق مەخپىي نومۇرنى قايتا بېكىتىش",
    ),
    "填写绑定的手机号码获取短信验证码，验证码10分钟内有效。": (
        "Enter the bound mobile number to get an SMS verification code. The code is valid for 10"
        " minutes.",
        "باغلانغان يانفون نومۇرىنى تولدۇرۇپ قىسقا ئۇچۇر دەلىللەش كودىغا ئېرىشىڭ، دەلىللەش كودى 10"
        " مىنۇت ئىچىدە ئىناۋەتلىك.",
    ),
    "短信找回": ("Recover by SMS", "قىسقا ئۇچۇر ئارقىلىق تېپىش"),
    "找回用户名": ("Recover username", "ئىشلەتكۈچى نامىنى تېپىش"),
    "填写身份证号码和真实姓名，用户名将发送到账号绑定的邮箱或手机。": (
        "Enter your ID card number and real name; the username will be sent to the email or mobile"
        " phone bound to the account.",
        "كىملىك نومۇرى ۋە ھەقىقىي ئىسىم-فامىلىڭىزنى تولدۇرۇڭ، ئىشلەتكۈچى نامى ھېساباتقا باغلانغان"
        " ئېلخەت ئادرېسى ياكى يانفونغا ئەۋەتىلىدۇ.",
    ),
    (
        "邮箱和手机都已无法使用时：个人上传身份证扫描件，基层工作单位上传营业执照（或法人证书），由"
        "地区管理员审核后重新绑定并发送重置密码的通知。基层工作单位管理员账号请使用账号申诉找回。"
    ): (
        "When neither the email nor the mobile phone can be used: individuals upload a scan of"
        " their ID card and base units upload their business licence (or legal person"
        " certificate); after the region administrator's review, new contact details are bound and"
        " a password reset notice is sent. Base unit administrator accounts are recovered through"
        " an account appeal.",
        "ئېلخەت ۋە يانفوننىڭ ھەر ئىككىسىنى ئىشلەتكىلى بولمىسا: شەخسلەر كىملىكنىڭ سكاننېرلانغان"
        " نۇسخىسىنى، ئاساسىي قاتلام خىزمەت ئورۇنلىرى تىجارەت كىنىشكىسى (ياكى قانۇنىي شەخس"
        " گۇۋاھنامىسى) نى يوللايدۇ، رايون باشقۇرغۇچىسى تەكشۈرگەندىن كېيىن قايتا باغلاپ، مەخپىي"
        " نومۇرنى قايتا بېكىتىش ئۇقتۇرۇشى ئەۋەتىلىدۇ. ئاساسىي قاتلام خىزمەت ئورنى باشقۇرغۇچىسىنىڭ"
        " ھېساباتىنى ھېسابات ئەرزى ئارقىلىق تېپىڭ.",
    ),
    "返回登录": ("Back to log-in", "كىرىش بېتىگە قايتىش"),
    "邮箱找回密码": ("Recover password by email", "ئېلخەت ئارقىلىق مەخپىي نومۇرنى تېپىش"),
    "如果信息匹配，我们将向该账号绑定的邮箱发送重置链接。链接1小时内有效，只能使用一次。": (
        "If the details match, we will send a reset link to the email bound to the account. The"
        " link is valid for 1 hour and works only once.",
        "ئۇچۇر ماس كەلسە، ھېساباتقا باغلانغان ئېلخەت ئادرېسىغا قايتا بېكىتىش ئۇلانمىسى ئەۋەتىمىز."
        " ئۇلانما 1 سائەت ئىچىدە ئىناۋەتلىك، پەقەت بىر قېتىملا ئىشلەتكىلى بولىدۇ.",
    ),
    "发送重置链接": ("Send reset link", "قايتا بېكىتىش ئۇلانمىسىنى ئەۋەتىش"),
    "重置链接无效": ("Invalid reset link", "قايتا بېكىتىش ئۇلانمىسى ئىناۋەتسىز"),
    "重新找回密码": ("Recover the password again", "مەخپىي نومۇرنى قايتا تېپىش"),
    "设置新密码": ("Set a new password", "يېڭى مەخپىي نومۇر بېكىتىش"),
    "设置成功后，该账号在所有地区、所有设备上的登录都将退出，请使用新密码重新登录。": (
        "Once it is set, the account is logged out in every region and on every device; please log"
        " in again with the new password.",
        "بېكىتىلگەندىن كېيىن، بۇ ھېسابات بارلىق رايون ۋە بارلىق ئۈسكۈنىلەردىن چېكىندۈرۈلىدۇ، يېڭى"
        " مەخپىي نومۇر بىلەن قايتا كىرىڭ.",
    ),
    "保存新密码": ("Save new password", "يېڭى مەخپىي نومۇرنى ساقلاش"),
    "短信找回密码": ("Recover password by SMS", "قىسقا ئۇچۇر ئارقىلىق مەخپىي نومۇرنى تېپىش"),
    "如果信息匹配，我们将向该手机号发送6位验证码，10分钟内有效。同一手机号每分钟只能获取一次。": (
        "If the details match, we will send a 6-digit verification code to this mobile number,"
        " valid for 10 minutes. A mobile number can get a code only once a minute.",
        "ئۇچۇر ماس كەلسە، بۇ يانفون نومۇرىغا 6 خانىلىق دەلىللەش كودى ئەۋەتىمىز، 10 مىنۇت ئىچىدە"
        " ئىناۋەتلىك. بىر يانفون نومۇرى ھەر مىنۇتتا پەقەت بىر قېتىملا ئالالايدۇ.",
    ),
    "获取验证码": ("Get verification code", "دەلىللەش كودىغا ئېرىشىش"),
    "已收到验证码": ("I have received a code", "دەلىللەش كودىنى تاپشۇرۇۋالدىم"),
    "输入验证码": ("Enter verification code", "دەلىللەش كودىنى كىرگۈزۈش"),
    "输入短信验证码并设置新密码": (
        "Enter the SMS verification code and set a new password",
        "قىسقا ئۇچۇر دەلىللەش كودىنى كىرگۈزۈپ يېڭى مەخپىي نومۇر بېكىتىش",
    ),
    "验证码只能使用一次，输错5次后失效。设置成功后，该账号在所有地区的登录都将退出。": (
        "A verification code works only once and expires after 5 wrong tries. Once the password is"
        " set, the account is logged out in every region.",
        "دەلىللەش كودىنى پەقەت بىر قېتىملا ئىشلەتكىلى بولىدۇ، 5 قېتىم خاتا كىرگۈزۈلسە ئىناۋەتسىز"
        " بولىدۇ. بېكىتىلگەندىن كېيىن، بۇ ھېسابات بارلىق رايونلاردىن چېكىندۈرۈلىدۇ.",
    ),
    "重新获取验证码": ("Get a new verification code", "دەلىللەش كودىنى قايتا ئېلىش"),
    (
        "如果信息匹配，用户名将发送到该账号绑定的邮箱或手机，不会显示在页面上。邮箱和手机都已无法使"
        "用时，请使用“账号申诉”。"
    ): (
        "If the details match, the username will be sent to the email or mobile phone bound to the"
        " account; it is never shown on the page. If neither the email nor the mobile phone can be"
        ' used, use "Account appeal".',
        "ئۇچۇر ماس كەلسە، ئىشلەتكۈچى نامى ھېساباتقا باغلانغان ئېلخەت ئادرېسى ياكى يانفونغا"
        " ئەۋەتىلىدۇ، بەتتە كۆرسىتىلمەيدۇ. ئېلخەت ۋە يانفوننىڭ ھەر ئىككىسىنى ئىشلەتكىلى بولمىسا،"
        " «ھېسابات ئەرزى» نى ئىشلىتىڭ.",
    ),
    "发送用户名": ("Send username", "ئىشلەتكۈچى نامىنى ئەۋەتىش"),
    # --- Region administration: appeals, authorities, reviewers, unit changes ---
    "账号申诉审核": ("Account appeal review", "ھېسابات ئەرزىنى تەكشۈرۈش"),
    "%(region)s的账号申诉。": (
        "Account appeals for %(region)s.",
        "%(region)s نىڭ ھېسابات ئەرزلىرى.",
    ),
    "证件号码": ("Certificate number", "گۇۋاھنامە نومۇرى"),
    "审核": ("Review", "تەكشۈرۈش"),
    "没有申诉。": ("No appeals.", "ئەرز يوق."),
    "申诉信息": ("Appeal details", "ئەرز ئۇچۇرى"),
    "对应的账号": ("Matching account", "ماس كېلىدىغان ھېسابات"),
    "没有与申诉信息相符的账号，不能通过。": (
        "No account matches the appeal, so it cannot be approved.",
        "ئەرز ئۇچۇرىغا ماس كېلىدىغان ھېسابات يوق، ماقۇللىغىلى بولمايدۇ.",
    ),
    "营业执照或法人证书": (
        "Business licence or legal person certificate",
        "تىجارەت كىنىشكىسى ياكى قانۇنىي شەخس گۇۋاھنامىسى",
    ),
    "打开扫描件": ("Open the scan", "سكاننېرلانغان نۇسخىنى ئېچىش"),
    (
        "通过：为账号绑定申诉中的邮箱和手机，退出该账号的所有登录，并发送重置密码的链接（有邮箱时）"
        "或短信验证码。驳回：原因将发送给申诉人，账号不作任何改动。"
    ): (
        "Approve: binds the email and mobile number from the appeal to the account, logs the"
        " account out everywhere, and sends a password reset link (if there is an email) or an SMS"
        " verification code. Reject: the reason is sent to the appellant and the account is left"
        " unchanged.",
        "ماقۇللاش: ئەرزدىكى ئېلخەت ئادرېسى ۋە يانفوننى ھېساباتقا باغلايدۇ، بۇ ھېساباتنى بارلىق"
        " كىرىشلەردىن چېكىندۈرىدۇ ھەمدە مەخپىي نومۇرنى قايتا بېكىتىش ئۇلانمىسى (ئېلخەت بولسا) ياكى"
        " قىسقا ئۇچۇر دەلىللەش كودى ئەۋەتىدۇ. رەت قىلىش: سەۋەبى ئەرز قىلغۇچىغا ئەۋەتىلىدۇ،"
        " ھېساباتقا ھېچقانداق ئۆزگەرتىش كىرگۈزۈلمەيدۇ.",
    ),
    "提交审核结果": ("Submit decision", "تەكشۈرۈش نەتىجىسىنى تاپشۇرۇش"),
    "返回申诉列表": ("Back to the appeals", "ئەرزلەر تىزىملىكىگە قايتىش"),
    "编辑主管单位": ("Edit competent authority", "مەسئۇل ئورۇننى تەھرىرلەش"),
    "新增主管单位": ("Add competent authority", "مەسئۇل ئورۇن قوشۇش"),
    "评审设置：评审委员会、申报项目、通知公告": (
        "Review settings: review committees, calls for applications, notices",
        "باھالاش تەڭشىكى: باھالاش كومىتېتى، ئىلتىماس تۈرلىرى، ئۇقتۇرۇش-ئېلانلار",
    ),
    "单位名称变更申请": ("Unit name change requests", "ئورۇن نامىنى ئۆزگەرتىش ئىلتىماسلىرى"),
    "主管单位与推荐单位": (
        "Competent authorities and recommending units",
        "مەسئۇل ئورۇن ۋە تەۋسىيە قىلغۇچى ئورۇنلار",
    ),
    "审核人员": ("Reviewers", "تەكشۈرگۈچى خادىملار"),
    "尚未添加主管单位。": (
        "No competent authorities have been added yet.",
        "تېخى مەسئۇل ئورۇن قوشۇلمىدى.",
    ),
    "暂无审核人员。": ("No reviewers yet.", "ھازىرچە تەكشۈرگۈچى خادىم يوق."),
    "新增审核人员账号": ("Add a reviewer account", "تەكشۈرگۈچى خادىم ھېساباتى قوشۇش"),
    "创建账号": ("Create account", "ھېسابات قۇرۇش"),
    "变更内容": ("Change", "ئۆزگەرتىش مەزمۇنى"),
    "办理": ("Process", "بىر تەرەپ قىلىش"),
    "简称": ("Short name", "قىسقارتىلما نامى"),
    "暂无变更申请。": ("No change requests yet.", "ھازىرچە ئۆزگەرتىش ئىلتىماسى يوق."),
    "已保存。": ("Saved.", "ساقلاندى."),
    "审核人员账号已创建。": (
        "The reviewer account has been created.",
        "تەكشۈرگۈچى خادىم ھېساباتى قۇرۇلدى.",
    ),
    "已通过变更申请。": (
        "The change request has been approved.",
        "ئۆزگەرتىش ئىلتىماسى ماقۇللاندى.",
    ),
    "已驳回变更申请。": (
        "The change request has been rejected.",
        "ئۆزگەرتىش ئىلتىماسى رەت قىلىندى.",
    ),
    # --- Registration pages ---
    "申请人注册": ("Applicant registration", "ئىلتىماس قىلغۇچى تىزىملىتىش"),
    "申请人注册（个人注册）": (
        "Applicant registration (individuals)",
        "ئىلتىماس قىلغۇچى تىزىملىتىش (شەخسىي تىزىملىتىش)",
    ),
    (
        "自治区和各地州职称网站账号通用，不能重复注册。一个身份证号只能注册一次；同一单位不能以全称"
        "和简称多次注册。"
    ): (
        "One account serves the Autonomous Region and every prefecture's title site, so do not"
        " register twice. An ID card number can be registered only once, and a unit cannot"
        " register again under its full name and its short name.",
        "ئاپتونوم رايون ۋە ھەرقايسى ۋىلايەت-ئوبلاستلارنىڭ ئۇنۋان تور بېكەتلىرىدە ھېسابات ئورتاق،"
        " قايتا تىزىملاتقىلى بولمايدۇ. بىر كىملىك نومۇرى پەقەت بىر قېتىملا تىزىملىتالايدۇ؛ بىر"
        " ئورۇن تولۇق نامى ۋە قىسقارتىلما نامى بىلەن كۆپ قېتىم تىزىملىتالمايدۇ.",
    ),
    "请准备好身份证扫描件。": (
        "Please have a scan of your ID card ready.",
        "كىملىكنىڭ سكاننېرلانغان نۇسخىسىنى تەييارلاپ قويۇڭ.",
    ),
    "开始申请人注册": ("Register as an applicant", "ئىلتىماس قىلغۇچى سۈپىتىدە تىزىملىتىش"),
    "基层工作单位注册（单位注册）": (
        "Base unit registration (units)",
        "ئاساسىي قاتلام خىزمەت ئورنى تىزىملىتىش (ئورۇن تىزىملىتىش)",
    ),
    "单位管理员账号只能审核本单位申报材料，不能申报职称。": (
        "A unit administrator account can only review its own unit's application materials; it"
        " cannot apply for a title.",
        "ئورۇن باشقۇرغۇچىسى ھېساباتى پەقەت ئۆز ئورنىنىڭ ئىلتىماس ماتېرىياللىرىنىلا تەكشۈرەلەيدۇ،"
        " ئۇنۋانغا ئىلتىماس قىلالمايدۇ.",
    ),
    "开始基层工作单位管理员注册": (
        "Register as a base unit administrator",
        "ئاساسىي قاتلام خىزمەت ئورنى باشقۇرغۇچىسى سۈپىتىدە تىزىملىتىش",
    ),
    "单位注册": ("Unit registration", "ئورۇن تىزىملىتىش"),
    # --- Review committees, calls for applications, notices (region set-up) ---
    "地址": ("Address", "ئادرېس"),
    "暂无评审委员会。": ("No review committees yet.", "ھازىرچە باھالاش كومىتېتى يوق."),
    "主管单位与账号": ("Competent authorities and accounts", "مەسئۇل ئورۇنلار ۋە ھېساباتلار"),
    "申报项目": ("Calls for applications", "ئىلتىماس تۈرلىرى"),
    "发布": ("Publish", "ئېلان قىلىش"),
    "申报中": ("Open", "ئىلتىماس قوبۇل قىلىنىۋاتىدۇ"),
    "未开始": ("Not started", "باشلانمىدى"),
    "已截止": ("Closed", "ئاخىرلاشتى"),
    "关闭": ("Close", "تاقاش"),
    "暂无申报项目。": ("No calls for applications yet.", "ھازىرچە ئىلتىماس تۈرى يوق."),
    "评审委员会目录": ("Review committees", "باھالاش كومىتېتلىرى مۇندەرىجىسى"),
    "联系人及电话": ("Contact persons and phone numbers", "ئالاقىلاشقۇچى ۋە تېلېفون"),
    "每行一位：姓名 电话，例如：阿不都 0991-3000001": (
        "One per line: name phone, e.g. 阿不都 0991-3000001",
        "ھەر قۇرغا بىرى: ئىسىم تېلېفون، مەسىلەن: ئابدۇ 0991-3000001",
    ),
    "评审范围（系列 × 级别）": (
        "Review scope (series × level)",
        "باھالاش دائىرىسى (سېرىيە × دەرىجە)",
    ),
    "年度": ("Year", "يىل"),
    "开始提交时间": ("Submissions open at", "تاپشۇرۇش باشلىنىدىغان ۋاقىت"),
    "纸质材料报送要求": ("Paper documents to send", "قەغەز ماتېرىيال يوللاش تەلىپى"),
    "经推荐单位审核": ("Reviewed by the recommending unit", "تەۋسىيە قىلغۇچى ئورۇن تەكشۈرىدۇ"),
    "其后经指定单位审核（可选）": (
        "Then reviewed by a designated unit (optional)",
        "ئاندىن بەلگىلەنگەن ئورۇن تەكشۈرىدۇ (ئىختىيارىي)",
    ),
    "再经指定单位审核（可选）": (
        "Then reviewed by another designated unit (optional)",
        "ئاندىن يەنە بىر بەلگىلەنگەن ئورۇن تەكشۈرىدۇ (ئىختىيارىي)",
    ),
    "评审范围": ("Review scope", "باھالاش دائىرىسى"),
    "指定单位": ("Designated unit", "بەلگىلەنگەن ئورۇن"),
    "流程节点": ("Workflow step", "جەريان ھالقىسى"),
    "评审范围中的系列不存在：%(code)s": (
        "A series in the review scope does not exist: %(code)s",
        "باھالاش دائىرىسىدىكى سېرىيە مەۋجۇت ئەمەس: %(code)s",
    ),
    "请为每个系列选择评审级别。": (
        "Please choose the review levels for each series.",
        "ھەر بىر سېرىيە ئۈچۈن باھالاش دەرىجىسىنى تاللاڭ.",
    ),
    "请至少选择一个评审系列和级别。": (
        "Please choose at least one series and level to review.",
        "كەم دېگەندە بىر باھالاش سېرىيىسى ۋە دەرىجىسىنى تاللاڭ.",
    ),
    "本地区已有同名评审委员会。": (
        "A review committee with this name already exists in this region.",
        "بۇ رايوندا ئوخشاش ناملىق باھالاش كومىتېتى بار.",
    ),
    "未知的流程节点。": ("Unknown workflow step.", "نامەلۇم جەريان ھالقىسى."),
    "流程中的指定单位不存在或已停用。": (
        "A designated unit in the workflow does not exist or has been deactivated.",
        "جەرياندىكى بەلگىلەنگەن ئورۇن مەۋجۇت ئەمەس ياكى توختىتىلغان.",
    ),
    "审核流程的第一个节点必须是基层工作单位。": (
        "The first step of the review workflow must be the base unit.",
        "تەكشۈرۈش جەريانىنىڭ بىرىنچى ھالقىسى چوقۇم ئاساسىي قاتلام خىزمەت ئورنى بولۇشى كېرەك.",
    ),
    "审核流程的最后一个节点必须是评审委员会（形式审核）。": (
        "The last step of the review workflow must be the review committee (formal review).",
        "تەكشۈرۈش جەريانىنىڭ ئاخىرقى ھالقىسى چوقۇم باھالاش كومىتېتى (شەكلىي تەكشۈرۈش) بولۇشى"
        " كېرەك.",
    ),
    "基层工作单位和推荐单位在流程中各只能出现一次。": (
        "The base unit and the recommending unit can each appear only once in the workflow.",
        "ئاساسىي قاتلام خىزمەت ئورنى ۋە تەۋسىيە قىلغۇچى ئورۇن جەرياندا پەقەت بىر قېتىملا كۆرۈلىدۇ.",
    ),
    "该评审委员会不评审此系列和级别，不能发布该资格的申报。": (
        "This review committee does not review this series and level, so it cannot publish a call"
        " for this qualification.",
        "بۇ باھالاش كومىتېتى بۇ سېرىيە ۋە دەرىجىنى باھالىمايدۇ، بۇ سالاھىيەتنىڭ ئىلتىماس تۈرىنى"
        " ئېلان قىلالمايدۇ.",
    ),
    "截止时间必须晚于开始时间。": (
        "The closing time must be later than the opening time.",
        "ئاخىرلىشىش ۋاقتى باشلىنىش ۋاقتىدىن كېيىن بولۇشى كېرەك.",
    ),
    "提交次数上限应在 1 到 10 之间。": (
        "The submission limit must be between 1 and 10.",
        "تاپشۇرۇش قېتىم سانىنىڭ يۇقىرى چېكى 1 دىن 10 غىچە بولۇشى كېرەك.",
    ),
    "费用不能为负数。": ("The fee cannot be negative.", "ھەق مەنپىي سان بولسا بولمايدۇ."),
    "该评审委员会本年度已发布此资格的申报。": (
        "This review committee has already published a call for this qualification this year.",
        "بۇ باھالاش كومىتېتى بۇ يىل بۇ سالاھىيەتنىڭ ئىلتىماس تۈرىنى ئېلان قىلىپ بولغان.",
    ),
    "评审委员会已保存。": ("The review committee has been saved.", "باھالاش كومىتېتى ساقلاندى."),
    "编辑评审委员会": ("Edit review committee", "باھالاش كومىتېتىنى تەھرىرلەش"),
    "新增评审委员会": ("Add review committee", "باھالاش كومىتېتى قوشۇش"),
    "申报项目已保存。": ("The call for applications has been saved.", "ئىلتىماس تۈرى ساقلاندى."),
    "编辑申报项目": ("Edit call for applications", "ئىلتىماس تۈرىنى تەھرىرلەش"),
    "发布申报项目": ("Publish call for applications", "ئىلتىماس تۈرىنى ئېلان قىلىش"),
    "修改审核流程不会影响已在办理中的申请书，它们继续使用原流程。": (
        "Changing the review workflow does not affect applications already in progress; they keep"
        " the original workflow.",
        "تەكشۈرۈش جەريانىنى ئۆزگەرتىش بىر تەرەپ قىلىنىۋاتقان ئىلتىماسنامىلەرگە تەسىر كۆرسەتمەيدۇ،"
        " ئۇلار ئەسلى جەرياننى داۋاملىق ئىشلىتىدۇ.",
    ),
    "申报项目已关闭，不再接受提交。": (
        "The call for applications has been closed and no longer accepts submissions.",
        "ئىلتىماس تۈرى تاقالدى، ئەمدى تاپشۇرۇش قوبۇل قىلىنمايدۇ.",
    ),
    "通知公告已发布。": ("The notice has been published.", "ئۇقتۇرۇش-ئېلان ئېلان قىلىندى."),
    "编辑通知公告": ("Edit notice", "ئۇقتۇرۇش-ئېلاننى تەھرىرلەش"),
    "发布通知公告": ("Publish notice", "ئۇقتۇرۇش-ئېلان ئېلان قىلىش"),
    # --- Applications: applicant pages ---
    "基层工作单位": ("Base unit", "ئاساسىي قاتلام خىزمەت ئورنى"),
    "修改意见": ("Comments for revision", "ئۆزگەرتىش پىكرى"),
    "有修改意见": ("Has comments for revision", "ئۆزگەرتىش پىكرى بار"),
    "已完成": ("Complete", "تاماملاندى"),
    "未完成": ("Incomplete", "تاماملانمىدى"),
    "栏目修改意见": ("Comments on the section", "بۆلەككە بېرىلگەن ئۆزگەرتىش پىكرى"),
    "本栏目由基层单位填写。": (
        "This section is filled in by the base unit.",
        "بۇ بۆلەكنى ئاساسىي قاتلام ئورۇن تولدۇرىدۇ.",
    ),
    "附件": ("Attachments", "قوشۇمچە ھۆججەتلەر"),
    "至少%(n)s个": ("at least %(n)s", "كەم دېگەندە %(n)s"),
    "移除": ("Remove", "چىقىرىۋېتىش"),
    "尚未上传附件。": ("No attachments uploaded yet.", "تېخى قوشۇمچە ھۆججەت يوللانمىدى."),
    "上传新文件（JPG、PNG、PDF，不超过2MB）": (
        "Upload a new file (JPG, PNG, PDF, up to 2 MB)",
        "يېڭى ھۆججەت يوللاش (JPG، PNG، PDF، 2MB دىن ئاشمىسۇن)",
    ),
    "或从附件库选择": (
        "or choose from the attachment library",
        "ياكى قوشۇمچە ھۆججەت ئامبىرىدىن تاللاش",
    ),
    "添加附件": ("Add attachment", "قوشۇمچە ھۆججەت قوشۇش"),
    "建议使用扫描仪扫描，保障图片清晰，图片不要倾斜、倒向。": (
        "Please use a scanner so that images are clear; images should not be tilted or upside"
        " down.",
        "سكاننېر بىلەن سكاننېرلاش تەۋسىيە قىلىنىدۇ، رەسىم ئېنىق بولسۇن، قىيسىيىپ قالمىسۇن ياكى"
        " تەتۈر بولمىسۇن.",
    ),
    "提交": ("Submit", "تاپشۇرۇش"),
    "以下栏目尚未填写完整：": (
        "These sections are not complete yet: ",
        "تۆۋەندىكى بۆلەكلەر تېخى تولۇق تولدۇرۇلمىدى: ",
    ),
    "提交至基层工作单位": ("Submit to the base unit", "ئاساسىي قاتلام خىزمەت ئورنىغا تاپشۇرۇش"),
    "已提交%(done)s次，最多%(n)s次。超过次数将不能参加本年度评审。": (
        "Submitted %(done)s times out of at most %(n)s. Beyond that, the application cannot take"
        " part in this year's review.",
        "%(done)s قېتىم تاپشۇرۇلدى، ئەڭ كۆپ %(n)s قېتىم. بۇ ساندىن ئاشسا بۇ يىللىق باھالاشقا"
        " قاتنىشالمايدۇ.",
    ),
    "收回": ("Withdraw", "قايتۇرۇۋېلىش"),
    "审核流程": ("Review workflow", "تەكشۈرۈش جەريانى"),
    "以上为根据申请书内容给出的参考，不影响提交。": (
        "The above is guidance based on the application's content and does not affect submission.",
        "يۇقىرىدىكىسى ئىلتىماسنامە مەزمۇنىغا ئاساسەن بېرىلگەن پايدىلىنىش ئۇچۇرى، تاپشۇرۇشقا تەسىر"
        " كۆرسەتمەيدۇ.",
    ),
    "办理记录": ("History", "بىر تەرەپ قىلىش خاتىرىسى"),
    "暂无记录。": ("No records yet.", "ھازىرچە خاتىرە يوق."),
    "已提交": ("Submitted", "تاپشۇرۇلدى"),
    "编辑申请书/提交": ("Edit / submit application", "ئىلتىماسنامىنى تەھرىرلەش/تاپشۇرۇش"),
    "查看申请书": ("View application", "ئىلتىماسنامىنى كۆرۈش"),
    "确定删除该申请书？": ("Delete this application?", "بۇ ئىلتىماسنامىنى ئۆچۈرەمسىز؟"),
    "鼠标移动到节点看联系方式。": (
        "Hover over a step to see its contact details.",
        "ئالاقىلىشىش ئۇسۇلىنى كۆرۈش ئۈچۈن مائۇسنى ھالقا ئۈستىگە ئاپىرىڭ.",
    ),
    "您在本地区还没有申请书。": (
        "You have no applications in this region yet.",
        "بۇ رايوندا تېخى ئىلتىماسنامىڭىز يوق.",
    ),
    "新增申请书": ("New application", "يېڭى ئىلتىماسنامە"),
    "在其他地区的申请书": ("Applications in other regions", "باشقا رايونلاردىكى ئىلتىماسنامىلەر"),
    "温馨提示：同一个资格在同一年度只可以申请一次。": (
        "Note: you can apply for the same qualification only once a year.",
        "ئەسكەرتىش: ئوخشاش بىر سالاھىيەتكە ئوخشاش بىر يىلدا پەقەت بىر قېتىملا ئىلتىماس قىلغىلى"
        " بولىدۇ.",
    ),
    (
        "“属地化”管理原则：工作单位在哪，职称就在哪评审；如果该地州没有该专业（或级别）的评审，则到"
        "自治区评审。"
    ): (
        'The "locality principle": a title is reviewed where the applicant\'s employer is; if'
        " that prefecture has no review for the specialty (or level), the Autonomous Region"
        " reviews it.",
        "«تەۋەلىك پرىنسىپى»: خىزمەت ئورنى قەيەردە بولسا، ئۇنۋان شۇ يەردە باھالىنىدۇ؛ ئەگەر شۇ"
        " ۋىلايەت-ئوبلاستتا بۇ كەسىپ (ياكى دەرىجە) نىڭ باھالىشى بولمىسا، ئاپتونوم رايوندا"
        " باھالىنىدۇ.",
    ),
    "南疆四地州有定向评审、定向使用的政策，评审前如有不清楚请咨询相关评审部门。": (
        "The Four Prefectures of Southern Xinjiang have a targeted review and targeted employment"
        " policy. If anything is unclear before the review, please consult the relevant review"
        " department.",
        "جەنۇبىي شىنجاڭدىكى تۆت ۋىلايەت-ئوبلاستتا يۆنىلىشلىك باھالاش، يۆنىلىشلىك ئىشلىتىش سىياسىتى"
        " بار. باھالاشتىن بۇرۇن ئېنىق بولمىغان مەسىلىلەر بولسا، مۇناسىۋەتلىك باھالاش تارماقلىرىدىن"
        " سوراڭ.",
    ),
    "搜索基层工作单位（名称、简称或统一社会信用代码）": (
        "Search for the base unit (name, short name or unified social credit code)",
        "ئاساسىي قاتلام خىزمەت ئورنىنى ئىزدەش (نامى، قىسقارتىلما نامى ياكى بىرلىككە كەلگەن"
        " ئىجتىمائىي ئىناۋەت كودى)",
    ),
    "搜索": ("Search", "ئىزدەش"),
    "年度申报项目": ("calls for applications", "يىللىق ئىلتىماس تۈرلىرى"),
    "申报时间": ("Application period", "ئىلتىماس ۋاقتى"),
    "提交次数上限": ("Submission limit", "تاپشۇرۇش قېتىم سانىنىڭ يۇقىرى چېكى"),
    "评审费（元）": ("Review fee (yuan)", "باھالاش ھەققى (يۈەن)"),
    "纸质材料": ("Paper documents", "قەغەز ماتېرىيال"),
    "本年度暂无申报项目。": (
        "No calls for applications this year yet.",
        "بۇ يىل ھازىرچە ئىلتىماس تۈرى يوق.",
    ),
    "正在申报": ("Open for applications", "ئىلتىماس قوبۇل قىلىنىۋاتىدۇ"),
    "截止": ("Closes", "ئاخىرلىشىدۇ"),
    "当前没有开放申报的项目。": (
        "No call for applications is open at the moment.",
        "ھازىر ئىلتىماس قوبۇل قىلىنىۋاتقان تۈر يوق.",
    ),
    "全部申报项目": ("All calls for applications", "بارلىق ئىلتىماس تۈرلىرى"),
    "只有申请人可以新增申请书；单位管理员等账号不能申报职称。": (
        "Only applicants can create applications; unit administrators and other accounts cannot"
        " apply for titles.",
        "پەقەت ئىلتىماس قىلغۇچىلارلا ئىلتىماسنامە قوشالايدۇ؛ ئورۇن باشقۇرغۇچىسى قاتارلىق"
        " ھېساباتلار ئۇنۋانغا ئىلتىماس قىلالمايدۇ.",
    ),
    "该资格当前不在申报时间内。": (
        "Applications for this qualification are not open at the moment.",
        "بۇ سالاھىيەت ھازىر ئىلتىماس ۋاقتى ئىچىدە ئەمەس.",
    ),
    "同一资格同一年度只能申请一次：您本年度已申请过该资格。": (
        "You can apply for a qualification only once a year, and you have already applied for it"
        " this year.",
        "ئوخشاش بىر سالاھىيەتكە ئوخشاش بىر يىلدا پەقەت بىر قېتىملا ئىلتىماس قىلغىلى بولىدۇ: سىز بۇ"
        " يىل بۇ سالاھىيەتكە ئىلتىماس قىلىپ بولدىڭىز.",
    ),
    "申请书已提交，当前不能修改。如需修改，请在单位审核前收回。": (
        "The application has been submitted and cannot be changed now. To change it, withdraw it"
        " before the unit reviews it.",
        "ئىلتىماسنامە تاپشۇرۇلدى، ھازىر ئۆزگەرتكىلى بولمايدۇ. ئۆزگەرتمەكچى بولسىڭىز، ئورۇن"
        " تەكشۈرۈشتىن بۇرۇن قايتۇرۇۋېلىڭ.",
    ),
    "该栏目由单位填写，申请人不能修改。": (
        "This section is filled in by the unit; the applicant cannot change it.",
        "بۇ بۆلەكنى ئورۇن تولدۇرىدۇ، ئىلتىماس قىلغۇچى ئۆزگەرتەلمەيدۇ.",
    ),
    "栏目内容应为一个对象。": (
        "The section content must be an object.",
        "بۆلەك مەزمۇنى بىر ئوبيېكت بولۇشى كېرەك.",
    ),
    "没有这个栏目。": ("No such section.", "بۇنداق بۆلەك يوق."),
    "附件库中没有这个文件。": (
        "This file is not in the attachment library.",
        "قوشۇمچە ھۆججەت ئامبىرىدا بۇ ھۆججەت يوق.",
    ),
    "只能删除从未提交过的申请书。": (
        "Only applications that have never been submitted can be deleted.",
        "پەقەت ھېچقاچان تاپشۇرۇلمىغان ئىلتىماسنامىلەرنىلا ئۆچۈرگىلى بولىدۇ.",
    ),
    "您的单位属于%(home)s，该地区没有此专业（级别）的评审，按属地化原则到自治区评审。": (
        "Your unit belongs to %(home)s, which has no review for this specialty (level); under the"
        " locality principle, the Autonomous Region reviews it.",
        "ئورنىڭىز %(home)s غا تەۋە، بۇ رايوندا بۇ كەسىپ (دەرىجە) نىڭ باھالىشى يوق، تەۋەلىك"
        " پرىنسىپى بويىچە ئاپتونوم رايوندا باھالىنىدۇ.",
    ),
    (
        "您的单位属于%(home)s。按“属地化”原则，工作单位在哪职称就在哪评审：请在%(home)s申报；如果"
        "%(home)s没有该专业（或级别）的评审，则到自治区评审。选错时可通过“更改资格”修改。"
    ): (
        'Your unit belongs to %(home)s. Under the "locality principle", a title is reviewed'
        " where the employer is: please apply in %(home)s; if %(home)s has no review for this"
        " specialty (or level), apply to the Autonomous Region. If you chose wrongly, correct it"
        ' with "Change qualification".',
        "ئورنىڭىز %(home)s غا تەۋە. «تەۋەلىك پرىنسىپى» بويىچە خىزمەت ئورنى قەيەردە بولسا، ئۇنۋان"
        " شۇ يەردە باھالىنىدۇ: %(home)s دا ئىلتىماس قىلىڭ؛ ئەگەر %(home)s دا بۇ كەسىپ (ياكى"
        " دەرىجە) نىڭ باھالىشى بولمىسا، ئاپتونوم رايوندا باھالىنىدۇ. خاتا تاللىغان بولسىڭىز"
        " «سالاھىيەتنى ئۆزگەرتىش» ئارقىلىق ئۆزگەرتىڭ.",
    ),
    "附件库文件的 SHA-256 与文件名": (
        "SHA-256 and file names of attachment library files",
        "قوشۇمچە ھۆججەت ئامبىرىدىكى ھۆججەتلەرنىڭ SHA-256 ۋە ھۆججەت نامى",
    ),
    "已提交次数": ("Times submitted", "تاپشۇرۇلغان قېتىم سانى"),
    "申请书": ("Application", "ئىلتىماسنامە"),
    "操作": ("Action", "مەشغۇلات"),
    "原节点": ("From step", "ئەسلى ھالقا"),
    "新节点": ("To step", "يېڭى ھالقا"),
    "意见": ("Comments", "پىكىر"),
    "否": ("No", "ياق"),
    "请选择": ("Please choose", "تاللاڭ"),
    "未填写": ("Not filled in", "تولدۇرۇلمىغان"),
    "%(table)s 第%(row)s行 %(column)s": (
        "%(table)s row %(row)s %(column)s",
        "%(table)s %(row)s-قۇر %(column)s",
    ),
    "请先搜索单位名称": ("Search for the unit name first", "ئالدى بىلەن ئورۇن نامىنى ئىزدەڭ"),
    "只有申请人可以申报职称；单位管理员等账号不能申报。": (
        "Only applicants can apply for titles; unit administrators and other accounts cannot.",
        "پەقەت ئىلتىماس قىلغۇچىلارلا ئۇنۋانغا ئىلتىماس قىلالايدۇ؛ ئورۇن باشقۇرغۇچىسى قاتارلىق"
        " ھېساباتلار ئىلتىماس قىلالمايدۇ.",
    ),
    "申请书已新增，请逐栏填写并上传附件。": (
        "The application has been created. Please fill in each section and upload the attachments.",
        "ئىلتىماسنامە قوشۇلدى، بۆلەكلەرنى بىر-بىرلەپ تولدۇرۇپ قوشۇمچە ھۆججەتلەرنى يوللاڭ.",
    ),
    "已保存。该栏目还有需要修改的地方，见标红处。": (
        "Saved. This section still needs changes; see the places marked in red.",
        "ساقلاندى. بۇ بۆلەكتە يەنە ئۆزگەرتىشكە تېگىشلىك جايلار بار، قىزىل بەلگە قويۇلغان جايلارنى"
        " كۆرۈڭ.",
    ),
    "附件已添加。": ("The attachment has been added.", "قوشۇمچە ھۆججەت قوشۇلدى."),
    "已提交至基层工作单位，请通知单位管理员审核。": (
        "Submitted to the base unit. Please ask the unit administrator to review it.",
        "ئاساسىي قاتلام خىزمەت ئورنىغا تاپشۇرۇلدى، ئورۇن باشقۇرغۇچىسىنى تەكشۈرۈشكە ئۇقتۇرۇڭ.",
    ),
    "已收回，可以继续编辑。": (
        "Withdrawn; you can continue editing.",
        "قايتۇرۇۋېلىندى، داۋاملىق تەھرىرلىيەلەيسىز.",
    ),
    "已办理。": ("Done.", "بىر تەرەپ قىلىندى."),
    "申请书已删除。": ("The application has been deleted.", "ئىلتىماسنامە ئۆچۈرۈلدى."),
    # --- Applications: review ---
    "通过形式审核": ("Formal review passed", "شەكلىي تەكشۈرۈشتىن ئۆتتى"),
    "申请书信息": ("Application details", "ئىلتىماسنامە ئۇچۇرى"),
    "手机": ("Mobile", "يانفون"),
    "单位信息不完善，不能审核申报材料。": (
        "The unit details are incomplete, so application materials cannot be reviewed.",
        "ئورۇن ئۇچۇرى تولۇق ئەمەس، ئىلتىماس ماتېرىياللىرىنى تەكشۈرگىلى بولمايدۇ.",
    ),
    "无附件。": ("No attachments.", "قوشۇمچە ھۆججەت يوق."),
    "职称工作负责人": ("Person in charge of title work", "ئۇنۋان خىزمىتى مەسئۇلى"),
    "职称工作负责人手机": (
        "Mobile of the person in charge of title work",
        "ئۇنۋان خىزمىتى مەسئۇلىنىڭ يانفونى",
    ),
    "单位推荐意见（10 到 1000 字之间）": (
        "Unit recommendation (10 to 1000 characters)",
        "ئورۇننىڭ تەۋسىيە پىكرى (10 دىن 1000 ھەرپكىچە)",
    ),
    "还能输入": ("Remaining:", "يەنە كىرگۈزگىلى بولىدىغىنى:"),
    "字": ("characters", "ھەرپ"),
    "报送推荐单位": ("Recommending unit to send to", "يوللىنىدىغان تەۋسىيە قىلغۇچى ئورۇن"),
    "保存推荐意见并提交": ("Save the recommendation and submit", "تەۋسىيە پىكرىنى ساقلاپ تاپشۇرۇش"),
    "退回意见": ("Reason for returning", "قايتۇرۇش پىكرى"),
    "退回": ("Return", "قايتۇرۇش"),
    "退回后申请人将看到各栏目的修改意见；退回总是退给申请人本人。": (
        "After the return, the applicant sees the comments on each section; an application is"
        " always returned to the applicant.",
        "قايتۇرۇلغاندىن كېيىن ئىلتىماس قىلغۇچى ھەر بىر بۆلەكنىڭ ئۆزگەرتىش پىكرىنى كۆرىدۇ؛ ھەمىشە"
        " ئىلتىماس قىلغۇچىنىڭ ئۆزىگە قايتۇرۇلىدۇ.",
    ),
    "填写单位推荐意见": ("Write the unit recommendation", "ئورۇننىڭ تەۋسىيە پىكرىنى تولدۇرۇش"),
    "审核意见（可选）": ("Review comments (optional)", "تەكشۈرۈش پىكرى (ئىختىيارىي)"),
    "审核通过并提交": ("Approve and submit", "ماقۇللاپ تاپشۇرۇش"),
    "不予通过的理由": ("Reason for declining", "ماقۇللىماسلىق سەۋەبى"),
    "不予通过": ("Decline", "ماقۇللىماسلىق"),
    "申请书审核": ("Review applications", "ئىلتىماسنامە تەكشۈرۈش"),
    "申请书查询": ("Search applications", "ئىلتىماسنامە سۈرۈشتۈرۈش"),
    "条件": ("Keywords", "ئاچقۇچلۇق سۆز"),
    "姓名、身份证号或申请书编号": (
        "Name, ID card number or application number",
        "ئىسىم-فامىلە، كىملىك نومۇرى ياكى ئىلتىماسنامە نومۇرى",
    ),
    "申请级别": ("Level applied for", "ئىلتىماس قىلىنغان دەرىجە"),
    "查询": ("Search", "سۈرۈشتۈرۈش"),
    "序号": ("No.", "تەرتىپ نومۇرى"),
    "联系方式": ("Contact", "ئالاقىلىشىش ئۇسۇلى"),
    "推荐意见": ("Recommendation", "تەۋسىيە پىكرى"),
    "提交到": (" submitted to ", " تاپشۇرۇلغان ئورۇن: "),
    "办理时间": ("Processed at", "بىر تەرەپ قىلىنغان ۋاقىت"),
    "没有申请书。": ("No applications.", "ئىلتىماسنامە يوق."),
    "申请书当前不在审核中。": (
        "The application is not under review at the moment.",
        "ئىلتىماسنامە ھازىر تەكشۈرۈلۈۋاتمايدۇ.",
    ),
    "意见不能超过%(n)d字。": (
        "Comments cannot be longer than %(n)d characters.",
        "پىكىر %(n)d ھەرپتىن ئاشمىسۇن.",
    ),
    "申请人编辑中": ("Being edited by the applicant", "ئىلتىماس قىلغۇچى تەھرىرلەۋاتىدۇ"),
    "审核中": ("Under review", "تەكشۈرۈلۈۋاتىدۇ"),
    "退回修改": ("Returned for revision", "ئۆزگەرتىشكە قايتۇرۇلدى"),
    "未通过": ("Not approved", "ماقۇللانمىدى"),
    "会议评审通过": ("Passed the review meeting", "باھالاش يىغىنىدىن ئۆتتى"),
    "公示中": ("Under public notice", "ئاشكارىلىنىۋاتىدۇ"),
    "已发批文": ("Approval issued", "تەستىق ھۆججىتى چىقىرىلدى"),
    "已发证书": ("Certificate issued", "گۇۋاھنامە بېرىلدى"),
    "申报尚未开始，开始时间为%(at)s。": (
        "Applications have not opened yet; they open at %(at)s.",
        "ئىلتىماس تېخى باشلانمىدى، باشلىنىش ۋاقتى %(at)s.",
    ),
    "申报已截止（截止时间%(at)s），不能再提交。": (
        "Applications closed at %(at)s; no more submissions are possible.",
        "ئىلتىماس ئاخىرلاشتى (ئاخىرلاشقان ۋاقىت %(at)s)، ئەمدى تاپشۇرغىلى بولمايدۇ.",
    ),
    "提交次数已达上限（%(max)d次），本年度不能再提交该申请书。": (
        "The submission limit (%(max)d) has been reached; this application cannot be submitted"
        " again this year.",
        "تاپشۇرۇش قېتىم سانى يۇقىرى چەككە (%(max)d قېتىم) يەتتى، بۇ يىل بۇ ئىلتىماسنامىنى قايتا"
        " تاپشۇرغىلى بولمايدۇ.",
    ),
    "以下栏目尚未填写完整：%(sections)s": (
        "These sections are not complete yet: %(sections)s",
        "تۆۋەندىكى بۆلەكلەر تېخى تولۇق تولدۇرۇلمىدى: %(sections)s",
    ),
    "基层单位已经开始审核，不能收回。": (
        "The base unit has already started its review, so the application cannot be withdrawn.",
        "ئاساسىي قاتلام ئورۇن تەكشۈرۈشنى باشلىۋەتتى، قايتۇرۇۋالغىلى بولمايدۇ.",
    ),
    "单位信息不完善，不能审核申报材料。请先“完善单位信息”。": (
        "The unit details are incomplete, so application materials cannot be reviewed. Please"
        ' first "Complete the unit details".',
        "ئورۇن ئۇچۇرى تولۇق ئەمەس، ئىلتىماس ماتېرىياللىرىنى تەكشۈرگىلى بولمايدۇ. ئالدى بىلەن"
        " «ئورۇن ئۇچۇرىنى تولۇقلاش» نى قىلىڭ.",
    ),
    "请填写意见。": ("Please enter your comments.", "پىكرىڭىزنى تولدۇرۇڭ."),
    "请填写职称工作负责人。": (
        "Please enter the person in charge of title work.",
        "ئۇنۋان خىزمىتى مەسئۇلىنى تولدۇرۇڭ.",
    ),
    "单位推荐意见应在10到1000字之间，当前%(n)d字。": (
        "The unit recommendation must be 10 to 1000 characters long; it is now %(n)d.",
        "ئورۇننىڭ تەۋسىيە پىكرى 10 دىن 1000 ھەرپكىچە بولۇشى كېرەك، ھازىر %(n)d ھەرپ.",
    ),
    "请从本单位的推荐单位中选择。": (
        "Please choose one of this unit's recommending units.",
        "بۇ ئورۇننىڭ تەۋسىيە قىلغۇچى ئورۇنلىرىدىن تاللاڭ.",
    ),
    "本单位尚未设置推荐单位，请先在单位信息中维护。": (
        "This unit has no recommending unit yet; please set one in the unit details first.",
        "بۇ ئورۇن تېخى تەۋسىيە قىلغۇچى ئورۇن بەلگىلىمىدى، ئالدى بىلەن ئورۇن ئۇچۇرىدا بەلگىلەڭ.",
    ),
    "本单位有两个推荐单位，请选择本申请书报送的推荐单位。": (
        "This unit has two recommending units; please choose the one to send this application to.",
        "بۇ ئورۇننىڭ ئىككى تەۋسىيە قىلغۇچى ئورنى بار، بۇ ئىلتىماسنامە يوللىنىدىغان تەۋسىيە قىلغۇچى"
        " ئورۇننى تاللاڭ.",
    ),
    "流程配置有误。": ("The workflow is misconfigured.", "جەريان تەڭشىكىدە خاتالىق بار."),
    "推荐并提交": ("Recommend and submit", "تەۋسىيە قىلىپ تاپشۇرۇش"),
    "未知的操作。": ("Unknown action.", "نامەلۇم مەشغۇلات."),
    "申请书当前状态为“%(status)s”，不能%(action)s。": (
        'The application\'s status is "%(status)s"; "%(action)s" is not possible.',
        "ئىلتىماسنامىنىڭ نۆۋەتتىكى ھالىتى «%(status)s»، «%(action)s» مەشغۇلاتىنى قىلغىلى بولمايدۇ.",
    ),
    "申请书%(label)s：%(status)s": (
        "Application %(label)s: %(status)s",
        "ئىلتىماسنامە %(label)s: %(status)s",
    ),
    "有新的申请书待审核：%(label)s": (
        "A new application is waiting for review: %(label)s",
        "تەكشۈرۈشنى كۈتۈۋاتقان يېڭى ئىلتىماسنامە بار: %(label)s",
    ),
    "申请人：%(name)s": ("Applicant: %(name)s", "ئىلتىماس قىلغۇچى: %(name)s"),
    "审核意见已保存。": ("The review comments have been saved.", "تەكشۈرۈش پىكرى ساقلاندى."),
}

# msgid (singular) -> ((English singular, plural), (Uyghur singular, plural)).
PLURAL_GLOSSARY: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "%(pages)s 页": (
        ("%(pages)s page", "%(pages)s pages"),
        ("%(pages)s بەت", "%(pages)s بەت"),
    ),
    "距提交截止还有%(days)s天": (
        ("%(days)s day left to submit", "%(days)s days left to submit"),
        (
            "تاپشۇرۇشنىڭ ئاخىرقى مۆھلىتىگە %(days)s كۈن قالدى",
            "تاپشۇرۇشنىڭ ئاخىرقى مۆھلىتىگە %(days)s كۈن قالدى",
        ),
    ),
    "申报中，还有%(days)s天截止": (
        ("Open, closes in %(days)s day", "Open, closes in %(days)s days"),
        (
            "ئىلتىماس قوبۇل قىلىنىۋاتىدۇ، %(days)s كۈندىن كېيىن ئاخىرلىشىدۇ",
            "ئىلتىماس قوبۇل قىلىنىۋاتىدۇ، %(days)s كۈندىن كېيىن ئاخىرلىشىدۇ",
        ),
    ),
}


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
