"""The transition table walked from the table itself: every row × every state × every role.

The cast reviews a four-node flow (base unit → recommending unit → a fixed county bureau →
committee). Which organization reviews which kind of node is the test's own knowledge
(`REVIEWS`); what each row allows is read from the row. For every combination the engine must
agree: fired as that person, the row succeeds exactly when the row says it may (reaching its
target state and writing a history entry in codes), is refused with 409 when it is that
person's to do at another moment, and with 403 when it never is; and the buttons
(`allowed_actions`) are exactly the actions that succeed.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.errors import ConflictError
from core.models import Authority, OrgKind, Qualification, Role
from results.models import ApprovalDocument, ApprovalEntry, Meeting, MeetingEntry, Publicity
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import complete_unit
from tests.workflow.conftest import create, fill_every_section
from workflow.history import history_rows
from workflow.models import Application, CommitteeStaff, NodeKind, TransitionRecord
from workflow.reviewers import PAST_THE_FLOW
from workflow.setup import committee_save, offering_save
from workflow.states import Status
from workflow.transitions import (
    TABLE,
    By,
    SystemActor,
    Transition,
    allowed_actions,
    apply_transition,
)

PAYLOAD = {
    "opinion": "该同志材料齐全，同意推荐。",
    "responsible_person": "如则麦",
    "responsible_phone": "15999370000",
}
# Who reviews which kind of node: the test's own statement of the rule.
REVIEWS = {
    NodeKind.BASE_UNIT: "unit_admin",
    NodeKind.RECOMMENDING_UNIT: "recommending_authority",
    NodeKind.AUTHORITY: "county_bureau",
    NodeKind.COMMITTEE: "committee_staff",
}
ORG_KIND = {
    "owner": OrgKind.APPLICANT,
    "unit_admin": OrgKind.UNIT,
    "recommending_authority": OrgKind.AUTHORITY,
    "county_bureau": OrgKind.AUTHORITY,
    "committee_staff": OrgKind.COMMITTEE,
    "system": OrgKind.SYSTEM,
}
ROLES = [
    "owner",
    "stranger",
    "unit_admin",
    "other_unit_admin",
    "recommending_authority",
    "county_bureau",
    "other_authority",
    "committee_staff",
    "other_committee_staff",
    "region_admin",
    "central_office",
    "system",
]


@dataclass(frozen=True)
class State:
    status: str
    node: int | None = None
    unit_acted: bool = False

    @property
    def name(self) -> str:
        if self.node is None:
            return self.status
        return f"{self.status}@{self.node}{'+unit_acted' if self.unit_acted else ''}"


@pytest.fixture
def world(catalog, alice, alice_client, make_user):
    """阿丽娅's complete application under a four-node flow, and everyone around it."""
    urumqi = Region.objects.get(schema_name="urumqi")
    recommending = Authority.objects.create(region=urumqi, name="乌鲁木齐市教育局")
    bureau = Authority.objects.create(region=urumqi, name="天山区教育局")
    unit = complete_unit(urumqi, "乌鲁木齐市第八中学", "乌市八中", "TW000008")
    unit.save()
    unit.recommending_units.add(recommending)
    other_unit = complete_unit(urumqi, "乌鲁木齐市第九中学", "乌市九中", "TW000009")
    other_unit.save()
    now = timezone.now()
    with in_region("urumqi"):
        scope = [{"series": "school-teacher", "levels": ["intermediate"]}]
        committee = committee_save(
            name="走表评审委员会", address="人民路1号", contacts=[], reviews=scope
        )
        other_committee = committee_save(
            name="别的评审委员会", address="人民路2号", contacts=[], reviews=scope
        )
        # Where `requalify` moves it: the same qualification at the other committee.
        elsewhere = offering_save(
            committee=other_committee,
            qualification=Qualification.objects.get(code="school-teacher-chinese-intermediate"),
            year=timezone.localdate().year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=10),
            flow_nodes=[{"kind": NodeKind.BASE_UNIT}, {"kind": NodeKind.COMMITTEE}],
        )
        offering = offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code="school-teacher-chinese-intermediate"),
            year=timezone.localdate().year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=10),
            flow_nodes=[
                {"kind": NodeKind.BASE_UNIT},
                {"kind": NodeKind.RECOMMENDING_UNIT},
                {"kind": NodeKind.AUTHORITY, "authority_id": bureau.pk, "name": "县(市)行业主管局"},
                {"kind": NodeKind.COMMITTEE},
            ],
            payment={"payment_required": True},  # so the payment rows are offered at all
        )
    people = {
        "owner": alice,
        "stranger": make_user(Role.APPLICANT),
        "unit_admin": make_user(Role.UNIT_ADMIN, unit=unit),
        "other_unit_admin": make_user(Role.UNIT_ADMIN, unit=other_unit),
        "recommending_authority": make_user(
            Role.AUTHORITY_REVIEWER, region=urumqi, authority=recommending
        ),
        "county_bureau": make_user(Role.AUTHORITY_REVIEWER, region=urumqi, authority=bureau),
        "other_authority": make_user(
            Role.AUTHORITY_REVIEWER,
            region=urumqi,
            authority=Authority.objects.create(region=urumqi, name="别的教育局"),
        ),
        "committee_staff": make_user(Role.COMMITTEE_STAFF, region=urumqi),
        "other_committee_staff": make_user(Role.COMMITTEE_STAFF, region=urumqi),
        "region_admin": make_user(Role.REGION_ADMIN, region=urumqi),
        "central_office": make_user(Role.CENTRAL_OFFICE),
        "system": None,
    }
    with in_region("urumqi"):
        CommitteeStaff.objects.create(committee=committee, user=people["committee_staff"])
        CommitteeStaff.objects.create(
            committee=other_committee, user=people["other_committee_staff"]
        )
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    with in_region("urumqi"):
        Application.objects.filter(number=number).update(recommending_unit=recommending)
        flow = Application.objects.get(number=number).flow.nodes
    stages = _later_stages(number, committee, people["committee_staff"])
    states = [State(s) for s in Status.values if s != Status.IN_REVIEW]
    states += [State(Status.IN_REVIEW, i) for i in range(len(flow))]
    states.append(State(Status.IN_REVIEW, 0, unit_acted=True))
    payload = {**PAYLOAD, "offering": elsewhere.pk, **stages}
    return {"number": number, "people": people, "flow": flow, "states": states, "payload": payload}


def _later_stages(number: str, committee, staff) -> dict:
    """What the rows after formal review work on: the application on an open meeting's list, an
    open publicity and an approval document of its committee (listing it, as `approve` does),
    and the payload naming them with votes that pass."""
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        meeting = Meeting.objects.create(
            committee=committee,
            held_on=timezone.localdate(),
            place="会议室",
            members=9,
            created_by=staff,
        )
        MeetingEntry.objects.create(meeting=meeting, application=application)
        publicity = Publicity.objects.create(
            committee=committee,
            title="公示",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate() + timedelta(days=7),
            created_by=staff,
        )
        document = ApprovalDocument.objects.create(
            committee=committee,
            number="新职称字〔2026〕1号",
            issued_on=timezone.localdate(),
            issuing_body="自治区职称办",
            created_by=staff,
        )
        ApprovalEntry.objects.create(document=document, application=application)
    votes = {"present": 9, "votes_for": 7, "votes_against": 1, "abstain": 1}
    return {**votes, "publicity": publicity.pk, "approval_document": document.pk}


class _UndoError(Exception):
    """Carries an outcome out of a transaction that must leave nothing behind."""


def attempt(
    number: str, state: State, transition: Transition, person, payload: dict = PAYLOAD
) -> tuple:
    """Put the application in `state`, fire the row as `person` (None: the system), and undo
    everything; returns ("ok", status, record codes) or ("403",) / ("409", code) / ("400",)."""
    try:
        with in_region("urumqi"), transaction.atomic():
            Application.objects.filter(number=number).update(
                status=state.status,
                current_node=state.node,
                unit_acted=state.unit_acted,
                submission_count=1,
            )
            try:
                application = apply_transition(
                    number=number,
                    action=transition.action,
                    actor=person,
                    system=SystemActor.SCHEDULER if person is None else "",
                    payload=dict(payload),
                )
            except PermissionDenied:
                raise _UndoError(("403",)) from None
            except ConflictError as error:
                raise _UndoError(("409", error.code)) from None
            except ValidationError:
                raise _UndoError(("400",)) from None
            record = TransitionRecord.objects.filter(application=application).latest("pk")
            raise _UndoError(
                (
                    "ok",
                    application.status,
                    (record.action, record.from_status, record.to_status, record.org_kind),
                    (record.from_node_index, record.to_node_index, record.to_node_kind),
                )
            )
    except _UndoError as undo:
        return undo.args[0]


def offers(number: str, state: State, person) -> set[str]:
    """The buttons `person` sees in `state`."""
    if person is None:
        return set()
    with in_region("urumqi"), transaction.atomic():
        Application.objects.filter(number=number).update(
            status=state.status,
            current_node=state.node,
            unit_acted=state.unit_acted,
            submission_count=1,
        )
        application = Application.objects.select_related(
            "flow", "offering", "unit", "qualification"
        ).get(number=number)
        actions = set(allowed_actions(person, application))
        transaction.set_rollback(True)
    return actions


def expected(row: Transition, state: State, role: str, flow: list[dict]) -> tuple:
    """What the row says should happen, from its declaration and `REVIEWS` alone."""
    if row.by == By.APPLICANT:
        mine_now = mine_ever = role == "owner"
    elif row.by == By.NODE:
        mine_ever = any(
            REVIEWS[node["kind"]] == role for node in flow if node["kind"] in row.node_kinds
        )
        node = flow[state.node] if state.status == Status.IN_REVIEW else None
        mine_now = (
            node is not None and node["kind"] in row.node_kinds and REVIEWS[node["kind"]] == role
        )
        # Past the end of its flow (formal review and after) the application is the
        # committee's: its rows are the committee's to fire there.
        mine_now |= (
            state.status in PAST_THE_FLOW
            and NodeKind.COMMITTEE in row.node_kinds
            and role == REVIEWS[NodeKind.COMMITTEE]
        )
    elif row.by == By.COMMITTEE:
        mine_now = mine_ever = role == "committee_staff"
    elif row.by == By.SYSTEM:
        mine_now = mine_ever = role == "system" and row.system_actor == SystemActor.SCHEDULER
    else:
        mine_now = mine_ever = False
    if not mine_ever:
        return ("403",)
    if state.status not in row.sources:
        told = "already_handled" if row.by == By.NODE and not mine_now else "invalid_state"
        return ("409", told)
    if not mine_now:
        return ("409", "already_handled")
    if row.action == "withdraw" and (state.node != 0 or state.unit_acted):
        return ("409", "unit_acted")
    # The world's offering requires payment: unpaid, nobody goes on a meeting list.
    if row.action == "record_meeting_result" and state.status == Status.FORMAL_REVIEW_PASSED:
        return ("409", "payment_required")
    return ("ok", row.target)


@pytest.mark.parametrize("action", list(TABLE))
def test_each_row_of_the_table_does_what_it_declares(world, action):
    row = TABLE[action]
    flow, number = world["flow"], world["number"]
    wrong = []
    for state in world["states"]:
        for role in ROLES:
            want = expected(row, state, role, flow)
            got = attempt(number, state, row, world["people"][role], world["payload"])
            if got[: len(want)] != want:
                wrong.append(f"{state.name} {role}: expected {want}, got {got}")
                continue
            if want[0] != "ok":
                continue
            (_action, from_status, to_status, org_kind), nodes = got[2], got[3]
            assert (from_status, to_status) == (state.status, row.target)
            assert org_kind == ORG_KIND[role]
            assert nodes[0] == (state.node if state.status == Status.IN_REVIEW else None)
            if row.target == Status.IN_REVIEW:
                assert nodes[2] == flow[nodes[1]]["kind"]
            else:
                assert nodes[1:] == (None, "")
    assert not wrong, "\n".join(wrong)


def test_the_buttons_are_exactly_what_succeeds(world):
    """allowed_actions, which draws every page's buttons and the API's `allowed_actions`, offers
    an action exactly when firing it would succeed."""
    number, people = world["number"], world["people"]
    wrong = []
    for state in world["states"]:
        for role in ROLES:
            if role == "system":
                continue  # buttons are for people
            shown = offers(number, state, people[role])
            succeeds = {
                action
                for action, row in TABLE.items()
                if attempt(number, state, row, people[role], world["payload"])[0] == "ok"
            }
            if shown != succeeds:
                wrong.append(f"{state.name} {role}: shows {shown}, succeeds {succeeds}")
    assert not wrong, "\n".join(wrong)


def test_the_table_covers_every_state(world):
    """Every state is left by some row or is terminal / waits for a later stage's rows, and
    every row's target is a state."""
    for row in TABLE.values():
        assert row.target in Status.values
        assert row.sources <= set(Status.values)
        assert row.by in By
        assert (row.by == By.NODE) == bool(row.node_kinds)
    left = {s for row in TABLE.values() for s in row.sources}
    assert {Status.DRAFT, Status.RETURNED, Status.IN_REVIEW} <= left


def test_a_system_actor_fires_its_own_rows_and_the_history_names_it(world, monkeypatch, settings):
    """A step no person fires (here: a timer ending a period) goes through the same table and
    the history says the system did it, in the reader's language."""
    row = Transition(
        "close_for_test",
        "结束",
        frozenset({Status.FORMAL_REVIEW_PASSED}),
        Status.MEETING_PASSED,
        By.SYSTEM,
        system_actor=SystemActor.SCHEDULER,
    )
    monkeypatch.setitem(TABLE, row.action, row)
    number, people = world["number"], world["people"]
    passed = State(Status.FORMAL_REVIEW_PASSED)
    assert attempt(number, passed, row, people["committee_staff"]) == ("403",)
    assert attempt(number, passed, row, people["owner"]) == ("403",)
    with in_region("urumqi"):
        Application.objects.filter(number=number).update(status=Status.FORMAL_REVIEW_PASSED)
        with pytest.raises(PermissionDenied):
            apply_transition(number=number, action=row.action, system=SystemActor.PAYMENT)
        apply_transition(number=number, action=row.action, system=SystemActor.SCHEDULER)
        application = Application.objects.select_related("offering__committee", "flow").get(
            number=number
        )
        assert application.status == Status.MEETING_PASSED
        record = TransitionRecord.objects.filter(application=application).latest("pk")
        assert (record.actor, record.system_actor, record.org_kind) == (
            None,
            "scheduler",
            "system",
        )
        settings.LANGUAGE_CODE = "en"
        from django.utils import translation

        with translation.override("en"):
            last = history_rows(application)[-1]
        assert (last.actor, last.from_label, last.to_label) == (
            "Scheduled task",
            "Formal review passed",
            "Passed the review meeting",
        )
    with pytest.raises(ValueError, match="exactly one"):
        apply_transition(number=number, action="submit")
