"""What an outside probe of the platform found (issue 12), each kept closed by a test.

The cast: Alice (an applicant, the victim whose files and account must stay hers), Mallory (an
attacker who registers, controls a unit, or sends links), and the proxies in front of the site.
"""

import io
from datetime import date

import pytest
from django.core import signing
from PIL import Image

from core.identity.validators import make_id_card_number
from core.models import LibraryItem, User
from tests.support import client_for

STRONG = "Tianshan-2026"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test gets an empty private root; development serving (no nginx)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    return settings.MEDIA_ROOT


def png_file(color="white", name="scan.png", size=(300, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def mallory_payload(**overrides):
    payload = {
        "username": "mallory",
        "password": STRONG,
        "name": "马洛里",
        "id_card_number": make_id_card_number("650102", date(1990, 1, 2), 77),
        "phone": "13899001177",
        "email": "mallory@example.cn",
    }
    return {**payload, **overrides}


def register_applicant(payload, code="public"):
    return client_for(code).post(
        "/api/v1/auth/register/applicant/", payload, content_type="application/json"
    )


# --- 1. a file's hash is an identifier, never a key to the file --------------------------------


@pytest.fixture
def alice_scan(alice):
    """Alice's ID scan in her 附件库; its hash is what an attacker can learn (an ETag)."""
    client = client_for("urumqi")
    client.force_login(alice)
    response = client.post("/api/v1/blobs/", {"file": png_file("navy")})
    assert response.status_code == 201
    sha = response.json()["sha256"]
    alice.id_card_scan = sha
    alice.save(update_fields=["id_card_scan"])
    return sha


def upload_scan(color="olive"):
    response = client_for("public").post(
        "/api/v1/auth/register/id-card-scan/", {"file": png_file(color)}
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_registering_with_someone_else_s_hash_is_refused(alice_scan):
    bare = register_applicant(mallory_payload(id_card_scan=alice_scan))
    assert bare.status_code == 400
    assert "id_card_scan" in bare.json()

    own = upload_scan()  # a real upload of Mallory's own: its token names her file only
    swapped = register_applicant(
        mallory_payload(id_card_scan=alice_scan, id_card_scan_token=own["upload_token"])
    )
    assert swapped.status_code == 400
    assert "id_card_scan" in swapped.json()

    forged = signing.dumps({"blob": alice_scan}, salt="not-ours")
    assert (
        register_applicant(
            mallory_payload(id_card_scan=alice_scan, id_card_scan_token=forged)
        ).status_code
        == 400
    )
    assert not User.objects.filter(username="mallory").exists()
    assert list(LibraryItem.objects.filter(blob_id=alice_scan).values_list("owner", flat=True)) == [
        User.objects.get(id_card_scan=alice_scan).pk
    ]


def test_a_scan_of_alice_s_library_cannot_be_claimed_even_with_a_token_of_its_own(alice_scan):
    """A token minted for a file someone already owns (here: signed by us for Alice's hash, as
    if leaked) still cannot make it another account's scan: the file must be nobody's yet."""
    token = signing.dumps({"blob": alice_scan}, salt="core.accounts.id_card_scan")
    response = register_applicant(mallory_payload(id_card_scan_token=token))
    assert response.status_code == 400
    assert not User.objects.filter(username="mallory").exists()


def test_an_anonymous_scan_is_claimed_once_with_its_token(db):
    scan = upload_scan()
    assert set(scan) >= {"sha256", "size", "content_type", "upload_token", "expires_in"}
    assert not LibraryItem.objects.filter(blob_id=scan["sha256"]).exists()  # nobody's yet

    first = register_applicant(
        mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
    )
    assert first.status_code == 201, first.content
    mallory = User.objects.get(username="mallory")
    assert mallory.id_card_scan == scan["sha256"]
    assert LibraryItem.objects.filter(owner=mallory, blob_id=scan["sha256"]).exists()

    again = register_applicant(
        mallory_payload(
            username="mallory2",
            id_card_number=make_id_card_number("650102", date(1990, 1, 3), 78),
            id_card_scan_token=scan["upload_token"],
        )
    )
    assert again.status_code == 400
    assert "id_card_scan" in again.json()


def test_an_expired_scan_token_is_refused(db, settings):
    scan = upload_scan()
    settings.SCAN_TOKEN_TTL_SECONDS = -1
    response = register_applicant(
        mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
    )
    assert response.status_code == 400


def test_the_victim_s_file_stays_out_of_reach_of_the_attacker(alice_scan):
    register_applicant(mallory_payload(id_card_scan=alice_scan))
    scan = upload_scan()
    assert (
        register_applicant(
            mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
        ).status_code
        == 201
    )
    mallory = User.objects.get(username="mallory")
    assert mallory.id_card_scan != alice_scan
    client = client_for("urumqi")
    client.force_login(mallory)
    assert client.get(f"/api/v1/blobs/{alice_scan}/content").status_code == 404
    assert client.get(f"/library/{alice_scan}/file").status_code == 404


def test_the_schema_documents_the_scan_token(db):
    schema = (
        client_for("public")
        .get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        .json()
    )
    assert "/api/v1/auth/register/id-card-scan/" in schema["paths"]
    fields = schema["components"]["schemas"]["ApplicantRegisterInput"]["properties"]
    assert {"id_card_scan", "id_card_scan_token"} <= set(fields)


# --- 2. the client's address: one setting for the throttle, the lockout and the audit log -----


@pytest.fixture
def throttle(settings):
    """The login throttle at three tries a minute, with an empty counter before and after."""
    from django.core.cache import cache

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": "3/min"},
    }
    cache.clear()
    yield
    cache.clear()


def token_attempt(username, password="wrong", forwarded=None, peer="127.0.0.1"):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_for("public").post(
        "/api/v1/auth/token/", {"username": username, "password": password}, **headers
    )


@pytest.mark.parametrize(
    ("proxies", "peer", "forwarded", "client"),
    [
        (0, "198.51.100.9", None, "198.51.100.9"),  # direct
        (0, "198.51.100.9", "203.0.113.7", "198.51.100.9"),  # direct, header made up
        (1, "127.0.0.1", "203.0.113.7", "203.0.113.7"),  # behind nginx
        (1, "127.0.0.1", "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # made up, then appended
        (1, "127.0.0.1", None, "127.0.0.1"),  # the proxy sent nothing
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
        (2, "127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(
    settings, rf, proxies, peer, forwarded, client
):
    from core.identity.network import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_ip(rf.get("/", **headers)) == client


def test_a_made_up_forwarded_header_does_not_reset_the_throttle(alice, throttle, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    codes = [
        token_attempt(alice.username, forwarded=f"203.0.113.{n}").status_code for n in range(4)
    ]
    assert codes == [400, 400, 400, 429]


def test_behind_one_proxy_a_made_up_header_does_not_reset_the_throttle(alice, throttle, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    codes = [
        token_attempt(alice.username, forwarded=f"6.6.6.{n}, 203.0.113.7").status_code
        for n in range(4)
    ]
    assert codes == [400, 400, 400, 429]
    # ...while another client behind the same proxy has tries of its own.
    assert token_attempt(alice.username, forwarded="203.0.113.8").status_code == 400


def test_behind_one_proxy_a_lockout_is_of_one_client_not_of_the_proxy(alice, settings):
    from core.models import AuditEvent, AuditKind

    settings.TRUSTED_PROXY_COUNT = 1
    codes = [token_attempt(alice.username, forwarded="203.0.113.7").status_code for _ in range(5)]
    assert codes == [400, 400, 400, 400, 429]
    # Alice, elsewhere behind the same nginx, still logs in...
    elsewhere = token_attempt(alice.username, "Demo-Pass-2026", forwarded="198.51.100.20")
    assert elsewhere.status_code == 200
    # ...and the audit log names the clients, not the proxy.
    addresses = set(
        AuditEvent.objects.filter(username=alice.username).values_list("ip_address", flat=True)
    )
    assert addresses == {"203.0.113.7", "198.51.100.20"}
    assert AuditEvent.objects.filter(
        kind=AuditKind.LOCKOUT, username=alice.username, ip_address="203.0.113.7"
    ).exists()


def test_without_a_proxy_the_audit_log_ignores_a_made_up_header(alice, settings):
    from core.models import AuditEvent, AuditKind

    settings.TRUSTED_PROXY_COUNT = 0
    token_attempt(alice.username, "Demo-Pass-2026", forwarded="6.6.6.6", peer="198.51.100.9")
    event = AuditEvent.objects.filter(kind=AuditKind.LOGIN, username=alice.username).latest("pk")
    assert event.ip_address == "198.51.100.9"


def test_production_and_nginx_agree_on_one_trusted_proxy():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    probe = (
        "import config.settings.production as s; "
        "print(s.TRUSTED_PROXY_COUNT, s.REST_FRAMEWORK['NUM_PROXIES'], s.AXES_CLIENT_IP_CALLABLE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["1", "1", "core.identity.network.client_ip"]
    nginx = (root / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx


# --- 3. API tokens end with the session: logout everywhere, a new password, idle time ---------


def new_token(user, password="Demo-Pass-2026"):
    response = client_for("public").post(
        "/api/v1/auth/token/", {"username": user.username, "password": password}
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def me_with(token, code="urumqi"):
    return client_for(code).get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")


def test_logging_out_everywhere_ends_every_api_token(alice):
    first, second = new_token(alice), new_token(alice)
    assert me_with(first).status_code == me_with(second, "kashgar").status_code == 200
    browser = client_for("urumqi")
    browser.force_login(alice)
    assert browser.post("/accounts/logout/").status_code == 302
    assert me_with(first).status_code == 401
    assert me_with(second, "kashgar").status_code == 401


def test_a_password_change_on_the_page_ends_every_api_token(alice):
    token = new_token(alice)
    browser = client_for("urumqi")
    browser.force_login(alice)
    elsewhere = client_for("kashgar")
    elsewhere.force_login(alice)
    changed = browser.post(
        "/accounts/profile/",
        {"change_password": "1", "old_password": "Demo-Pass-2026", "new_password": STRONG},
    )
    assert changed.status_code == 302
    assert me_with(token).status_code == 401
    assert browser.get("/accounts/profile/").status_code == 200  # this browser stays in
    assert elsewhere.get("/accounts/profile/").status_code == 302  # every other session ends


def test_a_password_change_through_the_api_ends_every_api_token(alice):
    token, other = new_token(alice), new_token(alice)
    changed = client_for("public").post(
        "/api/v1/me/password/",
        {"old_password": "Demo-Pass-2026", "new_password": STRONG},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert changed.status_code == 204
    assert me_with(token).status_code == 401
    assert me_with(other).status_code == 401
    assert me_with(new_token(alice, STRONG)).status_code == 200


def test_a_token_expires_after_the_idle_time_and_each_use_renews_it(alice, settings):
    from datetime import timedelta

    from django.utils import timezone
    from knox.models import AuthToken

    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_TTL": timedelta(minutes=30)}
    token = new_token(alice)
    row = AuthToken.objects.get(user=alice)
    AuthToken.objects.filter(pk=row.pk).update(expiry=timezone.now() + timedelta(minutes=2))
    assert me_with(token).status_code == 200  # used: renewed to 30 minutes from now
    assert AuthToken.objects.get(pk=row.pk).expiry > timezone.now() + timedelta(minutes=25)
    AuthToken.objects.filter(pk=row.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert me_with(token).status_code == 401
    assert not AuthToken.objects.filter(pk=row.pk).exists()


def test_tokens_are_stored_as_digests_and_garbage_is_refused(alice):
    from knox.models import AuthToken

    token = new_token(alice)
    assert not AuthToken.objects.filter(digest=token).exists()
    assert token not in {row.digest for row in AuthToken.objects.all()}
    client = client_for("urumqi")
    assert client.get("/api/v1/me/", HTTP_AUTHORIZATION="Token \xff\xfe").status_code == 401


# --- 4. a hand-off link never switches the person at the browser into another account --------


def handoff_link(user, code="urumqi"):
    from core.identity.handoff import handoff_issue

    return f"/accounts/handoff/?ticket={handoff_issue(user=user, region_code=code)}&next=/"


def test_alice_opening_mallory_s_handoff_link_stays_alice(alice, make_user):
    from core.models import AuditEvent, AuditKind

    mallory = make_user(name="马洛里")
    browser = client_for("urumqi")
    browser.force_login(alice)
    refused = browser.get(handoff_link(mallory))
    assert refused.status_code == 403
    page = refused.content.decode()
    assert "此登录链接属于其他账号" in page
    assert alice.name in page
    assert mallory.name not in page
    me = browser.get("/api/v1/me/")
    assert me.json()["username"] == alice.username
    assert AuditEvent.objects.filter(
        kind=AuditKind.LOGIN_FAILED, actor=mallory, detail__reason="another_account_logged_in"
    ).exists()


def test_the_refused_ticket_is_used_up(alice, make_user):
    mallory = make_user()
    link = handoff_link(mallory)
    browser = client_for("urumqi")
    browser.force_login(alice)
    assert browser.get(link).status_code == 403
    assert client_for("urumqi").get(link).status_code == 400


def test_one_s_own_ticket_and_a_fresh_browser_still_work(alice):
    browser = client_for("urumqi")
    browser.force_login(alice)
    assert browser.get(handoff_link(alice)).status_code == 302
    fresh = client_for("urumqi")
    assert fresh.get(handoff_link(alice)).status_code == 302
    assert fresh.get("/api/v1/me/").json()["username"] == alice.username


# --- 5. input that used to answer 500 answers 400/405/413 in the error contract ----------------


@pytest.fixture
def draft(alice, db):
    """Alice's draft application in Urumqi, her client there, and a complete unit's admin."""
    from core.catalog.sync import catalog_sync
    from core.models import Role
    from tenants.models import Region
    from tests.support import complete_unit
    from tests.workflow.conftest import create, open_offering

    catalog_sync()
    offering = open_offering()
    unit = complete_unit(
        Region.objects.get(schema_name="urumqi"), "乌鲁木齐市第十中学", "乌市十中", "TK000001"
    )
    unit.save()
    client = client_for("urumqi")
    client.force_login(alice)
    created = create(client, offering, unit)
    assert created.status_code == 201, created.content
    admin = User.objects.create(username="unit-ten", name="十中", role=Role.UNIT_ADMIN, unit=unit)
    reviewer = client_for("urumqi")
    reviewer.force_login(admin)
    return {
        "client": client,
        "number": created.json()["number"],
        "section": created.json()["sections"][0]["key"],
        "reviewer": reviewer,
    }


def assert_contract(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert isinstance(body, dict) and body
    if status == 400:
        assert all(isinstance(v, list) for v in body.values()) or set(body) == {"detail", "code"}
    else:
        assert set(body) == {"detail", "code"}


def test_attachments_answer_405_to_the_method_of_the_other_route(draft):
    client, number = draft["client"], draft["number"]
    assert_contract(client.delete(f"/api/v1/applications/{number}/attachments/"), 405)
    assert_contract(
        client.post(
            f"/api/v1/applications/{number}/attachments/5/", {}, content_type="application/json"
        ),
        405,
    )


@pytest.mark.parametrize("name", ["search", "status", "level", "qualification", "limit"])
def test_a_nul_in_an_api_query_value_is_400(draft, name):
    response = draft["client"].get(f"/api/v1/applications/?{name}=a%00b")
    assert_contract(response, 400)
    assert name in response.json()


@pytest.mark.parametrize(
    "path", ["/api/v1/units/?search=a%00b", "/api/v1/authorities/?region=x%00"]
)
def test_a_nul_in_a_public_api_query_is_400(alice, path):
    client = client_for("public")
    client.force_login(alice)
    assert_contract(client.get(path), 400)


@pytest.mark.parametrize("page", ["/review/", "/review/all/"])
@pytest.mark.parametrize("name", ["q", "level", "status", "qualification"])
def test_a_nul_in_a_review_page_query_is_a_400_page(draft, page, name):
    response = draft["reviewer"].get(f"{page}?{name}=a%00b")
    assert response.status_code == 400
    assert "空字符" in response.content.decode()


def test_a_nul_in_a_form_body_or_path_is_400(draft):
    client, number, section = draft["client"], draft["number"], draft["section"]
    page = client.post(f"/applications/{number}/", {"section": section, "name": "阿\x00丽"})
    assert page.status_code == 400
    attach = client.post(f"/applications/{number}/attach/", {"section": section, "blob": "\x00"})
    assert attach.status_code == 400
    assert client.get("/review/RSSQ%00/").status_code == 400


def put_section(draft, body):
    return draft["client"].put(
        f"/api/v1/applications/{draft['number']}/sections/{draft['section']}/",
        body,
        content_type="application/json",
    )


@pytest.mark.parametrize(
    "body",
    [
        '{"data": {"name": "a\\u0000b"}}',  # NUL
        '{"data": {"name": "\\ud800"}}',  # a lone surrogate
        '{"data": {"\\u0000": "x"}}',  # NUL in a key
        '{"data": {"x": ' + "[" * 1000 + "]" * 1000 + "}}",  # ~1,000 deep
        '{"data": {"x": ' + "[" * 100 + "]" * 100 + "}}",  # deeper than any form
    ],
    ids=["nul", "surrogate", "nul-key", "deep-1000", "deep-100"],
)
def test_section_data_the_database_cannot_take_is_400(draft, body):
    assert_contract(put_section(draft, body), 400)


def test_a_lone_surrogate_anywhere_in_json_is_400(db):
    response = client_for("public").post(
        "/api/v1/auth/register/applicant/",
        '{"username": "x", "email": "\\udfff@example.cn"}',
        content_type="application/json",
    )
    assert_contract(response, 400)


@pytest.mark.parametrize("offset", [2**63, 2**63 + 1, 2**31, 10**30])
def test_an_offset_past_postgresql_s_bigint_is_400(draft, offset):
    response = draft["client"].get(f"/api/v1/applications/?offset={offset}")
    assert_contract(response, 400)
    assert "offset" in response.json()


def unit_form(name, **overrides):
    from core.identity.validators import make_credit_code

    data = {
        "username": "long-unit",
        "password": STRONG,
        "name": name,
        "short_name": "长名单位",
        "credit_code": make_credit_code("1", "2", "650100", "LN000001"),
        "region": "urumqi",
        "contact_name": "王建国",
        "contact_phone": "0991-1234567",
    }
    return {**data, **overrides}


@pytest.mark.parametrize("length", [65, 100, 128])
def test_a_unit_whose_full_name_is_65_to_128_characters_registers(db, length):
    """The unit's name may be 128 characters (the form, the API and the model agree); the
    admin account, whose name holds 64, was given it and the database refused: a 500."""
    name = "新疆" + "长" * (length - 4) + "公司"
    response = client_for("public").post(
        "/api/v1/auth/register/unit/", unit_form(name), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    admin = User.objects.get(username="long-unit")
    assert admin.unit.name == name
    assert admin.name == "长名单位"


def test_a_unit_name_of_65_characters_registers_on_the_page_too(db):
    name = "新疆" + "长" * 61 + "公司"
    response = client_for("public").post(
        "/accounts/register/unit/", {**unit_form(name), "password_again": STRONG}
    )
    assert response.status_code == 302


def test_a_unit_name_over_128_characters_is_400_at_the_field(db):
    response = client_for("public").post(
        "/api/v1/auth/register/unit/", unit_form("长" * 129), content_type="application/json"
    )
    assert_contract(response, 400)
    assert "name" in response.json()
    page = client_for("public").post(
        "/accounts/register/unit/", {**unit_form("长" * 129), "password_again": STRONG}
    )
    assert page.status_code == 400


def test_an_id_scan_over_2_mb_on_the_registration_page_is_413_with_a_message(db):
    big = io.BytesIO(png_file().getvalue() + b"\0" * (2 * 1024 * 1024))
    big.name = "scan.png"
    form = {
        **mallory_payload(),
        "password_again": STRONG,
        "id_card_scan": big,
    }
    response = client_for("public").post("/accounts/register/applicant/", form)
    assert response.status_code == 413
    assert "文件超过 2 MB 上限" in response.content.decode()
    assert not User.objects.filter(username="mallory").exists()


# --- 6. guessing the old password is throttled and locked out like a login ---------------------


def change_password(client, old, new=STRONG, **headers):
    return client.post(
        "/api/v1/me/password/",
        {"old_password": old, "new_password": new},
        content_type="application/json",
        **headers,
    )


def assert_locked_out_json(response):
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": "登录失败次数过多，账号已暂时锁定，请稍后再试或找回密码。",
        "code": "locked_out",
    }


def test_the_fifth_wrong_old_password_locks_the_account_with_json_429(alice):
    from core.models import AuditEvent, AuditKind

    client = client_for("public")
    client.force_login(alice)
    codes = [change_password(client, f"guess-{n}").status_code for n in range(5)]
    assert codes == [400, 400, 400, 400, 429]
    right = change_password(client, "Demo-Pass-2026")
    assert_locked_out_json(right)
    alice.refresh_from_db()
    assert alice.check_password("Demo-Pass-2026")  # unchanged
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username=alice.username).exists()
    assert (
        AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED, username=alice.username).count() >= 5
    )
    # The same client cannot log in either: one lockout, as for the login.
    assert_locked_out_json(token_attempt(alice.username, "Demo-Pass-2026"))


def test_a_locked_out_login_through_the_api_answers_json_not_a_page(alice):
    for _ in range(5):
        token_attempt(alice.username)
    assert_locked_out_json(token_attempt(alice.username, "Demo-Pass-2026"))


def test_guessing_the_old_password_is_throttled_per_user(alice, throttle):
    token = new_token(alice)
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"}
    codes = [
        change_password(client_for("public"), "guess", **headers).status_code for _ in range(4)
    ]
    assert codes == [400, 400, 400, 429]
    assert set(change_password(client_for("public"), "x", **headers).json()) == {"detail", "code"}


def test_the_profile_page_locks_out_too(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    for n in range(5):
        client.post(
            "/accounts/profile/",
            {"change_password": "1", "old_password": f"guess-{n}", "new_password": STRONG},
        )
    locked = client.post(
        "/accounts/profile/",
        {"change_password": "1", "old_password": "Demo-Pass-2026", "new_password": STRONG},
    )
    assert locked.status_code == 429
    assert "锁定" in locked.content.decode()
    alice.refresh_from_db()
    assert alice.check_password("Demo-Pass-2026")


def test_the_right_old_password_still_changes_it_and_clears_failures(alice):
    client = client_for("public")
    client.force_login(alice)
    assert change_password(client, "wrong").status_code == 400
    assert change_password(client, "Demo-Pass-2026").status_code == 204
    alice.refresh_from_db()
    assert alice.check_password(STRONG)


# --- 7. PDFs with active content are refused; every file is served in a sandbox ---------------


def pdf_with(build=None) -> bytes:
    """A one-page PDF made with pypdf; `build(writer)` adds something to it."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if build is not None:
        build(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def open_action_javascript(writer):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('pwned');"),
        }
    )


def document_javascript(writer):
    """pypdf's own way: a script run on opening, in the /Names /JavaScript tree."""
    from pypdf.actions import JavaScript

    writer.add_open_action(JavaScript("this.print({bUI: false, bSilent: true});"))


def open_action_launch(writer):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer._root_object[NameObject("/OpenAction")] = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/Launch"),
                NameObject("/F"): TextStringObject("calc.exe"),
            }
        )
    )


def page_additional_action(writer):
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer.pages[0][NameObject("/AA")] = DictionaryObject(
        {
            NameObject("/O"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/URI"),
                    NameObject("/URI"): TextStringObject("https://evil.example/"),
                }
            )
        }
    )


def xfa_form(writer):
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject(), NameObject("/XFA"): ArrayObject()}
    )


def open_at_first_page(writer):
    from pypdf.generic import ArrayObject, NameObject

    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )


def named(data, name):
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


@pytest.fixture
def alice_client(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    return client


@pytest.mark.parametrize(
    "build",
    [
        open_action_javascript,
        document_javascript,
        open_action_launch,
        lambda writer: writer.add_attachment("run.exe", b"MZ\x90\x00"),
        page_additional_action,
        xfa_form,
    ],
    ids=["openaction-js", "names-js", "launch", "embedded-file", "page-aa", "xfa"],
)
def test_a_pdf_with_active_content_is_refused_and_not_stored(alice_client, build):
    from core.models import Blob

    response = alice_client.post("/api/v1/blobs/", {"file": named(pdf_with(build), "a.pdf")})
    assert response.status_code == 400
    assert "活动内容" in response.json()["file"][0]
    assert not Blob.objects.exists()


def test_a_hex_escaped_javascript_name_is_found_too(alice_client):
    data = pdf_with(open_action_javascript)
    assert b"/JavaScript" in data
    disguised = data.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")
    response = alice_client.post("/api/v1/blobs/", {"file": named(disguised, "a.pdf")})
    assert response.status_code == 400


def test_a_pdf_that_opens_at_its_first_page_is_fine(alice_client):
    response = alice_client.post(
        "/api/v1/blobs/", {"file": named(pdf_with(open_at_first_page), "a.pdf")}
    )
    assert response.status_code == 201, response.content


def test_the_anonymous_id_scan_upload_refuses_active_pdfs_too(db):
    response = client_for("public").post(
        "/api/v1/auth/register/id-card-scan/",
        {"file": named(pdf_with(open_action_javascript), "id.pdf")},
    )
    assert response.status_code == 400


def test_every_file_is_served_in_a_sandbox(alice_client):
    sha = alice_client.post("/api/v1/blobs/", {"file": png_file()}).json()["sha256"]
    pdf = alice_client.post("/api/v1/blobs/", {"file": named(pdf_with(), "a.pdf")})
    for path in [
        f"/api/v1/blobs/{sha}/content",
        f"/api/v1/blobs/{sha}/thumbnail",
        f"/library/{sha}/file",
        f"/library/{sha}/thumbnail",
        f"/api/v1/blobs/{pdf.json()['sha256']}/content",
    ]:
        response = alice_client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Security-Policy"] == "sandbox; frame-ancestors 'self'", path
        assert response["X-Content-Type-Options"] == "nosniff", path


def test_in_production_nginx_sends_the_file_and_the_sandbox(alice_client, settings):
    from pathlib import Path

    sha = alice_client.post("/api/v1/blobs/", {"file": png_file()}).json()["sha256"]
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    response = alice_client.get(f"/api/v1/blobs/{sha}/content")
    assert response["X-Accel-Redirect"].startswith("/_private/blobs/")
    assert response["Content-Security-Policy"] == "sandbox; frame-ancestors 'self'"
    nginx = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text()
    private = nginx.split("location /_private/")[1].split("}")[0]
    sandbox = "add_header Content-Security-Policy \"sandbox; frame-ancestors 'self'\" always;"
    assert sandbox in private
    assert 'add_header X-Content-Type-Options "nosniff" always;' in private


def test_a_truncated_image_is_refused_even_after_weasyprint_was_imported(alice_client):
    """weasyprint switches Pillow's LOAD_TRUNCATED_IMAGES on for the whole process."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "red").save(buffer, "JPEG", quality=95)
    truncated = named(buffer.getvalue()[:1500], "scan.jpg")
    assert alice_client.post("/api/v1/blobs/", {"file": truncated}).status_code == 400
    assert ImageFile.LOAD_TRUNCATED_IMAGES  # left as weasyprint wants it
