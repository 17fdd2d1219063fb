"""Data in the reader's language: names stored in Chinese with English and Uyghur beside them.

(It lives in the bottom layer, tenants, so that the regions' own names and every app above
read data the same way.)

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


def localized_row(row: dict[str, Any], field: str, language: str | None = None) -> str:
    """Like `localized`, for a `.values()` row that selected `field`, `field_en`, `field_ug`."""
    suffix = language_suffix(language)
    if suffix and row.get(f"{field}_{suffix}"):
        return row[f"{field}_{suffix}"]
    return row.get(field) or ""


def localized_column(field: str, language: str | None = None) -> Any:
    """A query expression: the column `field` in the reader's language, else the Chinese."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce, NullIf

    suffix = language_suffix(language)
    if not suffix:
        return F(field)
    return Coalesce(NullIf(F(f"{field}_{suffix}"), Value("")), F(field))


def localized(obj: Any, field: str, language: str | None = None) -> str:
    """The value of `obj.<field>` in the reader's language, falling back to Chinese."""
    source = getattr(obj, field) or ""
    suffix = language_suffix(language)
    if suffix:
        value = getattr(obj, f"{field}_{suffix}", "")
        if value:
            return value
    return source


# Section forms (JSON Schemas) carry their translations beside each text: `title_en`,
# `title_ug`, `description_en`, ... and, for an `enum` of strings, `enum_en`/`enum_ug` lists
# of the same length with the options' labels. The stored values (the `enum` itself) stay
# Chinese: they are what applications hold.
FORM_TEXTS = ("title", "description")
TRANSLATION_KEYS = frozenset(
    f"{key}_{suffix}" for key in (*FORM_TEXTS, "enum") for suffix in SUFFIXES.values()
)


def schema_text(schema: Any, key: str, language: str | None = None) -> str:
    """A schema's `title` or `description` in the reader's language ("" when it has none)."""
    if not isinstance(schema, dict):
        return ""
    source = schema.get(key)
    if not isinstance(source, str):
        return ""
    return pick(source, {s: schema.get(f"{key}_{s}") for s in SUFFIXES.values()}, language)


def option_label(schema: Any, value: Any, language: str | None = None) -> str:
    """The label of one `enum` option in the reader's language (the value itself otherwise)."""
    suffix = language_suffix(language)
    if suffix and isinstance(schema, dict):
        options, labels = schema.get("enum"), schema.get(f"enum_{suffix}")
        if isinstance(options, list) and isinstance(labels, list) and len(labels) == len(options):
            for option, label in zip(options, labels, strict=True):
                if option == value and isinstance(label, str) and label:
                    return label
    return str(value)


def without_translations(node: Any) -> Any:
    """A form definition with every translation removed: what a form *is*, for comparing
    versions (translating a form does not make a new version of it)."""
    if isinstance(node, dict):
        return {k: without_translations(v) for k, v in node.items() if k not in TRANSLATION_KEYS}
    if isinstance(node, list):
        return [without_translations(v) for v in node]
    return node


Glossary = dict[tuple[str, str], str]


def form_glossary(*definitions: Any) -> Glossary:
    """(Chinese text, column suffix) -> translation, from every translated text and option of
    the given form definitions (the data files)."""
    glossary: Glossary = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in FORM_TEXTS:
                for suffix in SUFFIXES.values():
                    source, value = node.get(key), node.get(f"{key}_{suffix}")
                    if isinstance(source, str) and isinstance(value, str) and value:
                        glossary.setdefault((source, suffix), value)
            options = node.get("enum")
            for suffix in SUFFIXES.values():
                labels = node.get(f"enum_{suffix}")
                if isinstance(options, list) and isinstance(labels, list):
                    for option, label in zip(options, labels, strict=False):
                        if isinstance(option, str) and isinstance(label, str) and label:
                            glossary.setdefault((option, suffix), label)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for definition in definitions:
        walk(definition)
    return glossary


def translate_form(node: Any, glossary: Glossary) -> Any:
    """`node` (a form definition) with the translations it lacks filled in from `glossary`;
    translations it has are kept."""
    if isinstance(node, list):
        return [translate_form(v, glossary) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: translate_form(v, glossary) for k, v in node.items()}
    for suffix in SUFFIXES.values():
        for key in FORM_TEXTS:
            source = out.get(key)
            if (
                isinstance(source, str)
                and not out.get(f"{key}_{suffix}")
                and (source, suffix) in glossary
            ):
                out[f"{key}_{suffix}"] = glossary[(source, suffix)]
        options = out.get("enum")
        if (
            isinstance(options, list)
            and options
            and all(isinstance(o, str) for o in options)
            and not out.get(f"enum_{suffix}")
            and all((o, suffix) in glossary for o in options)
        ):
            out[f"enum_{suffix}"] = [glossary[(o, suffix)] for o in options]
    return out
