"""The 附件库 API: upload, list, read, delete; files only to those who may read them."""

from django.http import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.errors import TooLargeError
from core.files.blobs import (
    THUMBNAIL_TYPE,
    blob_delete_from_library,
    blob_open_for,
    blob_response,
    blob_store,
    library_item_get,
    library_items,
    too_large_message,
    upload_limit_for,
)
from core.models.blobs import LibraryItem

# Room for the multipart envelope around the file when judging Content-Length up front.
MULTIPART_ALLOWANCE = 64 * 1024


class BlobUploadInput(serializers.Serializer):
    file = serializers.FileField(label=_("文件"))


class BlobOutput(serializers.Serializer):
    sha256 = serializers.CharField(source="blob.sha256", help_text="the file's identity")
    size = serializers.IntegerField(source="blob.size", help_text="bytes as stored (cleaned)")
    content_type = serializers.CharField(source="blob.content_type")
    name = serializers.CharField(help_text="the name it was uploaded under, made safe")
    width = serializers.IntegerField(source="blob.width", allow_null=True)
    height = serializers.IntegerField(source="blob.height", allow_null=True)
    pages = serializers.IntegerField(source="blob.pages", allow_null=True)
    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()
    uploaded_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item: LibraryItem) -> str:
        return self._absolute("api-blob-content", item)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_thumbnail_url(self, item: LibraryItem) -> str | None:
        if not item.blob.thumbnail_path:
            return None
        return self._absolute("api-blob-thumbnail", item)

    def _absolute(self, url_name: str, item: LibraryItem) -> str:
        return self.context["request"].build_absolute_uri(
            reverse(url_name, kwargs={"sha256": item.blob_id})
        )


class BlobPageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = BlobOutput(many=True)


class LibraryPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class AnyAcceptNegotiation(BaseContentNegotiation):
    """File downloads answer whatever the client accepts; errors are still JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _region_code(request: Request) -> str:
    return request.tenant.schema_name


def refuse_oversized_body(request: Request, region_code: str) -> None:
    """TooLargeError when the declared body is over the upload limit, before it is read."""
    limit = upload_limit_for(region_code)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit + MULTIPART_ALLOWANCE:
        raise TooLargeError(too_large_message(limit, declared))


class BlobListApi(APIView):
    """My 附件库: list it, or add a file to it."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="blobs_list", responses={200: BlobPageOutput})
    def get(self, request: Request) -> Response:
        paginator = LibraryPagination()
        page = paginator.paginate_queryset(library_items(owner=request.user), request, view=self)
        data = BlobOutput(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="blobs_create",
        request={"multipart/form-data": BlobUploadInput},
        responses={
            201: BlobOutput,
            400: OpenApiResponse(description="not a sound JPEG, PNG or PDF"),
            413: OpenApiResponse(description="over the region's upload limit"),
        },
    )
    def post(self, request: Request) -> Response:
        refuse_oversized_body(request, _region_code(request))
        serializer = BlobUploadInput(data=request.data)
        serializer.is_valid(raise_exception=True)
        item = blob_store(
            owner=request.user,
            upload=serializer.validated_data["file"],
            region_code=_region_code(request),
        )
        output = BlobOutput(item, context={"request": request})
        return Response(output.data, status=status.HTTP_201_CREATED)


class BlobDetailApi(APIView):
    """One file of my 附件库: what it is, or take it out."""

    @extend_schema(operation_id="blobs_retrieve", responses={200: BlobOutput})
    def get(self, request: Request, sha256: str) -> Response:
        item = library_item_get(owner=request.user, sha256=sha256)
        return Response(BlobOutput(item, context={"request": request}).data)

    @extend_schema(
        operation_id="blobs_destroy",
        responses={204: None, 409: OpenApiResponse(description="used by an application")},
    )
    def delete(self, request: Request, sha256: str) -> Response:
        item = library_item_get(owner=request.user, sha256=sha256)
        blob_delete_from_library(owner=request.user, blob=item.blob)
        return Response(status=status.HTTP_204_NO_CONTENT)


# The types an upload may have (core.files.blobs sniffs them); a thumbnail is always a JPEG.
FILE_RESPONSES = {
    (200, media_type): OpenApiResponse(OpenApiTypes.BINARY, description="the file")
    for media_type in ("image/jpeg", "image/png", "application/pdf")
}
_THUMBNAIL_RESPONSES = {
    (200, THUMBNAIL_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="a JPEG preview")
}


class BlobContentApi(APIView):
    """The file itself."""

    content_negotiation_class = AnyAcceptNegotiation
    thumbnail = False

    @extend_schema(operation_id="blobs_content", responses=FILE_RESPONSES)
    def get(self, request: Request, sha256: str) -> HttpResponseBase:
        blob, name = blob_open_for(user=request.user, sha256=sha256)
        return blob_response(request, blob, filename=name, thumbnail=self.thumbnail)


class BlobThumbnailApi(BlobContentApi):
    """A 240-pixel JPEG of an image file (404 for PDFs)."""

    thumbnail = True

    @extend_schema(operation_id="blobs_thumbnail", responses=_THUMBNAIL_RESPONSES)
    def get(self, request: Request, sha256: str) -> HttpResponseBase:
        return super().get(request, sha256)
