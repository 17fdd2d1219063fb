"""Rendered PDFs, stored once per content under the private media root.

A document's key is the SHA-256 of everything it was rendered from (printing.documents), so a
stored file never goes stale: changed data is another key. Files live at
`MEDIA_ROOT/printing/<kind>/<key[:2]>/<key>.pdf` and are served only after the caller's access
check, like the 附件库 (core.files.blobs): by nginx (`X-Accel-Redirect`) in production, by Django in
development.
"""

import os
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.http import content_disposition_header

from core.files.blobs import private_file_response

ROOT = "printing"
PDF = "application/pdf"
# A render claimed by a worker longer ago than this is taken to have died.
PENDING_SECONDS = 300


def relative_path(kind: str, key: str) -> str:
    return f"{ROOT}/{kind}/{key[:2]}/{key}.pdf"


def absolute_path(relative: str) -> Path:
    return Path(settings.MEDIA_ROOT) / relative


def stored(relative: str) -> bool:
    return absolute_path(relative).is_file()


def read(relative: str) -> bytes:
    return absolute_path(relative).read_bytes()


def write(relative: str, data: bytes) -> None:
    """Readers see no file or the whole file, never half of one."""
    path = absolute_path(relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".render-", delete=False) as handle:
        temporary = Path(handle.name)
    try:
        with temporary.open("wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        temporary.chmod(0o644)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def claim(relative: str) -> bool:
    """Mark a render as queued; False if another is queued and not yet overdue."""
    marker = absolute_path(relative + ".pending")
    marker.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        if time.time() - marker.stat().st_mtime < PENDING_SECONDS:
            return False
        marker.touch()
        return True
    os.close(descriptor)
    return True


def release(relative: str) -> None:
    absolute_path(relative + ".pending").unlink(missing_ok=True)


def pdf_response(
    request: HttpRequest, relative: str, *, filename: str, download: bool = False
) -> HttpResponseBase:
    """The stored PDF for a reader already allowed: inline (the browser's own viewer) or as a
    download. Its ETag is its key: an unchanged document is answered 304."""
    etag = f'"{Path(relative).stem}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "private, no-cache",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": content_disposition_header(
            as_attachment=download, filename=filename
        ),
    }
    return private_file_response(
        request,
        relative=relative,
        path=absolute_path(relative),
        content_type=PDF,
        headers=headers,
    )
