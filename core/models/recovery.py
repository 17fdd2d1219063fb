"""Account recovery, in the public schema: SMS codes and account appeals (账号申诉).

Email reset links need no table: Django's token generator signs them (core.identity.recovery).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .organizations import ChangeStatus


class SmsCode(models.Model):
    """One SMS verification code sent for a password reset; only its keyed hash is stored.

    A row is also written for a request that matched no account (without a user and a code), so
    the per-phone rate limit behaves the same whether or not the number is bound to an account.
    """

    phone = models.CharField(_("手机号码"), max_length=11)
    user = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    created_at = models.DateTimeField(_("发送时间"), db_index=True)
    expires_at = models.DateTimeField(_("失效时间"))
    used_at = models.DateTimeField(_("使用时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        indexes = [models.Index(fields=["phone", "-created_at"], name="sms_code_phone_recent")]

    def __str__(self) -> str:
        return f"{self.phone} {self.created_at:%Y-%m-%d %H:%M:%S}"


class AppealKind(models.TextChoices):
    PERSON = "person", _("个人账号（申请人）")
    UNIT = "unit", _("单位账号（基层单位管理员）")


class AccountAppeal(models.Model):
    """账号申诉: someone who lost an account proves who they are with a scan; the region admin
    decides. Approval updates the account's contact and sends a reset; nothing else changes.

    A person names their ID number and real name and picks the region that reviews the appeal;
    a unit names its credit code, and the region is the unit's (or the one picked on the form
    when no unit has that code, so the answer never tells whether it is registered).
    """

    kind = models.CharField(_("申诉类型"), max_length=16, choices=AppealKind.choices)
    # The claimed real name of the person, or the unit's name.
    name = models.CharField(_("姓名或单位名称"), max_length=128)
    id_card_number = models.CharField(_("身份证号码"), max_length=18, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=64, blank=True)
    email = models.EmailField(_("新电子邮箱"), blank=True)
    phone = models.CharField(_("新手机号码"), max_length=11, blank=True)
    # SHA-256 of the ID-card scan or the business licence / legal-person certificate, in the
    # private blob store (core.files.blobs); no one's 附件库 holds it.
    scan = models.CharField(_("证件扫描件"), max_length=64)
    region = models.ForeignKey(
        "tenants.Region",
        verbose_name=_("审核地区"),
        on_delete=models.PROTECT,
        related_name="account_appeals",
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.PENDING
    )
    account = models.ForeignKey(
        "core.User",
        verbose_name=_("找回的账号"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        "core.User",
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reason = models.CharField(_("驳回原因"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("提交时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("账号申诉")
        verbose_name_plural = _("账号申诉")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["region", "status", "-created_at"], name="appeal_region_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name} ({self.get_status_display()})"

    @property
    def id_card_masked(self) -> str:
        """The ID number as lists show it (core.identity.validators.mask_id_card_number)."""
        from core.identity.validators import mask_id_card_number

        return mask_id_card_number(self.id_card_number or "")
