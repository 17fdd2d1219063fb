"""Notifications: an in-app list (with the unread count in the header) and an e-mail.

Callers (the transition table, mostly) use `notify_after_commit()`: nothing is queued until the
transaction commits, and nothing at all on rollback. The queued task, `notify_users()`, runs in
a django-q2 worker inside the region the caller was in (tenants.queue), so it records that
region on every row; the row's link is a path on that region's host.

Notifications live in the public schema: one list per person, whichever host it is read on.
"""

import logging
from collections.abc import Iterable
from typing import Literal

from django.conf import settings
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.models import Notification, User
from core.notifications.messages import Spec, qualifications_of, render
from tenants.crossing import current_region_code
from tenants.links import region_url
from tenants.queue import enqueue

logger = logging.getLogger(__name__)

LIST_LIMIT = 50
MAX_TITLE = Notification._meta.get_field("title").max_length
MAX_LINK = Notification._meta.get_field("link").max_length


def is_local_path(link: str) -> bool:
    """A path on a host ("/applications/RSSQ00000001/"), never something that leaves it."""
    return (
        link.startswith("/")
        and not link.startswith("//")
        and "\\" not in link
        and len(link) <= MAX_LINK
        and not any(ch.isspace() or ord(ch) < 32 for ch in link)
    )


# --- sending ----------------------------------------------------------------------------------


def notify_after_commit(
    *, user_ids: Iterable[int], title: str | Spec, body: str | Spec, link: str, email: bool = True
) -> None:
    """Queue `notify_users` in the current region once the transaction commits.

    `title` and `body` are plain text or a `core.notifications.messages.message(...)`, put into
    words in each recipient's language. `link` is a path on the current region's host. A link
    that is not a local path is a bug in the caller and fails here, not later in the worker.
    """
    if link and not is_local_path(link):
        raise ValueError(f"notification link must be a local path: {link!r}")
    ids = sorted({int(pk) for pk in user_ids})
    if not ids:
        return
    title = title if isinstance(title, dict) else str(title)
    body = body if isinstance(body, dict) else str(body)
    enqueue(notify_users, user_ids=ids, title=title, body=body, link=link, email=email)


def notify_users(
    *, user_ids: list[int], title: str | Spec, body: str | Spec, link: str, email: bool = True
) -> None:
    """The task: one notification per active user, in the user's language, and an e-mail to
    those with an address.

    Runs in the worker inside the caller's region. The rows are written first, in one
    transaction; a failing mail server is logged, not raised, so that django-q2 does not run
    the task again (it retries unacknowledged failures) and write the rows twice.
    """
    region_code = current_region_code()
    link = link if is_local_path(link) else ""
    recipients = list(
        User.objects.filter(pk__in=user_ids, is_active=True).only(
            "pk", "name", "username", "email", "language"
        )
    )
    if not recipients:
        return
    qualifications = qualifications_of(title, body)
    words: dict[str, tuple[str, str]] = {}
    for language in {user.language or settings.LANGUAGE_CODE for user in recipients}:
        with translation.override(language):
            words[language] = (
                " ".join(render(title, qualifications).split())[:MAX_TITLE],
                render(body, qualifications),
            )

    def words_for(user: User) -> tuple[str, str]:
        return words[user.language or settings.LANGUAGE_CODE]

    with transaction.atomic():
        Notification.objects.bulk_create(
            Notification(
                recipient=user,
                region_code=region_code,
                title=words_for(user)[0],
                body=words_for(user)[1],
                link=link,
            )
            for user in recipients
        )
    if email:
        _send_emails(
            [(user, *words_for(user)) for user in recipients if user.email], region_code, link
        )


def _send_emails(mails: list[tuple[User, str, str]], region_code: str, link: str) -> None:
    if not mails:
        return
    url = region_url(None, region_code, link or "/notifications/")
    with get_connection() as connection:
        for user, title, body in mails:
            # Each mail in its reader's chosen language (the worker's own is nobody's).
            with translation.override(user.language or settings.LANGUAGE_CODE):
                subject = _("【新疆职称管理平台】") + title
                message = _("%(name)s，您好：\n\n%(body)s\n\n查看详情：%(url)s\n\n%(site)s") % {
                    "name": user.display_name,
                    "body": body,
                    "url": url,
                    "site": _("新疆职称管理平台"),
                }
            try:
                send_mail(
                    subject,
                    message,
                    settings.DEFAULT_FROM_EMAIL,
                    [user.email],
                    connection=connection,
                )
            except Exception:
                logger.exception("notification e-mail to user %s failed", user.pk)


# --- reading ----------------------------------------------------------------------------------


def unread_count(user: User) -> int:
    """One COUNT query; 0 without one for anonymous visitors."""
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_stamp(user: User) -> str:
    """SQL whose value changes with every new, read or deleted notification of `user`: their
    count and the sum of the rows' `xmin` (core.caching.pages keys the notifications page on
    it)."""
    recipient = int(user.pk)  # an integer: nothing to escape
    return (
        "(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) "  # noqa: S608
        f"FROM public.core_notification WHERE recipient_id = {recipient})"
    )


def notifications_for(user: User, *, limit: int | None = LIST_LIMIT) -> QuerySet[Notification]:
    """The user's notifications, newest first (all of them when `limit` is None)."""
    rows = Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")
    return rows if limit is None else rows[:limit]


def access_notification(user: User, pk: int) -> Notification:
    """The user's own notification; the same 404 for "missing" and "someone else's"."""
    return get_object_or_404(Notification, pk=pk, recipient=user)


def mark_read(user: User, ids: Iterable[int] | Literal["all"]) -> int:
    """Mark the user's unread notifications (the given ids, or "all") read; others' ids are
    ignored. Returns how many changed."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids != "all":
        rows = rows.filter(pk__in=[int(pk) for pk in ids])
    return rows.update(read_at=timezone.now())
