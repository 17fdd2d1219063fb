"""What a client locked out by django-axes gets (AXES_LOCKOUT_CALLABLE): under /api/ the API's
error contract, `429 {"detail", "code": "locked_out"}`; elsewhere the page."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

LOCKED_OUT_MESSAGE = _("登录失败次数过多，账号已暂时锁定，请稍后再试或找回密码。")
LOCKED_OUT_STATUS = 429


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": str(LOCKED_OUT_MESSAGE), "code": "locked_out"}, status=LOCKED_OUT_STATUS
        )
    return render(request, "core/locked_out.html", status=LOCKED_OUT_STATUS)
