"""The title catalog, section forms and qualification conditions are sound data (no database)."""

import re
from collections import Counter
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from core.catalog.data import (
    LEVELS,
    conditions_for,
    find_qualification,
    form_sections,
    iter_qualifications,
    load_catalog,
    load_conditions,
    load_form,
)

FORM_KEYS = ["teacher", "general"]
CJK = re.compile(r"[\u4e00-\u9fff]")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SECTION_KEY = re.compile(r"[a-z][a-z_]*")
DRAFT = "https://json-schema.org/draft/2020-12/schema"

# Known-good values for every `pattern` the forms use; a new pattern needs a sample here.
MOBILE = r"^1[3-9]\d{9}$"
ID_CARD = (
    r"^[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"
)
PATTERN_SAMPLES = {MOBILE: "13912345678", ID_CARD: "11010519491231002X"}
FORMAT_SAMPLES = {"date": "2020-09-01", "email": "applicant@example.com"}

TEACHER_SECTIONS = [
    "基本信息",
    "教师情况",
    "学历学位情况",
    "专业技术资格",
    "(聘)任现职期间考核",
    "继续教育",
    "教育教学能力",
    "获得的知识产权",
    "支教交流经历",
    "担任学术团体职务",
    "其他附件或证明材料",
    "单位推荐意见",
]
GENERAL_SECTIONS = [
    "基本信息",
    "学历学位",
    "现专业技术资格",
    "工作经历",
    "年度考核",
    "继续教育",
    "业绩成果",
    "论文著作",
    "获奖",
    "知识产权",
    "其他附件",
    "单位推荐意见",
]
RULE_KINDS = {
    "min_education",
    "years_since_title",
    "years_since_graduation",
    "continuing_education_hours",
    "rural_service_years",
    "any_of",
}


def sample(schema: dict[str, Any], *, full: bool = False) -> Any:
    """A value valid under ``schema``: every required property (or every property if ``full``)."""
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema["type"]
    if kind == "object":
        names = schema["properties"] if full else schema.get("required", [])
        return {name: sample(schema["properties"][name], full=full) for name in names}
    if kind == "array":
        return [sample(schema["items"], full=full) for _ in range(schema.get("minItems", 0))]
    if kind == "string":
        if "pattern" in schema:
            return PATTERN_SAMPLES[schema["pattern"]]
        if "format" in schema:
            return FORMAT_SAMPLES[schema["format"]]
        return "测" * max(schema.get("minLength", 0), 1)
    if kind in {"integer", "number"}:
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    raise AssertionError(f"no sample for {schema}")


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def iter_properties(schema: dict[str, Any], path: str = ""):
    """Every declared property, nested ones included (not the partial ones inside if/then)."""
    for name, prop in schema.get("properties", {}).items():
        yield f"{path}{name}", prop
        if prop.get("type") == "array":
            yield from iter_properties(prop["items"], f"{path}{name}[].")
        elif prop.get("type") == "object":
            yield from iter_properties(prop, f"{path}{name}.")


def iter_objects(schema: dict[str, Any]):
    yield schema
    for _, prop in iter_properties(schema):
        if prop.get("type") == "object":
            yield prop
        elif prop.get("type") == "array" and prop["items"].get("type") == "object":
            yield prop["items"]


def all_sections():
    return [
        pytest.param(section, id=f"{key}.{section['key']}")
        for key in FORM_KEYS
        for section in form_sections(key)
    ]


def iter_rules(rules: list[dict[str, Any]]):
    for rule in rules:
        yield rule
        if rule["kind"] == "any_of":
            for option in rule["options"]:
                yield from iter_rules(option)


# --- catalog ---------------------------------------------------------------------------------


def test_catalog_levels_are_the_four_keys():
    catalog = load_catalog()
    assert tuple(level["key"] for level in catalog["levels"]) == LEVELS
    assert [level["name"] for level in catalog["levels"]] == ["初级", "中级", "副高级", "正高级"]


def test_every_code_is_a_unique_ascii_slug():
    catalog = load_catalog()
    codes = [series["code"] for series in catalog["series"]]
    codes += [spec["code"] for series in catalog["series"] for spec in series["specialties"]]
    qualification_codes = [entry.qualification["code"] for entry in iter_qualifications()]
    codes += qualification_codes
    duplicates = [code for code, count in Counter(codes).items() if count > 1]
    assert duplicates == []
    assert all(SLUG.fullmatch(code) for code in codes)
    assert len(set(qualification_codes)) == len(qualification_codes) > 300


def test_every_name_is_chinese():
    for series, specialty, qualification in iter_qualifications():
        for item in (series, specialty, qualification):
            assert CJK.search(item["name"]), item


def test_every_series_covers_its_levels_and_names_an_existing_form():
    junior_grades = {grade["key"] for grade in load_catalog()["levels"][0]["grades"]}
    for series in load_catalog()["series"]:
        load_form(series["form"])
        expected = series.get("levels", list(LEVELS))
        if "levels" in series:  # a series without some level says why
            assert series.get("levels_note"), series["code"]
        covered = set()
        for specialty in series["specialties"]:
            quals = specialty["qualifications"]
            assert quals, specialty["code"]
            slots = [(q["level"], q.get("grade")) for q in quals]
            assert len(set(slots)) == len(slots), specialty["code"]
            juniors = [q for q in quals if q["level"] == "junior"]
            if len(juniors) > 1:  # 员级 and 助理级: both junior, told apart by grade
                assert {q.get("grade") for q in juniors} == junior_grades, specialty["code"]
            for q in quals:
                assert q["level"] in LEVELS
                assert q.get("grade") is None or (
                    q["level"] == "junior" and q["grade"] in junior_grades
                )
            covered |= {q["level"] for q in quals}
            if "group" in specialty:
                assert specialty["group"] in {g["code"] for g in series["groups"]}
        assert covered == set(expected), series["code"]


@pytest.mark.parametrize(
    ("series", "specialty", "names"),
    [
        (
            "中小学教师",
            "数学",
            {
                "三级教师": ("junior", "clerk"),
                "二级教师": ("junior", "assistant"),
                "一级教师": ("intermediate", None),
                "高级教师": ("deputy_senior", None),
                "正高级教师": ("senior", None),
            },
        ),
        (
            "幼儿园教师",
            "幼儿教育",
            {"三级教师": ("junior", "clerk"), "正高级教师": ("senior", None)},
        ),
        (
            "高校教师",
            "工学",
            {
                "助教": ("junior", None),
                "讲师": ("intermediate", None),
                "副教授": ("deputy_senior", None),
                "教授": ("senior", None),
            },
        ),
        (
            "卫生",
            "临床医学",
            {
                "医士": ("junior", "clerk"),
                "医师": ("junior", "assistant"),
                "主治医师": ("intermediate", None),
                "主任医师": ("senior", None),
            },
        ),
        ("卫生", "护理", {"护师": ("junior", "assistant"), "副主任护师": ("deputy_senior", None)}),
        ("卫生", "医学检验技术", {"技士": ("junior", "clerk"), "主管技师": ("intermediate", None)}),
        (
            "工程",
            "建筑工程",
            {
                "技术员": ("junior", "clerk"),
                "助理工程师": ("junior", "assistant"),
                "正高级工程师": ("senior", None),
            },
        ),
        (
            "农业",
            "畜牧",
            {"助理畜牧师": ("junior", "assistant"), "高级畜牧师": ("deputy_senior", None)},
        ),
        ("会计", "会计", {"助理会计师": ("junior", None), "高级会计师": ("deputy_senior", None)}),
        ("经济", "金融", {"经济师": ("intermediate", None), "正高级经济师": ("senior", None)}),
        (
            "社会科学研究",
            "法学",
            {
                "研究实习员": ("junior", None),
                "助理研究员": ("intermediate", None),
                "副研究员": ("deputy_senior", None),
                "研究员": ("senior", None),
            },
        ),
    ],
)
def test_seeded_names_sit_at_the_national_levels(series, specialty, names):
    found = {
        q["name"]: (q["level"], q.get("grade"))
        for s, spec, q in iter_qualifications()
        if (s["name"], spec["name"]) == (series, specialty)
    }
    assert {name: found.get(name) for name in names} == names


def test_the_manual_s_school_specialties_are_seeded():
    school = next(s for s in load_catalog()["series"] if s["name"] == "中小学教师")
    names = {spec["name"] for spec in school["specialties"]}
    assert {
        "语文",
        "数学",
        "英语",
        "物理",
        "化学",
        "生物",
        "政治",
        "历史",
        "地理",
        "音乐",
        "体育",
        "美术",
        "信息技术",
        "心理健康",
    } <= names
    assert school["form"] == "teacher"


def test_find_qualification():
    entry = find_qualification("social-science-research-law-intermediate")
    assert (entry.series["name"], entry.qualification["name"]) == ("社会科学研究", "助理研究员")
    with pytest.raises(KeyError):
        find_qualification("no-such-qualification")


# --- section forms ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", FORM_KEYS)
def test_form_header(key):
    form = load_form(key)
    assert form["key"] == key
    assert isinstance(form["version"], int) and form["version"] >= 1
    assert CJK.search(form["title"])
    assert form_sections(key) is form["sections"]
    keys = [section["key"] for section in form["sections"]]
    assert len(set(keys)) == len(keys) == 12
    assert all(SECTION_KEY.fullmatch(k) for k in keys)
    assert [s["filled_by"] for s in form["sections"]] == ["applicant"] * 11 + ["unit"]


def test_teacher_form_has_the_manual_s_twelve_sections_in_order():
    sections = form_sections("teacher")
    assert [section["title"] for section in sections] == TEACHER_SECTIONS
    assert sections[-1]["filled_by"] == "unit"


def test_general_form_sections():
    assert [section["title"] for section in form_sections("general")] == GENERAL_SECTIONS


def test_unknown_or_unsafe_form_key():
    for key in ["nope", "../catalog/catalog", "Teacher", ""]:
        with pytest.raises(KeyError):
            load_form(key)


@pytest.mark.parametrize("section", all_sections())
def test_section_schema_is_valid_draft_2020_12(section):
    schema = section["schema"]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT
    assert schema["type"] == "object"
    assert schema["title"] == section["title"]
    attachments = schema["x-min-attachments"]
    assert isinstance(attachments, int) and not isinstance(attachments, bool) and attachments >= 0
    assert schema["required"], "every section needs an explicit answer to be complete"
    for obj in iter_objects(schema):
        assert obj["additionalProperties"] is False
        assert set(obj.get("required", [])) <= set(obj["properties"])
    for path, prop in iter_properties(schema):
        assert CJK.search(prop.get("title", "")), path
        assert prop["type"] in {"string", "integer", "number", "boolean", "array", "object"}, path
        if prop["type"] == "string" and "pattern" in prop:
            assert re.search(prop["pattern"], PATTERN_SAMPLES[prop["pattern"]]), path


@pytest.mark.parametrize("full", [False, True], ids=["required", "every-property"])
@pytest.mark.parametrize("section", all_sections())
def test_a_generated_value_validates_with_formats(section, full):
    schema = section["schema"]
    value = sample(schema, full=full)
    errors = [error.message for error in validator(schema).iter_errors(value)]
    assert errors == []


@pytest.mark.parametrize("section", all_sections())
def test_an_empty_object_misses_each_required_field_by_its_chinese_title(section):
    schema = section["schema"]
    errors = list(validator(schema).iter_errors({}))
    assert {error.validator for error in errors} == {"required"}
    missing = {
        name for error in errors for name in error.validator_value if name not in error.instance
    }
    assert missing == set(schema["required"])
    for name in missing:
        assert CJK.search(schema["properties"][name]["title"])


def test_formats_are_checked():
    section = form_sections("teacher")[0]
    value = sample(section["schema"])
    check = validator(section["schema"])
    assert check.is_valid(value)
    assert not check.is_valid({**value, "birth_date": "2020-02-30"})
    assert not check.is_valid({**value, "phone": "12345678901"})
    assert not check.is_valid({**value, "id_card_number": "110105194912310021X"})
    assert not check.is_valid({**value, "gender": "未知"})
    assert not check.is_valid({**value, "surplus": 1})


@pytest.mark.parametrize(
    "section",
    [p for p in all_sections() if "has_records" in p.values[0]["schema"]["properties"]],
)
def test_optional_sections_take_an_explicit_none(section):
    schema = section["schema"]
    check = validator(schema)
    row = sample(schema["properties"]["records"]["items"])
    assert check.is_valid({"has_records": False})
    assert check.is_valid({"has_records": False, "records": []})
    assert check.is_valid({"has_records": True, "records": [row]})
    assert not check.is_valid({"has_records": True})
    assert not check.is_valid({"has_records": True, "records": []})
    assert not check.is_valid({"has_records": False, "records": [row]})


@pytest.mark.parametrize("key", FORM_KEYS)
def test_a_current_title_needs_its_name_and_date(key):
    section = next(s for s in form_sections(key) if s["key"] == "professional_titles")
    check = validator(section["schema"])
    assert check.is_valid({"current_level": "无"})
    assert not check.is_valid({"current_level": "中级"})
    assert check.is_valid(
        {
            "current_level": "中级",
            "title_name": "一级教师",
            "obtained_date": "2018-12-01",
            "approval_authority": "喀什地区人社局",
        }
    )


@pytest.mark.parametrize("key", FORM_KEYS)
def test_the_unit_recommendation_follows_the_manual(key):
    schema = form_sections(key)[-1]["schema"]
    props = schema["properties"]
    assert (props["opinion"]["minLength"], props["opinion"]["maxLength"]) == (10, 1000)
    assert props["responsible_phone"]["pattern"] == MOBILE
    check = validator(schema)
    good = {
        "responsible_person": "如则麦",
        "responsible_phone": "15999370000",
        "opinion": "该同志师德高尚，业绩突出，同意推荐。",
    }
    assert check.is_valid(good)
    assert not check.is_valid({**good, "opinion": "同意推荐"})
    assert not check.is_valid({**good, "opinion": "同" * 1001})


@pytest.mark.parametrize("key", FORM_KEYS)
def test_rule_fields_point_at_existing_properties(key):
    form = load_form(key)
    sections = {section["key"]: section["schema"] for section in form["sections"]}
    grades = {grade["key"] for grade in load_catalog()["levels"][0]["grades"]}
    for name, spec in form["rule_fields"].items():
        if name.startswith("$"):
            continue
        section_key, prop_name = spec["field"].split(".")
        prop = sections[section_key]["properties"][prop_name]
        if "map" in spec:
            assert set(spec["map"]) <= set(prop["enum"]), name
            assert set(spec["map"].values()) <= set(LEVELS) | grades, name
    education = sections["basic"]["properties"]["education"]["enum"]
    assert education == load_conditions()["education_order"]


# --- qualification conditions ----------------------------------------------------------------


def test_conditions_reference_existing_series_levels_grades_and_groups():
    series_by_code = {series["code"]: series for series in load_catalog()["series"]}
    for condition in load_conditions()["conditions"]:
        series = series_by_code[condition["series"]]
        assert condition["level"] in LEVELS
        quals = [
            q
            for spec in series["specialties"]
            for q in spec["qualifications"]
            if q["level"] == condition["level"]
        ]
        assert quals, condition
        if "grade" in condition:
            assert condition["grade"] in {q.get("grade") for q in quals}, condition
        if "specialty_groups" in condition:
            assert set(condition["specialty_groups"]) <= {g["code"] for g in series["groups"]}
        assert CJK.search(condition["text"]) and len(condition["text"]) >= 30
        assert condition["rules"], condition


def test_condition_rules_are_well_formed():
    conditions = load_conditions()
    order = conditions["education_order"]
    assert set(conditions["rule_kinds"]) == RULE_KINDS
    grades = {grade["key"] for grade in load_catalog()["levels"][0]["grades"]}
    for condition in conditions["conditions"]:
        for rule in iter_rules(condition["rules"]):
            kind = rule["kind"]
            assert kind in RULE_KINDS, rule
            if kind == "any_of":
                assert rule["options"] and all(rule["options"]), rule
                continue
            if kind == "min_education":
                assert rule["value"] in order
                continue
            assert isinstance(rule["value"], int) and not isinstance(rule["value"], bool), rule
            if kind == "years_since_title":
                assert rule["title_level"] in LEVELS and rule["value"] >= 1
                assert rule.get("grade") is None or (
                    rule["title_level"] == "junior" and rule["grade"] in grades
                )
            elif kind == "years_since_graduation":
                assert rule["education"] in order and rule["value"] >= 0
            else:
                assert rule["value"] >= 1, rule


def test_every_qualification_has_exactly_one_condition():
    for entry in iter_qualifications():
        condition = conditions_for(entry.qualification["code"])
        assert condition["series"] == entry.series["code"]


def test_rural_service_is_required_where_policy_says():
    def rural(code):
        return [
            r
            for r in iter_rules(conditions_for(code)["rules"])
            if r["kind"] == "rural_service_years"
        ]

    assert rural("school-teacher-math-deputy-senior")[0]["value"] == 1
    assert rural("school-teacher-math-senior")
    assert not rural("school-teacher-math-intermediate")
    assert rural("health-clinical-deputy-senior")
    assert not rural("health-nursing-deputy-senior")


def test_loaders_are_cached():
    assert load_catalog() is load_catalog()
    assert load_conditions() is load_conditions()
    assert load_form("teacher") is load_form("teacher")
