"""One login works in every region: the region selector, the hand-off and logging out."""

from urllib.parse import parse_qs, urlsplit

import pytest

from core.demo import DEMO_PASSWORD
from core.identity.handoff import handoff_issue
from tests.support import RegionClient


def _log_in(client: RegionClient, user, region: str, **extra):
    return client.post(
        "/accounts/login/",
        {"username": user.username, "password": DEMO_PASSWORD, "region": region, **extra},
    )


def _follow_handoff(location: str) -> tuple[RegionClient, object]:
    parts = urlsplit(location)
    client = RegionClient(HTTP_HOST=parts.hostname)
    response = client.get(f"{parts.path}?{parts.query}")
    return client, response


def test_alice_picks_urumqi_at_login_and_lands_there_logged_in(alice, host_client):
    public = host_client("public")
    response = _log_in(public, alice, "urumqi")

    assert response.status_code == 302
    assert response["Location"].startswith("http://urumqi.localhost/accounts/handoff/?ticket=")
    urumqi, landed = _follow_handoff(response["Location"])
    assert landed.status_code == 302
    assert landed["Location"] == "/"
    page = urumqi.get("/").content.decode()
    assert "阿丽娅" in page
    assert "乌鲁木齐市" in page


def test_a_wrong_password_stays_on_the_login_page_with_a_clear_error(alice, host_client):
    response = host_client("public").post(
        "/accounts/login/", {"username": alice.username, "password": "wrong", "region": "xj"}
    )
    assert response.status_code == 400
    assert "用户名或密码不正确" in response.content.decode()


def test_the_login_page_offers_fifteen_regions_autonomous_region_first(db, host_client):
    page = host_client("public").get("/accounts/login/").content.decode()
    options = page.split('name="region"')[1].split("</select>")[0]
    assert options.count("<option") == 15
    assert options.index("自治区") < options.index("乌鲁木齐市") < options.index("阿勒泰地区")


def test_a_ticket_works_once(alice, host_client):
    location = _log_in(host_client("public"), alice, "kashgar")["Location"]
    _first, ok = _follow_handoff(location)
    _second, replay = _follow_handoff(location)
    assert ok.status_code == 302
    assert replay.status_code == 400


def test_a_ticket_for_one_region_does_not_open_another(alice):
    ticket = handoff_issue(user=alice, region_code="aksu")
    stranger = RegionClient(HTTP_HOST="hotan.localhost")
    assert stranger.get("/accounts/handoff/", {"ticket": ticket}).status_code == 400
    assert "阿丽娅" not in stranger.get("/").content.decode()


def test_an_expired_ticket_is_refused(alice, settings):
    settings.HANDOFF_TTL_SECONDS = -1
    ticket = handoff_issue(user=alice, region_code="aksu")
    assert (
        RegionClient(HTTP_HOST="aksu.localhost")
        .get("/accounts/handoff/", {"ticket": ticket})
        .status_code
        == 400
    )


@pytest.mark.parametrize(
    "evil", ["https://evil.example.com/", "//evil.example.com/x", "http://urumqi.localhost.evil/"]
)
def test_next_never_leaves_the_platform(alice, host_client, evil):
    location = _log_in(host_client("public"), alice, "urumqi", next=evil)["Location"]
    assert parse_qs(urlsplit(location).query)["next"] == ["/"]
    _client, landed = _follow_handoff(location)
    assert landed["Location"] == "/"


def test_switching_region_from_any_page_keeps_alice_logged_in(alice, host_client):
    urumqi = host_client("urumqi", user=alice)
    response = urumqi.get("/switch-region/", {"to": "hami"})
    assert response["Location"].startswith("http://hami.localhost/accounts/handoff/")
    hami, _landed = _follow_handoff(response["Location"])
    assert "阿丽娅" in hami.get("/").content.decode()


def test_switching_to_a_made_up_region_is_refused(alice, host_client):
    assert (
        host_client("urumqi", user=alice).get("/switch-region/", {"to": "atlantis"}).status_code
        == 400
    )


def test_logging_out_in_one_region_logs_out_everywhere(alice, host_client):
    public = host_client("public")
    location = _log_in(public, alice, "turpan")["Location"]
    turpan, _landed = _follow_handoff(location)
    assert "阿丽娅" in public.get("/").content.decode()

    turpan.post("/accounts/logout/")

    assert "阿丽娅" not in turpan.get("/").content.decode()
    assert "阿丽娅" not in public.get("/").content.decode()
    assert public.get("/api/v1/me/").status_code in {401, 403}


def test_a_ticket_issued_before_logout_is_dead_after_it(alice, host_client):
    public = host_client("public")
    location = _log_in(public, alice, "changji")["Location"]
    public.post("/accounts/logout/")
    _client, response = _follow_handoff(location)
    assert response.status_code == 400
