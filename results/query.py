"""评审结果查询: what the stages after formal review decided about one application."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from core.models import Role, User
from results.models import (
    ApprovalEntry,
    Certificate,
    MeetingEntry,
    MeetingResult,
    PublicityEntry,
)
from workflow.models import Application
from workflow.reviewers import reviewable_filter

# Who reads the list of their applications' results: the units and authorities that sent them.
ORGANIZATION_ROLES = (Role.UNIT_ADMIN, Role.AUTHORITY_REVIEWER)


class Outcome:
    """The list's filter: where an application's result stands (codes of the query string)."""

    PENDING = "pending"  # listed for a meeting, not decided yet
    PASSED = "passed"
    FAILED = "failed"
    CERTIFIED = "certified"


OUTCOME_FILTERS = {
    Outcome.PENDING: Q(meeting_entry__result=""),
    Outcome.PASSED: Q(meeting_entry__result=MeetingResult.PASSED),
    Outcome.FAILED: Q(meeting_entry__result=MeetingResult.FAILED),
    Outcome.CERTIFIED: Q(certificate__isnull=False),
}


@dataclass(frozen=True)
class Result:
    meeting: MeetingEntry | None
    publicity: PublicityEntry | None
    approval: ApprovalEntry | None
    certificate: Certificate | None


def result_of(application: Application) -> Result:
    """Each stage's row, if the application got there (four small reads by key)."""
    return Result(
        meeting=MeetingEntry.objects.select_related("meeting")
        .filter(application=application)
        .first(),
        publicity=PublicityEntry.objects.select_related("publicity")
        .filter(application=application)
        .first(),
        approval=ApprovalEntry.objects.select_related("document")
        .filter(application=application)
        .first(),
        certificate=Certificate.objects.filter(application=application).first(),
    )


def organization_results(
    user: User, *, year: int | None = None, outcome: str = ""
) -> QuerySet[Application]:
    """The results of the applications a unit or authority sent (those that reached a meeting),
    every stage's row joined in the same query, newest meeting first."""
    scope = reviewable_filter(user) if user.role in ORGANIZATION_ROLES else None
    if scope is None:
        return Application.objects.none()
    rows = Application.objects.filter(scope, meeting_entry__isnull=False)
    if year:
        rows = rows.filter(year=year)
    if outcome in OUTCOME_FILTERS:
        rows = rows.filter(OUTCOME_FILTERS[outcome])
    return rows.select_related(
        "applicant",
        "unit",
        "qualification__specialty__series",
        "meeting_entry__meeting",
        "publicity_entry__publicity",
        "approval_entry__document",
        "certificate",
    ).order_by("-meeting_entry__meeting__held_on", "number")
