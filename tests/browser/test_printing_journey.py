"""Printing in the browser: the applicant opens 评审表打印预览 and 职称材料袋基本信息打印预览 from
我的申请书; the committee opens them from its review page, then merges every official form of
the offering in the background, watches the progress bar and downloads the merged PDF."""

import os
import subprocess
import sys
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.models import Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.browser.conftest import ROOT, _database_url
from tests.core.test_catalog_data import sample
from tests.support import complete_unit, demo_account
from workflow.applications import application_create
from workflow.models import Application, CommitteeStaff
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save
from workflow.states import Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
REGION, REGION_NAME = "tacheng", "塔城地区"  # a region no other test uses


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker):
    """Committed: an application in 塔城地区 past formal review, its applicant and committee."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name=REGION)
        unit = complete_unit(
            region, f"塔城市第一中学{tag}", f"塔城一中{tag}", f"H{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        people = {
            "applicant": demo_account(f"print-{tag}", "热依拉", Role.APPLICANT),
            "committee": demo_account(
                f"print-panel-{tag}", "评委会办公室", Role.COMMITTEE_STAFF, region=region
            ),
        }
        with in_region(REGION):
            committee = committee_save(
                name=f"塔城地区中小学教师评审委员会{tag}",
                address="塔城市",
                contacts=[],
                reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
            )
            CommitteeStaff.objects.create(committee=committee, user=people["committee"])
            now = timezone.now()
            offering = offering_save(
                committee=committee,
                qualification=Qualification.objects.get(code="school-teacher-math-intermediate"),
                year=timezone.localdate().year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=9),
                flow_nodes=DEFAULT_FLOW,
            )
            application = application_create(
                applicant=people["applicant"], offering=offering, unit=unit
            )
            for section in application.form.sections:
                application.sections.create(key=section["key"], data=sample(section["schema"]))
            Application.objects.filter(pk=application.pk).update(
                status=Status.FORMAL_REVIEW_PASSED, submission_count=1
            )
    return {"people": people, "number": application.number, "offering": offering.pk}


WORKER = (
    "from tests.tenants.test_queue import _run_queued_tasks_like_a_worker as run\n"
    "results = run()\n"
    "print(len(results), all(r['success'] for r in results))"
)


def run_the_worker() -> str:
    """Run what the server queued, as a worker process would: in a process of its own, so
    that what the tasks write is committed for the server to see."""
    env = {**os.environ, "DATABASE_URL": _database_url()}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", WORKER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def log_in(browser, base: str, user: User):
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", label=REGION_NAME)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(base + "/")
    return context, page


FETCH = """async url => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return {
    head: String.fromCharCode(...bytes.slice(0, 5)),
    sha256: Array.from(digest, b => b.toString(16).padStart(2, "0")).join(""),
  };
}"""


def open_preview(context, page, selector: str, document: str) -> dict:
    """Click a preview link: it opens a new tab, which chromium shows in its own PDF viewer;
    the first bytes and the hash of the PDF, fetched again by the page with its session."""
    with context.expect_event(
        "response", predicate=lambda r: r.url.endswith(f"/{document}.pdf")
    ) as answered:
        page.click(selector)
    response = answered.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    return page.evaluate(FETCH, response.url)


def test_previews_and_a_committee_s_merged_pdf(live_platform, browser, printed):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://{REGION}.localhost:{port}"
    people, number = printed["people"], printed["number"]

    applicant_context, applicant = log_in(browser, base, people["applicant"])
    applicant.goto(base + "/applications/")
    card = f'[data-number="{number}"]'
    form = open_preview(
        applicant_context, applicant, f"{card} [data-testid=print-review-form]", "review-form"
    )
    bag = open_preview(
        applicant_context, applicant, f"{card} [data-testid=print-material-bag]", "material-bag"
    )
    assert form["head"] == bag["head"] == "%PDF-"

    committee_context, committee = log_in(browser, base, people["committee"])
    committee.goto(f"{base}/review/{number}/")
    again = open_preview(
        committee_context, committee, "[data-testid=print-review-form]", "review-form"
    )
    assert again == form, "the same content is the same stored file"

    committee.click("text=批量打印评审表")
    committee.click(f'tr[data-offering="{printed["offering"]}"] [data-testid=start-batch]')
    committee.wait_for_selector("[data-testid=batch-progress][data-status=queued]")
    assert run_the_worker().endswith(" True")  # (other journeys may have queued theirs too)
    committee.wait_for_selector("[data-testid=batch-download]")  # the bar polled and finished
    with committee.expect_download() as downloaded:
        committee.click("[data-testid=batch-download]")
    assert downloaded.value.suggested_filename.endswith(".pdf")
    for context in (applicant_context, committee_context):
        context.close()
