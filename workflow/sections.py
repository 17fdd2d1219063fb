"""The sections of an application: their data, validation and completeness."""

from dataclasses import dataclass, field
from typing import Any

from core.catalog.forms import form_validate_section, section_complete, section_min_attachments
from core.models import SectionForm
from workflow.models import Application, Attachment, SectionEntry


@dataclass
class SectionState:
    key: str
    title: str
    filled_by: str
    schema: dict
    data: dict
    errors: dict[str, list[str]]
    attachments: list[Attachment] = field(default_factory=list)
    min_attachments: int = 0
    complete: bool = False


def section_states(
    application: Application,
    *,
    entries: list[SectionEntry] | None = None,
    attachments: list[Attachment] | None = None,
) -> list[SectionState]:
    """Every section of the pinned form, with what was saved, its errors and completeness.

    Two queries whatever the number of sections (pass prefetched rows to make it none).
    """
    form = application.form
    if entries is None:
        entries = list(application.sections.all())
    if attachments is None:
        attachments = list(application.attachments.all())
    data_by_key = {entry.key: entry.data for entry in entries}
    files: dict[str, list[Attachment]] = {}
    for attachment in attachments:
        files.setdefault(attachment.section, []).append(attachment)
    return [
        _state(form, section, data_by_key.get(section["key"]), files.get(section["key"], []))
        for section in form.sections
    ]


def section_state(application: Application, section: dict, data: dict | None) -> SectionState:
    """One section's state for `data` (None: never saved), with its attachments (one query)."""
    attachments = list(application.attachments.filter(section=section["key"]))
    return _state(application.form, section, data, attachments)


def _state(
    form: SectionForm, section: dict, data: dict | None, attachments: list[Attachment]
) -> SectionState:
    key = section["key"]
    saved = data is not None
    data = data if saved else {}
    return SectionState(
        key=key,
        title=section["title"],
        filled_by=section.get("filled_by", "applicant"),
        schema=section["schema"],
        data=data,
        errors=form_validate_section(form, key, data) if saved else {},
        attachments=attachments,
        min_attachments=section_min_attachments(form, key),
        complete=section_complete(form, key, data, len(attachments)) if saved else False,
    )


def incomplete_sections(application: Application) -> list[str]:
    """Titles of the applicant's sections that are not complete yet."""
    return [
        state.title
        for state in section_states(application)
        if state.filled_by == "applicant" and not state.complete
    ]


def section_definition(application: Application, key: str) -> dict[str, Any] | None:
    return next((s for s in application.form.sections if s["key"] == key), None)
