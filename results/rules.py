"""The committee's voting rule: whether a meeting passes an application, from its votes alone
(nobody types the result)."""

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from results.models import Meeting, MeetingResult, VotingRule

MAX_MEMBERS = 999
VOTE_FIELDS = ("present", "votes_for", "votes_against", "abstain")


class FailReason(models.TextChoices):
    NO_QUORUM = "no_quorum", gettext_lazy("出席会议的评审委员未达到规定人数")
    TOO_FEW_FOR = "too_few_for", gettext_lazy("赞成票未达到出席评审委员的规定比例")


@dataclass(frozen=True)
class Rule:
    quorum: Fraction = Fraction(2, 3)  # of the members, present
    passing: Fraction = Fraction(2, 3)  # of those present, voting for

    @classmethod
    def of_meeting(cls, meeting: Meeting) -> "Rule":
        return cls(
            Fraction(meeting.quorum_numerator, meeting.quorum_denominator),
            Fraction(meeting.pass_numerator, meeting.pass_denominator),
        )

    @classmethod
    def of_committee(cls, committee_id: int) -> "Rule":
        rule = VotingRule.objects.filter(committee_id=committee_id).first()
        if rule is None:
            return cls()
        return cls(
            Fraction(rule.quorum_numerator, rule.quorum_denominator),
            Fraction(rule.pass_numerator, rule.pass_denominator),
        )


@dataclass(frozen=True)
class Votes:
    present: int
    votes_for: int
    votes_against: int
    abstain: int


def decide(rule: Rule, members: int, votes: Votes) -> tuple[str, str]:
    """(result, failure reason code): the quorum first, then the share voting for, both with
    "at least" (9 members: 6 present is a quorum; 6 present: 4 for passes)."""
    if votes.present < rule.quorum * members:
        return MeetingResult.FAILED, FailReason.NO_QUORUM
    if votes.votes_for < rule.passing * votes.present or votes.present == 0:
        return MeetingResult.FAILED, FailReason.TOO_FEW_FOR
    return MeetingResult.PASSED, ""


def _count(value: Any, field: str, errors: dict[str, list[str]]) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, str) and value.strip().isdecimal() and len(value.strip()) <= 4:
        value = int(value.strip())
    if not isinstance(value, int) or not 0 <= value <= MAX_MEMBERS:
        errors[field] = [_("请填写0到%(max)d之间的整数。") % {"max": MAX_MEMBERS}]
        return 0
    return value


def parse_votes(data: dict[str, Any], members: int) -> Votes:
    """Votes from a form or the API, checked against the meeting's members; ValidationError
    names each wrong field."""
    errors: dict[str, list[str]] = {}
    counts = {field: _count(data.get(field), field, errors) for field in VOTE_FIELDS}
    if not errors:
        if counts["present"] > members:
            errors["present"] = [
                _("出席委员不能多于评审委员人数（%(members)d人）。") % {"members": members}
            ]
        elif counts["votes_for"] + counts["votes_against"] + counts["abstain"] != counts["present"]:
            errors["present"] = [_("赞成、反对、弃权票数之和应等于出席委员人数。")]
    if errors:
        raise ValidationError(errors)
    return Votes(**counts)


def parse_fraction(numerator: Any, denominator: Any) -> Fraction:
    """A rule's fraction from a form: 1/2 to 1 (a meeting of none passes nothing)."""
    try:
        value = Fraction(int(str(numerator)[:4]), int(str(denominator)[:4]))
    except (ValueError, ZeroDivisionError):
        raise ValidationError(_("请填写正确的比例。")) from None
    if not Fraction(1, 2) <= value <= 1:
        raise ValidationError(_("比例应在二分之一到一之间。"))
    return value
