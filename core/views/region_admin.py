"""The region admin's pages: authorities and their reviewers, unit name changes."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.access import region_role_required
from core.identity.accounts import unit_decide_change
from core.identity.authorities import authority_save, authority_set_active, reviewer_create
from core.identity.forms import ServiceErrorsMixin
from core.models import Authority, AuthorityKind, ChangeStatus, Role, UnitChangeRequest

region_admin_only = region_role_required(Role.REGION_ADMIN)


class AuthorityForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("名称"), max_length=128)
    kind = forms.ChoiceField(label=gettext_lazy("类型"), choices=AuthorityKind.choices)
    contact_name = forms.CharField(label=gettext_lazy("联系人"), max_length=64)
    contact_phone = forms.CharField(label=gettext_lazy("联系电话"), max_length=32)


class ReviewerForm(ServiceErrorsMixin, forms.Form):
    username = forms.RegexField(label=gettext_lazy("用户名"), regex=r"^[\w.@+-]{3,150}$")
    name = forms.CharField(label=gettext_lazy("姓名"), max_length=64)
    password = forms.CharField(
        label=gettext_lazy("初始密码"), widget=forms.PasswordInput, strip=False
    )
    phone = forms.CharField(label=gettext_lazy("手机号码"), max_length=32, required=False)
    email = forms.EmailField(label=gettext_lazy("电子邮箱"), required=False)


class DecisionForm(forms.Form):
    decision_note = forms.CharField(
        label=gettext_lazy("审核意见"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _own_authority(request: HttpRequest, pk: int) -> Authority:
    """An authority of the admin's region; any other answers 404."""
    return get_object_or_404(Authority, pk=pk, region=request.user.region)


@region_admin_only
def dashboard(request: HttpRequest) -> HttpResponse:
    region = request.user.region
    authorities = (
        Authority.objects.filter(region=region)
        .annotate(reviewer_count=Count("reviewers"))
        .order_by("-is_active", "name")
    )
    pending = UnitChangeRequest.objects.filter(
        unit__region=region, status=ChangeStatus.PENDING
    ).count()
    return render(
        request,
        "core/region_admin/dashboard.html",
        {
            "authorities": authorities,
            "pending_changes": pending,
            "form": AuthorityForm(),
        },
    )


@region_admin_only
@require_http_methods(["GET", "POST"])
def authority_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    authority = _own_authority(request, pk) if pk is not None else None
    initial = (
        {
            "name": authority.name,
            "kind": authority.kind,
            "contact_name": authority.contact_name,
            "contact_phone": authority.contact_phone,
        }
        if authority
        else None
    )
    form = AuthorityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            authority_save(region=request.user.region, authority=authority, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("已保存。"))
            return redirect("region-admin")
    return render(
        request,
        "core/region_admin/authority_form.html",
        {"form": form, "authority": authority},
        status=400 if form.errors else 200,
    )


@region_admin_only
@require_POST
def authority_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    authority = _own_authority(request, pk)
    authority_set_active(authority=authority, active=not authority.is_active)
    return redirect("region-admin")


@region_admin_only
@require_http_methods(["GET", "POST"])
def authority_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    authority = _own_authority(request, pk)
    form = ReviewerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reviewer_create(authority=authority, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("审核人员账号已创建。"))
            return redirect("region-admin-reviewers", pk=authority.pk)
    return render(
        request,
        "core/region_admin/reviewers.html",
        {
            "authority": authority,
            "reviewers": authority.reviewers.order_by("username"),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@region_admin_only
def unit_changes(request: HttpRequest) -> HttpResponse:
    changes = (
        UnitChangeRequest.objects.filter(unit__region=request.user.region)
        .select_related("unit", "requested_by", "decided_by")
        .order_by(
            ExpressionWrapper(Q(status=ChangeStatus.PENDING), output_field=BooleanField()).desc(),
            "-created_at",
        )[:200]
    )
    return render(
        request, "core/region_admin/unit_changes.html", {"changes": changes, "form": DecisionForm()}
    )


@region_admin_only
@require_POST
def unit_change_decide(request: HttpRequest, pk: int) -> HttpResponse:
    change = get_object_or_404(UnitChangeRequest, pk=pk, unit__region=request.user.region)
    form = DecisionForm(request.POST)
    approve = request.POST.get("decision") == "approve"
    if request.POST.get("decision") not in {"approve", "reject"} or not form.is_valid():
        raise Http404
    try:
        unit_decide_change(
            change=change,
            admin=request.user,
            approve=approve,
            note=form.cleaned_data["decision_note"],
            request=request,
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("已通过变更申请。") if approve else _("已驳回变更申请。"))
    return redirect("region-admin-unit-changes")
