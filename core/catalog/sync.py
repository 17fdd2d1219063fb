"""Load the data files into the catalog tables: idempotent, fast, never destructive.

- `catalog.json` → Series, Specialty, Qualification, matched by code. Names, order, grouping and
  level follow the file; rows the file no longer lists are marked inactive, never deleted
  (applications and offerings point at them). Rows the central office changed (closed, opened,
  renamed or created in the catalog pages: `edited_by_office`) are the office's: the file
  neither updates nor deactivates them, only gives them English and Uyghur names they lack
  while the office has not renamed them. Names carry `name_en`/`name_ug` (tenants.translated).
- `workflow/forms/<key>.json` → SectionForm. A form version, once stored, never changes: when
  the file's version already exists with another definition, the file is stored as the next
  free version and a warning is logged. Translations (`title_en`, `enum_ug`, ...) are not the
  form: a file differing from a stored version only in them updates that version in place,
  and every stored version gets the translations it lacks from the files.
- `conditions.json` → ConditionSet, one row per (series, level, grade, specialty groups). The
  file replaces a row unless the central office edited it after the file's version (an edit
  raises the row's version above the file's).

Runs in `load_demo` on every `make run` and in tests: everything is read once and written with
bulk operations; a second run issues only the reads.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import connection, models, transaction

from core.catalog.data import _FORM_KEY, FORMS_DIR, load_catalog, load_conditions, load_form
from core.catalog.ordering import definition_for_storage
from core.models import ConditionSet, Qualification, SectionForm, Series, Specialty
from tenants.translated import Glossary, form_glossary, translate_form, without_translations

logger = logging.getLogger(__name__)

# pg_advisory_xact_lock key: two processes syncing at once (web and worker start) queue up.
_LOCK_KEY = 7_261_001

# Header fields of a form file; everything else is the stored definition.
FORM_HEADER = ("key", "version", "title")

Counts = dict[str, int]

# Columns holding a translation of a catalog name (tenants.translated).
_TRANSLATION_SUFFIXES = ("_en", "_ug")


@transaction.atomic
def catalog_sync() -> dict[str, Counts]:
    """Bring the catalog tables in line with the data files and say what changed.

    Returns ``{"series": {"created", "updated", "deactivated", "kept", "total"}, "specialties": ...,
    "qualifications": ..., "forms": {"created", "unchanged", "renumbered"},
    "form_versions": {key: current version}, "conditions": {"created", "updated", "kept",
    "deleted", "total"}}``.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    catalog = load_catalog()
    series_rows: dict[str, dict[str, Any]] = {}
    specialty_rows: dict[str, dict[str, Any]] = {}
    qualification_rows: dict[str, dict[str, Any]] = {}
    for s_index, series in enumerate(catalog["series"], start=1):
        series_rows[series["code"]] = {
            **_translated(series, "name"),
            **_translated(series, "category"),
            "form_key": series["form"],
            "sort_order": s_index,
        }
        for p_index, specialty in enumerate(series["specialties"], start=1):
            specialty_rows[specialty["code"]] = {
                "_parent": series["code"],
                **_translated(specialty, "name"),
                "group": specialty.get("group", ""),
                "sort_order": p_index,
            }
            for q_index, qualification in enumerate(specialty["qualifications"], start=1):
                qualification_rows[qualification["code"]] = {
                    "_parent": specialty["code"],
                    **_translated(qualification, "name"),
                    "level": qualification["level"],
                    "grade": qualification.get("grade", ""),
                    "sort_order": q_index,
                }

    result: dict[str, Counts] = {}
    series_by_code, result["series"] = _upsert(Series, series_rows)
    specialties_by_code, result["specialties"] = _upsert(
        Specialty, specialty_rows, parent_field="series_id", parents=series_by_code
    )
    _qualifications, result["qualifications"] = _upsert(
        Qualification, qualification_rows, parent_field="specialty_id", parents=specialties_by_code
    )
    result["forms"], result["form_versions"] = _sync_forms(
        [load_form(key) for key in form_keys_on_disk()]
    )
    result["conditions"] = _sync_conditions(load_conditions(), series_by_code)
    return result


def _translated(entry: dict[str, Any], field: str) -> dict[str, str]:
    """A data-file entry's field with its English and Uyghur beside it (blank when absent)."""
    return {
        field: entry.get(field, ""),
        f"{field}_en": entry.get(f"{field}_en", ""),
        f"{field}_ug": entry.get(f"{field}_ug", ""),
    }


def form_keys_on_disk() -> list[str]:
    """The keys of the form files in workflow/forms/, sorted."""
    return sorted(path.stem for path in FORMS_DIR.glob("*.json") if _FORM_KEY.fullmatch(path.stem))


def form_definition_of(document: dict[str, Any]) -> dict[str, Any]:
    """What a SectionForm stores of a form file: everything but key, version and title, with
    the order of every schema's properties recorded (jsonb does not keep it)."""
    return definition_for_storage(
        {name: value for name, value in document.items() if name not in FORM_HEADER}
    )


@transaction.atomic
def form_sync(document: dict[str, Any]) -> tuple[str, SectionForm]:
    """Store one form file; answers ("created" | "unchanged" | "renumbered", the version row).

    - the file's version exists with the same title and definition: unchanged;
    - it does not exist and is above every stored version: created under that number;
    - otherwise, if some stored version already holds this content: unchanged (it was stored
      before, or the file was renumbered by an earlier run);
    - otherwise the content is new but its number is taken (or below the latest): it becomes
      the next version, and a warning says so. Stored versions are never overwritten.
    """
    key, number, title = document["key"], int(document["version"]), document["title"]
    definition = form_definition_of(document)
    rows = {
        form.version: form
        for form in SectionForm.objects.select_for_update().filter(key=key).order_by("version")
    }
    # Translations are labels, not the form: a file that only adds or changes translations of
    # a stored version updates that version in place.
    content = without_translations(definition)
    same = [
        form
        for form in rows.values()
        if form.title == title and without_translations(form.definition) == content
    ]
    for form in same:
        if form.definition != definition:
            form.definition = definition
            form.save(update_fields=["definition"])
    if number in rows and rows[number] in same:
        return "unchanged", rows[number]
    latest = max(rows, default=0)
    if number not in rows and number > latest:
        return "created", SectionForm.objects.create(
            key=key, version=number, title=title, definition=definition
        )
    if same:
        return "unchanged", same[-1]
    created = SectionForm.objects.create(
        key=key, version=latest + 1, title=title, definition=definition
    )
    logger.warning(
        "form %s: version %s is already stored with another definition; "
        "the file was stored as version %s",
        key,
        number,
        created.version,
    )
    return "renumbered", created


def _sync_forms(documents: list[dict[str, Any]]) -> tuple[Counts, Counts]:
    counts = {"created": 0, "unchanged": 0, "renumbered": 0}
    for document in documents:
        outcome, _form = form_sync(document)
        counts[outcome] += 1
    translate_stored_forms(form_glossary(*documents))
    current = dict(
        SectionForm.objects.values("key")
        .annotate(latest=models.Max("version"))
        .values_list("key", "latest")
    )
    return counts, current


def translate_stored_forms(glossary: Glossary) -> int:
    """Give every stored form version the translations it lacks of texts and options the data
    files translate (older versions are read by the applications that started on them).
    Returns how many versions changed."""
    changed = []
    for form in SectionForm.objects.only("pk", "definition"):
        translated = translate_form(form.definition, glossary)
        if translated != form.definition:
            form.definition = translated
            changed.append(form)
    SectionForm.objects.bulk_update(changed, ["definition"], batch_size=50)
    return len(changed)


def _upsert(
    model: type[models.Model],
    rows: dict[str, dict[str, Any]],
    *,
    parent_field: str | None = None,
    parents: dict[str, models.Model] | None = None,
) -> tuple[dict[str, models.Model], Counts]:
    """Create, update and deactivate `model` rows by code; return code -> row and counts.
    Rows the central office edited are left as they are and counted as kept."""
    existing = {obj.code: obj for obj in model.objects.all()}
    to_create, to_update, changed_fields = [], [], set()
    kept = 0
    for code, raw in rows.items():
        values = {name: value for name, value in raw.items() if name != "_parent"}
        if parent_field is not None:
            values[parent_field] = parents[raw["_parent"]].pk
        values["is_active"] = True
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(code=code, **values))
            continue
        if obj.edited_by_office:
            # The office's row keeps its names; the file only fills the translations it lacks
            # while the office has not renamed it.
            kept += 1
            values = {
                name: value
                for name, value in values.items()
                if name.endswith(_TRANSLATION_SUFFIXES)
                and not getattr(obj, name)
                and getattr(obj, name.rsplit("_", 1)[0]) == raw[name.rsplit("_", 1)[0]]
            }
        dirty = [name for name, value in values.items() if getattr(obj, name) != value]
        for name in dirty:
            setattr(obj, name, values[name])
        if dirty:
            changed_fields.update(dirty)
            to_update.append(obj)
    stale = [
        obj.pk
        for code, obj in existing.items()
        if code not in rows and obj.is_active and not obj.edited_by_office
    ]

    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields))
    if stale:
        model.objects.filter(pk__in=stale).update(is_active=False)
    by_code = {**existing, **{obj.code: obj for obj in to_create}}
    counts = {
        "created": len(to_create),
        "updated": len(to_update),
        "deactivated": len(stale),
        "kept": kept,
        "total": len(by_code),
    }
    return by_code, counts


def condition_key(
    series_code: str, level: str, grade: str, groups: list[str] | None
) -> tuple[str, str, str, tuple[str, ...]]:
    """What identifies a condition entry: series, level, grade and specialty groups."""
    return (series_code, level, grade or "", tuple(sorted(groups or [])))


def _sync_conditions(document: dict[str, Any], series_by_code: dict[str, Series]) -> Counts:
    file_version = int(document.get("version", 1))
    existing = {
        condition_key(row.series.code, row.level, row.grade, row.specialty_groups): row
        for row in ConditionSet.objects.select_related("series")
    }
    wanted: set[tuple] = set()
    to_create, to_update = [], []
    kept = 0
    for entry in document["conditions"]:
        series = series_by_code.get(entry["series"])
        if series is None:
            logger.warning("conditions: unknown series %s skipped", entry["series"])
            continue
        key = condition_key(
            entry["series"], entry["level"], entry.get("grade", ""), entry.get("specialty_groups")
        )
        wanted.add(key)
        values = {
            "text": entry["text"],
            "rules": entry.get("rules", []),
            "version": file_version,
        }
        row = existing.get(key)
        if row is None:
            to_create.append(
                ConditionSet(
                    series=series,
                    level=entry["level"],
                    grade=entry.get("grade", ""),
                    specialty_groups=sorted(entry.get("specialty_groups") or []),
                    **values,
                )
            )
        elif row.version > file_version:
            kept += 1  # edited by the central office after this file: keep the edit
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            to_update.append(row)
    stale = [row.pk for key, row in existing.items() if key not in wanted]

    ConditionSet.objects.bulk_create(to_create)
    if to_update:
        ConditionSet.objects.bulk_update(to_update, ["text", "rules", "version"])
    if stale:
        ConditionSet.objects.filter(pk__in=stale).delete()
    return {
        "created": len(to_create),
        "updated": len(to_update),
        "kept": kept,
        "deleted": len(stale),
        "total": len(existing) + len(to_create) - len(stale),
    }
