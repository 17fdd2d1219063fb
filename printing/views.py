"""The printing pages: 评审表打印预览 and 材料袋打印预览 (the PDF in the browser's own viewer),
a committee's merged print jobs, and the public verification of an official copy."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.access import region_role_required
from core.errors import ConflictError, error_messages
from core.models import ApplicationIndex, AuditKind, Role
from printing import storage
from printing.access import PRINTING_ROLES, printable_application
from printing.batches import batch_create, batch_get, batches_of, printable_offerings
from printing.documents import document_for, normalize_code
from printing.models import BatchStatus, DocumentKind, PrintedDocument
from tenants.crossing import in_region
from tenants.directory import PUBLIC_CODE
from tenants.links import region_url
from workflow.access_log import record_application_read
from workflow.models import Application

RETRY_SECONDS = 3


def public_origin(request: HttpRequest) -> str:
    """The public site's address as this request reached the platform (scheme and port)."""
    return region_url(request, PUBLIC_CODE, "")


@region_role_required(*PRINTING_ROLES)
def document_page(request: HttpRequest, number: str, kind: str) -> HttpResponse:
    """The document inline, for the browser's PDF viewer: print from there, any browser."""
    application = printable_application(request.user, number)
    rendered = document_for(application, kind, origin=public_origin(request))
    if rendered is None:
        response = render(
            request,
            "printing/rendering.html",
            {"application": application, "retry": RETRY_SECONDS},
            status=202,
        )
        response["Retry-After"] = str(RETRY_SECONDS)
        response["Refresh"] = str(RETRY_SECONDS)  # the browser asks again by itself
        return response
    record_application_read(
        AuditKind.FORM_VIEWED, request.user, [application], request=request, document=kind
    )
    return storage.pdf_response(request, rendered.relative, filename=rendered.filename)


# --- a committee's merged print jobs ----------------------------------------------------------

committee_only = region_role_required(Role.COMMITTEE_STAFF)


@committee_only
@require_http_methods(["GET", "POST"])
def batches_page(request: HttpRequest) -> HttpResponse:
    """批量打印评审表: the committee's offerings with their official forms, and its jobs."""
    if request.method == "POST":
        try:
            offering_id = int(request.POST.get("offering", ""))
        except ValueError:
            raise Http404 from None
        try:
            batch = batch_create(
                user=request.user, offering_id=offering_id, origin=public_origin(request)
            )
        except (ConflictError, ValidationError) as error:
            messages.error(request, " ".join(error_messages(error)))
            return redirect("print-batches")
        return redirect("print-batch", pk=batch.pk)
    return render(
        request,
        "printing/batches.html",
        {
            "offerings": list(printable_offerings(request.user)),
            "batches": list(batches_of(request.user)[:20]),
        },
    )


@committee_only
def batch_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress bar (the page asks again every two seconds until it is done) and the
    download when ready."""
    batch = batch_get(request.user, pk)
    context = {"batch": batch, "working": batch.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)}
    if request.htmx:
        return render(request, "printing/batch.html#progress", context)
    return render(request, "printing/batch.html", context)


@committee_only
def batch_file(request: HttpRequest, pk: int) -> HttpResponse:
    batch = batch_get(request.user, pk)
    if batch.status != BatchStatus.DONE or not batch.file_key:
        raise Http404
    printed = Application.objects.filter(number__in=batch.numbers).select_related(
        "offering__committee"
    )
    record_application_read(
        AuditKind.FORM_VIEWED, request.user, list(printed), request=request, document="batch"
    )
    return storage.pdf_response(
        request, batch.file_key, filename=f"评审表合订-{batch.pk}.pdf", download=True
    )


# --- the public site: is this paper genuine? ---------------------------------------------------


def _printed(
    number: str, code: str, *, newest: bool = False
) -> tuple[ApplicationIndex, PrintedDocument, PrintedDocument | None]:
    """The official copy `code` of application `number`, found through the public index in
    the application's region (and, with `newest`, the newest official copy of the same
    document); the same 404 for a wrong number or a wrong code."""
    code = normalize_code(code)
    index = ApplicationIndex.objects.select_related("region").filter(number=number).first()
    if not code or index is None:
        raise Http404
    with in_region(index.region.schema_name):
        printed = (
            PrintedDocument.objects.filter(code=code, application__number=number)
            .select_related(
                "application__applicant",
                "application__qualification__specialty__series",
                "application__offering__committee",
            )
            .first()
        )
        if printed is None:
            raise Http404
        latest = None
        if newest:
            latest = (
                PrintedDocument.objects.filter(application=printed.application, kind=printed.kind)
                .order_by("-created_at", "-pk")
                .first()
            )
    return index, printed, latest


def verify_form(request: HttpRequest) -> HttpResponse:
    """核验打印件: the application number and the code printed on every page."""
    number = request.GET.get("number", "").strip().upper()
    code = request.GET.get("code", "").strip()
    if number and code:
        if normalize_code(code):
            return redirect("verify-document", number=number, code=normalize_code(code))
        messages.error(request, _("验证码为10位字母或数字，请核对后重新输入。"))
    return render(request, "printing/verify_form.html", {"number": number, "code": code})


def verify_page(request: HttpRequest, number: str, code: str) -> HttpResponse:
    """What the QR code opens: whether the copy is genuine, what it was printed from and
    whether a newer copy replaced it. Anyone holding the paper may open it."""
    try:
        index, printed, latest = _printed(number, code, newest=True)
    except Http404:
        return render(
            request,
            "printing/verify.html",
            {"found": False, "number": number, "code": code},
            status=404,
        )
    return render(
        request,
        "printing/verify.html",
        {
            "found": True,
            "region": index.region,
            "printed": printed,
            "application": printed.application,
            "kind_label": DocumentKind(printed.kind).label,
            "superseded": latest if latest is not None and latest.pk != printed.pk else None,
        },
    )


def verify_original(request: HttpRequest, number: str, code: str) -> HttpResponse:
    """The official copy exactly as it was printed, to lay beside the paper."""
    _index, printed, _latest = _printed(number, code)
    relative = storage.relative_path(printed.kind, printed.content_sha256)
    if not storage.stored(relative):
        raise Http404
    return storage.pdf_response(request, relative, filename=f"{number}-{printed.code}.pdf")
