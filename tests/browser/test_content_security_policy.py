"""The strict CSP breaks nothing a person does (issue 12): an applicant walks the main pages —
public site, login, registration, her region, a new application, 附件库, notifications,
profile — and deletes a draft through the confirmation the page asks for, and chromium reports
no Content-Security-Policy violation on the way."""

import re

import pytest

from core.demo import DEMO_PASSWORD
from tests.browser.test_application_journey import changji  # noqa: F401  (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every violation the browser sees, in every frame, kept on window for the test to read.
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile);
});
"""


@pytest.fixture
def watched(page):
    """The page, and a list of every CSP complaint: the events, and the console's messages."""
    complaints: list[str] = []
    page.add_init_script(COLLECT)
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page, complaints


def _visit(page, complaints: list[str], url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status < 400, url
    page.wait_for_load_state("load")
    complaints.extend(f"{url}: {v}" for v in page.evaluate("window.__csp || []"))


def test_the_main_pages_run_under_the_csp_without_a_violation(
    live_platform,
    watched,
    changji,  # noqa: F811
):
    page, complaints = watched
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://changji.localhost:{port}"
    for path in ["/", "/accounts/login/", "/accounts/register/", "/accounts/register/applicant/"]:
        _visit(page, complaints, live_platform + path)

    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", label="昌吉回族自治州")
    page.fill("input[name=username]", changji["user"].username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(base + "/")

    page.goto(base + f"/applications/new/?unit_q={changji['unit'].short_name}")
    page.select_option("#id_offering", value=str(changji["offering"].pk))
    page.select_option("#id_unit", value=str(changji["unit"].pk))
    page.click("form.form-page button[type=submit]")
    page.wait_for_url(re.compile(r"/applications/RSSQ\d+/$"))
    number = page.url.rstrip("/").rsplit("/", 1)[1]

    for path in [
        "/",
        f"/applications/{number}/",
        "/applications/",
        "/library/",
        "/notifications/",
        "/accounts/profile/",
        "/offerings/",
        "/committees/",
    ]:
        _visit(page, complaints, base + path)

    # 删除 asks first (static/js/site.js, data-confirm): cancelling keeps the draft...
    _visit(page, complaints, base + "/applications/")
    delete = page.locator(f"form[action$='/applications/{number}/delete/'] button")
    page.once("dialog", lambda dialog: dialog.dismiss())
    delete.click()
    page.wait_for_timeout(300)
    assert page.locator(f"form[action$='/applications/{number}/delete/']").count() == 1
    # ...and confirming deletes it.
    page.once("dialog", lambda dialog: dialog.accept())
    delete.click()
    page.wait_for_load_state("load")
    page.wait_for_function(
        f"!document.querySelector(\"form[action$='/applications/{number}/delete/']\")"
    )
    complaints.extend(page.evaluate("window.__csp || []"))
    assert complaints == []
