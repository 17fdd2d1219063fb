"""How far an application has come, as its pages show it: the flow as steps from 申请人 to
通过形式审核 with exactly the current one marked and every step's contacts (the reviewers'
pages), the whole way from the sections to the certificate (`journey_steps`, the applicant's
step indicator), and how many submissions are used and left."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflow.models import Application, NodeKind, TransitionRecord
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


# --- the whole way, from the first section to the certificate (issue 19) ----------------------

# Where an application stands past the flow: the step it waits for (or, certified, has reached).
_AFTER_THE_FLOW = {
    Status.FORMAL_REVIEW_PASSED: "payment",  # "meeting" where no online payment is required
    Status.PAID: "meeting",
    Status.MEETING_PASSED: "publicity",
    Status.IN_PUBLICITY: "publicity",
    Status.PUBLICITY_ENDED: "approval",
    Status.APPROVED: "certificate",
    Status.CERTIFIED: "certificate",
}


@dataclass(frozen=True)
class JourneyStep:
    """One step of the step indicator: done, current (exactly one, unless rejected), to come,
    or the one where the application was not passed."""

    key: str
    label: str
    state: str  # "done" | "current" | "todo" | "failed"
    detail: str = ""  # the sections' "8/12"
    contact_name: str = ""
    contact_phone: str = ""

    @property
    def current(self) -> bool:
        return self.state == "current"


@dataclass(frozen=True)
class SectionCount:
    done: int
    total: int


def section_count(application: Application, states: list) -> SectionCount:
    """The applicant's sections of the pinned form complete / all (the unit's own are not
    the applicant's to fill)."""
    own = [s for s in states if s.filled_by == "applicant"]
    return SectionCount(sum(1 for s in own if s.complete), len(own))


def journey_steps(
    application: Application,
    nodes: list[NodeView],
    sections: SectionCount,
    rejected_from: tuple[str, int | None] | None = None,
) -> list[JourneyStep]:
    """栏目 n/N → 提交 → each node of the pinned flow (基层工作单位, 推荐单位 or the fixed
    authorities, 评审委员会) → 缴费 (where the offering requires it) → 会议评审 → 公示 → 下发批文
    → 颁发证书, computed from codes: the status, the node index, the flow's node kinds.

    `rejected_from` is (status, node index) the application left when it was not passed (the
    last history record): that step is marked failed, those before it done."""
    keys = ["sections", "submit", *(f"node-{i}" for i in range(len(nodes)))]
    if application.offering.payment_required:
        keys.append("payment")
    keys += ["meeting", "publicity", "approval", "certificate"]

    status = application.status
    if status in EDITABLE:
        at = "sections" if sections.done < sections.total else "submit"
    elif status == Status.IN_REVIEW:
        at = f"node-{application.current_node or 0}"
    elif status == Status.REJECTED:
        at = _rejected_step(rejected_from, keys)
    else:
        at = _AFTER_THE_FLOW[status]
        if at == "payment" and "payment" not in keys:
            at = "meeting"
    position = keys.index(at)

    steps = []
    flow = flow_steps(application, nodes)[1:-1]  # the nodes, with their contacts
    for index, key in enumerate(keys):
        if index != position:
            state = "done" if index < position else "todo"
        else:  # certified: the last step, reached
            state = "failed" if status == Status.REJECTED else "current"
        if key.startswith("node-"):
            node = flow[int(key.removeprefix("node-"))]
            steps.append(
                JourneyStep(key, node.label, state, "", node.contact_name, node.contact_phone)
            )
        elif key == "sections":
            detail = f"{sections.done}/{sections.total}"
            steps.append(JourneyStep(key, _("填写栏目"), state, detail))
        else:
            steps.append(JourneyStep(key, str(_JOURNEY_LABELS[key]), state))
    return steps


_JOURNEY_LABELS = {
    "submit": gettext_lazy("提交"),
    "payment": gettext_lazy("缴费"),
    "meeting": gettext_lazy("会议评审"),
    "publicity": gettext_lazy("公示"),
    "approval": gettext_lazy("下发批文"),
    "certificate": gettext_lazy("颁发证书"),
}


def _rejected_step(rejected_from: tuple[str, int | None] | None, keys: list[str]) -> str:
    """The step an application was not passed at: a node during review (formal review at the
    committee), the meeting after formal review, the publicity when its pass was revoked."""
    status, index = rejected_from or ("", None)
    if status == Status.IN_REVIEW:
        key = f"node-{index or 0}"
        return key if key in keys else "meeting"
    if status == Status.IN_PUBLICITY:
        return "publicity"
    return "meeting"


def rejections_from(applications: list[Application]) -> dict[int, tuple[str, int | None]]:
    """For each rejected application, the (status, node index) it was rejected from: one
    query for all of them, none when none is rejected."""
    rejected = [a.pk for a in applications if a.status == Status.REJECTED]
    if not rejected:
        return {}
    records = (
        TransitionRecord.objects.filter(application_id__in=rejected, to_status=Status.REJECTED)
        .order_by("application_id", "-created_at", "-pk")
        .distinct("application_id")
        .values_list("application_id", "from_status", "from_node_index")
    )
    return {pk: (from_status, index) for pk, from_status, index in records}
