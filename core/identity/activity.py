"""Time actively logged in (the manual's "已使用1090.0分钟") and the session idle timeout."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import User

ACTIVITY_KEY = "_last_activity"


def record_activity(user: User, *, seconds: float) -> None:
    """Add active time to the account (at most the idle timeout per gap)."""
    User.objects.filter(pk=user.pk).update(
        minutes_used=F("minutes_used") + round(seconds / 60, 1), last_seen_at=timezone.now()
    )


class ActivityMiddleware:
    """Count active minutes, and log out a session idle for `SESSION_IDLE_TIMEOUT_SECONDS`.

    Writes at most once a minute per session, so ordinary requests cost nothing extra.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.session_key and request.user.is_authenticated:
            now = time.time()
            last = session.get(ACTIVITY_KEY)
            idle_limit = settings.SESSION_IDLE_TIMEOUT_SECONDS
            if last is not None and now - last > idle_limit:
                logout(request)
                messages.info(request, _("由于长时间未操作，您已自动退出，请重新登录。"))
            elif last is None or now - last >= settings.ACTIVITY_WRITE_EVERY_SECONDS:
                if last is not None:
                    record_activity(request.user, seconds=now - last)
                session[ACTIVITY_KEY] = now
        return self.get_response(request)
