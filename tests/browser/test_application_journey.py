"""A person writes an application in the browser: picks the offering and unit, fills every
section, uploads scans, submits to the unit, and withdraws it again."""

import re
import uuid
from datetime import date, timedelta

import pytest
from django.utils import timezone
from PIL import Image

from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.identity.validators import make_id_card_number
from core.models import Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.support import complete_unit
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def changji(django_db_setup, django_db_blocker):
    """A committed offering in 昌吉回族自治州, a unit there, and an applicant."""
    tag = uuid.uuid4().hex[:6]
    with django_db_blocker.unblock():
        catalog_sync()
        region = Region.objects.get(schema_name="changji")
        unit = complete_unit(
            region, f"昌吉州实验小学{tag}", f"昌吉实小{tag}", f"B{int(tag, 16) % 10**7:07d}"
        )
        unit.save()
        user = User(
            username=f"writer-{tag}",
            name="努尔兰",
            role=Role.APPLICANT,
            id_card_number=make_id_card_number("652301", date(1990, 3, 1), int(tag, 16) % 1000),
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        with in_region("changji"):
            committee = committee_save(
                name=f"昌吉州教师评审委员会{tag}",
                address="昌吉市",
                contacts=[],
                reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
            )
            now = timezone.now()
            offering = offering_save(
                committee=committee,
                qualification=Qualification.objects.get(code="school-teacher-physics-intermediate"),
                year=timezone.localdate().year,
                opens_at=now - timedelta(days=1),
                closes_at=now + timedelta(days=9),
                flow_nodes=DEFAULT_FLOW,
            )
    return {"unit": unit, "user": user, "offering": offering}


def flatten(value, prefix="f"):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{prefix}.{key}")
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for index, item in enumerate(value):
            yield from flatten(item, f"{prefix}.{index}")
    else:
        yield prefix, value


def fill(page, name, value) -> bool:
    if isinstance(value, list):  # checkboxes of an enum list
        for item in value:
            page.check(f'input[name="{name}"][value="{item}"]')
        return True
    locator = page.locator(f'[name="{name}"]')
    if locator.count() == 0:
        return False
    text = "true" if value is True else "false" if value is False else str(value)
    if locator.first.evaluate("e => e.tagName") == "SELECT":
        locator.first.select_option(value=text)
    else:
        locator.first.fill(text)
    return True


def test_write_submit_and_withdraw_an_application(live_platform, page, changji, tmp_path):
    port = live_platform.rsplit(":", 1)[1]
    base = f"http://changji.localhost:{port}"
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

    scans = []
    for index in range(3):
        path = tmp_path / f"扫描件{index}.png"
        Image.new("RGB", (120, 90), (index * 70, 100, 150)).save(path)
        scans.append(str(path))

    from core.catalog.forms import form_current

    for section in form_current("teacher").sections:
        if section.get("filled_by") != "applicant":
            continue
        page.goto(f"{base}/applications/{number}/?section={section['key']}")
        schema = section["schema"]
        typed = {  # the page shows what the account fills in; there is nothing to type
            name: value
            for name, value in sample(schema).items()
            if not schema["properties"][name].get("readOnly")
        }
        pending = list(flatten(typed))
        for _attempt in range(4):
            pending = [(n, v) for n, v in pending if not fill(page, n, v)]
            page.click("[data-testid=save-section]")
            page.wait_for_load_state()
            if not pending:
                break
        assert not pending, (section["key"], pending)
        for scan in scans[: section["schema"].get("x-min-attachments", 0)]:
            page.set_input_files("[data-testid=upload]", scan)
            page.click("form.attach-form button[type=submit]")
            page.wait_for_load_state()
        assert page.locator("nav.sections li.active .ok").count() == 1, section["key"]

    page.click("[data-testid=submit]")
    page.wait_for_url(base + "/applications/")
    card = page.locator(f'[data-number="{number}"]')
    assert card.locator("[data-testid=status]").inner_text() == "审核中"
    card.locator("[data-testid=withdraw]").click()
    page.wait_for_load_state()
    assert (
        page.locator(f'[data-number="{number}"] [data-testid=status]').inner_text()
        == "申请人编辑中"
    )
