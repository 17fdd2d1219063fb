"""查询记录: whenever someone other than the applicant opens her application, its ID scan or a
printed form, or exports it, the platform records who, for which organization, when, what and
which application; 阿丽娅 sees the list in her account and through the API."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.audit import Read, reader_of, record_reads
from core.models import AuditEvent, AuditKind, Role
from oversight.models import ExportJob
from tenants.crossing import in_region
from tests import test_access_matrix as matrix
from tests.support import client_for
from tests.tenants.test_queue import _run_queued_tasks_like_a_worker
from workflow.applications import application_create

# The access matrix's cast: 阿丽娅's application in 乌鲁木齐市, now at the committee.
catalog, offering, unit, cast = matrix.catalog, matrix.offering, matrix.unit, matrix.cast


def _client(user, code="urumqi"):
    client = client_for(code)
    client.force_login(user)
    return client


def _reads_of(owner):
    return AuditEvent.objects.filter(owner=owner).order_by("pk")


def test_reads_of_her_application_scan_and_forms_are_recorded_and_she_sees_them(
    cast, alice, offering, unit, django_capture_on_commit_callbacks
):
    number = cast.number
    committee = cast.people[("own", "committee")]
    unit_admin = cast.people[("own", "unit")]
    admin = cast.people[("own", "admin")]
    central = cast.people[("own", "central")]
    before = _reads_of(alice).count()

    # Her own reads are not someone else's.
    mine = _client(alice)
    assert mine.get(f"/api/v1/applications/{number}/").status_code == 200
    assert _reads_of(alice).count() == before

    assert _client(committee).get(f"/review/{number}/").status_code == 200
    assert _client(admin).get(f"/api/v1/applications/{number}/").status_code == 200
    assert _client(central).get(f"/review/{number}/id-card").status_code == 200
    form = _client(unit_admin).get(f"/print/{number}/review-form.pdf")
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        _client(central, "public").post("/central/exports/", {"format": "csv", "q": number})
    _run_queued_tasks_like_a_worker()
    assert ExportJob.objects.get(requested_by=central).status == "done"

    events = list(_reads_of(alice)[before:])
    assert [(e.kind, e.actor_id) for e in events] == [
        (AuditKind.APPLICATION_VIEWED, committee.pk),
        (AuditKind.APPLICATION_VIEWED, admin.pk),
        (AuditKind.ID_SCAN_VIEWED, central.pk),
        (AuditKind.FORM_VIEWED, unit_admin.pk),
        (AuditKind.APPLICATION_EXPORTED, central.pk),
    ]
    assert {e.application_number for e in events} == {number}
    assert events[0].org_name == offering.committee.name  # the region's data, kept
    assert (events[3].org_kind, events[3].org_id) == ("unit", unit.pk)
    assert events[3].detail == {"document": "review_form"}

    log = mine.get("/api/v1/me/access-log/")
    assert log.status_code == 200
    entries = log.json()
    assert [e["what"] for e in entries][:5] == [
        "导出申请书",
        "查看打印表格",
        "查看身份证扫描件",
        "查看申请书",
        "查看申请书",
    ]
    assert entries[1]["who"] == unit_admin.display_name
    assert entries[1]["organization"] == unit.name
    assert entries[0]["organization"] == "自治区职称办"
    assert entries[4]["organization"] == offering.committee.name
    assert {e["number"] for e in entries} == {number}
    assert set(entries[0]) >= {"at", "who", "organization", "what", "number"}
    assert mine.get("/api/v1/me/access-log/", {"limit": "0"}).status_code == 400

    page = _client(alice, "public").get("/accounts/profile/").content.decode()
    assert page.count('data-kind="application_viewed"') == 2
    assert unit.name in page

    # Nobody else sees her log: theirs is their own.
    assert (
        _client(cast.people[("stranger", "applicant")], "public")
        .get("/api/v1/me/access-log/")
        .json()
        == []
    )


def test_a_region_admin_opening_a_draft_is_recorded(cast, offering, unit, make_user):
    """A draft is seen by no reviewer yet; the region admin reads it, and that is recorded."""
    owner = make_user(Role.APPLICANT, name="德力努尔")
    with in_region("urumqi"):
        draft = application_create(applicant=owner, offering=offering, unit=unit)
    admin = cast.people[("own", "admin")]
    assert _client(admin).get(f"/review/{draft.number}/").status_code == 200
    (event,) = _reads_of(owner)
    assert (event.kind, event.actor_id, event.application_number) == (
        AuditKind.APPLICATION_VIEWED,
        admin.pk,
        draft.number,
    )
    assert (event.org_kind, event.org_id) == ("region_admin", admin.region_id)
    (entry,) = _client(owner, "public").get("/api/v1/me/access-log/").json()
    assert (entry["who"], entry["organization"]) == (admin.name, "乌鲁木齐市")
    # Her own page, read by the central office, is recorded too; her own reading is not.
    assert _client(owner).get(f"/applications/{draft.number}/").status_code == 200
    central = cast.people[("own", "central")]
    assert _client(central).get(f"/applications/{draft.number}/").status_code == 200
    assert [(e.kind, e.actor_id) for e in _reads_of(owner)][1:] == [
        (AuditKind.APPLICATION_VIEWED, central.pk)
    ]


def test_reads_are_recorded_in_one_insert_however_many(db, make_user):
    central = make_user(Role.CENTRAL_OFFICE)
    owners = [make_user(Role.APPLICANT) for _ in range(3)]
    reader = reader_of(central)
    for count in (1, 60):
        reads = [Read(f"RSSQ8{n:07d}", owners[n % 3].pk, "urumqi") for n in range(count)]
        with CaptureQueriesContext(connection) as queries:
            assert record_reads(AuditKind.APPLICATION_EXPORTED, reader, reads) == count
        assert len(queries) == 1
