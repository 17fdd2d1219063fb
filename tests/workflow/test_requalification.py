"""更改资格: an application moves to another offering, possibly of another region, in one
transaction (workflow.requalification through the `requalify` row of the transition table).

The cast: 阿丽娅, a teacher of a Kashgar unit who picked 乌鲁木齐市 by mistake (the manual's
most common error, here with 乌鲁木齐市 standing in for the wrong region), her complete
application with files, a unit comment and a history; an open offering in 喀什地区.
"""

import threading

import pytest
from django.db import connections

from core.catalog.forms import form_current
from core.models import ApplicationIndex, AttachmentUse, Qualification, Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for
from tests.workflow.conftest import create, fill_every_section, open_offering
from workflow import requalification
from workflow.history import history_rows
from workflow.models import (
    Application,
    Attachment,
    ReviewComment,
    SectionEntry,
    SetAsideSection,
    TransitionRecord,
)
from workflow.requalification import carry_plan
from workflow.states import Status
from workflow.transitions import apply_transition

TABLES = (Application, SectionEntry, Attachment, ReviewComment, TransitionRecord, SetAsideSection)


def snapshot(number: str) -> dict:
    """Every row of the application, in both regions and the public schema."""
    rows: dict = {}
    for code in ("urumqi", "kashgar"):
        with in_region(code):
            app = Application.objects.filter(number=number).values().first()
            rows[code] = {"application": app}
            if app:
                for model in TABLES[1:]:
                    rows[code][model.__name__] = list(
                        model.objects.filter(application_id=app["id"]).order_by("pk").values()
                    )
    rows["index"] = list(ApplicationIndex.objects.filter(number=number).values())
    rows["uses"] = list(AttachmentUse.objects.filter(application_id=number).order_by("pk").values())
    return rows


@pytest.fixture
def story(catalog, alice, alice_client, unit):
    here = open_offering("urumqi")
    there = open_offering("kashgar")
    number = create(alice_client, here, unit).json()["number"]
    fill_every_section(alice_client, number)
    # Submitted once and returned by the unit with a comment: history, a comment, a count.
    assert (
        alice_client.post(
            f"/api/v1/applications/{number}/transitions/", {"action": "submit"}
        ).json()["status"]
        == Status.IN_REVIEW
    )
    admin = unit_admin(unit)
    with in_region("urumqi"):
        app = Application.objects.get(number=number)
        ReviewComment.objects.create(
            application=app,
            section="basic",
            round=1,
            author=admin,
            org_kind="unit",
            org_id=unit.pk,
            text="请补充",
        )
        apply_transition(number=number, action="return", actor=admin, payload={"opinion": "请补充"})
    return {"number": number, "here": here, "there": there, "unit": unit}


def unit_admin(unit):
    from core.models import User

    return User.objects.get(role=Role.UNIT_ADMIN, unit=unit)


def requalify(client, number, offering, region=None):
    body = {"action": "requalify", "offering": offering.pk}
    if region:
        body["region"] = region
    return client.post(
        f"/api/v1/applications/{number}/transitions/", body, content_type="application/json"
    )


def test_the_application_moves_to_kashgar_with_everything(story, alice, alice_client):
    number = story["number"]
    before = snapshot(number)
    response = requalify(alice_client, number, story["there"], "kashgar")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["number"], body["region"], body["status"]) == (number, "kashgar", Status.DRAFT)
    after = snapshot(number)
    assert after["urumqi"]["application"] is None
    moved = after["kashgar"]
    old = before["urumqi"]
    # Same forms here, so every section and file is carried, times and all.
    strip = lambda rows: [  # noqa: E731
        {k: v for k, v in r.items() if k not in ("id", "application_id")} for r in rows
    ]
    for name in ("SectionEntry", "Attachment", "ReviewComment"):
        assert strip(moved[name]) == strip(old[name]), name
    assert strip(moved["TransitionRecord"])[:-1] == strip(old["TransitionRecord"])
    last = moved["TransitionRecord"][-1]
    assert (last["action"], last["from_status"], last["to_status"]) == (
        "requalify",
        Status.RETURNED,
        Status.DRAFT,
    )
    assert last["details"]["from_region"] == "urumqi"
    assert last["details"]["to_region"] == "kashgar"
    assert last["details"]["set_aside"] == []
    assert moved["application"]["submission_count"] == 1  # submissions are not given back
    index = after["index"][0]
    assert index["region_id"] == Region.objects.get(schema_name="kashgar").pk
    assert index["committee_id"] == story["there"].committee_id
    assert after["uses"] == before["uses"]  # keyed by number: they follow
    # The old host answers 404; the new one shows it, with its history readable.
    assert alice_client.get(f"/api/v1/applications/{number}/").status_code == 404
    kashgar = client_for("kashgar")
    kashgar.force_login(alice)
    assert kashgar.get(f"/api/v1/applications/{number}/").status_code == 200
    with in_region("kashgar"):
        app = Application.objects.select_related("offering__committee", "flow", "unit").get(
            number=number
        )
        rows = history_rows(app)
    assert [r.action for r in rows] == ["submit", "return", "requalify"]
    # It can be submitted there: its window, its limit.
    assert (
        kashgar.post(f"/api/v1/applications/{number}/transitions/", {"action": "submit"}).json()[
            "status"
        ]
        == Status.IN_REVIEW
    )


def test_within_the_region_another_committee(story, alice_client):
    other = open_offering("urumqi", committee_name="乌鲁木齐市另一个评审委员会")
    number = story["number"]
    response = requalify(alice_client, number, other)
    assert response.status_code == 200, response.content
    assert response.json()["region"] == "urumqi"
    with in_region("urumqi"):
        app = Application.objects.get(number=number)
        assert app.offering_id == other.pk
        assert app.history.latest("pk").details["to_committee"] == other.committee_id


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("closed", "window_closed"),
        ("full", "submission_limit"),
        ("same", "same_offering"),
        ("applied", "already_applied"),
    ],
)
def test_the_target_rules_refuse_with_409_and_nothing_changes(
    story, alice_client, unit, case, code
):
    number = story["number"]
    if case == "closed":
        target, region = (
            open_offering(
                "kashgar",
                "school-teacher-math-intermediate",
                opens=2,
                committee_name="喀什另一委员会",
            ),
            "kashgar",
        )
    elif case == "full":
        target = open_offering(
            "kashgar",
            "school-teacher-math-intermediate",
            max_submissions=1,
            committee_name="喀什另一委员会",
        )
        region = "kashgar"
    elif case == "same":
        target, region = story["here"], None
    else:
        target = open_offering(
            "kashgar", "school-teacher-math-intermediate", committee_name="喀什另一委员会"
        )
        region = "kashgar"
        kashgar = client_for("kashgar")
        kashgar.force_login(unit_owner(number))
        assert create(kashgar, target, unit).status_code == 201
    before = snapshot(number)
    response = requalify(alice_client, number, target, region)
    assert response.status_code == 409, response.content
    assert response.json()["code"] == code
    assert snapshot(number) == before


def unit_owner(number):
    return ApplicationIndex.objects.get(number=number).applicant


def test_a_stranger_or_a_reviewer_cannot(story, bob, alice_client):
    number = story["number"]
    stranger = client_for("urumqi")
    stranger.force_login(bob)
    assert requalify(stranger, number, story["there"], "kashgar").status_code == 404
    admin = client_for("urumqi")
    admin.force_login(unit_admin(story["unit"]))
    assert requalify(admin, number, story["there"], "kashgar").status_code in (403, 404)
    assert requalify(alice_client, number, story["there"], "nowhere").status_code == 400


class BoomError(Exception):
    pass


def test_a_failure_after_the_target_rows_are_written_leaves_everything_where_it_was(
    story, alice, monkeypatch
):
    """An exception after the copy (here: writing the index in the target) rolls back both
    schemas and the public one: every row compares equal."""
    number = story["number"]
    before = snapshot(number)
    import workflow.transitions as table

    def fail(application):
        # The target rows exist at this point, in this transaction.
        assert Application.objects.filter(number=number).exists()
        raise BoomError

    monkeypatch.setattr(table, "index_write", fail)
    with in_region("urumqi"), pytest.raises(BoomError):
        apply_transition(
            number=number,
            action="requalify",
            actor=alice,
            payload={"offering": story["there"].pk, "region": "kashgar"},
        )
    assert snapshot(number) == before


def test_a_failure_in_the_middle_of_the_copy_leaves_everything(story, alice, monkeypatch):
    number = story["number"]
    before = snapshot(number)
    real = requalification.copy_rows
    calls = []

    def copy_then_fail(model, **kwargs):
        calls.append(model)
        if model is ReviewComment:
            raise BoomError
        return real(model, **kwargs)

    monkeypatch.setattr(requalification, "copy_rows", copy_then_fail)
    with in_region("urumqi"), pytest.raises(BoomError):
        apply_transition(
            number=number,
            action="requalify",
            actor=alice,
            payload={"offering": story["there"].pk, "region": "kashgar"},
        )
    assert ReviewComment in calls
    assert snapshot(number) == before


def test_every_carried_and_set_aside_combination_of_two_series_forms(catalog):
    """A section is carried when the new form has its key with the same schema, or its data
    is valid there; otherwise set aside, whatever it held."""
    from core.models import Series

    teacher = form_current(Series.objects.get(code="school-teacher").form_key)
    health = form_current(Series.objects.get(code="health").form_key)
    assert teacher.key != health.key
    old = {s["key"]: s for s in teacher.sections}
    new = {s["key"]: s for s in health.sections}
    from tests.core.test_catalog_data import sample

    entries = {key: sample(s["schema"]) for key, s in old.items()}
    plan = carry_plan(teacher, health, entries, set(old))
    for key in old:
        same = key in new and new[key]["schema"] == old[key]["schema"]
        if same:
            assert key in plan.carried, key
        elif key not in new:
            assert key in plan.set_aside, key
    assert sorted(plan.carried + plan.set_aside) == sorted(old)
    # A key in both forms whose data does not fit the new schema is set aside.
    both = [k for k in old if k in new and new[k]["schema"] != old[k]["schema"]]
    for key in both:
        from core.catalog.forms import form_validate_section

        fits = not form_validate_section(health, key, entries[key])
        assert (key in plan.carried) == fits, key
    # Nothing saved: nothing to plan.
    assert carry_plan(teacher, health, {}, set()).carried == []


def test_set_aside_sections_keep_their_data_and_files_across_series(
    catalog, alice, alice_client, unit
):
    here = open_offering("urumqi")
    with in_region("kashgar"):
        pass
    there = open_offering_health("kashgar")
    number = create(alice_client, here, unit).json()["number"]
    fill_every_section(alice_client, number)
    with in_region("urumqi"):
        app = Application.objects.get(number=number)
        saved = dict(app.sections.values_list("key", "data"))
        files = {(a.section, a.blob_sha256) for a in app.attachments.all()}
    response = requalify(alice_client, number, there, "kashgar")
    assert response.status_code == 200, response.content
    with in_region("kashgar"):
        app = Application.objects.get(number=number)
        details = app.history.latest("pk").details
        aside = {s.key: s for s in app.set_aside.all()}
        carried = dict(app.sections.values_list("key", "data"))
        kept_files = {(a.section, a.blob_sha256) for a in app.attachments.all()}
    assert set(aside) == set(details["set_aside"])
    assert set(carried) | set(aside) >= set(saved)
    for key, data in saved.items():
        assert (carried.get(key) or aside[key].data) == data
    for section, blob in files:
        if section in aside:
            assert blob in {f["blob_sha256"] for f in aside[section].attachments}
        else:
            assert (section, blob) in kept_files
    # The files stay in use (they cannot leave the 附件库).
    assert AttachmentUse.objects.filter(application_id=number).count() >= len(files)
    # The old qualification is free again this year (the index row names the new one).
    assert create(alice_client, here, unit).status_code == 201
    # The new form's page marks what is to be filled in again and shows what was kept.
    kashgar = client_for("kashgar")
    kashgar.force_login(alice)
    page = kashgar.get(f"/applications/{number}/").content.decode()
    assert 'data-testid="set-aside"' in page
    refill = [k for k in aside if k in {s["key"] for s in app.form.sections}]
    assert page.count('data-testid="refill"') == len(refill)


def open_offering_health(code):
    from datetime import timedelta

    from django.utils import timezone

    from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

    now = timezone.now()
    with in_region(code):
        committee = committee_save(
            name=f"{code}卫生职称评审委员会",
            address="人民路2号",
            contacts=[],
            reviews=[{"series": "health", "levels": ["intermediate"]}],
        )
        return offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code="health-clinical-intermediate"),
            year=timezone.localdate().year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=10),
            flow_nodes=DEFAULT_FLOW,
        )


def committed_world(django_db_blocker):
    """Committed rows (threads use their own connections): an application in 乌鲁木齐市 and an
    open offering of its qualification in 喀什地区; removed afterwards."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.workflow.test_concurrency import CommittedWorld
    from workflow.models import Committee, Flow, Offering
    from workflow.setup import DEFAULT_FLOW

    with django_db_blocker.unblock():
        world = CommittedWorld()
        with in_region("kashgar"):
            committee = Committee.objects.create(
                name=f"喀什{world.series.code}",
                reviews=[{"series": world.series.code, "levels": ["intermediate"]}],
            )
            now = timezone.now()
            world.there = Offering.objects.create(
                committee=committee,
                qualification=world.qualification,
                year=now.year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=1),
                flow=Flow.objects.create(nodes=DEFAULT_FLOW),
            )
    yield world
    with django_db_blocker.unblock():
        from django_q.models import OrmQ

        for code in ("urumqi", "kashgar"):
            with in_region(code):
                Application.objects.filter(number=world.application.number).delete()
        with in_region("kashgar"):
            Offering.objects.filter(pk=world.there.pk).delete()
            Committee.objects.filter(pk=committee.pk).delete()
        world.remove()
        OrmQ.objects.all().delete()


@pytest.fixture(scope="module")
def racing(django_db_setup, django_db_blocker):
    yield from committed_world(django_db_blocker)


@pytest.fixture(scope="module")
def dropping(django_db_setup, django_db_blocker):
    yield from committed_world(django_db_blocker)


def race(world, bodies: dict[str, dict], host: str = "urumqi") -> dict[str, tuple[int, str]]:
    number = world.application.number
    start = threading.Barrier(len(bodies))
    answers: dict[str, tuple[int, str]] = {}

    def press(name: str) -> None:
        try:
            start.wait()
            response = client_for(host).post(
                f"/api/v1/applications/{number}/transitions/",
                bodies[name],
                content_type="application/json",
                HTTP_AUTHORIZATION=f"Token {world.token}",
            )
            code = response.json().get("code", "") if response.status_code == 409 else ""
            answers[name] = (response.status_code, code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(name,)) for name in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return answers


@pytest.mark.django_db
def test_a_requalification_racing_another_then_a_submit(racing):
    """Two requalifications at once: one moves it, the other waited for the row and is told
    where it went (409 `requalified`). Then, in 喀什地区, a requalification back and a submit
    at once: exactly one wins, the other gets 409."""
    number = racing.application.number
    move = {"action": "requalify", "offering": racing.there.pk, "region": "kashgar"}
    answers = race(racing, {"one": move, "two": move})
    assert sorted(answers.values()) == [(200, ""), (409, "requalified")], answers
    assert ApplicationIndex.objects.get(number=number).region.schema_name == "kashgar"
    back = {"action": "requalify", "offering": racing.offering.pk, "region": "urumqi"}
    answers = race(racing, {"requalify": back, "submit": {"action": "submit"}}, host="kashgar")
    assert sorted(status for status, _code in answers.values()) == [200, 409], answers
    if answers["requalify"][0] == 200:
        assert answers["submit"] == (409, "requalified")
        assert ApplicationIndex.objects.get(number=number).region.schema_name == "urumqi"
    else:
        assert answers["requalify"] == (409, "invalid_state")
        assert ApplicationIndex.objects.get(number=number).status == Status.IN_REVIEW


def test_history_reads_in_the_terms_it_was_made_in(story, alice, alice_client):
    """Records made before the move name the old committee and nodes of the old flow, even
    though ids and flows are the new region's afterwards."""
    number = story["number"]
    here = story["here"]
    with in_region("urumqi"):
        app = Application.objects.get(number=number)
        # As if the committee (node 2 of the old flow) had returned it.
        TransitionRecord.objects.filter(application=app, action="return").update(
            org_kind="committee",
            org_id=here.committee_id,
            from_node_index=2,
            from_node_kind="committee",
        )
    assert requalify(alice_client, number, story["there"], "kashgar").status_code == 200
    with in_region("kashgar"):
        app = Application.objects.select_related("offering__committee", "flow", "unit").get(
            number=number
        )
        rows = {r.action: r for r in history_rows(app)}
    assert rows["return"].organization == here.committee.name
    assert rows["return"].from_label == here.committee.name
    assert rows["requalify"].to_label == "申请人"


def test_the_pages_walk_the_manuals_steps(story, alice, alice_client):
    number = story["number"]
    path = f"/applications/{number}/requalify/"
    page = alice_client.get(path).content.decode()
    assert 'data-testid="step-region"' in page and "喀什地区" in page
    page = alice_client.get(path, {"region": "kashgar"}).content.decode()
    assert f'value="{story["there"].pk}"' in page
    page = alice_client.get(path, {"region": "kashgar", "offering": story["there"].pk})
    assert 'data-testid="carried"' in page.content.decode()
    cards = alice_client.get("/applications/").content.decode()
    assert f"/applications/{number}/requalify/" in cards
    done = alice_client.post(
        path, {"region": "kashgar", "offering": story["there"].pk, "confirm": "1"}
    )
    assert done.status_code == 302
    assert "kashgar" in done["Location"]
    assert alice_client.get(f"/applications/{number}/").status_code == 404
    assert ApplicationIndex.objects.get(number=number).region.schema_name == "kashgar"


def test_a_flow_error_report_reaches_the_admin_and_the_answer_the_applicant(
    story, alice, alice_client, make_user
):
    """如果此流程有错，请单击这里: the report changes nothing about the application; the region's
    admin lists it and answers; the applicant reads the answer."""
    number = story["number"]
    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))
    cards = alice_client.get("/applications/").content.decode()
    assert f"/applications/{number}/flow-report/" in cards
    before = snapshot(number)
    sent = alice_client.post(f"/applications/{number}/flow-report/", {"text": "推荐单位不对"})
    assert sent.status_code == 302
    assert snapshot(number) == before
    admin_client = client_for("urumqi")
    admin_client.force_login(admin)
    listed = admin_client.get("/region-admin/flow-reports/").content.decode()
    assert "推荐单位不对" in listed
    with in_region("urumqi"):
        from workflow.models import FlowReport

        report = FlowReport.objects.get(number=number)
    answered = admin_client.post(
        f"/region-admin/flow-reports/{report.pk}/", {"answer": "已修正流程，请更改资格。"}
    )
    assert answered.status_code == 302
    page = alice_client.get(f"/applications/{number}/flow-report/").content.decode()
    assert "已修正流程，请更改资格。" in page
    # Empty reports are refused; strangers and other roles get the dull 404.
    assert (
        alice_client.post(f"/applications/{number}/flow-report/", {"text": " "}).status_code == 200
    )
    assert admin_client.get(f"/applications/{number}/flow-report/").status_code == 404
    assert alice_client.get("/region-admin/flow-reports/").status_code == 404


@pytest.mark.django_db
def test_a_connection_dropped_in_the_middle_of_the_move_leaves_everything(dropping, monkeypatch):
    """The database connection dies after the sections and files were copied to the target
    (as when the worker is killed): PostgreSQL rolls the whole move back; every row, in both
    schemas and the public one, is as it was."""
    from django.db import DatabaseError
    from django.db import connection as this_thread

    number = dropping.application.number
    before = snapshot(number)
    real = requalification.copy_rows

    def copy_then_die(model, **kwargs):
        ids = real(model, **kwargs)
        if model is Attachment:
            with this_thread.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
        return ids

    monkeypatch.setattr(requalification, "copy_rows", copy_then_die)
    failures: list[Exception] = []

    def move() -> None:
        try:
            with in_region("urumqi"):
                apply_transition(
                    number=number,
                    action="requalify",
                    actor=dropping.applicant,
                    payload={"offering": dropping.there.pk, "region": "kashgar"},
                )
        except Exception as error:  # whatever the dead connection raises
            failures.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=move)
    thread.start()
    thread.join(30)
    assert failures and isinstance(failures[0], DatabaseError), failures
    assert snapshot(number) == before
    assert before["urumqi"]["application"] is not None
