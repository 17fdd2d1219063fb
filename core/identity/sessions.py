"""Logging out everywhere, and ending every API token of a user."""

from django.contrib.auth import logout
from django.db.models import F
from django.http import HttpRequest
from knox.models import AuthToken

from core.audit import audit_record
from core.models import AuditKind, User


def tokens_revoke(user: User, *, request: HttpRequest | None = None, reason: str = "") -> None:
    """End every API token of the user, on every host; the audit log says how many and why
    (logout, password_change, password_reset, appeal)."""
    count, _per_model = AuthToken.objects.filter(user=user).delete()
    audit_record(AuditKind.TOKENS_REVOKED, request=request, actor=user, count=count, reason=reason)


def logout_everywhere(request: HttpRequest) -> None:
    """End this session and every other session and API token of the user, on every host."""
    user = request.user
    if user.is_authenticated:
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        tokens_revoke(user, request=request, reason="logout")
    logout(request)
