"""The step indicator of an application, computed from codes (workflow.progress.journey_steps).

阿丽娅's application passes 栏目 → 提交 → 基层工作单位 → 推荐单位 → 县(市)行业主管局 → 评审委员会
→ (缴费) → 会议评审 → 公示 → 下发批文 → 颁发证书. For every status and every node of its flow,
exactly one step is current and all before it are done; a rejection marks where it happened
instead.
No database: the application and its flow are built in memory.
"""

import pytest
from django.utils import translation

from core.models import Authority, Unit
from workflow.models import Application, NodeKind, Offering
from workflow.progress import SectionCount, journey_steps
from workflow.selectors import NodeView
from workflow.states import Status

NODES = [
    NodeView(NodeKind.BASE_UNIT, "基层工作单位"),
    NodeView(NodeKind.RECOMMENDING_UNIT, "推荐单位"),
    NodeView(NodeKind.AUTHORITY, "县(市)行业主管局", "王主任", "0991-1234567"),
    NodeView(NodeKind.COMMITTEE, "乌鲁木齐市中小学教师评审委员会"),
]
FILLED = SectionCount(12, 12)
AFTER = ["meeting", "publicity", "approval", "certificate"]


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def application(status: str, node: int | None = None, *, payment: bool = False) -> Application:
    unit = Unit(name="乌鲁木齐市第十中学", contact_name="李老师", contact_phone="13800000000")
    return Application(
        status=status,
        current_node=node,
        offering=Offering(payment_required=payment),
        unit=unit,
        recommending_unit=Authority(name="乌鲁木齐市教育局", contact_phone="0991-7654321"),
    )


def states(steps) -> dict[str, str]:
    return {step.key: step.state for step in steps}


def test_the_steps_run_from_the_sections_to_the_certificate_in_order():
    steps = journey_steps(application(Status.DRAFT), NODES, SectionCount(3, 12))
    assert [s.label for s in steps] == [
        "填写栏目",
        "提交",
        "基层工作单位",
        "推荐单位",
        "县(市)行业主管局",
        "乌鲁木齐市中小学教师评审委员会",
        "会议评审",
        "公示",
        "下发批文",
        "颁发证书",
    ]
    assert steps[0].detail == "3/12"
    with_payment = journey_steps(application(Status.DRAFT, payment=True), NODES, FILLED)
    assert [s.key for s in with_payment][-5:] == ["payment", *AFTER]


def test_while_sections_are_missing_the_sections_are_current_then_the_submit():
    assert states(journey_steps(application(Status.DRAFT), NODES, SectionCount(11, 12))) == {
        "sections": "current",
        "submit": "todo",
        **{f"node-{i}": "todo" for i in range(4)},
        **dict.fromkeys(AFTER, "todo"),
    }
    for status in (Status.DRAFT, Status.RETURNED):
        got = states(journey_steps(application(status), NODES, FILLED))
        assert (got["sections"], got["submit"], got["node-0"]) == ("done", "current", "todo")


@pytest.mark.parametrize("node", range(len(NODES)))
def test_in_review_the_node_it_waits_at_is_current(node):
    steps = journey_steps(application(Status.IN_REVIEW, node), NODES, FILLED)
    keys = [s.key for s in steps]
    current = keys.index(f"node-{node}")
    assert [s.state for s in steps] == ["done"] * current + ["current"] + ["todo"] * (
        len(keys) - current - 1
    )


@pytest.mark.parametrize(
    ("status", "payment", "current"),
    [
        (Status.FORMAL_REVIEW_PASSED, True, "payment"),
        (Status.FORMAL_REVIEW_PASSED, False, "meeting"),
        (Status.PAID, True, "meeting"),
        (Status.MEETING_PASSED, False, "publicity"),
        (Status.IN_PUBLICITY, False, "publicity"),
        (Status.PUBLICITY_ENDED, False, "approval"),
        (Status.APPROVED, True, "certificate"),
        (Status.CERTIFIED, False, "certificate"),
    ],
)
def test_past_the_flow_the_step_it_waits_for_is_current(status, payment, current):
    steps = journey_steps(application(status, payment=payment), NODES, FILLED)
    keys = [s.key for s in steps]
    at = keys.index(current)
    assert [s.state for s in steps][:at] == ["done"] * at
    assert steps[at].state == "current"
    assert {s.state for s in steps[at + 1 :]} <= {"todo"}


@pytest.mark.parametrize(
    ("rejected_from", "failed"),
    [
        ((Status.IN_REVIEW, 3), "node-3"),  # formal review at the committee
        ((Status.FORMAL_REVIEW_PASSED, None), "meeting"),
        ((Status.PAID, None), "meeting"),
        ((Status.IN_PUBLICITY, None), "publicity"),  # the pass revoked on an objection
        (None, "meeting"),
    ],
)
def test_a_rejection_marks_where_it_happened_and_nothing_current(rejected_from, failed):
    steps = journey_steps(application(Status.REJECTED), NODES, FILLED, rejected_from)
    got = states(steps)
    assert got[failed] == "failed"
    assert "current" not in got.values()
    keys = list(got)
    assert {got[k] for k in keys[: keys.index(failed)]} == {"done"}


@pytest.mark.parametrize("status", list(Status))
def test_every_status_has_exactly_one_current_step_or_one_failed(status):
    node = 1 if status == Status.IN_REVIEW else None
    steps = journey_steps(application(status, node, payment=True), NODES, FILLED)
    marked = [s.state for s in steps if s.state in ("current", "failed")]
    assert marked == (["failed"] if status == Status.REJECTED else ["current"])


def test_the_nodes_carry_their_contacts():
    steps = {s.key: s for s in journey_steps(application(Status.DRAFT), NODES, FILLED)}
    assert (steps["node-0"].contact_name, steps["node-0"].contact_phone) == (
        "李老师",
        "13800000000",
    )
    assert "0991-7654321" in steps["node-1"].contact_phone
    assert steps["node-2"].contact_name == "王主任"
