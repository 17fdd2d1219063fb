"""The append-only audit log of identity events (public schema)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    REGISTRATION = "registration", _("注册")
    LOGIN = "login", _("登录")
    LOGIN_FAILED = "login_failed", _("登录失败")
    LOCKOUT = "lockout", _("账号锁定")
    LOGOUT = "logout", _("退出登录")
    TOKENS_REVOKED = "tokens_revoked", _("撤销令牌")
    PASSWORD_CHANGE = "password_change", _("修改密码")
    PASSWORD_RESET = "password_reset", _("重置密码")
    APPEAL_DECISION = "appeal_decision", _("申诉审核")
    UNIT_CHANGE_DECISION = "unit_change_decision", _("单位变更审核")
    CATALOG_CHANGE = "catalog_change", _("职称目录修改")
    WECHAT_BIND = "wechat_bind", _("绑定微信")
    WECHAT_UNBIND = "wechat_unbind", _("解除微信绑定")
    # 查询记录: someone other than the applicant read their record (application_number, owner).
    APPLICATION_VIEWED = "application_viewed", _("查看申请书")
    ID_SCAN_VIEWED = "id_scan_viewed", _("查看身份证扫描件")
    FORM_VIEWED = "form_viewed", _("查看打印表格")
    APPLICATION_EXPORTED = "application_exported", _("导出申请书")
    # An export itself (its filters and size), by the person who asked for it.
    EXPORT_CREATED = "export_created", _("导出数据")


# The kinds an applicant sees in 查询记录: reads of their record by someone else.
ACCESS_KINDS = (
    AuditKind.APPLICATION_VIEWED,
    AuditKind.ID_SCAN_VIEWED,
    AuditKind.FORM_VIEWED,
    AuditKind.APPLICATION_EXPORTED,
)


class AuditEvent(models.Model):
    """Who did what, when, from where, with what result. Never updated, never deleted.

    The model refuses updates and deletes, and database triggers (migrations 0002 and
    0012_audit_append_only) refuse UPDATE, DELETE and TRUNCATE from any other path too — raw SQL
    of the application's own role included. The one exception is the retention purge
    (core.audit.audit_purge): a row older than the retention, never one younger than 180 days.
    """

    kind = models.CharField(_("事件"), max_length=32, choices=AuditKind.choices, db_index=True)
    actor = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    username = models.CharField(_("用户名"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("IP地址"), null=True, blank=True)
    region_code = models.CharField(_("地区"), max_length=63, blank=True)
    success = models.BooleanField(_("结果"), default=True)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    # Reads of an application (ACCESS_KINDS): its number, its applicant (whose 查询记录 lists
    # the event), and the organization the reader acted for — a code, its id, and its name as
    # it was then (data, not a label).
    # Database defaults too: events written by SQL (tests, operators) need not name them.
    application_number = models.CharField(
        _("申请书编号"), max_length=20, blank=True, default="", db_default=""
    )
    owner = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    org_kind = models.CharField(_("单位类型"), max_length=32, blank=True, default="", db_default="")
    org_id = models.PositiveIntegerField(_("单位"), null=True, blank=True)
    org_name = models.CharField(
        _("单位名称"), max_length=128, blank=True, default="", db_default=""
    )

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["owner", "-created_at"],
                condition=models.Q(owner__isnull=False),
                name="core_audit_owner_recent",
            ),
            models.Index(fields=["actor", "-created_at"], name="core_audit_actor_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.kind} {self.username}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> None:
        raise PermissionError("audit events are append-only")
