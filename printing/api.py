"""Downloads of an application's documents for programs (API.md: `documents/review-form.pdf`,
`documents/material-bag.pdf`): the same files and the same rule as the pages."""

import json

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.schema import ERROR_DETAIL
from core.models import AuditKind
from printing import storage
from printing.access import PRINTING_ROLES, printable_application
from printing.documents import document_for
from printing.views import RETRY_SECONDS, public_origin
from workflow.access_log import record_application_read


class PdfRenderer(BaseRenderer):
    """Lets a client ask for `Accept: application/pdf`; the view answers the file itself."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data, ensure_ascii=False).encode()  # an error or a 202's detail


class DocumentApi(APIView):
    """The document as a download: a test copy until formal review passed, the official copy
    after. 202 with `Retry-After` while a long document renders in the background."""

    access_roles = PRINTING_ROLES
    renderer_classes = [JSONRenderer, PdfRenderer]

    @extend_schema(
        responses={
            (200, "application/pdf"): OpenApiResponse(description="PDF"),
            202: OpenApiResponse(
                ERROR_DETAIL, description="rendering; ask again after Retry-After seconds"
            ),
        }
    )
    def finalize_response(self, request: Request, response, *args, **kwargs):
        """What is not the file (an error, the 202) is JSON, whatever the client accepted."""
        if isinstance(response, Response):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def get(self, request: Request, number: str, kind: str):
        application = printable_application(request.user, number)
        rendered = document_for(application, kind, origin=public_origin(request))
        if rendered is None:
            return Response(
                {"detail": _("正在生成，请稍后再试。"), "code": "rendering"},
                status=202,
                headers={"Retry-After": str(RETRY_SECONDS)},
            )
        record_application_read(
            AuditKind.FORM_VIEWED, request.user, [application], request=request, document=kind
        )
        response = storage.pdf_response(
            request, rendered.relative, filename=rendered.filename, download=True
        )
        response["X-Document-Copy"] = rendered.copy
        return response
