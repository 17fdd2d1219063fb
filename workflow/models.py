"""Region-side data: each region's schema has its own copy of these tables.

They may point at public rows (catalog, organizations) but never at another region's rows.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenants.translated import localized
from workflow.states import Status


class NoticeQuerySet(models.QuerySet):
    def published(self) -> "NoticeQuerySet":
        return self.filter(published_at__lte=timezone.now()).order_by("-pinned", "-published_at")


class Notice(models.Model):
    """通知公告: announcements of a region (windows, paper materials, fees)."""

    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    pinned = models.BooleanField(_("置顶"), default=False)
    attachments = models.JSONField(
        _("附件"), default=list, blank=True, help_text=_("附件库文件的 SHA-256 与文件名")
    )
    published_at = models.DateTimeField(_("发布时间"), default=timezone.now, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知公告")
        verbose_name_plural = _("通知公告")

    def __str__(self) -> str:
        return self.title


class Committee(models.Model):
    """评审委员会: who reviews which series and levels in this region, and how to reach them."""

    name = models.CharField(_("名称"), max_length=128, unique=True)
    name_en = models.CharField(_("名称（英文）"), max_length=128, blank=True, default="")
    name_ug = models.CharField(_("名称（维吾尔文）"), max_length=128, blank=True, default="")
    address = models.CharField(_("地址"), max_length=200, blank=True)
    # [{"name": "...", "phone": "..."}]: the directory of manual (1).
    contacts = models.JSONField(_("联系人"), default=list, blank=True)
    # [{"series": "<series code>", "levels": ["junior", ...]}]
    reviews = models.JSONField(_("评审范围"), default=list)
    is_active = models.BooleanField(_("启用"), default=True)
    sort_order = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评审委员会")
        verbose_name_plural = _("评审委员会")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.local_name

    @property
    def local_name(self) -> str:
        """The committee's name in the reader's language (Chinese when untranslated)."""
        return localized(self, "name")

    def reviews_level(self, series_code: str, level: str) -> bool:
        return any(
            item.get("series") == series_code and level in item.get("levels", [])
            for item in self.reviews
        )


class NodeKind(models.TextChoices):
    BASE_UNIT = "base_unit", _("基层工作单位")
    RECOMMENDING_UNIT = "recommending_unit", _("推荐单位")
    AUTHORITY = "authority", _("指定单位")
    COMMITTEE = "committee", _("评审委员会")


class Flow(models.Model):
    """An immutable review flow: the ordered nodes an application passes through.

    Changing an offering's flow creates a new row; applications keep the one they started with.
    """

    # [{"kind": "base_unit"}, {"kind": "recommending_unit"},
    #  {"kind": "authority", "authority_id": 7, "name": "县(市)行业主管局"}, {"kind": "committee"}]
    nodes = models.JSONField(_("流程节点"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("审核流程")
        verbose_name_plural = _("审核流程")

    def __str__(self) -> str:
        return " → ".join(node.get("name") or node["kind"] for node in self.nodes)


class OfferingQuerySet(models.QuerySet):
    def open_at(self, moment=None) -> "OfferingQuerySet":
        moment = moment or timezone.now()
        return self.filter(is_active=True, opens_at__lte=moment, closes_at__gt=moment)


class Offering(models.Model):
    """A committee's call for one qualification in one year: window, limits, fee, flow."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="offerings", verbose_name=_("评审委员会")
    )
    qualification = models.ForeignKey(
        "core.Qualification", on_delete=models.PROTECT, related_name="+", verbose_name=_("资格")
    )
    year = models.PositiveSmallIntegerField(
        _("年度"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    opens_at = models.DateTimeField(_("开始提交时间"))
    closes_at = models.DateTimeField(_("截止提交时间"))
    max_submissions = models.PositiveSmallIntegerField(
        _("提交次数上限"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    fee = models.DecimalField(_("评审费（元）"), max_digits=8, decimal_places=2, default=0)
    # When set, an application goes on a meeting list only once paid (Status.PAID).
    payment_required = models.BooleanField(_("需在线缴费"), default=False)
    # 缴费时间: when the 缴费 link is offered (empty: from formal review on, no end).
    payment_opens_at = models.DateTimeField(_("缴费开始时间"), null=True, blank=True)
    payment_closes_at = models.DateTimeField(_("缴费截止时间"), null=True, blank=True)
    paper_instructions = models.TextField(_("纸质材料报送要求"), blank=True)
    paper_deadline = models.DateField(_("纸质材料报送截止日期"), null=True, blank=True)
    paper_address = models.CharField(_("纸质材料报送地址"), max_length=200, blank=True)
    flow = models.ForeignKey(
        Flow, on_delete=models.PROTECT, related_name="offerings", verbose_name=_("审核流程")
    )
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferingQuerySet.as_manager()

    class Meta:
        verbose_name = _("申报项目")
        verbose_name_plural = _("申报项目")
        ordering = ["-year", "closes_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "qualification", "year"],
                name="offering_once_per_committee_year",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="offering_window_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.qualification}"

    def window_state(self, moment=None) -> str:
        """ "open", "not_yet" or "closed"."""
        moment = moment or timezone.now()
        if not self.is_active or moment >= self.closes_at:
            return "closed"
        if moment < self.opens_at:
            return "not_yet"
        return "open"


class Application(models.Model):
    """申请书: one person's application for one qualification of one offering."""

    number = models.CharField(_("申请书编号"), max_length=20, unique=True)
    applicant = models.ForeignKey(
        "core.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("申请人")
    )
    unit = models.ForeignKey(
        "core.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("基层工作单位")
    )
    offering = models.ForeignKey(
        Offering, on_delete=models.PROTECT, related_name="applications", verbose_name=_("申报项目")
    )
    qualification = models.ForeignKey(
        "core.Qualification", on_delete=models.PROTECT, related_name="+", verbose_name=_("资格")
    )
    year = models.PositiveSmallIntegerField(_("申请年度"))
    # Pinned at creation: later versions of the form or flow never change this application.
    form = models.ForeignKey("core.SectionForm", on_delete=models.PROTECT, related_name="+")
    flow = models.ForeignKey(Flow, on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(
        _("状态"), max_length=32, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # Index into flow.nodes while in review; None otherwise.
    current_node = models.PositiveSmallIntegerField(_("当前节点"), null=True, blank=True)
    submission_count = models.PositiveSmallIntegerField(_("已提交次数"), default=0)
    # The base unit has commented, returned or recommended since the last submission: the
    # applicant may no longer withdraw (manual note 7).
    unit_acted = models.BooleanField(default=False)
    recommending_unit = models.ForeignKey(
        "core.Authority", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    last_opinion = models.TextField(_("审核意见"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("申请书")
        verbose_name_plural = _("申请书")
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["unit", "status"]),
            # 申请书查询 of a unit: newest first, so the first page is read off the index.
            models.Index(fields=["unit", "-updated_at"], name="workflow_app_unit_recent"),
            models.Index(fields=["applicant", "-updated_at"]),
        ]

    def __str__(self) -> str:
        return self.number


class SectionEntry(models.Model):
    """What the applicant (or, for the recommendation, the unit) typed into one section."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="sections")
    key = models.SlugField(max_length=64)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "key"], name="one_entry_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.key}"


class Attachment(models.Model):
    """A file of the applicant's 附件库 attached to one section (blobs are not tied to a schema)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    section = models.SlugField(max_length=64)
    blob_sha256 = models.CharField(max_length=64, db_index=True)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "section", "blob_sha256"], name="attach_once_per_section"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TransitionRecord(models.Model):
    """One state change: who, when, from where to where, and the opinion. Append-only."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(_("操作"), max_length=32)
    # A person, or none when the system fired it (`system_actor` says which part of it).
    actor = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    system_actor = models.CharField(_("系统操作者"), max_length=32, blank=True)
    # The organization the actor acted for (core.models.OrgKind and its id); names and labels
    # are rendered in the reader's language when read (workflow.history).
    org_kind = models.CharField(_("单位类型"), max_length=32)
    org_id = models.PositiveIntegerField(null=True, blank=True)
    from_status = models.CharField(max_length=32)
    to_status = models.CharField(max_length=32)
    from_node_index = models.PositiveSmallIntegerField(null=True, blank=True)
    from_node_kind = models.CharField(max_length=32, blank=True)
    to_node_index = models.PositiveSmallIntegerField(null=True, blank=True)
    to_node_kind = models.CharField(max_length=32, blank=True)
    # What the action carried besides the opinion (codes and ids), e.g. a requalification's
    # old and new region and offering.
    details = models.JSONField(default=dict, blank=True)
    opinion = models.TextField(_("意见"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actor__isnull=False) | ~models.Q(system_actor=""),
                name="transition_has_an_actor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class CommitteeStaff(models.Model):
    """A committee staff account (public user) working for one committee of this region."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey("core.User", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["committee", "user"], name="committee_staff_once")
        ]

    def __str__(self) -> str:
        return f"{self.committee_id}:{self.user_id}"


class ReviewComment(models.Model):
    """A reviewer's opinion on one section (manual: 每一个栏目都可以填写审核意见)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="comments")
    section = models.SlugField(max_length=64)
    # Which submission the comment is about: the applicant sees those of the latest round.
    round = models.PositiveSmallIntegerField()
    author = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    # The reviewing organization (core.models.OrgKind and id); its name is rendered when read.
    org_kind = models.CharField(max_length=32)
    org_id = models.PositiveIntegerField()
    text = models.TextField(_("审核意见"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["round", "updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "section", "round", "org_kind", "org_id"],
                name="one_comment_per_section_round_org",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.section}"


class SetAsideSection(models.Model):
    """A section a requalification could not carry into the new form (no such section there,
    or its data does not fit the new schema): kept, never lost, with the files it had; the
    new form's section of that name is marked 需重新填写 (workflow.requalification)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="set_aside")
    key = models.SlugField(max_length=64)
    title = models.CharField(max_length=200)
    data = models.JSONField(default=dict, blank=True)
    # [{"blob_sha256", "name", "content_type"}]: the files of the section, still in the
    # applicant's 附件库 (their AttachmentUse rows stay).
    attachments = models.JSONField(default=list, blank=True)
    form_key = models.SlugField(max_length=64)
    form_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.key}"


class FlowReport(models.Model):
    """如果此流程有错，请单击这里: an applicant tells the region's administrators that the flow of
    an application looks wrong; they answer (and fix the flow in set-up: the application is
    requalified or moves on through the transition table, never by editing its status).

    Kept by number, not by row: the report stays with the region it was made in even after the
    application is requalified elsewhere."""

    number = models.CharField(_("申请书编号"), max_length=20, db_index=True)
    applicant = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    # The flow as the applicant saw it (Flow.nodes), and where the application stood.
    flow_nodes = models.JSONField(default=list)
    status = models.CharField(max_length=32)
    text = models.TextField(_("问题描述"))
    answer = models.TextField(_("答复"), blank=True)
    answered_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("流程问题反馈")
        verbose_name_plural = _("流程问题反馈")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.number}:{self.pk}"
