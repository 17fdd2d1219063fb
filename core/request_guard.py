"""One answer for input no route can take: a NUL character in the path, the query string or a
form body answers 400 before any view runs (PostgreSQL refuses NUL in text, so each raw use of
such a value was a 500). The API's JSON bodies are checked by core.api.parsers."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

NUL_MESSAGE = _("不能包含空字符（NUL）。")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _nul_field(request: HttpRequest) -> str | None:
    """The name of the first value holding a NUL ("" for the path), or None."""
    if "\x00" in request.path:
        return ""
    for values in _values(request):
        for key, items in values.lists():
            if "\x00" in key:
                return "non_field_errors"
            if any("\x00" in item for item in items if isinstance(item, str)):
                return key
    return None


def _values(request: HttpRequest):
    yield request.GET
    content_type = request.content_type or ""
    if content_type not in FORM_TYPES:
        return
    if request.method == "POST":
        yield request.POST  # Django parses it (and the view reuses it)
    elif content_type == FORM_TYPES[0]:
        yield QueryDict(request.body, encoding=request.encoding)


class RequestGuardMiddleware:
    """400 for a NUL anywhere in the path, the query string or a form body: JSON in the API's
    error contract (`{"field": ["..."]}`), a short page elsewhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _nul_field(request)
        if field is None:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse({field or "non_field_errors": [str(NUL_MESSAGE)]}, status=400)
        return render(request, "core/bad_request.html", {"message": NUL_MESSAGE}, status=400)
