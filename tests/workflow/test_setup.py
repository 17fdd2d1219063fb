"""A region admin sets up committees, offerings with windows, limits, fees and flows, and notices;
applicants read them through the pages and the API."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from core.catalog.sync import catalog_sync
from core.models import Authority, Qualification, Role
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for
from workflow.models import Committee, Flow
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save


@pytest.fixture
def catalog(db):
    catalog_sync()


@pytest.fixture
def urumqi_admin(make_user):
    return make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))


def logged_in(user, code="urumqi"):
    client = client_for(code)
    client.force_login(user)
    return client


def teachers_committee(**overrides):
    data = {
        "name": "乌鲁木齐市中小学教师职称评审委员会",
        "address": "人民路1号",
        "contacts": [{"name": "阿不都", "phone": "0991-3000001"}],
        "reviews": [{"series": "school-teacher", "levels": ["intermediate", "junior"]}],
    }
    return committee_save(**{**data, **overrides})


def an_offering(
    committee,
    code="school-teacher-chinese-intermediate",
    opens=-1,
    closes=10,
    nodes=DEFAULT_FLOW,
    **extra,
):
    now = timezone.now()
    return offering_save(
        committee=committee,
        qualification=Qualification.objects.get(code=code),
        year=timezone.localdate().year,
        opens_at=now + timedelta(days=opens),
        closes_at=now + timedelta(days=closes),
        flow_nodes=nodes,
        **extra,
    )


def test_the_admin_creates_a_committee_on_the_page(catalog, urumqi_admin):
    client = logged_in(urumqi_admin)
    response = client.post(
        "/setup/committees/new/",
        {
            "name": "乌鲁木齐市卫生系列评审委员会",
            "address": "健康路9号",
            "contacts": "玛依拉 0991-3000002\n李医生 0991-3000003",
            "reviews": ["health:junior", "health:intermediate"],
        },
    )
    assert response.status_code == 302
    with in_region("urumqi"):
        committee = Committee.objects.get(name="乌鲁木齐市卫生系列评审委员会")
    assert committee.contacts[1] == {"name": "李医生", "phone": "0991-3000003"}
    assert committee.reviews == [{"series": "health", "levels": ["junior", "intermediate"]}]
    directory = client_for("urumqi").get("/api/v1/committees/").json()
    assert directory[0]["contacts"][0]["phone"] == "0991-3000002"
    assert directory[0]["reviews"][0]["series_name"] == "卫生"


def test_an_offering_is_published_with_window_limit_fee_and_flow(catalog, urumqi_admin):
    with in_region("urumqi"):
        committee = teachers_committee()
    now = timezone.localtime()
    client = logged_in(urumqi_admin)
    response = client.post(
        "/setup/offerings/new/",
        {
            "committee": committee.pk,
            "qualification": Qualification.objects.get(code="school-teacher-math-intermediate").pk,
            "year": now.year,
            "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
            "max_submissions": 2,
            "fee": "150.00",
            "paper_instructions": "报送纸质材料一份",
            "with_recommending_unit": "on",
        },
    )
    assert response.status_code == 302
    rows = client_for("urumqi").get("/api/v1/offerings/", {"year": now.year, "open": "true"}).json()
    assert len(rows) == 1
    row = rows[0]
    assert row["qualification"] == "school-teacher-math-intermediate"
    assert (row["level"], row["series"], row["max_submissions"], row["fee"]) == (
        "intermediate",
        "school-teacher",
        2,
        "150.00",
    )
    assert [node["kind"] for node in row["flow"]] == ["base_unit", "recommending_unit", "committee"]
    assert row["flow"][-1]["contact_phone"] == "0991-3000001"
    assert row["days_to_deadline"] in (4, 5)


def test_a_committee_can_offer_only_what_it_reviews(catalog):
    with in_region("urumqi"):
        committee = teachers_committee()
        with pytest.raises(Exception) as error:
            an_offering(committee, code="school-teacher-chinese-senior")
    assert "不评审" in str(error.value)


def test_the_same_qualification_can_be_offered_by_several_regions(catalog):
    for code in ("urumqi", "xj"):
        with in_region(code):
            an_offering(teachers_committee(name=f"{code} 教师评审委员会"))
    for code in ("urumqi", "xj"):
        rows = client_for(code).get("/api/v1/offerings/").json()
        assert [r["qualification"] for r in rows] == ["school-teacher-chinese-intermediate"]


@pytest.mark.parametrize(
    ("opens", "closes", "state"), [(-5, 5, "open"), (3, 9, "not_yet"), (-9, -1, "closed")]
)
def test_the_window_decides_what_is_open(catalog, opens, closes, state):
    with in_region("hami"):
        an_offering(teachers_committee(), opens=opens, closes=closes)
    client = client_for("hami")
    assert client.get("/api/v1/offerings/").json()[0]["state"] == state
    assert len(client.get("/api/v1/offerings/", {"open": "true"}).json()) == (
        1 if state == "open" else 0
    )


def test_closing_an_offering_ends_its_window(catalog, make_user):
    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="turpan"))
    with in_region("turpan"):
        offering = an_offering(teachers_committee())
    logged_in(admin, "turpan").post(f"/setup/offerings/{offering.pk}/close/")
    assert client_for("turpan").get("/api/v1/offerings/").json()[0]["state"] == "closed"


def test_changing_a_flow_keeps_the_old_one_for_applications_under_way(catalog):
    region = Region.objects.get(schema_name="urumqi")
    authority = Authority.objects.create(region=region, name="县(市)级材料接收部门")
    with in_region("urumqi"):
        offering = an_offering(teachers_committee())
        old_flow = offering.flow
        an_offering(
            offering.committee,
            offering=offering,
            nodes=[
                {"kind": "base_unit"},
                {"kind": "authority", "authority_id": authority.pk},
                {"kind": "committee"},
            ],
        )
        offering.refresh_from_db()
        assert offering.flow_id != old_flow.pk
        assert Flow.objects.get(pk=old_flow.pk).nodes == old_flow.nodes
        assert offering.flow.nodes[1] == {
            "kind": "authority",
            "authority_id": authority.pk,
            "name": "县(市)级材料接收部门",
        }


@pytest.mark.parametrize(
    "nodes",
    [
        [{"kind": "committee"}],
        [{"kind": "base_unit"}, {"kind": "recommending_unit"}],
        [
            {"kind": "base_unit"},
            {"kind": "authority", "authority_id": 999999},
            {"kind": "committee"},
        ],
    ],
)
def test_a_flow_must_start_at_the_base_unit_and_end_at_the_committee(catalog, nodes):
    with in_region("urumqi"), pytest.raises(Exception, match="流程"):
        an_offering(teachers_committee(), nodes=nodes)


def test_an_authority_of_another_region_cannot_be_a_node(catalog):
    elsewhere = Authority.objects.create(
        region=Region.objects.get(schema_name="kashgar"), name="喀什地区教育局"
    )
    with in_region("urumqi"), pytest.raises(Exception, match="指定单位"):
        an_offering(
            teachers_committee(),
            nodes=[
                {"kind": "base_unit"},
                {"kind": "authority", "authority_id": elsewhere.pk},
                {"kind": "committee"},
            ],
        )


def test_a_region_admin_cannot_touch_another_region(catalog, urumqi_admin):
    with in_region("kashgar"):
        committee = teachers_committee(name="喀什地区中小学教师职称评审委员会")
    assert logged_in(urumqi_admin, "kashgar").get("/setup/").status_code == 404
    assert (
        logged_in(urumqi_admin, "kashgar").get(f"/setup/committees/{committee.pk}/").status_code
        == 404
    )
    assert (
        logged_in(urumqi_admin)
        .post(
            f"/setup/committees/{committee.pk}/",
            {"name": "x", "address": "y", "contacts": "z 1", "reviews": ["school-teacher:junior"]},
        )
        .status_code
        == 404
    )
    with in_region("kashgar"):
        assert Committee.objects.get(pk=committee.pk).name == "喀什地区中小学教师职称评审委员会"


def test_applicants_see_no_setup_pages(alice):
    assert logged_in(alice).get("/setup/").status_code == 404


def test_the_home_page_shows_open_offerings_and_the_directory(catalog):
    with in_region("aksu"):
        an_offering(teachers_committee(name="阿克苏地区中小学教师职称评审委员会"), closes=7)
    page = client_for("aksu").get("/").content.decode()
    assert "[中级]中小学教师/语文/一级教师" in page
    assert "距提交截止还有" in page
    assert "阿克苏地区中小学教师职称评审委员会" in page
    assert "定向评审" in page  # 南疆四地州


def test_notices_are_published_by_the_admin(catalog, urumqi_admin):
    logged_in(urumqi_admin).post(
        "/setup/notices/new/",
        {"title": "关于2026年度评审的通知", "body": "请按时提交。", "pinned": "on"},
    )
    assert "关于2026年度评审的通知" in client_for("urumqi").get("/").content.decode()


def test_the_offerings_api_costs_the_same_queries_for_one_or_many(
    catalog, django_assert_max_num_queries
):
    with in_region("ili"):
        committee = teachers_committee(
            reviews=[{"series": "school-teacher", "levels": ["junior", "intermediate"]}]
        )
        an_offering(committee)
    client = client_for("ili")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/offerings/")
    with in_region("ili"):
        for code in Qualification.objects.filter(
            specialty__series__code="school-teacher", level="junior"
        ).values_list("code", flat=True)[:20]:
            an_offering(committee, code=code, fee=Decimal("10"))
    with django_assert_max_num_queries(6):
        assert len(client.get("/api/v1/offerings/").json()) == 21


def test_a_notice_carries_attachments_anyone_can_open(catalog, urumqi_admin):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), "white").save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "评审安排表.png"
    client = logged_in(urumqi_admin)
    response = client.post(
        "/setup/notices/new/", {"title": "评审安排", "body": "见附件。", "attachment": buffer}
    )
    assert response.status_code == 302
    with in_region("urumqi"):
        from workflow.models import Notice

        notice = Notice.objects.get(title="评审安排")
    assert notice.attachments[0]["name"] == "评审安排表.png"
    visitor = client_for("urumqi")
    page = visitor.get(f"/notices/{notice.pk}/").content.decode()
    assert "评审安排表.png" in page
    sha = notice.attachments[0]["sha256"]
    assert visitor.get(f"/notices/{notice.pk}/files/{sha}").status_code == 200
    assert visitor.get(f"/notices/{notice.pk}/files/{'0' * 64}").status_code == 404
    assert client_for("kashgar").get(f"/notices/{notice.pk}/files/{sha}").status_code == 404


def test_a_script_posing_as_a_notice_attachment_is_refused(catalog, urumqi_admin):
    import io

    fake = io.BytesIO(b"#!/bin/sh\nrm -rf /\n")
    fake.name = "通知.pdf"
    response = logged_in(urumqi_admin).post(
        "/setup/notices/new/", {"title": "坏附件", "body": "x", "attachment": fake}
    )
    assert response.status_code == 400
    with in_region("urumqi"):
        from workflow.models import Notice

        assert not Notice.objects.filter(title="坏附件").exists()
