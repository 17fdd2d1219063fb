"""Electronic certificates: issue (through the table), revoke with a reason."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ConflictError
from core.models import CertificateEntry, CertificateStatus, User
from results.models import Certificate
from results.queues import committee_applications
from workflow.models import Application
from workflow.reviewers import committee_ids_of
from workflow.states import Status
from workflow.transitions import apply_transition


def waiting_for_certificate(user: User) -> QuerySet[Application]:
    return committee_applications(user).filter(status=Status.APPROVED)


def certificates_of(user: User) -> QuerySet[Certificate]:
    return Certificate.objects.filter(
        application__offering__committee_id__in=committee_ids_of(user)
    ).select_related("application__qualification__specialty__series", "application__unit")


@transaction.atomic
def certificates_issue(user: User, numbers: list[str]) -> int:
    applications = list(waiting_for_certificate(user).filter(number__in=numbers[:500]))
    if not applications:
        raise ValidationError({"numbers": [_("请选择已发批文的申请书。")]})
    for application in applications:
        apply_transition(number=application.number, action="issue_certificate", actor=user)
    return len(applications)


@transaction.atomic
def certificate_revoke(user: User, pk: int, data: dict[str, Any]) -> Certificate:
    """撤销证书: the certificate and its register entry say so; verification then answers
    revoked, with the date."""
    certificate = certificates_of(user).select_for_update(of=("self",)).filter(pk=pk).first()
    if certificate is None:
        raise Http404
    if certificate.revoked_at is not None:
        raise ConflictError(_("该证书已撤销。"), code="already_revoked")
    reason = str(data.get("reason", "")).strip()
    if not reason or len(reason) > 2000 or "\x00" in reason:
        raise ValidationError({"reason": [_("请填写撤销原因（2000字以内）。")]})
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason
    certificate.revoked_by = user
    certificate.save(update_fields=["revoked_at", "revoke_reason", "revoked_by"])
    CertificateEntry.objects.filter(number=certificate.number).update(
        status=CertificateStatus.REVOKED,
        revoked_at=certificate.revoked_at,
        revoke_reason=reason,
    )
    return certificate
