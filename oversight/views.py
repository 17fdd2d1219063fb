"""The oversight pages: the central office's dashboard, cross-region search, exports and audit
log (every host, like its catalog pages), and the region admin's list, statistics and exports
of their own region (its host). All of them read the public index, never a region's schema."""

from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access import region_role_required
from core.application_index import with_positions
from core.files.blobs import private_file_response
from core.identity.validators import mask_id_card_number
from core.models import ApplicationIndex, AuditEvent, AuditKind, Role
from core.models.applications import Status
from oversight import charts, figures
from oversight.exports import (
    CONTENT_TYPES,
    export_create,
    export_filename,
    export_for,
    export_path,
)
from oversight.filters import ListFilter, Scope, apply
from oversight.models import ExportFormat
from tenants.links import region_url
from tenants.routing import REGION_MAP
from tenants.translated import localized_row
from workflow.models import NodeKind, Offering

PAGE_SIZE = 50
MAX_PAGE = 200  # deep pages of a million rows: narrow the conditions or export instead
REGION_URLS = "config.urls_region"

central_only = region_role_required(Role.CENTRAL_OFFICE)
# The region admin over their region's host (the central office reads every region too).
region_readers = region_role_required(Role.REGION_ADMIN, Role.CENTRAL_OFFICE)


def _central_scope(request: HttpRequest) -> Scope:
    return Scope(None)


def _region_scope(request: HttpRequest) -> Scope:
    return Scope(request.tenant)


def _link(route: str, params: dict[str, object]) -> str:
    clean = {k: v for k, v in params.items() if v not in ("", None)}
    return reverse(route) + ("?" + urlencode(clean) if clean else "")


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


# --- the dashboard ---------------------------------------------------------------------------


def _dashboard(request: HttpRequest, scope: Scope, list_route: str, template: str, **extra):
    year = _year(request)
    rows = scope.rows().filter(year=year)
    base = {"year": year}
    counted = figures.counts(rows)
    by_region = figures.region_status(counted)
    by_series = figures.series_level(counted)
    stages = figures.funnel(by_region)
    waits = figures.waits(rows)
    holders = figures.oldest_holders(rows)
    weeks = figures.weekly(rows)
    funnel_chart = charts.horizontal(
        _("从填报到发证"),
        [(s.label, s.count, _link(list_route, {**base, "reached": s.status})) for s in stages],
    )
    wait_chart = charts.horizontal(
        _("各审核节点等待天数（中位数）"),
        [
            (
                w.label,
                w.median_days,
                _link(
                    list_route,
                    {
                        **base,
                        "status": Status.IN_REVIEW,
                        "node_kind": w.node_kind,
                        "sort": "waiting",
                    },
                ),
            )
            for w in waits
        ],
    )
    trend_chart = charts.vertical(
        _("每周提交"),
        [
            (
                f"{w.start:%m-%d}",
                w.count,
                _link(list_route, {**base, "week": f"{w.start:%Y-%m-%d}"}),
            )
            for w in weeks
        ],
    )
    return render(
        request,
        template,
        {
            "year": year,
            "years": range(timezone.localdate().year + 1, timezone.localdate().year - 5, -1),
            "by_region": by_region,
            "by_series": by_series,
            "stages": stages,
            "waits": waits,
            "holders": holders,
            "funnel_chart": funnel_chart,
            "wait_chart": wait_chart,
            "trend_chart": trend_chart,
            "list_route": list_route,
            "list_url": reverse(list_route),
            **extra,
        },
    )


@central_only
def central_dashboard(request: HttpRequest) -> HttpResponse:
    return _dashboard(
        request, _central_scope(request), "central-applications", "oversight/dashboard.html"
    )


# --- lists and search ------------------------------------------------------------------------


def _list_rows(request: HttpRequest, rows: list[ApplicationIndex]) -> list[dict]:
    """Each row's cells as text, and a link to its review page on its region's host (the
    path and each region's origin built once, not per row)."""
    kinds = dict(NodeKind.choices)
    review = reverse("review-page", urlconf=REGION_URLS, args=["NUMBER"])
    origins = {
        code: region_url(request, code, "") for code in {row.region.schema_name for row in rows}
    }
    return [
        {
            "number": row.number,
            "region": row.region.local_name,
            "applicant": row.applicant_name,
            "id_number": mask_id_card_number(row.applicant.id_card_number or ""),
            "unit": row.unit.name,
            "qualification": row.qualification.label,
            "status": row.status_label,
            "position": row.position,
            "node_kind": str(kinds.get(row.node_kind, "")),
            "waiting_since": row.waiting_since,
            "updated_at": row.updated_at,
            "url": origins[row.region.schema_name] + review.replace("NUMBER", row.number),
        }
        for row in with_positions(rows)
    ]


def _list(request: HttpRequest, scope: Scope, template: str, export_route: str, **extra):
    form = ListFilter(request.GET)
    try:
        page = max(1, min(int(request.GET.get("page", "1")), MAX_PAGE))
    except ValueError:
        page = 1
    if form.is_valid():
        queryset = apply(scope, form.cleaned_data).select_related(
            "region", "applicant", "unit", "qualification__specialty__series"
        )
        start = (page - 1) * PAGE_SIZE
        fetched = list(queryset[start : start + PAGE_SIZE + 1])  # one more: is there a next?
        params = form.params()
    else:
        fetched, params = [], {}
    rows = _list_rows(request, fetched[:PAGE_SIZE])
    return render(
        request,
        template,
        {
            "form": form,
            "rows": rows,
            "page": page,
            "offset": (page - 1) * PAGE_SIZE,
            "previous": _link(request.resolver_match.url_name, {**params, "page": page - 1})
            if page > 1
            else "",
            "next": _link(request.resolver_match.url_name, {**params, "page": page + 1})
            if len(fetched) > PAGE_SIZE and page < MAX_PAGE
            else "",
            "params": params,
            "formats": ExportFormat.choices,
            "export_url": reverse(export_route),
            "regions": [] if scope.region else REGION_MAP.regions(),
            **extra,
        },
        status=200 if form.is_valid() else 400,
    )


@central_only
def central_applications(request: HttpRequest) -> HttpResponse:
    return _list(request, _central_scope(request), "oversight/applications.html", "central-exports")


@region_readers
def region_applications(request: HttpRequest) -> HttpResponse:
    return _list(
        request,
        _region_scope(request),
        "oversight/applications.html",
        "region-admin-exports",
        in_region=True,
    )


@region_readers
def region_statistics(request: HttpRequest) -> HttpResponse:
    """Statistics per committee and per offering of the region (the index), with the region's
    own offering names (its schema: the host's)."""
    year = _year(request)
    rows = _region_scope(request).rows().filter(year=year).order_by()
    in_review = Count("number", filter=Q(status=Status.IN_REVIEW))
    passed = Count(
        "number",
        filter=~Q(status__in=[Status.DRAFT, Status.IN_REVIEW, Status.RETURNED, Status.REJECTED]),
    )
    committees = list(
        rows.values("committee_id", "committee_name", "committee_name_en", "committee_name_ug")
        .annotate(total=Count("*"), in_review=in_review, passed=passed)
        .order_by("committee_name")
    )
    offerings = list(
        rows.exclude(offering_id=None)
        .values("offering_id", "committee_name", "committee_name_en", "committee_name_ug")
        .annotate(total=Count("*"), in_review=in_review, passed=passed)
        .order_by("committee_name", "offering_id")
    )
    names = Offering.objects.select_related("qualification").in_bulk(
        [o["offering_id"] for o in offerings]
    )
    for row in (*committees, *offerings):
        row["committee_name"] = localized_row(row, "committee_name")
    for row in committees:
        row["link"] = _link(
            "region-admin-applications", {"year": year, "committee": row["committee_id"]}
        )
    for row in offerings:
        offering = names.get(row["offering_id"])
        row["label"] = offering.qualification.label if offering else str(row["offering_id"])
        row["link"] = _link(
            "region-admin-applications", {"year": year, "offering": row["offering_id"]}
        )
    return _dashboard(
        request,
        _region_scope(request),
        "region-admin-applications",
        "oversight/region_statistics.html",
        committees=committees,
        offerings=offerings,
    )


# --- exports ---------------------------------------------------------------------------------


def _export_start(request: HttpRequest, scope: Scope, job_route: str) -> HttpResponse:
    form = ListFilter(request.POST)
    fmt = request.POST.get("format", "")
    if not form.is_valid() or fmt not in ExportFormat.values:
        message = _("导出条件无效。")
        return render(request, "core/bad_request.html", {"message": message}, status=400)
    job = export_create(
        user=request.user, scope=scope, params=form.params(), fmt=fmt, request=request
    )
    return redirect(job_route, pk=job.pk)


def _export_page(request: HttpRequest, pk: int, routes: dict[str, str]) -> HttpResponse:
    job = export_for(request.user, pk)
    context = {"job": job, "routes": routes, "retention_days": settings.EXPORT_RETENTION_DAYS}
    if request.htmx:
        return render(request, "oversight/export.html#progress", context)
    return render(request, "oversight/export.html", context)


def _export_file(request: HttpRequest, pk: int) -> HttpResponse:
    job = export_for(request.user, pk)
    if job.status != "done" or not job.file_key:
        raise Http404
    headers = {
        "ETag": f'"export-{job.pk}"',
        "Cache-Control": "private, no-store",
        "Content-Disposition": content_disposition_header(True, export_filename(job)),
    }
    return private_file_response(
        request,
        relative=job.file_key,
        path=export_path(job),
        content_type=CONTENT_TYPES[job.format],
        headers=headers,
    )


CENTRAL_EXPORT_ROUTES = {"page": "central-export", "file": "central-export-file"}
REGION_EXPORT_ROUTES = {"page": "region-admin-export", "file": "region-admin-export-file"}


@central_only
@require_POST
def central_export_start(request: HttpRequest) -> HttpResponse:
    return _export_start(request, _central_scope(request), "central-export")


@central_only
def central_export(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_page(request, pk, CENTRAL_EXPORT_ROUTES)


@central_only
def central_export_file(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_file(request, pk)


@region_readers
@require_POST
def region_export_start(request: HttpRequest) -> HttpResponse:
    return _export_start(request, _region_scope(request), "region-admin-export")


@region_readers
def region_export(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_page(request, pk, REGION_EXPORT_ROUTES)


@region_readers
def region_export_file(request: HttpRequest, pk: int) -> HttpResponse:
    return _export_file(request, pk)


# --- the audit log ---------------------------------------------------------------------------


class AuditFilter(forms.Form):
    person = forms.CharField(label=gettext_lazy("用户名"), required=False, max_length=150)
    kind = forms.ChoiceField(label=gettext_lazy("事件"), required=False)
    number = forms.CharField(label=gettext_lazy("申请书编号"), required=False, max_length=20)
    since = forms.DateField(label=gettext_lazy("开始日期"), required=False)
    until = forms.DateField(label=gettext_lazy("结束日期"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "—"), *AuditKind.choices]

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError(_("开始日期不能晚于结束日期。"))
        return data


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@central_only
def central_audit(request: HttpRequest) -> HttpResponse:
    """The audit log, searchable by person (username, exact), kind, application and time."""
    form = AuditFilter(request.GET)
    try:
        page = max(1, min(int(request.GET.get("page", "1")), MAX_PAGE))
    except ValueError:
        page = 1
    events: list[AuditEvent] = []
    if form.is_valid():
        data = form.cleaned_data
        queryset = AuditEvent.objects.select_related("actor").order_by("-created_at", "-pk")
        if data["person"]:
            queryset = queryset.filter(username=data["person"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["number"]:
            queryset = queryset.filter(application_number=data["number"].upper())
        if data["since"]:
            queryset = queryset.filter(created_at__gte=_day_start(data["since"]))
        if data["until"]:
            queryset = queryset.filter(created_at__lt=_day_start(data["until"]) + timedelta(days=1))
        start = (page - 1) * PAGE_SIZE
        events = list(queryset[start : start + PAGE_SIZE + 1])
    params = {k: v for k, v in request.GET.items() if k != "page"}
    return render(
        request,
        "oversight/audit.html",
        {
            "form": form,
            "events": [
                (e, str(AuditKind(e.kind).label) if e.kind in AuditKind.values else e.kind)
                for e in events[:PAGE_SIZE]
            ],
            "previous": _link("central-audit", {**params, "page": page - 1}) if page > 1 else "",
            "next": _link("central-audit", {**params, "page": page + 1})
            if len(events) > PAGE_SIZE and page < MAX_PAGE
            else "",
        },
        status=200 if form.is_valid() else 400,
    )
