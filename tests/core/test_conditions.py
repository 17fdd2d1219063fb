"""The conditions advice: which rules of a qualification's 任职资格条件 an applicant's sections
meet. Advice only: missing or odd data gives "unknown", never an error."""

from datetime import date

import pytest

from core.catalog.conditions import (
    MET,
    UNKNOWN,
    UNMET,
    conditions_evaluate,
    conditions_for,
    conditions_summary,
    rules_validate,
)
from core.catalog.data import load_conditions
from core.catalog.forms import form_current
from core.catalog.sync import catalog_sync
from core.models import ConditionSet, Qualification

# The day the school year starts, five whole years after the story's 2019 appointment.
SEPTEMBER_2024 = date(2024, 9, 1)


@pytest.fixture
def catalog(db):
    catalog_sync()


def qualification(code):
    return Qualification.objects.select_related("specialty__series").get(code=code)


def teacher(
    *,
    education="大学本科",
    graduated="2015-07-01",
    level="助理级",
    obtained="2019-08-01",
    hours=400,
    rural_years=0,
):
    """A 语文 teacher's sections, just what the rules read."""
    return {
        "basic": {"education": education},
        "education": {
            "graduation_date": graduated,
            "records": [{"education": education, "graduation_date": graduated}],
        },
        "professional_titles": {"current_level": level, "obtained_date": obtained},
        "continuing_education": {"total_hours": hours},
        "teacher_profile": {"rural_years": rural_years},
    }


def evaluate(code, sections, today=SEPTEMBER_2024):
    found = qualification(code)
    condition_set = conditions_for(found)
    form = form_current(found.specialty.series.form_key)
    return conditions_evaluate(condition_set, form, sections, today=today)


# --- finding the conditions ------------------------------------------------------------------


def test_each_qualification_finds_its_condition_set(catalog):
    assistant = conditions_for(qualification("school-teacher-chinese-assistant"))
    assert (assistant.series.code, assistant.level, assistant.grade) == (
        "school-teacher",
        "junior",
        "assistant",
    )
    assert conditions_for(qualification("school-teacher-chinese-clerk")).grade == "clerk"
    doctor = conditions_for(qualification("health-clinical-deputy-senior"))
    nurse = conditions_for(qualification("health-nursing-deputy-senior"))
    assert (doctor.specialty_groups, nurse.specialty_groups) == (
        ["medical"],
        ["nursing", "pharmacy", "technology"],
    )
    assert conditions_for(qualification("economics-finance-junior")).level == "junior"


def test_every_qualification_of_the_catalog_has_exactly_its_conditions(catalog):
    missing = [
        q.code
        for q in Qualification.objects.select_related("specialty__series")
        if conditions_for(q) is None
    ]
    assert missing == []


def test_no_condition_set_gives_none(catalog):
    found = qualification("accounting-general-senior")
    ConditionSet.objects.filter(series__code="accounting", level="senior").delete()
    assert conditions_for(found) is None


# --- the story -------------------------------------------------------------------------------


def test_a_bachelor_who_is_a_second_grade_teacher_since_2019_may_apply_for_first_grade(catalog):
    results = evaluate("school-teacher-chinese-intermediate", teacher())

    assert [r.status for r in results] == [MET, MET]
    any_of, hours = results
    assert any_of.text.startswith("满足下列条件之一：学历不低于博士研究生；或")
    assert "学历不低于大学本科，取得助理级资格满4年" in any_of.text
    assert any_of.detail == "符合：学历不低于大学本科，取得助理级资格满4年"
    assert [[r.status for r in option] for option in any_of.options] == [
        [UNMET],
        [UNMET, MET],
        [MET, MET],
        [MET, MET],
    ]
    assert any_of.options[2][1].detail == "现资格为助理级，2019-08-01取得，已满5年"
    assert hours.text == "继续教育不少于360学时"
    assert hours.detail == "累计400学时；任现职5年，每年不少于72学时"
    assert conditions_summary(results) == MET


def test_the_hours_needed_grow_with_every_year_in_the_title_up_to_one_five_year_cycle(catalog):
    # 每五年一周期参加继续教育不少于360学时（平均每年不少于72学时）: 72 a year, 360 at most
    three_years = evaluate(
        "school-teacher-chinese-intermediate", teacher(hours=200), today=date(2022, 9, 1)
    )
    assert (three_years[1].status, three_years[1].text) == (UNMET, "继续教育不少于216学时")

    seven_years = evaluate("school-teacher-chinese-intermediate", teacher(), date(2026, 11, 27))
    assert (seven_years[1].status, seven_years[1].text) == (MET, "继续教育不少于360学时")
    assert seven_years[1].detail == "累计400学时；任现职7年，按5年一周期计，每年不少于72学时"

    general = evaluate("engineering-construction-intermediate", {}, date(2026, 11, 27))
    assert "90" in general[-1].text  # 任现职以来每年不少于90学时: no cycle in that text


def test_a_teacher_who_is_not_yet_four_years_in_the_title_does_not_meet_it(catalog):
    results = evaluate("school-teacher-chinese-intermediate", teacher(obtained="2021-09-01"))
    assert results[0].status == UNMET
    assert results[0].detail == "各项均不符合"
    assert results[0].options[2][1].detail == "现资格为助理级，2021-09-01取得，已满3年"


def test_a_higher_education_or_title_counts_as_the_lower(catalog):
    doctor = evaluate("school-teacher-chinese-intermediate", teacher(education="博士研究生"))
    assert doctor[0].status == MET
    assert doctor[0].detail == "符合：学历不低于博士研究生"
    # an 中级 holder passes a rule that asks for 助理级 or higher
    holder = evaluate("school-teacher-chinese-intermediate", teacher(level="中级"))
    assert holder[0].options[2][1].status == MET
    # a 员级 holder does not
    clerk = evaluate("school-teacher-chinese-intermediate", teacher(level="员级"))
    assert clerk[0].options[2][1].status == UNMET
    assert clerk[0].options[2][1].detail == "现资格为员级，低于要求"


def test_years_since_graduation(catalog):
    fresh = evaluate(
        "school-teacher-chinese-clerk", teacher(education="中专", graduated="2024-07-01")
    )
    assert [r.text for r in fresh] == ["学历不低于中专", "取得中专及以上学历后满1年"]
    assert [r.status for r in fresh] == [MET, UNMET]
    assert fresh[1].detail == "中专于2024-07-01毕业，已满0年"
    sections = teacher(education="大学本科", graduated="2015-07-01")
    sections["education"]["records"].append({"education": "中专", "graduation_date": "2010-07-01"})
    later = evaluate("school-teacher-chinese-clerk", sections)
    assert later[1].status == MET
    assert later[1].detail == "中专于2010-07-01毕业，已满14年"


def test_rural_service_reads_the_form_s_own_field(catalog):
    senior = evaluate("school-teacher-chinese-deputy-senior", teacher(level="中级", rural_years=2))
    assert senior[2].text == "农村任教经历不少于1年"
    assert (senior[2].status, senior[2].detail) == (MET, "农村任教经历：2年")
    none = evaluate("school-teacher-chinese-deputy-senior", teacher(level="中级", rural_years=0))
    assert none[2].status == UNMET

    medical = evaluate(
        "health-clinical-deputy-senior",
        {"basic": {"education": "大学本科", "grassroots_years": 1.5}},
    )
    assert medical[2].text == "县级及以下基层服务年限不少于1年"
    assert medical[2].status == MET


def test_no_current_title_fails_the_title_rule_and_counts_one_year_of_hours(catalog):
    results = evaluate(
        "school-teacher-chinese-assistant",
        teacher(level="无", obtained=None, hours=80, education="大学专科"),
    )
    any_of, hours = results
    assert any_of.options[2][1].status == UNMET
    assert any_of.options[2][1].detail == "现专业技术资格：无"
    assert (hours.text, hours.status) == ("继续教育不少于72学时", MET)


# --- missing and odd data --------------------------------------------------------------------


def test_nothing_filled_in_is_unknown_not_unmet(catalog):
    results = evaluate("school-teacher-chinese-deputy-senior", {})
    assert [r.status for r in results] == [UNKNOWN, UNKNOWN, UNKNOWN]
    assert [r.detail for r in results] == [
        "资料不全，无法判断",
        "未填写继续教育学时",
        "未填写服务年限",
    ]
    assert results[1].text == "每5年一周期，继续教育每年不少于72学时"
    assert conditions_summary(results) == UNKNOWN


def test_odd_values_are_unknown_and_never_raise(catalog):
    odd = {
        "basic": {"education": 123},
        "education": {"graduation_date": "someday", "records": "many"},
        "professional_titles": {"current_level": ["中级"], "obtained_date": 20190801},
        "continuing_education": {"total_hours": "400"},
        "teacher_profile": None,
    }
    results = evaluate("school-teacher-chinese-senior", odd)
    assert [r.status for r in results] == [UNKNOWN] * 4
    assert results[0].detail == "无法识别的学历：123"
    assert results[1].detail == "无法识别的资格级别：['中级']"
    for sections in (None, [], {"basic": "x"}, {"professional_titles": {"current_level": "中级"}}):
        evaluate("school-teacher-chinese-senior", sections)


def test_a_title_without_its_date_is_unknown(catalog):
    results = evaluate("school-teacher-chinese-intermediate", teacher(obtained=None))
    assert results[0].options[2][1].detail == "未填写取得现资格时间"
    assert results[0].status == UNKNOWN
    assert results[1].status == UNKNOWN


def test_broken_rules_are_unknown(catalog):
    condition_set = ConditionSet(
        rules=[
            {"kind": "age_below", "value": 40},
            {"kind": "min_education"},
            "not a rule",
            {"kind": "any_of", "options": "x"},
        ]
    )
    results = conditions_evaluate(condition_set, form_current("teacher"), teacher())
    assert [r.status for r in results] == [UNKNOWN] * 4
    assert results[0].text == "无法识别的规则：age_below"
    assert conditions_evaluate(None, None, None) == []
    [alone] = conditions_evaluate(
        ConditionSet(rules=[{"kind": "rural_service_years", "value": 1}]), None, {}
    )
    assert (alone.text, alone.status) == ("农村或基层服务不少于1年", UNKNOWN)


# --- any_of ----------------------------------------------------------------------------------

ANY_OF = ConditionSet(
    rules=[
        {
            "kind": "any_of",
            "options": [
                [{"kind": "min_education", "value": "博士研究生"}],
                [
                    {"kind": "min_education", "value": "大学本科"},
                    {"kind": "rural_service_years", "value": 3},
                ],
            ],
        }
    ]
)


@pytest.mark.parametrize(
    ("education", "rural_years", "status"),
    [
        ("博士研究生", None, MET),  # one option fully met is enough
        ("大学本科", 3, MET),
        ("大学本科", 1, UNMET),  # every option has an unmet rule
        ("大学专科", None, UNMET),
        ("大学本科", None, UNKNOWN),  # no option met, one still open
        (None, None, UNKNOWN),
    ],
)
def test_any_of_is_met_by_one_option_unmet_when_all_fail_else_unknown(
    catalog, education, rural_years, status
):
    sections = {"basic": {"education": education}, "teacher_profile": {"rural_years": rural_years}}
    [result] = conditions_evaluate(ANY_OF, form_current("teacher"), sections, today=SEPTEMBER_2024)
    assert result.status == status
    assert result.text == (
        "满足下列条件之一：学历不低于博士研究生；或学历不低于大学本科，农村任教经历不少于3年"
    )


# --- the rules as data -----------------------------------------------------------------------


def test_every_rule_of_the_data_file_is_well_formed():
    for condition in load_conditions()["conditions"]:
        assert rules_validate(condition["rules"]) == [], condition["series"]


def test_malformed_rules_are_described_in_chinese():
    assert rules_validate({"kind": "min_education"}) == ["规则应为列表。"]
    assert rules_validate([{"kind": "min_education", "value": "大学本科", "extra": 1}]) == [
        "第1条规则有多余的参数 extra。"
    ]
    assert rules_validate(
        [{"kind": "years_since_title", "value": 2, "title_level": "senior", "grade": "clerk"}]
    ) == ["第1条规则的 grade 只能用于初级，且应为 clerk 或 assistant。"]
    capped = {"kind": "continuing_education_hours", "value": 72}
    assert rules_validate(
        [{**capped, "max_years": 0, "per_year": True}, {**capped, "max_years": 5}]
    ) == [
        "第1条规则的 max_years 应为不小于 1 的整数，且只能与 per_year 一起使用。",
        "第2条规则的 max_years 应为不小于 1 的整数，且只能与 per_year 一起使用。",
    ]
    assert rules_validate([{"kind": "any_of", "options": [[]]}]) == [
        "第1条规则的第1组应为非空的规则列表。"
    ]
