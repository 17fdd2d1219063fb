"""The public register of electronic certificates (职称证书), in the public schema.

A certificate is issued in a region (results.Certificate, beside its application); its entry
here lets the public site verify it by number and name without entering any region's schema,
and keeps numbers unique across regions. Every verification is logged.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("有效")
    REVOKED = "revoked", _("已撤销")


class CertificateEntry(models.Model):
    number = models.CharField(_("证书编号"), max_length=32, primary_key=True)
    region = models.ForeignKey("tenants.Region", on_delete=models.PROTECT, related_name="+")
    application_number = models.CharField(_("申请书编号"), max_length=20, unique=True)
    holder = models.ForeignKey("core.User", on_delete=models.PROTECT, related_name="+")
    # The name as printed on the certificate: what a verifier types beside the number.
    holder_name = models.CharField(_("姓名"), max_length=64)
    qualification = models.ForeignKey(
        "core.Qualification", on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("发证日期"))
    approval_number = models.CharField(_("批准文号"), max_length=64)
    issuing_body = models.CharField(_("发证机关"), max_length=128)
    status = models.CharField(
        _("状态"), max_length=16, choices=CertificateStatus.choices, default=CertificateStatus.VALID
    )
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoke_reason = models.TextField(_("撤销原因"), blank=True)

    class Meta:
        verbose_name = _("证书登记")
        verbose_name_plural = _("证书登记")

    def __str__(self) -> str:
        return self.number


class CertificateCounter(models.Model):
    """The last sequence number given in a region and year (one row, bumped by one statement)."""

    region = models.ForeignKey("tenants.Region", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="one_counter_per_region_year")
        ]

    def __str__(self) -> str:
        return f"{self.region_id}/{self.year}: {self.last}"


class CertificateVerification(models.Model):
    """One public verification: what was asked, what it found, from where."""

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    number = models.CharField(_("证书编号"), max_length=64)
    name = models.CharField(_("姓名"), max_length=64)
    # The status found ("valid", "revoked") or "" when nothing matched.
    result = models.CharField(_("结果"), max_length=16, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("证书核验记录")
        verbose_name_plural = _("证书核验记录")

    def __str__(self) -> str:
        return f"{self.number} {self.result or '-'}"
