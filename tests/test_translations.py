"""Every user-facing string has an English and a Uyghur translation with the same placeholders."""

import re
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


@pytest.mark.parametrize("language", ["en", "ug"])
def test_the_catalog_is_complete(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []


@pytest.mark.parametrize("language", ["en", "ug"])
def test_placeholders_survive_translation(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    broken = [
        e.msgid
        for e in catalog.translated_entries()
        if e.msgstr
        and sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))
    ]
    assert broken == []


def test_uyghur_pages_are_right_to_left(db):
    from tests.support import client_for

    page = client_for("kashgar", HTTP_ACCEPT_LANGUAGE="ug").get("/").content.decode()
    assert 'dir="rtl"' in page
    assert 'lang="ug"' in page
