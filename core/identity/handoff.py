"""Log a user in on another region's host without a shared cookie (DESIGN.md §2).

A ticket is random (256 bits), stored only as its SHA-256, bound to one region and to the
user's session generation, valid for `HANDOFF_TTL_SECONDS`, and redeemed at most once with an
atomic UPDATE, so it cannot be replayed or used on another host.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core.models import HandoffTicket, User


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def handoff_issue(*, user: User, region_code: str) -> str:
    """A fresh ticket for `user` to present on `region_code`'s host."""
    now = timezone.now()
    HandoffTicket.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    token = secrets.token_urlsafe(32)
    HandoffTicket.objects.create(
        digest=_digest(token),
        user=user,
        region_code=region_code,
        session_generation=user.session_generation,
        expires_at=now + timedelta(seconds=settings.HANDOFF_TTL_SECONDS),
    )
    return token


def handoff_redeem(*, token: str, region_code: str) -> User | None:
    """The user the ticket was issued to, or None if it is unknown, used, expired or elsewhere."""
    if not token or len(token) > 128:
        return None
    now = timezone.now()
    digest = _digest(token)
    claimed = HandoffTicket.objects.filter(
        digest=digest, region_code=region_code, used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if claimed != 1:
        return None
    ticket = HandoffTicket.objects.select_related("user").get(digest=digest)
    user = ticket.user
    if not user.is_active or user.session_generation != ticket.session_generation:
        return None
    return user
