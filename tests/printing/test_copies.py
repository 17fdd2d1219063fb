"""Which copy prints is read from the transition table: test until formal review passed."""

from dataclasses import replace

from printing.copies import OFFICIAL_STATUSES, official_statuses
from workflow.states import Status
from workflow.transitions import TABLE, By

PAST_FORMAL_REVIEW = {
    Status.FORMAL_REVIEW_PASSED,
    Status.PAID,
    Status.MEETING_PASSED,
    Status.IN_PUBLICITY,
    Status.PUBLICITY_ENDED,
    Status.APPROVED,
    Status.CERTIFIED,
}


def test_the_official_copy_starts_where_pass_formal_review_leads():
    assert Status.FORMAL_REVIEW_PASSED in OFFICIAL_STATUSES
    assert OFFICIAL_STATUSES <= PAST_FORMAL_REVIEW
    assert not OFFICIAL_STATUSES & {Status.DRAFT, Status.IN_REVIEW, Status.RETURNED}


def test_rows_added_after_formal_review_extend_it_and_a_rejection_does_not():
    template = TABLE["pass_formal_review"]
    later = {
        "record_meeting_result": replace(
            template,
            action="record_meeting_result",
            sources=frozenset({Status.FORMAL_REVIEW_PASSED}),
            target=Status.MEETING_PASSED,
        ),
        "reject_at_meeting": replace(
            template,
            action="reject_at_meeting",
            sources=frozenset({Status.FORMAL_REVIEW_PASSED}),
            target=Status.REJECTED,
        ),
        "issue_certificate": replace(
            template,
            action="issue_certificate",
            sources=frozenset({Status.MEETING_PASSED}),
            target=Status.CERTIFIED,
            by=By.SYSTEM,
        ),
    }
    statuses = official_statuses({**TABLE, **later})

    # The table's own rows after formal review (results/) are among them already.
    assert statuses == PAST_FORMAL_REVIEW
    assert Status.REJECTED not in statuses
