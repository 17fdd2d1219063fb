"""Data in three languages: every entry of the data files carries English and Uyghur beside
its Chinese, and a reader gets the one of their language, the Chinese when there is none."""

import re

import pytest
from django.utils import translation

from core.catalog.data import load_catalog, load_form
from core.catalog.sync import form_keys_on_disk
from tenants.directory import PUBLIC_NAMES, REGIONS
from tenants.translated import (
    form_glossary,
    localized,
    option_label,
    schema_text,
    translate_form,
    without_translations,
)

CJK = re.compile(r"[\u3400-\u9fff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def english(text: str) -> bool:
    return bool(text.strip()) and not CJK.search(text) and not ARABIC.search(text)


def uyghur(text: str) -> bool:
    """Uyghur in Arabic script (codes such as "SCI" are written the same in every language)."""
    return (
        bool(text.strip())
        and not CJK.search(text)
        and (bool(ARABIC.search(text)) or text.isascii())
    )


def catalog_entries() -> list[tuple[str, dict, str]]:
    """(where, entry, field) for every translated field of catalog.json."""
    catalog = load_catalog()
    found = []
    for level in catalog["levels"]:
        found.append((level["key"], level, "name"))
        found += [(grade["key"], grade, "name") for grade in level.get("grades", [])]
    for series in catalog["series"]:
        found += [(series["code"], series, "name"), (series["code"], series, "category")]
        found += [(group["code"], group, "name") for group in series.get("groups", [])]
        for specialty in series["specialties"]:
            found.append((specialty["code"], specialty, "name"))
            found += [(q["code"], q, "name") for q in specialty["qualifications"]]
    return found


def test_every_catalog_entry_has_english_and_uyghur():
    entries = catalog_entries()
    assert len(entries) > 450  # 9 series, 78 specialties, 359 qualifications, levels, groups
    missing = [
        (where, field)
        for where, entry, field in entries
        if not english(entry.get(f"{field}_en", "")) or not uyghur(entry.get(f"{field}_ug", ""))
    ]
    assert missing == []


def test_official_english_titles_are_used():
    names = {(e["name"], e["name_en"]) for _w, e, f in catalog_entries() if f == "name"}
    assert ("高级教师", "Senior Teacher") in names
    assert ("正高级", "Full Senior") in names
    assert ("副高级", "Deputy Senior") in names
    assert ("副教授", "Associate Professor") in names


def form_texts(node, where=""):
    """(path, schema, key) of every title and description, and (path, schema, "enum") of
    every list of string options, in a form file."""
    if isinstance(node, dict):
        for key in ("title", "description"):
            if isinstance(node.get(key), str):
                yield where, node, key
        if isinstance(node.get("enum"), list) and all(isinstance(o, str) for o in node["enum"]):
            yield where, node, "enum"
        for name, value in node.items():
            if name != "rule_fields":
                yield from form_texts(value, f"{where}/{name}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from form_texts(value, f"{where}/{index}")


@pytest.mark.parametrize("key", form_keys_on_disk())
def test_every_title_help_text_and_option_of_the_forms_has_english_and_uyghur(key):
    texts = list(form_texts(load_form(key)))
    assert len(texts) > 150
    missing = []
    for where, schema, field in texts:
        if field == "enum":
            for suffix, check in (("en", english), ("ug", uyghur)):
                labels = schema.get(f"enum_{suffix}")
                if (
                    not isinstance(labels, list)
                    or len(labels) != len(schema["enum"])
                    or not all(check(label) for label in labels)
                ):
                    missing.append((where, f"enum_{suffix}"))
        else:
            if not english(schema.get(f"{field}_en", "")):
                missing.append((where, f"{field}_en"))
            if not uyghur(schema.get(f"{field}_ug", "")):
                missing.append((where, f"{field}_ug"))
    assert missing == []


def test_every_region_is_named_in_english_and_uyghur_as_officially_written():
    assert len(REGIONS) == 15
    for spec in REGIONS:
        assert english(spec.name_en) and english(spec.full_name_en), spec.code
        assert uyghur(spec.name_ug) and uyghur(spec.full_name_ug), spec.code
    by_code = {spec.code: spec for spec in REGIONS}
    assert by_code["urumqi"].name_ug == "ئۈرۈمچى شەھىرى"
    assert by_code["kashgar"].name_ug == "قەشقەر ۋىلايىتى"
    assert by_code["xj"].full_name_en == "Xinjiang Uygur Autonomous Region"
    assert english(PUBLIC_NAMES["name_en"]) and uyghur(PUBLIC_NAMES["name_ug"])


class Named:
    name = "乌鲁木齐市中小学教师职称评审委员会"
    name_en = "Urumqi Teachers Committee"
    name_ug = ""


def test_a_reader_gets_their_language_and_the_chinese_where_there_is_no_translation():
    assert localized(Named(), "name", "en") == "Urumqi Teachers Committee"
    assert localized(Named(), "name", "ug") == Named.name  # not translated: the Chinese
    assert localized(Named(), "name", "zh-hans") == Named.name
    with translation.override("en"):
        assert localized(Named(), "name") == "Urumqi Teachers Committee"


def test_form_texts_and_options_read_in_the_reader_s_language():
    schema = {
        "title": "性别",
        "title_ug": "جىنسى",
        "enum": ["男", "女"],
        "enum_ug": ["ئەر", "ئايال"],
    }
    assert schema_text(schema, "title", "ug") == "جىنسى"
    assert schema_text(schema, "title", "en") == "性别"
    assert option_label(schema, "女", "ug") == "ئايال"
    assert option_label(schema, "女", "en") == "女"
    assert option_label({**schema, "enum_ug": ["ئەر"]}, "女", "ug") == "女"  # a broken list


def test_translating_a_form_changes_no_part_of_what_it_is():
    """An older stored version gets the files' translations; what it asks stays the same."""
    current = load_form("teacher")
    bare = without_translations(current)
    assert "title_en" not in str(bare) and "enum_ug" not in str(bare)
    translated = translate_form(bare, form_glossary(current))
    assert without_translations(translated) == bare
    section = translated["sections"][0]
    assert schema_text(section, "title", "ug") == "ئاساسىي ئۇچۇر"
    ethnicity = section["schema"]["properties"]["ethnicity"]
    assert option_label(ethnicity, "维吾尔族", "ug") == "ئۇيغۇر"
    assert option_label(ethnicity, "哈萨克族", "en") == "Kazakh"
