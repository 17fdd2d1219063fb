"""The title catalog, section forms and qualification conditions, read from JSON data files.

`catalog.json` and `conditions.json` sit beside this module; the section forms live in
`workflow/forms/<key>.json`. Every loader is cached for the life of the process, so the returned
structures are shared: treat them as read-only (copy before changing anything).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from tenants.translated import Glossary, form_glossary, language_suffix

CATALOG_DIR = Path(__file__).resolve().parent
FORMS_DIR = CATALOG_DIR.parent.parent / "workflow" / "forms"

LEVELS: tuple[str, ...] = ("junior", "intermediate", "deputy_senior", "senior")
"""The four title levels: 初级, 中级, 副高级, 正高级 (junior may split into clerk/assistant)."""

_FORM_KEY = re.compile(r"[a-z][a-z0-9_]*")


def _read_json(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


@cache
def load_catalog() -> dict[str, Any]:
    """The title catalog: ``{"levels": [...], "series": [{code, name, form, specialties}]}``."""
    return _read_json(CATALOG_DIR / "catalog.json")


@cache
def load_conditions() -> dict[str, Any]:
    """Qualification conditions (任职资格条件) per series and level, text and checkable rules."""
    return _read_json(CATALOG_DIR / "conditions.json")


@cache
def load_form(key: str) -> dict[str, Any]:
    """The versioned section form ``key`` ("teacher", "general"); `KeyError` if there is none."""
    path = FORMS_DIR / f"{key}.json"
    if not _FORM_KEY.fullmatch(key) or not path.is_file():
        raise KeyError(key)
    return _read_json(path)


@cache
def _forms_glossary() -> Glossary:
    return form_glossary(
        *(
            load_form(path.stem)
            for path in sorted(FORMS_DIR.glob("*.json"))
            if _FORM_KEY.fullmatch(path.stem)
        )
    )


def option_text(value: Any) -> str:
    """A form option quoted outside its form (学历 in the condition advice) in the reader's
    language, as the form files translate it; the value itself when they do not."""
    suffix = language_suffix()
    if suffix and isinstance(value, str):
        return _forms_glossary().get((value, suffix), value)
    return "" if value is None else str(value)


def form_sections(key: str) -> list[dict[str, Any]]:
    """The sections of form ``key`` in display order: ``{key, title, filled_by, schema}``."""
    return load_form(key)["sections"]


class CatalogEntry(NamedTuple):
    """One qualification with the specialty and series it belongs to."""

    series: dict[str, Any]
    specialty: dict[str, Any]
    qualification: dict[str, Any]


def iter_qualifications() -> Iterator[CatalogEntry]:
    """Every qualification of the catalog, flattened, in catalog order."""
    for series in load_catalog()["series"]:
        for specialty in series["specialties"]:
            for qualification in specialty["qualifications"]:
                yield CatalogEntry(series, specialty, qualification)


@cache
def _qualifications_by_code() -> dict[str, CatalogEntry]:
    return {entry.qualification["code"]: entry for entry in iter_qualifications()}


def find_qualification(code: str) -> CatalogEntry:
    """The catalog entry of qualification ``code``; `KeyError` if it does not exist."""
    return _qualifications_by_code()[code]


def conditions_for(code: str) -> dict[str, Any]:
    """The one condition entry that applies to qualification ``code``.

    An entry applies when its series and level match, its ``grade`` (if any) is the
    qualification's grade and its ``specialty_groups`` (if any) contain the specialty's group.
    Raises `KeyError` when the qualification is unknown or no single entry applies.
    """
    entry = find_qualification(code)
    matches = [
        condition for condition in load_conditions()["conditions"] if _applies(condition, entry)
    ]
    if len(matches) != 1:
        raise KeyError(code)
    return matches[0]


def _applies(condition: dict[str, Any], entry: CatalogEntry) -> bool:
    qualification = entry.qualification
    if (condition["series"], condition["level"]) != (entry.series["code"], qualification["level"]):
        return False
    if "grade" in condition and condition["grade"] != qualification.get("grade"):
        return False
    groups = condition.get("specialty_groups")
    return groups is None or entry.specialty.get("group") in groups
