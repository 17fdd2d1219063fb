"""The sections of an application: their data, validation and completeness."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from core.catalog.forms import form_validate_section, section_complete, section_min_attachments
from core.identity.validators import birth_date_from_id_card
from core.models import SectionForm, User
from tenants.translated import schema_text
from workflow.models import Application, Attachment, SectionEntry

FROM_ACCOUNT_KEY = "x-from-account"


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
    label: str = ""  # the title in the reader's language (`title` is the form's Chinese)


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
        label=schema_text(section, "title") or key,
        filled_by=section.get("filled_by", "applicant"),
        schema=section["schema"],
        data=data,
        errors=form_validate_section(form, key, data) if saved else {},
        attachments=attachments,
        min_attachments=section_min_attachments(form, key),
        complete=section_complete(form, key, data, len(attachments)) if saved else False,
    )


def incomplete_sections(application: Application) -> list[str]:
    """Titles of the applicant's sections that are not complete yet, in the reader's language."""
    return [
        state.label
        for state in section_states(application)
        if state.filled_by == "applicant" and not state.complete
    ]


def section_definition(application: Application, key: str) -> dict[str, Any] | None:
    return next((s for s in application.form.sections if s["key"] == key), None)


def account_values(user: User) -> dict[str, str]:
    """What the applicant's verified account says about them, as a section stores it: name and
    ID number, and the gender and birth date the number encodes (GB 11643: the 17th digit is
    odd for men; digits 7-14 are the birth date). A value the account lacks is left out."""
    values = {"name": user.name, "id_card_number": user.id_card_number or ""}
    number = values["id_card_number"]
    try:
        birth = birth_date_from_id_card(number)
    except ValidationError:
        pass  # no number (or an unreadable one): nothing derives from it
    else:
        values["birth_date"] = birth.isoformat()
        values["gender"] = "男" if int(number[16]) % 2 else "女"
    return {name: value for name, value in values.items() if value}


def section_with_account(schema: dict, data: dict, user: User) -> dict:
    """`data` with every property the schema fills from the account (`x-from-account`) set to
    the account's value, whatever `data` held; dropped when the account has no such value, so
    `required` reports it. The applicant cannot change these fields (they are `readOnly`)."""
    sources = {
        name: prop[FROM_ACCOUNT_KEY]
        for name, prop in (schema.get("properties") or {}).items()
        if isinstance(prop, dict) and prop.get(FROM_ACCOUNT_KEY)
    }
    if not sources:
        return data
    values = account_values(user)
    filled = {name: value for name, value in data.items() if name not in sources}
    for name, source in sources.items():
        if source in values:
            filled[name] = values[source]
    return filled
