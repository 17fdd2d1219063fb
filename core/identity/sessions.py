"""Logging out everywhere, and ending every API token of a user."""

from django.contrib.auth import logout
from django.db.models import F
from django.http import HttpRequest
from knox.models import AuthToken

from core.models import User


def tokens_revoke(user: User) -> None:
    """End every API token of the user, on every host."""
    AuthToken.objects.filter(user=user).delete()


def logout_everywhere(request: HttpRequest) -> None:
    """End this session and every other session and API token of the user, on every host."""
    user = request.user
    if user.is_authenticated:
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        tokens_revoke(user)
    logout(request)
