"""Region-side data: each region's schema has its own copy of these tables."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeQuerySet(models.QuerySet):
    def published(self) -> "NoticeQuerySet":
        return self.filter(published_at__lte=timezone.now()).order_by("-pinned", "-published_at")


class Notice(models.Model):
    """通知公告: announcements of a region (windows, paper materials, fees)."""

    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    pinned = models.BooleanField(_("置顶"), default=False)
    published_at = models.DateTimeField(_("发布时间"), default=timezone.now, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知公告")
        verbose_name_plural = _("通知公告")

    def __str__(self) -> str:
        return self.title
