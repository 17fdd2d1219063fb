"""阿丽娅 binds her WeChat on her profile and from then on logs in by scanning a code; every
round trip goes over real HTTP to the sandbox WeChat (tests/core/wechat_sandbox.py)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import IntegrityError, transaction

from core.demo import DEMO_PASSWORD
from core.models import AuditEvent, AuditKind, WechatBinding
from tests.core.wechat_sandbox import control, path_of, scan
from tests.support import RegionClient, client_for

pytestmark = pytest.mark.django_db

NOT_BOUND = "该微信尚未绑定账号，请先用账号密码登录后在个人信息中绑定"


def start_bind(client: RegionClient) -> str:
    response = client.post("/accounts/profile/", {"wechat_bind": "1"})
    assert response.status_code == 302
    return response["Location"]


def bind(client: RegionClient, wxid: str = "alice"):
    """Bind on the profile: the browser goes to WeChat, the phone confirms, WeChat sends the
    browser back; the callback's answer."""
    return client.get(path_of(scan(start_bind(client), wxid)))


def start_login(client: RegionClient, region: str = "urumqi", **extra) -> str:
    response = client.post("/accounts/wechat/login/", {"region": region, **extra})
    assert response.status_code == 302
    return response["Location"]


def logged_in(client: RegionClient) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def alice_bound(alice, wechat):
    client = client_for("public")
    client.force_login(alice)
    assert bind(client).status_code == 302
    return alice


def test_alice_binds_her_wechat_on_her_profile_and_sees_it_bound(alice, wechat):
    client = client_for("urumqi")
    client.force_login(alice)
    assert "绑定微信" in client.get("/accounts/profile/").content.decode()

    authorize = start_bind(client)
    assert authorize.startswith(f"{wechat}/connect/qrconnect?")
    query = parse_qs(urlsplit(authorize).query)
    assert query["redirect_uri"] == ["http://urumqi.localhost/accounts/wechat/callback/"]
    assert query["scope"] == ["snsapi_login"]
    back = client.get(path_of(scan(authorize, "alice")))

    assert back.status_code == 302
    assert back["Location"] == "/accounts/profile/"
    page = client.get("/accounts/profile/").content.decode()
    assert "微信已绑定" in page
    assert "已绑定微信：阿丽娅" in page
    binding = WechatBinding.objects.get(user=alice)
    assert binding.openid.startswith("o")
    assert binding.unionid.startswith("u")
    assert AuditEvent.objects.filter(kind=AuditKind.WECHAT_BIND, actor=alice, success=True).exists()


def test_she_logs_in_on_the_public_site_by_scanning_and_lands_in_urumqi(alice_bound):
    public = client_for("public")
    login_page = public.get("/accounts/login/").content.decode()
    assert "微信扫码登录" in login_page

    back = public.get(path_of(scan(start_login(public, "urumqi", next="/applications/"))))

    assert back.status_code == 302
    assert back["Location"].startswith("http://urumqi.localhost/accounts/handoff/?ticket=")
    urumqi = client_for("urumqi")
    landed = urumqi.get(path_of(back["Location"]))
    assert landed.status_code == 302
    assert landed["Location"] == "/applications/"
    assert "阿丽娅" in urumqi.get("/").content.decode()
    logins = AuditEvent.objects.filter(kind=AuditKind.LOGIN, actor=alice_bound)
    # force_login in the fixture, the scan, then the hand-off
    assert [e.detail for e in logins.order_by("pk")][-2:] == [{"via": "wechat"}, {}]


def test_on_a_region_host_she_stays_on_it(alice_bound):
    kashgar = client_for("kashgar")
    back = kashgar.get(path_of(scan(start_login(kashgar, "kashgar"))))
    assert back.status_code == 302
    assert back["Location"] == "/"
    assert logged_in(kashgar)


def test_an_unbound_wechat_is_told_to_bind_first_and_gets_no_session(alice_bound, wechat):
    public = client_for("public")
    back = public.get(path_of(scan(start_login(public), "zhangwei")))

    assert back.status_code == 400
    assert NOT_BOUND in back.content.decode()
    assert not logged_in(public)
    failed = AuditEvent.objects.filter(kind=AuditKind.LOGIN_FAILED).latest("created_at")
    assert failed.detail == {"via": "wechat", "reason": "unknown"}


def test_a_callback_carried_to_another_browser_is_refused(alice_bound):
    """Someone sends 阿丽娅's (or their own) callback link to another browser: its state is
    not that browser's, so nobody is logged in there."""
    started_here = client_for("public")
    callback = scan(start_login(started_here))
    elsewhere = client_for("public")
    elsewhere.get("/accounts/login/")

    answer = elsewhere.get(path_of(callback))

    assert answer.status_code == 400
    assert "微信登录请求无效或已过期" in answer.content.decode()
    assert not logged_in(elsewhere)


def test_a_forged_state_is_refused(alice_bound):
    public = client_for("public")
    callback = scan(start_login(public))
    code = parse_qs(urlsplit(callback).query)["code"][0]
    answer = public.get("/accounts/wechat/callback/", {"code": code, "state": "forged"})
    assert answer.status_code == 400
    assert "微信登录请求无效或已过期" in answer.content.decode()
    assert not logged_in(public)


def test_a_replayed_callback_and_a_replayed_code_are_refused(alice_bound):
    public = client_for("public")
    callback = scan(start_login(public, "xj"))
    assert public.get(path_of(callback)).status_code == 302
    public.post("/accounts/logout/")

    replayed = public.get(path_of(callback))
    assert replayed.status_code == 400
    assert not logged_in(public)

    # A fresh state this time, but the code WeChat already exchanged once.
    fresh = parse_qs(urlsplit(start_login(public, "xj")).query)["state"][0]
    code = parse_qs(urlsplit(callback).query)["code"][0]
    answer = public.get("/accounts/wechat/callback/", {"code": code, "state": fresh})
    assert answer.status_code == 400
    assert "微信授权码已使用过" in answer.content.decode()
    assert not logged_in(public)


def test_an_expired_code_is_refused(alice_bound, wechat):
    control(wechat, code_ttl=-1)
    public = client_for("public")
    answer = public.get(path_of(scan(start_login(public))))
    assert answer.status_code == 400
    assert "微信授权码已过期" in answer.content.decode()
    assert not logged_in(public)


def test_refusing_on_the_phone_logs_nobody_in(alice_bound):
    public = client_for("public")
    answer = public.get(path_of(scan(start_login(public), outcome="refuse")))
    assert answer.status_code == 400
    assert "您已在微信中取消授权" in answer.content.decode()
    assert not logged_in(public)


def test_when_wechat_is_down_the_page_says_so_and_nobody_is_logged_in(alice_bound, wechat):
    public = client_for("public")
    callback = scan(start_login(public))
    control(wechat, down=True)
    answer = public.get(path_of(callback))
    assert answer.status_code == 400
    assert "暂时无法连接微信" in answer.content.decode()
    assert not logged_in(public)


def test_an_unreachable_wechat_is_the_same(alice_bound, settings):
    public = client_for("public")
    callback = scan(start_login(public))
    settings.WECHAT_API_URL = "http://127.0.0.1:9"  # nothing listens there
    answer = public.get(path_of(callback))
    assert answer.status_code == 400
    assert "暂时无法连接微信" in answer.content.decode()


def test_a_wrong_app_secret_is_refused_by_wechat(alice_bound, settings):
    public = client_for("public")
    callback = scan(start_login(public))
    settings.WECHAT_SECRET = "not-the-secret"
    answer = public.get(path_of(callback))
    assert answer.status_code == 400
    assert "微信拒绝了本次请求" in answer.content.decode()
    assert not logged_in(public)


def test_bob_cannot_bind_alices_wechat(alice_bound, bob, wechat):
    client = client_for("public")
    client.force_login(bob)
    answer = bind(client, "alice")
    assert answer.status_code == 302
    assert "该微信已绑定其他账号" in client.get("/accounts/profile/").content.decode()
    assert not WechatBinding.objects.filter(user=bob).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.WECHAT_BIND, actor=bob, success=False).exists()


def test_an_account_binds_one_wechat_at_a_time(alice_bound, wechat):
    client = client_for("public")
    client.force_login(alice_bound)
    bind(client, "guli")
    assert "您的账号已绑定微信" in client.get("/accounts/profile/").content.decode()
    assert WechatBinding.objects.get(user=alice_bound).nickname == "阿丽娅"


def test_the_database_holds_one_wechat_per_account_and_one_account_per_wechat(alice, bob):
    WechatBinding.objects.create(user=alice, openid="o-one")
    with pytest.raises(IntegrityError), transaction.atomic():
        WechatBinding.objects.create(user=bob, openid="o-one")
    with pytest.raises(IntegrityError), transaction.atomic():
        WechatBinding.objects.create(user=alice, openid="o-two")


def test_a_bind_callback_in_another_persons_session_binds_nothing(alice, bob, wechat):
    """Bob's bind link opened in 阿丽娅's browser: her session did not start it."""
    bobs = client_for("public")
    bobs.force_login(bob)
    callback = scan(start_bind(bobs), "maimaiti")
    hers = client_for("public")
    hers.force_login(alice)
    hers.post("/accounts/profile/", {"wechat_bind": "1"})  # she started one of her own

    hers.get(path_of(callback))

    assert not WechatBinding.objects.exists()
    assert "微信登录请求无效或已过期" in hers.get("/accounts/profile/").content.decode()


def test_unbinding_asks_for_the_password_and_then_the_wechat_no_longer_logs_in(alice_bound):
    client = client_for("public")
    client.force_login(alice_bound)
    wrong = client.post("/accounts/profile/", {"wechat_unbind": "1", "password": "nope"})
    assert wrong.status_code == 400
    assert "密码不正确" in wrong.content.decode()
    assert WechatBinding.objects.filter(user=alice_bound).exists()

    done = client.post("/accounts/profile/", {"wechat_unbind": "1", "password": DEMO_PASSWORD})
    assert done.status_code == 302
    page = client.get("/accounts/profile/").content.decode()
    assert "已解除微信绑定" in page
    assert "尚未绑定微信" in page
    assert not WechatBinding.objects.exists()
    assert AuditEvent.objects.filter(kind=AuditKind.WECHAT_UNBIND, actor=alice_bound).exists()

    public = client_for("public")
    answer = public.get(path_of(scan(start_login(public), "alice")))
    assert NOT_BOUND in answer.content.decode()


def test_a_locked_out_account_cannot_scan_its_way_in(alice_bound, settings):
    public = client_for("public")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        public.post(
            "/accounts/login/",
            {"username": alice_bound.username, "password": "wrong", "region": "xj"},
        )
    answer = public.get(path_of(scan(start_login(public))))
    assert answer.status_code == 429
    assert "账号已暂时锁定" in answer.content.decode()
    assert not logged_in(public)


def test_scanning_is_throttled_like_the_password_login(alice_bound, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"login": "2/min", "anonymous_upload": "1000/min"},
    }
    public = client_for("public", REMOTE_ADDR="203.0.113.9")
    for _attempt in range(2):
        public.get("/accounts/wechat/callback/", {"code": "x", "state": "y"})
    answer = public.get(path_of(scan(start_login(public))))
    assert answer.status_code == 429
    assert "操作过于频繁" in answer.content.decode()
    assert not logged_in(public)


@pytest.mark.parametrize(
    "query",
    [
        {"code": "\x00", "state": "\x00"},
        {"code": "x" * 100_000, "state": "y"},
        {},
        {"state": "s" * 5000},
    ],
)
def test_odd_callbacks_answer_400_not_500(db, query, wechat):
    answer = client_for("public").get("/accounts/wechat/callback/", query)
    assert answer.status_code == 400


def test_an_unknown_region_is_refused_at_the_start(db, wechat):
    answer = client_for("public").post("/accounts/wechat/login/", {"region": "atlantis"})
    assert answer.status_code == 400


def test_through_the_api_she_sees_her_binding_and_unbinds_it_with_her_password(alice_bound):
    client = client_for("urumqi")
    client.force_login(alice_bound)
    mine = client.get("/api/v1/me/wechat/").json()
    assert mine["bound"] is True
    assert mine["nickname"] == "阿丽娅"

    wrong = client.delete("/api/v1/me/wechat/", {"password": "nope"}, "application/json")
    assert wrong.status_code == 400
    assert WechatBinding.objects.filter(user=alice_bound).exists()

    done = client.delete("/api/v1/me/wechat/", {"password": DEMO_PASSWORD}, "application/json")
    assert done.status_code == 204
    assert client.get("/api/v1/me/wechat/").json() == {
        "bound": False,
        "nickname": "",
        "bound_at": None,
    }
    assert AuditEvent.objects.filter(kind=AuditKind.WECHAT_UNBIND, actor=alice_bound).exists()


def test_the_api_asks_who_is_calling(db):
    assert client_for("public").get("/api/v1/me/wechat/").status_code == 401
