"""The public index of applications: one row per application in any region.

Written in the same transaction as the region's row (workflow.index), read by cross-region
lists (`/api/v1/me/applications/`, the central office) without entering any region's schema.
It also enforces, across all regions at once, that a person applies for the same catalog
qualification only once a year.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationIndex(models.Model):
    number = models.CharField(_("申请书编号"), max_length=20, primary_key=True)
    region = models.ForeignKey("tenants.Region", on_delete=models.PROTECT, related_name="+")
    applicant = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="application_index"
    )
    unit = models.ForeignKey("core.Unit", on_delete=models.PROTECT, related_name="+")
    qualification = models.ForeignKey(
        "core.Qualification", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("申请年度"))
    label = models.CharField(_("申请资格"), max_length=200)
    committee_name = models.CharField(_("评审委员会"), max_length=128)
    status = models.CharField(_("状态"), max_length=32, db_index=True)
    current_node = models.CharField(_("当前节点"), max_length=128, blank=True)
    closes_at = models.DateTimeField(_("截止提交时间"))
    updated_at = models.DateTimeField(_("更新时间"))

    class Meta:
        verbose_name = _("申请书索引")
        verbose_name_plural = _("申请书索引")
        ordering = ["-year", "-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["applicant", "qualification", "year"],
                name="one_application_per_qualification_year",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["applicant", "-updated_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.label}"


class AttachmentUse(models.Model):
    """A file of someone's 附件库 attached to an application (written with the region's
    attachment row): a file in use cannot leave the library, and reviewers of the application
    may read it."""

    application = models.ForeignKey(
        ApplicationIndex, on_delete=models.CASCADE, related_name="file_uses"
    )
    blob = models.ForeignKey("core.Blob", on_delete=models.PROTECT, related_name="uses")
    owner = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    section = models.SlugField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "blob", "section"], name="attachment_use_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.section}"
