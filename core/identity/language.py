"""The interface language follows the person, not the host.

Each region is its own host, so a language cookie set on one is unknown to the others (unless
production shares the parent domain). The language a person picks is kept on their account and
applied on every host once they are logged in; the hand-off between hosts also carries the
language of the page it left, for the first page on the next host.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from core.models import User

CODES = {code for code, _name in settings.LANGUAGES}


def valid_language(code: str | None) -> str | None:
    return code if code in CODES else None


def remember_language(response: HttpResponse, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class AccountLanguageMiddleware:
    """After authentication: a logged-in person's chosen language wins over the host's cookie
    and the browser's Accept-Language, and the host's cookie is brought in line."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        chosen = valid_language(user.language) if user and user.is_authenticated else None
        if chosen and chosen != request.LANGUAGE_CODE:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            remember_language(response, chosen)
        return response


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, and for a logged-in person their account keeps the choice."""
    response = django_set_language(request)
    chosen = valid_language(request.POST.get("language"))
    user = request.user
    if request.method == "POST" and chosen and user.is_authenticated and user.language != chosen:
        User.objects.filter(pk=user.pk).update(language=chosen)
        user.language = chosen
    return response
