"""批文: approval documents of a committee, listing the applications it approves."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from core.models import User
from results.meetings import parse_date
from results.models import ApprovalDocument, ApprovalEntry
from results.queues import committee_applications
from workflow.models import Application
from workflow.reviewers import committee_ids_of
from workflow.states import Status
from workflow.transitions import apply_transition


def waiting_for_approval(user: User) -> QuerySet[Application]:
    return committee_applications(user).filter(status=Status.PUBLICITY_ENDED)


def documents_of(user: User) -> QuerySet[ApprovalDocument]:
    return ApprovalDocument.objects.filter(committee_id__in=committee_ids_of(user)).select_related(
        "committee"
    )


def document_get(user: User, pk: int) -> ApprovalDocument:
    document = documents_of(user).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document


def document_entries(document: ApprovalDocument) -> QuerySet[ApprovalEntry]:
    return document.entries.select_related(
        "application__applicant",
        "application__unit",
        "application__qualification__specialty__series",
    )


@transaction.atomic
def document_create(user: User, data: dict[str, Any], numbers: list[str]) -> ApprovalDocument:
    """Issue a 批文 for the chosen applications whose publicity ended (approve for each)."""
    errors: dict[str, list[str]] = {}
    applications = list(waiting_for_approval(user).filter(number__in=numbers[:500]))
    if not applications:
        errors["numbers"] = [_("请选择公示期满的申请书。")]
    elif len({a.offering.committee_id for a in applications}) > 1:
        errors["numbers"] = [_("一份批文只能包含同一评审委员会的申请书。")]
    number = str(data.get("number", "")).strip()
    if not number or len(number) > 64 or "\x00" in number:
        errors["number"] = [_("请填写文号（64字以内）。")]
    elif ApprovalDocument.objects.filter(number=number).exists():
        errors["number"] = [_("该文号已使用。")]
    body = str(data.get("issuing_body", "")).strip()
    if not body or len(body) > 128 or "\x00" in body:
        errors["issuing_body"] = [_("请填写发文单位（128字以内）。")]
    try:
        issued_on = parse_date(data.get("issued_on"), "issued_on")
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    document = ApprovalDocument.objects.create(
        committee_id=applications[0].offering.committee_id,
        number=number,
        issued_on=issued_on,
        issuing_body=body,
        created_by=user,
    )
    for application in applications:
        apply_transition(
            number=application.number,
            action="approve",
            actor=user,
            payload={"approval_document": document.pk},
        )
    return document


def document_lookup(number: str) -> ApprovalDocument | None:
    """The public look-up of a 批文 by its number (exact)."""
    number = number.strip()[:64]
    return ApprovalDocument.objects.filter(number=number).first() if number else None
