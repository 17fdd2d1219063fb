"""A real server and Debian's headless chromium for tests where a person would click.

The server is a separate `runserver` process on the test database, so what a browser test
needs must be committed: the fixtures here create it outside the test transaction, under
names no other test uses.
"""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection

from core.demo import DEMO_PASSWORD
from core.models import Role, User

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are
# still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The sandbox payment platform the browser server pays at (tests/browser/test_payment_journey.py
# starts it with `payment_sandbox`): its address is the server's setting, fixed at start.
PAYMENT_SANDBOX_PORT = _free_port()
PAYMENT_SANDBOX_SECRET = "browser-sandbox-secret"
# The sandbox WeChat the browser server logs in with (tests/browser/test_wechat_journey.py).
WECHAT_SANDBOX_PORT = _free_port()


def _database_url() -> str:
    s = connection.settings_dict
    assert s["NAME"].startswith("test_"), "the browser server must only ever see a test database"
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


@pytest.fixture(scope="session")
def live_platform(django_db_setup, django_db_blocker):
    """Base URL of the platform served on loopback; regions at http://<code>.localhost:<port>."""
    port = _free_port()
    with django_db_blocker.unblock():
        database_url = _database_url()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PAYMENT_SANDBOX_URL": f"http://localhost:{PAYMENT_SANDBOX_PORT}",
        "PAYMENT_SANDBOX_SECRET": PAYMENT_SANDBOX_SECRET,
        "WECHAT_SANDBOX_URL": f"http://localhost:{WECHAT_SANDBOX_PORT}",
    }
    log = (ROOT / "var").joinpath("browser-server.log")
    log.parent.mkdir(exist_ok=True)
    with log.open("wb") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://localhost:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/v1/regions/", headers={"Host": f"localhost:{port}"}
            )
            urllib.request.urlopen(request, timeout=2).read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"the test server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
    yield base
    server.terminate()
    server.wait(timeout=10)
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        # The test database is dropped next, which PostgreSQL refuses while another session
        # is connected: the server's backend may outlive its process for a moment, and
        # Playwright's greenlets give Django's per-context connections a second one.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session")
def payment_sandbox():
    """The sandbox payment platform, in a thread, delivering its notifications for real."""
    from payments.sandbox.server import Sandbox, serve

    base = f"http://localhost:{PAYMENT_SANDBOX_PORT}"
    server = serve(
        Sandbox(PAYMENT_SANDBOX_SECRET, public_url=base), "127.0.0.1", PAYMENT_SANDBOX_PORT
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def committed_applicant(django_db_setup, django_db_blocker):
    """An applicant account that the separate server process can see."""
    with django_db_blocker.unblock():
        user = User(
            username=f"browser-{uuid.uuid4().hex[:8]}", name="古丽娜尔", role=Role.APPLICANT
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user
