"""Finding one's way on a phone (issue 19): 努尔古丽 opens her application at 390 px wide. The
breadcrumbs and the step indicator show, wrap instead of widening the page, and run right to
left in Uyghur; a banner is closed from the keyboard alone (Tab to its button, Enter or
Escape), and the focus lands on the page's main part."""

import re
import uuid

import pytest

from core.catalog.sync import catalog_sync
from core.models import Authority, Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.browser.test_screens import PHONE, SHOTS, SIDEWAYS, _url
from tests.support import complete_unit, demo_account
from tests.workflow.conftest import open_offering
from workflow.applications import application_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
REGION = "altay"  # a region no other browser test uses


@pytest.fixture(scope="module")
def nurgul(django_db_setup, django_db_blocker):
    """Committed: an applicant of 阿勒泰 with a draft application."""
    with django_db_blocker.unblock():
        catalog_sync()
        tag = uuid.uuid4().hex[:6]
        region = Region.objects.get(schema_name=REGION)
        unit = complete_unit(
            region, f"阿勒泰市第{tag}中学", f"阿市{tag}", f"L{int(tag, 16):07d}"[:8]
        )
        unit.save()
        unit.recommending_units.add(Authority.objects.create(region=region, name=f"教育局{tag}"))
        user = demo_account(f"way-{tag}", "努尔古丽", Role.APPLICANT)
        offering = open_offering(REGION, committee_name=f"阿勒泰中小学教师评审委员会{tag}")
        with in_region(REGION):
            number = application_create(applicant=user, offering=offering, unit=unit).number
    return user, number


def log_in(browser, base: str, user, language: str):
    locale = {"zh-hans": "zh-CN", "ug": "ug-CN"}[language]
    context = browser.new_context(locale=locale, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", value=REGION)  # names follow the language
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "Demo-Pass-2026")
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(_url(base, REGION, "/"))
    return context, page


@pytest.mark.parametrize("language", ["zh-hans", "ug"])
def test_breadcrumbs_and_steps_fit_a_phone_and_follow_the_reading_direction(
    nurgul, live_platform, browser, language
):
    user, number = nurgul
    context, page = log_in(browser, live_platform, user, language)
    page.goto(_url(live_platform, REGION, f"/applications/{number}/"))
    section = page.locator(".sections a").nth(2)
    section_title = section.inner_text()
    section.click()
    page.wait_for_url(re.compile(r"section="))

    crumbs = page.locator("nav.breadcrumbs ol > li")
    assert crumbs.count() == 4
    assert crumbs.nth(2).inner_text().strip().endswith(number)
    assert page.locator('nav.breadcrumbs [aria-current="page"]').inner_text() == section_title
    steps = page.locator('[data-testid="journey"] > li')
    assert steps.count() >= 9  # 栏目, 提交, three nodes, 会议评审, 公示, 批文, 证书
    assert page.locator('[data-testid="journey"] [aria-current="step"]').count() == 1
    assert page.evaluate(SIDEWAYS) == 0
    for box in (
        page.locator("nav.breadcrumbs").bounding_box(),
        page.locator('[data-testid="journey"]').bounding_box(),
    ):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # The steps wrap onto several rows rather than running off the screen.
    tops = {round(steps.nth(i).bounding_box()["y"]) for i in range(steps.count())}
    assert len(tops) > 1
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"editor-{language}-390.png"), full_page=True)
    first, second = steps.nth(0).bounding_box(), steps.nth(1).bounding_box()
    if language == "ug":
        assert page.get_attribute("html", "dir") == "rtl"
        assert first["x"] > second["x"]  # right to left
    else:
        assert first["x"] < second["x"]
    context.close()


def test_a_banner_is_closed_from_the_keyboard(nurgul, live_platform, browser, tmp_path):
    user, _number = nurgul
    context, page = log_in(browser, live_platform, user, "zh-hans")
    page.goto(_url(live_platform, REGION, "/library/"))
    not_a_picture = tmp_path / "scan.png"
    not_a_picture.write_bytes(b"this is no picture")
    page.set_input_files("input[type=file]", str(not_a_picture))
    page.click("form.upload-form button[type=submit]")
    banner = page.locator("[data-banner]")
    assert banner.count() == 1
    page.screenshot(path=str(SHOTS / "banner-zh-hans-390.png"))
    assert banner.get_attribute("role") == "alert"

    page.locator("nav.breadcrumbs a").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-dismiss-banner')")
    page.keyboard.press("Enter")
    assert page.locator("[data-banner]").count() == 0
    assert page.evaluate("document.activeElement.tagName") == "MAIN"

    # Escape inside a banner closes it too.
    page.set_input_files("input[type=file]", str(not_a_picture))
    page.click("form.upload-form button[type=submit]")
    page.locator("[data-dismiss-banner]").focus()
    page.keyboard.press("Escape")
    assert page.locator("[data-banner]").count() == 0
    context.close()
