"""The 附件库 (private file store): check, clean, store once, hand out only to who may read.

Every upload is checked by its content, never by its name or declared type: JPEG, PNG or PDF,
at most `upload_limit_for(region)` bytes. Images are decoded in full under a pixel limit,
turned upright from EXIF and re-encoded without metadata (GPS, camera, comments, XMP); PDFs
must parse, be unencrypted, have pages and hold no active content (JavaScript, actions run on
opening, launches, embedded files, XFA). The cleaned bytes are what is stored, and their
SHA-256 is the file's identity, so the same file is stored once however often and by whoever
it is uploaded. A person's 附件库 is their `LibraryItem` rows; the file itself goes only when
its last owner lets go of it.

Files live under the private root `MEDIA_ROOT/blobs/<sha[:2]>/<sha>` (thumbnail beside it)
and are served only through `blob_response`, after `blob_open_for` has said who may read
them: in production nginx sends the bytes (`X-Accel-Redirect`), in development Django does;
either way in a CSP sandbox, so a browser never runs anything a file holds.
"""

import hashlib
import io
import os
import re
import tempfile
import threading
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.utils import formats
from django.utils.cache import get_conditional_response
from django.utils.functional import lazy
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, gettext_lazy, gettext_noop
from PIL import Image, ImageFile, ImageOps
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from core.errors import ConflictError, TooLargeError
from core.models import AttachmentUse, User
from core.models.blobs import Blob, BlobType, LibraryItem

DEFAULT_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
# Decompression-bomb limit: more pixels than this is refused before anything is decoded
# (an A4 page scanned at 600 dpi is about 35 megapixels).
MAX_IMAGE_PIXELS = 40_000_000
THUMBNAIL_SIZE = 240
THUMBNAIL_TYPE = "image/jpeg"
JPEG_QUALITY = 90
THUMBNAIL_QUALITY = 80
NAME_MAX_CHARS = 120
# Advisory-lock namespace ("blob"): one store or delete of a given file at a time.
_LOCK_NAMESPACE = 0x626C6F62

_MAGIC = (
    (b"\xff\xd8\xff", BlobType.JPEG),
    (b"\x89PNG\r\n\x1a\n", BlobType.PNG),
    (b"%PDF-", BlobType.PDF),
)
_PIL_FORMATS = {BlobType.JPEG: "JPEG", BlobType.PNG: "PNG"}
_EXTENSIONS = {
    BlobType.JPEG: (".jpg", ".jpeg"),
    BlobType.PNG: (".png",),
    BlobType.PDF: (".pdf",),
}
_KNOWN_EXTENSIONS = frozenset(ext for exts in _EXTENSIONS.values() for ext in exts)
_PNG_MODES = frozenset({"1", "L", "LA", "I;16", "I;16B", "P", "RGB", "RGBA"})
# Active PDF content: keys whose presence means a viewer may run something (scripts, actions on
# opening a document or a page or a field, launching programs, embedded files, XFA forms,
# multimedia), and action types (/S) that do so. A plain link (/URI, /GoTo) is not active.
_ACTIVE_PDF_KEYS = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/XFA",
        "/RichMedia",
        "/SubmitForm",
        "/ImportData",
    }
)
_ACTIVE_PDF_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/GoToE",
        "/GoToR",
        "/RichMediaExecute",
        "/Rendition",
        "/Movie",
        "/Sound",
    }
)
# Names long enough never to turn up by chance inside compressed data: looked for in the raw
# bytes too, for objects a viewer might find that the parser above does not reach.
_ACTIVE_PDF_RAW_NAMES = frozenset(
    {b"/JavaScript", b"/Launch", b"/EmbeddedFile", b"/EmbeddedFiles", b"/RichMedia"}
)
_PDF_NAME = re.compile(rb"/(?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+")
# More objects than a 2 MB file can sensibly hold: refused as broken rather than walked.
MAX_PDF_OBJECTS = 200_000
_FORBIDDEN_NAME_CHARS = frozenset('<>:"/\\|?*')

EMPTY_FILE = gettext_lazy("文件是空的。")
WRONG_TYPE = gettext_lazy("只能上传 JPEG、PNG 图片或 PDF 文件（按文件内容检查，改扩展名无效）。")
BROKEN_IMAGE = gettext_lazy("图片已损坏或无法识别，请重新扫描或拍照后上传。")
TOO_MANY_PIXELS = gettext_lazy("图片像素过大（超过 %(limit)s 万像素），请缩小后再上传。")
BROKEN_PDF = gettext_lazy("PDF 文件已损坏或无法打开。")
ENCRYPTED_PDF = gettext_lazy("PDF 文件已加密或设有密码，请上传未加密的文件。")
EMPTY_PDF = gettext_lazy("PDF 文件没有任何页面。")
ACTIVE_PDF = gettext_lazy(
    "PDF 文件含有脚本、自动执行的动作或嵌入文件等活动内容，不能上传。"
    "请用扫描软件或“打印为 PDF”重新生成后再上传。"
)
IN_USE = gettext_lazy("该文件正被申报材料使用，不能删除。")


class UploadTooLargeError(TooLargeError):
    """The upload is over the region's size limit (the API answers 413)."""

    def __init__(self, limit: int, size: int | None = None) -> None:
        super().__init__(too_large_message(limit, size))
        self.limit = limit
        self.size = size


class BlobInUseError(ConflictError):
    """The file is attached to an application and cannot leave the library (409)."""

    default_message = IN_USE
    default_code = "in_use"


def human_size(size: int) -> str:
    """A size as people read it: 2097152 -> "2 MB", 2411724 -> "2.3 MB", 1536 -> "1.5 KB",
    12 -> "12 B", the number in the reader's locale. The one way sizes are written on pages and
    in messages (the template filter `human_size` too): unlike filesizeformat it drops a ".0"
    and keeps the units' Latin symbols in every language (ug's "مېگا بايىت" glued to the
    digits reads badly)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = round(size / scale, 1)
            shown = formats.number_format(value, 0 if value == int(value) else 1)
            return f"{shown} {unit}"
    return f"{size} B"


def too_large_message(limit: int, size: int | None = None) -> str:
    """文件 2.3 MB，超过 2 MB 上限。 — with the file's size when it is known and reads as more
    than the limit (an upload that names none, cut off after the limit, is only known to be
    larger)."""
    if size is None or size <= limit or human_size(size) == human_size(limit):
        # Unknown, or just over: "文件 2 MB，超过 2 MB 上限" would read as a contradiction.
        return gettext("文件超过 %(limit)s 上限。") % {"limit": human_size(limit)}
    return gettext("文件 %(size)s，超过 %(limit)s 上限。") % {
        "size": human_size(size),
        "limit": human_size(limit),
    }


# --- rules ------------------------------------------------------------------------------------


def upload_limit_for(region_code: str | None) -> int:
    """The largest upload accepted on a region's host, in bytes.

    One setting (`UPLOAD_MAX_BYTES`, 2 MB) for now; a per-region setting will be read here.
    """
    del region_code  # every region has the same limit until region settings exist
    return int(getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES))


def upload_limit_text(region_code: str | None = None) -> str:
    """The upload limit as people read it ("2 MB"), for hints written before any upload."""
    return human_size(upload_limit_for(region_code))


def _scan_hint(message: str) -> str:
    return gettext(message) % {"limit": upload_limit_text()}


# Help texts of the scan fields (forms are built at import, the limit and language per request).
_SCAN = gettext_noop("JPG、PNG 或 PDF，不超过 %(limit)s；请保证清晰，图像为正向。")
_ID_SCAN = gettext_noop("JPG、PNG 或 PDF，不超过 %(limit)s，图像请保持正向。")
SCAN_HINT = lazy(partial(_scan_hint, _SCAN), str)()
ID_SCAN_HINT = lazy(partial(_scan_hint, _ID_SCAN), str)()


def blob_in_use(blob: Blob, owner: User | None = None) -> bool:
    """Whether an application (of `owner`, when given) uses the file, which then cannot leave
    that person's library. Uses are public rows written with each region's attachment."""
    uses = AttachmentUse.objects.filter(blob=blob)
    if owner is not None:
        uses = uses.filter(owner=owner)
    return uses.exists()


def blob_readers_allow(user: User, blob: Blob) -> bool:
    """Whether a user may read a file: its owners now; later also the reviewers of an
    application that uses it. Callers answer 404 (never 403) when this says no."""
    if not user.is_authenticated:
        return False
    return LibraryItem.objects.filter(owner=user, blob=blob).exists()


# --- selectors --------------------------------------------------------------------------------


def blob_sizes(sha256s: list[str]) -> dict[str, int]:
    """The stored size of each file, for lists that show it (one query; none for no file)."""
    if not sha256s:
        return {}
    return dict(Blob.objects.filter(pk__in=sha256s).values_list("sha256", "size"))


def library_items(*, owner: User) -> QuerySet[LibraryItem]:
    """A person's 附件库, newest first, with the files (one query per page)."""
    return LibraryItem.objects.filter(owner=owner).select_related("blob")


def library_item_get(*, owner: User, sha256: str) -> LibraryItem:
    """The owner's library entry for a file: the same 404 for missing and not theirs."""
    item = library_items(owner=owner).filter(blob_id=sha256).first()
    if item is None:
        raise Http404
    return item


def blob_open_for(*, user: User, sha256: str) -> tuple[Blob, str]:
    """The file a user may read and the name to serve it under; 404 if missing or not theirs."""
    if user.is_authenticated:
        item = library_items(owner=user).filter(blob_id=sha256).first()
        if item is not None:
            return item.blob, item.name
    blob = Blob.objects.filter(pk=sha256).first()
    if blob is None or not blob_readers_allow(user, blob):
        raise Http404
    return blob, f"{blob.sha256[:16]}{_EXTENSIONS[blob.content_type][0]}"


# --- checking and cleaning --------------------------------------------------------------------


@dataclass(frozen=True)
class CleanFile:
    """What will be stored: the cleaned bytes and what was learnt decoding them."""

    data: bytes
    content_type: str
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    thumbnail: bytes | None = None


def _invalid(message: str, code: str) -> ValidationError:
    return ValidationError({"file": ValidationError(message, code=code)})


def sniff(head: bytes) -> str | None:
    """The type the magic bytes announce: JPEG, PNG, PDF or None."""
    for magic, content_type in _MAGIC:
        if head.startswith(magic):
            return content_type
    return None


def blob_clean(data: bytes) -> CleanFile:
    """Check a file by its content and return the bytes to store; ValidationError if refused."""
    if not data:
        raise _invalid(EMPTY_FILE, "empty")
    content_type = sniff(data[:16])
    if content_type is None:
        raise _invalid(WRONG_TYPE, "file_type")
    if content_type == BlobType.PDF:
        return _clean_pdf(data)
    return _clean_image(data, content_type)


class _TooManyPixelsError(Exception):
    pass


def _open_image(data: bytes, pil_format: str) -> Image.Image:
    image = Image.open(io.BytesIO(data), formats=[pil_format])
    width, height = image.size
    if width * height > MAX_IMAGE_PIXELS:
        image.close()
        raise _TooManyPixelsError
    return image


_DECODING = threading.Lock()


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Decode with Pillow's process-wide LOAD_TRUNCATED_IMAGES off: weasyprint turns it on when
    it is imported (printing), which made a truncated upload pass as a sound image."""
    with _DECODING:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def _clean_image(data: bytes, content_type: str) -> CleanFile:
    pil_format = _PIL_FORMATS[content_type]
    try:
        with warnings.catch_warnings(), _strict_decoding():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Headers first (cheap), then a structural check, then a full decode.
            with _open_image(data, pil_format) as probe:
                probe.verify()
            image = _open_image(data, pil_format)
            image.load()
            ImageOps.exif_transpose(image, in_place=True)
    except (_TooManyPixelsError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        limit = MAX_IMAGE_PIXELS // 10_000
        raise _invalid(TOO_MANY_PIXELS % {"limit": limit}, "too_many_pixels") from None
    except Exception as exc:  # Pillow raises many types on broken input
        raise _invalid(BROKEN_IMAGE, "broken_image") from exc

    with image:
        # Drop every piece of metadata (EXIF with GPS, XMP, comments, text chunks): keep only
        # what the pixels need to look right.
        kept = {
            key: image.info[key] for key in ("icc_profile", "transparency") if key in image.info
        }
        if pil_format == "JPEG" and image.mode not in {"L", "RGB"}:
            image = image.convert("RGB")
            kept.pop("transparency", None)
        elif pil_format == "PNG" and image.mode not in _PNG_MODES:
            image = image.convert("RGBA")
            kept.pop("transparency", None)
        image.info = kept
        out = io.BytesIO()
        if pil_format == "JPEG":
            image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, **kept)
        else:
            image.save(out, "PNG", **kept)
        width, height = image.size
        thumbnail = _thumbnail(image)
    return CleanFile(
        data=out.getvalue(),
        content_type=content_type,
        width=width,
        height=height,
        thumbnail=thumbnail,
    )


def _thumbnail(image: Image.Image) -> bytes:
    """A small JPEG for lists; transparent parts become white."""
    image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE), Image.Resampling.LANCZOS)
    if image.mode.startswith("I"):  # 16-bit grey: scale to 8 bits rather than clip
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    if image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode not in {"L", "RGB"}:
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()


def _clean_pdf(data: bytes) -> CleanFile:
    """A PDF is kept as uploaded only when it parses, is unencrypted, has pages and holds no
    active content (scripts, automatic actions, launches, embedded files, XFA): those are
    refused, never stored, so no reader's viewer can run them."""
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
        if pages:
            _ = reader.pages[0].mediabox
        active = not encrypted and (_raw_active_names(data) or _pdf_active(reader))
    except Exception as exc:  # pypdf raises many types on broken input
        raise _invalid(BROKEN_PDF, "broken_pdf") from exc
    if encrypted:
        raise _invalid(ENCRYPTED_PDF, "encrypted_pdf")
    if pages == 0:
        raise _invalid(EMPTY_PDF, "empty_pdf")
    if active:
        raise _invalid(ACTIVE_PDF, "active_pdf")
    return CleanFile(data=data, content_type=BlobType.PDF, pages=pages)


def _raw_active_names(data: bytes) -> bool:
    """Whether the bytes spell an active name anywhere, #-escapes (/J#61vaScript) undone."""
    for match in _PDF_NAME.finditer(data):
        name = match.group()
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        if name in _ACTIVE_PDF_RAW_NAMES:
            return True
    return False


def _pdf_active(reader: PdfReader) -> bool:
    """Whether any object reachable from the trailer (the catalog, pages, annotations, forms,
    name trees, object streams...) carries an active key or action. Walks without recursion;
    every indirect object is visited once."""
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]
    visited = 0
    while stack:
        value = stack.pop()
        if isinstance(value, IndirectObject):
            key = (value.idnum, value.generation)
            if key in seen:
                continue
            seen.add(key)
            value = value.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(value, DictionaryObject):
            if _ACTIVE_PDF_KEYS.intersection(value.keys()):
                return True
            if _active_action(value.get("/OpenAction")):
                return True
            if value.get("/S") in _ACTIVE_PDF_ACTIONS:
                return True
            stack.extend(value.values())
        elif isinstance(value, ArrayObject):
            stack.extend(value)
    return False


def _active_action(action: object) -> bool:
    """An /OpenAction runs something unless it only goes to a place in the document."""
    if action is None:
        return False
    if isinstance(action, IndirectObject):
        action = action.get_object()
    if isinstance(action, ArrayObject):  # a destination: [page /Fit]
        return False
    if isinstance(action, DictionaryObject):
        return action.get("/S") != "/GoTo" or "/Next" in action
    return True


def clean_name(raw: str | None, content_type: str) -> str:
    """A safe display name: no folders, control or direction characters, the real extension."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        ch
        for ch in name
        if ch not in _FORBIDDEN_NAME_CHARS and not unicodedata.category(ch).startswith("C")
    )
    name = " ".join(name.split()).strip(" .")
    suffix = PurePosixPath(name).suffix.lower() if name else ""
    stem = name[: -len(suffix)] if suffix in _KNOWN_EXTENSIONS else name
    extensions = _EXTENSIONS[content_type]
    extension = suffix if suffix in extensions else extensions[0]
    stem = stem.strip(" .")[:NAME_MAX_CHARS] or "附件"
    return stem + extension


# --- storage ----------------------------------------------------------------------------------


def blob_relative_path(sha256: str) -> str:
    return f"blobs/{sha256[:2]}/{sha256}"


def thumbnail_relative_path(sha256: str) -> str:
    return f"blobs/{sha256[:2]}/{sha256}.thumb.jpg"


def _absolute(relative: str) -> Path:
    return Path(settings.MEDIA_ROOT) / relative


def _write_atomically(path: Path, data: bytes) -> None:
    """Readers see the old file or the whole new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".upload-", delete=False) as handle:
        temporary = Path(handle.name)
    try:
        with temporary.open("wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        temporary.chmod(getattr(settings, "FILE_UPLOAD_PERMISSIONS", None) or 0o644)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _lock_file(sha256: str) -> None:
    """Serialize stores and deletions of one file until the transaction ends."""
    key = int.from_bytes(bytes.fromhex(sha256[:8]), "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [_LOCK_NAMESPACE, key])


def _remove_orphan_files(sha256: str) -> None:
    with transaction.atomic():
        _lock_file(sha256)
        if Blob.objects.filter(pk=sha256).exists():
            return  # uploaded again meanwhile
        for relative in (blob_relative_path(sha256), thumbnail_relative_path(sha256)):
            _absolute(relative).unlink(missing_ok=True)


# --- services ---------------------------------------------------------------------------------


def blob_store(*, owner: User, upload: UploadedFile, region_code: str | None) -> LibraryItem:
    """Put an uploaded file into the owner's 附件库, storing its cleaned bytes once.

    Raises UploadTooLargeError over the region's limit (checked before reading the upload) and
    ValidationError `{"file": [...]}` for anything that is not a sound JPEG, PNG or PDF.
    Uploading a file already in the library returns the existing entry unchanged.
    """
    with transaction.atomic():
        blob, clean = _blob_put(upload=upload, region_code=region_code)
        item, _created = LibraryItem.objects.get_or_create(
            owner=owner, blob=blob, defaults={"name": clean_name(upload.name, clean.content_type)}
        )
    return item


def blob_store_unowned(*, upload: UploadedFile, region_code: str | None) -> Blob:
    """Store an upload privately without putting it in anyone's 附件库 (e.g. an appeal scan
    sent by someone who cannot log in); the same checks and cleaning as `blob_store`."""
    with transaction.atomic():
        blob, _clean = _blob_put(upload=upload, region_code=region_code)
    return blob


def _blob_put(*, upload: UploadedFile, region_code: str | None) -> tuple[Blob, CleanFile]:
    """Check, clean and store the bytes once (inside the caller's transaction)."""
    limit = upload_limit_for(region_code)
    if upload.size is not None and upload.size > limit:
        raise UploadTooLargeError(limit, upload.size)
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise UploadTooLargeError(limit)
    clean = blob_clean(data)
    sha256 = hashlib.sha256(clean.data).hexdigest()
    # Two identical uploads at once, or an upload racing the deletion of the same file,
    # take turns here; get_or_create also absorbs an IntegrityError from a concurrent insert.
    _lock_file(sha256)
    blob, _created = Blob.objects.get_or_create(
        sha256=sha256,
        defaults={
            "size": len(clean.data),
            "content_type": clean.content_type,
            "width": clean.width,
            "height": clean.height,
            "pages": clean.pages,
            "path": blob_relative_path(sha256),
            "thumbnail_path": thumbnail_relative_path(sha256) if clean.thumbnail else "",
        },
    )
    # Written (again) whenever missing: the bytes are the same by construction.
    if not _absolute(blob.path).exists():
        _write_atomically(_absolute(blob.path), clean.data)
    if blob.thumbnail_path and clean.thumbnail and not _absolute(blob.thumbnail_path).exists():
        _write_atomically(_absolute(blob.thumbnail_path), clean.thumbnail)
    return blob, clean


def blob_delete_from_library(*, owner: User, blob: Blob) -> None:
    """Take a file out of the owner's 附件库; the stored file goes when no owner is left.

    Raises BlobInUseError while an application uses it, Http404 if it is not in the library.
    """
    with transaction.atomic():
        _lock_file(blob.sha256)
        if blob_in_use(blob, owner):
            raise BlobInUseError
        deleted, _by_model = LibraryItem.objects.filter(owner=owner, blob=blob).delete()
        if not deleted:
            raise Http404
        if not LibraryItem.objects.filter(blob=blob).exists():
            Blob.objects.filter(pk=blob.sha256).delete()
            transaction.on_commit(partial(_remove_orphan_files, blob.sha256))


# --- serving ----------------------------------------------------------------------------------


def blob_response(
    request: HttpRequest, blob: Blob, *, filename: str, thumbnail: bool = False
) -> HttpResponseBase:
    """The file (or its thumbnail) for a reader already allowed by `blob_open_for`.

    With `PRIVATE_FILES_ACCEL_PREFIX` set (production), nginx sends the bytes from its internal
    location; otherwise Django streams them. The ETag is the content hash: unchanged files are
    answered 304, and `no-cache` makes every use pass the permission check again.
    """
    relative = blob.thumbnail_path if thumbnail else blob.path
    if not relative:
        raise Http404
    if thumbnail:
        content_type = THUMBNAIL_TYPE
        filename = f"{PurePosixPath(filename).stem}-thumbnail.jpg"
    else:
        content_type = blob.content_type
    etag = f'"{blob.sha256}{"-thumbnail" if thumbnail else ""}"'
    headers = {
        "ETag": etag,
        "Cache-Control": "private, no-cache",
        "X-Content-Type-Options": "nosniff",
        # Whatever a file holds, a browser shows it in a sandbox: no script runs, no form posts,
        # nothing reaches this origin's cookies or pages (nginx adds the same, deploy/). Only
        # this origin's pages may frame it (the reviewer's <iframe>, the appeal's <object>).
        "Content-Security-Policy": "sandbox; frame-ancestors 'self'",
        "X-Frame-Options": "SAMEORIGIN",
        "Content-Disposition": content_disposition_header(as_attachment=False, filename=filename),
    }
    return private_file_response(
        request,
        relative=relative,
        path=_absolute(relative),
        content_type=content_type,
        headers=headers,
    )


def private_file_response(
    request: HttpRequest, *, relative: str, path: Path, content_type: str, headers: dict[str, str]
) -> HttpResponseBase:
    """A stored private file, for a reader already allowed: 304 when the request's validators
    match `headers["ETag"]`; else nginx sends it from its internal location when
    `PRIVATE_FILES_ACCEL_PREFIX` is set (production), or Django streams `path`. The blob store
    and printing serve through it."""
    not_modified = get_conditional_response(request, etag=headers["ETag"])
    if not_modified is not None:
        for header in ("ETag", "Cache-Control"):
            not_modified[header] = headers[header]
        return not_modified

    prefix = getattr(settings, "PRIVATE_FILES_ACCEL_PREFIX", None)
    if prefix:
        response: HttpResponseBase = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{relative}"
    else:
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(handle, content_type=content_type)
    for header, value in headers.items():
        response[header] = value
    return response
