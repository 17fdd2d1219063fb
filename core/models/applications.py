"""The public index of applications: one row per application in any region.

Written in the same transaction as the region's row (workflow.index), read by cross-region
lists (`/api/v1/me/applications/`, the central office) without entering any region's schema.
It also enforces, across all regions at once, that a person applies for the same catalog
qualification only once a year.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.translated import localized


class Status(models.TextChoices):
    """The states of an application; workflow.transitions is the only writer."""

    DRAFT = "draft", _("申请人编辑中")
    IN_REVIEW = "in_review", _("审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("未通过")
    FORMAL_REVIEW_PASSED = "formal_review_passed", _("通过形式审核")
    # Only where the offering requires online payment (Offering.payment_required).
    PAID = "paid", _("已缴费")
    MEETING_PASSED = "meeting_passed", _("会议评审通过")
    IN_PUBLICITY = "in_publicity", _("公示中")
    # The publicity period ended without an upheld objection: waiting for the approval document.
    PUBLICITY_ENDED = "publicity_ended", _("公示期满")
    APPROVED = "approved", _("已发批文")
    CERTIFIED = "certified", _("已发证书")


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
    # The committee's id in the region's schema, and its name as data (not a translated label).
    committee_id = models.PositiveIntegerField(_("评审委员会"), null=True)
    committee_name = models.CharField(_("评审委员会名称"), max_length=128)
    # The committee's English and Uyghur names (tenants.translated): the index is read without
    # entering the region, so it carries them beside the Chinese.
    committee_name_en = models.CharField(max_length=128, blank=True, db_default="")
    committee_name_ug = models.CharField(max_length=128, blank=True, db_default="")
    status = models.CharField(_("状态"), max_length=32, db_index=True)
    # Where it is in its pinned flow (codes; labels are rendered when read): the node's index
    # and kind while in review, and the organization it waits at (kind and id) for the
    # reviewers' cross-region queues.
    node_index = models.PositiveSmallIntegerField(_("当前节点"), null=True, blank=True)
    node_kind = models.CharField(_("节点类型"), max_length=32, blank=True)
    waiting_org_kind = models.CharField(_("待办单位类型"), max_length=32, blank=True)
    waiting_org_id = models.PositiveIntegerField(_("待办单位"), null=True, blank=True)
    closes_at = models.DateTimeField(_("截止提交时间"))
    updated_at = models.DateTimeField(_("更新时间"))
    # What the oversight pages count, filter and search by without a join or a region's schema
    # (oversight): the qualification's series and level, the offering (its id in the region's
    # schema), the applicant's name as data, when it was created and first submitted, and since
    # when it waits where it is (its status and node last changed).
    series = models.ForeignKey("core.Series", null=True, on_delete=models.PROTECT, related_name="+")
    level = models.CharField(_("级别"), max_length=16, blank=True)
    offering_id = models.PositiveIntegerField(_("申报项目"), null=True)
    applicant_name = models.CharField(_("申请人"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("创建时间"), null=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True)
    waiting_since = models.DateTimeField(_("到达时间"), null=True)

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
            models.Index(
                fields=["waiting_org_kind", "waiting_org_id", "-updated_at"],
                name="core_index_waiting_at",
            ),
            # The oversight dashboard's counts (an index-only scan) and its waits per node.
            models.Index(
                fields=["year", "region", "status", "series", "level"],
                name="core_index_dashboard",
            ),
            # What waits where (index-only scans of the year's applications in review).
            models.Index(
                fields=[
                    "status",
                    "year",
                    "node_kind",
                    "waiting_org_kind",
                    "waiting_org_id",
                    "region",
                    "waiting_since",
                ],
                name="core_index_waits",
            ),
            models.Index(fields=["year", "submitted_at"], name="core_index_submitted"),
            # The oversight lists: newest first, in one region or all; exact name search.
            models.Index(fields=["region", "-updated_at"], name="core_index_region_recent"),
            models.Index(fields=["unit", "-updated_at"], name="core_index_unit_recent"),
            models.Index(fields=["-updated_at", "number"], name="core_index_recent"),
            models.Index(
                fields=["applicant_name"],
                opclasses=["varchar_pattern_ops"],
                name="core_index_applicant_name",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def label(self) -> str:
        """The manual's form, `[乌鲁木齐市][中级]中小学教师/二级教师` (select region and
        qualification with the row)."""
        return f"[{self.region.local_name}]{self.qualification.label}"

    @property
    def committee_label(self) -> str:
        """The committee's name in the reader's language."""
        return localized(self, "committee_name")

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


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
