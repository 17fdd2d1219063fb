"""Cross-region search for the central office, the region admin's own region, masked ID
numbers everywhere, and exports built in the background for their requester only."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from core.identity.validators import mask_id_card_number
from core.models import AuditEvent, AuditKind, Role
from oversight.models import ExportJob
from tests.support import client_for
from tests.tenants.test_queue import _run_queued_tasks_like_a_worker


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None


def _client(user, code="public"):
    client = client_for(code)
    client.force_login(user)
    return client


def _numbers(response) -> set[str]:
    return set(re.findall(r'data-number="(RSSQ\d+)"', response.content.decode()))


def test_the_central_office_finds_an_application_by_exact_id_number_name_number_or_unit(
    spread, make_user
):
    client = _client(make_user(Role.CENTRAL_OFFICE))
    person = spread.people["k-returned"]
    row = spread.rows["k-returned"]
    found = client.get("/central/applications/", {"q": person.id_card_number})
    assert _numbers(found) == {row.number}
    html = found.content.decode()
    table = html[html.index('data-testid="applications"') :]
    assert person.id_card_number not in table  # listed masked only
    assert mask_id_card_number(person.id_card_number) in html
    # Part of a number is no ID-number search: nothing is found by a fragment.
    assert (
        _numbers(client.get("/central/applications/", {"q": person.id_card_number[:10]})) == set()
    )
    assert _numbers(client.get("/central/applications/", {"q": row.number})) == {row.number}
    assert _numbers(client.get("/central/applications/", {"q": "申请人k-ret"})) == {row.number}
    unit = spread.units["kashgar"].name
    assert _numbers(client.get("/central/applications/", {"unit": unit})) == {
        spread.rows[k].number for k in ("s-rejected", "s-approved", "last-year")
    }
    # Opening a result: the review page on the host of its region.
    assert f'href="http://karamay.localhost/review/{row.number}/"' in html


def test_bad_conditions_answer_400_not_500(spread, make_user):
    client = _client(make_user(Role.CENTRAL_OFFICE))
    for params in ({"year": "12345678901234567890"}, {"q": "a\x00b"}, {"week": "not-a-date"}):
        assert client.get("/central/applications/", params).status_code == 400
    assert client.get("/central/applications/", {"page": "x"}).status_code == 200


def test_a_region_admin_sees_every_application_of_their_region_and_no_other(spread, make_user):
    urumqi = spread.units["urumqi"].region
    admin = make_user(Role.REGION_ADMIN, region=urumqi)
    client = _client(admin, "urumqi")
    listed = client.get("/region-admin/applications/")
    assert listed.status_code == 200
    own = {spread.rows[k].number for k in spread.rows if k.startswith("u-")}
    assert _numbers(listed) == own
    # Asking for another region's rows on its own host finds nothing of theirs.
    assert _numbers(client.get("/region-admin/applications/", {"region": "karamay"})) == set()
    other = spread.people["k-returned"].id_card_number
    assert _numbers(client.get("/region-admin/applications/", {"q": other})) == set()
    stats = client.get("/region-admin/statistics/")
    assert stats.context["by_region"].total == 6
    assert sum(c["total"] for c in stats.context["committees"]) == 6
    # Another region's host, and the central office's pages: the dull 404.
    assert _client(admin, "karamay").get("/region-admin/applications/").status_code == 404
    assert _client(admin, "karamay").get("/region-admin/statistics/").status_code == 404
    assert client.get("/central/applications/").status_code == 404
    assert client.get("/central/dashboard/").status_code == 404


def test_a_region_admin_exports_their_region_only_and_downloads_it_once_ready(
    spread, make_user, django_capture_on_commit_callbacks
):
    urumqi = spread.units["urumqi"].region
    admin = make_user(Role.REGION_ADMIN, region=urumqi)
    client = _client(admin, "urumqi")
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/region-admin/exports/", {"format": "csv", "region": "karamay"})
    job = ExportJob.objects.get(requested_by=admin)
    assert started.status_code == 302 and started["Location"] == f"/region-admin/exports/{job.pk}/"
    assert client.get(f"/region-admin/exports/{job.pk}/file").status_code == 404  # not yet
    assert [r["success"] for r in _run_queued_tasks_like_a_worker()] == [True]
    page = client.get(f"/region-admin/exports/{job.pk}/")
    assert 'data-status="done"' in page.content.decode()
    # The region condition cannot widen the scope: karamay's rows are not the admin's.
    download = client.get(f"/region-admin/exports/{job.pk}/file")
    assert download.status_code == 200
    lines = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert lines[1:] == []

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/region-admin/exports/", {"format": "csv", "status": "in_review"})
    _run_queued_tasks_like_a_worker()
    job = ExportJob.objects.filter(requested_by=admin).order_by("-pk").first()
    body = b"".join(client.get(f"/region-admin/exports/{job.pk}/file").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))[1:]
    assert {r[0] for r in rows} == {
        spread.rows[k].number for k in ("u-review-2", "u-review-4", "u-review-10")
    }
    ids = {r[3] for r in rows}
    assert all("*" in i for i in ids)  # masked in the file too
    # Someone else's export does not exist for them.
    other = _client(make_user(Role.REGION_ADMIN, region=urumqi), "urumqi")
    assert other.get(f"/region-admin/exports/{job.pk}/").status_code == 404
    assert other.get(f"/region-admin/exports/{job.pk}/file").status_code == 404


def test_a_central_export_as_xlsx_is_audited_and_recorded_for_each_applicant(
    spread, make_user, django_capture_on_commit_callbacks
):
    central = make_user(Role.CENTRAL_OFFICE, name="职称办张科长")
    client = _client(central)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/central/exports/", {"format": "xlsx", "year": spread.year})
    job = ExportJob.objects.get(requested_by=central)
    assert AuditEvent.objects.filter(kind=AuditKind.EXPORT_CREATED, actor=central).count() == 1
    _run_queued_tasks_like_a_worker()
    job.refresh_from_db()
    assert (job.status, job.total, job.done) == ("done", 11, 11)
    book = load_workbook(
        io.BytesIO(b"".join(client.get(f"/central/exports/{job.pk}/file").streaming_content))
    )
    sheet = book.active
    assert sheet.max_row == 12  # the header and eleven applications
    exported = AuditEvent.objects.filter(kind=AuditKind.APPLICATION_EXPORTED, actor=central)
    assert exported.count() == 11
    owner = spread.people["u-certified"]
    event = exported.get(owner=owner)
    assert (event.application_number, event.region_code) == (
        spread.rows["u-certified"].number,
        "urumqi",
    )
    assert event.detail == {"export": job.pk}


def test_the_audit_log_is_searchable_by_person_kind_and_time(spread, make_user):
    central = make_user(Role.CENTRAL_OFFICE)
    client = _client(central)
    AuditEvent.objects.create(kind=AuditKind.LOGIN, username="aliya")
    AuditEvent.objects.create(kind=AuditKind.LOGIN_FAILED, username="aliya", success=False)
    AuditEvent.objects.create(kind=AuditKind.LOGIN, username="bob")
    page = client.get("/central/audit/", {"person": "aliya", "kind": "login"})
    assert page.status_code == 200
    assert len(page.context["events"]) == 1
    today = page.context["events"][0][0].created_at.date()
    assert (
        len(client.get("/central/audit/", {"person": "aliya", "since": today}).context["events"])
        == 2
    )
    assert (
        client.get("/central/audit/", {"since": "2030-01-02", "until": "2030-01-01"}).status_code
        == 400
    )
    assert (
        _client(make_user(Role.REGION_ADMIN, region=spread.units["urumqi"].region))
        .get("/central/audit/")
        .status_code
        == 404
    )


def test_an_export_file_is_deleted_after_the_retention_period_and_its_page_says_so(
    spread, make_user, settings, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from oversight.exports import export_path, export_purge

    settings.EXPORT_RETENTION_DAYS = 7
    central = make_user(Role.CENTRAL_OFFICE)
    client = _client(central)
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/central/exports/", {"format": "csv"})
    _run_queued_tasks_like_a_worker()
    old, recent = ExportJob.objects.filter(requested_by=central).order_by("pk")
    old_file, recent_file = export_path(old), export_path(recent)
    assert old_file.exists() and recent_file.exists()
    now = timezone.now()
    ExportJob.objects.filter(pk=old.pk).update(finished_at=now - timedelta(days=8))
    ExportJob.objects.filter(pk=recent.pk).update(finished_at=now - timedelta(days=6))

    assert export_purge(now) == 1
    assert not old_file.exists() and recent_file.exists()
    page = client.get(f"/central/exports/{old.pk}/").content.decode()
    assert 'data-status="expired"' in page and "7 天的保留期限" in page
    assert client.get(f"/central/exports/{old.pk}/file").status_code == 404
    assert client.get(f"/central/exports/{recent.pk}/file").status_code == 200
    assert export_purge(now) == 0  # nothing twice


def test_a_failed_export_leaves_no_half_written_file(spread, make_user, monkeypatch, settings):
    from oversight import exports

    central = make_user(Role.CENTRAL_OFFICE)
    job = ExportJob.objects.create(requested_by=central, params={}, format="csv")

    def broken(rows):
        yield ["RSSQ1"]
        raise OSError("disk full")

    monkeypatch.setattr(exports, "_lines", broken)
    with pytest.raises(OSError):
        exports.export_run(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.file_key == ""
    assert not any((settings.MEDIA_ROOT / exports.ROOT).glob("*"))


def test_migrating_schedules_the_daily_purge_of_export_files(db):
    from django_q.models import Schedule

    from oversight.exports import PURGE_SCHEDULE, ensure_purge_schedule

    ensure_purge_schedule()
    schedule = Schedule.objects.get(name=PURGE_SCHEDULE)
    assert (schedule.func, schedule.schedule_type) == ("oversight.exports.export_purge", "D")
