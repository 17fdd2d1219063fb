"""微信扫码登录 and the callback of every WeChat round trip (binding starts on the profile page)."""

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.api.throttling import page_allowed
from core.audit import audit_record
from core.errors import RateLimitedError
from core.identity.login_forms import LoginForm
from core.identity.wechat.forms import WechatUnbindForm
from core.identity.wechat.providers import wechat_enabled
from core.identity.wechat.services import (
    BIND,
    LOGIN,
    WechatRefused,
    wechat_bind,
    wechat_identity,
    wechat_login_user,
    wechat_pending_purpose,
    wechat_start,
    wechat_state_take,
    wechat_unbind,
)
from core.models import AuditKind
from core.views.auth import MODEL_BACKEND, go_to_region, known_region, safe_next


@require_POST
def wechat_login_view(request: HttpRequest) -> HttpResponse:
    """Start a QR login: the region chosen on the login form is where the person lands."""
    if not wechat_enabled():
        raise Http404
    region = request.POST.get("region", "")
    if not known_region(region):
        return _login_refused(request, WechatRefused("state"))
    url = wechat_start(request, purpose=LOGIN, region=region, next_path=safe_next(request))
    return HttpResponseRedirect(url)


@require_GET
def wechat_callback_view(request: HttpRequest) -> HttpResponse:
    """Where WeChat sends the browser back, with `code` and `state`."""
    if not wechat_enabled():
        raise Http404
    if wechat_pending_purpose(request) == BIND and request.user.is_authenticated:
        return _bind_callback(request)
    return _login_callback(request)


def _bind_callback(request: HttpRequest) -> HttpResponse:
    try:
        pending = wechat_state_take(request, request.GET.get("state", ""))
        if pending.get("user") != request.user.pk:
            raise WechatRefused("state")
        identity = wechat_identity(request.GET.get("code", ""))
        wechat_bind(user=request.user, identity=identity, request=request)
    except WechatRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("微信已绑定，以后可以用微信扫码登录。"))
    return redirect("profile")


def _login_callback(request: HttpRequest) -> HttpResponse:
    try:
        if not page_allowed(request, "login"):  # the password login's rate
            raise WechatRefused("throttled")
        pending = wechat_state_take(request, request.GET.get("state", ""))
        if pending.get("purpose") != LOGIN:
            raise WechatRefused("state")
        identity = wechat_identity(request.GET.get("code", ""))
        user = wechat_login_user(identity=identity, request=request)
    except WechatRefused as refused:
        return _login_refused(request, refused)
    request.login_via = "wechat"  # the login's audit event says how (core.audit)
    login(request, user, backend=MODEL_BACKEND)
    return go_to_region(request, pending["region"], pending["next"] or "/")


def _login_refused(request: HttpRequest, refused: WechatRefused) -> HttpResponse:
    """The login page again, saying why; no session is made."""
    audit_record(
        AuditKind.LOGIN_FAILED,
        request=request,
        username=refused.username,
        success=False,
        via="wechat",
        reason=refused.reason,
    )
    status = 429 if refused.reason in ("throttled", "locked_out") else 400
    return render(
        request,
        "core/login.html",
        {"form": LoginForm(request), "next": "", "wechat_error": refused.message},
        status=status,
    )


def profile_wechat(request: HttpRequest) -> tuple[HttpResponse | None, WechatUnbindForm]:
    """The profile page's WeChat card: 绑定微信 starts a round trip, 解除绑定 asks the password.
    A response when the POST was for this card and is done; the unbind form either way."""
    form = WechatUnbindForm()
    if request.method != "POST":
        return None, form
    if "wechat_bind" in request.POST and wechat_enabled():
        return HttpResponseRedirect(wechat_start(request, purpose=BIND)), form
    if "wechat_unbind" in request.POST:
        form = WechatUnbindForm(request.POST)
        if form.is_valid():
            try:
                wechat_unbind(user=request.user, request=request, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            except RateLimitedError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已解除微信绑定。"))
                return redirect("profile"), form
    return None, form
