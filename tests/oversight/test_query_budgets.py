"""Query budgets of the oversight routes: each page with one row and with many (more than a
page of 50) under the same budget, so a query per row fails here the day it is written.
`COVERED` is read by tests/test_query_budgets.py."""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from core.audit import Read, reader_of, record_reads
from core.catalog.sync import catalog_sync
from core.identity.validators import make_id_card_number
from core.models import ApplicationIndex, AuditKind, OrgKind, Qualification, Role, User
from oversight.models import ExportJob
from tenants.models import Region
from tests.support import analyze, client_for, complete_unit

MANY = 60
ROWS = pytest.mark.parametrize("rows", [1, MANY], ids=["one", "many"])


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None


def index_rows(count: int) -> list[ApplicationIndex]:
    """`count` applications of 乌鲁木齐市 in review at their unit, each its own applicant."""
    catalog_sync()
    region = Region.objects.get(schema_name="urumqi")
    unit = complete_unit(region, "乌鲁木齐市第九十中学", "九十中", "TK000990")
    unit.save()
    qualification = Qualification.objects.select_related("specialty").get(
        code="school-teacher-chinese-intermediate"
    )
    start = User.objects.count()
    people = User.objects.bulk_create(
        User(
            username=f"budget-{start}-{n}",
            name=f"申请人{n}",
            id_card_number=make_id_card_number(
                "650106", timezone.localdate() - timedelta(days=9000 + start + n), 3
            ),
        )
        for n in range(count)
    )
    now = timezone.now()
    rows = ApplicationIndex.objects.bulk_create(
        ApplicationIndex(
            number=f"RSSQ7{start:03d}{n:04d}",
            region=region,
            applicant=person,
            applicant_name=person.name,
            unit=unit,
            qualification=qualification,
            series_id=qualification.specialty.series_id,
            level=qualification.level,
            year=now.year,
            committee_id=n % 3 + 1,
            committee_name=f"评审委员会{n % 3}",
            offering_id=n % 4 + 1,
            status="in_review",
            node_index=0,
            node_kind="base_unit",
            waiting_org_kind=OrgKind.UNIT,
            waiting_org_id=unit.pk,
            closes_at=now,
            updated_at=now - timedelta(hours=n),
            submitted_at=now - timedelta(days=n % 20),
            waiting_since=now - timedelta(hours=n),
        )
        for n, person in enumerate(people)
    )
    analyze("public.core_applicationindex", "public.core_user")
    return rows


@dataclass(frozen=True)
class Page:
    route: str
    path: str
    host: str
    role: str
    budget: int


PAGES = [
    Page("central-dashboard", "/central/dashboard/", "public", Role.CENTRAL_OFFICE, 11),
    Page("central-applications", "/central/applications/", "public", Role.CENTRAL_OFFICE, 5),
    Page("central-audit", "/central/audit/", "public", Role.CENTRAL_OFFICE, 5),
    Page("api-central-stats", "/api/v1/central/stats/", "public", Role.CENTRAL_OFFICE, 4),
    Page(
        "region-admin-applications", "/region-admin/applications/", "urumqi", Role.REGION_ADMIN, 6
    ),
    Page("region-admin-statistics", "/region-admin/statistics/", "urumqi", Role.REGION_ADMIN, 14),
]
COVERED = {page.route for page in PAGES}


def _person(make_user, role: str) -> User:
    region = Region.objects.get(schema_name="urumqi") if role == Role.REGION_ADMIN else None
    return make_user(role, region=region)


@ROWS
@pytest.mark.parametrize("page", PAGES, ids=[p.route for p in PAGES])
def test_an_oversight_page_costs_the_same_with_one_row_and_with_many(page, rows, make_user, within):
    created = index_rows(rows)
    user = _person(make_user, page.role)
    record_reads(
        AuditKind.APPLICATION_EXPORTED,
        reader_of(user),
        [Read(r.number, r.applicant_id, "urumqi") for r in created],
    )
    client = client_for(page.host)
    client.force_login(user)
    response = within(lambda: client.get(page.path), page.budget)
    assert response.status_code == 200


COVERED |= {"api-my-access-log"}


@ROWS
def test_the_access_log_costs_the_same_with_one_read_and_with_many(rows, make_user, within):
    owner = make_user(Role.APPLICANT)
    readers = [make_user(Role.CENTRAL_OFFICE) for _ in range(3)]
    for n in range(rows):
        record_reads(
            AuditKind.APPLICATION_VIEWED,
            reader_of(readers[n % 3]),
            [Read(f"RSSQ6{n:07d}", owner.pk, "urumqi")],
        )
    client = client_for("public")
    client.force_login(owner)
    response = within(lambda: client.get("/api/v1/me/access-log/"), 4)
    assert len(response.json()) == rows


EXPORTS = [
    ("central-exports", "public", "/central/exports/", Role.CENTRAL_OFFICE),
    ("region-admin-exports", "urumqi", "/region-admin/exports/", Role.REGION_ADMIN),
]
COVERED |= {
    "central-exports",
    "central-export",
    "central-export-file",
    "region-admin-exports",
    "region-admin-export",
    "region-admin-export-file",
}


@pytest.mark.parametrize("case", EXPORTS, ids=[c[0] for c in EXPORTS])
def test_starting_following_and_downloading_an_export(case, make_user, within, settings):
    """Starting one (a POST, measured once), its progress page and its file."""
    _route, host, path, role = case
    index_rows(MANY)
    user = _person(make_user, role)
    client = client_for(host)
    client.force_login(user)
    started = within(lambda: client.post(path, {"format": "csv"}), 10, warm=False)
    assert started.status_code == 302
    job = ExportJob.objects.get(requested_by=user)
    assert within(lambda: client.get(f"{path}{job.pk}/"), 5).status_code == 200
    ExportJob.objects.filter(pk=job.pk).update(status="done", file_key="exports/budget.csv")
    file = Path(settings.MEDIA_ROOT) / "exports/budget.csv"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text("x\n")
    assert within(lambda: client.get(f"{path}{job.pk}/file"), 5).status_code == 200
