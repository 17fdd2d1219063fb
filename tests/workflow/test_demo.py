"""`load_demo` gives every region the accounts of API.md and can run twice."""

from core.demo import DEMO_PASSWORD
from core.models import Role, User
from tests.support import client_for
from workflow.demo import load_demo


def test_load_demo_creates_the_demo_cast_and_is_idempotent(db):
    first = load_demo()
    second = load_demo()
    assert [u.pk for u in first] == [u.pk for u in second]
    assert User.objects.get(username="central").role == Role.CENTRAL_OFFICE
    unit_admin = User.objects.get(username="unit-kashgar")
    assert unit_admin.unit.is_complete
    assert [a.name for a in unit_admin.unit.recommending_units.all()] == [
        User.objects.get(username="authority-kashgar").authority.name
    ]
    for code in ["xj", "urumqi", "altay"]:
        for prefix in ["admin", "authority", "unit", "applicant", "committee"]:
            assert User.objects.get(username=f"{prefix}-{code}").check_password(DEMO_PASSWORD)


def test_a_demo_applicant_logs_in_with_the_demo_password(db):
    load_demo()
    response = client_for("hotan").post(
        "/api/v1/auth/token/", {"username": "applicant-hotan", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200


def test_every_region_has_an_open_offering_with_the_demo_flow(db):
    load_demo()
    for code in ["xj", "kashgar", "altay"]:
        rows = client_for(code).get("/api/v1/offerings/", {"open": "true"}).json()
        demo = [
            r
            for r in rows
            if [n["kind"] for n in r["flow"]] == ["base_unit", "recommending_unit", "committee"]
            and r["max_submissions"] == 3
        ]
        assert demo, code
        states = {r["state"] for r in client_for(code).get("/api/v1/offerings/").json()}
        assert states == {"open", "closed", "not_yet"}


def test_the_demo_committee_staff_reviews_its_region_s_committees(db):
    from tenants.crossing import in_region
    from workflow.models import CommitteeStaff

    load_demo()
    staff = User.objects.get(username="committee-hami")
    assert staff.role == Role.COMMITTEE_STAFF
    with in_region("hami"):
        assert CommitteeStaff.objects.filter(user=staff).count() == 2
