"""Template context for the header: the number of unread notifications.

The value is lazy: a page whose template never shows it costs no query, and one that does costs
a single COUNT however often the template reads it.
"""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from core.notifications.delivery import unread_count


def notifications_context(request: HttpRequest) -> dict[str, object]:
    def count() -> int:
        user = getattr(request, "user", None)
        return 0 if user is None else unread_count(user)

    return {"unread_notifications": SimpleLazyObject(count)}
