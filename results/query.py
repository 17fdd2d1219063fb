"""评审结果查询: what the stages after formal review decided about one application."""

from dataclasses import dataclass

from results.models import ApprovalEntry, Certificate, MeetingEntry, PublicityEntry
from workflow.models import Application


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
