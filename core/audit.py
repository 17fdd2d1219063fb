"""Recording identity events in the append-only audit log, and its retention purge.

Every event carries who (actor, username), from where (the client's address through
core.identity.network, trusting TRUSTED_PROXY_COUNT proxies), when, and the region. Events are
kept AUDIT_RETENTION_DAYS (never fewer than MINIMUM_RETENTION_DAYS, 等保 2.0: six months);
`manage.py purge_audit_log` removes older ones, the only deletion the database lets through.
"""

from datetime import datetime, timedelta
from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import connection
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from core.identity.network import client_ip
from core.models import AuditEvent, AuditKind, User


def audit_record(
    kind: str,
    *,
    request: HttpRequest | None = None,
    actor: User | None = None,
    username: str = "",
    success: bool = True,
    **detail: Any,
) -> AuditEvent:
    """Append one event; the region is the schema the request or task is in."""
    if actor is not None and not username:
        username = actor.username
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        username=username,
        ip_address=client_ip(request),
        region_code=connection.schema_name,
        success=success,
        detail=detail,
    )


MINIMUM_RETENTION_DAYS = 180


def audit_retention_days() -> int:
    """The retention in force: the setting, but never below the legal minimum (the database
    trigger refuses to delete younger rows anyway)."""
    return max(int(settings.AUDIT_RETENTION_DAYS), MINIMUM_RETENTION_DAYS)


def audit_purge(*, now: datetime | None = None) -> int:
    """Delete the events older than the retention; how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=audit_retention_days())
    deleted, _per_model = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@receiver(user_logged_in)
def _logged_in(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    audit_record(AuditKind.LOGIN, request=request, actor=user)


@receiver(user_login_failed)
def _login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    audit_record(
        AuditKind.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username", ""))[:150],
        success=False,
    )


@receiver(user_locked_out)
def _locked_out(
    sender: object,
    request: HttpRequest | None = None,
    username: str = "",
    ip_address: str = "",
    **kwargs: object,
) -> None:
    audit_record(AuditKind.LOCKOUT, request=request, username=(username or "")[:150], success=False)


@receiver(user_logged_out)
def _logged_out(
    sender: object, request: HttpRequest | None, user: User | None, **kwargs: object
) -> None:
    if user is not None:
        audit_record(AuditKind.LOGOUT, request=request, actor=user)
