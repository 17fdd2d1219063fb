"""会议评审: a committee's meetings, their lists and votes; closing decides and locks."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ConflictError
from core.models import User
from results.models import Meeting, MeetingEntry
from results.queues import committee_applications
from results.rules import MAX_MEMBERS, VOTE_FIELDS, Rule, parse_votes
from workflow.models import Application, Committee
from workflow.reviewers import committee_ids_of
from workflow.states import Status
from workflow.transitions import apply_transition


def committees_of(user: User) -> QuerySet[Committee]:
    return Committee.objects.filter(pk__in=committee_ids_of(user)).order_by("sort_order", "pk")


def eligible_for_meeting(user: User) -> QuerySet[Application]:
    """Passed formal review (and paid, where the offering requires it), of the user's
    committees, not yet on a meeting's list."""
    return committee_applications(user).filter(
        Q(status=Status.PAID)
        | Q(status=Status.FORMAL_REVIEW_PASSED, offering__payment_required=False),
        meeting_entry__isnull=True,
    )


def meetings_of(user: User) -> QuerySet[Meeting]:
    return Meeting.objects.filter(committee_id__in=committee_ids_of(user)).select_related(
        "committee"
    )


def meeting_get(user: User, pk: int, *, lock: bool = False) -> Meeting:
    """One of the user's committees' meetings, else the dull 404."""
    meetings = meetings_of(user)
    if lock:
        meetings = meetings.select_for_update(of=("self",))
    meeting = meetings.filter(pk=pk).first()
    if meeting is None:
        raise Http404
    return meeting


def parse_date(value: Any, field: str) -> date:
    try:
        return date.fromisoformat(str(value or "").strip()[:10])
    except ValueError:
        raise ValidationError({field: [_("请填写正确的日期。")]}) from None


def meeting_create(user: User, data: dict[str, Any]) -> Meeting:
    errors: dict[str, list[str]] = {}
    chosen = str(data.get("committee", "")).strip()
    committee = (
        committees_of(user).filter(pk=int(chosen)).first()
        if chosen.isdecimal() and len(chosen) < 10
        else None
    )
    committees = list(committees_of(user)[:2])
    if committee is None and len(committees) == 1:
        committee = committees[0]
    if committee is None:
        errors["committee"] = [_("请选择评审委员会。")]
    try:
        held_on = parse_date(data.get("held_on"), "held_on")
    except ValidationError as error:
        errors.update(error.message_dict)
    place = str(data.get("place", "")).strip()
    if not place or len(place) > 200 or "\x00" in place:
        errors["place"] = [_("请填写会议地点（200字以内）。")]
    members_text = str(data.get("members", "")).strip()
    members = int(members_text) if members_text.isdecimal() and len(members_text) <= 3 else 0
    if not 1 <= members <= MAX_MEMBERS:
        errors["members"] = [_("请填写评审委员人数（1到%(max)d）。") % {"max": MAX_MEMBERS}]
    if errors:
        raise ValidationError(errors)
    rule = Rule.of_committee(committee.pk)
    return Meeting.objects.create(
        committee=committee,
        held_on=held_on,
        place=place,
        members=members,
        quorum_numerator=rule.quorum.numerator,
        quorum_denominator=rule.quorum.denominator,
        pass_numerator=rule.passing.numerator,
        pass_denominator=rule.passing.denominator,
        created_by=user,
    )


def _still_open(meeting: Meeting) -> None:
    if meeting.closed_at is not None:
        raise ConflictError(_("评审会议已结束，结果不能再更改。"), code="meeting_closed")


@transaction.atomic
def meeting_add(user: User, pk: int, numbers: list[str]) -> int:
    """Put eligible applications of the meeting's committee on its list; how many were added."""
    meeting = meeting_get(user, pk, lock=True)
    _still_open(meeting)
    chosen = list(
        eligible_for_meeting(user)
        .filter(offering__committee_id=meeting.committee_id, number__in=numbers[:500])
        .select_for_update(of=("self",))
    )
    if not chosen:
        raise ValidationError({"numbers": [_("请选择可参加会议评审的申请书。")]})
    MeetingEntry.objects.bulk_create(
        MeetingEntry(meeting=meeting, application=application) for application in chosen
    )
    return len(chosen)


@transaction.atomic
def entry_remove(user: User, pk: int, entry_id: int) -> None:
    meeting = meeting_get(user, pk, lock=True)
    _still_open(meeting)
    deleted, _rows = meeting.entries.filter(pk=entry_id, result="").delete()
    if not deleted:
        raise Http404


@transaction.atomic
def votes_save(user: User, pk: int, entry_id: int, data: dict[str, Any]) -> MeetingEntry:
    """The votes on one application, kept on the list until the meeting closes."""
    meeting = meeting_get(user, pk, lock=True)
    _still_open(meeting)
    entry = meeting.entries.filter(pk=entry_id, result="").first()
    if entry is None:
        raise Http404
    votes = parse_votes(data, meeting.members)
    for field in VOTE_FIELDS:
        setattr(entry, field, getattr(votes, field))
    entry.save(update_fields=list(VOTE_FIELDS))
    return entry


@transaction.atomic
def meeting_close(user: User, pk: int) -> Meeting:
    """结束会议: every application on the list is decided by its votes (through the table) and
    the results are locked; refused while any has no votes."""
    meeting = meeting_get(user, pk, lock=True)
    _still_open(meeting)
    pending = list(meeting.entries.filter(result="").select_related("application"))
    missing = [e.application.number for e in pending if not e.has_votes]
    if missing:
        raise ConflictError(
            _("以下申请书尚未填写表决票数：%(numbers)s") % {"numbers": "、".join(missing)},
            code="votes_missing",
        )
    if not meeting.entries.exists():
        raise ConflictError(_("会议名单为空。"), code="empty_meeting")
    for entry in pending:
        apply_transition(
            number=entry.application.number, action="record_meeting_result", actor=user
        )
    meeting.closed_at = timezone.now()
    meeting.save(update_fields=["closed_at"])
    return meeting
