"""Binding a WeChat to an account, unbinding it, and logging in with it.

A round trip to WeChat starts here (`wechat_start`): a random state is kept in the browser's
session with what the trip is for (bind or login), for whom, the region to land in and where
to continue; the callback takes it back (`wechat_state_take`, once, before
WECHAT_STATE_SECONDS). A callback whose state is not the one this session started — forged,
replayed, from another browser — is refused, so nobody can bind their WeChat to someone else's
account or log someone into their own (login CSRF).
"""

import secrets
import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import audit_record
from core.errors import RateLimitedError
from core.identity.lockout import LOCKED_OUT_MESSAGE
from core.identity.wechat.providers import WechatError, WechatIdentity, get_provider
from core.models import AuditKind, User, WechatBinding

STATE_KEY = "wechat_state"
BIND, LOGIN = "bind", "login"

# Every refusal, by reason: what the person reads.
MESSAGES = {
    "state": _("微信登录请求无效或已过期，请重新扫码。"),
    "denied": _("您已在微信中取消授权。"),
    "invalid": _("微信授权码无效，请重新扫码。"),
    "used": _("微信授权码已使用过，请重新扫码。"),
    "expired": _("微信授权码已过期，请重新扫码。"),
    "refused": _("微信拒绝了本次请求，请稍后重新扫码。"),
    "unavailable": _("暂时无法连接微信，请稍后再试或使用账号密码登录。"),
    "unknown": _("该微信尚未绑定账号，请先用账号密码登录后在个人信息中绑定"),
    "inactive": _("该账号已停用。"),
    "locked_out": LOCKED_OUT_MESSAGE,
    "throttled": _("操作过于频繁，请稍后再试。"),
    "taken": _("该微信已绑定其他账号。"),
    "already": _("您的账号已绑定微信，请先解除绑定。"),
}


class WechatRefused(Exception):  # noqa: N818 - the name reads as the outcome
    """A WeChat round trip that ends without a binding or a login; `reason` keys MESSAGES."""

    def __init__(self, reason: str, *, username: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.username = username

    @property
    def message(self) -> str:
        return str(MESSAGES.get(self.reason, MESSAGES["refused"]))


def wechat_start(
    request: HttpRequest, *, purpose: str, region: str = "", next_path: str = "/"
) -> str:
    """Remember a fresh state in the session; the WeChat address to send the browser to."""
    state = secrets.token_urlsafe(24)
    request.session[STATE_KEY] = {
        "state": state,
        "purpose": purpose,
        "user": request.user.pk if purpose == BIND else None,
        "region": region,
        "next": next_path,
        "at": time.time(),
    }
    redirect_uri = request.build_absolute_uri(reverse("wechat-callback"))
    return get_provider().authorize_url(redirect_uri=redirect_uri, state=state)


def wechat_pending_purpose(request: HttpRequest) -> str:
    """What the round trip this session started is for (a login when there is none)."""
    pending = request.session.get(STATE_KEY)
    return pending.get("purpose", LOGIN) if isinstance(pending, dict) else LOGIN


def wechat_state_take(request: HttpRequest, state: str) -> dict:
    """The round trip this session started, if `state` is its state; it is forgotten either
    way, so a state works once."""
    pending = request.session.pop(STATE_KEY, None)
    if (
        not isinstance(pending, dict)
        or not state
        or not secrets.compare_digest(str(pending.get("state", "")), state)
        or time.time() - float(pending.get("at", 0)) > settings.WECHAT_STATE_SECONDS
    ):
        raise WechatRefused("state")
    return pending


def wechat_identity(code: str) -> WechatIdentity:
    """Who scanned, from the provider; a person who refused on the phone sends no code."""
    if not code:
        raise WechatRefused("denied")
    if len(code) > 512:
        raise WechatRefused("invalid")
    try:
        return get_provider().identity(code)
    except WechatError as error:
        raise WechatRefused(error.reason) from error


def wechat_bind(*, user: User, identity: WechatIdentity, request: HttpRequest) -> WechatBinding:
    """Bind the WeChat to the account: one WeChat per account, one account per WeChat."""
    if WechatBinding.objects.filter(user=user).exists():
        raise WechatRefused("already")
    try:
        with transaction.atomic():
            binding = WechatBinding.objects.create(
                user=user,
                openid=identity.openid,
                unionid=identity.unionid,
                nickname=identity.nickname,
            )
    except IntegrityError as error:  # bound meanwhile, to this account or another one
        audit_record(
            AuditKind.WECHAT_BIND, request=request, actor=user, success=False, reason="taken"
        )
        raise WechatRefused("taken") from error
    audit_record(AuditKind.WECHAT_BIND, request=request, actor=user, openid=identity.openid)
    return binding


def wechat_unbind(*, user: User, password: str, request: HttpRequest) -> None:
    """Unbind the account's WeChat, confirmed with the password (checked like a login: wrong
    ones count towards django-axes' lockout, a locked-out client gets RateLimitedError)."""
    verified = authenticate(request, username=user.get_username(), password=password)
    if getattr(request, "axes_locked_out", False):
        raise RateLimitedError(LOCKED_OUT_MESSAGE, code="locked_out")
    if verified is None or verified.pk != user.pk:
        raise ValidationError({"password": [_("密码不正确。")]})
    deleted, _per_model = WechatBinding.objects.filter(user=user).delete()
    if deleted:
        audit_record(AuditKind.WECHAT_UNBIND, request=request, actor=user)


def wechat_login_user(*, identity: WechatIdentity, request: HttpRequest) -> User:
    """The active account bound to this WeChat, unless django-axes has locked it out from this
    client (as its password login would be)."""
    binding = WechatBinding.objects.select_related("user").filter(openid=identity.openid).first()
    if binding is None:
        raise WechatRefused("unknown")
    user = binding.user
    if not user.is_active:
        raise WechatRefused("inactive", username=user.username)
    if AxesProxyHandler.is_locked(request, credentials={"username": user.get_username()}):
        raise WechatRefused("locked_out", username=user.username)
    return user
