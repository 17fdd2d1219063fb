"""API tokens (`Authorization: Token <key>`): django-rest-knox, stored only as digests.

A token works on every host (one shared identity) until it is idle for
`API_TOKEN_IDLE_SECONDS` (each use renews it, writing at most once a minute), or
`API_TOKEN_MAX_AGE_SECONDS` after it was issued, or until its user logs out everywhere, changes
or resets the password, or has an appeal approved (`core.identity.sessions.tokens_revoke`).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.models import AuthToken
from rest_framework.exceptions import AuthenticationFailed

from core.models import User


def token_issue(*, user: User) -> str:
    """A new token for a program of `user` (each program its own); the user's expired tokens
    go at the same time. Only the digest is stored: the key is shown once."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    _instance, key = AuthToken.objects.create(user=user)
    return key


class ExpiringTokenAuthentication(TokenAuthentication):
    """knox's token check; a key that is not text is refused like any unknown key."""

    def authenticate_credentials(self, token: bytes):
        try:
            token.decode("utf-8")
        except UnicodeError:
            raise AuthenticationFailed(_("无效的令牌。")) from None
        return super().authenticate_credentials(token)


class ExpiringTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI schema describes the token header."""

    target_class = "core.api.tokens.ExpiringTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return build_bearer_security_scheme_object(
            header_name="Authorization", token_prefix="Token"
        )
