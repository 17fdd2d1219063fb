"""The upload corpus (issue 12, "keep it closed"): every hostile file, through every way a file
enters the platform, is refused with a clear Chinese message and leaves nothing behind.

Entry points: the 附件库 API and page, the anonymous ID-scan upload of registration, the
registration page, the appeal API and page (ID scan / business licence), and uploading into an
application on its page. The corpus: oversize, wrong magic, renamed executables (MZ, ELF), SVG
with script, decompression bombs (a PNG and a JPEG of huge dimensions, a zip bomb posing as a
scan), PDFs with JavaScript, an /OpenAction or a /Launch. A file's *name* never decides
anything: a valid scan named with a path, an RTL override or a NUL is kept under a cleaned name
in the content-addressed store, and nothing is written where the name points.
"""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from core.identity.validators import make_id_card_number
from core.models import Blob, LibraryItem, User
from tests.core.test_security_findings import (
    open_action_javascript,
    open_action_launch,
    pdf_with,
)
from tests.support import client_for
from tests.workflow import conftest as workflow_fixtures
from tests.workflow.conftest import create

# The workflow tests' region: the catalog, an open offering in 乌鲁木齐市 and a unit there.
catalog, offering, unit = (
    workflow_fixtures.catalog,
    workflow_fixtures.offering,
    workflow_fixtures.unit,
)

LIMIT = 2 * 1024 * 1024


def _png(size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bomb() -> bytes:
    """100,000 × 100,000 pixels declared, a few hundred bytes sent."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", rows)
        + _chunk(b"IEND", b"")
    )


def _jpeg_bomb() -> bytes:
    """A real small JPEG whose frame header claims 65,000 × 65,000."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 65_000, 65_000)
    return bytes(data)


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("scan.png", b"\x00" * (20 * 1024 * 1024))
    return buffer.getvalue()


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>fetch('/api/v1/me/')</script></svg>"
)
MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50 + b"This program cannot be run in DOS"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100

# (id, file name, bytes, declared type, expected status)
CORPUS = [
    ("oversize", "scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * LIMIT, "image/png", 413),
    ("wrong-magic", "scan.png", b"GIF89a this is not what it says", "image/png", 400),
    ("text-as-pdf", "id.pdf", b"%!PS-Adobe-3.0\nshowpage\n", "application/pdf", 400),
    ("mz-as-jpg", "scan.jpg", MZ, "image/jpeg", 400),
    ("elf-as-pdf", "licence.pdf", ELF, "application/pdf", 400),
    ("svg-script", "scan.svg", SVG, "image/svg+xml", 400),
    ("svg-as-png", "scan.png", SVG, "image/png", 400),
    ("png-bomb", "scan.png", _png_bomb(), "image/png", 400),
    ("jpeg-bomb", "scan.jpg", _jpeg_bomb(), "image/jpeg", 400),
    ("zip-bomb-as-pdf", "scan.pdf", _zip_bomb(), "application/pdf", 400),
    ("pdf-javascript", "id.pdf", pdf_with(open_action_javascript), "application/pdf", 400),
    ("pdf-launch", "id.pdf", pdf_with(open_action_launch), "application/pdf", 400),
]
HOSTILE_NAMES = [
    ("traversal", "../../../../tmp/zc-corpus-evil.png", "zc-corpus-evil.png"),
    ("windows-traversal", "..\\..\\zc-corpus-evil.png", "zc-corpus-evil.png"),
    ("rtl-override", "scan\u202egnp.exe", "scangnp.exe.png"),
    ("nul", "scan\x00.exe.png", "scan.exe.png"),
]


def _file(name: str, data: bytes, content_type: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=content_type)


def _stored_files(media: Path) -> set[Path]:
    return {p for p in media.rglob("*") if p.is_file()}


@dataclass
class Entry:
    """One way a file comes in: `send` posts it, `field` is where the error is reported."""

    name: str
    field: str
    api: bool

    def prepare(self, setup) -> None:
        """Whatever the entry needs before the file is sent."""

    def send(self, setup, upload):
        raise NotImplementedError


class LibraryApi(Entry):
    def send(self, setup, upload):
        client = client_for("public")
        client.force_login(setup.alice)
        return client.post("/api/v1/blobs/", {"file": upload})


class LibraryPage(Entry):
    def send(self, setup, upload):
        client = client_for("urumqi")
        client.force_login(setup.alice)
        return client.post("/library/", {"file": upload})


class ScanUploadApi(Entry):
    def send(self, setup, upload):
        return client_for("public").post("/api/v1/auth/register/id-card-scan/", {"file": upload})


class RegisterPage(Entry):
    def send(self, setup, upload):
        return client_for("public").post(
            "/accounts/register/applicant/",
            {
                "username": "corpus-erkin",
                "password": "Bogda-Feng-5445",
                "password_again": "Bogda-Feng-5445",
                "name": "艾尔肯",
                "id_card_number": make_id_card_number("650104", date(1991, 7, 9), 5),
                "phone": "13912345678",
                "email": "erkin@example.cn",
                "id_card_scan": upload,
            },
        )


APPEAL = {
    "name": "阿丽娅",
    "region": "urumqi",
    "email": "aliya-new@example.cn",
    "phone": "",
}


class AppealApi(Entry):
    def send(self, setup, upload):
        return client_for("public").post(
            "/api/v1/auth/appeals/",
            {
                **APPEAL,
                "kind": "person",
                "id_card_number": setup.alice.id_card_number,
                "scan": upload,
            },
        )


class AppealPage(Entry):
    def send(self, setup, upload):
        return client_for("public").post(
            "/accounts/appeal/person/",
            {**APPEAL, "id_card_number": setup.alice.id_card_number, "scan": upload},
        )


class ApplicationAttachPage(Entry):
    def prepare(self, setup) -> None:
        self.number = setup.number

    def send(self, setup, upload):
        client = client_for("urumqi")
        client.force_login(setup.alice)
        return client.post(
            f"/applications/{self.number}/attach/", {"section": "basic", "file": upload}
        )


ENTRIES = [
    LibraryApi("library-api", "file", api=True),
    LibraryPage("library-page", "file", api=False),
    ScanUploadApi("scan-upload-api", "file", api=True),
    RegisterPage("register-page", "id_card_scan", api=False),
    AppealApi("appeal-api", "scan", api=True),
    AppealPage("appeal-page", "scan", api=False),
    ApplicationAttachPage("application-attach-page", "file", api=False),
]


@dataclass
class Setup:
    alice: User
    media: Path
    request: pytest.FixtureRequest

    @property
    def number(self) -> str:
        """阿丽娅's draft in 乌鲁木齐市, made only for the entry that needs it (the catalog and
        an offering take a while)."""
        offering = self.request.getfixturevalue("offering")
        unit = self.request.getfixturevalue("unit")
        client = client_for("urumqi")
        client.force_login(self.alice)
        return create(client, offering, unit).json()["number"]


@pytest.fixture
def setup(alice, settings, tmp_path, request) -> Setup:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    return Setup(alice=alice, media=tmp_path / "media", request=request)


def _refusal_of(entry: Entry, response) -> str:
    """The message the person reads about the file."""
    if isinstance(entry, ApplicationAttachPage):
        assert response.status_code == 302  # back to the section, the message shown there
        return " ".join(str(m) for m in response.wsgi_request._messages)
    if entry.api:
        assert response["Content-Type"] == "application/json"
        body = response.json()
        messages = body.get(entry.field) or body.get("non_field_errors") or [body.get("detail")]
        return " ".join(str(m) for m in messages)
    errors = response.context["form"].errors
    return " ".join(errors.get(entry.field, []) + errors.get("__all__", []))


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])
@pytest.mark.parametrize(
    ("name", "data", "declared", "status"),
    [case[1:] for case in CORPUS],
    ids=[case[0] for case in CORPUS],
)
def test_a_hostile_file_is_refused_in_chinese_and_nothing_is_stored(
    setup, entry, name, data, declared, status
):
    entry.prepare(setup)
    blobs, items = Blob.objects.count(), LibraryItem.objects.count()
    users = User.objects.count()
    response = entry.send(setup, _file(name, data, declared))
    if not isinstance(entry, ApplicationAttachPage):
        assert response.status_code == status, response.content[:300]
    message = _refusal_of(entry, response)
    assert message.strip(), "no message for the person"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message  # said in Chinese
    assert (Blob.objects.count(), LibraryItem.objects.count()) == (blobs, items)
    assert User.objects.count() == users
    assert _stored_files(setup.media) == set()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [case[1:] for case in HOSTILE_NAMES],
    ids=[case[0] for case in HOSTILE_NAMES],
)
def test_a_hostile_name_on_a_good_scan_is_cleaned_and_stored_only_in_the_store(
    setup, raw, expected
):
    outside = Path("/tmp/zc-corpus-evil.png")
    outside.unlink(missing_ok=True)
    response = LibraryApi("library-api", "file", api=True).send(
        setup, _file(raw, _png(), "image/png")
    )
    assert response.status_code == 201, response.content
    assert response.json()["name"] == expected
    stored = _stored_files(setup.media)
    assert stored and all(
        p.relative_to(setup.media).as_posix().startswith("blobs/") for p in stored
    )
    assert not outside.exists()
    served = client_for("public")
    served.force_login(setup.alice)
    disposition = served.get(f"/api/v1/blobs/{response.json()['sha256']}/content")[
        "Content-Disposition"
    ]
    assert "\u202e" not in disposition and "/" not in disposition.split("filename")[1]
