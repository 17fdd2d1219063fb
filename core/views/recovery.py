"""找回用户名或密码 and 账号申诉 pages, and the region admin's appeal review pages.

Every answer to an anonymous request is the same whether or not an account matched: the
request pages redirect with the neutral message of core.identity.recovery.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from core.files.blobs import UploadTooLargeError, blob_response, human_size, upload_limit_for
from core.identity.recovery import (
    APPEAL_RECEIVED,
    EMAIL_SENT,
    PASSWORD_RESET_DONE,
    SMS_SENT,
    USERNAME_SENT,
    RecoveryConflictError,
    SmsRateLimitedError,
    appeal_decide,
    appeal_get,
    appeal_matching_account,
    appeal_scan_open,
    appeal_submit,
    appeals_for,
    is_region_admin,
    password_reset_complete,
    password_reset_request,
    password_reset_user,
    sms_code_request,
    sms_password_reset,
    username_recover,
)
from core.identity.recovery_forms import (
    AppealDecisionForm,
    EmailResetRequestForm,
    PersonAppealForm,
    SetPasswordForm,
    SmsCodeRequestForm,
    SmsResetForm,
    UnitAppealForm,
    UsernameRecoveryForm,
)
from core.models import AppealKind, ChangeStatus

PAGE_SIZE = 50


def _render(request: HttpRequest, template: str, context: dict, form: object) -> HttpResponse:
    return render(request, template, context, status=400 if form.errors else 200)


@require_GET
def recover_choice(request: HttpRequest) -> HttpResponse:
    """找回用户名或密码: the four ways."""
    return render(request, "core/recovery/choice.html")


@require_http_methods(["GET", "POST"])
def recover_email(request: HttpRequest) -> HttpResponse:
    form = EmailResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        password_reset_request(
            username_or_email=form.cleaned_data["username_or_email"], request=request
        )
        messages.info(request, EMAIL_SENT)
        return redirect("login")
    return _render(request, "core/recovery/email.html", {"form": form}, form)


@never_cache
@sensitive_post_parameters("new_password", "new_password_again")
@require_http_methods(["GET", "POST"])
def password_reset_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The page an e-mailed link opens: set a new password, once, before the link expires."""
    if password_reset_user(uidb64, token) is None:
        return render(request, "core/recovery/link_invalid.html", status=400)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            password_reset_complete(
                uidb64=uidb64,
                token=token,
                new_password=form.cleaned_data["new_password"],
                request=request,
            )
        except ValidationError as error:
            if "token" in getattr(error, "error_dict", {}):
                return render(request, "core/recovery/link_invalid.html", status=400)
            form.add_service_errors(error)
        else:
            messages.success(request, PASSWORD_RESET_DONE)
            return redirect("login")
    return _render(request, "core/recovery/set_password.html", {"form": form}, form)


@require_http_methods(["GET", "POST"])
def recover_sms(request: HttpRequest) -> HttpResponse:
    """Ask for a code by SMS."""
    form = SmsCodeRequestForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            sms_code_request(**form.cleaned_data, request=request)
        except SmsRateLimitedError as error:
            form.add_error(None, error.message)
            status = 429
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.info(request, SMS_SENT)
            query = urlencode({"phone": form.cleaned_data["phone"]})
            return redirect(f"{reverse('recover-sms-verify')}?{query}")
    if form.errors and status == 200:
        status = 400
    return render(request, "core/recovery/sms.html", {"form": form}, status=status)


@never_cache
@sensitive_post_parameters("code", "new_password", "new_password_again")
@require_http_methods(["GET", "POST"])
def recover_sms_verify(request: HttpRequest) -> HttpResponse:
    """The code and a new password."""
    form = SmsResetForm(request.POST or None, initial={"phone": request.GET.get("phone", "")[:32]})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "new_password_again"}
        try:
            sms_password_reset(**data, request=request)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, PASSWORD_RESET_DONE)
            return redirect("login")
    return _render(request, "core/recovery/sms_verify.html", {"form": form}, form)


@require_http_methods(["GET", "POST"])
def recover_username(request: HttpRequest) -> HttpResponse:
    form = UsernameRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            username_recover(**form.cleaned_data, request=request)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.info(request, USERNAME_SENT)
            return redirect("login")
    return _render(request, "core/recovery/username.html", {"form": form}, form)


@require_GET
def appeal_choice(request: HttpRequest) -> HttpResponse:
    """账号申诉: a person with an ID card, or a unit with its business licence."""
    return render(request, "core/recovery/appeal_choice.html")


@require_http_methods(["GET", "POST"])
def appeal_form(request: HttpRequest, kind: str) -> HttpResponse:
    form_class = PersonAppealForm if kind == AppealKind.PERSON else UnitAppealForm
    form = form_class(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                appeal_submit(kind=form_class.kind, **form.cleaned_data, request=request)
            except UploadTooLargeError as error:
                form.add_error("scan", error.message)
                status = 413
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, APPEAL_RECEIVED)
                return redirect("login")
    return render(
        request,
        "core/recovery/appeal_form.html",
        {
            "form": form,
            "kind": form_class.kind,
            "limit": human_size(upload_limit_for(request.tenant.schema_name)),
        },
        status=status,
    )


# --- the region admin -------------------------------------------------------------------------


@login_required
@require_GET
def region_appeals(request: HttpRequest) -> HttpResponse:
    """The appeals of the admin's region: pending first, then the decided ones."""
    if not is_region_admin(request.user):
        raise Http404
    status = request.GET.get("status", ChangeStatus.PENDING)
    if status not in ChangeStatus.values:
        status = ChangeStatus.PENDING
    appeals = appeals_for(admin=request.user).filter(status=status)
    page = Paginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/region_admin/appeals.html",
        {"page_obj": page, "status": status, "statuses": ChangeStatus.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def region_appeal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One appeal: the claim, the scan, the account it matches, and the decision."""
    appeal = appeal_get(user=request.user, appeal_id=pk)
    form = AppealDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                appeal_decide(
                    appeal=appeal,
                    admin=request.user,
                    approve=form.cleaned_data["decision"] == "approve",
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            except RecoveryConflictError as error:
                form.add_error(None, error.message)
                status = 409
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, _("申诉已处理。"))
                return redirect("region-appeals")
    return render(
        request,
        "core/region_admin/appeals_detail.html",
        {
            "appeal": appeal,
            "form": form,
            "account": appeal_matching_account(appeal)
            if appeal.status == ChangeStatus.PENDING
            else appeal.account,
        },
        status=status,
    )


@login_required
@require_GET
def region_appeal_scan(request: HttpRequest, pk: int) -> HttpResponseBase:
    appeal = appeal_get(user=request.user, appeal_id=pk)
    blob, name = appeal_scan_open(user=request.user, appeal=appeal)
    return blob_response(request, blob, filename=name)
