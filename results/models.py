"""Region-schema records of the stages after formal review.

The application's status stays the table's (workflow.transitions): these rows say what the
stage decided — votes, publicity dates and objections, the approval document, the certificate.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflow.models import Application, Committee


class VotingRule(models.Model):
    """A committee's rule for its meetings (default: quorum two thirds of the members, passed
    with two thirds of those present voting for). Fractions are kept as integers."""

    committee = models.OneToOneField(
        Committee, on_delete=models.CASCADE, related_name="voting_rule"
    )
    quorum_numerator = models.PositiveSmallIntegerField(_("法定人数（分子）"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(_("法定人数（分母）"), default=3)
    pass_numerator = models.PositiveSmallIntegerField(_("通过票数（分子）"), default=2)
    pass_denominator = models.PositiveSmallIntegerField(_("通过票数（分母）"), default=3)

    class Meta:
        verbose_name = _("表决规则")
        verbose_name_plural = _("表决规则")

    def __str__(self) -> str:
        return f"{self.committee_id}"


# The stages' rows name their application with on_delete=DO_NOTHING: the database's foreign
# key still refuses to delete an application that has one (only drafts are ever deleted, and
# they have none), without Django asking each of these tables first on every draft deleted.


class Meeting(models.Model):
    """会议评审: a committee's meeting; its rule is copied at creation, so a later change of the
    committee's rule never changes a meeting's results."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(_("会议日期"))
    place = models.CharField(_("会议地点"), max_length=200)
    members = models.PositiveSmallIntegerField(_("评审委员人数"))
    quorum_numerator = models.PositiveSmallIntegerField(default=2)
    quorum_denominator = models.PositiveSmallIntegerField(default=3)
    pass_numerator = models.PositiveSmallIntegerField(default=2)
    pass_denominator = models.PositiveSmallIntegerField(default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("评审会议")
        verbose_name_plural = _("评审会议")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.place}"


class MeetingResult(models.TextChoices):
    PASSED = "passed", _("通过")
    FAILED = "failed", _("未通过")


class MeetingEntry(models.Model):
    """An application on a meeting's list, with its votes; `result` is computed by the rule
    (results.rules) and final once decided."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="entries")
    application = models.OneToOneField(
        Application, on_delete=models.DO_NOTHING, related_name="meeting_entry"
    )
    present = models.PositiveSmallIntegerField(_("出席委员"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("赞成"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("反对"), null=True, blank=True)
    abstain = models.PositiveSmallIntegerField(_("弃权"), null=True, blank=True)
    result = models.CharField(_("结果"), max_length=16, choices=MeetingResult.choices, blank=True)
    # A failure's reason as a code (results.rules.FailReason); the text is rendered when read.
    reason = models.CharField(max_length=32, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.meeting_id}/{self.application_id}"

    @property
    def has_votes(self) -> bool:
        return None not in (self.present, self.votes_for, self.votes_against, self.abstain)


class Publicity(models.Model):
    """公示: the passed list of a committee, public for a period; the scheduler ends it."""

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="publicities")
    title = models.CharField(_("标题"), max_length=200)
    starts_on = models.DateField(_("公示开始日期"))
    ends_on = models.DateField(_("公示结束日期"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("公示结束时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("公示")
        verbose_name_plural = _("公示")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class PublicityEntry(models.Model):
    publicity = models.ForeignKey(Publicity, on_delete=models.CASCADE, related_name="entries")
    application = models.OneToOneField(
        Application, on_delete=models.DO_NOTHING, related_name="publicity_entry"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.publicity_id}/{self.application_id}"


class Handling(models.TextChoices):
    DISMISSED = "dismissed", _("不予采纳")
    UPHELD = "upheld", _("异议成立")


class Objection(models.Model):
    """异议: anyone may file one against a publicity (optionally naming a person on it)."""

    publicity = models.ForeignKey(Publicity, on_delete=models.CASCADE, related_name="objections")
    entry = models.ForeignKey(
        PublicityEntry, null=True, blank=True, on_delete=models.CASCADE, related_name="objections"
    )
    name = models.CharField(_("姓名"), max_length=64)
    contact = models.CharField(_("联系方式"), max_length=64)
    reason = models.TextField(_("异议内容"))
    filed_at = models.DateTimeField(auto_now_add=True)
    handling = models.CharField(_("处理结果"), max_length=16, choices=Handling.choices, blank=True)
    handling_reason = models.TextField(_("处理意见"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("异议")
        verbose_name_plural = _("异议")
        ordering = ["-filed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.publicity_id}: {self.name}"


class ApprovalDocument(models.Model):
    """批文: e.g. 新职称字〔2026〕12号, listing the approved applicants."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="approval_documents"
    )
    number = models.CharField(_("文号"), max_length=64, unique=True)
    issued_on = models.DateField(_("发文日期"))
    issuing_body = models.CharField(_("发文单位"), max_length=128)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("批文")
        verbose_name_plural = _("批文")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number


class ApprovalEntry(models.Model):
    document = models.ForeignKey(ApprovalDocument, on_delete=models.CASCADE, related_name="entries")
    application = models.OneToOneField(
        Application, on_delete=models.DO_NOTHING, related_name="approval_entry"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.application_id}"


class Certificate(models.Model):
    """An electronic certificate; its public register entry is core.CertificateEntry."""

    application = models.OneToOneField(
        Application, on_delete=models.DO_NOTHING, related_name="certificate"
    )
    number = models.CharField(_("证书编号"), max_length=32, unique=True)
    holder_name = models.CharField(_("姓名"), max_length=64)
    issued_on = models.DateField(_("发证日期"))
    approval_number = models.CharField(_("批准文号"), max_length=64)
    issuing_body = models.CharField(_("发证机关"), max_length=128)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoke_reason = models.TextField(_("撤销原因"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("证书")
        verbose_name_plural = _("证书")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return self.number
