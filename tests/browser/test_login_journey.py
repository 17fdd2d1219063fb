"""A person logs in on the public site, picks 乌鲁木齐市 and lands there logged in."""

import re

import pytest

from core.demo import DEMO_PASSWORD

# django_db makes pytest-django create the test database even when only these tests run.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_choose_urumqi_at_login_and_land_there_logged_in(live_platform, page, committed_applicant):
    port = live_platform.rsplit(":", 1)[1]
    page.goto(live_platform + "/")

    page.select_option("select[name=region]", label="乌鲁木齐市")
    page.fill("input[name=username]", committed_applicant.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")

    page.wait_for_url(re.compile(rf"^http://urumqi\.localhost:{port}/$"))
    assert page.text_content("[data-testid=user-name]") == "古丽娜尔"
    assert page.text_content("[data-testid=current-region]") == "乌鲁木齐市"

    page.select_option("#switch-to", label="喀什地区")  # choosing is going there
    page.wait_for_url(re.compile(rf"^http://kashgar\.localhost:{port}/$"))
    assert page.text_content("[data-testid=user-name]") == "古丽娜尔"
