"""The central office's catalog pages: the title catalog, the section forms and their versions,
and the qualification conditions. Any host; the central office only (others get a 404)."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Max, Prefetch
from django.db.models.fields.json import KeyTextTransform
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import region_role_required
from core.catalog.central_forms import (
    ConditionForm,
    FormPublishForm,
    QualificationCreateForm,
    QualificationRenameForm,
)
from core.catalog.conditions import RULE_PARAMETERS, rule_kinds
from core.catalog.forms import form_current
from core.catalog.manage import (
    catalog_set_active,
    condition_update,
    form_field_summary,
    form_publish,
    level_label,
    qualification_create,
    qualification_rename,
)
from core.catalog.ordering import definition_as_written, form_sections
from core.catalog.sync import FORM_HEADER
from core.models import (
    LEVEL_ORDER,
    ConditionSet,
    Qualification,
    Role,
    SectionForm,
    Series,
    Specialty,
)

central_only = region_role_required(Role.CENTRAL_OFFICE)

TOGGLABLE = {"series": Series, "specialties": Specialty, "qualifications": Qualification}


# --- catalog ---------------------------------------------------------------------------------


@central_only
def catalog(request: HttpRequest) -> HttpResponse:
    series_list = list(
        Series.objects.order_by("sort_order", "code").prefetch_related(
            Prefetch("specialties", queryset=Specialty.objects.order_by("sort_order", "code")),
            Prefetch(
                "specialties__qualifications",
                queryset=Qualification.objects.order_by("sort_order", "code"),
            ),
        )
    )
    totals = {"series": len(series_list), "specialties": 0, "qualifications": 0, "active": 0}
    for series in series_list:
        specialties = list(series.specialties.all())
        series.qualification_total = 0
        series.qualification_active = 0
        for specialty in specialties:
            qualifications = list(specialty.qualifications.all())
            for qualification in qualifications:
                qualification.level_label = level_label(qualification.level, qualification.grade)
            specialty.qualification_total = len(qualifications)
            specialty.qualification_active = sum(q.is_active for q in qualifications)
            series.qualification_total += specialty.qualification_total
            series.qualification_active += specialty.qualification_active
        totals["specialties"] += len(specialties)
        totals["qualifications"] += series.qualification_total
        totals["active"] += series.qualification_active
    return render(
        request, "core/central/catalog.html", {"series_list": series_list, "totals": totals}
    )


@central_only
@require_POST
def catalog_toggle(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = TOGGLABLE.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(model, pk=pk)
    catalog_set_active(item=item, active=not item.is_active, actor=request.user)
    if item.is_active:
        messages.success(request, _("已启用：%(name)s") % {"name": item.name})
    else:
        messages.success(request, _("已停用：%(name)s") % {"name": item.name})
    return redirect(f"{_catalog_url()}#{kind}-{item.pk}")


@central_only
@require_http_methods(["GET", "POST"])
def qualification_edit(request: HttpRequest, pk: int) -> HttpResponse:
    qualification = get_object_or_404(
        Qualification.objects.select_related("specialty__series"), pk=pk
    )
    form = QualificationRenameForm(
        request.POST or None,
        initial={
            "name": qualification.name,
            "name_en": qualification.name_en,
            "name_ug": qualification.name_ug,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            qualification_rename(
                qualification=qualification,
                name=form.cleaned_data["name"],
                name_en=form.cleaned_data["name_en"],
                name_ug=form.cleaned_data["name_ug"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("资格名称已修改。"))
            return redirect(f"{_catalog_url()}#qualifications-{qualification.pk}")
    return render(
        request,
        "core/central/qualification_form.html",
        {
            "form": form,
            "qualification": qualification,
            "level": level_label(qualification.level, qualification.grade),
        },
        status=400 if form.errors else 200,
    )


@central_only
@require_http_methods(["GET", "POST"])
def qualification_new(request: HttpRequest, specialty_pk: int) -> HttpResponse:
    specialty = get_object_or_404(Specialty.objects.select_related("series"), pk=specialty_pk)
    form = QualificationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            qualification = qualification_create(
                specialty=specialty, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("已新增资格：%(name)s") % {"name": qualification.name})
            return redirect(f"{_catalog_url()}#qualifications-{qualification.pk}")
    return render(
        request,
        "core/central/qualification_new.html",
        {
            "form": form,
            "specialty": specialty,
            "existing": [
                (q, level_label(q.level, q.grade))
                for q in specialty.qualifications.order_by("sort_order", "code")
            ],
        },
        status=400 if form.errors else 200,
    )


def _catalog_url() -> str:
    return reverse("central-catalog")


# --- section forms ---------------------------------------------------------------------------


@central_only
def form_list(request: HttpRequest) -> HttpResponse:
    versions = (
        SectionForm.objects.order_by("key", "-version")
        .only("key", "version", "title", "created_at")
        .annotate(
            title_en=KeyTextTransform("title_en", "definition"),
            title_ug=KeyTextTransform("title_ug", "definition"),
        )
    )
    forms_by_key: dict[str, dict] = {}
    for version in versions:
        entry = forms_by_key.setdefault(
            version.key, {"key": version.key, "current": version, "versions": [], "series": []}
        )
        entry["versions"].append(version)
    for series in Series.objects.order_by("sort_order", "code"):
        if series.form_key in forms_by_key:
            forms_by_key[series.form_key]["series"].append(series)
    return render(request, "core/central/forms.html", {"forms": list(forms_by_key.values())})


@central_only
def form_detail(request: HttpRequest, key: str, version: int) -> HttpResponse:
    form = get_object_or_404(SectionForm, key=key, version=version)
    latest = SectionForm.objects.filter(key=key).aggregate(latest=Max("version"))["latest"]
    sections = [
        {
            "key": section.get("key"),
            "title": section.get("title"),
            "filled_by": section.get("filled_by"),
            "min_attachments": section.get("schema", {}).get("x-min-attachments", 0),
            "description": section.get("schema", {}).get("description", ""),
            "fields": form_field_summary(section.get("schema", {})),
        }
        for section in form_sections(form)
    ]
    rule_fields = {
        name: spec
        for name, spec in form.definition.get("rule_fields", {}).items()
        if not name.startswith("$")
    }
    return render(
        request,
        "core/central/form_detail.html",
        {
            "form_version": form,
            "is_current": form.version == latest,
            "sections": sections,
            "rule_fields": rule_fields,
        },
    )


@central_only
@require_http_methods(["GET", "POST"])
def form_publish_view(request: HttpRequest, key: str) -> HttpResponse:
    try:
        current = form_current(key)
    except SectionForm.DoesNotExist as error:
        raise Http404 from error
    document = {
        "key": current.key,
        "title": current.title,
        **definition_as_written(current.definition),
    }
    initial = {"definition": json.dumps(document, ensure_ascii=False, indent=2)}
    form = FormPublishForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            published = form_publish(
                key=key, document=form.cleaned_data["definition"], actor=request.user
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request, _("已发布第%(v)s版；此前的版本保持不变。") % {"v": published.version}
            )
            return redirect("central-form", key=key, version=published.version)
    return render(
        request,
        "core/central/form_publish.html",
        {"form": form, "current": current, "header": FORM_HEADER},
        status=400 if form.errors else 200,
    )


# --- conditions ------------------------------------------------------------------------------


@central_only
def condition_list(request: HttpRequest) -> HttpResponse:
    conditions = ConditionSet.objects.select_related("series").order_by(
        "series__sort_order", "series__code", "pk"
    )
    level_rank = {level: index for index, level in enumerate(LEVEL_ORDER)}
    rows = sorted(
        conditions,
        key=lambda c: (c.series.sort_order, c.series.code, level_rank.get(c.level, 9), c.grade),
    )
    for row in rows:
        row.level_label = level_label(row.level, row.grade)
        row.rule_count = _count_rules(row.rules)
    return render(request, "core/central/conditions.html", {"conditions": rows})


def _count_rules(rules: object) -> int:
    return len(rules) if isinstance(rules, list) else 0


@central_only
@require_http_methods(["GET", "POST"])
def condition_edit(request: HttpRequest, pk: int) -> HttpResponse:
    condition_set = get_object_or_404(ConditionSet.objects.select_related("series"), pk=pk)
    initial = {
        "text": condition_set.text,
        "rules": json.dumps(condition_set.rules, ensure_ascii=False, indent=2),
    }
    form = ConditionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            condition_update(condition_set=condition_set, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("已保存（第%(v)s版）。") % {"v": condition_set.version})
            return redirect("central-conditions")
    kinds = [
        {"kind": kind, "description": text, "parameters": list(RULE_PARAMETERS.get(kind, {}))}
        for kind, text in rule_kinds().items()
    ]
    return render(
        request,
        "core/central/condition_form.html",
        {
            "form": form,
            "condition_set": condition_set,
            "level": level_label(condition_set.level, condition_set.grade),
            "kinds": kinds,
        },
        status=400 if form.errors else 200,
    )
