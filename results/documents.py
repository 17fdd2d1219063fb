"""The approval document (批文) and the certificate as PDFs (printing.pdf), rendered on request:
one or two pages, well under a second."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header

from core.identity.validators import mask_id_card_number
from printing.pdf import html_to_pdf, qr_data_uri
from results.approvals import document_entries
from results.models import ApprovalDocument, Certificate


def verify_url(origin: str, certificate: Certificate) -> str:
    """The public verification page with the certificate's number and name filled in."""
    query = urlencode({"number": certificate.number, "name": certificate.holder_name})
    return f"{origin}/certificates/verify/?{query}"


def approval_pdf(document: ApprovalDocument) -> bytes:
    html = render_to_string(
        "results/document/approval.html",
        {"document": document, "entries": list(document_entries(document))},
    )
    return html_to_pdf(html).data


def certificate_pdf(certificate: Certificate, origin: str) -> bytes:
    application = certificate.application
    link = verify_url(origin, certificate)
    html = render_to_string(
        "results/document/certificate.html",
        {
            "certificate": certificate,
            "application": application,
            "id_number": mask_id_card_number(application.applicant.id_card_number or ""),
            "qualified_on": application.approval_entry.document.issued_on,
            "qr": qr_data_uri(link),
            "link": link,
        },
    )
    return html_to_pdf(html).data


def pdf_response(request: HttpRequest, data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=filename
    )
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response
