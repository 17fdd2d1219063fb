"""Identity numbers, phone numbers and unit names as registration forms receive them.

Pure functions, no database. Each ``validate_*`` function normalizes its input, checks it
against the national standard and returns the normalized value, or raises ``ValidationError``
with a Chinese message and a ``code`` naming the kind of failure, so forms and the API can use
them directly as field validators.

Normalizing always folds full-width characters to half-width (NFKC) and drops whitespace,
because that is how numbers arrive from Chinese input methods and from copy-and-paste.

- Resident ID number: GB 11643-1999 (check digit ISO 7064 MOD 11-2).
- Unified social credit code: GB 32100-2015; its organization code part: GB 11714-1997.
- Mobile number: mainland China, 11 digits, optional +86 / 86 / 0086 prefix.
- Unit names: a comparison key for refusing a second registration under the same name.
"""

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "CREDIT_CODE_CATEGORIES",
    "ID_CARD_EARLIEST_BIRTH_DATE",
    "ID_CARD_PROVINCE_CODES",
    "birth_date_from_id_card",
    "credit_code_check_character",
    "id_card_check_digit",
    "make_credit_code",
    "make_id_card_number",
    "normalize_credit_code",
    "normalize_id_card_number",
    "normalize_mobile",
    "normalize_org_name",
    "org_code_check_character",
    "validate_credit_code",
    "validate_id_card_number",
    "validate_mobile",
]


def _fold(value: str) -> str:
    """Full-width to half-width (NFKC), then every whitespace character removed."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def _today() -> date:
    return timezone.localdate() if settings.USE_TZ else date.today()


# --- Resident ID number (GB 11643-1999) ------------------------------------------------------


def _code_ranges(*spans: tuple[int, int]) -> frozenset[str]:
    return frozenset(str(n) for low, high in spans for n in range(low, high + 1))


#: The first two digits: province-level divisions (GB/T 2260), Taiwan (71), Hong Kong (81),
#: Macao (82) and 91 (numbers issued to residents abroad).
ID_CARD_PROVINCE_CODES: frozenset[str] = _code_ranges(
    (11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 82), (91, 91)
)
ID_CARD_EARLIEST_BIRTH_DATE = date(1900, 1, 1)

_ID_CARD_LENGTH = 18
_ID_CARD_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_ID_CARD_BODY = re.compile(r"[0-9]{17}")
_ID_CARD_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2**(17-i) mod 11
_ID_CARD_CHECK_DIGITS = "10X98765432"  # indexed by (weighted sum mod 11)


def normalize_id_card_number(value: str) -> str:
    """Fold full-width characters, drop all whitespace and upper-case a final ``x``.

    Does not validate: ``validate_id_card_number`` does, and returns this same form.
    """
    return _fold(value).upper()


def id_card_check_digit(body: str) -> str:
    """The check digit (``0``-``9`` or ``X``) of the first 17 digits of an ID number.

    Raises ``ValueError`` unless ``body`` is exactly 17 ASCII digits.
    """
    if not _ID_CARD_BODY.fullmatch(body):
        raise ValueError(f"an ID number body is 17 digits, got {body!r}")
    total = sum(int(digit) * weight for digit, weight in zip(body, _ID_CARD_WEIGHTS, strict=True))
    return _ID_CARD_CHECK_DIGITS[total % 11]


def _parse_birth_date(digits: str) -> date | None:
    """``YYYYMMDD`` as a date, or None when no such calendar day exists."""
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def validate_id_card_number(value: str, *, today: date | None = None) -> str:
    """Check an 18-digit resident ID number and return it normalized.

    In order: length, characters, province code, birth date (a real day, from 1900-01-01 to
    ``today``, by default the current date in the site's time zone), check digit. The old
    15-digit numbers are refused: they have not been valid since 2013.
    """
    number = normalize_id_card_number(value)
    if len(number) != _ID_CARD_LENGTH:
        raise ValidationError(
            _("身份证号码应为18位，当前为%(length)d位。"),
            code="id_card_length",
            params={"length": len(number)},
        )
    if not _ID_CARD_SHAPE.fullmatch(number):
        raise ValidationError(
            _("身份证号码前17位应为数字，最后一位应为数字或字母X。"),
            code="id_card_characters",
        )
    if number[:2] not in ID_CARD_PROVINCE_CODES:
        raise ValidationError(
            _("身份证号码前两位“%(code)s”不是有效的省级行政区划代码。"),
            code="id_card_area",
            params={"code": number[:2]},
        )
    birth = _parse_birth_date(number[6:14])
    if birth is None:
        raise ValidationError(
            _("身份证号码中的出生日期“%(digits)s”不是有效日期。"),
            code="id_card_birth_date",
            params={"digits": number[6:14]},
        )
    if birth < ID_CARD_EARLIEST_BIRTH_DATE:
        raise ValidationError(
            _("身份证号码中的出生日期不能早于1900年1月1日。"),
            code="id_card_birth_date_too_early",
        )
    if birth > (today or _today()):
        raise ValidationError(
            _("身份证号码中的出生日期不能晚于今天。"),
            code="id_card_birth_date_future",
        )
    if number[17] != id_card_check_digit(number[:17]):
        raise ValidationError(
            _("身份证号码校验位不正确，请核对后重新输入。"),
            code="id_card_check_digit",
        )
    return number


def birth_date_from_id_card(value: str, *, today: date | None = None) -> date:
    """The birth date in a resident ID number; the number is validated first."""
    birth = _parse_birth_date(validate_id_card_number(value, today=today)[6:14])
    assert birth is not None  # validate_id_card_number refuses impossible dates
    return birth


def make_id_card_number(area: str, birth: date, sequence: int) -> str:
    """A well-formed ID number with the right check digit, for tests and demo data.

    ``area`` is the 6-digit address code, ``sequence`` the 3-digit order code (odd for men,
    even for women). Only the shape of the arguments is checked (``ValueError``); the province
    code and the birth-date range are not, so tests can build numbers that break one rule.
    """
    if not re.fullmatch(r"[0-9]{6}", area):
        raise ValueError(f"area must be 6 digits, got {area!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be between 0 and 999, got {sequence!r}")
    body = f"{area}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return body + id_card_check_digit(body)


# --- Unified social credit code (GB 32100-2015) ----------------------------------------------

#: The 31 characters a credit code may use: digits and capitals without I, O, Z, S, V.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

#: Registering authority (position 1) → organization categories it assigns (position 2),
#: as GB 32100-2015 Appendix A lists them.
CREDIT_CODE_CATEGORIES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "1": frozenset("1239"),  # 机构编制：机关、事业单位、中央编办直接管理的群众团体、其他
        "2": frozenset("19"),  # 外交：外国常驻新闻机构、其他
        "3": frozenset("1234569"),  # 司法行政：律师事务所、公证处、基层法律服务所、司法鉴定机构…
        "4": frozenset("19"),  # 文化：外国在华文化中心、其他
        "5": frozenset("1239"),  # 民政：社会团体、民办非企业单位、基金会、其他
        "6": frozenset("129"),  # 旅游：境外旅游部门常驻代表机构、其他
        "7": frozenset("129"),  # 宗教：宗教活动场所、宗教院校、其他
        "8": frozenset("19"),  # 工会：基层工会、其他
        "9": frozenset("123"),  # 工商：企业、个体工商户、农民专业合作社
        "A": frozenset("19"),  # 中央军委改革和编制办公室：军队事业单位、其他
        "N": frozenset("1239"),  # 农业：组级、村级、乡镇级集体经济组织、其他
        "Y": frozenset("1"),  # 其他
    }
)

_CREDIT_CODE_LENGTH = 18
_CREDIT_CODE_FORBIDDEN_LETTERS = frozenset("IOZSV")
# 3**i mod 31 for i = 0..16, as GB 32100-2015 §4.2 defines them.
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CODE_BASE = re.compile(r"[0-9A-Z]{8}")
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def normalize_credit_code(value: str) -> str:
    """Fold full-width characters, drop all whitespace and upper-case. Does not validate."""
    return _fold(value).upper()


def org_code_check_character(base: str) -> str:
    """The GB 11714 check character of an 8-character organization code base.

    Characters count 0-9 for digits and 10-35 for A-Z; the check is ``11 - (sum mod 11)``,
    written ``X`` for 10 and ``0`` for 11. Raises ``ValueError`` for any other input.
    """
    if not _ORG_CODE_BASE.fullmatch(base):
        raise ValueError(f"an organization code base is 8 digits or capitals, got {base!r}")
    # int(c, 36) is exactly the GB 11714 value: "0"-"9" → 0-9, "A"-"Z" → 10-35.
    total = sum(
        int(char, 36) * weight for char, weight in zip(base, _ORG_CODE_WEIGHTS, strict=True)
    )
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def credit_code_check_character(body: str) -> str:
    """The final (18th) check character of the first 17 characters of a credit code.

    Raises ``ValueError`` unless ``body`` is 17 characters from ``CREDIT_CODE_ALPHABET``.
    """
    if len(body) != 17 or not set(body) <= set(CREDIT_CODE_ALPHABET):
        raise ValueError(f"a credit code body is 17 characters of the code alphabet, got {body!r}")
    total = sum(
        CREDIT_CODE_ALPHABET.index(char) * weight
        for char, weight in zip(body, _CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> str:
    """Check an 18-character unified social credit code and return it normalized.

    In order: length, characters (naming any of the unused letters I, O, Z, S, V), registering
    authority and organization category (``CREDIT_CODE_CATEGORIES``), administrative area
    digits, the organization code's own check character (position 17), the final check
    character (position 18).
    """
    code = normalize_credit_code(value)
    if len(code) != _CREDIT_CODE_LENGTH:
        raise ValidationError(
            _("统一社会信用代码应为18位，当前为%(length)d位。"),
            code="credit_code_length",
            params={"length": len(code)},
        )
    forbidden = sorted(set(code) & _CREDIT_CODE_FORBIDDEN_LETTERS)
    if forbidden:
        raise ValidationError(
            _("统一社会信用代码不使用字母I、O、Z、S、V，请检查“%(letters)s”是否应为数字。"),
            code="credit_code_forbidden_letter",
            params={"letters": "、".join(forbidden)},
        )
    if not set(code) <= set(CREDIT_CODE_ALPHABET):
        raise ValidationError(
            _("统一社会信用代码只能由数字和大写英文字母组成。"),
            code="credit_code_characters",
        )
    authority, category = code[0], code[1]
    if authority not in CREDIT_CODE_CATEGORIES:
        raise ValidationError(
            _("统一社会信用代码第1位（登记管理部门代码）“%(code)s”无效。"),
            code="credit_code_authority",
            params={"code": authority},
        )
    if category not in CREDIT_CODE_CATEGORIES[authority]:
        raise ValidationError(
            _("统一社会信用代码第2位（机构类别代码）“%(code)s”与登记管理部门不符。"),
            code="credit_code_category",
            params={"code": category},
        )
    if not code[2:8].isdigit():
        raise ValidationError(
            _("统一社会信用代码第3至8位（登记管理机关行政区划码）应为数字。"),
            code="credit_code_area",
        )
    if code[16] != org_code_check_character(code[8:16]):
        raise ValidationError(
            _("统一社会信用代码第9至17位（组织机构代码）的校验位不正确，请核对后重新输入。"),
            code="credit_code_org_code_check",
        )
    if code[17] != credit_code_check_character(code[:17]):
        raise ValidationError(
            _("统一社会信用代码第18位（校验码）不正确，请核对后重新输入。"),
            code="credit_code_check",
        )
    return code


def make_credit_code(
    authority: str = "9",
    category: str = "1",
    area: str = "650100",
    org_code_base: str = "MA78K3QB",
) -> str:
    """A credit code with both check characters computed, for tests and demo data.

    Only lengths and the code alphabet are checked (``ValueError``); the authority/category
    table and the digits-only area are not, so tests can build codes that break one rule.
    """
    body = f"{authority}{category}{area}{org_code_base}"
    if (len(authority), len(category), len(area), len(org_code_base)) != (1, 1, 6, 8):
        raise ValueError(f"expected 1 + 1 + 6 + 8 characters, got {body!r}")
    if not set(body) <= set(CREDIT_CODE_ALPHABET):
        raise ValueError(f"{body!r} has characters outside the credit code alphabet")
    body += org_code_check_character(org_code_base)
    return body + credit_code_check_character(body)


# --- Mobile number ----------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_DIGITS = re.compile(r"[0-9]*")
_MOBILE_LENGTH = 11


def normalize_mobile(value: str) -> str:
    """Fold full-width characters, drop whitespace and hyphens and a +86, 0086 or 86 prefix.

    A bare ``86`` is only taken as the country code when 11 digits follow it.
    Does not validate.
    """
    number = _fold(value).replace("-", "")
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            return number.removeprefix(prefix)
    if number.startswith("86") and len(number) == 2 + _MOBILE_LENGTH:
        return number.removeprefix("86")
    return number


def validate_mobile(value: str) -> str:
    """Check a mainland China mobile number and return its 11 digits."""
    number = normalize_mobile(value)
    if not _DIGITS.fullmatch(number):
        raise ValidationError(
            _("手机号码只能包含数字，可带+86前缀。"),
            code="mobile_characters",
        )
    if len(number) != _MOBILE_LENGTH:
        raise ValidationError(
            _("手机号码应为11位数字，当前为%(length)d位。"),
            code="mobile_length",
            params={"length": len(number)},
        )
    if not _MOBILE.fullmatch(number):
        raise ValidationError(
            _("手机号码应以1开头，第二位为3至9。"),
            code="mobile_prefix",
        )
    return number


# --- Unit names -------------------------------------------------------------------------------


def normalize_org_name(value: str) -> str:
    """A comparison key for unit names: equal keys mean "the same name" for registration.

    Full-width → half-width (NFKC, so "（乌鲁木齐）" and "(乌鲁木齐)" agree), every whitespace
    character removed (including the ideographic space U+3000), invisible format characters
    such as zero-width spaces removed, then case-folded. Only for comparison; never display it.
    """
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    return "".join(
        char for char in folded if not char.isspace() and unicodedata.category(char) != "Cf"
    )


def mask_id_card_number(number: str) -> str:
    """650105********1234: the area and the last four digits, wherever ID numbers are listed
    (PIPL: sensitive personal information); the full number only where a reviewer checks it."""
    if len(number) < 10:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
