"""The manual's most common mistake, in the browser: a teacher of a Kashgar school applied in
自治区; 更改资格 moves the application to 喀什地区 — the 属地化 advice shown, the offering
picked, the preview of what carries over, confirm — and she lands on Kashgar's host, where her
sections and files are; 自治区's host answers 404 for the number; she submits and the Kashgar
unit finds it in its queue."""

import io
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
from core.identity.validators import make_credit_code, make_id_card_number
from core.models import Authority, Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.support import complete_unit, demo_account
from workflow.applications import application_create, attachment_add
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

QUALIFICATION = "school-teacher-physics-intermediate"


def _offering(code: str, tag: str):
    with in_region(code):
        committee = committee_save(
            name=f"{code}中小学教师评审委员会（更改资格）{tag}",
            address="人民路",
            contacts=[],
            reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
        )
        now = timezone.now()
        return offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code=QUALIFICATION),
            year=timezone.localdate().year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=9),
            flow_nodes=DEFAULT_FLOW,
        )


@pytest.fixture(scope="module")
def story(django_db_setup, django_db_blocker):
    """Committed: a Kashgar school, its admin, and its teacher's complete application in xj."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        kashgar = Region.objects.get(schema_name="kashgar")
        authority = Authority.objects.create(
            region=kashgar, name=f"喀什地区教育局{tag}", contact_name="买", contact_phone="0998-1"
        )
        unit = complete_unit(
            kashgar,
            f"喀什市第一中学{tag}",
            f"喀什一中{tag}",
            f"K{int(tag, 16) % 10**7:07d}",
            credit_code=make_credit_code("1", "2", "653101", f"K{int(tag, 16) % 10**7:07d}"),
        )
        unit.save()
        unit.recommending_units.add(authority)
        teacher = demo_account(
            f"kteacher-{tag}",
            "阿依努尔",
            Role.APPLICANT,
            id_card_number=make_id_card_number("653101", date(1990, 3, 8), int(tag, 16) % 998),
        )
        admin = demo_account(f"kschool-{tag}", "喀什一中管理员", Role.UNIT_ADMIN, unit=unit)
        scans = []
        for index in range(3):
            buffer = io.BytesIO()
            Image.new("RGB", (90, 70), (20, index * 70, 200)).save(buffer, "PNG")
            upload = SimpleUploadedFile(f"证书{index}.png", buffer.getvalue(), "image/png")
            scans.append(blob_store(owner=teacher, upload=upload, region_code="xj").blob.sha256)
        wrong = _offering("xj", tag)
        right = _offering("kashgar", tag)
        with in_region("xj"):
            application = application_create(applicant=teacher, offering=wrong, unit=unit)
            for section in form_current("teacher").sections:
                if section.get("filled_by") != "applicant":
                    continue
                application.sections.create(key=section["key"], data=sample(section["schema"]))
                for blob in scans[: max(section["schema"].get("x-min-attachments", 0), 1)]:
                    attachment_add(
                        application=application,
                        section=section["key"],
                        sha256=blob,
                        user=teacher,
                    )
    return {
        "teacher": teacher,
        "admin": admin,
        "number": application.number,
        "right": right,
        "files": len(scans),
    }


def log_in(browser, base: str, user: User, region: str):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base + "/accounts/login/")
    page.select_option("select[name=region]", value=region)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url("**/")
    return context, page


def test_a_kashgar_teacher_who_picked_the_autonomous_region_moves_to_kashgar(
    live_platform, browser, story
):
    port = live_platform.rsplit(":", 1)[1]
    xj, kashgar = f"http://xj.localhost:{port}", f"http://kashgar.localhost:{port}"
    number = story["number"]

    context, teacher = log_in(browser, live_platform, story["teacher"], "xj")
    teacher.goto(f"{xj}/applications/")
    teacher.click(f'[data-number="{number}"] [data-testid=requalify]')
    # Step 1: the region, with the 属地化 advice for her unit.
    assert "喀什地区" in teacher.inner_text("[data-testid=here-advice]")
    teacher.select_option("#region", value="kashgar")
    teacher.click("[data-testid=step-region] button[type=submit]")
    # Step 2: the open offering and its committee in Kashgar.
    teacher.check(f"#offering-{story['right'].pk}")
    teacher.click("[data-testid=step-offering] button[type=submit]")
    # Step 3: what carries over (same series: everything), then confirm.
    carried = teacher.inner_text("[data-testid=carried]")
    assert "基本信息" in carried
    assert teacher.inner_text("[data-testid=set-aside]").strip() == "无"
    teacher.click("[data-testid=confirm]")
    teacher.wait_for_url(f"{kashgar}/applications/")
    card = teacher.locator(f'[data-number="{number}"]')
    assert "喀什地区" in card.inner_text()
    # Her sections and files came along.
    teacher.goto(f"{kashgar}/applications/{number}/?section=education")
    assert teacher.locator(".attachments li a").count() >= 1
    # The old host answers 404 for the number.
    assert teacher.goto(f"{xj}/applications/{number}/").status == 404
    # She submits in Kashgar; the Kashgar school's admin finds it waiting.
    teacher.goto(f"{kashgar}/applications/{number}/")
    teacher.click("[data-testid=submit]")
    teacher.wait_for_url(f"{kashgar}/applications/")
    status = teacher.locator(f'[data-number="{number}"] [data-testid=status]').inner_text()
    assert status == "审核中"

    unit_context, unit = log_in(browser, live_platform, story["admin"], "kashgar")
    unit.goto(f"{kashgar}/review/")
    assert unit.locator(f'tr[data-number="{number}"]').count() == 1
    for each in (context, unit_context):
        each.close()
