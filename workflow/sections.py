"""The sections of an application: their data, validation and completeness."""

from dataclasses import dataclass, field
from typing import Any

from core.catalog.forms import form_validate_section, section_complete, section_min_attachments
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
    states = []
    for section in form.sections:
        key = section["key"]
        data = data_by_key.get(key, {})
        errors = form_validate_section(form, key, data) if key in data_by_key else {}
        states.append(
            SectionState(
                key=key,
                title=section["title"],
                filled_by=section.get("filled_by", "applicant"),
                schema=section["schema"],
                data=data,
                errors=errors,
                attachments=files.get(key, []),
                min_attachments=section_min_attachments(form, key),
                complete=section_complete(form, key, data, len(files.get(key, [])))
                if key in data_by_key
                else False,
            )
        )
    return states


def incomplete_sections(application: Application) -> list[str]:
    """Titles of the applicant's sections that are not complete yet."""
    return [
        state.title
        for state in section_states(application)
        if state.filled_by == "applicant" and not state.complete
    ]


def section_definition(application: Application, key: str) -> dict[str, Any] | None:
    return next((s for s in application.form.sections if s["key"] == key), None)
