"""Every role's main pages on a 390 px phone and a 1280 px desktop, in Chinese, English and
Uyghur (right to left): nothing makes the page scroll sideways, the desktop header is one row
(80 px at most), axe-core finds no serious or critical WCAG 2.1 A/AA violation, and on the
phone the header folds into a menu that opens. Screenshots land in test-artifacts/."""

import re
import uuid
from pathlib import Path

import pytest

from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.models import Authority, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import complete_unit, demo_account
from tests.workflow.conftest import open_offering
from workflow.applications import application_create
from workflow.models import CommitteeStaff

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
REGION = "bortala"  # 博尔塔拉蒙古自治州, a region no other test uses
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
LANGUAGES = ("zh-hans", "en", "ug")


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    """Committed: one person of each role in 博尔塔拉, and a draft application to open."""
    with django_db_blocker.unblock():
        catalog_sync()
        tag = uuid.uuid4().hex[:6]
        region = Region.objects.get(schema_name=REGION)
        unit = complete_unit(region, f"博乐市第{tag}中学", f"博乐{tag}", f"B{int(tag, 16):07d}"[:8])
        unit.save()
        unit.recommending_units.add(
            Authority.objects.create(region=region, name=f"博州教育局{tag}")
        )
        people = {
            "applicant": demo_account(f"scr-a-{tag}", "努尔古丽·阿不都热合曼", Role.APPLICANT),
            "unit": demo_account(f"scr-u-{tag}", "单位管理员", Role.UNIT_ADMIN, unit=unit),
            "committee": demo_account(
                f"scr-c-{tag}", "评委会办公室", Role.COMMITTEE_STAFF, region=region
            ),
            "admin": demo_account(f"scr-r-{tag}", "地区管理员", Role.REGION_ADMIN, region=region),
            "central": demo_account(f"scr-x-{tag}", "自治区职称办", Role.CENTRAL_OFFICE),
        }
        offering = open_offering(REGION, committee_name=f"博州中小学教师评审委员会{tag}")
        # What people typed stays as typed; a committee nobody translated reads in Chinese.
        # (Earlier runs' committees and authorities, kept by --reuse-db, differ in the tag.)
        cast_names = [
            *(person.name for person in people.values()),
            unit.name,
            unit.short_name,
            "博乐市第",
            "博州教育局",
            "博州中小学教师评审委员会",
            "人民路1号",
            "阿不都",
        ]
        with in_region(REGION):
            CommitteeStaff.objects.create(committee=offering.committee, user=people["committee"])
            number = application_create(
                applicant=people["applicant"], offering=offering, unit=unit
            ).number
    return people, number, cast_names


# Chinese characters in a page's main content.
CJK = re.compile(r"[\u3400-\u9fff]+")


# The main content without what is marked as Chinese (quoted policy texts, lang="zh-Hans").
MAIN_TEXT = """() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("[lang^=zh]").forEach(element => element.remove());
  return main.textContent;
}"""


def untranslated_text(page, names: list[str]) -> list[str]:
    """Runs of Chinese left in the main content once people's, units' and other typed names
    are taken out: an English page's frame and data are English."""
    text = page.evaluate(MAIN_TEXT)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return CJK.findall(text)


def main_pages(number: str) -> dict[str, list[tuple[str, str]]]:
    """(host, path) of each role's main pages; host "" is the public site."""
    return {
        "anonymous": [
            ("", "/"),
            ("", "/accounts/login/"),
            ("", "/accounts/register/applicant/"),
            (REGION, "/"),
            (REGION, "/offerings/"),
        ],
        "applicant": [
            (REGION, "/applications/"),
            (REGION, f"/applications/{number}/"),
            (REGION, "/applications/new/"),
            (REGION, "/library/"),
            (REGION, "/notifications/"),
            (REGION, "/accounts/profile/"),
        ],
        "unit": [(REGION, "/review/"), (REGION, "/my-unit/")],
        "committee": [(REGION, "/review/"), (REGION, "/review/all/")],
        "admin": [(REGION, "/region-admin/"), (REGION, "/setup/")],
        "central": [(REGION, "/central/catalog/"), (REGION, "/central/forms/")],
    }


def _url(base: str, host: str, path: str) -> str:
    return base.replace("//localhost", f"//{host}.localhost") + path if host else base + path


def _log_in(browser, base: str, user: User | None, language: str):
    locale = {"zh-hans": "zh-CN", "en": "en-US", "ug": "ug-CN"}[language]
    # bypass_csp: the test injects axe-core, which the pages' policy rightly refuses.
    context = browser.new_context(locale=locale, viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    if user is not None:
        page.goto(base + "/accounts/login/")
        # By code: the selector names regions in the reader's language.
        page.select_option("select[name=region]", value=REGION)
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("form.login-form button[type=submit]")
        page.wait_for_url(_url(base, REGION, "/"))
    return context, page


SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  });
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "));
}"""


def axe_violations(page) -> list[str]:
    """WCAG 2.1 A/AA violations axe-core rates serious or critical on the page shown."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_main_page_scrolls_sideways_on_a_phone_or_a_desktop(
    cast, live_platform, browser, language
):
    people, number, names = cast
    SHOTS.mkdir(parents=True, exist_ok=True)
    overflowing, two_row_headers, inaccessible, chinese = [], [], [], []
    for role, pages in main_pages(number).items():
        context, page = _log_in(browser, live_platform, people.get(role), language)
        for host, path in pages:
            for size in (PHONE, DESKTOP):
                page.set_viewport_size(size)
                response = page.goto(_url(live_platform, host, path))
                assert response.status == 200, (role, path, response.status)
                assert page.get_attribute("html", "lang") == language
                if (
                    language == "en"
                    and size == DESKTOP
                    and (runs := untranslated_text(page, names))
                ):
                    chinese.append((role, host, path, runs[:5]))
                if page.evaluate(SIDEWAYS) > 0:
                    overflowing.append((role, host, path, size["width"], page.evaluate(SIDEWAYS)))
                if size == PHONE:
                    inaccessible += [(role, host, path, v) for v in axe_violations(page)]
                if (
                    size == DESKTOP
                    and page.locator("header.site-header").bounding_box()["height"] > 80
                ):
                    two_row_headers.append((role, host, path))
                name = f"{language}-{role}-{host or 'public'}{path}".replace("/", "_")
                page.screenshot(
                    path=str(SHOTS / f"{name}-{size['width']}.png"), full_page=size == PHONE
                )
        context.close()
    assert overflowing == []
    assert two_row_headers == []
    assert inaccessible == [], "\n".join(map(str, inaccessible))
    assert chinese == [], "\n".join(map(str, chinese))


def test_the_desktop_header_is_one_row_and_the_phone_header_folds_into_a_menu(
    cast, live_platform, browser
):
    people, _number, _names = cast
    context, page = _log_in(browser, live_platform, people["applicant"], "zh-hans")
    page.goto(_url(live_platform, REGION, "/applications/"))
    header = page.locator("header.site-header")
    brand_height = page.locator(".brand").bounding_box()["height"]
    assert page.locator("[data-testid=menu-button]").is_hidden()
    # The applicant's header reaches the attachment library and the calls for applications.
    page.locator("header").get_by_role("link", name="附件库").click()
    page.wait_for_url(_url(live_platform, REGION, "/library/"))
    page.locator("header").get_by_role("link", name="申报项目").click()
    page.wait_for_url(_url(live_platform, REGION, "/offerings/"))
    page.goto(_url(live_platform, REGION, "/applications/"))

    page.set_viewport_size(PHONE)
    menu = page.locator("[data-testid=menu-button]")
    assert menu.is_visible()
    assert page.locator("#site-menu").is_hidden()
    assert header.bounding_box()["height"] < 4 * brand_height  # no one-character lines
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    page.get_by_role("link", name="我的申请书").click()
    page.wait_for_url(_url(live_platform, REGION, "/applications/"))

    # Changing the language selector switches at once: no separate button to find.
    page.set_viewport_size(DESKTOP)
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.get_attribute("html", "lang") == "en"
    context.close()
