"""The review form (评审表) and the material-bag cover (职称材料袋基本信息) of an application:
rendered once per content, stored, and served from storage after.

A document's key is the SHA-256 of what it is rendered from: the data read from the
application (printing.content), the template version (a hash of the templates themselves),
the kind of document and the copy (test or official), and the address verification links
point at. Any change to the data, a template or the copy is another key, hence another file;
the same content is the same file, however often and by whomever it is asked for.

An official copy (formal review passed, printing.copies) also has a row (PrintedDocument) with
a verification code derived from its key: the code and a QR code to the public verification
page are printed on every page, and the row says what was printed.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from printing import storage
from printing.content import material_bag_content, review_form_content
from printing.copies import is_official
from printing.models import DocumentKind, PrintedDocument
from printing.pdf import code128_data_uri, html_to_pdf, page_count, qr_data_uri
from tenants.queue import enqueue
from workflow.models import Application

TEMPLATES = {
    DocumentKind.REVIEW_FORM: "printing/document/review_form.html",
    DocumentKind.MATERIAL_BAG: "printing/document/material_bag.html",
}
# Bumped when the renderer changes what it makes of the same templates.
RENDERER_VERSION = "1"
# The documents' templates and style sheet (the web pages around them are not hashed).
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates" / "printing" / "document"
# Crockford's base 32: no I, L, O or U, so a code read off paper is typed back right.
_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
# A document whose content is longer than this (characters of its data, as hashed) takes about
# a second or more to render (benchmarks/printing.py: a 6-page review form of 10,700 characters
# renders in 0.8–0.9 s on 2 cores): it is rendered in the background (tenants.queue) while the
# page says so and asks again, so that no request waits on a long render.
BACKGROUND_WEIGHT = 12_000


class Copy:
    TEST = "test"
    OFFICIAL = "official"


@cache
def template_version() -> str:
    """A hash of every document template and of the renderer version."""
    digest = hashlib.sha256(RENDERER_VERSION.encode())
    for path in sorted(TEMPLATE_DIR.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(TEMPLATE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def verification_code(content_sha256: str) -> str:
    """XXXXX-XXXXX: 50 bits of an HMAC of the key, unguessable without the server's secret."""
    mac = hmac.new(
        settings.SECRET_KEY.encode(), f"printing.verify:{content_sha256}".encode(), "sha256"
    ).digest()
    value = int.from_bytes(mac[:8], "big") >> (64 - 5 * CODE_LENGTH)
    digits = "".join(_CODE_ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH)))
    return f"{digits[:5]}-{digits[5:]}"


def normalize_code(text: str) -> str:
    """What a person typed, as stored: upper case, O→0, I/L→1, one dash in the middle."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CODE_LENGTH:
        return ""
    return f"{cleaned[:5]}-{cleaned[5:]}"


def verify_path(number: str, code: str) -> str:
    return f"/verify/{number}/{code}/"


@dataclass(frozen=True)
class Prepared:
    """A document as it will be rendered: its key and everything the template needs."""

    application: Application
    kind: str
    copy: str
    key: str
    context: dict[str, Any]
    # Characters of the content: what a render's time grows with (benchmarks/printing.py).
    weight: int

    @property
    def relative(self) -> str:
        return storage.relative_path(self.kind, self.key)

    @property
    def filename(self) -> str:
        name = "评审表" if self.kind == DocumentKind.REVIEW_FORM else "材料袋封面"
        suffix = "" if self.copy == Copy.OFFICIAL else "-测试表"
        return f"{self.application.number}-{name}{suffix}.pdf"


@dataclass(frozen=True)
class Rendered:
    relative: str
    filename: str
    copy: str
    record: PrintedDocument | None


def prepare(application: Application, kind: str, *, origin: str) -> Prepared:
    """Read what the document says and compute its key (no rendering). `origin` is the public
    site's address (scheme, host, port) that verification links point at."""
    with translation.override(settings.LANGUAGE_CODE):
        if kind == DocumentKind.REVIEW_FORM:
            content = review_form_content(application)
        elif kind == DocumentKind.MATERIAL_BAG:
            content = material_bag_content(application)
        else:
            raise ValueError(kind)
    copy = Copy.OFFICIAL if is_official(application.status) else Copy.TEST
    hashed = {
        "kind": kind,
        "copy": copy,
        "template": template_version(),
        "origin": origin,
        "language": settings.LANGUAGE_CODE,
        "content": content,
    }
    serialized = json.dumps(hashed, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    key = hashlib.sha256(serialized.encode()).hexdigest()
    context: dict[str, Any] = {"content": content, "copy": copy, "kind": kind, "key": key}
    if copy == Copy.OFFICIAL:
        code = verification_code(key)
        url = origin + verify_path(application.number, code)
        context.update(code=code, verify_url=url, qr=qr_data_uri(url))
    if kind == DocumentKind.MATERIAL_BAG:
        context["barcode"] = code128_data_uri(application.number)
    return Prepared(
        application=application,
        kind=kind,
        copy=copy,
        key=key,
        context=context,
        weight=len(serialized),
    )


def render(prepared: Prepared) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(TEMPLATES[prepared.kind], prepared.context)
    return html_to_pdf(html).data


def _record(prepared: Prepared, data: bytes | None = None) -> PrintedDocument:
    """The row of an official copy (made on its first render, or if it went missing)."""
    application = prepared.application
    found = PrintedDocument.objects.filter(
        application=application, kind=prepared.kind, content_sha256=prepared.key
    ).first()
    if found is not None:
        return found
    if data is None:
        data = storage.read(prepared.relative)
    try:
        with transaction.atomic():
            return PrintedDocument.objects.create(
                application=application,
                kind=prepared.kind,
                content_sha256=prepared.key,
                code=prepared.context["code"],
                pdf_sha256=hashlib.sha256(data).hexdigest(),
                pages=page_count(data),
                size=len(data),
                status=application.status,
            )
    except IntegrityError:  # a concurrent render of the same content recorded it first
        return PrintedDocument.objects.get(
            application=application, kind=prepared.kind, content_sha256=prepared.key
        )


def ensure(prepared: Prepared) -> Rendered:
    """The stored document, rendered now if it is not stored yet."""
    data = None
    if not storage.stored(prepared.relative):
        data = render(prepared)
        storage.write(prepared.relative, data)
        storage.release(prepared.relative)
    record = _record(prepared, data) if prepared.copy == Copy.OFFICIAL else None
    return Rendered(
        relative=prepared.relative, filename=prepared.filename, copy=prepared.copy, record=record
    )


def document_for(application: Application, kind: str, *, origin: str) -> Rendered | None:
    """The document, from storage or rendered now; None when it is too long to render inside
    a request: then it is being rendered in the background, and asking again finds it."""
    prepared = prepare(application, kind, origin=origin)
    if storage.stored(prepared.relative) or prepared.weight <= BACKGROUND_WEIGHT:
        return ensure(prepared)
    if storage.claim(prepared.relative):
        enqueue("printing.tasks.render_document", application.pk, kind, origin, prepared.key)
    return None


def official_record(application: Application, kind: str, code: str) -> PrintedDocument | None:
    return PrintedDocument.objects.filter(application=application, kind=kind, code=code).first()
