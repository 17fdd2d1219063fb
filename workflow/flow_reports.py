"""如果此流程有错，请单击这里: reports of a wrong flow, from the applicant to the region's
administrators, and their answers. A report changes nothing about the application: the admin
fixes the flow in set-up, and the application is requalified (更改资格) or moves on through
the transition table."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.models import Role, User
from core.notifications.delivery import notify_after_commit
from core.notifications.messages import message
from tenants.crossing import current_region_code
from workflow.models import Application, FlowReport

MAX_TEXT = 1000


def _text(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: [_("请填写内容。")]})
    if len(value) > MAX_TEXT:
        raise ValidationError({field: [_("不能超过%(n)d字。") % {"n": MAX_TEXT}]})
    return value


def flow_report_create(*, application: Application, user: User, text: str) -> FlowReport:
    """The applicant reports the flow of their own application; the region's admins hear of it."""
    text = _text(text, "text")
    with transaction.atomic():
        report = FlowReport.objects.create(
            number=application.number,
            applicant=user,
            flow_nodes=application.flow.nodes,
            status=application.status,
            text=text,
        )
        admins = User.objects.filter(
            role=Role.REGION_ADMIN, region__schema_name=current_region_code(), is_active=True
        ).values_list("pk", flat=True)
        notify_after_commit(
            user_ids=list(admins),
            link=f"/region-admin/flow-reports/{report.pk}/",
            title=message(
                gettext_noop("申请书%(number)s的流程问题反馈"), number=application.number
            ),
            body=text,
            email=False,
        )
    return report


def flow_report_answer(*, report: FlowReport, admin: User, answer: str) -> FlowReport:
    """The region admin answers; the applicant hears of it."""
    report.answer = _text(answer, "answer")
    report.answered_by = admin
    report.answered_at = timezone.now()
    with transaction.atomic():
        report.save(update_fields=["answer", "answered_by", "answered_at"])
        notify_after_commit(
            user_ids=[report.applicant_id],
            link=f"/applications/{report.number}/flow-report/",
            title=message(gettext_noop("流程问题反馈已答复：%(number)s"), number=report.number),
            body=report.answer,
            email=False,
        )
    return report


def flow_reports_of(application: Application) -> QuerySet[FlowReport]:
    return FlowReport.objects.filter(number=application.number, applicant=application.applicant)
