"""The review: the unit comments and returns or recommends, the authority forwards, the committee
passes or rejects formal review — every step through the transition table."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.models import ApplicationIndex, Authority, Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import analyze, client_for
from tests.workflow.conftest import create, fill_every_section
from workflow.applications import application_create
from workflow.models import Application, CommitteeStaff
from workflow.states import Status

RECOMMENDATION = {
    "responsible_person": "如则麦",
    "mobile": "15999370000",
    "opinion": "该同志师德高尚，教学成绩突出，同意推荐。",
}


@pytest.fixture
def people(alice, offering, unit, make_user):
    """阿丽娅, her unit, its recommending authority, the committee, and two outsiders."""
    urumqi = Region.objects.get(schema_name="urumqi")
    authority = unit.recommending_units.get()
    cast = {
        "applicant": alice,
        "unit": User.objects.get(username="unit-ten"),
        "authority": make_user(Role.AUTHORITY_REVIEWER, region=urumqi, authority=authority),
        "committee": make_user(Role.COMMITTEE_STAFF, region=urumqi),
        "other_unit_admin": make_user(Role.UNIT_ADMIN),
        "other_authority": make_user(
            Role.AUTHORITY_REVIEWER,
            region=urumqi,
            authority=Authority.objects.create(region=urumqi, name="别的主管局"),
        ),
    }
    with in_region("urumqi"):
        CommitteeStaff.objects.create(committee=offering.committee, user=cast["committee"])
    return cast


@pytest.fixture
def cast(people, alice_client, offering, unit):
    """阿丽娅 has filled every section and submitted through the API."""
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    submitted = alice_client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": "submit"},
        content_type="application/json",
    )
    assert submitted.status_code == 200
    return number, people


@pytest.fixture
def at_unit(people, offering, unit):
    """A submitted application waiting at the base unit, set up directly (the table walk
    needs many; how it got there is tested above)."""
    with in_region("urumqi"):
        application = application_create(
            applicant=people["applicant"], offering=offering, unit=unit
        )
        Application.objects.filter(pk=application.pk).update(
            status=Status.IN_REVIEW, current_node=0, submission_count=1
        )
    return application.number, people


def act(user, number, action, **payload):
    client = client_for("urumqi")
    client.force_login(user)
    return client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": action, **payload},
        content_type="application/json",
    )


def status_of(number):
    with in_region("urumqi"):
        application = Application.objects.get(number=number)
    return application.status, application.current_node


def test_the_whole_way_to_formal_review(cast):
    number, people = cast
    first = act(people["unit"], number, "recommend", **RECOMMENDATION)
    assert first.status_code == 200, first.content
    assert status_of(number) == ("in_review", 1)
    assert act(people["authority"], number, "forward").status_code == 200
    assert status_of(number) == ("in_review", 2)
    response = act(people["committee"], number, "pass_formal_review")
    assert response.status_code == 200
    assert status_of(number) == ("formal_review_passed", None)
    assert ApplicationIndex.objects.get(number=number).status == "formal_review_passed"
    client = client_for("urumqi")
    client.force_login(people["applicant"])
    history = client.get(f"/api/v1/applications/{number}/history/").json()
    assert [h["action"] for h in history] == [
        "submit",
        "recommend",
        "forward",
        "pass_formal_review",
    ]
    assert history[1]["organization"] == "乌鲁木齐市第十中学"
    assert history[1]["to"] == "推荐单位"


def test_a_section_comment_and_a_return_reach_the_applicant(cast):
    number, people = cast
    unit = client_for("urumqi")
    unit.force_login(people["unit"])
    saved = unit.post(
        f"/api/v1/applications/{number}/comments/",
        {"section": "basic", "text": "单位性质选择错误"},
        content_type="application/json",
    )
    assert saved.status_code == 201
    # the unit has acted: the applicant can no longer withdraw
    assert act(people["applicant"], number, "withdraw").status_code == 409
    assert act(people["unit"], number, "return", opinion="请按意见修改").status_code == 200
    owner = client_for("urumqi")
    owner.force_login(people["applicant"])
    detail = owner.get(f"/api/v1/applications/{number}/").json()
    assert detail["status"] == "returned"
    basic = next(s for s in detail["sections"] if s["key"] == "basic")
    assert basic["comments"][0]["text"] == "单位性质选择错误"
    page = owner.get(f"/applications/{number}/?section=basic").content.decode()
    assert "单位性质选择错误" in page
    again = act(people["applicant"], number, "submit")
    assert again.status_code == 200
    assert again.json()["submissions_left"] == 1


def test_a_return_needs_an_opinion(at_unit):
    number, people = at_unit
    response = act(people["unit"], number, "return", opinion="  ")
    assert response.status_code == 400
    assert status_of(number) == ("in_review", 0)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("opinion", "太短了", "10到1000字"),
        ("opinion", "长" * 1001, "10到1000字"),
        ("mobile", "1234", "手机号码"),
        ("responsible_person", "", "负责人"),
    ],
)
def test_the_recommendation_is_checked(at_unit, field, value, message):
    number, people = at_unit
    response = act(people["unit"], number, "recommend", **{**RECOMMENDATION, field: value})
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])
    assert status_of(number) == ("in_review", 0)


def test_an_incomplete_unit_cannot_review(at_unit, unit):
    number, people = at_unit
    unit.address = ""
    unit.save()
    response = act(people["unit"], number, "recommend", **RECOMMENDATION)
    assert response.status_code == 409
    assert response.json()["code"] == "unit_incomplete"
    page_client = client_for("urumqi")
    page_client.force_login(people["unit"])
    assert "完善单位信息" in page_client.get("/review/").content.decode()


def test_a_unit_with_two_recommending_units_picks_one(at_unit, unit):
    number, people = at_unit
    second = Authority.objects.create(
        region=Region.objects.get(schema_name="xj"), name="自治区教育厅"
    )
    unit.recommending_units.add(second)
    assert act(people["unit"], number, "recommend", **RECOMMENDATION).status_code == 400
    assert (
        act(
            people["unit"], number, "recommend", recommending_unit=second.pk, **RECOMMENDATION
        ).status_code
        == 200
    )
    with in_region("urumqi"):
        assert Application.objects.get(number=number).recommending_unit == second


def test_the_committee_rejects_with_a_reason_and_it_is_final(at_unit):
    number, people = at_unit
    act(people["unit"], number, "recommend", **RECOMMENDATION)
    act(people["authority"], number, "forward")
    assert act(people["committee"], number, "reject").status_code == 400
    assert act(people["committee"], number, "reject", opinion="不符合申报条件").status_code == 200
    assert status_of(number) == ("rejected", None)
    assert act(people["applicant"], number, "submit").status_code == 409


def test_strangers_get_404_on_every_review_endpoint(at_unit, make_user):
    number, people = at_unit
    stranger = client_for("urumqi")
    stranger.force_login(people["other_unit_admin"])
    assert stranger.get(f"/review/{number}/").status_code == 404
    assert stranger.get(f"/api/v1/applications/{number}/").status_code == 404
    assert (
        stranger.post(
            f"/api/v1/applications/{number}/comments/",
            {"section": "basic", "text": "x"},
            content_type="application/json",
        ).status_code
        == 404
    )
    elsewhere = client_for("kashgar")
    elsewhere.force_login(people["unit"])
    assert elsewhere.get(f"/review/{number}/").status_code == 404


def test_the_unit_queue_and_query_pages(at_unit):
    number, people = at_unit
    client = client_for("urumqi")
    client.force_login(people["unit"])
    queue = client.get("/review/").content.decode()
    assert number in queue
    assert "阿丽娅" in queue
    act(people["unit"], number, "recommend", **RECOMMENDATION)
    assert number not in client.get("/review/").content.decode()
    query = client.get("/review/all/").content.decode()
    assert number in query
    assert "同意推荐" in query
    assert number in client.get("/review/all/", {"q": "阿丽娅"}).content.decode()
    assert number not in client.get("/review/all/", {"q": "没有这个人"}).content.decode()


def test_reviewers_see_the_attachments_strangers_do_not(cast):
    number, people = cast
    client = client_for("urumqi")
    client.force_login(people["unit"])
    detail_page = client.get(f"/review/{number}/?section=teacher_profile").content.decode()
    assert "/files/" in detail_page
    owner = client_for("urumqi")
    owner.force_login(people["applicant"])
    detail = owner.get(f"/api/v1/applications/{number}/").json()
    attachment = next(a for s in detail["sections"] for a in s["attachments"])
    assert client.get(f"/review/{number}/files/{attachment['id']}").status_code == 200
    stranger = client_for("urumqi")
    stranger.force_login(people["other_authority"])
    assert stranger.get(f"/review/{number}/files/{attachment['id']}").status_code == 404


def test_a_return_tells_the_applicant_and_a_recommendation_tells_the_next_reviewers(
    at_unit, django_capture_on_commit_callbacks, mailoutbox
):
    from core.models import Notification
    from tests.tenants.test_queue import _run_queued_tasks_like_a_worker

    number, people = at_unit
    people["applicant"].email = "alice@example.cn"
    people["applicant"].save()
    with django_capture_on_commit_callbacks(execute=True):
        act(people["unit"], number, "recommend", **RECOMMENDATION)
    _run_queued_tasks_like_a_worker()
    assert Notification.objects.filter(
        recipient=people["authority"], link=f"/review/{number}/"
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):
        act(people["authority"], number, "return", opinion="继续教育学时证明缺失")
    _run_queued_tasks_like_a_worker()
    note = Notification.objects.get(recipient=people["applicant"])
    assert (note.region_code, note.link) == ("urumqi", f"/applications/{number}/")
    assert "退回修改" in note.title
    assert any("继续教育学时证明缺失" in m.body for m in mailoutbox)


def test_a_failed_transition_tells_nobody(at_unit, django_capture_on_commit_callbacks):
    number, people = at_unit
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        act(people["unit"], number, "recommend", **{**RECOMMENDATION, "opinion": "短"})
    assert callbacks == []


def test_the_queues_cost_the_same_at_1_and_100_rows(
    people, offering, unit, settings, django_assert_max_num_queries
):
    settings.ROUTING_RECHECK_SECONDS = 60  # count the page's queries, not the test's routing

    client = client_for("urumqi")
    client.force_login(people["unit"])

    def add(count: int) -> None:
        with in_region("urumqi"):
            for index in range(count):
                applicant = User.objects.create(
                    username=f"q-{index}-{count}", name=f"申请人{index}", role=Role.APPLICANT
                )
                application = application_create(applicant=applicant, unit=unit, offering=offering)
                Application.objects.filter(pk=application.pk).update(
                    status=Status.IN_REVIEW, current_node=0, submission_count=1
                )

    add(1)
    client.get("/review/")  # warm the routing map
    with django_assert_max_num_queries(11):
        assert client.get("/review/").content.decode().count("data-number=") == 1
    with django_assert_max_num_queries(11):
        client.get("/review/all/")
    add(100)
    analyze(
        "public.core_user",
        "public.core_qualification",
        "public.core_specialty",
        "urumqi.workflow_application",
        "urumqi.workflow_offering",
    )
    client.get("/review/")  # again: the activity clock may write the session after a minute
    with django_assert_max_num_queries(11):
        first_page = client.get("/review/").content.decode()
    assert first_page.count("data-number=") == 50
    assert 'data-testid="next-page"' in first_page
    with django_assert_max_num_queries(11):
        assert client.get("/review/all/", {"page": 3}).content.decode().count("data-number=") == 1


def test_each_reviewer_s_queue_holds_exactly_what_the_table_lets_them_act_on(
    people, catalog, unit, make_user
):
    """A flow with a fixed authority (县(市)行业主管局) between the recommending unit and the
    committee, an application waiting at each node: 申请书审核 (paged in SQL) shows each
    reviewer exactly the applications `reviews_node` says they act on, and nobody the rest."""
    from workflow.index import index_write
    from workflow.reviewers import current_node, reviews_node
    from workflow.setup import offering_save

    urumqi = Region.objects.get(schema_name="urumqi")
    county = Authority.objects.create(region=urumqi, name="天山区教育局")
    people["county"] = make_user(Role.AUTHORITY_REVIEWER, region=urumqi, authority=county)
    with in_region("urumqi"):
        committee = CommitteeStaff.objects.get(user=people["committee"]).committee
        offering = offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code="school-teacher-math-intermediate"),
            year=timezone.localdate().year,
            opens_at=timezone.now() - timedelta(days=1),
            closes_at=timezone.now() + timedelta(days=9),
            flow_nodes=[
                {"kind": "base_unit"},
                {"kind": "recommending_unit"},
                {"kind": "authority", "authority_id": county.pk, "name": county.name},
                {"kind": "committee"},
            ],
        )
        waiting = {}
        for node in range(4):
            applicant = make_user(Role.APPLICANT, name=f"节点{node}申请人")
            application = application_create(applicant=applicant, offering=offering, unit=unit)
            Application.objects.filter(pk=application.pk).update(
                status=Status.IN_REVIEW,
                current_node=node,
                submission_count=1,
                recommending_unit=unit.recommending_units.get(),
            )
            # as apply_transition would: the authorities' queue reads the public index
            index_write(Application.objects.get(pk=application.pk))
            waiting[node] = application.number
        reviewers = {role: u for role, u in people.items() if u.role != Role.APPLICANT}
        acts_on = {
            role: {
                a.number
                for a in Application.objects.filter(offering=offering)
                if reviews_node(user, a, current_node(a))
            }
            for role, user in reviewers.items()
        }

    shown = {}
    for role, user in reviewers.items():
        client = client_for("urumqi")
        client.force_login(user)
        page = client.get("/review/").content.decode()
        shown[role] = {n for n in waiting.values() if f'data-number="{n}"' in page}
    assert shown == acts_on
    assert shown == {
        "unit": {waiting[0]},
        "authority": {waiting[1]},
        "county": {waiting[2]},
        "committee": {waiting[3]},
        "other_unit_admin": set(),
        "other_authority": set(),
    }


def test_a_busy_unit_pages_through_its_applications_in_the_api(people, offering, unit):
    """The API gives a long list in slices (newest first) and says how many there are, so a
    unit with thousands of applications never gets a silently cut list."""
    with in_region("urumqi"):
        for index in range(5):
            applicant = User.objects.create(
                username=f"api-page-{index}", name=f"翻页申请人{index}", role=Role.APPLICANT
            )
            application = application_create(applicant=applicant, unit=unit, offering=offering)
            if index % 2 == 0:
                Application.objects.filter(pk=application.pk).update(
                    status=Status.IN_REVIEW, current_node=0, submission_count=1
                )
    client = client_for("urumqi")
    client.force_login(people["unit"])

    first = client.get("/api/v1/applications/", {"limit": 2})
    assert first.status_code == 200
    assert (len(first.json()), first["X-Total-Count"]) == (2, "5")
    following = first["Link"].split(";")[0].strip("<>")
    assert "offset=2" in following and "limit=2" in following
    second = client.get(following.removeprefix("http://urumqi.localhost"))
    last = client.get("/api/v1/applications/", {"limit": 2, "offset": 4})
    numbers = [row["number"] for page in (first, second, last) for row in page.json()]
    assert len(set(numbers)) == 5
    assert not last.has_header("Link")

    waiting = client.get("/api/v1/applications/", {"waiting": "true"})
    assert waiting["X-Total-Count"] == "3"
    assert {row["status"] for row in waiting.json()} == {"in_review"}

    refused = client.get("/api/v1/applications/", {"limit": 501, "offset": -1})
    assert refused.status_code == 400
    assert set(refused.json()) == {"limit", "offset"}


def test_the_id_scan_is_shown_to_the_reviewers_only(at_unit, alice_client):
    import io

    from PIL import Image

    number, people = at_unit
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "white").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "身份证.png"
    sha = alice_client.post("/api/v1/blobs/", {"file": buffer}).json()["sha256"]
    people["applicant"].id_card_scan = sha
    people["applicant"].save()
    unit = client_for("urumqi")
    unit.force_login(people["unit"])
    assert unit.get(f"/review/{number}/id-card").status_code == 200
    stranger = client_for("urumqi")
    stranger.force_login(people["other_unit_admin"])
    assert stranger.get(f"/review/{number}/id-card").status_code == 404
    assert stranger.get(f"/api/v1/blobs/{sha}/content").status_code == 404


def _unit_page_client(people):
    client = client_for("urumqi")
    client.force_login(people["unit"])
    return client


def test_an_empty_return_stays_on_the_section_being_reviewed(at_unit):
    number, people = at_unit
    client = _unit_page_client(people)
    response = client.post(
        f"/review/{number}/action/", {"action": "return", "opinion": " ", "section": "education"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'name="section" value="education"' in page
    assert "请填写意见。" in page
    assert '<li class="active"><a href="?section=education">' in page
    assert status_of(number) == ("in_review", 0)


def test_a_refused_recommendation_keeps_what_the_unit_typed(at_unit):
    number, people = at_unit
    client = _unit_page_client(people)
    typed = {**RECOMMENDATION, "opinion": "太短了", "action": "recommend", "section": "basic"}
    response = client.post(f"/review/{number}/action/", typed)
    assert response.status_code == 400
    page = response.content.decode()
    assert "10到1000字" in page
    assert ">太短了</textarea>" in page
    assert f'value="{RECOMMENDATION["responsible_person"]}"' in page
    assert f'value="{RECOMMENDATION["mobile"]}"' in page


# --- the editor and the review page from the page cache (issue 18) ---------------------------


def page_without_token(client, path):
    import re

    page = client.get(path).content.decode()
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
    return page.replace(token, "")


def test_a_comment_shows_on_the_cached_review_page_and_editor_and_every_read_is_recorded(
    at_unit,
):
    from django.core.cache import caches

    from core.models import AuditEvent
    from workflow.models import ReviewComment

    number, who = at_unit
    unit = client_for("urumqi")
    unit.force_login(who["unit"])
    owner = client_for("urumqi")
    owner.force_login(who["applicant"])
    review = f"/review/{number}/?section=basic"
    editor = f"/applications/{number}/?section=basic"
    reads = AuditEvent.objects.filter(owner=who["applicant"], actor=who["unit"])
    first = page_without_token(unit, review)
    assert page_without_token(unit, review) == first
    assert reads.count() == 2  # the second read came from the cache and is recorded too
    before = page_without_token(owner, editor)
    assert page_without_token(owner, editor) == before
    assert len(caches["pages"]._cache) == 2
    assert reads.count() == 2  # her own reads are not recorded
    saved = unit.post(
        f"/api/v1/applications/{number}/comments/",
        {"section": "basic", "text": "单位性质选择错误"},
        content_type="application/json",
    )
    assert saved.status_code == 201
    assert "单位性质选择错误" in page_without_token(unit, review)
    assert "单位性质选择错误" in page_without_token(owner, editor)
    # Changed in place, as a second worker's write would, without saving the application.
    with in_region("urumqi"):
        ReviewComment.objects.filter(text="单位性质选择错误").update(text="请选择事业单位")
    assert "请选择事业单位" in page_without_token(unit, review)
    assert "请选择事业单位" in page_without_token(owner, editor)
    assert reads.count() == 4


def test_nobody_else_gets_the_cached_review_page(at_unit):
    number, who = at_unit
    unit = client_for("urumqi")
    unit.force_login(who["unit"])
    assert unit.get(f"/review/{number}/").status_code == 200
    other = client_for("urumqi")
    other.force_login(who["other_unit_admin"])
    assert other.get(f"/review/{number}/").status_code == 404
    elsewhere = client_for("kashgar")
    elsewhere.force_login(who["unit"])
    assert elsewhere.get(f"/review/{number}/").status_code == 404
    owner = client_for("urumqi")
    owner.force_login(who["applicant"])
    mine = owner.get(f"/applications/{number}/").content.decode()
    assert number in mine
    stranger = client_for("urumqi")
    stranger.force_login(who["other_authority"])
    assert stranger.get(f"/applications/{number}/").status_code == 404
