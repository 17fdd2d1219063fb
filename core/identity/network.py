"""Where a request comes from: the client's address behind the trusted proxies.

One setting, `TRUSTED_PROXY_COUNT` (env `TRUSTED_PROXIES`), says how many proxies stand in front
of the application: 0 in development and tests (the peer is the client), 1 in production behind
the shipped nginx (deploy/nginx.conf), which overwrites `X-Forwarded-For` with the address it
saw. Each trusted proxy appends (or, the first one, sets) the address it received the request
from, so the client is the N-th address from the right; anything further left was written by
the client and is never believed. The login throttle (DRF), the lockout (django-axes) and the
audit log all ask `client_ip`, so they agree on who the client is.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _address(value: str | None) -> str | None:
    """The value as a normalized IP address, or None when it is not one."""
    if not value:
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def trusted_proxy_count() -> int:
    return max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0)), 0)


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address: the peer itself without trusted proxies, else the address the
    outermost trusted proxy saw. A missing or malformed header falls back to the peer."""
    if request is None:
        return None
    meta = getattr(request, "META", None) or {}
    peer = _address(meta.get("REMOTE_ADDR"))
    proxies = trusted_proxy_count()
    if proxies == 0:
        return peer
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if not forwarded:
        return peer
    return _address(forwarded[-min(proxies, len(forwarded))]) or peer
