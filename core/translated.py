"""Data in the reader's language: names stored in Chinese with English and Uyghur beside them.

Catalog names, region names, committee names and section forms are data, not messages of the
code, so gettext cannot translate them. Each translated column `x` of a model has two
siblings, `x_en` and `x_ug` (blank when nobody translated it); `x` itself stays the Chinese
source every other part of the platform (codes, searches, official prints) relies on.
`localized(obj, "x")` answers the reader's language with a fallback to Chinese.

Why not django-modeltranslation: its descriptor makes `x` itself mean "the active language",
for reads *and writes* (a central-office clerk editing in English would overwrite the English
column while meaning the Chinese one), and it rewrites `filter()`/`values()`/`only()` of every
registered model by the active language, which our cached, language-keyed list pages and the
denormalized public index would have to be re-audited for. Two plain columns and one reader
keep the source column what it was.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

#: The languages data is translated into, by Django language code -> column suffix.
SUFFIXES = {"en": "en", "ug": "ug"}


def language_suffix(language: str | None = None) -> str | None:
    """The column suffix of a language (`en`, `ug`), or None for Chinese (the source)."""
    code = (language or get_language() or "zh-hans").lower()
    return SUFFIXES.get(code.split("-")[0])


def pick(source: str, translations: dict[str, Any] | None, language: str | None = None) -> str:
    """`source` (Chinese) in the reader's language from a {"en": ..., "ug": ...} mapping."""
    suffix = language_suffix(language)
    if suffix and translations:
        value = translations.get(suffix)
        if isinstance(value, str) and value.strip():
            return value
    return source


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The value of `obj.<field>` in the reader's language, falling back to Chinese."""
    source = getattr(obj, field) or ""
    suffix = language_suffix(language)
    if suffix:
        value = getattr(obj, f"{field}_{suffix}", "")
        if value:
            return value
    return source

