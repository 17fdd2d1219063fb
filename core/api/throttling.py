from types import SimpleNamespace

from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle

from core.identity.network import client_ip


class LoginRateThrottle(ScopedRateThrottle):
    """Login attempts per client address; the rate is read when used, so settings can change."""

    scope_attr = "throttle_scope"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request) -> str:
        """The client's address as core.identity.network sees it (trusted proxies only), the
        same one django-axes locks and the audit log records."""
        return client_ip(request) or ""


def page_allowed(request: HttpRequest, scope: str) -> bool:
    """The same per-address counter for a page without login as its API counterpart's
    (`scope` of DEFAULT_THROTTLE_RATES): a page and its API share one budget."""
    return LoginRateThrottle().allow_request(request, SimpleNamespace(throttle_scope=scope))
