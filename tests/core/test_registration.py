"""Registering people and units (manual Part 1 §1, Part 2 §1): one account per ID number, one
unit per credit code and name."""

import pytest
from django.db import connection, transaction
from django.db.utils import InternalError

from core.identity.validators import make_credit_code, make_id_card_number
from core.models import AuditEvent, AuditKind, Authority, Role, Unit, User
from tenants.models import Region
from tests.support import client_for

STRONG = "Tianshan-2026"


def applicant_payload(**overrides):
    from datetime import date

    payload = {
        "username": "gulnar",
        "password": STRONG,
        "name": "古丽娜尔",
        "id_card_number": make_id_card_number("650102", date(1988, 3, 15), 123),
        "phone": "13899001122",
        "email": "gulnar@example.cn",
    }
    return {**payload, **overrides}


def unit_payload(**overrides):
    payload = {
        "username": "jintai-admin",
        "password": STRONG,
        "name": "新疆金泰华瑞建筑工程有限公司",
        "short_name": "金泰华瑞",
        "credit_code": make_credit_code("9", "1", "650100", "MA78K3QB"),
        "region": "urumqi",
        "contact_name": "王建国",
        "contact_phone": "0991-1234567",
    }
    return {**payload, **overrides}


def register(kind, payload, code="public"):
    return client_for(code).post(
        f"/api/v1/auth/register/{kind}/", payload, content_type="application/json"
    )


def test_gulnar_registers_and_can_log_in_everywhere(db):
    response = register("applicant", applicant_payload())
    assert response.status_code == 201
    assert response.json() == {"username": "gulnar", "name": "古丽娜尔", "role": "applicant"}
    token = client_for("kashgar").post(
        "/api/v1/auth/token/", {"username": "gulnar", "password": STRONG}
    )
    assert token.status_code == 200
    assert AuditEvent.objects.filter(kind=AuditKind.REGISTRATION, username="gulnar").exists()


def test_a_lower_case_x_is_accepted_and_stored_upper_case(db):
    number = "11010519491231002x"
    assert register("applicant", applicant_payload(id_card_number=number)).status_code == 201
    assert User.objects.get(username="gulnar").id_card_number == "11010519491231002X"


def test_a_second_account_for_the_same_id_number_is_refused_with_directions(db):
    register("applicant", applicant_payload())
    again = register("applicant", applicant_payload(username="gulnar2"))
    assert again.status_code == 400
    message = again.json()["id_card_number"][0]
    assert "已注册" in message
    assert "找回" in message
    assert User.objects.filter(name="古丽娜尔").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id_card_number", "110105194912310021", "校验位"),
        ("id_card_number", "990105194912310028", "行政区划"),
        ("phone", "12345678901", "手机号码"),
        ("password", "abcdefgh", "密码"),
    ],
)
def test_bad_input_gets_a_clear_error_at_its_field_and_nothing_is_saved(db, field, value, expected):
    response = register("applicant", applicant_payload(**{field: value}))
    assert response.status_code == 400
    assert expected in " ".join(response.json()[field])
    assert not User.objects.filter(username="gulnar").exists()


def test_a_unit_registers_with_its_admin_account(db):
    response = register("unit", unit_payload())
    assert response.status_code == 201
    admin = User.objects.get(username="jintai-admin")
    assert admin.role == Role.UNIT_ADMIN
    assert admin.unit.region.schema_name == "urumqi"
    assert admin.unit.is_complete is False


def test_the_same_credit_code_cannot_register_twice(db):
    register("unit", unit_payload())
    again = register("unit", unit_payload(username="other", name="另一个公司", short_name="另一个"))
    assert again.status_code == 400
    assert "账号申诉" in again.json()["credit_code"][0]


@pytest.mark.parametrize(
    ("name", "short_name", "field"),
    [
        ("新疆 金泰华瑞建筑工程有限公司", "金泰", "name"),
        ("新疆金泰华瑞建筑工程有限公司（乌鲁木齐）", "金泰华瑞", "short_name"),
        ("金泰华瑞", "金泰二", "name"),
    ],
)
def test_no_second_unit_under_a_name_already_in_use(db, name, short_name, field):
    register("unit", unit_payload())
    again = register(
        "unit",
        unit_payload(
            username="copycat",
            name=name,
            short_name=short_name,
            credit_code=make_credit_code("9", "1", "650100", "MA78K3QC"),
        ),
    )
    assert again.status_code == 400
    assert field in again.json()
    assert Unit.objects.count() == 1


def test_a_made_up_credit_code_is_refused(db):
    response = register("unit", unit_payload(credit_code="91650100MA78K3QB00"))
    assert response.status_code == 400
    assert "credit_code" in response.json()


@pytest.fixture
def unit_admin(db):
    register("unit", unit_payload())
    return User.objects.get(username="jintai-admin")


@pytest.fixture
def authorities(db):
    xj = Region.objects.get(schema_name="xj")
    urumqi = Region.objects.get(schema_name="urumqi")
    return [
        Authority.objects.create(
            region=xj,
            name="自治区住房和城乡建设厅",
            contact_name="李明",
            contact_phone="0991-2345678",
        ),
        Authority.objects.create(region=urumqi, name="乌鲁木齐市建设局"),
        Authority.objects.create(region=urumqi, name="乌鲁木齐市人社局"),
    ]


def test_the_unit_completes_its_information_and_picks_two_recommending_units(
    unit_admin, authorities
):
    client = client_for("public")
    client.force_login(unit_admin)
    response = client.patch(
        "/api/v1/my-unit/",
        {
            "address": "乌鲁木齐市天山区解放北路1号",
            "nature": "state_enterprise",
            "legal_representative": "张伟",
            "recommending_units": [authorities[0].pk, authorities[1].pk],
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["is_complete"] is True
    assert sorted(body["recommending_units"]) == sorted([authorities[0].pk, authorities[1].pk])


def test_a_third_recommending_unit_is_refused(unit_admin, authorities):
    client = client_for("urumqi")
    client.force_login(unit_admin)
    response = client.patch(
        "/api/v1/my-unit/",
        {"recommending_units": [a.pk for a in authorities]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "两个" in response.json()["recommending_units"][0]
    assert unit_admin.unit.recommending_units.count() == 0


def test_the_name_cannot_be_changed_by_editing_unit_information(unit_admin):
    client = client_for("public")
    client.force_login(unit_admin)
    client.patch("/api/v1/my-unit/", {"name": "别的名字"}, content_type="application/json")
    assert Unit.objects.get().name == "新疆金泰华瑞建筑工程有限公司"


def test_an_applicant_has_no_unit_to_edit(alice):
    client = client_for("public")
    client.force_login(alice)
    assert client.get("/api/v1/my-unit/").status_code == 404


def test_authorities_can_be_listed_by_region(authorities):
    client = client_for("public")
    client.force_login(User.objects.create(username="viewer"))
    rows = client.get("/api/v1/authorities/", {"region": "xj"}).json()
    assert [row["name"] for row in rows] == ["自治区住房和城乡建设厅"]
    assert rows[0]["contact_phone"] == "0991-2345678"


def test_units_can_be_searched_by_name_or_credit_code(unit_admin, alice):
    client = client_for("urumqi")
    client.force_login(alice)
    by_name = client.get("/api/v1/units/", {"search": "金泰"}).json()
    by_code = client.get("/api/v1/units/", {"search": unit_admin.unit.credit_code}).json()
    nothing = client.get("/api/v1/units/", {"search": "不存在的单位"}).json()
    assert [row["short_name"] for row in by_name] == ["金泰华瑞"]
    assert [row["id"] for row in by_code] == [unit_admin.unit_id]
    assert nothing == []


def test_the_fifth_wrong_password_locks_the_account_with_429(alice):
    client = client_for("public")
    codes = [
        client.post(
            "/api/v1/auth/token/", {"username": alice.username, "password": "wrong"}
        ).status_code
        for _ in range(5)
    ]
    assert codes == [400, 400, 400, 400, 429]
    right = client.post(
        "/api/v1/auth/token/", {"username": alice.username, "password": "Demo-Pass-2026"}
    )
    assert right.status_code == 429
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username=alice.username).exists()
    assert (
        AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, username=alice.username).count() >= 5
    )


def test_the_login_page_also_locks_out(alice):
    client = client_for("public")
    for _ in range(5):
        client.post(
            "/accounts/login/", {"username": alice.username, "password": "x", "region": "xj"}
        )
    locked = client.post(
        "/accounts/login/",
        {"username": alice.username, "password": "Demo-Pass-2026", "region": "xj"},
    )
    assert locked.status_code == 429
    assert "锁定" in locked.content.decode()


def test_the_audit_log_cannot_be_changed_even_with_sql(alice):
    client_for("public").post(
        "/api/v1/auth/token/", {"username": alice.username, "password": "Demo-Pass-2026"}
    )
    event = AuditEvent.objects.filter(kind=AuditKind.LOGIN).latest("created_at")
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(InternalError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditevent SET success = false WHERE id = %s", [event.pk])
    with pytest.raises(InternalError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, success=True).exists()


def test_changing_the_password_is_recorded(alice):
    client = client_for("hami")
    client.force_login(alice)
    response = client.post(
        "/api/v1/me/password/",
        {"old_password": "Demo-Pass-2026", "new_password": "Kunlun-Shan-77"},
        content_type="application/json",
    )
    assert response.status_code == 204
    alice.refresh_from_db()
    assert alice.check_password("Kunlun-Shan-77")
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_CHANGE, actor=alice).exists()
