"""A region admin manages the authorities of their own region, and only of their region."""

import pytest

from core.identity.accounts import unit_request_change
from core.models import Authority, ChangeStatus, Role, User
from tenants.models import Region
from tests.support import client_for


@pytest.fixture
def urumqi_admin(make_user):
    return make_user(
        Role.REGION_ADMIN, name="乌市管理员", region=Region.objects.get(schema_name="urumqi")
    )


@pytest.fixture
def kashgar_authority(db):
    return Authority.objects.create(
        region=Region.objects.get(schema_name="kashgar"), name="喀什地区教育局"
    )


def admin_client(user, code="urumqi"):
    client = client_for(code)
    client.force_login(user)
    return client


def test_the_admin_adds_an_authority_with_contacts(urumqi_admin):
    client = admin_client(urumqi_admin)
    response = client.post(
        "/region-admin/authorities/new/",
        {
            "name": "乌鲁木齐市教育局",
            "kind": "competent",
            "contact_name": "马老师",
            "contact_phone": "0991-8888888",
        },
    )
    assert response.status_code == 302
    authority = Authority.objects.get(name="乌鲁木齐市教育局")
    assert authority.region.schema_name == "urumqi"
    assert "乌鲁木齐市教育局" in client.get("/region-admin/").content.decode()


def test_a_duplicate_name_in_the_region_is_refused(urumqi_admin):
    client = admin_client(urumqi_admin)
    data = {
        "name": "乌鲁木齐市卫健委",
        "kind": "competent",
        "contact_name": "甲",
        "contact_phone": "0991-1",
    }
    client.post("/region-admin/authorities/new/", data)
    again = client.post("/region-admin/authorities/new/", data)
    assert again.status_code == 400
    assert "同名" in again.content.decode()


def test_the_admin_creates_a_reviewer_of_an_urumqi_authority(urumqi_admin):
    client = admin_client(urumqi_admin)
    client.post(
        "/region-admin/authorities/new/",
        {
            "name": "乌鲁木齐市人社局",
            "kind": "recommending",
            "contact_name": "李",
            "contact_phone": "0991-2",
        },
    )
    authority = Authority.objects.get(name="乌鲁木齐市人社局")
    response = client.post(
        f"/region-admin/authorities/{authority.pk}/reviewers/",
        {"username": "ws-reviewer", "name": "审核员甲", "password": "Hongshan-Park-9"},
    )
    assert response.status_code == 302
    reviewer = User.objects.get(username="ws-reviewer")
    assert (reviewer.role, reviewer.authority, reviewer.region.schema_name) == (
        Role.AUTHORITY_REVIEWER,
        authority,
        "urumqi",
    )
    token = (
        client_for("public")
        .post("/api/v1/auth/token/", {"username": "ws-reviewer", "password": "Hongshan-Park-9"})
        .json()["token"]
    )
    # The account is 乌鲁木齐市's; it reviews what is routed to its authority in any region
    # (a unit of 乌鲁木齐市 may apply in 自治区), so it acts in every region (core.access).
    me = client_for("kashgar").get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert {"urumqi", "xj", "kashgar"} <= set(me.json()["regions"])


def test_another_region_s_authority_answers_404(urumqi_admin, kashgar_authority):
    client = admin_client(urumqi_admin)
    assert client.get(f"/region-admin/authorities/{kashgar_authority.pk}/").status_code == 404
    toggled = client.post(f"/region-admin/authorities/{kashgar_authority.pk}/toggle/")
    assert toggled.status_code == 404
    kashgar_authority.refresh_from_db()
    assert kashgar_authority.is_active


def test_the_admin_pages_of_another_region_answer_404(urumqi_admin):
    assert admin_client(urumqi_admin, "kashgar").get("/region-admin/").status_code == 404


def test_an_applicant_finds_no_admin_pages(alice):
    assert admin_client(alice).get("/region-admin/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = client_for("urumqi").get("/region-admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_closed_authority_can_no_longer_be_chosen(urumqi_admin, make_user):
    from workflow.demo import load_demo

    load_demo()
    unit_admin = User.objects.get(username="unit-urumqi")
    authority = unit_admin.unit.recommending_units.get()
    admin_client(urumqi_admin).post(f"/region-admin/authorities/{authority.pk}/toggle/")
    client = client_for("urumqi")
    client.force_login(unit_admin)
    response = client.patch(
        "/api/v1/my-unit/", {"recommending_units": [authority.pk]}, content_type="application/json"
    )
    assert response.status_code == 400


def test_a_unit_renames_itself_only_once_the_admin_approves(urumqi_admin):
    from workflow.demo import load_demo

    load_demo()
    unit_admin = User.objects.get(username="unit-urumqi")
    client = client_for("urumqi")
    client.force_login(unit_admin)
    response = client.post(
        "/my-unit/change/", {"new_name": "乌鲁木齐市第一高级中学", "reason": "更名"}
    )
    assert response.status_code == 302
    unit_admin.unit.refresh_from_db()
    assert unit_admin.unit.name == "乌鲁木齐市第一中学"

    admin = admin_client(urumqi_admin)
    change = unit_admin.unit.change_requests.get()
    assert "乌鲁木齐市第一高级中学" in admin.get("/region-admin/unit-changes/").content.decode()
    admin.post(f"/region-admin/unit-changes/{change.pk}/decide/", {"decision": "approve"})
    unit_admin.unit.refresh_from_db()
    assert unit_admin.unit.name == "乌鲁木齐市第一高级中学"
    change.refresh_from_db()
    assert change.status == ChangeStatus.APPROVED


def test_a_rejection_needs_a_reason_and_changes_nothing(urumqi_admin):
    from workflow.demo import load_demo

    load_demo()
    unit = User.objects.get(username="unit-urumqi").unit
    change = unit_request_change(
        unit=unit,
        requested_by=User.objects.get(username="unit-urumqi"),
        reason="更名",
        new_short_name="乌市一中",
    )
    admin = admin_client(urumqi_admin)
    admin.post(f"/region-admin/unit-changes/{change.pk}/decide/", {"decision": "reject"})
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING
    admin.post(
        f"/region-admin/unit-changes/{change.pk}/decide/",
        {"decision": "reject", "decision_note": "请提供更名批复文件"},
    )
    change.refresh_from_db()
    unit.refresh_from_db()
    assert (change.status, unit.short_name) == (ChangeStatus.REJECTED, "乌鲁木齐市一中")


def test_another_region_s_admin_cannot_decide_a_change(make_user):
    from workflow.demo import load_demo

    load_demo()
    unit_admin = User.objects.get(username="unit-urumqi")
    change = unit_request_change(
        unit=unit_admin.unit, requested_by=unit_admin, reason="更名", new_short_name="乌市一中"
    )
    hotan_admin = User.objects.get(username="admin-hotan")
    client = admin_client(hotan_admin, "hotan")
    response = client.post(
        f"/region-admin/unit-changes/{change.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 404
