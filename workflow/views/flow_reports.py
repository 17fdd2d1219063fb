"""如果此流程有错，请单击这里: the applicant's report page, and the region admin's list of
reports with the answer form (the flow itself is fixed in set-up, workflow.views.setup_admin).
Here rather than in core.views.region_admin because core does not import workflow."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.access import region_role_required
from core.errors import error_messages
from core.models import Role
from workflow.access import access_application
from workflow.flow_reports import flow_report_answer, flow_report_create, flow_reports_of
from workflow.models import FlowReport
from workflow.selectors import flow_view

region_admin_only = region_role_required(Role.REGION_ADMIN)


@region_role_required(Role.APPLICANT)
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, number: str) -> HttpResponse:
    application = access_application(request.user, number, for_write=True)
    if request.method == "POST":
        try:
            flow_report_create(
                application=application, user=request.user, text=request.POST.get("text", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            messages.success(request, _("已提交给本地区管理员，答复后会通知您。"))
            return redirect("my-applications")
    return render(
        request,
        "workflow/flow_report.html",
        {
            "application": application,
            "nodes": flow_view(application.flow, application.offering.committee),
            "reports": list(flow_reports_of(application)),
        },
    )


@region_admin_only
def report_list(request: HttpRequest) -> HttpResponse:
    reports = list(FlowReport.objects.select_related("applicant", "answered_by")[:200])
    return render(request, "workflow/flow_report_list.html", {"reports": reports})


@region_admin_only
@require_http_methods(["GET", "POST"])
def report_answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(FlowReport.objects.select_related("applicant"), pk=pk)
    if request.method == "POST":
        try:
            flow_report_answer(
                report=item, admin=request.user, answer=request.POST.get("answer", "")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            messages.success(request, _("已答复。"))
            return redirect("region-admin-flow-reports")
    return render(request, "workflow/flow_report_answer.html", {"report": item})
