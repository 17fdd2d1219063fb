"""The checks and effects of the table's rows after formal review (workflow.transitions names
them; `register` fills them in when the app loads). Checks only check; effects write the
stage's rows in apply_transition's transaction."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from core.certificates.register import next_number
from core.errors import ConflictError
from core.models import CertificateEntry, User
from results.models import (
    ApprovalDocument,
    ApprovalEntry,
    Certificate,
    MeetingEntry,
    MeetingResult,
    Publicity,
    PublicityEntry,
)
from results.rules import VOTE_FIELDS, FailReason, Rule, decide, parse_votes
from tenants.crossing import current_region
from workflow.models import Application
from workflow.states import Status
from workflow.transitions import STAGES


def _open_entry(application: Application, *, lock: bool = False) -> MeetingEntry:
    entries = MeetingEntry.objects.select_related("meeting").filter(application=application)
    if lock:
        entries = entries.select_for_update(of=("self",))
    entry = entries.first()
    if entry is None:
        raise ConflictError(_("该申请书不在任何评审会议的名单上。"), code="not_on_meeting")
    if entry.meeting.closed_at is not None or entry.result:
        raise ConflictError(_("评审会议已结束，结果不能再更改。"), code="meeting_closed")
    return entry


def on_open_meeting(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    _open_entry(application)


def _votes_given(payload: dict[str, Any]) -> bool:
    return any(field in payload for field in VOTE_FIELDS)


def votes_valid(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    entry = _open_entry(application)
    if _votes_given(payload):
        parse_votes(payload, entry.meeting.members)
    elif not entry.has_votes:
        raise ValidationError({"votes_for": [_("请先填写表决票数。")]})


def record_meeting_result(application: Application, payload: dict[str, Any]) -> None:
    """The votes (from the request, else those saved on the meeting's list) decide: passed,
    or rejected with the reason, which the applicant reads."""
    entry = _open_entry(application, lock=True)
    meeting = entry.meeting
    if _votes_given(payload):
        votes = parse_votes(payload, meeting.members)
        for field in VOTE_FIELDS:
            setattr(entry, field, getattr(votes, field))
    votes = parse_votes({f: getattr(entry, f) for f in VOTE_FIELDS}, meeting.members)
    entry.result, entry.reason = decide(Rule.of_meeting(meeting), meeting.members, votes)
    entry.decided_at = timezone.now()
    entry.save()
    if entry.result == MeetingResult.FAILED:
        application.status = Status.REJECTED
        reason = _("会议评审未通过：%(reason)s（出席%(present)d人，赞成%(for)d票）。") % {
            "reason": FailReason(entry.reason).label,
            "present": votes.present,
            "for": votes.votes_for,
        }
        application.last_opinion = reason
        payload["opinion"] = reason  # the history keeps it beside the decision
    else:
        application.last_opinion = ""


def _payload_id(payload: dict[str, Any], field: str) -> int | None:
    value = payload.get(field)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 < value < 2**31 else None
    text = str(value or "").strip()
    return int(text) if text.isdecimal() and len(text) < 10 else None


def _publicity(application: Application, payload: dict[str, Any]) -> Publicity:
    pk = _payload_id(payload, "publicity")
    publicity = (
        Publicity.objects.filter(
            pk=pk, committee_id=application.offering.committee_id, ended_at__isnull=True
        ).first()
        if pk
        else None
    )
    if publicity is None:
        raise ValidationError({"publicity": [_("请选择本评审委员会正在进行的公示。")]})
    return publicity


def publicity_open(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    _publicity(application, payload)


def start_publicity(application: Application, payload: dict[str, Any]) -> None:
    PublicityEntry.objects.create(
        publicity=_publicity(application, payload), application=application
    )


def _document(application: Application, payload: dict[str, Any]) -> ApprovalDocument:
    pk = _payload_id(payload, "approval_document")
    document = (
        ApprovalDocument.objects.filter(
            pk=pk, committee_id=application.offering.committee_id
        ).first()
        if pk
        else None
    )
    if document is None:
        raise ValidationError({"approval_document": [_("请选择本评审委员会的批文。")]})
    return document


def approval_document_valid(
    application: Application, user: User | None, payload: dict[str, Any]
) -> None:
    _document(application, payload)


def approve(application: Application, payload: dict[str, Any]) -> None:
    ApprovalEntry.objects.update_or_create(
        application=application, defaults={"document": _document(application, payload)}
    )


def listed_on_approval(
    application: Application, user: User | None, payload: dict[str, Any]
) -> None:
    if not ApprovalEntry.objects.filter(application=application).exists():
        raise ConflictError(_("该申请书不在任何批文的名单上。"), code="not_approved")


def issue_certificate(application: Application, payload: dict[str, Any]) -> None:
    """The certificate and its public register entry, with a number unique across regions."""
    document = (
        ApprovalEntry.objects.select_related("document").get(application=application).document
    )
    today = timezone.localdate()
    region = current_region()
    certificate = Certificate.objects.create(
        application=application,
        number=next_number(region, today.year),
        holder_name=application.applicant.display_name,
        issued_on=today,
        approval_number=document.number,
        issuing_body=document.issuing_body,
    )
    CertificateEntry.objects.create(
        number=certificate.number,
        region=region,
        application_number=application.number,
        holder=application.applicant,
        holder_name=certificate.holder_name,
        qualification=application.qualification,
        issued_on=today,
        approval_number=document.number,
        issuing_body=document.issuing_body,
    )


def register() -> None:
    for function in (
        on_open_meeting,
        votes_valid,
        record_meeting_result,
        publicity_open,
        start_publicity,
        approval_document_valid,
        approve,
        listed_on_approval,
        issue_certificate,
    ):
        STAGES[function.__name__] = function
