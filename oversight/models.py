"""Exports of the oversight lists (public schema): built in the background, downloaded once
ready by the person who asked for them only."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("生成中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")
    EXPIRED = "expired", _("已过期")


class ExportJob(models.Model):
    """A filtered list of the public index written to a file. `region` None: every region
    (the central office); else the one region of the region admin who asked."""

    requested_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(
        "tenants.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    params = models.JSONField(_("筛选条件"), default=dict)
    format = models.CharField(_("格式"), max_length=8, choices=ExportFormat.choices)
    status = models.CharField(
        _("状态"), max_length=16, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file_key = models.CharField(max_length=200, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("导出")
        verbose_name_plural = _("导出")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self) -> str:
        return f"export {self.pk} ({self.format})"

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return int(self.done * 100 / self.total) if self.total else 0

    @property
    def working(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)
