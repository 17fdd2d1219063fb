"""A person registers as an applicant in the browser, with an ID-card scan, and logs in."""

import re
import uuid
from datetime import date

import pytest
from PIL import Image

from core.identity.validators import make_id_card_number

# django_db makes pytest-django create the test database even when only these tests run.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_register_as_an_applicant_then_log_in(live_platform, page, tmp_path):
    scan = tmp_path / "身份证.png"
    Image.new("RGB", (640, 400), "white").save(scan)
    username = f"reg-{uuid.uuid4().hex[:8]}"
    number = make_id_card_number("650104", date(1991, 7, 9), int(uuid.uuid4().int % 900) + 1)

    page.goto(live_platform + "/accounts/register/")
    page.click("text=开始申请人注册")
    page.fill("#id_username", username)
    page.fill("#id_password", "Bogda-Feng-5445")
    page.fill("#id_password_again", "Bogda-Feng-5445")
    page.fill("#id_name", "艾尔肯")
    page.fill("#id_id_card_number", number)
    page.fill("#id_phone", "13912345678")
    page.fill("#id_email", "erkin@example.cn")
    page.click("form.form-page button[type=submit]")
    assert page.locator("[data-field=id_card_scan]").inner_text()  # the scan is required

    page.fill("#id_password", "Bogda-Feng-5445")
    page.fill("#id_password_again", "Bogda-Feng-5445")
    page.set_input_files("#id_id_card_scan", str(scan))
    page.click("form.form-page button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/login/$"))
    assert "注册成功" in page.content()

    page.select_option("select[name=region]", label="哈密市")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "Bogda-Feng-5445")
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(re.compile(r"^http://hami\.localhost:\d+/$"))
    assert page.text_content("[data-testid=user-name]") == "艾尔肯"
