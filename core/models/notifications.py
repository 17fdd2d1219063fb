"""In-app notifications, in the public schema: one list per person across every region.

Each row remembers the region it was raised in, so its link (a path on that region's host) can
be turned into a full address on whichever host the list is read (core.notifications.delivery).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        "core.User",
        verbose_name=_("接收人"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    region_code = models.CharField(_("所属地区"), max_length=63)
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    # A path on the region's host, e.g. "/applications/RSSQ00000001/".
    link = models.CharField(_("链接"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("通知时间"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_recipient_read"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.title}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
