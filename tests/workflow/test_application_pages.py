"""The applicant's pages: 我的申请书 cards, 新增申请书, the section editor, submit and withdraw."""

import io
import re

from PIL import Image

from core.models import ApplicationIndex
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import complete_unit
from tests.workflow.conftest import create, fill_every_section
from workflow.models import SectionEntry


def png(name="scan.png", color=(10, 20, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), color).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_new_application_page_creates_one_and_warns_about_locality(
    alice_client, alice, offering, unit, catalog
):
    from tests.workflow.conftest import open_offering

    page = alice_client.get("/applications/new/", {"unit_q": "十中"}).content.decode()
    assert "属地化" in page
    assert "乌鲁木齐市第十中学" in page
    response = alice_client.post(
        "/applications/new/", {"offering": offering.pk, "unit": unit.pk, "unit_q": "十中"}
    )
    assert response.status_code == 302
    number = ApplicationIndex.objects.get(applicant=alice).number
    assert response["Location"] == f"/applications/{number}/"

    from tests.support import client_for

    hami_offering = open_offering("hami", "school-teacher-math-intermediate")
    hami = client_for("hami")
    hami.force_login(alice)
    hami.post(
        "/applications/new/", {"offering": hami_offering.pk, "unit": unit.pk, "unit_q": "十中"}
    )
    edit = hami.get(
        ApplicationIndex.objects.get(applicant=alice, region__schema_name="hami").number.join(
            ["/applications/", "/"]
        ),
        follow=True,
    ).content.decode()
    assert "属地化" in edit
    assert "乌鲁木齐市" in edit


def test_a_unit_that_cannot_review_is_shown_but_cannot_be_chosen(
    alice_client, alice, offering, unit
):
    """A search for 十中 finds the complete 第十中学 and 第十一中学, which never filled in its
    address: it comes last, marked and disabled, and a forged choice of it is refused."""
    region = Region.objects.get(schema_name="urumqi")
    eleventh = complete_unit(region, "乌鲁木齐市第十一中学", "乌市十一中", "TK000011", address="")
    eleventh.save()

    page = alice_client.get("/applications/new/", {"unit_q": "十"}).content.decode()

    assert page.index("乌鲁木齐市第十中学（乌鲁木齐市）") < page.index("乌鲁木齐市第十一中学")
    assert (
        f'<option value="{eleventh.pk}" disabled>乌鲁木齐市第十一中学（乌鲁木齐市） — '
        "单位信息未完善，暂不能选择</option>"
    ) in page
    assert f'<option value="{unit.pk}">乌鲁木齐市第十中学（乌鲁木齐市）</option>' in page

    response = alice_client.post(
        "/applications/new/", {"offering": offering.pk, "unit": eleventh.pk, "unit_q": "十"}
    )

    assert response.status_code == 400
    body = response.content.decode()
    assert "“乌鲁木齐市第十一中学”的单位信息尚未完善，还不能审核申请书" in body
    assert "完善单位信息" in body
    assert not ApplicationIndex.objects.filter(applicant=alice).exists()


def test_the_account_s_name_and_id_number_are_shown_and_cannot_be_changed(
    alice_client, alice, offering, unit
):
    number = create(alice_client, offering, unit).json()["number"]

    page = alice_client.get(f"/applications/{number}/?section=basic").content.decode()

    assert alice.name in page and alice.id_card_number in page  # before the first save too
    assert 'name="f.name"' not in page and 'name="f.id_card_number"' not in page
    assert 'name="f.specialty"' in page
    alice_client.post(
        f"/applications/{number}/?section=basic",
        {"f.name": "张三", "f.id_card_number": "11010519491231002X", "f.specialty": "语文"},
    )
    with in_region("urumqi"):
        saved = SectionEntry.objects.get(application__number=number, key="basic").data
    assert (saved["name"], saved["id_card_number"]) == (alice.name, alice.id_card_number)
    assert saved["specialty"] == "语文"


def test_the_editor_saves_a_section_typed_into_the_form(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    page = alice_client.get(f"/applications/{number}/?section=teacher_profile")
    body = page.content.decode()
    assert "教师类型" in body
    assert 'name="f.teaching_years"' in body
    response = alice_client.post(
        f"/applications/{number}/?section=teacher_profile",
        {
            "f.teacher_type": "农村学校-公共课教师",
            "f.is_aid_teacher": "false",
            "f.teaching_years": "abc",
            "f.teacher_certificate": "小学教师资格",
            "f.is_south_xinjiang": "true",
            "f.rural_years": "3",
        },
    )
    assert response.status_code == 302
    again = alice_client.get(f"/applications/{number}/?section=teacher_profile").content.decode()
    assert 'value="abc"' in again  # nothing typed is lost
    assert "field-error" in again


def test_upload_a_scan_to_a_section_from_the_editor(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    response = alice_client.post(
        f"/applications/{number}/attach/", {"section": "basic", "file": png()}
    )
    assert response.status_code == 302
    page = alice_client.get(f"/applications/{number}/?section=basic").content.decode()
    assert "scan.png" in page


def test_a_renamed_script_is_refused_with_a_message(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    fake = io.BytesIO(b"<?php system($_GET['x']); ?>")
    fake.name = "证书.jpg"
    alice_client.post(f"/applications/{number}/attach/", {"section": "basic", "file": fake})
    page = alice_client.get(f"/applications/{number}/?section=basic").content.decode()
    assert "尚未上传附件" in page


def test_submit_and_withdraw_from_the_pages(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    editor = alice_client.get(f"/applications/{number}/").content.decode()
    assert "以下栏目尚未填写完整" in editor
    fill_every_section(alice_client, number)
    alice_client.post(f"/applications/{number}/transition/", {"action": "submit"})
    cards = alice_client.get("/applications/").content.decode()
    assert "审核中" in cards
    assert 'data-testid="withdraw"' in cards
    alice_client.post(f"/applications/{number}/transition/", {"action": "withdraw"})
    assert "申请人编辑中" in alice_client.get("/applications/").content.decode()


def test_my_applications_runs_constant_queries(
    alice_client, catalog, unit, django_assert_max_num_queries
):
    from core.models import Qualification
    from tests.workflow.conftest import open_offering

    first = open_offering()
    create(alice_client, first, unit)
    budget = 12  # session, user, notifications badge, applications, index, authorities,
    # the units' recommending units (contacts on the flow), sections and attachments (the
    # step indicator's sections done)
    with django_assert_max_num_queries(budget):
        alice_client.get("/applications/")
    codes = Qualification.objects.filter(
        specialty__series__code="school-teacher", level="intermediate"
    ).values_list("code", flat=True)
    for index, code in enumerate(list(codes)[1:8]):
        create(
            alice_client, open_offering(qualification=code, committee_name=f"委员会{index}"), unit
        )
    with django_assert_max_num_queries(budget):
        page = alice_client.get("/applications/").content.decode()
    assert page.count('data-testid="application-card"') == 8


def test_the_editor_says_where_it_is_and_how_far_the_application_has_come(
    alice_client, offering, unit
):
    """首页 › 我的申请书 › RSSQ… › the section; the steps count the sections done, then mark
    the submit as current once all are complete (issue 19)."""
    number = create(alice_client, offering, unit).json()["number"]
    first = alice_client.get(f"/applications/{number}/").content.decode()
    keys = re.findall(r'<a href="\?section=([\w-]+)">', first)
    titles = re.findall(r'<a href="\?section=[\w-]+">([^<]+)</a>', first)
    page = alice_client.get(f"/applications/{number}/", {"section": keys[1]}).content.decode()
    nav = page.split('<nav class="breadcrumbs" aria-label="当前位置"')[1].split("</nav>")[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav) == [
        ("/", "首页"),
        ("/applications/", "我的申请书"),
        (f"/applications/{number}/", number),
    ]
    assert f'<span aria-current="page">{titles[1]}</span>' in nav
    journey = page.split('data-testid="journey"')[1].split("</ol>")[0]
    own = len(keys) - 1  # the unit fills in its recommendation
    assert f'<bdi class="journey-detail">0/{own}</bdi>' in journey
    assert journey.count('aria-current="step"') == 1
    assert 'aria-current="step" data-step="sections"' in journey
    assert "不超过 2 MB" in page  # the upload limit, as configured

    fill_every_section(alice_client, number)
    page = alice_client.get(f"/applications/{number}/").content.decode()
    journey = page.split('data-testid="journey"')[1].split("</ol>")[0]
    assert f'<bdi class="journey-detail">{own}/{own}</bdi>' in journey
    assert 'aria-current="step" data-step="submit"' in journey
    cards = alice_client.get("/applications/").content.decode()
    assert 'aria-current="step" data-step="submit"' in cards


def test_an_attachment_over_the_limit_names_its_size_and_the_limit(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    big = io.BytesIO(b"%PDF-" + b"0" * int(2.3 * 1024 * 1024))
    big.name = "论文.pdf"
    page = alice_client.post(
        f"/applications/{number}/attach/", {"section": "basic", "file": big}, follow=True
    ).content.decode()
    assert "文件 2.3 MB，超过 2 MB 上限。" in page
    assert "2411724" not in page

    # The files attached to the section are listed with their sizes, as sizes.
    page = alice_client.post(
        f"/applications/{number}/attach/", {"section": "basic", "file": png()}, follow=True
    ).content.decode()
    shown = re.search(r'scan\.png</a> <span class="hint">([^<]+)</span>', page).group(1)
    assert re.fullmatch(r"\d+(\.\d)? (B|KB|MB)", shown)


# --- 我的申请书 from the page cache (issue 18): every change shows on the next look -----------


def cards_of(client) -> str:
    """The cards of 我的申请书 without the reader's CSRF token (another on every answer)."""
    page = client.get("/applications/").content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    return page.replace(token, "")


def test_my_applications_is_served_again_until_a_section_is_saved(
    alice_client, offering, unit, catalog
):
    from django.core.cache import caches

    number = create(alice_client, offering, unit).json()["number"]
    before = cards_of(alice_client)
    assert number in before
    assert cards_of(alice_client) == before
    assert len(caches["pages"]._cache) == 1  # the second look was not rendered again
    fill_every_section(alice_client, number)
    after = cards_of(alice_client)
    done = re.search(r"(\d+)/(\d+)", after[after.index("填写栏目") :])
    assert done and done.group(1) == done.group(2) != "0"
    assert after != before


def test_my_applications_shows_a_transition_and_another_person_never_gets_it(
    alice_client, alice, bob, offering, unit, catalog
):
    from tests.support import client_for
    from workflow.models import Application
    from workflow.states import Status

    number = create(alice_client, offering, unit).json()["number"]
    assert 'data-testid="withdraw"' not in cards_of(alice_client)
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
        application.status = Status.IN_REVIEW
        application.current_node = 0
        application.submission_count = 1
        application.save()
    assert "已提交 1/" in cards_of(alice_client)
    other = client_for("urumqi")
    other.force_login(bob)
    assert number not in cards_of(other)
    elsewhere = client_for("kashgar")
    elsewhere.force_login(alice)
    away = cards_of(elsewhere)
    assert 'data-testid="application-card"' not in away
    assert number in away  # her line for the application in another region


def test_my_applications_counts_the_days_down_without_anyone_changing_anything(
    alice_client, unit, catalog
):
    from datetime import timedelta
    from time import sleep

    from django.utils import timezone

    from tests.workflow.conftest import open_offering
    from workflow.models import Offering

    call = open_offering("urumqi", opens=-1, closes=3)
    create(alice_client, call, unit)
    boundary = timezone.now() + timedelta(seconds=1)
    with in_region("urumqi"):
        Offering.objects.filter(pk=call.pk).update(closes_at=boundary + timedelta(days=3))
    assert "距提交截止还有3天" in cards_of(alice_client)
    assert "距提交截止还有3天" in cards_of(alice_client)
    while timezone.now() <= boundary:
        sleep(0.1)
    assert "距提交截止还有2天" in cards_of(alice_client)


def test_the_cached_editor_shows_a_section_saved_elsewhere_at_once(alice_client, offering, unit):
    """She has the editor open; the section saved through the API (her phone, another worker)
    shows on the next look, though the first looks came from the page cache."""
    from django.core.cache import caches

    number = create(alice_client, offering, unit).json()["number"]
    path = f"/applications/{number}/?section=teacher_profile"
    first = alice_client.get(path).content.decode()
    assert 'value="17"' not in first
    alice_client.get(path)
    assert len(caches["pages"]._cache) == 1
    saved = alice_client.put(
        f"/api/v1/applications/{number}/sections/teacher_profile/",
        {"data": {"teaching_years": 17, "teacher_type": "农村学校-公共课教师"}},
        content_type="application/json",
    )
    assert saved.status_code in {200, 400}, saved.content
    assert 'value="17"' in alice_client.get(path).content.decode()
