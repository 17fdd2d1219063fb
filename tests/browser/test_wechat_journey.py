"""On a 390 px phone screen, 古丽娜尔 binds her WeChat on her profile, logs out, and logs in
again by scanning the sandbox WeChat's QR code with her "phone" (another browser)."""

import re
import threading
import uuid

import pytest
from django.conf import settings

from core.demo import DEMO_PASSWORD
from core.identity.wechat.sandbox.server import WechatSandbox, serve
from core.models import AuditEvent, AuditKind, WechatBinding
from tests.browser.conftest import WECHAT_SANDBOX_PORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
PHONE = {"width": 390, "height": 844}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(scope="module")
def wechat_sandbox():
    """The sandbox WeChat with the appid and secret the server's settings default to."""
    base = f"http://localhost:{WECHAT_SANDBOX_PORT}"
    sandbox = WechatSandbox(settings.WECHAT_APPID, settings.WECHAT_SECRET, public_url=base)
    server = serve(sandbox, "127.0.0.1", WECHAT_SANDBOX_PORT)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def confirm_on_phone(browser, phone_url: str, wxid: str) -> None:
    """The person's phone: its own browser, without the platform's cookies."""
    phone_context = browser.new_context(locale="zh-CN", viewport=PHONE)
    phone = phone_context.new_page()
    phone.goto(phone_url)
    assert "申请使用你的微信身份登录" in phone.content()
    phone.fill("input[name=other]", wxid)
    phone.click("button[value=confirm]")
    phone_context.close()


def test_bind_wechat_then_log_in_by_scanning(
    live_platform, wechat_sandbox, browser, committed_applicant
):
    port = live_platform.rsplit(":", 1)[1]
    urumqi = f"http://urumqi.localhost:{port}"
    wxid = f"gulnar-{uuid.uuid4().hex[:6]}"
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_platform + "/accounts/login/")
    page.select_option("select[name=region]", label="乌鲁木齐市")
    page.fill("input[name=username]", committed_applicant.username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form.login-form button.primary")
    page.wait_for_url(re.compile(rf"^{re.escape(urumqi)}/$"))

    # 个人资料 → 绑定微信: WeChat's QR page; she opens the phone page on this screen.
    page.goto(urumqi + "/accounts/profile/")
    assert page.evaluate(SIDEWAYS) <= 0
    page.click("button[name=wechat_bind]")
    page.wait_for_url(re.compile(rf"^{re.escape(wechat_sandbox)}/connect/qrconnect\?"))
    assert page.locator("img[alt=二维码]").is_visible()
    page.click("[data-testid=phone]")
    page.fill("input[name=other]", wxid)
    page.click("button[value=confirm]")
    page.wait_for_url(urumqi + "/accounts/profile/")
    assert "微信已绑定" in page.content()
    assert "已绑定微信：" in page.inner_text("[data-testid=wechat-bound]")
    assert page.evaluate(SIDEWAYS) <= 0
    assert WechatBinding.objects.filter(user=committed_applicant).exists()

    # 退出 (in the header's menu on a phone), then 微信扫码登录 on the public site's form.
    page.click("[data-testid=menu-button]")
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(live_platform + "/")
    page.goto(live_platform + "/accounts/login/")
    assert page.evaluate(SIDEWAYS) <= 0
    page.select_option("select[name=region]", label="乌鲁木齐市")
    page.click("button.wechat-login")
    page.wait_for_url(re.compile(rf"^{re.escape(wechat_sandbox)}/connect/qrconnect\?"))
    phone_url = page.get_attribute("[data-testid=phone]", "href")

    # She scans with her phone and confirms there; this page notices and goes on by itself.
    confirm_on_phone(browser, phone_url, wxid)
    page.wait_for_url(re.compile(rf"^{re.escape(urumqi)}/$"))
    assert page.text_content("[data-testid=user-name]") == "古丽娜尔"
    assert AuditEvent.objects.filter(
        kind=AuditKind.LOGIN, actor=committed_applicant, detail__via="wechat"
    ).exists()

    # Someone else's WeChat, bound to nobody, is told what to do and gets no session.
    page.click("[data-testid=menu-button]")
    page.click("form[action='/accounts/logout/'] button")
    page.wait_for_url(live_platform + "/")
    page.goto(live_platform + "/accounts/login/")
    page.click("button.wechat-login")
    page.wait_for_url(re.compile(rf"^{re.escape(wechat_sandbox)}/connect/qrconnect\?"))
    page.click("[data-testid=phone]")
    page.fill("input[name=other]", f"stranger-{uuid.uuid4().hex[:6]}")
    page.click("button[value=confirm]")
    page.wait_for_url(live_platform + "/accounts/wechat/callback/*")
    assert "该微信尚未绑定账号" in page.inner_text("[data-testid=wechat-error]")
    assert page.locator("[data-testid=user-name]").count() == 0
    context.close()
