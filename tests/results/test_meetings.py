"""会议评审: the committee's rule decides from the votes; closing the meeting locks the results."""

from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from core.errors import ConflictError
from core.models import Role
from results.meetings import (
    eligible_for_meeting,
    meeting_add,
    meeting_close,
    meeting_create,
    meeting_get,
    votes_save,
)
from results.models import MeetingEntry, VotingRule
from results.rules import FailReason, Rule, Votes, decide, parse_votes
from tenants.crossing import in_region
from tenants.models import Region
from tests.results.conftest import HOME, last_record, passed_formal_review, status_of
from tests.support import client_for
from workflow.models import Application
from workflow.states import Status
from workflow.transitions import apply_transition

PASSED, FAILED = "passed", "failed"


def votes(present: int, votes_for: int) -> Votes:
    return Votes(present, votes_for, present - votes_for, 0)


@pytest.mark.parametrize(
    ("members", "present", "votes_for", "expected"),
    [
        (9, 6, 4, PASSED),  # exactly two thirds present, exactly two thirds of them for
        (9, 5, 5, (FAILED, FailReason.NO_QUORUM)),  # one short of the quorum, all for
        (9, 6, 3, (FAILED, FailReason.TOO_FEW_FOR)),  # quorum, one vote short
        (10, 7, 5, PASSED),  # 7 ≥ 6⅔, 5 ≥ 4⅔
        (10, 6, 6, (FAILED, FailReason.NO_QUORUM)),  # 6 < 6⅔
        (10, 7, 4, (FAILED, FailReason.TOO_FEW_FOR)),  # 4 < 4⅔
        (15, 10, 7, PASSED),
        (15, 15, 9, (FAILED, FailReason.TOO_FEW_FOR)),  # 9 < 10
    ],
)
def test_the_default_rule_at_the_quorum_and_two_thirds_boundaries(
    members, present, votes_for, expected
):
    result = decide(Rule(), members, votes(present, votes_for))
    assert result == ((PASSED, "") if expected == PASSED else expected)


def test_a_committee_may_have_its_own_rule():
    simple_majority = Rule(quorum=Fraction(1, 2), passing=Fraction(1, 2))
    assert decide(simple_majority, 10, votes(5, 3))[0] == PASSED
    assert decide(simple_majority, 10, votes(4, 4)) == (FAILED, FailReason.NO_QUORUM)
    assert decide(Rule(), 10, votes(5, 3))[0] == FAILED


@pytest.mark.parametrize(
    "data",
    [
        {"present": 10, "votes_for": 10, "votes_against": 0, "abstain": 0},  # more than members
        {"present": 6, "votes_for": 4, "votes_against": 1, "abstain": 0},  # sum differs
        {"present": "6\x00", "votes_for": 4, "votes_against": 2, "abstain": 0},
        {"present": 10**30, "votes_for": 4, "votes_against": 2, "abstain": 0},
        {"present": -1, "votes_for": 4, "votes_against": 2, "abstain": 0},
        {"present": True, "votes_for": 1, "votes_against": 0, "abstain": 0},
        {"votes_for": 4},
    ],
)
def test_wrong_votes_are_refused_field_by_field(data):
    with pytest.raises(ValidationError):
        parse_votes(data, 9)


def _meeting(staff, members=9):
    with in_region(HOME):
        return meeting_create(
            staff,
            {
                "held_on": timezone.localdate().isoformat(),
                "place": "人民路1号会议室",
                "members": members,
            },
        )


def test_the_meeting_decides_by_the_votes_and_closing_locks_the_results(staff, numbers, applicants):
    """Two pass, one fails for want of votes: the applicant reads why; after closing nothing
    changes any more."""
    meeting = _meeting(staff)
    with in_region(HOME):
        assert {a.number for a in eligible_for_meeting(staff)} == set(numbers)
        assert meeting_add(staff, meeting.pk, numbers[:3]) == 3
        entries = {e.application.number: e for e in meeting.entries.select_related("application")}
        for number, (present, votes_for) in zip(numbers[:3], [(9, 9), (6, 4), (6, 3)], strict=True):
            votes_save(
                staff,
                meeting.pk,
                entries[number].pk,
                {
                    "present": str(present),
                    "votes_for": str(votes_for),
                    "votes_against": str(present - votes_for),
                    "abstain": "0",
                },
            )
        # Saving votes decides nothing yet: the statuses wait for the end of the meeting.
        assert Application.objects.filter(status=Status.FORMAL_REVIEW_PASSED).count() == 4
        meeting_close(staff, meeting.pk)
    assert [status_of(n) for n in numbers[:3]] == [
        Status.MEETING_PASSED,
        Status.MEETING_PASSED,
        Status.REJECTED,
    ]
    with in_region(HOME):
        failed = Application.objects.get(number=numbers[2])
        assert "赞成票未达到出席评审委员的规定比例" in failed.last_opinion
        assert MeetingEntry.objects.get(application=failed).reason == FailReason.TOO_FEW_FOR
    record = last_record(numbers[2])
    assert (record.action, record.to_status, record.actor_id) == (
        "record_meeting_result",
        Status.REJECTED,
        staff.pk,
    )
    assert "出席6人，赞成3票" in record.opinion

    # The applicant reads the result and the reason on her result page.
    client = client_for(HOME)
    client.force_login(applicants[2])
    page = client.get(f"/applications/{numbers[2]}/result/").content.decode()
    assert "未通过" in page and "赞成票未达到出席评审委员的规定比例" in page

    # Locked: no more votes, no more names, no more results, through any door.
    with in_region(HOME):
        entry = meeting.entries.get(application__number=numbers[0])
        with pytest.raises(ConflictError) as closed:
            votes_save(
                staff,
                meeting.pk,
                entry.pk,
                {"present": 9, "votes_for": 0, "votes_against": 9, "abstain": 0},
            )
        assert closed.value.code == "meeting_closed"
        with pytest.raises(ConflictError):
            meeting_add(staff, meeting.pk, numbers[3:])
        with pytest.raises(ConflictError):
            meeting_close(staff, meeting.pk)
        # The fourth, never on this meeting, is refused by the table's condition.
        with pytest.raises(ConflictError) as off_list:
            apply_transition(
                number=numbers[3],
                action="record_meeting_result",
                actor=staff,
                payload={"present": 9, "votes_for": 9, "votes_against": 0, "abstain": 0},
            )
        assert off_list.value.code == "not_on_meeting"
        assert MeetingEntry.objects.get(application__number=numbers[0]).votes_for == 9


def test_a_meeting_cannot_close_while_an_application_has_no_votes(staff, numbers):
    meeting = _meeting(staff)
    with in_region(HOME):
        meeting_add(staff, meeting.pk, numbers[:2])
        with pytest.raises(ConflictError) as missing:
            meeting_close(staff, meeting.pk)
        assert missing.value.code == "votes_missing"
        assert numbers[0] in str(missing.value)
        assert meeting_get(staff, meeting.pk).closed_at is None
    assert status_of(numbers[0]) == Status.FORMAL_REVIEW_PASSED


def test_the_api_records_a_result_from_votes_and_nobody_types_pass_or_fail(staff, numbers):
    meeting = _meeting(staff, members=9)
    with in_region(HOME):
        meeting_add(staff, meeting.pk, numbers[:2])
    client = client_for(HOME)
    client.force_login(staff)
    url = f"/api/v1/applications/{numbers[0]}/transitions/"
    passed = client.post(
        url,
        {
            "action": "record_meeting_result",
            "present": 8,
            "votes_for": 6,
            "votes_against": 1,
            "abstain": 1,
            "result": "failed",
        },
        content_type="application/json",
    )
    assert passed.status_code == 200, passed.content
    assert passed.json()["status"] == Status.MEETING_PASSED  # "result" is not an input
    no_quorum = client.post(
        f"/api/v1/applications/{numbers[1]}/transitions/",
        {
            "action": "record_meeting_result",
            "present": 5,
            "votes_for": 5,
            "votes_against": 0,
            "abstain": 0,
        },
        content_type="application/json",
    )
    assert no_quorum.json()["status"] == Status.REJECTED
    bad = client.post(
        url.replace(numbers[0], numbers[2]),
        {"action": "record_meeting_result", "present": "x"},
        content_type="application/json",
    )
    assert bad.status_code == 409  # not on any meeting


def test_the_meeting_copies_the_committee_s_rule(staff, offering, numbers):
    with in_region(HOME):
        VotingRule.objects.create(
            committee=offering.committee,
            quorum_numerator=1,
            quorum_denominator=2,
            pass_numerator=1,
            pass_denominator=2,
        )
    meeting = _meeting(staff, members=10)
    with in_region(HOME):
        meeting_add(staff, meeting.pk, numbers[:1])
        entry = meeting.entries.get()
        votes_save(
            staff,
            meeting.pk,
            entry.pk,
            {"present": 5, "votes_for": 3, "votes_against": 2, "abstain": 0},
        )
        meeting_close(staff, meeting.pk)
    assert status_of(numbers[0]) == Status.MEETING_PASSED


def test_an_offering_with_a_fee_comes_to_the_meeting_only_once_paid(
    staff, offering, unit, make_user
):
    with in_region(HOME):
        offering.payment_required = True
        offering.save(update_fields=["payment_required"])
    unpaid = passed_formal_review(offering, unit, make_user(Role.APPLICANT))
    paid = passed_formal_review(offering, unit, make_user(Role.APPLICANT))
    with in_region(HOME):
        Application.objects.filter(number=paid).update(status=Status.PAID)
        assert [a.number for a in eligible_for_meeting(staff)] == [paid]
        meeting = meeting_create(staff, {"held_on": "2026-06-01", "place": "会议室", "members": 9})
        assert meeting_add(staff, meeting.pk, [unpaid, paid]) == 1


def test_another_committee_or_region_gets_the_dull_404(staff, numbers, make_user):
    meeting = _meeting(staff)
    stranger = make_user(Role.COMMITTEE_STAFF, region=Region.objects.get(schema_name=HOME))
    foreign = make_user(Role.COMMITTEE_STAFF, region=Region.objects.get(schema_name="karamay"))
    with in_region(HOME), pytest.raises(Http404):
        meeting_get(stranger, meeting.pk)
    for person, code in ((stranger, HOME), (foreign, HOME), (foreign, "karamay")):
        client = client_for(code)
        client.force_login(person)
        assert client.get(f"/results/meetings/{meeting.pk}/").status_code == 404
    own = client_for(HOME)
    own.force_login(staff)
    assert own.get(f"/results/meetings/{meeting.pk}/").status_code == 200


@pytest.mark.parametrize("odd", ["abc", "²", "１２", "9" * 40, ""])
def test_odd_input_is_a_clear_refusal_never_a_500(staff, numbers, odd):
    client = client_for(HOME)
    client.force_login(staff)
    created = client.post(
        "/results/meetings/", {"committee": odd, "held_on": odd, "place": "会议室", "members": odd}
    )
    assert created.status_code == 200  # the form again, with the messages
    api = client.post(
        f"/api/v1/applications/{numbers[0]}/transitions/",
        {"action": "start_publicity", "publicity": odd},
        content_type="application/json",
    )
    assert api.status_code in (400, 409)
    objection = client_for(HOME).post(
        "/api/v1/publicity/1/objections/",
        {"name": "a", "contact": "b", "reason": "c", "entry": odd},
        content_type="application/json",
    )
    assert objection.status_code in (400, 404)
