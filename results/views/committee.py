"""The committee's pages: meetings, publicity and objections, approval documents, certificates."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.access import region_role_required
from core.errors import ConflictError, error_messages
from core.models import Role
from results import approvals, certificates, meetings, publicity
from results.documents import approval_pdf, pdf_response
from results.rules import Rule, Votes, decide

committee_only = region_role_required(Role.COMMITTEE_STAFF)
LIST_SIZE = 50


def _attempt(request: HttpRequest, action: Callable[[], object], done: str) -> bool:
    """Run a service; say what went wrong (a translated message) or `done`."""
    try:
        action()
    except (ValidationError, ConflictError) as error:
        messages.error(request, " ".join(error_messages(error)))
        return False
    messages.success(request, done)
    return True


def _numbers(request: HttpRequest) -> list[str]:
    return [n.strip()[:20] for n in request.POST.getlist("numbers")[:500]]


@committee_only
def home(request: HttpRequest) -> HttpResponse:
    """评审结果管理: how many wait at each stage, with the way there."""
    user = request.user
    return render(
        request,
        "results/home.html",
        {
            "for_meeting": meetings.eligible_for_meeting(user).count(),
            "for_publicity": publicity.waiting_for_publicity(user).count(),
            "for_approval": approvals.waiting_for_approval(user).count(),
            "for_certificate": certificates.waiting_for_certificate(user).count(),
            "objections": publicity.waiting_objections(user).count(),
        },
    )


# --- meetings -----------------------------------------------------------------------------


@committee_only
@require_http_methods(["GET", "POST"])
def meeting_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            meeting = meetings.meeting_create(request.user, request.POST)
        except ValidationError as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            return redirect("results-meeting", pk=meeting.pk)
    return render(
        request,
        "results/meetings.html",
        {
            "meetings": list(meetings.meetings_of(request.user)[:LIST_SIZE]),
            "committees": list(meetings.committees_of(request.user)),
            "today": timezone.localdate(),
        },
    )


@committee_only
@require_http_methods(["GET", "POST"])
def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The list with votes and the result the rule gives; eligible applications to add."""
    if request.method == "POST":
        _attempt(
            request,
            lambda: meetings.meeting_add(request.user, pk, _numbers(request)),
            _("已加入会议名单。"),
        )
        return redirect("results-meeting", pk=pk)
    meeting = meetings.meeting_get(request.user, pk)
    rule = Rule.of_meeting(meeting)
    entries = list(
        meeting.entries.select_related(
            "application__applicant",
            "application__unit",
            "application__qualification__specialty__series",
        )
    )
    for entry in entries:
        entry.preview = ""
        if entry.has_votes and not entry.result:
            votes = Votes(entry.present, entry.votes_for, entry.votes_against, entry.abstain)
            entry.preview = decide(rule, meeting.members, votes)[0]
    eligible = []
    if meeting.closed_at is None:
        eligible = list(
            meetings.eligible_for_meeting(request.user).filter(
                offering__committee_id=meeting.committee_id
            )[:LIST_SIZE]
        )
    return render(
        request,
        "results/meeting.html",
        {"meeting": meeting, "rule": rule, "entries": entries, "eligible": eligible},
    )


@committee_only
@require_POST
def meeting_votes(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    _attempt(
        request,
        lambda: meetings.votes_save(request.user, pk, entry_id, request.POST),
        _("表决票数已保存。"),
    )
    return redirect("results-meeting", pk=pk)


@committee_only
@require_POST
def meeting_remove(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    _attempt(
        request,
        lambda: meetings.entry_remove(request.user, pk, entry_id),
        _("已移出会议名单。"),
    )
    return redirect("results-meeting", pk=pk)


@committee_only
@require_POST
def meeting_close(request: HttpRequest, pk: int) -> HttpResponse:
    _attempt(
        request,
        lambda: meetings.meeting_close(request.user, pk),
        _("会议已结束，评审结果已锁定。"),
    )
    return redirect("results-meeting", pk=pk)


# --- publicity ----------------------------------------------------------------------------


@committee_only
@require_http_methods(["GET", "POST"])
def publicity_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            created = publicity.publicity_create(request.user, request.POST, _numbers(request))
        except (ValidationError, ConflictError) as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            messages.success(request, _("已发布公示。"))
            return redirect("results-publicity", pk=created.pk)
    today = timezone.localdate()
    return render(
        request,
        "results/publicities.html",
        {
            "publicities": list(publicity.publicities_of(request.user)[:LIST_SIZE]),
            "waiting": list(publicity.waiting_for_publicity(request.user)[:LIST_SIZE]),
            "today": today,
            "default_end": publicity.working_days_end(today),
        },
    )


@committee_only
def publicity_page(request: HttpRequest, pk: int) -> HttpResponse:
    shown = publicity.publicity_get(request.user, pk)
    entries = list(
        shown.entries.select_related(
            "application__applicant",
            "application__unit",
            "application__qualification__specialty__series",
        )
    )
    objections = list(shown.objections.select_related("entry__application__applicant"))
    return render(
        request,
        "results/publicity.html",
        {"publicity": shown, "entries": entries, "objections": objections},
    )


@committee_only
@require_POST
def objection_handle(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        objection = publicity.objection_handle(request.user, pk, request.POST)
    except (ValidationError, ConflictError) as error:
        messages.error(request, " ".join(error_messages(error)))
        back = publicity.objection_publicity_id(request.user, pk)
        return redirect("results-publicity", pk=back)
    messages.success(request, _("异议已处理。"))
    return redirect("results-publicity", pk=objection.publicity_id)


# --- approval documents -------------------------------------------------------------------


@committee_only
@require_http_methods(["GET", "POST"])
def approval_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            document = approvals.document_create(request.user, request.POST, _numbers(request))
        except (ValidationError, ConflictError) as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            messages.success(request, _("批文已发布。"))
            return redirect("results-approval", pk=document.pk)
    return render(
        request,
        "results/approvals.html",
        {
            "documents": list(approvals.documents_of(request.user)[:LIST_SIZE]),
            "waiting": list(approvals.waiting_for_approval(request.user)[:LIST_SIZE]),
            "today": timezone.localdate(),
        },
    )


@committee_only
def approval_page(request: HttpRequest, pk: int) -> HttpResponse:
    document = approvals.document_get(request.user, pk)
    return render(
        request,
        "results/approval.html",
        {"document": document, "entries": list(approvals.document_entries(document))},
    )


@committee_only
def approval_file(request: HttpRequest, pk: int) -> HttpResponse:
    document = approvals.document_get(request.user, pk)
    return pdf_response(request, approval_pdf(document), f"{document.number}.pdf")


# --- certificates -------------------------------------------------------------------------


@committee_only
@require_http_methods(["GET", "POST"])
def certificate_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        _attempt(
            request,
            lambda: certificates.certificates_issue(request.user, _numbers(request)),
            _("证书已发放。"),
        )
        return redirect("results-certificates")
    return render(
        request,
        "results/certificates.html",
        {
            "certificates": list(certificates.certificates_of(request.user)[:LIST_SIZE]),
            "waiting": list(certificates.waiting_for_certificate(request.user)[:LIST_SIZE]),
        },
    )


@committee_only
@require_POST
def certificate_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    _attempt(
        request,
        lambda: certificates.certificate_revoke(request.user, pk, request.POST),
        _("证书已撤销。"),
    )
    return redirect("results-certificates")
