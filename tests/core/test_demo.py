"""`load_demo` gives every region the accounts of API.md and can run twice."""

from core.demo import DEMO_PASSWORD, load_demo
from core.models import Role, User
from tests.support import client_for


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
        for prefix in ["admin", "authority", "unit", "applicant"]:
            assert User.objects.get(username=f"{prefix}-{code}").check_password(DEMO_PASSWORD)


def test_a_demo_applicant_logs_in_with_the_demo_password(db):
    load_demo()
    response = client_for("hotan").post(
        "/api/v1/auth/token/", {"username": "applicant-hotan", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 200
