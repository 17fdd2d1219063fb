"""The 附件库: a content-addressed private file store, shared by a person across regions.

Alice keeps her scans here; Bob is a colleague with files of his own and, for Alice's files,
a stranger who must learn nothing about them.
"""

import hashlib
import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import ExifTags, Image
from pypdf import PdfWriter

from core.api.tokens import token_issue
from core.files.blobs import (
    BROKEN_IMAGE,
    BROKEN_PDF,
    EMPTY_PDF,
    ENCRYPTED_PDF,
    WRONG_TYPE,
    clean_name,
    human_size,
)
from core.models.blobs import Blob, LibraryItem

pytestmark = pytest.mark.django_db

TWO_MB = 2 * 1024 * 1024
MISSING = "0" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test gets an empty private root; development serving (no nginx)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    return settings.MEDIA_ROOT


# --- files to upload --------------------------------------------------------------------------


def jpeg_bytes(size=(40, 20), color="red", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", quality=95, **save)
    return buffer.getvalue()


def png_bytes(size=(30, 30), mode="RGBA", **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, (0, 128, 255, 128) if mode == "RGBA" else 0).save(buffer, "PNG", **save)
    return buffer.getvalue()


def pdf_bytes(pages=2, password=None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes that claim a huge 1-bit image: a decompression bomb's header."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
        + chunk(b"IEND", b"")
    )


def photo_with_gps_turned_on_its_side() -> bytes:
    """Left half red, right half blue, stored sideways: EXIF orientation 6 turns it upright."""
    image = Image.new("RGB", (40, 20), "red")
    image.paste(Image.new("RGB", (20, 20), "blue"), (20, 0))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "SpyCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (43.0, 49.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (87.0, 37.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif, comment=b"taken at home")
    data = buffer.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return data


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_file(client, name: str, data: bytes, content_type: str = "application/octet-stream"):
    return client.post("/api/v1/blobs/", {"file": upload(name, data, content_type)})


def stored_files(media) -> list:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


# --- uploading --------------------------------------------------------------------------------


def test_alice_uploads_a_scan_twice_and_it_is_stored_once(alice, host_client, media):
    client = host_client("urumqi", alice)
    data = jpeg_bytes()

    first = post_file(client, "身份证正面.jpg", data, "image/jpeg")
    again = post_file(client, "身份证正面.jpg", data, "image/jpeg")

    assert first.status_code == 201
    assert again.status_code == 201
    body = first.json()
    assert again.json() == body
    assert body["content_type"] == "image/jpeg"
    assert body["name"] == "身份证正面.jpg"
    assert (body["width"], body["height"], body["pages"]) == (40, 20, None)
    assert body["url"] == f"http://urumqi.localhost/api/v1/blobs/{body['sha256']}/content"
    assert body["thumbnail_url"].endswith(f"/api/v1/blobs/{body['sha256']}/thumbnail")
    assert Blob.objects.count() == 1
    assert LibraryItem.objects.filter(owner=alice).count() == 1

    blob = Blob.objects.get()
    stored = (media / blob.path).read_bytes()
    assert blob.path == f"blobs/{blob.sha256[:2]}/{blob.sha256}"
    assert hashlib.sha256(stored).hexdigest() == blob.sha256 == body["sha256"]
    assert len(stored) == blob.size == body["size"]
    assert len(stored_files(media)) == 2  # the file and its thumbnail, nothing else


def test_the_same_file_from_two_people_is_one_blob_in_two_libraries(alice, bob, host_client):
    data = pdf_bytes()
    one = post_file(host_client("urumqi", alice), "职称证书.pdf", data, "application/pdf")
    two = post_file(host_client("kashgar", bob), "scan.PDF", data, "application/pdf")

    assert one.status_code == two.status_code == 201
    assert one.json()["sha256"] == two.json()["sha256"]
    assert Blob.objects.count() == 1
    assert sorted(LibraryItem.objects.values_list("owner__username", "name")) == sorted(
        [(alice.username, "职称证书.pdf"), (bob.username, "scan.pdf")]
    )


def test_a_program_uploads_with_a_token(alice, host_client):
    token = token_issue(user=alice)
    client = host_client("public", HTTP_AUTHORIZATION=f"Token {token}")
    response = post_file(client, "a.png", png_bytes())
    assert response.status_code == 201
    assert response.json()["content_type"] == "image/png"


def test_nobody_logged_in_gets_401(host_client):
    client = host_client("urumqi")
    assert post_file(client, "a.png", png_bytes()).status_code == 401
    assert client.get("/api/v1/blobs/").status_code == 401


def test_a_file_just_over_2_mb_is_413_and_nothing_is_stored(alice, host_client, media):
    data = jpeg_bytes() + b"\0" * (TWO_MB + 1 - len(jpeg_bytes()))
    assert len(data) == TWO_MB + 1

    response = post_file(host_client("urumqi", alice), "big.jpg", data, "image/jpeg")

    assert response.status_code == 413
    assert response.json() == {"detail": "文件超过 2 MB 上限。", "code": "too_large"}
    assert not Blob.objects.exists()
    assert not LibraryItem.objects.exists()
    assert stored_files(media) == []


def test_a_body_far_over_the_limit_is_refused_from_its_content_length(alice, host_client):
    response = post_file(host_client("public", alice), "huge.pdf", b"%PDF-" + b"0" * 3 * TWO_MB)
    assert response.status_code == 413
    assert not Blob.objects.exists()


def test_the_limit_is_a_setting_and_a_file_of_exactly_the_limit_passes(
    alice, host_client, settings
):
    data = jpeg_bytes()
    client = host_client("urumqi", alice)
    settings.UPLOAD_MAX_BYTES = len(data) - 1
    assert post_file(client, "a.jpg", data).status_code == 413
    settings.UPLOAD_MAX_BYTES = len(data)
    assert post_file(client, "a.jpg", data).status_code == 201


@pytest.mark.parametrize(
    ("name", "data", "declared"),
    [
        ("photo.jpg", "这是一个文本文件，不是照片。".encode(), "image/jpeg"),
        ("scan.pdf", b"#!/bin/sh\nrm -rf /\n", "application/pdf"),
        ("page.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("anim.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/jpeg"),
        ("tool.pdf", b"MZ\x90\x00" + b"\0" * 100, "application/pdf"),
    ],
    ids=["text-as-jpg", "script-as-pdf", "html-as-png", "gif-as-jpg", "exe-as-pdf"],
)
def test_a_renamed_file_is_judged_by_its_content(alice, host_client, name, data, declared):
    response = post_file(host_client("urumqi", alice), name, data, declared)
    assert response.status_code == 400
    assert response.json() == {"file": [str(WRONG_TYPE)]}
    assert not Blob.objects.exists()


def test_an_empty_file_is_400(alice, host_client):
    response = post_file(host_client("urumqi", alice), "empty.jpg", b"")
    assert response.status_code == 400
    assert list(response.json()) == ["file"]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(jpeg_bytes((400, 300))[:1500], id="truncated"),
        pytest.param(b"\xff\xd8\xff\xe0" + b"\x13\x37" * 500, id="garbage-after-magic"),
        pytest.param(png_bytes()[:60], id="truncated-png"),
    ],
)
def test_a_corrupt_image_is_400(alice, host_client, data, media):
    response = post_file(host_client("urumqi", alice), "scan.jpg", data, "image/jpeg")
    assert response.status_code == 400
    assert response.json() == {"file": [str(BROKEN_IMAGE)]}
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"%PDF-1.4\n" + b"garbage " * 200, BROKEN_PDF, id="garbage"),
        pytest.param(pdf_bytes()[:200], BROKEN_PDF, id="truncated"),
        pytest.param(pdf_bytes(password="secret"), ENCRYPTED_PDF, id="encrypted"),
        pytest.param(pdf_bytes(password=""), ENCRYPTED_PDF, id="encrypted-no-password"),
        pytest.param(pdf_bytes(pages=0), EMPTY_PDF, id="no-pages"),
    ],
)
def test_a_pdf_that_does_not_open_properly_is_400(alice, host_client, data, message):
    response = post_file(host_client("urumqi", alice), "材料.pdf", data, "application/pdf")
    assert response.status_code == 400
    assert response.json() == {"file": [str(message)]}


def test_a_pdf_is_kept_as_is_with_its_page_count_and_no_thumbnail(alice, host_client, media):
    data = pdf_bytes(pages=3)
    client = host_client("urumqi", alice)
    body = post_file(client, "论文.pdf", data).json()

    assert body["sha256"] == hashlib.sha256(data).hexdigest()
    assert (body["pages"], body["width"], body["thumbnail_url"]) == (3, None, None)
    assert client.get(f"/api/v1/blobs/{body['sha256']}/content").getvalue() == data
    assert client.get(f"/api/v1/blobs/{body['sha256']}/thumbnail").status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(png_declaring(20000, 20000), id="400-megapixels"),
        pytest.param(png_declaring(7000, 7000), id="49-megapixels"),
    ],
)
def test_an_image_bomb_is_400_without_being_decoded(alice, host_client, data):
    assert len(data) < 1000
    response = post_file(host_client("urumqi", alice), "bomb.png", data, "image/png")
    assert response.status_code == 400
    assert response.json() == {"file": ["图片像素过大（超过 4000 万像素），请缩小后再上传。"]}


def test_a_sideways_photo_is_stored_upright_without_exif_or_gps(alice, host_client, media):
    body = post_file(
        host_client("urumqi", alice), "IMG_0001.JPG", photo_with_gps_turned_on_its_side()
    ).json()

    assert (body["width"], body["height"]) == (20, 40)
    assert body["name"] == "IMG_0001.jpg"
    stored = (media / Blob.objects.get().path).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == body["sha256"]
    image = Image.open(io.BytesIO(stored))
    assert image.size == (20, 40)
    red, _green, blue = image.convert("RGB").getpixel((10, 5))
    assert red > 200 and blue < 60  # the left (red) half is now on top
    red, _green, blue = image.convert("RGB").getpixel((10, 35))
    assert blue > 200 and red < 60
    assert not image.getexif()
    assert "exif" not in image.info
    assert "comment" not in image.info
    assert b"Exif" not in stored
    assert b"SpyCam" not in stored
    assert b"taken at home" not in stored


def test_png_text_and_exif_chunks_are_dropped(alice, host_client, media):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "阿丽娅的家庭住址", zip=False)
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    data = png_bytes(pnginfo=info, exif=exif)
    assert b"SpyCam" in data

    post_file(host_client("urumqi", alice), "a.png", data)

    stored = (media / Blob.objects.get().path).read_bytes()
    assert b"SpyCam" not in stored
    assert "阿丽娅".encode() not in stored
    assert Image.open(io.BytesIO(stored)).mode == "RGBA"


def test_a_thumbnail_is_a_small_jpeg_beside_the_file(alice, host_client, media):
    client = host_client("urumqi", alice)
    body = post_file(client, "big.png", png_bytes((1200, 600), mode="RGB")).json()

    response = client.get(body["thumbnail_url"].removeprefix("http://urumqi.localhost"))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    thumbnail = Image.open(io.BytesIO(response.getvalue()))
    assert (thumbnail.format, thumbnail.size) == ("JPEG", (240, 120))
    blob = Blob.objects.get()
    assert (media / blob.thumbnail_path).parent == (media / blob.path).parent


@pytest.mark.parametrize(
    ("raw", "content_type", "expected"),
    [
        ("../../etc/passwd", "application/pdf", "passwd.pdf"),
        ("C:\\Users\\阿丽娅\\学历证书.JPEG", "image/jpeg", "学历证书.jpeg"),
        ("invoice\u202egpj.exe", "image/png", "invoicegpj.exe.png"),
        ("scan.png", "image/jpeg", "scan.jpg"),
        ("  ..  ", "image/png", "附件.png"),
        ("a\x00b<>:|?*.pdf", "application/pdf", "ab.pdf"),
        ("名" * 300 + ".pdf", "application/pdf", "名" * 120 + ".pdf"),
    ],
)
def test_names_are_made_safe(raw, content_type, expected):
    assert clean_name(raw, content_type) == expected


def test_a_lost_file_is_written_again_by_the_next_upload(alice, bob, host_client, media):
    data = jpeg_bytes()
    post_file(host_client("urumqi", alice), "a.jpg", data)
    blob = Blob.objects.get()
    (media / blob.path).unlink()

    assert post_file(host_client("urumqi", bob), "b.jpg", data).status_code == 201
    assert hashlib.sha256((media / blob.path).read_bytes()).hexdigest() == blob.sha256


# --- reading ----------------------------------------------------------------------------------


def _alice_has_a_scan(alice, host_client) -> str:
    response = post_file(host_client("urumqi", alice), "学历证书.jpg", jpeg_bytes())
    assert response.status_code == 201
    return response.json()["sha256"]


def test_alice_reads_her_file_on_every_host(alice, host_client, media):
    sha = _alice_has_a_scan(alice, host_client)
    stored = (media / Blob.objects.get().path).read_bytes()

    for code in ["urumqi", "kashgar", "public"]:
        client = host_client(code, alice)
        assert client.get(f"/api/v1/blobs/{sha}/").json()["name"] == "学历证书.jpg"
        assert [item["sha256"] for item in client.get("/api/v1/blobs/").json()["results"]] == [sha]
        content = client.get(f"/api/v1/blobs/{sha}/content")
        assert content.status_code == 200
        assert content["Content-Type"] == "image/jpeg"
        assert content["Cache-Control"] == "private, no-cache"
        assert "inline" in content["Content-Disposition"]
        assert content.getvalue() == stored
        page_file = client.get(f"/library/{sha}/file")
        assert page_file.status_code == 200
        assert page_file.getvalue() == stored


def test_an_unchanged_file_is_answered_304(alice, host_client):
    sha = _alice_has_a_scan(alice, host_client)
    client = host_client("urumqi", alice)
    etag = client.get(f"/api/v1/blobs/{sha}/content")["ETag"]
    response = client.get(f"/api/v1/blobs/{sha}/content", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


@pytest.mark.parametrize("code", ["urumqi", "kashgar", "public"])
@pytest.mark.parametrize(
    "suffix", ["/", "/content", "/thumbnail"], ids=["metadata", "content", "thumbnail"]
)
def test_a_stranger_gets_the_same_404_as_for_a_missing_file(alice, bob, host_client, code, suffix):
    sha = _alice_has_a_scan(alice, host_client)
    client = host_client(code, bob)

    theirs = client.get(f"/api/v1/blobs/{sha}{suffix}")
    missing = client.get(f"/api/v1/blobs/{MISSING}{suffix}")

    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json() == {"detail": "未找到。", "code": "not_found"}
    assert client.get("/api/v1/blobs/").json()["results"] == []


@pytest.mark.parametrize("suffix", ["file", "thumbnail"])
def test_a_stranger_gets_404_from_the_page_routes_too(alice, bob, host_client, suffix):
    sha = _alice_has_a_scan(alice, host_client)
    client = host_client("urumqi", bob)
    assert client.get(f"/library/{sha}/{suffix}").status_code == 404
    assert client.get(f"/library/{MISSING}/{suffix}").status_code == 404
    assert client.post(f"/library/{sha}/delete/").status_code == 404
    assert LibraryItem.objects.filter(owner=alice).exists()


def test_in_production_nginx_sends_the_file(alice, host_client, settings):
    sha = _alice_has_a_scan(alice, host_client)
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    client = host_client("urumqi", alice)

    content = client.get(f"/api/v1/blobs/{sha}/content")
    thumbnail = client.get(f"/library/{sha}/thumbnail")

    assert content.status_code == 200
    assert content["X-Accel-Redirect"] == f"/_private/blobs/{sha[:2]}/{sha}"
    assert content["Content-Type"] == "image/jpeg"
    assert content.content == b""
    assert thumbnail["X-Accel-Redirect"] == f"/_private/blobs/{sha[:2]}/{sha}.thumb.jpg"
    assert "X-Accel-Redirect" not in host_client("urumqi", alice).get(
        f"/api/v1/blobs/{MISSING}/content"
    )


def test_the_library_list_is_paginated_in_constant_queries(alice, host_client):
    client = host_client("urumqi", alice)

    def queries_for_list() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/blobs/").status_code == 200
        return len(captured)

    post_file(client, "1.jpg", jpeg_bytes(color="red"))
    one = queries_for_list()
    for n, color in enumerate(["green", "blue", "yellow"], 2):
        post_file(client, f"{n}.jpg", jpeg_bytes(color=color))
    assert queries_for_list() == one

    page = client.get("/api/v1/blobs/?page_size=2").json()
    assert page["count"] == 4
    assert [item["name"] for item in page["results"]] == ["4.jpg", "3.jpg"]
    assert page["next"] is not None


def test_the_api_is_in_the_openapi_schema(db, host_client):
    schema = host_client("urumqi").get(
        "/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert schema.status_code == 200
    assert {
        "/api/v1/blobs/",
        "/api/v1/blobs/{sha256}/",
        "/api/v1/blobs/{sha256}/content",
        "/api/v1/blobs/{sha256}/thumbnail",
    } <= set(schema.json()["paths"])


# --- deleting ---------------------------------------------------------------------------------


def test_alice_deletes_a_file_and_it_is_gone(
    alice, host_client, media, django_capture_on_commit_callbacks
):
    sha = _alice_has_a_scan(alice, host_client)
    client = host_client("kashgar", alice)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.delete(f"/api/v1/blobs/{sha}/")

    assert response.status_code == 204
    assert not LibraryItem.objects.exists()
    assert not Blob.objects.exists()
    assert stored_files(media) == []
    assert client.get(f"/api/v1/blobs/{sha}/content").status_code == 404
    assert client.delete(f"/api/v1/blobs/{sha}/").status_code == 404


def test_the_file_stays_while_someone_else_still_has_it(
    alice, bob, host_client, media, django_capture_on_commit_callbacks
):
    data = jpeg_bytes()
    sha = post_file(host_client("urumqi", alice), "a.jpg", data).json()["sha256"]
    post_file(host_client("urumqi", bob), "b.jpg", data)

    with django_capture_on_commit_callbacks(execute=True):
        assert host_client("urumqi", alice).delete(f"/api/v1/blobs/{sha}/").status_code == 204

    assert Blob.objects.filter(pk=sha).exists()
    assert len(stored_files(media)) == 2
    assert host_client("urumqi", bob).get(f"/api/v1/blobs/{sha}/content").status_code == 200


def test_a_stranger_cannot_delete(alice, bob, host_client):
    sha = _alice_has_a_scan(alice, host_client)
    response = host_client("urumqi", bob).delete(f"/api/v1/blobs/{sha}/")
    assert response.status_code == 404
    assert LibraryItem.objects.filter(owner=alice).exists()


def test_a_file_in_use_cannot_be_deleted(alice, host_client, monkeypatch, media):
    sha = _alice_has_a_scan(alice, host_client)
    monkeypatch.setattr("core.files.blobs.blob_in_use", lambda blob, owner=None: True)

    response = host_client("urumqi", alice).delete(f"/api/v1/blobs/{sha}/")

    assert response.status_code == 409
    assert response.json() == {"detail": "该文件正被申报材料使用，不能删除。", "code": "in_use"}
    assert LibraryItem.objects.filter(owner=alice).exists()
    assert len(stored_files(media)) == 2


# --- the page ---------------------------------------------------------------------------------


def test_the_page_needs_a_login(host_client):
    response = host_client("urumqi").get("/library/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/library/")


def test_alice_uploads_on_the_page_and_sees_her_library(alice, host_client):
    client = host_client("hotan", alice)

    response = client.post("/library/", {"file": upload("毕业证.png", png_bytes())})

    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    sha = Blob.objects.get().sha256
    assert "已上传：毕业证.png" in html
    assert "毕业证.png" in html
    assert f'src="/library/{sha}/thumbnail"' in html
    assert f'action="/library/{sha}/delete/"' in html
    assert 'enctype="multipart/form-data"' in html


def test_the_page_shows_a_refused_file_in_chinese(alice, host_client):
    client = host_client("urumqi", alice)

    refused = client.post("/library/", {"file": upload("照片.jpg", b"just text")})
    too_big = client.post("/library/", {"file": upload("big.pdf", b"%PDF-" + b"0" * TWO_MB)})

    assert refused.status_code == 400
    assert str(WRONG_TYPE) in refused.content.decode()
    assert too_big.status_code == 413
    assert "文件超过 2 MB 上限。" in too_big.content.decode()
    assert not Blob.objects.exists()


def test_alice_deletes_on_the_page_unless_the_file_is_in_use(alice, host_client, monkeypatch):
    sha = _alice_has_a_scan(alice, host_client)
    client = host_client("urumqi", alice)

    monkeypatch.setattr("core.files.blobs.blob_in_use", lambda blob, owner=None: True)
    refused = client.post(f"/library/{sha}/delete/", follow=True)
    assert "该文件正被申报材料使用，不能删除。" in refused.content.decode()
    assert LibraryItem.objects.filter(owner=alice).exists()

    monkeypatch.undo()
    done = client.post(f"/library/{sha}/delete/", follow=True)
    assert "已从附件库删除：学历证书.jpg" in done.content.decode()
    assert "附件库中还没有文件。" in done.content.decode()
    assert not LibraryItem.objects.exists()


# --- sizes read as sizes (issue 19) -----------------------------------------------------------

OVER = int(2.3 * 1024 * 1024)  # a 2.3 MB scan


@pytest.mark.parametrize(
    ("size", "shown"),
    [(TWO_MB, "2 MB"), (OVER, "2.3 MB"), (1536, "1.5 KB"), (200 * 1024, "200 KB"), (12, "12 B")],
)
def test_a_size_is_written_as_people_read_it(size, shown):
    assert human_size(size) == shown


def test_a_refused_upload_names_its_size_and_the_limit_in_every_language(alice, host_client):
    """The page, the API and the language of the account: "文件 2.3 MB，超过 2 MB 上限",
    never 2097152."""
    big = b"%PDF-" + b"0" * (OVER - 5)
    expected = {
        "zh-hans": "文件 2.3 MB，超过 2 MB 上限。",
        "en": "The file is 2.3 MB, over the 2 MB limit.",
        "ug": "ھۆججەت 2.3 MB، 2 MB چەكتىن ئېشىپ كەتتى.",
    }
    for language, message in expected.items():
        alice.language = language
        alice.save(update_fields=["language"])
        client = host_client("urumqi", alice)
        page = client.post("/library/", {"file": upload("big.pdf", big)})
        assert page.status_code == 413
        assert message in page.content.decode(), language
        assert "2097152" not in page.content.decode()
    api = post_file(host_client("urumqi", alice), "big.pdf", big)
    assert api.status_code == 413
    assert api.json()["detail"] == expected["ug"]


def test_the_library_lists_each_file_with_its_size(alice, host_client):
    client = host_client("urumqi", alice)
    client.post("/library/", {"file": upload("论文.pdf", pdf_bytes(pages=1))})
    size = Blob.objects.get().size
    page = client.get("/library/").content.decode()
    assert f"{human_size(size)} ·" in page
    assert f"{size} ·" not in page
    assert "每个文件不超过 2 MB" in page
