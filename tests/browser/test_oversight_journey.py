"""The central office in the browser: from this year's dashboard it clicks the count of
applications in review in 吐鲁番市, finds exactly those in the list (ID numbers masked), exports
the list as CSV, watches the export finish in the background and downloads it."""

import csv
import io
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.identity.validators import make_id_card_number, mask_id_card_number
from core.models import ApplicationIndex, OrgKind, Qualification, Role
from tenants.models import Region
from tests.browser.test_printing_journey import run_the_worker
from tests.support import complete_unit, demo_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
REGION, REGION_NAME = "turpan", "吐鲁番市"  # a region no other browser test uses


@pytest.fixture(scope="module")
def overseen(django_db_setup, django_db_blocker):
    """Committed: three applications in review in 吐鲁番市 and one draft, and the office."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name=REGION)
        unit = complete_unit(
            region, f"吐鲁番市第一中学{tag}", f"吐鲁番一中{tag}", f"B{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        qualification = Qualification.objects.select_related("specialty").get(
            code="school-teacher-chinese-intermediate"
        )
        now = timezone.now()
        numbers = {}
        for n, status in enumerate(["in_review", "in_review", "in_review", "draft"]):
            person = demo_account(
                f"ov-{tag}-{n}",
                f"吐鲁番申请人{n}",
                Role.APPLICANT,
                id_card_number=make_id_card_number(
                    "650402",
                    timezone.localdate() - timedelta(days=12000 + int(tag, 16) % 999 + n),
                    5,
                ),
            )
            row = ApplicationIndex.objects.create(
                number=f"RSSQ6{int(tag, 16) % 10**6:06d}{n}",
                region=region,
                applicant=person,
                applicant_name=person.name,
                unit=unit,
                qualification=qualification,
                series_id=qualification.specialty.series_id,
                level=qualification.level,
                year=now.year,
                committee_name="吐鲁番市评审委员会",
                status=status,
                node_index=0 if status == "in_review" else None,
                node_kind="base_unit" if status == "in_review" else "",
                waiting_org_kind=OrgKind.UNIT if status == "in_review" else "",
                waiting_org_id=unit.pk if status == "in_review" else None,
                closes_at=now,
                updated_at=now,
                submitted_at=now if status == "in_review" else None,
                waiting_since=now - timedelta(days=n + 1),
            )
            numbers[row.number] = person.id_card_number
        central = demo_account(f"ov-central-{tag}", "自治区职称办", Role.CENTRAL_OFFICE)
        # Committed rows outlive a run on a kept database: the list holds every one of them.
        waiting = set(
            ApplicationIndex.objects.filter(
                region=region, year=now.year, status="in_review"
            ).values_list("number", flat=True)
        )
    return {"central": central, "numbers": numbers, "waiting": waiting}


def test_the_dashboard_drills_down_to_a_list_that_exports(live_platform, browser, overseen):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://{REGION}.localhost:{port}"
    context = browser.new_context(locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", label=REGION_NAME)
    page.fill("input[name=username]", overseen["central"].username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(base + "/")

    page.click("[data-testid=central-dashboard-link]")
    cell = page.locator(
        f'[data-testid=by-region] tr[data-region="{REGION}"] td[data-status=in_review] a'
    )
    assert cell.inner_text() == str(len(overseen["waiting"]))
    assert page.locator("[data-testid=chart] svg a").count() > 0  # the charts link too
    cell.click()
    rows = page.locator("[data-testid=applications] tbody tr[data-number]")
    rows.first.wait_for()
    in_review = {n: i for n, i in overseen["numbers"].items() if not n.endswith("3")}
    listed = {rows.nth(i).get_attribute("data-number") for i in range(rows.count())}
    assert listed == overseen["waiting"] and set(in_review) <= listed
    table = page.locator("[data-testid=applications]").inner_text()
    for id_number in overseen["numbers"].values():
        assert id_number not in table
    assert mask_id_card_number(next(iter(in_review.values()))) in table

    page.click("[data-testid=export-csv]")
    page.wait_for_selector("[data-testid=export-progress][data-status=queued]")
    assert run_the_worker().endswith(" True")
    page.wait_for_selector("[data-testid=export-download]")  # the page polled and finished
    with page.expect_download() as downloaded:
        page.click("[data-testid=export-download]")
    text = downloaded.value.path().read_text(encoding="utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert {line[0] for line in lines[1:]} == overseen["waiting"]
    assert all("*" in line[3] for line in lines[1:])
    context.close()
