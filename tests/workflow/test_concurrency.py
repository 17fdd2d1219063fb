"""Two people (or two tabs) act on one application at once: exactly one wins, the others get a
409, and nothing is left half-written when a transition fails midway."""

import threading
import time
import uuid
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone
from django_q.models import OrmQ
from knox.models import AuthToken

from core.demo import DEMO_PASSWORD
from core.models import (
    ApplicationIndex,
    Authority,
    Qualification,
    Role,
    SectionForm,
    Series,
    Specialty,
    Unit,
    User,
)
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for, complete_unit
from tests.workflow.conftest import create, fill_every_section
from workflow.applications import application_create
from workflow.models import (
    Application,
    Attachment,
    Committee,
    Flow,
    Offering,
    SectionEntry,
    TransitionRecord,
)
from workflow.sections import section_states
from workflow.setup import DEFAULT_FLOW
from workflow.states import Status
from workflow.transitions import apply_transition

ONE_SECTION_FORM = {
    "key": "tiny",
    "title": "测试表",
    "sections": [
        {
            "key": "basic",
            "title": "基本信息",
            "filled_by": "applicant",
            "schema": {"type": "object", "properties": {}, "x-min-attachments": 0},
        }
    ],
}


class CommittedWorld:
    """Rows committed for real (threads use their own connections), removed afterwards."""

    def __init__(self, definition: dict = ONE_SECTION_FORM, max_submissions: int = 3) -> None:
        tag = uuid.uuid4().hex[:8]
        self.series = Series.objects.create(code=f"t-{tag}", name="测试系列", form_key=f"t{tag}")
        self.form = SectionForm.objects.create(
            key=f"t{tag}", version=1, title="测试表", definition=definition
        )
        specialty = Specialty.objects.create(series=self.series, code=f"t-{tag}-s", name="测试")
        self.qualification = Qualification.objects.create(
            specialty=specialty, code=f"t-{tag}-q", level="intermediate", name="测试资格"
        )
        region = Region.objects.get(schema_name="urumqi")
        self.unit = complete_unit(
            region, f"并发测试单位{tag}", f"并发{tag}", f"C{int(tag, 16) % 10**7:07d}"
        )
        self.unit.save()
        self.applicant = User(username=f"race-{tag}", name="赛跑者", role=Role.APPLICANT)
        self.applicant.set_password(DEMO_PASSWORD)
        self.applicant.save()
        self.token = AuthToken.objects.create(user=self.applicant)[1]
        self.authority = Authority.objects.create(region=region, name=f"并发推荐单位{tag}")
        self.unit.recommending_units.add(self.authority)
        self.unit_admin = User.objects.create(
            username=f"race-unit-{tag}", name="单位", role=Role.UNIT_ADMIN, unit=self.unit
        )
        self.unit_token = AuthToken.objects.create(user=self.unit_admin)[1]
        with in_region("urumqi"):
            self.committee = Committee.objects.create(
                name=f"并发测试委员会{tag}",
                reviews=[{"series": self.series.code, "levels": ["intermediate"]}],
            )
            now = timezone.now()
            self.offering = Offering.objects.create(
                committee=self.committee,
                qualification=self.qualification,
                year=now.year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                flow=Flow.objects.create(nodes=DEFAULT_FLOW),
                max_submissions=max_submissions,
            )
            self.application = application_create(
                applicant=self.applicant, offering=self.offering, unit=self.unit
            )
            self.application.sections.create(key="basic", data={})

    def remove(self) -> None:
        with in_region("urumqi"):
            Application.objects.filter(pk=self.application.pk).delete()
            Offering.objects.filter(pk=self.offering.pk).delete()
            Committee.objects.filter(pk=self.committee.pk).delete()
        # Raw deletes: Django's collector would look for region-side references in public.
        ApplicationIndex.objects.filter(number=self.application.number).delete()
        AuthToken.objects.filter(user__in=[self.applicant, self.unit_admin]).delete()
        self.unit.recommending_units.clear()
        for model, pk in [
            (Qualification, self.qualification.pk),
            (SectionForm, self.form.pk),
            (User, self.applicant.pk),
            (User, self.unit_admin.pk),
            (Unit, self.unit.pk),
            (Authority, self.authority.pk),
        ]:
            model.objects.filter(pk=pk)._raw_delete(model.objects.db)
        Specialty.objects.filter(series=self.series)._raw_delete(Specialty.objects.db)
        Series.objects.filter(pk=self.series.pk)._raw_delete(Series.objects.db)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Set up before the test's own transaction starts, so it is really committed."""
    with django_db_blocker.unblock():
        world = CommittedWorld()
    yield world
    with django_db_blocker.unblock():
        world.remove()
        # The threads' transitions committed, so their notifications were really queued.
        OrmQ.objects.all().delete()


@pytest.mark.django_db
def test_four_simultaneous_submits_exactly_one_wins(world):
    number = world.application.number
    start = threading.Barrier(4)
    answers: list[int] = []

    def press_submit() -> None:
        try:
            start.wait()
            response = client_for("urumqi").post(
                f"/api/v1/applications/{number}/transitions/",
                {"action": "submit"},
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Token {world.token}",
            )
            answers.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press_submit) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(answers) == [200, 409, 409, 409]
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        assert application.submission_count == 1
        assert TransitionRecord.objects.filter(application=application).count() == 1
    assert ApplicationIndex.objects.get(number=number).status == "in_review"


@pytest.mark.django_db
def test_two_reviewers_at_once_exactly_one_wins(world):
    """After the race above the application waits at the unit; a return and a recommendation
    arrive together: one is done, the other is told what happened."""
    number = world.application.number
    start = threading.Barrier(2)
    answers: dict[str, int] = {}
    bodies = {
        "return": {"action": "return", "opinion": "请补充材料"},
        "recommend": {
            "action": "recommend",
            "responsible_person": "负责人",
            "mobile": "13900001111",
            "opinion": "同意推荐该同志参加评审。",
        },
    }

    def press(action: str) -> None:
        try:
            start.wait()
            response = client_for("urumqi").post(
                f"/api/v1/applications/{number}/transitions/",
                bodies[action],
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Token {world.unit_token}",
            )
            answers[action] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(action,)) for action in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert sorted(answers.values()) == [200, 409]
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        records = list(
            TransitionRecord.objects.filter(application=application).values_list(
                "action", flat=True
            )
        )
    assert records[0] == "submit"
    assert len(records) == 2
    assert records[1] in {"return", "recommend"}


TRIALS = 8
SAVES = 15
FILES = 4
STAGGER_SECONDS = 0.0005

# A section that is complete with a title and four files: emptying the title or removing any
# file makes it incomplete.
RACE_FORM = {
    "key": "race",
    "title": "测试表",
    "sections": [
        {
            "key": "basic",
            "title": "基本信息",
            "filled_by": "applicant",
            "schema": {
                "type": "object",
                "properties": {"title": {"type": "string", "title": "题目", "minLength": 1}},
                "required": ["title"],
                "additionalProperties": False,
                "x-min-attachments": FILES,
            },
        }
    ],
}


@pytest.fixture(scope="module")
def race_world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        world = CommittedWorld(definition=RACE_FORM, max_submissions=2 * TRIALS)
    yield world
    with django_db_blocker.unblock():
        world.remove()
        OrmQ.objects.all().delete()


def committed(work) -> None:
    """Run `work` on a connection of its own, so that what it writes is committed (the test's
    own connection is inside a transaction the threads cannot see)."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # re-raised in the test's thread
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if failures:
        raise failures[0]


def complete_draft(world: CommittedWorld) -> list[int]:
    """Back to a draft whose one section is complete: a title and its files; their ids."""
    with in_region("urumqi"):
        application = Application.objects.get(pk=world.application.pk)
        if application.status == Status.IN_REVIEW:
            apply_transition(
                number=application.number, action="withdraw", actor=world.applicant, payload={}
            )
        SectionEntry.objects.filter(application=application, key="basic").update(
            data={"title": "初稿"}
        )
        application.attachments.all().delete()
        return [
            Attachment.objects.create(
                application=application,
                section="basic",
                blob_sha256=f"{index:064x}",
                name=f"扫描件{index}.png",
                content_type="image/png",
            ).pk
            for index in range(FILES)
        ]


@pytest.mark.django_db
@pytest.mark.parametrize("trial", range(1, TRIALS + 1))
def test_a_submit_racing_edits_never_sends_an_incomplete_section(race_world, trial):
    """赛跑者 presses 提交 while fifteen saves of her section (one of them emptying the title)
    and the removal of each of her files are on their way. Whoever comes first, the application
    is either in review with the section complete as saved, or still hers to edit."""
    attachment_ids: list[int] = []
    committed(lambda: attachment_ids.extend(complete_draft(race_world)))
    number = race_world.application.number
    api = f"/api/v1/applications/{number}"
    edits = [
        ("save", "put", f"{api}/sections/basic/", {"data": {"title": f"第{n}稿"}})
        for n in range(SAVES - 1)
    ]
    edits.insert(SAVES // 2, ("save", "put", f"{api}/sections/basic/", {"data": {}}))
    for place, pk in enumerate(attachment_ids):  # spread among the saves
        edits.insert(place * 4, ("remove", "delete", f"{api}/attachments/{pk}/", None))
    requests = [("submit", "post", f"{api}/transitions/", {"action": "submit"}), *edits]
    start = threading.Barrier(len(requests))
    answers: dict[str, list[int]] = {"submit": [], "save": [], "remove": []}

    def send(order: int, kind: str, method: str, path: str, body: dict | None) -> None:
        try:
            start.wait()
            # The edits arrive one after another while the submit is being handled (all at
            # once, every edit would be done before the submit even looked at the section).
            time.sleep(order * STAGGER_SECONDS)
            client = client_for("urumqi")
            response = getattr(client, method)(
                path,
                body,
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Token {race_world.token}",
            )
            answers[kind].append(response.status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(order, *request))
        for order, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert set(answers["save"]) <= {200, 409}, answers
    assert set(answers["remove"]) <= {204, 409}, answers
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        [section] = section_states(application)
    if application.status == Status.IN_REVIEW:
        assert answers["submit"] == [200]
        assert section.complete, (section.data, len(section.attachments), answers)
    else:
        assert (application.status, answers["submit"]) == (Status.DRAFT, [409])


def test_a_failure_midway_leaves_nothing_half_written(alice_client, offering, unit, monkeypatch):
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)

    def broken_index(application):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("workflow.transitions.index_write", broken_index)
    with pytest.raises(RuntimeError):
        alice_client.post(
            f"/api/v1/applications/{number}/transitions/",
            {"action": "submit"},
            content_type="application/json",
        )
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        assert (application.status, application.submission_count) == ("draft", 0)
        assert not TransitionRecord.objects.filter(application=application).exists()
    assert ApplicationIndex.objects.get(number=number).status == "draft"


def test_the_applications_api_costs_the_same_at_1_and_50(
    alice_client, catalog, unit, alice, django_assert_max_num_queries
):
    from tests.workflow.conftest import open_offering

    offering = open_offering()
    with in_region("urumqi"):
        application_create(applicant=alice, offering=offering, unit=unit)
    with django_assert_max_num_queries(9):
        assert len(alice_client.get("/api/v1/applications/").json()) == 1
    codes = list(
        Qualification.objects.filter(specialty__series__code="school-teacher")
        .exclude(level="senior")
        .exclude(pk=offering.qualification_id)
        .values_list("code", flat=True)
    )
    with in_region("urumqi"):
        committee = offering.committee
        now = timezone.now()
        for code in codes[:49]:
            extra = Offering.objects.create(
                committee=committee,
                qualification=Qualification.objects.get(code=code),
                year=now.year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                flow=offering.flow,
            )
            application_create(applicant=alice, offering=extra, unit=unit)
    with django_assert_max_num_queries(9):
        assert len(alice_client.get("/api/v1/applications/").json()) == 50
