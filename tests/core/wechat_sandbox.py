"""The sandbox WeChat on a free port (real HTTP, in a thread of the test process), and a
person "scanning" its QR code over HTTP as the phone would."""

import http.client
import json
import re
import socket
import threading
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest

from core.identity.wechat.sandbox.server import WechatSandbox, serve

APPID = "wxtest0000000001"
SECRET = "test-wechat-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def wechat_server():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = serve(WechatSandbox(APPID, SECRET, public_url=base), "127.0.0.1", port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


@pytest.fixture
def wechat(wechat_server, settings):
    """The platform's WeChat settings pointing at the sandbox, which is up with 5-minute codes."""
    settings.WECHAT_PROVIDER = "core.identity.wechat.providers.OpenPlatformProvider"
    settings.WECHAT_CONNECT_URL = wechat_server
    settings.WECHAT_API_URL = wechat_server
    settings.WECHAT_APPID = APPID
    settings.WECHAT_SECRET = SECRET
    control(wechat_server, down=False, code_ttl=300, qr_ttl=300)
    return wechat_server


def control(base: str, **changes) -> dict:
    request = urllib.request.Request(
        f"{base}/control", data=json.dumps(changes).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def scan(authorize_url: str, wxid: str = "alice", outcome: str = "confirm") -> str:
    """Open the QR page the platform sent the browser to, then answer on the "phone" as the
    sandbox person `wxid`; the address WeChat sends the browser back to."""
    with urllib.request.urlopen(authorize_url, timeout=5) as response:
        page = response.read().decode()
    ticket = re.search(r"data-ticket='([^']+)'", page).group(1)
    parts = urlsplit(authorize_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request(
        "POST",
        f"/connect/confirm/{ticket}",
        body=urlencode({"wxid": wxid, "outcome": outcome}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    answer = connection.getresponse()
    answer.read()
    connection.close()
    assert answer.status == 303, answer.status
    return answer.getheader("Location")


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
