"""Logging out everywhere."""

from django.contrib.auth import logout
from django.db.models import F
from django.http import HttpRequest

from core.models import User


def logout_everywhere(request: HttpRequest) -> None:
    """End this session and every other session of the user, on every host."""
    user = request.user
    if user.is_authenticated:
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    logout(request)
