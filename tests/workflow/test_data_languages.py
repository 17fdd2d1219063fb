"""Data in the reader's language: a Uyghur or English reader sees the region, the
qualification, the section titles, field labels and options, the committee and the history in
their language, on pages and through the API; what nobody translated stays Chinese. Codes and
the Chinese fields of the API are unchanged."""

import pytest

from tenants.crossing import in_region
from tests.workflow.conftest import create, fill_every_section
from tests.workflow.test_history import fire, speaking
from tests.workflow.test_review import RECOMMENDATION, people  # noqa: F401 (fixture)
from workflow.models import Committee
from workflow.setup import committee_save

COMMITTEE_UG = "ئۈرۈمچى شەھەرلىك ئوقۇتقۇچىلار كەسپىي ئۇنۋان باھالاش كومىتېتى"


@pytest.fixture
def translated(offering):
    """The region admin gave the committee its Uyghur name, not (yet) its English one."""
    with in_region("urumqi"):
        committee = Committee.objects.get(pk=offering.committee_id)
        committee_save(
            committee=committee,
            name=committee.name,
            name_ug=COMMITTEE_UG,
            address=committee.address,
            contacts=committee.contacts,
            reviews=committee.reviews,
        )
    return committee


def test_a_uyghur_reader_sees_the_data_in_uyghur_and_an_english_one_in_english(
    people,  # noqa: F811
    offering,
    unit,
    translated,
):
    alice = people["applicant"]
    alice.language = "ug"
    alice.save(update_fields=["language"])
    uyghur = speaking("ug", alice)
    number = create(uyghur, offering, unit).json()["number"]

    editor = uyghur.get(f"/applications/{number}/?section=basic").content.decode()
    assert "ئاساسىي ئۇچۇر" in editor  # the section's title
    assert "مىللىتى" in editor  # a field's label: 民族
    assert ">ئۇيغۇر</option>" in editor  # an option: 维吾尔族, still stored as such
    assert 'value="维吾尔族"' in editor
    assert "1-دەرىجىلىك ئوقۇتقۇچى" in editor  # 一级教师
    assert "ئۈرۈمچى شەھىرى" in editor  # the region, and in the selector
    assert "基本信息" not in editor and "民族" not in editor

    detail = uyghur.get(f"/api/v1/applications/{number}/").json()
    basic = detail["sections"][0]
    assert (basic["key"], basic["title"], basic["label"]) == ("basic", "基本信息", "ئاساسىي ئۇچۇر")
    assert detail["committee"] == translated.name  # the Chinese field is unchanged
    assert detail["committee_label"] == COMMITTEE_UG
    assert detail["qualification"] == "school-teacher-chinese-intermediate"
    assert "1-دەرىجىلىك ئوقۇتقۇچى" in detail["label"]

    fill_every_section(uyghur, number)
    fire(uyghur, number, "submit")
    fire(speaking("en", people["unit"]), number, "recommend", **RECOMMENDATION)
    fire(speaking("zh-hans", people["authority"]), number, "forward")

    history = uyghur.get(f"/api/v1/applications/{number}/history/").json()
    assert history[-1]["to"] == COMMITTEE_UG
    mine = uyghur.get("/api/v1/me/applications/").json()
    assert (mine[0]["committee"], mine[0]["committee_label"]) == (translated.name, COMMITTEE_UG)
    assert mine[0]["current_node"] == COMMITTEE_UG  # the public index carries the names
    assert mine[0]["region_label"] == "ئۈرۈمچى شەھىرى"
    cards = uyghur.get("/applications/").content.decode()
    assert COMMITTEE_UG in cards and "ئۈرۈمچى شەھىرى" in cards

    # English: the catalog and the forms are translated, the committee is not: Chinese.
    alice.language = "en"
    alice.save(update_fields=["language"])
    english = speaking("en", alice)
    page = english.get(f"/applications/{number}/?section=basic").content.decode()
    assert "Basic information" in page and "Ethnicity" in page
    assert "First-Grade Teacher" in page and "Urumqi" in page
    assert translated.name in page
    history = english.get(f"/api/v1/applications/{number}/history/").json()
    assert history[-1]["to"] == translated.name
    offerings = english.get("/api/v1/offerings/").json()
    row = next(o for o in offerings if o["id"] == offering.pk)
    assert (row["qualification_name"], row["qualification_label"]) == (
        "一级教师",
        "First-Grade Teacher",
    )
    assert (row["series_name"], row["series_label"]) == (
        "中小学教师",
        "Primary and Secondary School Teachers",
    )
    assert row["committee_label"] == translated.name  # no English name: the Chinese


def test_a_reader_of_chinese_sees_nothing_change(people, offering, unit, translated):  # noqa: F811
    chinese = speaking("zh-hans", people["applicant"])
    number = create(chinese, offering, unit).json()["number"]
    page = chinese.get(f"/applications/{number}/?section=basic").content.decode()
    assert "基本信息" in page and ">维吾尔族</option>" in page and "乌鲁木齐市" in page
    detail = chinese.get(f"/api/v1/applications/{number}/").json()
    assert detail["committee_label"] == detail["committee"] == translated.name


def test_the_region_admin_names_a_committee_in_english_and_uyghur(make_user, offering):
    from core.models import Role
    from tenants.models import Region
    from tests.support import client_for

    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))
    client = client_for("urumqi")
    client.force_login(admin)
    form = client.get(f"/setup/committees/{offering.committee_id}/").content.decode()
    assert 'name="name_en"' in form and 'name="name_ug"' in form
    response = client.post(
        f"/setup/committees/{offering.committee_id}/",
        {
            "name": offering.committee.name,
            "name_en": "Urumqi Teachers Title Review Committee",
            "name_ug": COMMITTEE_UG,
            "address": "人民路1号",
            "contacts": "阿不都 0991-3000001",
            "reviews": ["school-teacher:intermediate"],
        },
    )
    assert response.status_code == 302, response.content.decode()
    english = client_for("urumqi", HTTP_ACCEPT_LANGUAGE="en")
    committees = english.get("/api/v1/committees/").json()
    row = next(c for c in committees if c["id"] == offering.committee_id)
    assert row["label"] == "Urumqi Teachers Title Review Committee"
    assert (row["name_en"], row["name_ug"]) == (
        "Urumqi Teachers Title Review Committee",
        COMMITTEE_UG,
    )
    assert row["reviews"][0]["series_label"] == "Primary and Secondary School Teachers"
    assert row["reviews"][0]["series_name"] == "中小学教师"
