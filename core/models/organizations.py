"""Organizations, in the public schema: base units (基层单位) and authorities (主管单位...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    """Who acted or where an application waits, as stored in the history, comments and the
    public index (with the organization's id); names are rendered when read."""

    APPLICANT = "applicant", _("申请人")
    UNIT = "unit", _("基层工作单位")
    AUTHORITY = "authority", _("主管单位")
    COMMITTEE = "committee", _("评审委员会")
    REGION_ADMIN = "region_admin", _("地区管理员")
    CENTRAL_OFFICE = "central_office", _("自治区职称办")
    SYSTEM = "system", _("系统")


class AuthorityKind(models.TextChoices):
    COMPETENT = "competent", _("主管单位")
    RECOMMENDING = "recommending", _("推荐单位")
    COUNTY_BUREAU = "county_bureau", _("县(市)行业主管局")
    RECEIVING = "receiving", _("材料接收部门")


class Authority(models.Model):
    """A reviewing organization of one region: the later nodes of a review flow."""

    region = models.ForeignKey(
        "tenants.Region",
        verbose_name=_("所属地区"),
        on_delete=models.PROTECT,
        related_name="authorities",
    )
    name = models.CharField(_("名称"), max_length=128)
    kind = models.CharField(
        _("类型"), max_length=32, choices=AuthorityKind.choices, default=AuthorityKind.RECOMMENDING
    )
    contact_name = models.CharField(_("联系人"), max_length=64, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("主管单位")
        verbose_name_plural = _("主管单位")
        ordering = ["region__sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="authority_name_per_region"),
        ]

    def __str__(self) -> str:
        return self.name


class UnitNature(models.TextChoices):
    ORGAN = "organ", _("机关")
    INSTITUTION = "institution", _("事业单位")
    STATE_ENTERPRISE = "state_enterprise", _("国有企业")
    PRIVATE_ENTERPRISE = "private_enterprise", _("非公有制企业")
    SOCIAL_ORGANIZATION = "social_organization", _("社会组织")
    COUNTY_OR_BELOW = "county_or_below", _("县级及以下单位")
    OTHER = "other", _("其他")


class Unit(models.Model):
    """A base work unit (基层单位), registered once under its unified social credit code."""

    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    name = models.CharField(_("单位全称"), max_length=128)
    short_name = models.CharField(_("单位简称"), max_length=64)
    # Comparison keys (core.identity.validators.normalize_org_name): no second unit under a
    # used name.
    name_key = models.CharField(max_length=128, unique=True, editable=False)
    short_name_key = models.CharField(max_length=64, unique=True, editable=False)
    region = models.ForeignKey(
        "tenants.Region", verbose_name=_("所属地区"), on_delete=models.PROTECT, related_name="units"
    )
    address = models.CharField(_("单位地址"), max_length=200, blank=True)
    nature = models.CharField(_("单位性质"), max_length=32, choices=UnitNature.choices, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=64, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=64)
    contact_phone = models.CharField(_("联系电话"), max_length=32)
    recommending_units = models.ManyToManyField(
        Authority, verbose_name=_("推荐单位"), blank=True, related_name="recommended_units"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("基层单位")
        verbose_name_plural = _("基层单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    REQUIRED_FOR_REVIEW = (
        "address",
        "nature",
        "legal_representative",
        "contact_name",
        "contact_phone",
    )

    @property
    def missing_fields(self) -> list[str]:
        """The unit-information fields still empty; a unit with any cannot review."""
        return [field for field in self.REQUIRED_FOR_REVIEW if not getattr(self, field)]

    @property
    def is_complete(self) -> bool:
        return not self.missing_fields


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("已驳回")


class UnitChangeRequest(models.Model):
    """变更单位名称: a name or credit-code change that the region admin approves."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="change_requests")
    new_name = models.CharField(_("新单位全称"), max_length=128, blank=True)
    new_short_name = models.CharField(_("新单位简称"), max_length=64, blank=True)
    new_credit_code = models.CharField(_("新统一社会信用代码"), max_length=18, blank=True)
    reason = models.CharField(_("变更原因"), max_length=500)
    status = models.CharField(
        _("状态"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    requested_by = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_note = models.CharField(_("审核意见"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("单位变更申请")
        verbose_name_plural = _("单位变更申请")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(status="pending"),
                name="one_pending_change_per_unit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.get_status_display()})"
