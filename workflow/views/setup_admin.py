"""The region admin's set-up pages: committees, offerings (window, limits, fee, flow), notices."""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import region_role_required
from core.files.blobs import UploadTooLargeError
from core.models import Role
from workflow.forms_setup import CommitteeForm, NoticeForm, OfferingForm
from workflow.models import Committee, NodeKind, Notice, Offering
from workflow.selectors import flow_views, offerings_for
from workflow.setup import (
    PAYMENT_FIELDS,
    committee_save,
    notice_save,
    offering_close,
    offering_save,
)

region_admin_only = region_role_required(Role.REGION_ADMIN)


@region_admin_only
def setup_home(request: HttpRequest) -> HttpResponse:
    offerings = list(offerings_for())
    now = timezone.now()
    return render(
        request,
        "workflow/admin/setup.html",
        {
            "committees": Committee.objects.all(),
            "offerings": [(o, o.window_state(now)) for o in offerings],
            "flows": flow_views(offerings),
            "notices": Notice.objects.order_by("-published_at")[:20],
        },
    )


@region_admin_only
@require_http_methods(["GET", "POST"])
def committee_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    committee = get_object_or_404(Committee, pk=pk) if pk else None
    initial = CommitteeForm.initial_for(committee) if committee else None
    form = CommitteeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            committee_save(
                committee=committee,
                name=form.cleaned_data["name"],
                name_en=form.cleaned_data["name_en"],
                name_ug=form.cleaned_data["name_ug"],
                address=form.cleaned_data["address"],
                contacts=form.parsed_contacts(),
                reviews=form.parsed_reviews(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("评审委员会已保存。"))
            return redirect("setup")
    return render(
        request,
        "workflow/admin/form.html",
        {
            "form": form,
            "title": _("编辑评审委员会") if committee else _("新增评审委员会"),
        },
        status=400 if form.errors else 200,
    )


def _local_input(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M") if moment else None


@region_admin_only
@require_http_methods(["GET", "POST"])
def offering_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    offering = get_object_or_404(Offering.objects.select_related("flow"), pk=pk) if pk else None
    initial = {
        "year": timezone.localdate().year,
        "max_submissions": 3,
        "fee": 0,
        "with_recommending_unit": True,
    }
    if offering:
        authorities = [
            n["authority_id"] for n in offering.flow.nodes if n["kind"] == NodeKind.AUTHORITY
        ]
        initial = {
            "committee": offering.committee_id,
            "qualification": offering.qualification_id,
            "year": offering.year,
            "opens_at": timezone.localtime(offering.opens_at).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": timezone.localtime(offering.closes_at).strftime("%Y-%m-%dT%H:%M"),
            "max_submissions": offering.max_submissions,
            "fee": offering.fee,
            "paper_instructions": offering.paper_instructions,
            "payment_required": offering.payment_required,
            "payment_opens_at": _local_input(offering.payment_opens_at),
            "payment_closes_at": _local_input(offering.payment_closes_at),
            "paper_deadline": offering.paper_deadline,
            "paper_address": offering.paper_address,
            "with_recommending_unit": any(
                n["kind"] == NodeKind.RECOMMENDING_UNIT for n in offering.flow.nodes
            ),
            "authority_1": authorities[0] if authorities else None,
            "authority_2": authorities[1] if len(authorities) > 1 else None,
        }
    form = OfferingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offering_save(
                offering=offering,
                committee=data["committee"],
                qualification=data["qualification"],
                year=data["year"],
                opens_at=data["opens_at"],
                closes_at=data["closes_at"],
                max_submissions=data["max_submissions"],
                fee=data["fee"],
                paper_instructions=data["paper_instructions"],
                flow_nodes=form.flow_nodes(),
                payment={key: data[key] for key in PAYMENT_FIELDS},
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("申报项目已保存。"))
            return redirect("setup")
    return render(
        request,
        "workflow/admin/form.html",
        {
            "form": form,
            "title": _("编辑申报项目") if offering else _("发布申报项目"),
            "hint": _("修改审核流程不会影响已在办理中的申请书，它们继续使用原流程。"),
        },
        status=400 if form.errors else 200,
    )


@region_admin_only
@require_POST
def offering_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    offering_close(offering=get_object_or_404(Offering, pk=pk))
    messages.success(request, _("申报项目已关闭，不再接受提交。"))
    return redirect("setup")


@region_admin_only
@require_http_methods(["GET", "POST"])
def notice_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=pk) if pk else None
    initial = (
        {"title": notice.title, "body": notice.body, "pinned": notice.pinned} if notice else None
    )
    form = NoticeForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            notice_save(notice=notice, author=request.user, **form.cleaned_data)
        except UploadTooLargeError as error:
            form.add_error("attachment", str(error))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("通知公告已发布。"))
            return redirect("setup")
    return render(
        request,
        "workflow/admin/form.html",
        {
            "form": form,
            "title": _("编辑通知公告") if notice else _("发布通知公告"),
            "multipart": True,
            "notice": notice,
        },
        status=400 if form.errors else 200,
    )
