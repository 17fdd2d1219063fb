"""From formal review to a certificate, in the browser: the committee holds a meeting (votes in,
the rule decides, the meeting closes), publishes the passed list; someone objects on the public
公示 page and the committee dismisses it; the period ends by the scheduled task; the committee
issues a 批文 and the certificate; the applicant finds both in 评审结果查询 and anyone verifies
the certificate on the public site."""

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
from tests.support import complete_unit, demo_account
from workflow.applications import application_create
from workflow.index import index_write
from workflow.models import Application, CommitteeStaff
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save
from workflow.states import Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
REGION, REGION_NAME = "bayingolin", "巴音郭楞蒙古自治州"  # a region no other test uses


@pytest.fixture(scope="module")
def passed(django_db_setup, django_db_blocker):
    """Committed: an application whose formal review passed (an offering without payment)."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name=REGION)
        unit = complete_unit(
            region, f"库尔勒市第一中学{tag}", f"库尔勒一中{tag}", f"B{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        people = {
            "applicant": demo_account(f"result-{tag}", f"阿依古丽{tag}", Role.APPLICANT),
            "committee": demo_account(
                f"result-panel-{tag}", "评委会办公室", Role.COMMITTEE_STAFF, region=region
            ),
        }
        with in_region(REGION):
            committee = committee_save(
                name=f"巴州中小学教师评审委员会{tag}",
                address="库尔勒市",
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
            Application.objects.filter(pk=application.pk).update(
                status=Status.FORMAL_REVIEW_PASSED, submission_count=1
            )
            index_write(Application.objects.get(pk=application.pk))
    return {"people": people, "number": application.number, "tag": tag}


SCHEDULER = (
    "from datetime import timedelta\n"
    "from django.utils import timezone\n"
    "from tenants.crossing import in_region\n"
    "from results.publicity import end_due_here\n"
    f"with in_region('{REGION}'):\n"
    "    print(end_due_here(timezone.localdate() + timedelta(days=30)))"
)


def run_the_scheduled_end() -> str:
    """The scheduled task's work, weeks later, in a process of its own (committed)."""
    env = {**os.environ, "DATABASE_URL": _database_url()}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCHEDULER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def log_in(browser, base: str, user: User):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", label=REGION_NAME)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(base + "/")
    return context, page


def test_from_the_meeting_to_a_verified_certificate(live_platform, browser, passed):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://{REGION}.localhost:{port}"
    people, number, tag = passed["people"], passed["number"], passed["tag"]
    name = people["applicant"].name

    committee_context, committee = log_in(browser, base, people["committee"])
    committee.click("[data-testid=results-link]")
    committee.click("[data-testid=nav-meetings]")
    committee.fill("#place", "库尔勒市人社局会议室")
    committee.fill("#members", "9")
    committee.click("[data-testid=create-meeting]")
    committee.check(f'[data-testid=eligible][value="{number}"]')
    committee.click("[data-testid=add-to-meeting]")
    row = committee.locator(f'[data-testid=entry][data-number="{number}"]')
    row.locator("input[name=present]").fill("8")
    row.locator("input[name=votes_for]").fill("6")
    row.locator("input[name=votes_against]").fill("1")
    row.locator("input[name=abstain]").fill("1")
    row.locator("[data-testid=save-votes]").click()
    assert "通过" in row.locator("[data-testid=result]").inner_text()
    committee.click("[data-testid=close-meeting]")
    assert "结果已锁定" in committee.inner_text("[data-testid=meeting-state]")
    assert row.locator("input").count() == 0  # locked: no more votes

    committee.click("[data-testid=nav-publicity]")
    committee.fill("#title", f"巴州{tag}评审结果公示")
    committee.click("[data-testid=publish]")

    public_context = browser.new_context(locale="zh-CN")
    visitor = public_context.new_page()
    visitor.goto(base + "/publicity/")
    person = visitor.locator("[data-testid=publicity-person]", has_text=name)
    assert "库尔勒市第一中学" in person.inner_text()
    assert number not in visitor.content()
    box = visitor.locator("[data-testid=publicity]", has_text=f"巴州{tag}")
    box.locator("summary").click()
    box.locator("select[name=entry]").select_option(label=f"{name} 库尔勒市第一中学{tag}")
    box.locator("input[name=name]").fill("匿名群众")
    box.locator("input[name=contact]").fill("13900000000")
    box.locator("textarea[name=reason]").fill("学历存疑。")
    box.locator("[data-testid=object]").click()
    assert "异议已提交" in visitor.inner_text(".messages")

    committee.reload()
    objection = committee.locator("[data-testid=objection]", has_text="学历存疑")
    objection.locator("textarea").fill("经核实，学历属实。")
    objection.locator("[data-testid=dismiss]").click()
    assert "不予采纳" in committee.inner_text("[data-testid=handling]")

    assert run_the_scheduled_end() == "1"

    committee.click("[data-testid=nav-approvals]")
    committee.fill("#number", f"新职称字〔2026〕{tag}号")
    committee.fill("#issuing_body", "巴音郭楞蒙古自治州人力资源和社会保障局")
    committee.click("[data-testid=issue-approval]")
    assert name in committee.inner_text("[data-testid=approved]")
    committee.click("[data-testid=nav-certificates]")
    committee.click("[data-testid=issue-certificates]")
    certificate = committee.locator("[data-testid=certificate]").first.get_attribute("data-number")
    assert certificate.startswith("BAYINGOLIN-")

    applicant_context, applicant = log_in(browser, base, people["applicant"])
    applicant.goto(base + "/applications/")
    applicant.click(f'[data-number="{number}"] [data-testid=result-link]')
    assert "已发证书" in applicant.inner_text("[data-testid=status]")
    assert f"新职称字〔2026〕{tag}号" in applicant.inner_text("[data-testid=approval-number]")
    assert certificate in applicant.inner_text("[data-testid=certificate]")
    with applicant_context.expect_event(
        "response", predicate=lambda r: r.url.endswith("/certificate.pdf")
    ) as answered:
        applicant.click("[data-testid=certificate-download]")
    assert answered.value.status == 200
    assert answered.value.headers["content-type"] == "application/pdf"

    visitor.goto(live_platform + "/certificates/verify/")
    visitor.fill("#number", certificate)
    visitor.fill("#name", name)
    visitor.click("[data-testid=verify-certificate]")
    assert visitor.locator("[data-testid=certificate-valid]").is_visible()
    assert f"新职称字〔2026〕{tag}号" in visitor.content()
    for context in (committee_context, public_context, applicant_context):
        context.close()
