"""How far an application has come, as its pages show it: the flow as steps from 申请人 to
通过形式审核 with exactly the current one marked and every step's contacts, and how many
submissions are used and left."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from workflow.models import Application, NodeKind
from workflow.selectors import NodeView
from workflow.states import EDITABLE, Status


@dataclass(frozen=True)
class Step:
    label: str
    kind: str
    current: bool
    contact_name: str = ""
    contact_phone: str = ""


def flow_steps(application: Application, nodes: list[NodeView]) -> list[Step]:
    """申请人 → each node of the pinned flow → 通过形式审核, exactly one of them current (none
    when the application was rejected). Base unit and recommending unit show their contacts:
    the application's unit, and the recommending unit it went to (or, before the unit chose,
    those it may choose)."""
    status = application.status
    steps = [Step(_("申请人"), "applicant", status in EDITABLE)]
    for index, node in enumerate(nodes):
        name, phone = node.contact_name, node.contact_phone
        if node.kind == NodeKind.BASE_UNIT:
            name, phone = application.unit.contact_name, application.unit.contact_phone
        elif node.kind == NodeKind.RECOMMENDING_UNIT:
            chosen = application.recommending_unit
            choices = [chosen] if chosen else list(application.unit.recommending_units.all())
            name = "、".join(f"{a.name} {a.contact_name}".strip() for a in choices)
            phone = "、".join(a.contact_phone for a in choices if a.contact_phone)
        steps.append(
            Step(
                node.label,
                node.kind,
                status == Status.IN_REVIEW and index == application.current_node,
                name,
                phone,
            )
        )
    past = status not in EDITABLE and status not in (Status.IN_REVIEW, Status.REJECTED)
    steps.append(Step(str(Status.FORMAL_REVIEW_PASSED.label), "end", past))
    return steps


@dataclass(frozen=True)
class Submissions:
    done: int
    most: int
    left: int
    # Editable with one submission left: the page warns before it is used.
    last_one: bool
    # Before the deadline, while the applicant can still submit: days left (else None).
    days_to_deadline: int | None


def submissions(application: Application, now) -> Submissions:
    offering = application.offering
    left = max(offering.max_submissions - application.submission_count, 0)
    editable = application.status in EDITABLE
    days = (
        (offering.closes_at - now).days
        if editable and offering.window_state(now) == "open"
        else None
    )
    return Submissions(
        done=application.submission_count,
        most=offering.max_submissions,
        left=left,
        last_one=editable and left == 1,
        days_to_deadline=days,
    )
