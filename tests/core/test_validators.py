"""What the registration forms accept as ID numbers, credit codes, mobiles and unit names.

Pure functions: no database, no fixtures beyond parametrize.
"""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from core.identity.validators import (
    CREDIT_CODE_CATEGORIES,
    birth_date_from_id_card,
    credit_code_check_character,
    id_card_check_digit,
    make_credit_code,
    make_id_card_number,
    normalize_org_name,
    org_code_check_character,
    validate_credit_code,
    validate_id_card_number,
    validate_mobile,
)

TODAY = date(2025, 6, 1)


def error_of(validator: Callable[[str], str], value: str) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        validator(value)
    return excinfo.value


def id_card_error(value: str, today: date = TODAY) -> str:
    return error_of(lambda v: validate_id_card_number(v, today=today), value).code


def with_check_digit(body: str) -> str:
    """17 digits plus their correct check digit, so only the rule under test can fail."""
    return body + id_card_check_digit(body)


# --- Resident ID numbers ----------------------------------------------------------------------

# Check digits verified by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
# check digit "10X98765432"[sum % 11].
HAND_CHECKED_ID_NUMBERS = [
    # The GB 11643-1999 example. 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 % 11 = 2 → X
    "11010519491231002X",
    # 42+45+0+5+0+8+2+9+48+15+0+54+10+25+8+8+6 = 285; 285 % 11 = 10 → 2
    "650102198506151232",
    # Born on a leap day. 42+45+0+5+0+16+2+9+42+6+0+18+20+45+0+16+12 = 278; 278 % 11 = 3 → 9
    "650104197202290469",
    # 42+45+40+0+0+8+2+9+54+9+0+81+0+40+0+12+12 = 354; 354 % 11 = 2 → X
    "65400219930908036X",
    # 7+9+0+5+0+4+2+9+54+0+0+27+0+35+32+16+14 = 214; 214 % 11 = 5 → 7
    "110101199003074477",
]


@pytest.mark.parametrize("number", HAND_CHECKED_ID_NUMBERS)
def test_hand_checked_id_numbers_are_accepted_unchanged(number):
    assert validate_id_card_number(number, today=TODAY) == number


@pytest.mark.parametrize(
    ("area", "birth", "sequence"),
    [
        ("650102", date(1985, 6, 15), 123),
        ("653101", date(2000, 2, 29), 2),  # 2000 is a leap year
        ("110105", date(1900, 1, 1), 999),  # the earliest birth date allowed
        ("810000", date(1999, 12, 31), 0),  # Hong Kong residence permit
        ("910000", date(1988, 8, 8), 1),
    ],
)
def test_generated_id_numbers_are_accepted(area, birth, sequence):
    number = make_id_card_number(area, birth, sequence)
    assert validate_id_card_number(number, today=TODAY) == number
    assert birth_date_from_id_card(number, today=TODAY) == birth


def test_generator_reproduces_the_standard_example():
    assert make_id_card_number("110105", date(1949, 12, 31), 2) == "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("11010519491231002x", "11010519491231002X"),
        (" 110105 19491231 002x ", "11010519491231002X"),
        ("110105\u300019491231\t002X\n", "11010519491231002X"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),  # full-width input method
    ],
)
def test_id_number_typed_loosely_is_normalized(typed, normalized):
    """Lower-case x, spaces and full-width digits are how people type; they are accepted."""
    assert validate_id_card_number(typed, today=TODAY) == normalized


@pytest.mark.parametrize(
    "number",
    [
        "11010519491231002",  # 17 characters: the check digit forgotten
        "11010519491231002X1",
        "110105491231002",  # the pre-2013 15-digit format
        "",
    ],
)
def test_wrong_length_is_refused(number):
    assert id_card_error(number) == "id_card_length"


def test_length_message_says_how_many_characters_were_given():
    error = error_of(validate_id_card_number, "11010519491231002")
    assert error.messages == ["身份证号码应为18位，当前为17位。"]


@pytest.mark.parametrize(
    "number",
    [
        "1101051949123100XX",  # X anywhere but last
        "11010519491231O02X",  # letter O for zero
        "110105I9491231002X",  # letter I for one
        "11010519491231002Y",
        "11010519491231-02X",
    ],
)
def test_letters_inside_are_refused(number):
    assert id_card_error(number) == "id_card_characters"


@pytest.mark.parametrize(
    "province", ["00", "10", "16", "20", "38", "47", "55", "66", "72", "83", "99"]
)
def test_unknown_province_code_is_refused(province):
    number = with_check_digit(f"{province}010519800101001")
    assert id_card_error(number) == "id_card_area"


@pytest.mark.parametrize(
    "birth",
    [
        "20230230",  # February 30
        "20230229",  # 2023 is not a leap year
        "19000229",  # nor is 1900
        "19851301",  # month 13
        "19850100",  # day 0
        "00000101",  # year 0
    ],
)
def test_impossible_birth_date_is_refused(birth):
    number = with_check_digit(f"650102{birth}123")
    assert id_card_error(number) == "id_card_birth_date"


def test_birth_date_before_1900_is_refused():
    number = make_id_card_number("650102", date(1899, 12, 31), 123)
    assert id_card_error(number) == "id_card_birth_date_too_early"


def test_birth_date_after_today_is_refused():
    number = make_id_card_number("650102", TODAY + timedelta(days=1), 123)
    assert id_card_error(number, today=TODAY) == "id_card_birth_date_future"


def test_birth_date_of_today_is_accepted():
    number = make_id_card_number("650102", TODAY, 123)
    assert validate_id_card_number(number, today=TODAY) == number


def test_future_birth_date_is_refused_against_the_real_clock():
    number = make_id_card_number("650102", date.today() + timedelta(days=400), 123)
    assert error_of(validate_id_card_number, number).code == "id_card_birth_date_future"


@pytest.mark.parametrize("number", HAND_CHECKED_ID_NUMBERS)
def test_every_other_check_digit_is_refused(number):
    for wrong in "0123456789X":
        if wrong != number[-1]:
            assert id_card_error(number[:-1] + wrong) == "id_card_check_digit"


def test_a_single_mistyped_digit_is_caught_by_the_check_digit():
    assert id_card_error("650102198506151332") == "id_card_check_digit"


def test_birth_date_of_an_invalid_number_is_not_guessed():
    with pytest.raises(ValidationError):
        birth_date_from_id_card("11010519491231002Y")


@pytest.mark.parametrize(
    ("area", "sequence"), [("65010", 1), ("65010A", 1), ("650102", -1), ("650102", 1000)]
)
def test_id_number_generator_refuses_malformed_arguments(area, sequence):
    with pytest.raises(ValueError):
        make_id_card_number(area, date(1990, 1, 1), sequence)


# --- Unified social credit codes --------------------------------------------------------------

# The widely cited example, verified by hand.
# Organization code M000100Y + check: values M=22, Y=34; weights 3 7 9 10 5 8 4 2:
#   66+0+0+0+5+0+0+68 = 139; 139 % 11 = 7; 11 - 7 = 4 → "4".
# Final check: alphabet indices M=21, Y=30; weights 3**i mod 31 = 1 3 9 27 19 26 16 17 20 29
# 25 13 8 24 10 30 28:
#   9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 % 31 = 28; 31 - 28 = 3 → "3".
# (With the weights 1 3 9 27 19 26 16 17 20 29 28 25 15 14 12 23 4, sometimes quoted, this
# same code would need "P": those weights are not the standard's.)
CITED_CREDIT_CODE = "91350100M000100Y43"

# Real-world codes in wide public circulation (business licences of large enterprises); each
# passes both checks, which a wrong algorithm would do by chance once in 341 tries.
PUBLIC_CREDIT_CODES = [
    "91330100799655058B",
    "91440300708461136T",
    "914403001922038216",
    "91110108551385082Q",
    "91110000710925462X",  # final check X
    "9135021359498494XQ",  # organization code check X
    "91110000802100433B",
    "91350200776049653A",
]


@pytest.mark.parametrize("code", [CITED_CREDIT_CODE, *PUBLIC_CREDIT_CODES])
def test_known_credit_codes_are_accepted(code):
    assert validate_credit_code(code) == code


@pytest.mark.parametrize(
    ("authority", "category"),
    [
        (authority, category)
        for authority, cats in CREDIT_CODE_CATEGORIES.items()
        for category in sorted(cats)
    ],
)
def test_every_authority_and_category_in_the_table_is_accepted(authority, category):
    code = make_credit_code(authority, category)
    assert validate_credit_code(code) == code


@pytest.mark.parametrize(
    "org_code_base", ["MA78K3QB", "00000000", "12345678", "MA775UXB", "YYYYYYYY", "X1234567"]
)
def test_generated_credit_codes_are_accepted(org_code_base):
    code = make_credit_code("9", "1", "650100", org_code_base)
    assert validate_credit_code(code) == code


def test_generator_reproduces_the_cited_example():
    assert make_credit_code("9", "1", "350100", "M000100Y") == CITED_CREDIT_CODE


def test_org_code_check_characters_x_and_zero():
    """11 - (sum mod 11) is written X for 10 and 0 for 11."""
    assert org_code_check_character("59498494") == "X"  # from 9135021359498494XQ
    assert org_code_check_character("00000000") == "0"  # sum 0: 11 - 0 = 11 → 0


def test_final_check_character_zero_when_sum_divides_by_31():
    assert credit_code_check_character("00000000000000000") == "0"


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("91350100m000100y43", CITED_CREDIT_CODE),
        (" 9135 0100 M000 100Y 43 ", CITED_CREDIT_CODE),
        ("９１３５０１００Ｍ０００１００Ｙ４３", CITED_CREDIT_CODE),
    ],
)
def test_credit_code_typed_loosely_is_normalized(typed, normalized):
    assert validate_credit_code(typed) == normalized


@pytest.mark.parametrize("code", ["91350100M000100Y4", "91350100M000100Y433", "9135010"])
def test_credit_code_of_wrong_length_is_refused(code):
    assert error_of(validate_credit_code, code).code == "credit_code_length"


@pytest.mark.parametrize("letter", ["I", "O", "Z", "S", "V"])
def test_unused_letters_are_refused_by_name(letter):
    code = CITED_CREDIT_CODE[:9] + letter + CITED_CREDIT_CODE[10:]
    error = error_of(validate_credit_code, code)
    assert error.code == "credit_code_forbidden_letter"
    assert f"“{letter}”" in error.messages[0]


@pytest.mark.parametrize(("authority", "category"), [("3", "1"), ("N", "2"), ("8", "1")])
def test_law_firms_village_collectives_and_trade_unions_register(authority, category):
    code = make_credit_code(authority, category)
    assert validate_credit_code(code) == code


def test_punctuation_is_refused():
    assert error_of(validate_credit_code, "91350100M000100Y4-").code == "credit_code_characters"


@pytest.mark.parametrize("authority", ["0", "B", "C", "X"])
def test_authority_outside_the_table_is_refused(authority):
    code = make_credit_code(authority, "1")
    assert error_of(validate_credit_code, code).code == "credit_code_authority"


@pytest.mark.parametrize(
    ("authority", "category"),
    [("9", "9"), ("9", "4"), ("1", "4"), ("5", "4"), ("Y", "2"), ("9", "A"), ("3", "8")],
)
def test_category_not_assigned_by_that_authority_is_refused(authority, category):
    """Law firms (31), rural collectives (N2) and the like register; made-up pairs do not."""
    code = make_credit_code(authority, category)
    assert error_of(validate_credit_code, code).code == "credit_code_category"


def test_letters_in_the_area_code_are_refused():
    code = make_credit_code(area="65010A")
    assert error_of(validate_credit_code, code).code == "credit_code_area"


def test_wrong_organization_code_check_is_refused_even_with_a_matching_final_check():
    """Position 17 is checked on its own, not only through the final check character."""
    good = make_credit_code()
    wrong_17 = next(c for c in "0123456789X" if c != good[16])
    body = good[:16] + wrong_17
    code = body + credit_code_check_character(body)
    assert error_of(validate_credit_code, code).code == "credit_code_org_code_check"


def test_every_other_final_check_character_is_refused():
    for wrong in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        if wrong != CITED_CREDIT_CODE[-1]:
            code = CITED_CREDIT_CODE[:-1] + wrong
            assert error_of(validate_credit_code, code).code == "credit_code_check"


def test_a_code_that_does_not_add_up_is_refused():
    """911100001000003000 looks plausible but neither check character is right."""
    assert error_of(validate_credit_code, "911100001000003000").code == "credit_code_org_code_check"


@pytest.mark.parametrize(
    "arguments",
    [
        {"authority": "91"},
        {"area": "65010"},
        {"org_code_base": "MA78K3Q"},
        {"org_code_base": "MA78K3QI"},  # I is outside the alphabet
        {"category": "s"},
    ],
)
def test_credit_code_generator_refuses_malformed_arguments(arguments):
    with pytest.raises(ValueError):
        make_credit_code(**arguments)


# --- Mobile numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "8613812345678",
        "008613812345678",
        "0086 138 1234 5678",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_with_prefix_and_separators_is_accepted(typed):
    assert validate_mobile(typed) == "13812345678"


@pytest.mark.parametrize("number", ["13012345678", "15912345678", "16612345678", "19912345678"])
def test_mobile_second_digit_three_to_nine_is_accepted(number):
    assert validate_mobile(number) == number


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("12345678901", "mobile_prefix"),
        ("11012345678", "mobile_prefix"),
        ("23812345678", "mobile_prefix"),
        ("86138123456", "mobile_prefix"),  # 11 digits: the 86 is not taken as a country code
        ("1381234567", "mobile_length"),
        ("138123456789", "mobile_length"),
        ("+86 138 1234 567", "mobile_length"),
        ("", "mobile_length"),
        ("138-1234-567a", "mobile_characters"),
        ("+1 415 555 0100", "mobile_characters"),
        ("(138)12345678", "mobile_characters"),
    ],
)
def test_invalid_mobile_is_refused(number, code):
    assert error_of(validate_mobile, number).code == code


# --- Unit names -------------------------------------------------------------------------------

NAME = "新疆金泰华瑞建筑工程有限公司"
BRANCH = "新疆金泰华瑞建筑工程有限公司（乌鲁木齐）"


@pytest.mark.parametrize(
    "variant",
    [
        "新疆 金泰华瑞建筑工程有限公司",
        "新疆\u3000金泰华瑞建筑工程有限公司",  # ideographic space
        " 新疆金泰华瑞 建筑工程 有限公司\n",
        "新疆金泰\u200b华瑞建筑工程有限公司",  # zero-width space from copy-and-paste
    ],
)
def test_spacing_does_not_make_a_new_name(variant):
    assert normalize_org_name(variant) == normalize_org_name(NAME)


@pytest.mark.parametrize(
    "variant",
    [
        "新疆金泰华瑞建筑工程有限公司(乌鲁木齐)",
        "新疆金泰华瑞建筑工程有限公司 (乌鲁木齐)",
        "新疆金泰华瑞建筑工程有限公司\u3000（乌鲁木齐）",
        "新疆金泰华瑞建筑工程有限公司（ 乌鲁木齐 ）",
    ],
)
def test_full_width_brackets_match_half_width(variant):
    assert normalize_org_name(variant) == normalize_org_name(BRANCH)


def test_normalized_name_is_half_width_without_spaces():
    assert normalize_org_name(" 新疆金泰华瑞建筑工程有限公司 （乌鲁木齐） ") == (
        "新疆金泰华瑞建筑工程有限公司(乌鲁木齐)"
    )


def test_latin_letters_compare_without_case_or_width():
    assert normalize_org_name("ＡＢＣ科技有限公司") == normalize_org_name("abc 科技有限公司")


@pytest.mark.parametrize(
    "other",
    [
        BRANCH,  # a branch is a different unit from its parent
        "新疆金泰华瑞建设工程有限公司",  # 建设, not 建筑
        "新疆金泰华瑞建筑工程股份有限公司",
        "金泰华瑞",  # a short name is compared against short names, not full names
    ],
)
def test_different_names_stay_different(other):
    assert normalize_org_name(other) != normalize_org_name(NAME)
