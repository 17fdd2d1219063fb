"""Account pages: registration, profile, password, unit information."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.audit import access_entries, access_log
from core.errors import RateLimitedError, TooLargeError
from core.files.blobs import blob_store
from core.identity.accounts import (
    applicant_errors,
    applicant_register,
    password_change,
    profile_update,
    unit_register,
    unit_request_change,
    unit_update_info,
)
from core.identity.forms import (
    ApplicantRegisterForm,
    PasswordChangeForm,
    ProfileForm,
    UnitChangeForm,
    UnitInfoForm,
    UnitRegisterForm,
)
from core.models import Role, Unit, WechatBinding
from core.views.wechat import profile_wechat


def register_choice(request: HttpRequest) -> HttpResponse:
    return render(request, "core/register_choice.html")


# 查询记录 on the account page: the latest reads (all of them: GET /api/v1/me/access-log/).
ACCESS_LOG_SHOWN = 20


@require_http_methods(["GET", "POST"])
def register_applicant(request: HttpRequest) -> HttpResponse:
    form = ApplicantRegisterForm(request.POST or None, request.FILES or None)
    status = 400
    if request.method == "POST" and not form.is_valid():
        # The account's own rules too, for the fields the form found nothing wrong with.
        fields = ("username", "password", "name", "phone", "email", "id_card_number")
        later = applicant_errors(**{k: request.POST.get(k, "") for k in fields})
        for field, found in later.items():
            if field not in form.errors and form.data.get(field):
                form.add_error(field, found)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in {"password_again", "id_card_scan"}
        }
        try:
            with transaction.atomic():
                user = applicant_register(**data, request=request)
                item = blob_store(
                    owner=user,
                    upload=form.cleaned_data["id_card_scan"],
                    region_code=request.tenant.schema_name,
                )
                user.id_card_scan = item.blob.sha256
                user.save(update_fields=["id_card_scan"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                form.add_service_errors(error)
            else:
                form.add_error("id_card_scan", error.messages)
        except TooLargeError as error:  # the scan is over the upload limit
            form.add_error("id_card_scan", error.message)
            status = 413
        else:
            messages.success(request, _("注册成功，请登录。"))
            return redirect("login")
    return render(
        request,
        "core/register_applicant.html",
        {"form": form},
        status=status if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def register_unit(request: HttpRequest) -> HttpResponse:
    form = UnitRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "password_again"}
        try:
            unit_register(**data, request=request)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("单位注册成功，请登录后完善单位信息。"))
            return redirect("login")
    return render(
        request, "core/register_unit.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile_form = ProfileForm(
        initial={"name": user.name, "email": user.email, "phone": user.phone}
    )
    password_form = PasswordChangeForm()
    wechat_done, wechat_form = profile_wechat(request)
    if wechat_done is not None:
        return wechat_done
    if request.method == "POST" and not wechat_form.is_bound:
        if "change_password" in request.POST:
            password_form = PasswordChangeForm(request.POST)
            if password_form.is_valid():
                try:
                    password_change(user=user, request=request, **password_form.cleaned_data)
                except ValidationError as error:
                    password_form.add_service_errors(error)
                except RateLimitedError as error:  # django-axes then answers its lockout page
                    password_form.add_error(None, error.message)
                else:
                    update_session_auth_hash(request, user)
                    messages.success(request, _("密码已修改。"))
                    return redirect("profile")
        else:
            profile_form = ProfileForm(request.POST)
            if profile_form.is_valid():
                try:
                    profile_update(user=user, **profile_form.cleaned_data)
                except ValidationError as error:
                    profile_form.add_service_errors(error)
                else:
                    messages.success(request, _("个人信息已保存。"))
                    return redirect("profile")
    return render(
        request,
        "core/profile.html",
        {
            "profile_form": profile_form,
            "password_form": password_form,
            "access_log": access_entries(access_log(user)[:ACCESS_LOG_SHOWN]),
            "wechat_binding": WechatBinding.objects.filter(user=user).first(),
            "wechat_unbind_form": wechat_form,
        },
        status=400 if (profile_form.errors or password_form.errors or wechat_form.errors) else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_unit(request: HttpRequest) -> HttpResponse:
    """完善单位信息 and 变更推荐单位 (manual Part 2 §3)."""
    if request.user.role != Role.UNIT_ADMIN or request.user.unit_id is None:
        raise Http404
    unit = Unit.objects.select_related("region").get(pk=request.user.unit_id)
    initial = {
        field: getattr(unit, field)
        for field in ("address", "nature", "legal_representative", "contact_name", "contact_phone")
    }
    initial["recommending_units"] = list(unit.recommending_units.all())
    form = UnitInfoForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = [authority.pk for authority in data.pop("recommending_units")]
        try:
            unit_update_info(unit=unit, recommending_units=chosen, **data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("单位信息已保存。"))
            return redirect("my-unit")
    return render(
        request,
        "core/my_unit.html",
        {"form": form, "unit": unit},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def my_unit_change(request: HttpRequest) -> HttpResponse:
    """变更单位名称: a request the unit's region admin approves."""
    if request.user.role != Role.UNIT_ADMIN or request.user.unit_id is None:
        raise Http404
    unit = Unit.objects.select_related("region").get(pk=request.user.unit_id)
    form = UnitChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit_request_change(unit=unit, requested_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("变更申请已提交，请等待地区管理员审核。"))
            return redirect("my-unit")
    changes = unit.change_requests.order_by("-created_at")[:10]
    return render(
        request,
        "core/my_unit_change.html",
        {"form": form, "unit": unit, "changes": changes},
        status=400 if form.errors else 200,
    )
