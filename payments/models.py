"""Payment orders, every notification a provider sent, and the paper materials' status.

Amounts are Decimal yuan with two places; the provider sees them as strings ("200.00"). An
order belongs to one application; an application may have several (an expired one, a second
tab...), of which at most one stays credited: a second paid order is refunded automatically.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflow.models import Application


class OrderStatus(models.TextChoices):
    CREATED = "created", _("待支付")
    PAID = "paid", _("已支付")
    FAILED = "failed", _("支付失败")
    EXPIRED = "expired", _("已过期")
    CANCELLED = "cancelled", _("已取消")
    REFUNDING = "refunding", _("退款中")
    REFUNDED = "refunded", _("已退款")


# Orders that still wait for the provider's word.
OPEN_STATUSES = frozenset({OrderStatus.CREATED, OrderStatus.FAILED})


class PaymentOrder(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="payment_orders"
    )
    amount = models.DecimalField(_("金额（元）"), max_digits=8, decimal_places=2)
    currency = models.CharField(_("币种"), max_length=3, default="CNY")
    status = models.CharField(
        _("状态"), max_length=16, choices=OrderStatus.choices, default=OrderStatus.CREATED
    )
    # "offline" for a committee's 线下缴费 entry; else the provider's name from settings.
    provider = models.CharField(_("缴费渠道"), max_length=32)
    provider_order_id = models.CharField(max_length=64, blank=True, db_index=True)
    pay_url = models.URLField(max_length=500, blank=True)
    expires_at = models.DateTimeField(_("过期时间"), null=True, blank=True)
    paid_at = models.DateTimeField(_("支付时间"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("退款时间"), null=True, blank=True)
    # Why a refund was made (codes: "duplicate", "left"), or the offline entry's reason.
    refund_reason = models.CharField(max_length=32, blank=True)
    note = models.TextField(_("说明"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    receipt_number = models.CharField(_("票据号"), max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("缴费订单")
        verbose_name_plural = _("缴费订单")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.application_id}:{self.pk}"

    @property
    def merchant_order_id(self) -> str:
        """The order's name at the provider: the region's schema is not in it, the callback
        arrives on the region's own host."""
        return f"ZC{self.pk:010d}"


class PaymentNotification(models.Model):
    """Every notification that reached the callback, valid or not, as it came."""

    class Outcome(models.TextChoices):
        CREDITED = "credited", _("已入账")
        UNCHANGED = "unchanged", _("重复通知，未变化")
        FAILED = "failed", _("支付失败")
        NOT_CREDITED = "not_credited", _("订单已失效，未入账")
        REFUNDED_DUPLICATE = "duplicate_refund", _("重复缴费，已退款")
        BAD_SIGNATURE = "bad_signature", _("签名错误")
        BAD_ORDER = "bad_order", _("订单不存在")
        BAD_AMOUNT = "bad_amount", _("金额或币种不符")
        BAD_BODY = "bad_body", _("内容无法识别")

    order = models.ForeignKey(
        PaymentOrder, on_delete=models.SET_NULL, null=True, related_name="notifications"
    )
    provider = models.CharField(max_length=32)
    body = models.TextField()
    signature = models.CharField(max_length=128, blank=True)
    signature_valid = models.BooleanField(default=False)
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    outcome = models.CharField(max_length=32, choices=Outcome.choices)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.provider}:{self.outcome}"


class PaperStatus(models.TextChoices):
    NOT_YET = "not_yet", _("未收到")
    RECEIVED = "received", _("已收到")
    INCOMPLETE = "incomplete", _("材料不全")


class PaperMaterial(models.Model):
    """纸质材料: whether the committee received the applicant's paper materials."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="paper_material"
    )
    status = models.CharField(
        _("纸质材料"), max_length=16, choices=PaperStatus.choices, default=PaperStatus.NOT_YET
    )
    note = models.TextField(_("说明"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.application_id}:{self.status}"
