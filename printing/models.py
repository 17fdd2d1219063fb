"""Region-side records of printing: the official copies as they were printed (what the
verification page confirms) and a committee's merged print jobs.

Test copies leave no row: they are files in the content-addressed store only (printing.storage).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    REVIEW_FORM = "review_form", _("评审表")
    MATERIAL_BAG = "material_bag", _("职称材料袋基本信息")


class PrintedDocument(models.Model):
    """One official copy of a document, as rendered once for its content: the verification
    code printed on every page finds it, and its hashes say what was printed."""

    # Only applications past formal review have official copies, and those are never deleted
    # (only drafts are) nor moved (requalification is for drafts and returned ones): the
    # database's constraint keeps these records, with no query of Django's on each deletion.
    application = models.ForeignKey(
        "workflow.Application", on_delete=models.DO_NOTHING, related_name="+"
    )
    kind = models.CharField(_("文书"), max_length=32, choices=DocumentKind.choices)
    # SHA-256 of what was rendered (the data, the template version, the copy): the storage key.
    content_sha256 = models.CharField(_("内容摘要"), max_length=64)
    code = models.CharField(_("验证码"), max_length=16, unique=True)
    pdf_sha256 = models.CharField(_("文件摘要"), max_length=64)
    pages = models.PositiveSmallIntegerField(_("页数"))
    size = models.PositiveIntegerField(_("大小"))
    status = models.CharField(_("打印时状态"), max_length=32)
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("正式打印件")
        verbose_name_plural = _("正式打印件")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "content_sha256"], name="printed_once_per_content"
            )
        ]

    def __str__(self) -> str:
        return self.code


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("生成中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class PrintBatch(models.Model):
    """A committee's merged PDF of many official review forms, built in the background."""

    committee = models.ForeignKey("workflow.Committee", on_delete=models.CASCADE, related_name="+")
    offering = models.ForeignKey(
        "workflow.Offering", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("名称"), max_length=200)
    # The application numbers, in print order, fixed when the job was asked for.
    numbers = models.JSONField(default=list)
    requested_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    # The public site's address the forms' verification links point at (scheme, host, port).
    origin = models.CharField(max_length=200)
    status = models.CharField(
        _("状态"), max_length=16, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("已完成"), default=0)
    # The stored forms rendered so far, in order (storage paths): what the merge joins.
    parts = models.JSONField(default=list)
    total = models.PositiveIntegerField(_("总数"), default=0)
    file_key = models.CharField(max_length=200, blank=True)
    pages = models.PositiveIntegerField(default=0)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("批量打印")
        verbose_name_plural = _("批量打印")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100
