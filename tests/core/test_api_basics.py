"""The API's shape: token on every host, /me, the error contract, the schema and docs."""

import pytest

from core.demo import DEMO_PASSWORD
from tests.support import RegionClient, client_for


def _token(code: str, username: str, password: str = DEMO_PASSWORD):
    return client_for(code).post(
        "/api/v1/auth/token/", {"username": username, "password": password}
    )


@pytest.mark.parametrize(
    "issued_on,used_on", [("public", "urumqi"), ("kashgar", "public"), ("hotan", "altay")]
)
def test_a_token_from_one_host_works_on_every_host(alice, issued_on, used_on):
    token = _token(issued_on, alice.username).json()["token"]
    me = client_for(used_on).get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.status_code == 200
    body = me.json()
    assert body["username"] == alice.username
    assert body["name"] == "阿丽娅"
    assert body["role"] == "applicant"
    assert len(body["regions"]) == 15
    assert body["minutes_used"] == 0.0


def test_a_wrong_password_gets_a_400_with_a_translated_message(alice):
    response = _token("public", alice.username, "nope")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["用户名或密码不正确。"]}


def test_english_is_given_when_asked_for(alice):
    response = RegionClient(HTTP_HOST="localhost", HTTP_ACCEPT_LANGUAGE="en").post(
        "/api/v1/auth/token/", {"username": alice.username, "password": "nope"}
    )
    assert response.json() == {"non_field_errors": ["Incorrect username or password."]}


def test_no_credentials_is_401_and_a_bad_token_too(db):
    client = RegionClient(HTTP_HOST="urumqi.localhost")
    assert client.get("/api/v1/me/").status_code == 401
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token not-a-token").status_code == 401


def test_a_region_admin_acts_only_in_their_region(make_user):
    from core.models import Role
    from tenants.models import Region

    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="ili"))
    client = RegionClient(HTTP_HOST="localhost")
    client.force_login(admin)
    assert client.get("/api/v1/me/").json()["regions"] == ["ili"]


def test_the_login_api_is_throttled_with_429(alice, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": "3/min"},
    }
    from django.core.cache import cache

    cache.clear()
    codes = [_token("public", alice.username, "nope").status_code for _ in range(4)]
    assert codes == [400, 400, 400, 429]
    assert "detail" in _token("public", alice.username, "nope").json()
    cache.clear()


@pytest.mark.parametrize("code", ["public", "urumqi"])
def test_the_openapi_schema_and_docs_are_served_on_every_host(db, code):
    client = client_for(code)
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/regions/", "/api/v1/auth/token/", "/api/v1/me/"} <= set(paths)
    assert client.get("/api/docs/").status_code == 200
