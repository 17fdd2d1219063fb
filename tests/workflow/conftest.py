"""A region where applications can be written: the catalog, an open offering in 乌鲁木齐市 with
the flow base unit → recommending unit → committee, a complete unit, and the applicant 阿丽娅."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from core.catalog.sync import catalog_sync
from core.models import Authority, Qualification, Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.support import client_for, complete_unit
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save


@pytest.fixture
def catalog(db):
    catalog_sync()


def open_offering(
    code: str = "urumqi",
    qualification: str = "school-teacher-chinese-intermediate",
    *,
    opens: int = -1,
    closes: int = 10,
    max_submissions: int = 3,
    committee_name: str | None = None,
):
    now = timezone.now()
    with in_region(code):
        committee = committee_save(
            name=committee_name or f"{code}中小学教师职称评审委员会",
            address="人民路1号",
            contacts=[{"name": "阿不都", "phone": "0991-3000001"}],
            reviews=[
                {"series": "school-teacher", "levels": ["junior", "intermediate", "deputy_senior"]}
            ],
        )
        return offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code=qualification),
            year=timezone.localdate().year,
            opens_at=now + timedelta(days=opens),
            closes_at=now + timedelta(days=closes),
            flow_nodes=DEFAULT_FLOW,
            max_submissions=max_submissions,
        )


@pytest.fixture
def offering(catalog):
    return open_offering()


@pytest.fixture
def unit(db, make_user):
    region = Region.objects.get(schema_name="urumqi")
    authority = Authority.objects.create(
        region=region, name="乌鲁木齐市教育局", contact_name="马老师", contact_phone="0991-1"
    )
    unit = complete_unit(region, "乌鲁木齐市第十中学", "乌市十中", "TK000001")
    unit.save()
    unit.recommending_units.add(authority)
    make_user(Role.UNIT_ADMIN, name="十中管理员", unit=unit, username="unit-ten")
    return unit


@pytest.fixture
def alice_client(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    return client


def create(client, offering, unit):
    return client.post(
        "/api/v1/applications/",
        {"offering": offering.pk, "unit": unit.pk},
        content_type="application/json",
    )


def upload_scans(client, count: int) -> list[str]:
    """Put `count` different scans into the user's 附件库; their SHA-256s."""
    shas = []
    for index in range(count):
        buffer = io.BytesIO()
        Image.new("RGB", (64, 64), (index * 40 % 256, 120, 200)).save(buffer, "PNG")
        buffer.seek(0)
        buffer.name = f"scan-{index}.png"
        response = client.post("/api/v1/blobs/", {"file": buffer})
        assert response.status_code == 201, response.content
        shas.append(response.json()["sha256"])
    return shas


def fill_every_section(client, number: str) -> None:
    """Fill each applicant section with valid data and attach the scans it needs."""
    detail = client.get(f"/api/v1/applications/{number}/").json()
    needed = max(section["min_attachments"] for section in detail["sections"])
    scans = upload_scans(client, needed)
    for section in detail["sections"]:
        if section["filled_by"] != "applicant":
            continue
        response = client.put(
            f"/api/v1/applications/{number}/sections/{section['key']}/",
            {"data": sample(section["schema"])},
            content_type="application/json",
        )
        assert response.json()["errors"] == {}, section["key"]
        for blob in scans[: section["min_attachments"]]:
            attached = client.post(
                f"/api/v1/applications/{number}/attachments/",
                {"section": section["key"], "blob": blob},
                content_type="application/json",
            )
            assert attached.status_code == 201, attached.content
