"""Host routing: every region on its own host, the public site on the base domain, 404 else."""

import pytest

from tenants.crossing import in_region
from tenants.models import Domain
from tenants.regions import region_create
from tenants.routing import REGION_MAP
from tests.support import client_for
from workflow.models import Notice


def test_the_public_site_and_a_region_answer_on_their_hosts(db, host_client):
    public = host_client("public").get("/")
    region = host_client("urumqi").get("/")
    assert public.status_code == 200
    assert region.status_code == 200
    assert "乌鲁木齐市" in region.content.decode()
    assert 'data-testid="current-region">公共站点' in public.content.decode()


@pytest.mark.parametrize("host", ["nowhere.localhost", "evil.example.com", "urumqi.localhost.evil"])
def test_an_unknown_host_gets_a_plain_404_never_the_public_site(db, client, host):
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 404
    body = response.content.decode()
    assert "404" in body
    assert "login-form" not in body


def test_an_unknown_host_is_404_on_the_api_too(db, client):
    assert client.get("/api/v1/regions/", HTTP_HOST="nowhere.localhost").status_code == 404


def test_the_regions_api_lists_fifteen_regions_autonomous_region_first(db, host_client):
    rows = host_client("public").get("/api/v1/regions/").json()
    assert len(rows) == 15
    assert rows[0] == {
        "code": "xj",
        "name": "自治区",
        "full_name": "新疆维吾尔自治区",
        "label": "自治区",
        "full_label": "新疆维吾尔自治区",
        "is_south_four": False,
        "url": "http://xj.localhost/",
    }
    south_four = {row["code"] for row in rows if row["is_south_four"]}
    assert south_four == {"kashgar", "hotan", "aksu", "kizilsu"}


def test_a_region_host_answers_the_regions_api_as_well(db, host_client):
    rows = host_client("kashgar").get("/api/v1/regions/").json()
    assert [row["code"] for row in rows][:2] == ["xj", "urumqi"]


def test_alternating_hosts_never_leak_rows_between_regions(db, host_client):
    with in_region("turpan"):
        Notice.objects.create(title="吐鲁番通知")
    with in_region("hami"):
        Notice.objects.create(title="哈密通知")
    turpan, hami = host_client("turpan"), host_client("hami")
    for _ in range(3):
        assert "吐鲁番通知" in turpan.get("/").content.decode()
        hami_page = hami.get("/").content.decode()
        assert "哈密通知" in hami_page
        assert "吐鲁番通知" not in hami_page


def test_one_connection_serving_regions_in_turn_answers_each_with_its_own_rows(
    db, settings, monkeypatch
):
    """A worker keeps its connection between requests (CONN_MAX_AGE), in whatever schema the
    last request left it: the next request on another host must still see only its own rows,
    and one on the same host must not pay a schema switch."""
    from django.db import connection
    from django.test import Client

    settings.ROUTING_RECHECK_SECONDS = 60
    with in_region("turpan"):
        Notice.objects.create(title="吐鲁番通知")
    with in_region("hami"):
        Notice.objects.create(title="哈密通知")
    turpan, hami = Client(HTTP_HOST="turpan.localhost"), Client(HTTP_HOST="hami.localhost")
    public = Client(HTTP_HOST="localhost")
    try:
        for _ in range(3):
            turpan_page = turpan.get("/").content.decode()
            assert connection.schema_name == "turpan"  # left as the request set it
            assert "吐鲁番通知" in turpan_page and "哈密通知" not in turpan_page
            hami_page = hami.get("/").content.decode()
            assert "哈密通知" in hami_page and "吐鲁番通知" not in hami_page
            assert public.get("/api/v1/regions/").status_code == 200
            assert connection.schema_name == "public"
        switches = []
        set_tenant = connection.set_tenant
        monkeypatch.setattr(
            connection, "set_tenant", lambda tenant: switches.append(tenant) or set_tenant(tenant)
        )
        hami.get("/")
        hami.get("/")
        assert [tenant.schema_name for tenant in switches] == ["hami"]  # once, not twice
    finally:
        connection.set_schema_to_public()


def test_a_sixteenth_region_is_one_call_and_routes_at_once(db, host_client):
    region_create(code="wujiaqu", name="五家渠市")
    response = host_client("wujiaqu").get("/")
    assert response.status_code == 200
    assert "五家渠市" in response.content.decode()
    assert Domain.objects.get(domain="wujiaqu.localhost").tenant == region_create(
        code="wujiaqu", name="五家渠市"
    )  # idempotent


def test_a_routed_request_costs_no_routing_query(
    db, host_client, django_assert_max_num_queries, settings
):
    settings.ROUTING_RECHECK_SECONDS = 60
    client = host_client("urumqi")
    client.get("/api/v1/regions/")  # warm the map
    with django_assert_max_num_queries(1) as captured:
        assert client.get("/api/v1/regions/").status_code == 200
    assert all(q["sql"].startswith("SET search_path") for q in captured.captured_queries)


def test_removing_a_domain_stops_routing_it(db, host_client):
    REGION_MAP.lookup("bortala.localhost")
    Domain.objects.filter(domain="bortala.localhost").delete()
    assert host_client("bortala").get("/").status_code == 404


def test_a_region_s_pages_end_with_where_to_find_its_committees_and_calls(db):
    page = client_for("kashgar").get("/").content.decode()
    footer = page.split('<footer class="site-footer">')[1]
    assert "喀什地区" in footer
    assert 'href="/committees/"' in footer and 'href="/offerings/"' in footer
    assert 'rel="icon"' in page
