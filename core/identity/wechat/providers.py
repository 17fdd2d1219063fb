"""WeChat website QR login behind one small interface, chosen in settings (`WECHAT_PROVIDER`,
a dotted path; its settings beside it).

`OpenPlatformProvider` speaks WeChat Open Platform's protocol for a website application
(网站应用微信登录): the browser goes to `{WECHAT_CONNECT_URL}/connect/qrconnect` with the appid,
the redirect_uri and a state; the person scans and confirms on the phone; WeChat sends the
browser back with `code` and `state`; the server exchanges the code, with the app secret, at
`{WECHAT_API_URL}/sns/oauth2/access_token` for an access token and the person's openid (and
unionid), and may read the nickname at `/sns/userinfo`. The sandbox (core.identity.wechat.
sandbox) speaks the same protocol, so the real WeChat is configuration only: its two URLs, the
appid and the secret.
"""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import cache
from typing import Protocol
from urllib.parse import urlencode

from django.conf import settings
from django.utils.module_loading import import_string

TIMEOUT = 10
# WeChat's answers to a code that is unknown, already used or too old.
CODE_ERRORS = {40029: "invalid", 40163: "used", 42003: "expired"}


class WechatError(Exception):
    """The provider refused the code, or could not be reached (`reason` says which)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason  # "invalid", "used", "expired", "refused", "unavailable"


@dataclass(frozen=True)
class WechatIdentity:
    """Who scanned: the person's openid for this application, unionid if any, nickname."""

    openid: str
    unionid: str = ""
    nickname: str = ""


class Provider(Protocol):
    name: str

    def authorize_url(self, *, redirect_uri: str, state: str) -> str:
        """Where to send the browser to show the QR code."""

    def identity(self, code: str) -> WechatIdentity:
        """Exchange the code (once) for the person's identity; else WechatError."""


class OpenPlatformProvider:
    """WeChat Open Platform (open.weixin.qq.com / api.weixin.qq.com), or anything speaking its
    protocol at the configured URLs, such as the sandbox."""

    name = "wechat"

    def __init__(self) -> None:
        self.connect = settings.WECHAT_CONNECT_URL.rstrip("/")
        self.api = settings.WECHAT_API_URL.rstrip("/")
        self.appid = settings.WECHAT_APPID
        self.secret = settings.WECHAT_SECRET

    def authorize_url(self, *, redirect_uri: str, state: str) -> str:
        query = urlencode(
            {
                "appid": self.appid,
                "redirect_uri": redirect_uri,
                "response_type": "code",
                "scope": "snsapi_login",
                "state": state,
            }
        )
        return f"{self.connect}/connect/qrconnect?{query}#wechat_redirect"

    def _get(self, path: str, params: dict[str, str]) -> dict:
        url = f"{self.api}{path}?{urlencode(params)}"
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # noqa: S310 - configured
                data = json.loads(response.read())
        except (OSError, ValueError) as error:  # unreachable, an HTTP error, not JSON
            raise WechatError("unavailable", type(error).__name__) from error
        if not isinstance(data, dict):
            raise WechatError("unavailable", "not an object")
        errcode = data.get("errcode")
        if errcode:
            reason = CODE_ERRORS.get(errcode, "refused")
            raise WechatError(reason, f"{errcode} {data.get('errmsg')}")
        return data

    def identity(self, code: str) -> WechatIdentity:
        token = self._get(
            "/sns/oauth2/access_token",
            {
                "appid": self.appid,
                "secret": self.secret,
                "code": code,
                "grant_type": "authorization_code",
            },
        )
        openid = str(token.get("openid") or "")
        if not openid or not token.get("access_token"):
            raise WechatError("unavailable", "no openid")
        nickname = ""
        try:
            info = self._get(
                "/sns/userinfo", {"access_token": str(token["access_token"]), "openid": openid}
            )
            nickname = str(info.get("nickname") or "")[:64]
        except WechatError:
            pass  # the nickname is a courtesy; the login needs the openid only
        return WechatIdentity(
            openid=openid[:128], unionid=str(token.get("unionid") or "")[:128], nickname=nickname
        )


@cache
def _provider_class(path: str) -> type:
    return import_string(path)


def get_provider() -> Provider:
    return _provider_class(settings.WECHAT_PROVIDER)()


def wechat_enabled() -> bool:
    """Whether WeChat login is configured (an appid); pages offer it only then."""
    return bool(settings.WECHAT_APPID)
