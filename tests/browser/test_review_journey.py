"""The manual's story, in the browser: the applicant submits; the unit comments on 基本信息
(单位性质选择错误) and returns; the applicant sees the comment, fixes it and resubmits; the unit
recommends, the authority forwards, the committee passes formal review; the applicant sees
通过形式审核."""

import io
import re
import uuid
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from core.catalog.forms import form_current
from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.files.blobs import blob_store
from core.identity.validators import make_id_card_number
from core.models import Authority, Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.support import complete_unit, demo_account
from workflow.applications import application_create, attachment_add
from workflow.models import CommitteeStaff
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def story(django_db_setup, django_db_blocker):
    """Committed: a complete application in 博尔塔拉, ready to submit, and its reviewers."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name="bortala")
        authority = Authority.objects.create(
            region=region, name=f"博州教育局{tag}", contact_name="马", contact_phone="0909-1"
        )
        unit = complete_unit(
            region, f"博乐市第一小学{tag}", f"博乐一小{tag}", f"E{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        unit.recommending_units.add(authority)
        people = {
            "applicant": demo_account(
                f"teacher-{tag}",
                "古丽",
                Role.APPLICANT,
                # 基本信息 takes name and ID number from the verified account
                id_card_number=make_id_card_number("652701", date(1991, 4, 2), int(tag, 16) % 998),
            ),
            "unit": demo_account(f"school-{tag}", "博乐一小管理员", Role.UNIT_ADMIN, unit=unit),
            "authority": demo_account(
                f"bureau-{tag}",
                "教育局审核员",
                Role.AUTHORITY_REVIEWER,
                region=region,
                authority=authority,
            ),
            "committee": demo_account(
                f"panel-{tag}", "评委会办公室", Role.COMMITTEE_STAFF, region=region
            ),
        }
        scans = []
        for index in range(3):
            buffer = io.BytesIO()
            Image.new("RGB", (100, 80), (index * 60, 180, 20)).save(buffer, "PNG")
            upload = SimpleUploadedFile(f"证明{index}.png", buffer.getvalue(), "image/png")
            scans.append(
                blob_store(
                    owner=people["applicant"], upload=upload, region_code="bortala"
                ).blob.sha256
            )
        with in_region("bortala"):
            committee = committee_save(
                name=f"博州中小学教师评审委员会{tag}",
                address="博乐市",
                contacts=[],
                reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
            )
            CommitteeStaff.objects.create(committee=committee, user=people["committee"])
            now = timezone.now()
            offering = offering_save(
                committee=committee,
                qualification=Qualification.objects.get(code="school-teacher-music-intermediate"),
                year=timezone.localdate().year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=9),
                flow_nodes=DEFAULT_FLOW,
            )
            application = application_create(
                applicant=people["applicant"], offering=offering, unit=unit
            )
            for section in form_current("teacher").sections:
                if section.get("filled_by") != "applicant":
                    continue
                application.sections.create(key=section["key"], data=sample(section["schema"]))
                for blob in scans[: section["schema"].get("x-min-attachments", 0)]:
                    attachment_add(
                        application=application,
                        section=section["key"],
                        sha256=blob,
                        user=people["applicant"],
                    )
    return {"people": people, "number": application.number}


def log_in(browser, base: str, user: User):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", label="博尔塔拉蒙古自治州")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(base + "/")
    return context, page


def test_the_manual_s_review_story(live_platform, browser, story):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://bortala.localhost:{port}"
    people, number = story["people"], story["number"]

    applicant_context, applicant = log_in(browser, base, people["applicant"])
    applicant.goto(f"{base}/applications/{number}/")
    applicant.click("[data-testid=submit]")
    applicant.wait_for_url(base + "/applications/")
    assert (
        applicant.locator(f'[data-number="{number}"] [data-testid=status]').inner_text() == "审核中"
    )

    unit_context, unit = log_in(browser, base, people["unit"])
    unit.goto(base + "/review/")
    unit.click(f'tr[data-number="{number}"] a.button')
    unit.click("text=基本信息")
    unit.fill("[data-testid=comment-text]", "单位性质选择错误")
    unit.click("[data-testid=save-comment]")
    unit.fill("[data-testid=return-opinion]", "请按栏目意见修改后重新提交")
    unit.click("[data-testid=return]")
    unit.wait_for_url(base + "/review/")

    applicant.goto(f"{base}/applications/{number}/?section=basic")
    comment = applicant.locator("[data-testid=section-comment]")
    assert "单位性质选择错误" in comment.inner_text()
    assert comment.evaluate("e => getComputedStyle(e).color") == "rgb(179, 38, 30)"
    applicant.select_option('[name="f.unit_nature"]', index=2)
    applicant.click("[data-testid=save-section]")
    applicant.goto(f"{base}/applications/{number}/")
    applicant.click("[data-testid=submit]")
    applicant.wait_for_url(base + "/applications/")

    unit.goto(f"{base}/review/{number}/?section=unit_recommendation")
    unit.fill("#rp", "如则麦")
    unit.fill("#rm", "15999370000")
    unit.fill("#ro", "该同志师德高尚，教学成绩突出，同意推荐。")
    assert unit.inner_text("#ro-left") == str(
        1000 - len("该同志师德高尚，教学成绩突出，同意推荐。")
    )
    unit.click("[data-testid=recommend]")
    unit.wait_for_url(base + "/review/")

    authority_context, authority = log_in(browser, base, people["authority"])
    authority.goto(base + "/review/")
    authority.click(f'tr[data-number="{number}"] a.button')
    authority.click("[data-testid=forward]")
    authority.wait_for_url(base + "/review/")

    committee_context, committee = log_in(browser, base, people["committee"])
    committee.goto(base + "/review/")
    committee.click(f'tr[data-number="{number}"] a.button')
    committee.click("[data-testid=pass]")
    committee.wait_for_url(base + "/review/")

    applicant.goto(base + "/applications/")
    assert (
        applicant.locator(f'[data-number="{number}"] [data-testid=status]').inner_text()
        == "通过形式审核"
    )
    assert re.search(r"通过形式审核", applicant.content())
    for context in (applicant_context, unit_context, authority_context, committee_context):
        context.close()
