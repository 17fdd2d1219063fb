"""Login with the region selector, the cross-host hand-off, region switching and logout."""

from urllib.parse import urlencode

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.audit import audit_record
from core.identity.handoff import handoff_issue, handoff_redeem
from core.identity.language import remember_language, valid_language
from core.identity.login_forms import LoginForm
from core.identity.sessions import logout_everywhere
from core.models import AuditKind
from tenants.directory import PUBLIC_CODE
from tenants.links import region_url
from tenants.routing import REGION_MAP

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request: HttpRequest, default: str = "/") -> str:
    """A local path to continue to; anything pointing at another host is dropped."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and not target.startswith("//")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default


def known_region(code: str) -> bool:
    """Whether `code` is the public site or a region of the map."""
    return code == PUBLIC_CODE or any(r.schema_name == code for r in REGION_MAP.regions())


def go_to_region(request: HttpRequest, code: str, next_path: str = "/") -> HttpResponseRedirect:
    """Send the browser to a region's host, carrying the login across when there is one."""
    if code == request.tenant.schema_name:
        return HttpResponseRedirect(next_path)
    if not request.user.is_authenticated:
        return HttpResponseRedirect(region_url(request, code, next_path))
    ticket = handoff_issue(user=request.user, region_code=code)
    query = urlencode({"ticket": ticket, "next": next_path, "lang": get_language()})
    return HttpResponseRedirect(region_url(request, code, f"/accounts/handoff/?{query}"))


@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend=MODEL_BACKEND)
        return go_to_region(request, form.cleaned_data["region"], safe_next(request))
    return render(
        request,
        "core/login.html",
        {"form": form, "next": safe_next(request, "")},
        status=400 if form.errors else 200,
    )


@require_GET
def handoff_view(request: HttpRequest) -> HttpResponse:
    """Redeem a ticket issued on another host and continue logged in.

    A ticket of another account than the one logged in here is refused (and used up): a link
    someone sends must never switch the person at this browser into the sender's account.
    """
    user = handoff_redeem(
        token=request.GET.get("ticket", ""), region_code=request.tenant.schema_name
    )
    if user is None:
        return render(request, "core/handoff_failed.html", status=400)
    if request.user.is_authenticated and request.user.pk != user.pk:
        audit_record(
            AuditKind.LOGIN_FAILED,
            request=request,
            actor=user,
            success=False,
            via="handoff",
            reason="another_account_logged_in",
            logged_in=request.user.username,
        )
        return render(request, "core/handoff_refused.html", status=403)
    login(request, user, backend=MODEL_BACKEND)
    response = redirect(safe_next(request))
    carried = valid_language(user.language) or valid_language(request.GET.get("lang"))
    if carried:
        remember_language(response, carried)
    return response


@require_GET
def switch_region_view(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("to", "")
    if not known_region(code):
        return HttpResponseBadRequest(_("没有这个地区。"))
    return go_to_region(request, code, "/")


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout_everywhere(request)
    return HttpResponseRedirect(region_url(request, PUBLIC_CODE, "/"))
