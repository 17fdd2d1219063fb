"""The platform's own errors: what a business rule says when it refuses.

`workflow/` and `core/` raise these, never an HTTP framework's exceptions. One place maps them
to the API's error contract (`core.api.errors.exception_handler`) and one to page messages
(`error_messages`). Each carries a translated message and a stable `code` a program can test.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A rule refused the request. `status` is the HTTP answer the API gives it."""

    status = 400
    default_message = _("请求无效。")
    default_code = "invalid"

    def __init__(self, message: object = None, *, code: str | None = None) -> None:
        self.message = str(message if message is not None else self.default_message)
        self.code = code or self.default_code
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ConflictError(DomainError):
    """The action is not allowed in the current state (window closed, limit reached, already
    handled by someone else...)."""

    status = 409
    default_message = _("当前状态下不允许此操作。")
    default_code = "conflict"


class TooLargeError(DomainError):
    """An upload or a request body over its limit."""

    status = 413
    default_message = _("上传的文件超过大小限制。")
    default_code = "too_large"


class RateLimitedError(DomainError):
    """Too many attempts; try again later."""

    status = 429
    default_message = _("操作过于频繁，请稍后再试。")
    default_code = "throttled"


def error_messages(error: Exception) -> list[str]:
    """What a page shows for a refused request: each message of a validation error, else the
    domain error's one message."""
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error)]
