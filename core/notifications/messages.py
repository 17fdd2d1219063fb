"""A notification's words as codes, put into words in each recipient's language when it is sent.

The sender (a unit reviewing in Chinese, the scheduler, a committee) is not the reader: a title
built with the sender's active language would reach a Uyghur applicant in Chinese. So senders
pass a `message(...)`: the Chinese msgid (marked with gettext_noop so makemessages extracts it)
and parameters that are plain text (numbers, names, typed opinions) or codes:

- `{"status": "returned"}`: an application status, read as its label;
- `{"qualification": 12}`: a qualification, read as its name;
- `{"msgid": "已接收"}`: any message of the .po files (`source_text(SomeChoices(x).label)`).

`render(spec)` reads them in the active language; a plain string stays as it is.
"""

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext

from core.models import Qualification
from core.models.applications import Status

Spec = dict[str, Any]


def message(msgid: str, **params: Any) -> Spec:
    """A notification title or body to put into words for each recipient."""
    return {"msgid": str(msgid), "params": params}


def source_text(label: Promise | str) -> str:
    """The msgid of a lazily translated label (its text in the source language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def _param(value: Any, qualifications: dict[int, Qualification]) -> str:
    if not isinstance(value, dict):
        return str(value)
    if "status" in value:
        return str(Status(value["status"]).label)
    if "qualification" in value:
        qualification = qualifications.get(int(value["qualification"]))
        return qualification.local_name if qualification else ""
    if "msgid" in value:
        return gettext(str(value["msgid"]))
    return ""


def _qualification_ids(specs: list[Any]) -> set[int]:
    return {
        int(value["qualification"])
        for spec in specs
        if isinstance(spec, dict)
        for value in spec.get("params", {}).values()
        if isinstance(value, dict) and "qualification" in value
    }


def qualifications_of(*specs: Any) -> dict[int, Qualification]:
    """The qualifications the messages name, read once for every recipient."""
    ids = _qualification_ids(list(specs))
    if not ids:
        return {}
    rows = Qualification.objects.select_related("specialty__series").filter(pk__in=ids)
    return {q.pk: q for q in rows}


def render(spec: Spec | str, qualifications: dict[int, Qualification] | None = None) -> str:
    """The message in the active language (a plain string as it is)."""
    if not isinstance(spec, dict):
        return str(spec)
    known = qualifications if qualifications is not None else qualifications_of(spec)
    params = {name: _param(value, known) for name, value in spec.get("params", {}).items()}
    text = gettext(spec["msgid"])
    return text % params if params else text
