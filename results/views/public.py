"""Pages without login: a region's current 公示 with the objection form, the look-up of an
approval document, and (on the public site) the verification of a certificate."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.api.throttling import page_allowed
from core.certificates.register import verify
from core.errors import error_messages
from core.identity.network import client_ip
from core.models import CertificateStatus, Level
from results.approvals import document_entries, document_lookup
from results.publicity import current_publicities, objection_file, public_rows

LIST_SIZE = 20


def publicity_page(request: HttpRequest) -> HttpResponse:
    publicities = list(current_publicities()[:LIST_SIZE])
    rows = public_rows(publicities)
    return render(
        request,
        "results/public_publicity.html",
        {"publicities": [(p, rows[p.pk]) for p in publicities]},
    )


@require_POST
def objection_page(request: HttpRequest, pk: int) -> HttpResponse:
    if not page_allowed(request, "anonymous_upload"):
        messages.error(request, _("提交过于频繁，请稍后再试。"))
        return redirect("publicity")
    try:
        objection_file(pk, request.POST)
    except ValidationError as error:
        messages.error(request, " ".join(error_messages(error)))
    else:
        messages.success(request, _("异议已提交，评审委员会将核实处理。"))
    return redirect("publicity")


def approval_lookup(request: HttpRequest) -> HttpResponse:
    number = request.GET.get("number", "")[:64]
    document = document_lookup(number) if number.strip() else None
    entries = list(document_entries(document)) if document else []
    return render(
        request,
        "results/approval_lookup.html",
        {"number": number, "document": document, "entries": entries, "asked": bool(number)},
        status=404 if number.strip() and document is None else 200,
    )


def certificate_verify(request: HttpRequest) -> HttpResponse:
    """证书核验: number and name; every attempt is logged."""
    number = request.GET.get("number", "")[:64]
    name = request.GET.get("name", "")[:64]
    asked = bool(number.strip() and name.strip())
    if asked and not page_allowed(request, "verify"):
        return render(
            request,
            "results/verify.html",
            {"number": number, "name": name, "throttled": True},
            status=429,
        )
    entry = verify(number, name, client_ip(request)) if asked else None
    return render(
        request,
        "results/verify.html",
        {
            "number": number,
            "name": name,
            "asked": asked,
            "entry": entry,
            "valid": entry is not None and entry.status == CertificateStatus.VALID,
            "level": Level(entry.qualification.level).label if entry else "",
        },
        status=404 if asked and entry is None else 200,
    )
