"""阿丽娅 writes an application section by section, submits it to her unit, withdraws it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from core.identity.validators import make_id_card_number
from core.models import ApplicationIndex, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.support import client_for, complete_unit
from tests.workflow.conftest import create, fill_every_section, open_offering
from workflow.models import Application, TransitionRecord


def test_a_new_application_gets_a_number_and_the_manual_s_label(
    alice_client, offering, unit, alice
):
    response = create(alice_client, offering, unit)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["number"].startswith("RSSQ")
    assert body["submissions_left"] == 3
    assert body["form"]["key"] == "teacher"
    assert [s["title"] for s in body["sections"]][:2] == ["基本信息", "教师情况"]
    index = ApplicationIndex.objects.get(number=body["number"])
    assert index.label == "[乌鲁木齐市][中级]中小学教师/一级教师"
    assert index.region.schema_name == "urumqi"


def test_the_public_index_stores_codes_and_each_reader_gets_their_own_language(
    offering, unit, alice
):
    """The index is read by everyone (my applications on every host): it keeps codes, so an
    applicant who reads English leaves nothing English in it, and each reader sees their own."""
    english = client_for("public", HTTP_ACCEPT_LANGUAGE="en")
    english.force_login(alice)
    english.cookies["django_language"] = "en"
    number = create(alice_client_on("urumqi", alice, language="en"), offering, unit).json()[
        "number"
    ]

    index = ApplicationIndex.objects.get(number=number)
    assert (index.status, index.node_index, index.node_kind) == ("draft", None, "")
    assert (index.waiting_org_kind, index.waiting_org_id) == ("", None)
    [row] = english.get("/api/v1/me/applications/").json()
    assert (row["status"], row["status_display"]) == ("draft", "Being edited by the applicant")
    chinese = client_for("public")
    chinese.force_login(alice)
    [row] = chinese.get("/api/v1/me/applications/").json()
    assert (row["status_display"], row["current_node"]) == ("申请人编辑中", "申请人编辑中")


def alice_client_on(code: str, user, *, language: str):
    client = client_for(code, HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def test_numbers_are_unique_across_regions(alice_client, offering, unit, alice):
    other = open_offering("kashgar", "school-teacher-math-intermediate")
    first = create(alice_client, offering, unit).json()["number"]
    kashgar = client_for("kashgar")
    kashgar.force_login(alice)
    second = create(kashgar, other, unit).json()["number"]
    assert first != second


def test_the_same_qualification_once_a_year_even_in_another_region(
    alice_client, offering, unit, alice
):
    assert create(alice_client, offering, unit).status_code == 201
    again = create(alice_client, offering, unit)
    assert again.status_code == 409
    assert "同一资格同一年度只能申请一次" in again.json()["detail"]
    elsewhere = open_offering("xj", committee_name="自治区中小学教师职称评审委员会")
    xj = client_for("xj")
    xj.force_login(alice)
    assert create(xj, elsewhere, unit).status_code == 409
    assert ApplicationIndex.objects.filter(applicant=alice).count() == 1


@pytest.mark.parametrize(
    ("role", "answer"),
    [
        (Role.UNIT_ADMIN, 403),  # told why: organizations' accounts do not apply (manual (6))
        (Role.AUTHORITY_REVIEWER, 403),
        (Role.REGION_ADMIN, 404),  # never acts on applications: the dull 404 of core.access
    ],
)
def test_unit_admins_reviewers_and_staff_cannot_apply(make_user, offering, unit, role, answer):
    from tenants.models import Region

    user = make_user(role, region=Region.objects.get(schema_name="urumqi"))
    client = client_for("urumqi")
    client.force_login(user)
    assert create(client, offering, unit).status_code == answer
    assert client.get("/applications/new/").status_code == answer


def test_my_applications_lists_only_my_own_whoever_reads_it(
    alice_client, offering, unit, make_user
):
    """我的申请书 is the applicant's list: the region admin, who may read every application of
    the region elsewhere, finds none of them here."""
    from tenants.models import Region

    create(alice_client, offering, unit)
    admin = client_for("urumqi")
    admin.force_login(make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi")))
    page = admin.get("/applications/").content.decode()
    assert 'data-testid="application-card"' not in page
    assert 'data-testid="application-card"' in alice_client.get("/applications/").content.decode()


def test_a_section_is_saved_even_when_invalid_and_errors_are_in_chinese(
    alice_client, offering, unit
):
    number = create(alice_client, offering, unit).json()["number"]
    response = alice_client.put(
        f"/api/v1/applications/{number}/sections/teacher_profile/",
        {"data": {"teaching_years": -3, "teacher_type": "不存在"}},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["data"]["teaching_years"] == -3
    assert body["complete"] is False
    messages = " ".join(m for ms in body["errors"].values() for m in ms)
    assert "教龄" in messages
    detail = alice_client.get(f"/api/v1/applications/{number}/").json()
    saved = next(s for s in detail["sections"] if s["key"] == "teacher_profile")
    assert saved["data"] == {"teaching_years": -3, "teacher_type": "不存在"}


def test_the_unit_s_section_is_read_only_to_the_applicant(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    response = alice_client.put(
        f"/api/v1/applications/{number}/sections/unit_recommendation/",
        {"data": {"opinion": "我推荐我自己，理由充分。"}},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_submit_lists_the_incomplete_sections(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    response = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "incomplete_sections"
    assert "基本信息" in response.json()["detail"]


def test_submit_goes_to_the_base_unit_and_withdraw_brings_it_back(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    submitted = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    assert submitted.status_code == 200, submitted.content
    body = submitted.json()
    assert (body["status"], body["current_node"]) == ("in_review", "基层工作单位")
    assert body["flow"][0]["current"] is True
    assert body["submissions_left"] == 2
    assert body["allowed_actions"] == ["withdraw"]
    assert ApplicationIndex.objects.get(number=number).status == "in_review"

    withdrawn = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "withdraw"},
        content_type="application/json",
    )
    assert withdrawn.json()["status"] == "draft"
    # 收回 is "continue editing": a submission the unit never acted on does not count.
    assert withdrawn.json()["submissions_left"] == 3
    history = alice_client.get(f"/api/v1/applications/{number}/history/").json()
    assert [h["action"] for h in history] == ["submit", "withdraw"]
    assert history[0]["to"] == "基层工作单位"


def test_no_withdraw_once_the_unit_has_acted(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    with in_region("urumqi"):
        Application.objects.filter(number=number).update(unit_acted=True)
    response = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "withdraw"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "unit_acted"


def test_the_limit_on_submissions_is_enforced(alice_client, catalog, unit):
    limited = open_offering(max_submissions=1)
    number = create(alice_client, limited, unit).json()["number"]
    fill_every_section(alice_client, number)
    url = f"/api/v1/applications/{number}/transitions/"
    alice_client.post(url, {"action": "submit"}, content_type="application/json")
    alice_client.post(url, {"action": "withdraw"}, content_type="application/json")
    assert (
        alice_client.post(url, {"action": "submit"}, content_type="application/json").status_code
        == 200
    )
    with in_region("urumqi"):  # the unit has looked at it: this submission counts
        Application.objects.filter(number=number).update(unit_acted=True)
    unit_admin = User.objects.get(username="unit-ten")
    reviewer = client_for("urumqi")
    reviewer.force_login(unit_admin)
    returned = reviewer.post(
        url, {"action": "return", "opinion": "请补充"}, content_type="application/json"
    )
    assert returned.status_code == 200, returned.content
    again = alice_client.post(url, {"action": "submit"}, content_type="application/json")
    assert again.status_code == 409
    assert again.json()["code"] == "submission_limit"
    assert "上限" in again.json()["detail"]


def test_submit_outside_the_window_says_when_it_closed(alice_client, catalog, unit):
    offering = open_offering()
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    with in_region("urumqi"):
        from django.utils import timezone

        offering.closes_at = timezone.now()
        offering.save()
    response = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "window_closed"
    assert "截止" in response.json()["detail"]


def test_only_a_never_submitted_application_can_be_deleted(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    assert alice_client.delete(f"/api/v1/applications/{number}/").status_code == 204
    assert not ApplicationIndex.objects.filter(number=number).exists()
    number = create(alice_client, offering, unit).json()["number"]  # allowed again
    fill_every_section(alice_client, number)
    url = f"/api/v1/applications/{number}/transitions/"
    alice_client.post(url, {"action": "submit"}, content_type="application/json")
    alice_client.post(url, {"action": "withdraw"}, content_type="application/json")
    assert alice_client.delete(f"/api/v1/applications/{number}/").status_code == 409


def test_strangers_and_other_regions_get_404(alice_client, offering, unit, bob):
    number = create(alice_client, offering, unit).json()["number"]
    stranger = client_for("urumqi")
    stranger.force_login(bob)
    for method, path in [("get", ""), ("get", "history/"), ("delete", "")]:
        assert getattr(stranger, method)(f"/api/v1/applications/{number}/{path}").status_code == 404
    assert (
        stranger.post(
            f"/api/v1/applications/{number}/transitions/",
            {"action": "submit"},
            content_type="application/json",
        ).status_code
        == 404
    )
    elsewhere = client_for("kashgar")
    elsewhere.force_login(alice_client.session and offering and unit and bob)
    assert elsewhere.get(f"/api/v1/applications/{number}/").status_code == 404


def test_the_owner_on_another_region_s_host_gets_404(alice_client, offering, unit, alice):
    number = create(alice_client, offering, unit).json()["number"]
    kashgar = client_for("kashgar")
    kashgar.force_login(alice)
    assert kashgar.get(f"/api/v1/applications/{number}/").status_code == 404


def test_a_file_in_use_cannot_leave_the_library(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    detail = alice_client.get(f"/api/v1/applications/{number}/").json()
    blob = next(a["blob"] for s in detail["sections"] for a in s["attachments"])
    assert alice_client.delete(f"/api/v1/blobs/{blob}/").status_code == 409


def test_my_applications_lists_every_region_from_the_index(alice_client, offering, unit, alice):
    create(alice_client, offering, unit)
    kashgar_offering = open_offering("kashgar", "school-teacher-math-intermediate")
    kashgar = client_for("kashgar")
    kashgar.force_login(alice)
    create(kashgar, kashgar_offering, unit)
    rows = client_for("public").get("/api/v1/me/applications/")
    assert rows.status_code in (401, 403)
    public = client_for("public")
    public.force_login(alice)
    rows = public.get("/api/v1/me/applications/").json()
    assert sorted(r["region"] for r in rows) == ["kashgar", "urumqi"]
    assert all(r["url"].startswith("http://") for r in rows)


def test_history_is_written_with_the_transition(alice_client, offering, unit, alice):
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    with in_region("urumqi"):
        record = TransitionRecord.objects.get(application__number=number)
    assert (record.from_status, record.to_status) == ("draft", "in_review")
    assert (record.from_node_index, record.from_node_kind) == (None, "")
    assert (record.to_node_index, record.to_node_kind) == (0, "base_unit")
    assert (record.org_kind, record.org_id, record.actor_id) == ("applicant", alice.pk, alice.pk)


# --- 基本信息 comes from the verified account ----------------------------------------------


def basic_section(client, number: str) -> dict:
    detail = client.get(f"/api/v1/applications/{number}/").json()
    return next(s for s in detail["sections"] if s["key"] == "basic")


@pytest.fixture
def alice_verified(alice):
    """阿丽娅's account as registration verified it: her name and her own ID number."""
    alice.id_card_number = make_id_card_number("650102", date(1990, 5, 4), 26)  # even: 女
    alice.save(update_fields=["id_card_number"])
    return alice


def test_name_id_number_gender_and_birth_date_come_from_the_account(
    alice_client, alice_verified, offering, unit
):
    """阿丽娅 sends someone else's ID number, a man's gender, a birth date in 2030 and another
    name: the section keeps what her verified account says, and is valid."""
    number = create(alice_client, offering, unit).json()["number"]
    schema = basic_section(alice_client, number)["schema"]
    forged = {
        **sample(schema),
        "name": "张三",
        "id_card_number": "11010519491231002X",
        "gender": "男",
        "birth_date": "2030-01-01",
    }

    response = alice_client.put(
        f"/api/v1/applications/{number}/sections/basic/",
        {"data": forged},
        content_type="application/json",
    )

    assert response.status_code == 200
    body = response.json()
    mine = {
        "name": "阿丽娅",
        "id_card_number": alice_verified.id_card_number,
        "gender": "女",
        "birth_date": "1990-05-04",
    }
    assert {key: body["data"][key] for key in mine} == mine
    assert body["errors"] == {}
    saved = basic_section(alice_client, number)
    assert {key: saved["data"][key] for key in mine} == mine
    for key in mine:
        assert saved["schema"]["properties"][key]["readOnly"] is True


def test_a_program_that_leaves_the_account_fields_out_still_completes_the_section(
    alice_client, alice_verified, offering, unit
):
    number = create(alice_client, offering, unit).json()["number"]
    schema = basic_section(alice_client, number)["schema"]
    read_only = {key for key, prop in schema["properties"].items() if prop.get("readOnly")}
    assert read_only == {"name", "id_card_number", "gender", "birth_date"}
    data = {key: value for key, value in sample(schema).items() if key not in read_only}

    response = alice_client.put(
        f"/api/v1/applications/{number}/sections/basic/",
        {"data": data},
        content_type="application/json",
    )

    assert response.json()["errors"] == {}
    assert response.json()["data"]["birth_date"] == "1990-05-04"


def test_a_date_of_joining_work_after_today_is_refused(alice_client, offering, unit):
    number = create(alice_client, offering, unit).json()["number"]
    schema = basic_section(alice_client, number)["schema"]
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    response = alice_client.put(
        f"/api/v1/applications/{number}/sections/basic/",
        {"data": {**sample(schema), "work_start_date": tomorrow}},
        content_type="application/json",
    )

    assert response.json()["errors"] == {"work_start_date": ["「参加工作时间」不能晚于今天"]}
    assert response.json()["complete"] is False


# --- a base unit that cannot review yet ---------------------------------------------------------


@pytest.fixture
def incomplete_unit(db):
    """乌鲁木齐市第九中学 registered but never filled in its address: it cannot review."""
    region = Region.objects.get(schema_name="urumqi")
    unit = complete_unit(region, "乌鲁木齐市第九中学", "乌市九中", "TK000009", address="")
    unit.save()
    return unit


def test_an_application_cannot_go_to_a_unit_that_cannot_review(
    alice_client, alice, offering, incomplete_unit
):
    response = create(alice_client, offering, incomplete_unit)

    assert response.status_code == 400
    [message] = response.json()["unit"]
    assert "乌鲁木齐市第九中学" in message
    assert "完善单位信息" in message
    assert not ApplicationIndex.objects.filter(applicant=alice).exists()
