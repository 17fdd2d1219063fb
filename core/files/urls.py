"""Routes of the 附件库, for config/urls_common.py to include on every host.

`api_patterns` go under /api/v1/; `page_patterns` hold the /library/ page and the routes that
serve files after a permission check. Nothing else serves MEDIA_ROOT.
"""

from django.urls import path, register_converter

from core.api.blobs import BlobContentApi, BlobDetailApi, BlobListApi, BlobThumbnailApi
from core.views import library


class Sha256Converter:
    """64 lowercase hex digits; anything else does not match (a plain 404)."""

    regex = "[0-9a-f]{64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(Sha256Converter, "sha256")

api_patterns = [
    path("blobs/", BlobListApi.as_view(), name="api-blobs"),
    path("blobs/<sha256:sha256>/", BlobDetailApi.as_view(), name="api-blob"),
    path("blobs/<sha256:sha256>/content", BlobContentApi.as_view(), name="api-blob-content"),
    path("blobs/<sha256:sha256>/thumbnail", BlobThumbnailApi.as_view(), name="api-blob-thumbnail"),
]

page_patterns = [
    path("library/", library.library_view, name="library"),
    path("library/<sha256:sha256>/delete/", library.library_delete_view, name="library-delete"),
    path("library/<sha256:sha256>/file", library.library_file_view, name="library-file"),
    path(
        "library/<sha256:sha256>/thumbnail",
        library.library_thumbnail_view,
        name="library-thumbnail",
    ),
]
