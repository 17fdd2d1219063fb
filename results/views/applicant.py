"""评审结果查询 of one application: for everyone who may see the application (its applicant,
its unit, the reviewers it reached, the region's admin), and the certificate's PDF."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from core.access import EVERYONE, region_role_required
from printing.views import public_origin
from results.documents import certificate_pdf, pdf_response
from results.models import Certificate
from results.query import result_of
from results.rules import FailReason
from workflow.access import access_application
from workflow.history import history_rows


@region_role_required(*EVERYONE)
def result_page(request: HttpRequest, number: str) -> HttpResponse:
    application = access_application(request.user, number)
    result = result_of(application)
    reason = ""
    if result.meeting and result.meeting.reason:
        reason = FailReason(result.meeting.reason).label
    return render(
        request,
        "results/result.html",
        {
            "application": application,
            "result": result,
            "reason": reason,
            "history": history_rows(application),
        },
    )


@region_role_required(*EVERYONE)
def certificate_file(request: HttpRequest, number: str) -> HttpResponse:
    application = access_application(request.user, number)
    certificate = (
        Certificate.objects.select_related(
            "application__applicant",
            "application__unit",
            "application__qualification__specialty__series",
            "application__offering__committee",
            "application__approval_entry__document",
        )
        .filter(application=application)
        .first()
    )
    if certificate is None:
        raise Http404
    data = certificate_pdf(certificate, public_origin(request))
    return pdf_response(request, data, f"{certificate.number}.pdf")
