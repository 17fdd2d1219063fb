"""The history and the progress of an application, as each reader sees them.

The history stores codes; whoever reads it gets it in their own language, whatever language
each actor used. The flow marks exactly where the application is, and the applicant's card
says how many submissions are used and when the last one comes.
"""

from django.utils import timezone

from tenants.crossing import in_region
from tests.support import client_for
from tests.workflow.conftest import create, fill_every_section
from tests.workflow.test_review import RECOMMENDATION, people  # noqa: F401 (fixture)
from workflow.models import Application, TransitionRecord


def speaking(language: str, user):
    client = client_for("urumqi", HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    client.cookies["django_language"] = language
    return client


def fire(client, number: str, action: str, **payload):
    response = client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": action, **payload},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_each_reader_gets_the_history_in_their_language_whatever_the_actors_spoke(
    people,  # noqa: F811
    offering,
    unit,
):
    """阿丽娅 submits in Uyghur, her unit recommends in English, the authority forwards and the
    committee passes in Chinese; every reader gets one language, their own."""
    applicant = speaking("ug", people["applicant"])
    number = create(applicant, offering, unit).json()["number"]
    fill_every_section(applicant, number)
    fire(applicant, number, "submit")
    fire(speaking("en", people["unit"]), number, "recommend", **RECOMMENDATION)
    fire(speaking("zh-hans", people["authority"]), number, "forward")
    fire(speaking("ug", people["committee"]), number, "pass_formal_review")

    with in_region("urumqi"):
        stored = list(
            TransitionRecord.objects.filter(application__number=number).values_list(
                "org_kind", "from_node_kind", "to_node_kind", "to_status"
            )
        )
    assert stored == [
        ("applicant", "", "base_unit", "in_review"),
        ("unit", "base_unit", "recommending_unit", "in_review"),
        ("authority", "recommending_unit", "committee", "in_review"),
        ("committee", "committee", "", "formal_review_passed"),
    ]
    committee = offering.committee.name
    expected = {
        "zh-hans": [
            ("提交", "申请人", "申请人", "基层工作单位"),
            ("推荐并提交", "乌鲁木齐市第十中学", "基层工作单位", "推荐单位"),
            ("审核通过并提交", "乌鲁木齐市教育局", "推荐单位", committee),
            ("通过形式审核", committee, committee, "通过形式审核"),
        ],
        "en": [
            ("Submit", "Applicant", "Applicant", "Base unit"),
            ("Recommend and submit", "乌鲁木齐市第十中学", "Base unit", "Recommending unit"),
            ("Approve and submit", "乌鲁木齐市教育局", "Recommending unit", committee),
            ("Formal review passed", committee, committee, "Formal review passed"),
        ],
    }
    for language, rows in expected.items():
        history = speaking(language, people["applicant"]).get(
            f"/api/v1/applications/{number}/history/"
        )
        got = [(h["action_label"], h["organization"], h["from"], h["to"]) for h in history.json()]
        assert got == rows, language
    uyghur = speaking("ug", people["applicant"]).get(f"/api/v1/applications/{number}/history/")
    labels = [h["to"] for h in uyghur.json()]
    assert labels[0] == "ئاساسىي قاتلام خىزمەت ئورنى"
    assert labels[-1] == "شەكلىي تەكشۈرۈشتىن ئۆتتى"


def test_the_card_marks_exactly_where_the_application_is(
    people,  # noqa: F811
    offering,
    unit,
    alice_client,
):
    """After formal review the steps mark 会议评审 alone, not 申请人 too; the history no
    longer reads 评审委员会 → 申请人; the deadline countdown is gone."""
    number = create(alice_client, offering, unit).json()["number"]
    page = alice_client.get("/applications/").content.decode()
    assert page.count('aria-current="step"') == 1
    assert "距提交截止还有" in page
    fill_every_section(alice_client, number)
    fire(alice_client, number, "submit")
    page = alice_client.get("/applications/").content.decode()
    assert page.count('aria-current="step"') == 1
    assert '<li class="journey-step is-current" aria-current="step" data-step="node-0"' in page
    assert "距提交截止还有" not in page
    fire(speaking("zh-hans", people["unit"]), number, "recommend", **RECOMMENDATION)
    fire(speaking("zh-hans", people["authority"]), number, "forward")
    fire(speaking("zh-hans", people["committee"]), number, "pass_formal_review")

    page = alice_client.get("/applications/").content.decode()
    assert page.count('aria-current="step"') == 1
    assert 'class="journey-step is-current" aria-current="step" data-step="meeting"' in page
    assert "距提交截止还有" not in page
    history = alice_client.get(f"/api/v1/applications/{number}/history/").json()
    assert history[-1]["to"] == "通过形式审核"
    detail = alice_client.get(f"/api/v1/applications/{number}/").json()
    assert detail["days_to_deadline"] is None


def test_every_step_of_the_flow_shows_its_contacts(alice_client, offering, unit):
    """鼠标移动到节点看联系方式: the base unit and the recommending unit chips too."""
    create(alice_client, offering, unit)
    page = alice_client.get("/applications/").content.decode()
    authority = unit.recommending_units.get()
    assert f"{unit.contact_name} {unit.contact_phone}" in page
    assert authority.contact_phone in page


def test_withdrawing_before_the_unit_acts_does_not_use_a_submission_and_the_last_one_is_warned(
    alice_client, catalog, unit
):
    from tests.workflow.conftest import open_offering

    offering = open_offering(max_submissions=2)
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    fire(alice_client, number, "submit")
    fire(alice_client, number, "withdraw")
    page = alice_client.get("/applications/").content.decode()
    assert "已提交 0/2 次" in page
    assert 'data-testid="last-submission"' not in page
    with in_region("urumqi"):  # the unit looked, then returned it: that submission counted
        Application.objects.filter(number=number).update(
            submission_count=1, status="returned", updated_at=timezone.now()
        )
    page = alice_client.get("/applications/").content.decode()
    assert "已提交 1/2 次" in page
    assert 'data-testid="last-submission"' in page
    assert alice_client.get(f"/api/v1/applications/{number}/").json()["last_submission"] is True


def test_the_queue_says_who_sent_it_where(people, offering, unit):  # noqa: F811
    """申请书审核 reads [申请人]提交到[基层工作单位] at the unit, and after the unit recommends,
    [基层工作单位]提交到[the authority] at the authority (it came from the unit, not the
    applicant)."""
    applicant = speaking("zh-hans", people["applicant"])
    number = create(applicant, offering, unit).json()["number"]
    fill_every_section(applicant, number)
    fire(applicant, number, "submit")
    unit_queue = speaking("zh-hans", people["unit"]).get("/review/").content.decode()
    assert "审核中：[申请人]提交到[基层工作单位]" in unit_queue
    fire(speaking("zh-hans", people["unit"]), number, "recommend", **RECOMMENDATION)
    authority_queue = speaking("zh-hans", people["authority"]).get("/review/").content.decode()
    authority = people["authority"].authority.name
    assert f"审核中：[基层工作单位]提交到[{authority}]" in authority_queue
    english = speaking("en", people["authority"]).get("/review/").content.decode()
    assert f"[Base unit] sent to [{authority}]" in english
