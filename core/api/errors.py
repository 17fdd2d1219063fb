"""The error contract of API.md, in one place.

400 `{"field": [...]}`; 401; 403 and 409 `{"detail", "code"}`; 404 never says whether the thing
exists elsewhere; 413 over the upload limit; 429 too many attempts.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from core.errors import DomainError


class NotFound(exceptions.NotFound):
    default_detail = _("未找到。")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        set_rollback()
        return Response({"detail": exc.message, "code": exc.code}, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.NotFound):
        response.data = {"detail": str(NotFound.default_detail), "code": "not_found"}
    elif isinstance(exc, exceptions.ValidationError):
        pass  # DRF's field -> messages mapping is the contract
    elif isinstance(response.data, dict) and "detail" in response.data:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else response.data["detail"]
        response.data = {
            "detail": str(detail),
            "code": getattr(detail, "code", None) or getattr(exc, "default_code", "error"),
        }
    return response


BAD_REQUEST = _("请求无法处理（字段过多或格式有误）。")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 400 handler (`handler400`): a request Django itself refuses before any view
    (too many fields, a suspicious header) answers in the error contract under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(BAD_REQUEST), "code": "bad_request"}, status=400)
    return defaults.bad_request(request, exception)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """Django's 404 handler (`handler404` of both URL confs): an address under /api/ that
    matches no route (`/api/v1/appeals/abc/`) answers the API's JSON 404, pages the HTML one."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": str(NotFound.default_detail), "code": "not_found"}, status=404
        )
    return defaults.page_not_found(request, exception)
