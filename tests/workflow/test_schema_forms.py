"""Section forms rendered from their JSON Schema and parsed back (no database).

The page is read the way a browser submits it: a small HTML parser collects the successful
controls (inputs, checked boxes, the selected option, textareas) into a QueryDict.
"""

from __future__ import annotations

import copy
from datetime import timedelta
from html.parser import HTMLParser
from types import SimpleNamespace
from typing import Any

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from core.catalog.data import form_sections
from core.catalog.forms import form_validate_section, section_validator
from tests.core.test_catalog_data import FORM_KEYS, sample
from workflow.schema_forms import parse_section, render_section

# --- a browser, as far as forms go ----------------------------------------------------------


class FormReader(HTMLParser):
    """The controls of a page and what submitting it would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs: list[tuple[str, str]] = []
        self.controls: list[dict[str, Any]] = []
        self._select: dict[str, Any] | None = None
        self._option: dict[str, Any] | None = None
        self._textarea: dict[str, Any] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input":
            self.controls.append({"tag": tag, **attrs})
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.pairs.append((attrs["name"], attrs.get("value", "on")))
            elif "name" in attrs:
                self.pairs.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "select":
            self._select = {"tag": tag, **attrs, "options": []}
            self.controls.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
            self._select["options"].append(self._option)
        elif tag == "textarea":
            self._textarea = {"tag": tag, **attrs, "text": ""}
            self.controls.append(self._textarea)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["text"] += data
        elif self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag):
        if tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [o for o in options if o["selected"]] or options[:1]
            for option in chosen:
                value = option["value"] if option["value"] is not None else option["text"]
                self.pairs.append((self._select["name"], value))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea["text"]
            text = text.removeprefix("\n")  # the HTML parser drops one leading newline
            self.pairs.append((self._textarea["name"], text.replace("\n", "\r\n")))
            self._textarea = None


def read(html: str) -> FormReader:
    reader = FormReader()
    reader.feed(str(html))
    reader.close()
    return reader


def submit(html: str, **changes: str | None) -> QueryDict:
    """What the browser posts, after typing `changes` (name=value; None unchecks/clears)."""
    changes = {name.replace("__", ".").replace("..", ".__"): v for name, v in changes.items()}
    return post_pairs(read(html).pairs, changes)


def post_pairs(pairs, changes: dict[str, str | None] | None = None) -> QueryDict:
    changes = dict(changes or {})
    query = QueryDict(mutable=True)
    for name, value in pairs:
        if name in changes:
            new = changes.pop(name)
            if new is not None:
                query.appendlist(name, new)
        else:
            query.appendlist(name, value)
    for name, value in changes.items():  # a box ticked, a field the page did not have
        if value is not None:
            query.appendlist(name, value)
    return query


class ErrorPlaces(HTMLParser):
    """For every `.field-error`, the `data-field` of the nearest element around it."""

    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.places: list[tuple[str, str | None, str]] = []
        self._error: list[Any] | None = None
        self.first_field_seen_at: int | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.VOID:
            return
        classes = (attrs.get("class") or "").split()
        if "field-error" in classes:
            around = next((f for f in reversed(self.stack) if f is not None), None)
            self._error = [attrs.get("data-field"), around, ""]
        if "sf-field" in classes and self.first_field_seen_at is None:
            self.first_field_seen_at = len(self.places)
        self.stack.append(attrs.get("data-field"))

    def handle_data(self, data):
        if self._error is not None:
            self._error[2] += data

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        self.stack.pop()
        if self._error is not None:
            self.places.append(tuple(self._error))
            self._error = None


def error_places(html: str) -> ErrorPlaces:
    parser = ErrorPlaces()
    parser.feed(str(html))
    parser.close()
    return parser


# --- data ------------------------------------------------------------------------------------


def all_sections():
    return [
        pytest.param(section, id=f"{key}.{section['key']}")
        for key in FORM_KEYS
        for section in form_sections(key)
    ]


def section(form_key: str, section_key: str) -> dict[str, Any]:
    return next(s for s in form_sections(form_key) if s["key"] == section_key)


def schema_of(form_key: str, section_key: str) -> dict[str, Any]:
    return copy.deepcopy(section(form_key, section_key)["schema"])


def validate(form_key: str, section_key: str, data: Any) -> dict[str, list[str]]:
    return form_validate_section(
        SimpleNamespace(sections=form_sections(form_key)), section_key, data
    )


def without_empty_lists(value: Any) -> Any:
    """What a form can say: an empty table is the same as one never filled."""
    if isinstance(value, dict):
        return {k: without_empty_lists(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [without_empty_lists(v) for v in value]
    return value


def without_read_only(schema: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """What a page posts back: the fields the server fills (`readOnly`) are shown, not sent."""
    props = schema["properties"]
    return {name: value for name, value in data.items() if not props[name].get("readOnly")}


TRICKY = "A&B <i>\"引号\"</i> 'x'"


def rich(schema: dict[str, Any], turn: int = 0) -> Any:
    """Every property filled with an unusual but representable value; arrays get two rows."""
    if "enum" in schema:
        return schema["enum"][(turn + 1) % len(schema["enum"])]
    kind = schema["type"]
    if kind == "object":
        return {name: rich(prop, turn) for name, prop in schema["properties"].items()}
    if kind == "array":
        return [rich(schema["items"], turn + i) for i in range(2)]
    if kind == "string":
        if schema.get("format") == "date":
            return f"202{turn % 10}-02-28"
        if schema.get("format") == "email":
            return f"user{turn}@example.com"
        if schema.get("maxLength", 0) > 200:
            return f"　　第一行 {TRICKY}\n第二行 {turn}"
        return f"{TRICKY}{turn}"
    if kind == "integer":
        return schema.get("maximum", 7) - turn
    if kind == "number":
        return schema.get("minimum", 0) + 0.25 + turn
    if kind == "boolean":
        return turn % 2 == 0
    raise AssertionError(schema)


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("sec", all_sections())
def test_a_valid_section_survives_render_and_submit(sec):
    schema = sec["schema"]
    data = without_empty_lists(sample(schema, full=True))
    assert not list(section_validator(schema).iter_errors(data))

    html = render_section(schema, data, {})

    assert parse_section(schema, submit(html)) == without_read_only(schema, data)


@pytest.mark.parametrize("sec", all_sections())
def test_every_kind_of_value_survives_render_and_submit(sec):
    schema = sec["schema"]
    data = rich(schema)

    html = render_section(schema, data, {})

    assert parse_section(schema, submit(html)) == without_read_only(schema, data)
    assert "<i>" not in str(html)


@pytest.mark.parametrize("sec", all_sections())
def test_a_blank_section_submits_as_nothing_and_every_required_field_is_reported(sec):
    schema = sec["schema"]

    html = render_section(schema, {}, {})
    data = parse_section(schema, submit(html))

    assert data == {}
    form_key = next(k for k in FORM_KEYS if sec in form_sections(k))
    errors = validate(form_key, sec["key"], data)
    assert set(errors) == set(schema.get("required", []))


@pytest.mark.parametrize("sec", all_sections())
def test_every_field_has_a_chinese_label(sec):
    html = str(render_section(sec["schema"], {}, {}))
    for name, prop in sec["schema"]["properties"].items():
        assert prop["title"] in html, name


def test_a_plain_dict_can_be_parsed_too():
    schema = schema_of("teacher", "appraisals")
    post = {"f.records.0.year": "2021", "f.records.0.result": ["合格"], "f.records.1.year": ""}

    assert parse_section(schema, post) == {"records": [{"year": 2021, "result": "合格"}]}


# --- nothing typed is lost -------------------------------------------------------------------


def test_text_typed_into_number_fields_is_kept_reported_and_shown_again():
    schema = schema_of("teacher", "teacher_profile")
    html = render_section(schema, {}, {})

    data = parse_section(
        schema,
        submit(html, f__teaching_years="abc", f__rural_years="两年", f__is_aid_teacher="maybe"),
    )

    assert data == {"teaching_years": "abc", "rural_years": "两年", "is_aid_teacher": "maybe"}
    errors = validate("teacher", "teacher_profile", data)
    assert errors["teaching_years"] == ["「教龄」应为整数"]
    assert errors["rural_years"] == ["「农村任教经历(年)」应为数字"]

    again = render_section(schema, data, errors)
    controls = {c.get("name"): c for c in read(again).controls}
    # a number input would show nothing for "abc": the text comes back in a text input
    assert controls["f.teaching_years"]["type"] == "text"
    assert controls["f.teaching_years"]["value"] == "abc"
    assert controls["f.rural_years"]["value"] == "两年"
    assert parse_section(schema, submit(again)) == data


@pytest.mark.parametrize(
    ("typed", "integer", "number"),
    [
        ("12", 12, 12),
        (" 12 ", 12, 12),
        ("-3", -3, -3),
        ("3.0", 3, 3.0),
        ("2.5", "2.5", 2.5),
        ("１２", 12, 12),  # full-width digits from a Chinese input method
        ("1e3", 1000, 1000.0),
        ("1_000", "1_000", "1_000"),
        ("nan", "nan", "nan"),
        ("inf", "inf", "inf"),
        ("1e999", "1e999", "1e999"),
        ("9" * 5000, "9" * 5000, "9" * 5000),
        ("12abc", "12abc", "12abc"),
    ],
)
def test_numbers_are_numbers_when_they_parse_and_text_otherwise(typed, integer, number):
    schema = {
        "type": "object",
        "properties": {"i": {"type": "integer"}, "n": {"type": "number"}},
    }

    data = parse_section(schema, {"f.i": typed, "f.n": typed})

    assert data == {"i": integer, "n": number}
    assert type(data["i"]) is type(integer)


def test_an_invalid_date_is_kept_and_shown_as_text():
    schema = schema_of("teacher", "basic")

    data = parse_section(schema, {"f.work_start_date": "2010-02-30"})
    assert data == {"work_start_date": "2010-02-30"}
    assert "work_start_date" in validate("teacher", "basic", data)

    controls = {c.get("name"): c for c in read(render_section(schema, data, {})).controls}
    assert controls["f.work_start_date"]["type"] == "text"
    assert controls["f.work_start_date"]["value"] == "2010-02-30"


def test_a_value_no_longer_offered_stays_selected():
    schema = schema_of("teacher", "basic")

    html = render_section(schema, {"education": "函授本科"}, {})

    assert parse_section(schema, submit(html)) == {"education": "函授本科"}


def test_empty_and_blank_inputs_are_omitted():
    schema = schema_of("teacher", "basic")
    post = {
        "f.name": "   ",
        "f.specialty": "",
        "f.is_transfer": "",
        "f.gender": "",
        "f.phone": "\t",
    }

    assert parse_section(schema, post) == {}


def test_text_is_trimmed_but_a_long_text_keeps_its_lines_and_indent():
    schema = schema_of("teacher", "teaching_ability")
    summary = "　　第一段。\r\n\r\n　　第二段。"

    data = parse_section(schema, {"f.subjects": "  数学 ", "f.summary": summary})

    assert data == {"subjects": "数学", "summary": "　　第一段。\n\n　　第二段。"}


def test_nul_characters_are_dropped():
    schema = schema_of("teacher", "basic")

    assert parse_section(schema, {"f.department": "教\x00务处"}) == {"department": "教务处"}


# --- tables ----------------------------------------------------------------------------------


def three_records() -> list[dict[str, Any]]:
    row = sample(schema_of("teacher", "education")["properties"]["records"]["items"])
    return [{**row, "school": school} for school in ("一中", "二中", "三中")]


def test_a_row_marked_for_deletion_is_dropped_and_the_rest_keep_their_order():
    schema = schema_of("teacher", "education")
    records = three_records()
    html = render_section(schema, {"records": records}, {})

    data = parse_section(schema, submit(html, **{"f.records.1.__delete": "1"}))

    assert data == {"records": [records[0], records[2]]}


def test_a_row_is_added_through_the_blank_row():
    schema = schema_of("teacher", "appraisals")
    html = render_section(schema, {"records": [{"year": 2020, "result": "优秀"}]}, {}, extra_rows=2)
    names = [name for name, _value in read(html).pairs]
    assert "f.records.1.year" in names
    assert "f.records.2.year" in names

    data = parse_section(
        schema, submit(html, f__records__1__year="2021", f__records__1__result="合格")
    )

    assert data == {"records": [{"year": 2020, "result": "优秀"}, {"year": 2021, "result": "合格"}]}


def test_rows_follow_their_number_not_their_place_in_the_post():
    schema = schema_of("teacher", "appraisals")
    post = QueryDict(mutable=True)
    post["f.records.10.year"] = "2030"
    post["f.records.2.year"] = "2022"
    post["f.records.02.year"] = "1999"  # not a row number the page would send
    post["f.records.x.year"] = "1998"

    assert parse_section(schema, post) == {"records": [{"year": 2022}, {"year": 2030}]}


def test_a_half_filled_row_is_kept_for_the_validator():
    schema = schema_of("teacher", "appraisals")

    data = parse_section(schema, {"f.records.0.organization": "教育局"})

    assert data == {"records": [{"organization": "教育局"}]}
    assert set(validate("teacher", "appraisals", data)) == {"records.0.year", "records.0.result"}


def test_deleting_every_row_leaves_the_table_unfilled():
    schema = schema_of("teacher", "appraisals")
    html = render_section(schema, {"records": [{"year": 2020, "result": "优秀"}]}, {})

    assert parse_section(schema, submit(html, f__records__0____delete="1")) == {}


def test_a_list_of_choices_is_a_group_of_checkboxes():
    schema = {
        "type": "object",
        "properties": {
            "stages": {
                "type": "array",
                "title": "任教学段",
                "items": {"type": "string", "enum": ["小学", "初中", "高中"]},
            }
        },
    }
    html = render_section(schema, {"stages": ["初中"]}, {})
    boxes = [c for c in read(html).controls if c.get("type") == "checkbox"]
    assert [(b["value"], "checked" in b) for b in boxes] == [
        ("小学", False),
        ("初中", True),
        ("高中", False),
    ]

    assert parse_section(schema, submit(html)) == {"stages": ["初中"]}
    assert parse_section(schema, post_pairs([("f.stages", "小学"), ("f.stages", "高中")])) == {
        "stages": ["小学", "高中"]
    }
    assert parse_section(schema, post_pairs([])) == {}


def test_nested_objects_and_scalar_lists_round_trip():
    schema = {
        "type": "object",
        "properties": {
            "address": {
                "type": "object",
                "title": "地址",
                "properties": {"city": {"type": "string", "title": "城市"}},
            },
            "phones": {"type": "array", "title": "电话", "items": {"type": "string"}},
        },
    }
    data = {"address": {"city": "喀什"}, "phones": ["1", "2"]}

    html = render_section(schema, data, {})

    assert parse_section(schema, submit(html)) == data
    assert parse_section(schema, submit(html, **{"f.phones.0.__delete": "1"})) == {
        "address": {"city": "喀什"},
        "phones": ["2"],
    }


# --- widgets ---------------------------------------------------------------------------------


def test_each_kind_of_field_gets_its_widget():
    controls = {
        c.get("name"): c
        for c in read(render_section(schema_of("teacher", "basic"), {}, {})).controls
    }
    assert controls["f.specialty"]["tag"] == "input"
    assert controls["f.specialty"]["type"] == "text"
    assert controls["f.specialty"]["maxlength"] == "50"
    assert controls["f.work_start_date"]["type"] == "date"
    assert controls["f.email"]["type"] == "email"
    education = controls["f.education"]
    assert education["tag"] == "select"
    assert [(o["value"], o["text"]) for o in education["options"]] == [
        ("", "请选择"),
        *[(level, level) for level in ("中专", "大学专科", "大学本科", "硕士研究生", "博士研究生")],
    ]
    transfer = controls["f.is_transfer"]
    assert [(o["value"], o["text"]) for o in transfer["options"]] == [
        ("", "请选择"),
        ("true", "是"),
        ("false", "否"),
    ]

    profile = {
        c.get("name"): c
        for c in read(render_section(schema_of("teacher", "teacher_profile"), {}, {})).controls
    }
    assert profile["f.teaching_years"]["type"] == "number"
    assert profile["f.teaching_years"]["step"] == "1"
    assert (profile["f.teaching_years"]["min"], profile["f.teaching_years"]["max"]) == ("0", "50")
    assert profile["f.rural_years"]["step"] == "any"

    ability = {
        c.get("name"): c
        for c in read(render_section(schema_of("teacher", "teaching_ability"), {}, {})).controls
    }
    assert ability["f.summary"]["tag"] == "textarea"
    assert ability["f.summary"]["maxlength"] == "3000"
    assert ability["f.records.0.description"]["tag"] == "textarea"
    assert ability["f.records.0.__delete"]["type"] == "checkbox"


def test_labels_mark_required_fields_and_show_descriptions():
    schema = {
        "type": "object",
        "properties": {
            "a": {"type": "string", "title": "必填项", "description": "说明文字"},
            "b": {"type": "string", "title": "选填项"},
        },
        "required": ["a"],
    }
    html = str(render_section(schema, {}, {}))

    assert '必填项 <span class="required">*</span></label>' in html
    assert "选填项</label>" in html
    assert '<span class="hint">说明文字</span>' in html


def test_a_text_s_length_rule_is_said_before_anything_is_typed():
    summary = next(
        section["schema"]["properties"]["summary"]
        for section in form_sections("teacher")
        if "summary" in section["schema"].get("properties", {})
    )
    html = str(render_section({"type": "object", "properties": {"summary": summary}}, {}, {}))
    assert '<span class="hint">50–3000字</span>' in html
    with translation.override("en"):
        html = str(render_section({"type": "object", "properties": {"summary": summary}}, {}, {}))
    assert '<span class="hint">50–3000 characters</span>' in html
    one = {"type": "object", "properties": {"a": {"type": "string", "minLength": 1}}}
    assert 'class="hint"' not in str(render_section(one, {}, {}))


def test_required_marks_follow_the_if_then_of_the_section():
    schema = schema_of("teacher", "professional_titles")

    none = str(render_section(schema, {"current_level": "无"}, {}))
    middle = str(render_section(schema, {"current_level": "中级"}, {}))

    assert '现专业技术资格名称 <span class="required">*</span>' not in none
    assert '现专业技术资格名称 <span class="required">*</span>' in middle


# --- safety ----------------------------------------------------------------------------------


def test_everything_shown_is_escaped():
    schema = schema_of("teacher", "education")
    attack = '"><script>alert(1)</script>'
    records = three_records()
    records[0]["school"] = attack
    data = {"records": records, "highest_degree": attack, "graduation_date": attack}
    errors = {"__all__": [attack], "records.0.school": [attack], attack: [attack]}

    for readonly in (False, True):
        html = str(render_section(schema, data, errors, readonly=readonly))
        assert "<script>" not in html
        assert "&lt;script&gt;" in html

    html = render_section(schema, data, errors)
    assert parse_section(schema, submit(html)) == data


def test_names_the_schema_does_not_declare_are_ignored():
    schema = schema_of("teacher", "appraisals")
    post = {
        "f.records.0.year": "2020",
        "f.records.0.is_admin": "true",
        "f.records.0.__delete.x": "1",
        "f.is_admin": "true",
        "f.__proto__": "x",
        "g.records.0.year": "1999",
        "records.0.year": "1998",
        "f.records": "everything",
    }

    assert parse_section(schema, post) == {"records": [{"year": 2020}]}


def test_the_prefix_keeps_two_sections_apart():
    schema = schema_of("teacher", "appraisals")
    html = render_section(schema, {"records": [{"year": 2020}]}, {}, prefix="s1")

    assert {name for name, _v in read(html).pairs} >= {"s1.records.0.year", "s1.records.1.year"}
    assert parse_section(schema, submit(html), prefix="s1") == {"records": [{"year": 2020}]}
    assert parse_section(schema, submit(html)) == {}


# --- read-only -------------------------------------------------------------------------------


def test_readonly_shows_the_values_without_any_input():
    schema = schema_of("teacher", "education")
    records = three_records()
    data = {"graduation_date": "2015-07-01", "highest_degree": "硕士", "records": records}

    html = str(render_section(schema, data, {}, readonly=True))

    assert read(html).controls == []
    assert "__delete" not in html
    assert 'class="required"' not in html
    assert "2015-07-01" in html
    assert "硕士" in html
    for school in ("一中", "二中", "三中"):
        assert school in html
    assert "新增" not in html


def test_readonly_booleans_and_missing_values_read_as_words():
    schema = schema_of("teacher", "teacher_profile")

    html = str(
        render_section(
            schema, {"is_aid_teacher": True, "is_south_xinjiang": False}, {}, readonly=True
        )
    )

    assert "是" in html
    assert "否" in html
    assert "未填写" in html
    assert read(html).controls == []


def test_what_the_server_fills_is_shown_but_never_an_input_nor_read_back():
    """基本信息 takes the name, ID number, gender and birth date from the account: the
    applicant sees them, cannot type them, and a forged post of them is ignored."""
    schema = schema_of("teacher", "basic")
    account = {
        "name": "阿丽娅",
        "id_card_number": "11010519491231002X",
        "gender": "女",
        "birth_date": "1949-12-31",
    }

    html = render_section(schema, {**account, "department": "教务处"}, {})

    names = {c.get("name") for c in read(html).controls}
    assert "f.department" in names
    assert not {f"f.{name}" for name in account} & names
    page = str(html)
    for value in account.values():
        assert value in page
    assert '姓名 <span class="required">*</span>' not in page  # nothing to fill in
    assert '<span class="hint">以账号实名信息为准，不能修改。</span>' in page
    forged = submit(html, f__name="张三", f__id_card_number="650102203001010012")
    assert parse_section(schema, forged) == {"department": "教务处"}


def test_an_error_on_a_field_the_server_fills_still_shows_beside_it():
    schema = schema_of("teacher", "basic")
    errors = {"id_card_number": ["「身份证号」为必填项"]}

    places = error_places(render_section(schema, {}, errors)).places

    assert ("id_card_number", "id_card_number", "「身份证号」为必填项") in places


def test_a_bad_id_number_and_dates_after_today_are_reported_in_chinese():
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = {
        "id_card_number": "110105194912310021",  # the check digit should be X
        "birth_date": "2030-01-01",
        "work_start_date": tomorrow,
    }

    errors = validate("teacher", "basic", data)

    assert errors["id_card_number"] == [
        "「身份证号」不正确：身份证号码校验位不正确，请核对后重新输入。"
    ]
    assert errors["birth_date"] == ["「出生日期」不能晚于今天"]
    assert errors["work_start_date"] == ["「参加工作时间」不能晚于今天"]
    today = {"work_start_date": timezone.localdate().isoformat()}
    assert "work_start_date" not in validate("teacher", "basic", today)
    future = {"graduation_date": tomorrow}
    assert validate("general", "education", future)["graduation_date"] == [
        "「最高学历毕业时间」不能晚于今天"
    ]


# --- errors ----------------------------------------------------------------------------------


def test_errors_appear_beside_their_field():
    schema = schema_of("teacher", "education")
    records = three_records()
    del records[1]["school"]
    records[2]["start_date"] = "去年"
    data = {"highest_degree": "硕士", "records": records}
    errors = validate("teacher", "education", data)
    assert set(errors) == {"graduation_date", "records.1.school", "records.2.start_date"}
    errors["__all__"] = ["本栏目尚未填完"]

    html = render_section(schema, data, errors)
    places = error_places(html)

    shown = {field: (around, text) for field, around, text in places.places}
    assert shown["graduation_date"] == ("graduation_date", "「最高学历毕业时间」为必填项")
    assert shown["records.1.school"] == ("records.1.school", "「毕业院校」为必填项")
    assert shown["records.2.start_date"][0] == "records.2.start_date"
    assert shown["__all__"] == (None, "本栏目尚未填完")
    assert places.first_field_seen_at == 1  # the section's error comes before the first field
    assert len(places.places) == 4


def test_errors_of_a_whole_table_sit_on_the_table():
    schema = schema_of("teacher", "appraisals")
    errors = validate("teacher", "appraisals", {"records": []})
    assert errors == {"records": ["「(聘)任现职期间考核」至少填写 1 条"]}

    places = error_places(render_section(schema, {"records": []}, errors)).places

    assert places == [("records", "records", "「(聘)任现职期间考核」至少填写 1 条")]


def test_errors_without_a_field_on_the_page_go_to_the_top():
    schema = schema_of("teacher", "basic")
    data = {"name": "张三", "nickname": "小张"}
    errors = validate("teacher", "basic", data)
    assert "nickname" in errors

    places = error_places(render_section(schema, data, errors)).places

    assert ("nickname", None, "「nickname」不是本栏目的字段") in places


def test_a_field_with_errors_is_marked_invalid():
    schema = schema_of("teacher", "teacher_profile")
    html = render_section(
        schema, {"teaching_years": 99}, {"teaching_years": ["「教龄」不能大于 50"]}
    )
    controls = {c.get("name"): c for c in read(html).controls}

    assert controls["f.teaching_years"]["aria-invalid"] == "true"
    assert "aria-invalid" not in controls["f.rural_years"]
    assert 'class="field sf-field has-error" data-field="teaching_years"' in str(html)
