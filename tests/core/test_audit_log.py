"""The audit log (issue 12): security events carry who, from where and when; PostgreSQL itself
refuses to change or remove them, except the retention purge of events past 180 days."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from core.audit import audit_purge, audit_record
from core.models import AuditEvent, AuditKind
from tests.support import client_for

STRONG = "Xinjiang-2026-Strong"


def _event(**fields) -> AuditEvent:
    return audit_record(AuditKind.LOGIN, username="aliya", **fields)


def _aged(days: int) -> int:
    """An event written `days` ago (the model stamps the time itself, so through SQL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO core_auditevent (kind, username, region_code, success, detail, created_at)"
            " VALUES ('login', 'old', 'public', true, '{}', %s) RETURNING id",
            [timezone.now() - timedelta(days=days)],
        )
        return cursor.fetchone()[0]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE core_auditevent SET username = 'someone-else' WHERE id = %s",
        "DELETE FROM core_auditevent WHERE id = %s",
        "TRUNCATE core_auditevent",
    ],
)
def test_raw_sql_of_the_application_cannot_change_or_remove_an_event(db, statement):
    event = _event()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # else TRUNCATE waits on FK checks
        cursor.execute(statement, [event.pk] if "%s" in statement else None)
    assert AuditEvent.objects.get(pk=event.pk).username == "aliya"


def test_not_even_an_event_of_170_days_can_be_deleted(db):
    young = _aged(170)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=young).delete()
    assert AuditEvent.objects.filter(pk=young).exists()


def test_the_purge_removes_only_events_past_the_retention(db, settings):
    settings.AUDIT_RETENTION_DAYS = 200
    past, kept, today = _aged(201), _aged(190), _event().pk
    assert audit_purge() == 1
    assert not AuditEvent.objects.filter(pk=past).exists()
    assert set(AuditEvent.objects.filter(pk__in=[kept, today]).values_list("pk", flat=True)) == {
        kept,
        today,
    }


def test_a_retention_below_six_months_is_raised_to_180_days(db, settings):
    settings.AUDIT_RETENTION_DAYS = 30
    past, kept = _aged(181), _aged(100)
    out = io.StringIO()
    call_command("purge_audit_log", stdout=out)
    assert "180 days deleted: 1" in out.getvalue()
    assert not AuditEvent.objects.filter(pk=past).exists()
    assert AuditEvent.objects.filter(pk=kept).exists()


def _token(user, password="Demo-Pass-2026") -> str:
    response = client_for("public").post(
        "/api/v1/auth/token/",
        {"username": user.username, "password": password},
        REMOTE_ADDR="198.51.100.4",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def test_a_token_and_a_password_change_are_logged_with_who_where_and_when(alice):
    before = timezone.now()
    token = _token(alice)
    changed = client_for("public").post(
        "/api/v1/me/password/",
        {"old_password": "Demo-Pass-2026", "new_password": STRONG},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
        REMOTE_ADDR="198.51.100.4",
    )
    assert changed.status_code == 204
    events = AuditEvent.objects.filter(actor=alice).order_by("pk")
    assert [(e.kind, e.detail.get("via"), e.detail.get("reason")) for e in events] == [
        (AuditKind.LOGIN, "token", None),
        (AuditKind.TOKENS_REVOKED, None, "password_change"),
        (AuditKind.PASSWORD_CHANGE, None, None),
    ]
    assert {e.ip_address for e in events} == {"198.51.100.4"}
    assert all(e.created_at >= before and e.username == alice.username for e in events)
    assert events[1].detail["count"] == 1


def test_logging_out_is_logged_with_the_tokens_it_ended(alice):
    _token(alice)
    browser = client_for("urumqi", REMOTE_ADDR="203.0.113.9")
    browser.force_login(alice)
    assert browser.post("/accounts/logout/").status_code == 302
    revoked = AuditEvent.objects.get(actor=alice, kind=AuditKind.TOKENS_REVOKED)
    assert (revoked.detail, revoked.ip_address) == (
        {"count": 1, "reason": "logout"},
        "203.0.113.9",
    )
    logout = AuditEvent.objects.get(actor=alice, kind=AuditKind.LOGOUT)
    assert (logout.ip_address, logout.region_code) == ("203.0.113.9", "urumqi")


def test_failures_and_the_lockout_are_logged_by_username_and_address(alice):
    for _attempt in range(5):
        client_for("public").post(
            "/api/v1/auth/token/",
            {"username": alice.username, "password": "wrong-password"},
            REMOTE_ADDR="192.0.2.77",
        )
    failed = AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, username=alice.username)
    assert failed.count() == 5
    assert set(failed.values_list("ip_address", flat=True)) == {"192.0.2.77"}
    assert AuditEvent.objects.filter(
        kind=AuditKind.LOCKOUT, username=alice.username, ip_address="192.0.2.77"
    ).exists()
