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


def test_every_message_in_the_code_is_in_the_catalogs(settings, tmp_path, monkeypatch):
    """The .po files are the one source: re-extracting the code's messages finds none that the
    catalogs lack (a string added without its English and Uyghur fails here)."""
    from django.core.management import call_command

    # makemessages writes beside the first `locale` folder it walks past; a tree of links to
    # the code (and no `locale` in it) keeps the project's catalogs untouched.
    source = tmp_path / "source"
    source.mkdir()
    for folder in ("config", "core", "tenants", "workflow", "printing", "templates"):
        (source / folder).symlink_to(LOCALE.parent / folder)
    for extra in LOCALE.parent.glob("*/apps.py"):
        if not (source / extra.parent.name).exists():
            (source / extra.parent.name).symlink_to(extra.parent)
    monkeypatch.chdir(source)
    settings.LOCALE_PATHS = [tmp_path / "out"]
    call_command("makemessages", locale=["en"], symlinks=True, verbosity=0)
    extracted = {
        e.msgid for e in polib.pofile(str(tmp_path / "out" / "en" / "LC_MESSAGES" / "django.po"))
    }
    for language in ("en", "ug"):
        catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        translated = {e.msgid for e in catalog.translated_entries()}
        assert sorted(extracted - translated) == [], language
