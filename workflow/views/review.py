"""The reviewers' pages: 申请书审核 (waiting at my node), 申请书查询 (everything naming my
organization), and the review page with a comment per section and the actions of the table."""

from collections import defaultdict
from contextlib import nullcontext

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import READ_ONLY_ROLES, REVIEWER_ROLES, region_role_required
from core.application_index import with_positions
from core.caching.pages import cached_page
from core.errors import ConflictError, error_messages
from core.files.blobs import blob_response, blob_sizes
from core.models import ApplicationIndex, AuditKind, Blob, Level, Role, User
from tenants.crossing import current_region_code, in_region
from tenants.links import region_url
from workflow.access import access_application, applications_visible_to
from workflow.access_log import record_application_read
from workflow.history import history_rows
from workflow.models import Application, NodeKind, SectionEntry
from workflow.nodes import node_label, sender_label
from workflow.progress import flow_steps
from workflow.review import comment_save, comments_by_section
from workflow.reviewers import (
    current_node,
    reviews_node,
    waiting_for,
    waiting_in_every_region,
)
from workflow.schema_forms import render_section
from workflow.sections import section_states
from workflow.selectors import application_changes, flow_view
from workflow.states import Status
from workflow.transitions import (
    REVIEW_ACTIONS,
    UNIT_SECTION,
    allowed_actions,
    apply_transition,
)

# 申请书审核 and the actions: the organizations that review.
reviewers_only = region_role_required(*REVIEWER_ROLES)
# Reading applications (申请书查询, the review page, its files): the reviewers, and the region
# admin and the central office, who read every application of the region and act on none.
readers = region_role_required(*REVIEWER_ROLES, *READ_ONLY_ROLES)
PAGE_SIZE = 50
# A queue row's status: 审核中：[基层工作单位]提交到[推荐单位] (manual Part 2 §4).
ARRIVED = gettext_lazy("%(status)s：[%(sender)s]提交到[%(node)s]")
REGION_URLS = "config.urls_region"


def _search(queryset: QuerySet, params: QueryDict) -> QuerySet:
    """The form's conditions, on the region's applications or on the public index (both have
    the same number, applicant, qualification and status)."""
    term = params.get("q", "").strip()
    if term:
        queryset = queryset.filter(
            Q(applicant__name__icontains=term)
            | Q(applicant__id_card_number=term.upper())
            | Q(number__iexact=term)
        )
    if params.get("level"):
        queryset = queryset.filter(qualification__level=params["level"])
    if params.get("qualification"):
        queryset = queryset.filter(qualification__name__icontains=params["qualification"])
    if params.get("status"):
        queryset = queryset.filter(status=params["status"])
    return queryset


def _filtered(request: HttpRequest) -> QuerySet[Application]:
    queryset = applications_visible_to(request.user).prefetch_related(
        Prefetch(
            "sections",
            queryset=SectionEntry.objects.filter(key=UNIT_SECTION),
            to_attr="recommendations",
        )
    )
    return _search(queryset, request.GET).order_by("-updated_at")


def _queue_page(request: HttpRequest, *, waiting: bool) -> HttpResponse:
    """申请书审核 (`waiting`) or 申请书查询 of the host's region; an authority's 申请书审核
    spans every region through the public index (workflow.reviewers.waiting_in_every_region),
    each row linking to its region's host. 申请书查询 stays the host's region's.

    The host's region's pages come from the page cache (core.caching.pages) while none of the
    applications the reader sees has changed: how many there are and the latest `updated_at`
    (every change of an application saves it), one indexed query."""
    spanning = waiting_in_every_region(request.user) if waiting else None
    if spanning is not None:
        rows = _search(spanning, request.GET).select_related(
            "region", "applicant", "unit", "qualification__specialty__series"
        )
        page = Paginator(rows.order_by("-updated_at", "number"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return _queue_response(
            request, page, _index_rows(request, list(page.object_list)), {}, waiting=True
        )

    def render_page(extra: dict[str, object]) -> HttpResponse:
        queryset = _filtered(request)
        if waiting:
            queryset = waiting_for(request.user, queryset)
        page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
        cells = [_queue_row(request.user, a) for a in page.object_list]
        return _queue_response(request, page, cells, extra, waiting=waiting)

    name = "review-queue" if waiting else "review-query"
    return cached_page(request, name, render_page, rows=applications_visible_to(request.user))


def _queue_response(
    request: HttpRequest, page: Page, cells: list[dict], extra: dict[str, object], *, waiting: bool
) -> HttpResponse:
    unit = request.user.unit if request.user.role == Role.UNIT_ADMIN else None
    return render(
        request,
        "workflow/review_queue.html",
        {
            "rows": cells,
            "page": page,
            "waiting": waiting,
            "unit": unit,
            "levels": Level.choices,
            "statuses": Status.choices,
            "params": request.GET,
            **extra,
        },
    )


def _queue_row(user: User, application: Application) -> dict:
    """One row of a queue, every cell already text: the template only places them (50 rows of
    nested lookups and tags were half of the page's time). `Status(x).label` translates one
    label, where get_status_display() translates every choice on each call."""
    a = application
    status = str(Status(a.status).label)
    if a.status == Status.IN_REVIEW:
        status = ARRIVED % {"status": status, "sender": sender_label(a), "node": node_label(a)}
    return {
        "number": a.number,
        "region": current_region_code(),
        "applicant": a.applicant.display_name,
        "unit": a.unit.name,
        "qualification": a.qualification.label,
        "status": status,
        "handled_at": a.updated_at,
        "phone": a.applicant.phone,
        "recommendation": a.recommendations[0].data.get("opinion", "") if a.recommendations else "",
        "actionable": reviews_node(user, a, current_node(a)),
        "url": reverse("review-page", args=[a.number]),
    }


def _unit_opinions(rows: list[ApplicationIndex]) -> dict[str, str]:
    """单位推荐意见 of index rows, read in each region they are in: one query per region on
    the page (the host's own needs no switch), never one per row."""
    numbers: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        numbers[row.region.schema_name].append(row.number)
    here = current_region_code()
    opinions = {}
    for code, in_code in numbers.items():
        with nullcontext() if code == here else in_region(code):
            entries = SectionEntry.objects.filter(
                application__number__in=in_code, key=UNIT_SECTION
            ).values_list("application__number", "data")
            opinions.update((number, data.get("opinion", "")) for number, data in entries)
    return opinions


def _index_sender(row: ApplicationIndex) -> str:
    """Who sent it, as far as the index tells: the applicant to the first node, the base unit
    (always the first node) to the second; later nodes' senders are read on the review page."""
    if not row.node_index:
        return _("申请人")
    if row.node_index == 1:
        return str(NodeKind.BASE_UNIT.label)
    return _("上一审核单位")


def _index_rows(request: HttpRequest, rows: list[ApplicationIndex]) -> list[dict]:
    """The rows of a queue spanning regions, from the public index: where each waits (one
    query for the authorities named), the qualification with its region, and a link to the
    review page on the host of the application's region."""
    opinions = _unit_opinions(rows)
    in_review = str(Status.IN_REVIEW.label)
    return [
        {
            "number": row.number,
            "region": row.region.schema_name,
            "applicant": row.applicant.display_name,
            "unit": row.unit.name,
            "qualification": row.label,
            "status": ARRIVED
            % {"status": in_review, "sender": _index_sender(row), "node": row.position},
            "handled_at": row.updated_at,
            "phone": row.applicant.phone,
            "recommendation": opinions.get(row.number, ""),
            "actionable": True,  # it waits at the reader's organization
            "url": region_url(
                request,
                row.region.schema_name,
                reverse("review-page", urlconf=REGION_URLS, args=[row.number]),
            ),
        }
        for row in with_positions(rows)
    ]


@reviewers_only
def queue(request: HttpRequest) -> HttpResponse:
    return _queue_page(request, waiting=True)


@readers
def query(request: HttpRequest) -> HttpResponse:
    return _queue_page(request, waiting=False)


@readers
def review_page(request: HttpRequest, number: str) -> HttpResponse:
    application = access_application(request.user, number)
    # Recorded on every read, outside the cache; only the rendering comes from the page cache,
    # until the application or anything it shows changes (`application_changes`).
    record_application_read(
        AuditKind.APPLICATION_VIEWED, request.user, [application], request=request
    )

    def render_page(extra: dict[str, object]) -> HttpResponse:
        return _review_response(request, application, request.GET.get("section", ""), extra=extra)

    return cached_page(
        request,
        "review-page",
        render_page,
        expressions=application_changes(application, timezone.now()),
    )


def _review_response(
    request: HttpRequest,
    application: Application,
    section: str,
    posted: dict[str, str] | None = None,
    status: int = 200,
    *,
    extra: dict[str, object] | None = None,
) -> HttpResponse:
    """The review page on `section`; after a refused action, with what was typed (`posted`)."""
    states = section_states(application)
    current = next((s for s in states if s.key == (section or states[0].key)), None)
    if current is None:
        raise Http404
    actions = allowed_actions(request.user, application)
    comments = comments_by_section(application)
    unit = application.unit
    recommendation = next((s.data for s in states if s.key == UNIT_SECTION), {})
    if posted and posted.get("action") == "recommend":
        recommendation = posted
    return render(
        request,
        "workflow/review.html",
        {
            "application": application,
            "states": states,
            "current": current,
            "sizes": blob_sizes([a.blob_sha256 for a in current.attachments]),
            "data_html": render_section(current.schema, current.data, {}, readonly=True),
            "comments": comments.get(current.key, []),
            "comment_sections": set(comments),
            "actions": actions,
            "can_comment": bool(REVIEW_ACTIONS & set(actions)),
            "unit_incomplete": (request.user.role == Role.UNIT_ADMIN and not unit.is_complete),
            "recommending_choices": list(
                unit.recommending_units.filter(is_active=True).select_related("region")
            ),
            "recommendation": recommendation,
            "posted": posted or {},
            "steps": flow_steps(
                application, flow_view(application.flow, application.offering.committee)
            ),
            "history": history_rows(application),
            **(extra or {}),
        },
        status=status,
    )


@reviewers_only
def review_comment(request: HttpRequest, number: str) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    application = access_application(request.user, number)
    section = request.POST.get("section", "")
    try:
        comment_save(
            application=application,
            section=section,
            text=request.POST.get("text", ""),
            user=request.user,
        )
    except (ConflictError, ValidationError) as error:
        messages.error(request, " ".join(error_messages(error)))
    else:
        messages.success(request, _("审核意见已保存。"))
    return redirect(f"/review/{number}/?section={section}")


@reviewers_only
def review_action(request: HttpRequest, number: str) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    access_application(request.user, number)
    action = request.POST.get("action", "")
    payload = {
        key: request.POST[key]
        for key in ("opinion", "responsible_person", "mobile", "recommending_unit")
        if key in request.POST
    }
    section = request.POST.get("section", "")
    try:
        apply_transition(number=number, action=action, actor=request.user, payload=payload)
    except ConflictError as error:
        messages.error(request, str(error))
        return redirect(f"/review/{number}/")
    except ValidationError as error:
        # Stay where the reviewer was, with what they typed, and say what is missing.
        for message in error.messages:
            messages.error(request, message)
        if action == "recommend":
            section = UNIT_SECTION
        application = access_application(request.user, number)
        return _review_response(
            request, application, section, {"action": action, **payload}, status=400
        )
    messages.success(request, _("已办理。"))
    return redirect("review-queue")


@readers
def review_file(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    """An attachment, for whoever may see the application (never at a guessable URL alone)."""
    application = access_application(request.user, number)
    attachment = application.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    blob = Blob.objects.get(pk=attachment.blob_sha256)
    return blob_response(
        request, blob, filename=attachment.name, thumbnail=bool(request.GET.get("thumb"))
    )


@readers
def review_id_scan(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant's ID-card scan, for the reviewers of this application only."""
    application = access_application(request.user, number)
    sha256 = application.applicant.id_card_scan
    blob = Blob.objects.filter(pk=sha256).first() if sha256 else None
    if blob is None:
        raise Http404
    record_application_read(AuditKind.ID_SCAN_VIEWED, request.user, [application], request=request)
    return blob_response(request, blob, filename=f"{application.number}-id-card")
