"""Banners (templates/core/_messages.html, _fields.html): every message of a page and every
form error shows as a banner that says its kind in words, is announced (status or alert) and
can be closed (the button works through static/js/site.js; see the browser test)."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

pytestmark = pytest.mark.django_db


def banners(html: str) -> list[tuple[str, str, str]]:
    """[(kind, role, text)] of the page's banners."""
    found = re.findall(
        r'<div class="banner banner-(\w+)[^"]*" role="(\w+)" data-banner[^>]*>(.*?)<button',
        html,
        re.S,
    )
    return [
        (kind, role, " ".join(re.sub(r"<[^>]+>", " ", text).split())) for kind, role, text in found
    ]


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, "PNG")
    return SimpleUploadedFile("毕业证.png", buffer.getvalue())


def test_a_success_is_a_status_banner_with_its_kind_in_words(
    alice, host_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = host_client("urumqi", alice).post("/library/", {"file": png()}, follow=True)
    html = page.content.decode()
    assert banners(html) == [("success", "status", "✓ 成功 已上传：毕业证.png")]
    assert 'class="banner-close js-only" data-dismiss-banner aria-label="关闭此提示"' in html


def test_an_upload_error_is_an_alert_banner_in_the_reader_s_language(alice, host_client):
    alice.language = "en"
    alice.save(update_fields=["language"])
    page = host_client("urumqi", alice).post(
        "/library/", {"file": SimpleUploadedFile("a.png", b"not a picture")}
    )
    assert page.status_code == 400
    kind, role, text = banners(page.content.decode())[0]
    assert (kind, role) == ("error", "alert")
    assert text.startswith("✕ Error")


def test_every_registration_error_is_listed_in_the_banner_and_linked_to_its_field(host_client):
    page = host_client("public").post(
        "/accounts/register/applicant/",
        {"username": "", "name": "", "id_card_number": "123", "phone": "1", "email": "x"},
    )
    html = page.content.decode()
    assert page.status_code == 400
    summary = html.split('data-testid="form-errors"')[1].split("</ul>")[0]
    for field in ("id_username", "id_name", "id_id_card_number", "id_phone", "id_email"):
        assert f'<a href="#{field}">' in summary, field
    assert "请修改以下内容后再提交：" in summary
    assert "错误" in summary  # the kind, in words, besides the colour
