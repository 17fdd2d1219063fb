"""Recording identity events in the append-only audit log."""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import connection
from django.dispatch import receiver
from django.http import HttpRequest

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
