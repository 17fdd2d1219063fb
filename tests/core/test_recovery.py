"""找回用户名或密码 (manual 其他常见问题 (3)) and 账号申诉 (Part 2 §1–2).

Alice is an applicant who forgot her password, then her username, then lost her e-mail and
phone too; Bob is a stranger who tries the same doors with her details and with made-up ones
and must learn nothing. The region admins of 乌鲁木齐市 and 喀什地区 review appeals: each sees only
their own region's.
"""

import io
import json
import re
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from knox.models import AuthToken
from PIL import Image

from core.identity.accounts import unit_register
from core.identity.recovery import reset_tokens
from core.identity.validators import make_credit_code, make_id_card_number
from core.models import AccountAppeal, AuditEvent, AuditKind, Blob, LibraryItem, Role, SmsCode
from core.notifications import sms
from tenants.models import Region
from tests.support import client_for

NEW_PASSWORD = "Tianchi-Lake-2026"
ALICE_ID = make_id_card_number("650102", date(1990, 5, 4), 17)
ALICE_PHONE = "13912345678"
CREDIT_CODE = make_credit_code("9", "1", "650100", "MA78K3QB")
LINK = re.compile(r"https?://[^\s/]+/accounts/reset/[^\s/]+/[^\s/]+/")


@pytest.fixture(autouse=True)
def sms_and_files(settings, tmp_path):
    """Texts go to `core.notifications.sms.outbox`; uploads to an empty private root."""
    settings.SMS_BACKEND = "core.notifications.sms.LocmemBackend"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def alice(make_user):
    return make_user(
        Role.APPLICANT,
        name="阿丽娅",
        username="aliya",
        email="aliya@example.cn",
        phone=ALICE_PHONE,
        id_card_number=ALICE_ID,
    )


@pytest.fixture
def urumqi_admin(make_user):
    return make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))


@pytest.fixture
def kashgar_admin(make_user):
    return make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="kashgar"))


@pytest.fixture
def unit_admin(db):
    return unit_register(
        username="jintai-admin",
        password="Bogda-Feng-5445",
        name="新疆金泰华瑞建筑工程有限公司",
        short_name="金泰华瑞",
        credit_code=CREDIT_CODE,
        region="urumqi",
        contact_name="王建国",
        contact_phone="0991-1234567",
    )


def post_json(client, url, data):
    return client.post(url, data, content_type="application/json")


def link_in(message) -> str:
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(0)


def code_in(text) -> str:
    found = re.search(r"验证码(\d{6})", text)
    assert found, text
    return found.group(1)


def png(name="scan.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def logged_in(code, user):
    client = client_for(code)
    client.force_login(user)
    assert client.get("/accounts/profile/").status_code == 200
    return client


def is_logged_out(client) -> bool:
    return client.get("/accounts/profile/").status_code == 302


# --- 1. by e-mail link ------------------------------------------------------------------------


def test_alice_resets_her_password_with_an_emailed_link_that_works_once(alice):
    elsewhere = logged_in("kashgar", alice)
    AuthToken.objects.create(user=alice)
    answer = post_json(
        client_for("public"), "/api/v1/auth/password-reset/", {"username_or_email": "ALIYA"}
    )
    assert answer.status_code == 200
    assert answer.json() == {"detail": "如果信息匹配，我们已向该账号绑定的邮箱发送重置链接。"}
    (message,) = mail.outbox
    assert message.to == ["aliya@example.cn"]
    assert "aliya" in message.body
    link = link_in(message)
    assert link.startswith("http://localhost/accounts/reset/")

    browser = client_for("public")
    assert browser.get(link).status_code == 200
    done = browser.post(link, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD})
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert is_logged_out(elsewhere)
    assert not AuthToken.objects.filter(user=alice).exists()
    assert AuditEvent.objects.filter(kind=AuditKind.PASSWORD_RESET, actor=alice).count() == 1

    again = browser.post(link, {"new_password": "Other-Pass-2027", "new_password_again": "x"})
    assert again.status_code == 400
    assert "已使用或已过期" in again.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_the_link_points_to_the_host_the_request_came_from(alice):
    client_for("hami").post("/accounts/recover/email/", {"username_or_email": "aliya@example.cn"})
    assert link_in(mail.outbox[0]).startswith("http://hami.localhost/accounts/reset/")


def test_an_expired_link_is_refused(alice, monkeypatch):
    post_json(client_for(), "/api/v1/auth/password-reset/", {"username_or_email": "aliya"})
    uid, token = link_in(mail.outbox[0]).rstrip("/").split("/")[-2:]
    later = datetime.now() + timedelta(hours=1, minutes=1)
    monkeypatch.setattr(reset_tokens, "_now", lambda: later)
    answer = post_json(
        client_for(),
        "/api/v1/auth/password-reset/confirm/",
        {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
    )
    assert answer.status_code == 400
    assert "token" in answer.json()
    assert client_for().get(link_in(mail.outbox[0])).status_code == 400
    alice.refresh_from_db()
    assert not alice.check_password(NEW_PASSWORD)


def test_the_project_may_set_a_longer_link_lifetime(alice, monkeypatch, settings):
    settings.PASSWORD_RESET_TIMEOUT = 3 * 60 * 60
    post_json(client_for(), "/api/v1/auth/password-reset/", {"username_or_email": "aliya"})
    uid, token = link_in(mail.outbox[0]).rstrip("/").split("/")[-2:]
    later = datetime.now() + timedelta(hours=2)
    monkeypatch.setattr(reset_tokens, "_now", lambda: later)
    answer = post_json(
        client_for(),
        "/api/v1/auth/password-reset/confirm/",
        {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
    )
    assert answer.status_code == 200


def test_a_weak_new_password_is_refused_and_the_link_still_works(alice):
    post_json(client_for(), "/api/v1/auth/password-reset/", {"username_or_email": "aliya"})
    link = link_in(mail.outbox[0])
    weak = client_for().post(link, {"new_password": "12345678", "new_password_again": "12345678"})
    assert weak.status_code == 400
    assert 'data-field="new_password"' in weak.content.decode()
    good = client_for().post(
        link, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    )
    assert good.status_code == 302


def test_a_tampered_link_is_refused(alice):
    post_json(client_for(), "/api/v1/auth/password-reset/", {"username_or_email": "aliya"})
    link = link_in(mail.outbox[0])
    assert client_for().get(link[:-3] + "00/").status_code == 400
    assert client_for().get("/accounts/reset/Zm9v/1-abc/").status_code == 400


# --- 2. by SMS code ---------------------------------------------------------------------------


def test_alice_resets_her_password_with_a_texted_code_that_works_once(alice):
    elsewhere = logged_in("urumqi", alice)
    client = client_for()
    answer = post_json(client, "/api/v1/auth/sms-code/", {"phone": "+86 139 1234 5678"})
    assert answer.status_code == 200
    (text,) = sms.outbox
    assert text.to == ALICE_PHONE
    code = code_in(text.body)
    assert SmsCode.objects.get(user=alice).digest != code  # only a keyed hash is stored

    reset = {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD}
    assert post_json(client, "/api/v1/auth/sms-reset/", reset).status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert is_logged_out(elsewhere)
    assert AuditEvent.objects.filter(
        kind=AuditKind.PASSWORD_RESET, actor=alice, detail__via="sms"
    ).exists()

    replay = post_json(client, "/api/v1/auth/sms-reset/", {**reset, "new_password": "Xx-9999-yy"})
    assert replay.status_code == 400
    assert "验证码" in replay.json()["code"][0]


def test_five_wrong_codes_burn_the_code(alice):
    client = client_for()
    post_json(client, "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE})
    code = code_in(sms.outbox[0].body)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        answer = post_json(
            client,
            "/api/v1/auth/sms-reset/",
            {"phone": ALICE_PHONE, "code": wrong, "new_password": NEW_PASSWORD},
        )
        assert answer.status_code == 400
    right = post_json(
        client,
        "/api/v1/auth/sms-reset/",
        {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD},
    )
    assert right.status_code == 400
    alice.refresh_from_db()
    assert not alice.check_password(NEW_PASSWORD)


def test_a_code_expires_after_ten_minutes(alice):
    post_json(client_for(), "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE})
    code = code_in(sms.outbox[0].body)
    row = SmsCode.objects.get(user=alice)
    assert row.expires_at - row.created_at == timedelta(minutes=10)
    SmsCode.objects.filter(pk=row.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    answer = post_json(
        client_for(),
        "/api/v1/auth/sms-reset/",
        {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD},
    )
    assert answer.status_code == 400


def test_a_weak_password_does_not_use_up_the_code(alice):
    post_json(client_for(), "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE})
    code = code_in(sms.outbox[0].body)
    weak = post_json(
        client_for(),
        "/api/v1/auth/sms-reset/",
        {"phone": ALICE_PHONE, "code": code, "new_password": "aaaaaaaa"},
    )
    assert weak.status_code == 400
    assert "new_password" in weak.json()
    good = post_json(
        client_for(),
        "/api/v1/auth/sms-reset/",
        {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD},
    )
    assert good.status_code == 200


def test_one_code_a_minute_per_number_whether_or_not_it_is_bound(alice):
    client = client_for()
    for phone in (ALICE_PHONE, "13700001111"):
        assert post_json(client, "/api/v1/auth/sms-code/", {"phone": phone}).status_code == 200
        too_soon = post_json(client, "/api/v1/auth/sms-code/", {"phone": phone})
        assert too_soon.status_code == 429
        assert "秒后再试" in too_soon.json()["detail"]
    assert len(sms.outbox) == 1  # only the bound number got a text
    SmsCode.objects.update(created_at=timezone.now() - timedelta(seconds=61))
    assert post_json(client, "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE}).status_code == 200
    assert len(sms.outbox) == 2
    # The newest code replaces the older one.
    old, new = code_in(sms.outbox[0].body), code_in(sms.outbox[1].body)
    if old != new:
        stale = post_json(
            client,
            "/api/v1/auth/sms-reset/",
            {"phone": ALICE_PHONE, "code": old, "new_password": NEW_PASSWORD},
        )
        assert stale.status_code == 400


def test_a_number_shared_by_two_accounts_asks_for_the_username(alice, make_user):
    make_user(Role.UNIT_ADMIN, username="aliya-unit", phone=ALICE_PHONE)
    client = client_for()
    post_json(client, "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE})
    assert "aliya-unit" in sms.outbox[0].body
    assert not re.search(r"\d{6}", sms.outbox[0].body)
    SmsCode.objects.update(created_at=timezone.now() - timedelta(seconds=61))
    post_json(client, "/api/v1/auth/sms-code/", {"phone": ALICE_PHONE, "username": "aliya"})
    code = code_in(sms.outbox[1].body)
    post_json(
        client,
        "/api/v1/auth/sms-reset/",
        {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD},
    )
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_the_sms_pages_walk_through_without_javascript(alice):
    browser = client_for("urumqi")
    asked = browser.post("/accounts/recover/sms/", {"phone": ALICE_PHONE})
    assert asked.status_code == 302
    assert asked["Location"] == f"/accounts/recover/sms/verify/?phone={ALICE_PHONE}"
    form = browser.get(asked["Location"]).content.decode()
    assert f'value="{ALICE_PHONE}"' in form
    done = browser.post(
        "/accounts/recover/sms/verify/",
        {
            "phone": ALICE_PHONE,
            "code": code_in(sms.outbox[0].body),
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    too_soon = browser.post("/accounts/recover/sms/", {"phone": ALICE_PHONE})
    assert too_soon.status_code == 429


def test_the_file_and_console_senders_write_where_developers_look(settings, tmp_path, capsys):
    settings.SMS_BACKEND = "core.notifications.sms.FileBackend"
    settings.SMS_FILE_PATH = tmp_path / "sms" / "outbox.jsonl"
    assert sms.send_sms(to=ALICE_PHONE, body="验证码123456") == 1
    (line,) = settings.SMS_FILE_PATH.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["to"] == ALICE_PHONE
    assert json.loads(line)["body"] == "验证码123456"

    del settings.SMS_BACKEND  # the default: the console
    sms.send_sms(to=ALICE_PHONE, body="验证码654321")
    assert f"to {ALICE_PHONE}: 验证码654321" in capsys.readouterr().out
    assert sms.outbox == []


# --- 3. the username --------------------------------------------------------------------------


def test_the_username_goes_to_the_bound_email_and_never_on_screen(alice):
    answer = post_json(
        client_for(),
        "/api/v1/auth/recover-username/",
        {"id_card_number": ALICE_ID, "name": "阿丽娅", "channel": "email"},
    )
    assert answer.status_code == 200
    assert "aliya" not in answer.content.decode()
    (message,) = mail.outbox
    assert message.to == ["aliya@example.cn"]
    assert "aliya" in message.body

    page = client_for().post(
        "/accounts/recover/username/",
        {"id_card_number": ALICE_ID, "name": "阿丽娅", "channel": "sms"},
        follow=True,
    )
    assert page.status_code == 200
    assert "aliya" not in page.content.decode()
    assert "如果信息匹配" in page.content.decode()
    (text,) = sms.outbox
    assert text.to == ALICE_PHONE
    assert "aliya" in text.body


def test_a_wrong_name_sends_nothing(alice):
    answer = post_json(
        client_for(),
        "/api/v1/auth/recover-username/",
        {"id_card_number": ALICE_ID, "name": "鲍勃", "channel": "email"},
    )
    assert answer.status_code == 200
    assert mail.outbox == []


# --- the stranger learns nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "known", "unknown"),
    [
        (
            "/api/v1/auth/password-reset/",
            {"username_or_email": "aliya"},
            {"username_or_email": "nobody-here"},
        ),
        (
            "/api/v1/auth/password-reset/",
            {"username_or_email": "aliya@example.cn"},
            {"username_or_email": "nobody@example.cn"},
        ),
        ("/api/v1/auth/sms-code/", {"phone": ALICE_PHONE}, {"phone": "13700001111"}),
        (
            "/api/v1/auth/recover-username/",
            {"id_card_number": ALICE_ID, "name": "阿丽娅", "channel": "email"},
            {
                "id_card_number": make_id_card_number("650102", date(1985, 1, 2), 3),
                "name": "阿丽娅",
                "channel": "email",
            },
        ),
    ],
)
def test_unknown_accounts_get_exactly_the_same_answer(alice, url, known, unknown):
    stranger = client_for()
    for_alice = post_json(stranger, url, known)
    for_nobody = post_json(stranger, url, unknown)
    assert for_alice.status_code == for_nobody.status_code == 200
    assert for_alice.content == for_nobody.content
    assert len(mail.outbox) + len(sms.outbox) == 1  # only Alice's contact heard of it


@pytest.mark.parametrize(
    ("url", "known", "unknown"),
    [
        ("/accounts/recover/email/", {"username_or_email": "aliya"}, {"username_or_email": "x1"}),
        ("/accounts/recover/sms/", {"phone": ALICE_PHONE}, {"phone": "13700001111"}),
        (
            "/accounts/recover/username/",
            {"id_card_number": ALICE_ID, "name": "阿丽娅", "channel": "sms"},
            {"id_card_number": ALICE_ID, "name": "别人", "channel": "sms"},
        ),
    ],
)
def test_the_pages_answer_unknown_accounts_the_same_way(alice, url, known, unknown):
    def answer(data):
        browser = client_for()
        response = browser.post(url, data)
        page = browser.get(response["Location"]).content.decode()
        message = re.search(r'<span class="banner-text">(.*?)</span>', page, re.S).group(1)
        return response.status_code, response["Location"].split("?")[0], message

    assert answer(known) == answer(unknown)


def test_the_recovery_choice_page_offers_the_four_ways(db):
    page = client_for().get("/accounts/recover/").content.decode()
    for target in (
        "/accounts/recover/email/",
        "/accounts/recover/sms/",
        "/accounts/recover/username/",
        "/accounts/appeal/",
    ):
        assert f'href="{target}"' in page


# --- 4. appeals -------------------------------------------------------------------------------


def person_appeal(**overrides):
    data = {
        "name": "阿丽娅",
        "id_card_number": ALICE_ID,
        "region": "urumqi",
        "email": "aliya-new@example.cn",
        "phone": "",
        "scan": png(),
    }
    return {**data, **overrides}


def test_alice_appeals_with_her_id_scan_and_the_region_admin_approves(alice, urumqi_admin):
    elsewhere = logged_in("xj", alice)
    sent = client_for().post("/accounts/appeal/person/", person_appeal())
    assert sent.status_code == 302
    appeal = AccountAppeal.objects.get()
    assert (appeal.kind, appeal.status, appeal.region.schema_name) == (
        "person",
        "pending",
        "urumqi",
    )
    assert Blob.objects.filter(pk=appeal.scan).exists()
    assert not LibraryItem.objects.filter(blob_id=appeal.scan).exists()  # nobody's 附件库

    admin = logged_in("urumqi", urumqi_admin)
    listing = admin.get("/region-admin/appeals/").content.decode()
    assert "阿丽娅" in listing
    detail = admin.get(f"/region-admin/appeals/{appeal.pk}/")
    assert 'data-testid="matched-account"' in detail.content.decode()
    scan = admin.get(f"/region-admin/appeals/{appeal.pk}/scan")
    assert scan.status_code == 200
    assert scan["Content-Type"] == "image/png"

    decided = admin.post(f"/region-admin/appeals/{appeal.pk}/", {"decision": "approve"})
    assert decided.status_code == 302
    alice.refresh_from_db()
    assert alice.email == "aliya-new@example.cn"
    assert is_logged_out(elsewhere)
    (message,) = mail.outbox
    assert message.to == ["aliya-new@example.cn"]
    assert "申诉已通过" in message.body
    assert "aliya" in message.body
    link = link_in(message)
    assert link.startswith("http://localhost/")
    done = client_for().post(
        link, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
    )
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    appeal.refresh_from_db()
    assert (appeal.status, appeal.decided_by, appeal.account) == ("approved", urumqi_admin, alice)
    event = AuditEvent.objects.get(kind=AuditKind.APPEAL_DECISION)
    assert (event.actor, event.success, event.detail["account"]) == (urumqi_admin, True, "aliya")


def test_a_unit_appeals_with_its_licence_and_gets_a_code_by_sms(unit_admin, urumqi_admin):
    # The unit is in 乌鲁木齐市: whatever region the form names, its admin reviews it.
    answer = client_for().post(
        "/api/v1/auth/appeals/",
        {
            "kind": "unit",
            "name": "新疆金泰华瑞建筑工程有限公司",
            "credit_code": CREDIT_CODE,
            "contact_name": "王建国",
            "region": "xj",
            "phone": "13600009999",
            "scan": png("licence.png"),
        },
    )
    assert answer.status_code == 201
    appeal = AccountAppeal.objects.get()
    assert appeal.region.schema_name == "urumqi"

    admin = client_for("urumqi")
    admin.force_login(urumqi_admin)
    listed = admin.get("/api/v1/appeals/").json()
    assert [row["id"] for row in listed["results"]] == [appeal.pk]
    assert admin.get(listed["results"][0]["scan_url"]).status_code == 200
    decided = post_json(admin, f"/api/v1/appeals/{appeal.pk}/decision/", {"approve": True})
    assert decided.status_code == 200
    assert decided.json()["status"] == "approved"
    assert decided.json()["account"] == "jintai-admin"
    unit_admin.refresh_from_db()
    assert unit_admin.phone == "13600009999"
    (text,) = sms.outbox
    assert text.to == "13600009999"
    assert "jintai-admin" in text.body
    reset = post_json(
        client_for(),
        "/api/v1/auth/sms-reset/",
        {"phone": "13600009999", "code": code_in(text.body), "new_password": NEW_PASSWORD},
    )
    assert reset.status_code == 200
    unit_admin.refresh_from_db()
    assert unit_admin.check_password(NEW_PASSWORD)


def test_a_rejection_needs_a_reason_which_reaches_the_appellant(alice, urumqi_admin):
    client_for().post("/accounts/appeal/person/", person_appeal())
    appeal = AccountAppeal.objects.get()
    admin = client_for("urumqi")
    admin.force_login(urumqi_admin)
    url = f"/api/v1/appeals/{appeal.pk}/decision/"
    no_reason = post_json(admin, url, {"approve": False})
    assert no_reason.status_code == 400
    assert "reason" in no_reason.json()
    page = admin.post(f"/region-admin/appeals/{appeal.pk}/", {"decision": "reject"})
    assert page.status_code == 400
    assert 'data-field="reason"' in page.content.decode()

    rejected = post_json(admin, url, {"approve": False, "reason": "扫描件模糊，请重新上传。"})
    assert rejected.status_code == 200
    assert rejected.json()["status"] == "rejected"
    alice.refresh_from_db()
    assert alice.email == "aliya@example.cn"
    (message,) = mail.outbox
    assert message.to == ["aliya-new@example.cn"]
    assert "扫描件模糊" in message.body
    assert AuditEvent.objects.get(kind=AuditKind.APPEAL_DECISION).success is False

    twice = post_json(admin, url, {"approve": True})
    assert twice.status_code == 409
    assert twice.json()["code"] == "already_decided"


def test_approval_is_refused_when_no_account_matches(alice, urumqi_admin):
    client_for().post("/accounts/appeal/person/", person_appeal(name="别人"))
    appeal = AccountAppeal.objects.get()
    admin = client_for("urumqi")
    admin.force_login(urumqi_admin)
    page = admin.get(f"/region-admin/appeals/{appeal.pk}/").content.decode()
    assert 'data-testid="no-account"' in page
    answer = post_json(admin, f"/api/v1/appeals/{appeal.pk}/decision/", {"approve": True})
    assert answer.status_code == 409
    assert answer.json()["code"] == "no_matching_account"
    refused = admin.post(f"/region-admin/appeals/{appeal.pk}/", {"decision": "approve"})
    assert refused.status_code == 409
    assert "没有与申诉信息相符的账号" in refused.content.decode()
    appeal.refresh_from_db()
    assert appeal.status == "pending"
    alice.refresh_from_db()
    assert alice.email == "aliya@example.cn"
    assert mail.outbox == []


def test_another_region_s_admin_and_applicants_see_nothing(alice, urumqi_admin, kashgar_admin):
    client_for().post("/accounts/appeal/person/", person_appeal())
    appeal = AccountAppeal.objects.get()
    other = client_for("kashgar")
    other.force_login(kashgar_admin)
    assert other.get("/api/v1/appeals/").json()["results"] == []
    assert other.get(f"/api/v1/appeals/{appeal.pk}/").status_code == 404
    assert other.get(f"/api/v1/appeals/{appeal.pk}/scan").status_code == 404
    decision = post_json(other, f"/api/v1/appeals/{appeal.pk}/decision/", {"approve": True})
    assert decision.status_code == 404
    assert other.get(f"/region-admin/appeals/{appeal.pk}/").status_code == 404
    assert other.get(f"/region-admin/appeals/{appeal.pk}/scan").status_code == 404
    assert (
        other.post(f"/region-admin/appeals/{appeal.pk}/", {"decision": "approve"}).status_code
        == 404
    )
    assert "阿丽娅" not in other.get("/region-admin/appeals/").content.decode()

    applicant = client_for("urumqi")
    applicant.force_login(alice)
    assert applicant.get("/api/v1/appeals/").status_code == 404
    assert applicant.get(f"/api/v1/appeals/{appeal.pk}/").status_code == 404
    assert applicant.get("/region-admin/appeals/").status_code == 404
    assert applicant.get(f"/region-admin/appeals/{appeal.pk}/").status_code == 404
    assert applicant.get(f"/region-admin/appeals/{appeal.pk}/scan").status_code == 404
    assert client_for().get("/api/v1/appeals/").status_code in {401, 403}

    appeal.refresh_from_db()
    assert appeal.status == "pending"
    assert not AuditEvent.objects.filter(kind=AuditKind.APPEAL_DECISION).exists()


def test_an_appeal_for_an_unknown_credit_code_gets_the_same_answer(unit_admin):
    def appeal(code):
        return client_for().post(
            "/api/v1/auth/appeals/",
            {
                "kind": "unit",
                "name": "某公司",
                "credit_code": code,
                "region": "hami",
                "email": "boss@example.cn",
                "scan": png(),
            },
        )

    known = appeal(CREDIT_CODE)
    unknown = appeal(make_credit_code("9", "1", "650100", "MA78K3QC"))
    assert known.status_code == unknown.status_code == 201
    assert known.content == unknown.content
    regions = sorted(AccountAppeal.objects.values_list("region__schema_name", flat=True))
    assert regions == ["hami", "urumqi"]


def test_an_appeal_needs_a_contact_and_a_real_scan(db):
    no_contact = client_for().post("/accounts/appeal/person/", person_appeal(email=""))
    assert no_contact.status_code == 400
    assert 'data-field="email"' in no_contact.content.decode()
    fake = SimpleUploadedFile("scan.jpg", b"#!/bin/sh\necho hi\n", content_type="image/jpeg")
    bad_scan = client_for().post("/accounts/appeal/person/", person_appeal(scan=fake))
    assert bad_scan.status_code == 400
    assert 'data-field="scan"' in bad_scan.content.decode()
    api = client_for().post(
        "/api/v1/auth/appeals/", {**person_appeal(scan=png()), "kind": "person", "email": ""}
    )
    assert api.status_code == 400
    assert "email" in api.json()
    assert not AccountAppeal.objects.exists()
    assert not Blob.objects.exists()


def test_the_appeal_pages_render(db):
    for url in ("/accounts/appeal/", "/accounts/appeal/person/", "/accounts/appeal/unit/"):
        response = client_for("urumqi").get(url)
        assert response.status_code == 200, url
    assert "营业执照" in client_for().get("/accounts/appeal/unit/").content.decode()


def test_a_scan_over_the_upload_limit_is_refused_with_413(db, settings):
    settings.UPLOAD_MAX_BYTES = 100
    page = client_for().post("/accounts/appeal/person/", person_appeal())
    assert page.status_code == 413
    assert 'data-field="scan"' in page.content.decode()
    api = client_for().post("/api/v1/auth/appeals/", {**person_appeal(), "kind": "person"})
    assert api.status_code == 413
    assert not AccountAppeal.objects.exists()


def test_lists_of_appeals_mask_the_id_number_the_appeal_itself_shows_it(alice, urumqi_admin):
    """ID numbers are sensitive personal information: the region admin's list (page and API)
    shows 650102********1234; the full number only on the appeal, beside the scan."""
    client_for().post("/accounts/appeal/person/", person_appeal())
    appeal = AccountAppeal.objects.get()
    masked = ALICE_ID[:6] + "********" + ALICE_ID[-4:]
    admin = logged_in("urumqi", urumqi_admin)
    page = admin.get("/region-admin/appeals/").content.decode()
    assert masked in page
    assert ALICE_ID not in page
    [row] = admin.get("/api/v1/appeals/").json()["results"]
    assert row["id_card_number"] == masked
    assert admin.get(f"/api/v1/appeals/{appeal.pk}/").json()["id_card_number"] == ALICE_ID
    assert ALICE_ID in admin.get(f"/region-admin/appeals/{appeal.pk}/").content.decode()
