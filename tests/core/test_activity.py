"""Time actively logged in is counted (已使用N分钟), and an idle session ends."""

import time

import pytest

from core.identity.activity import ACTIVITY_KEY
from tests.support import client_for


def _age_session(client, seconds: float) -> None:
    session = client.session
    session[ACTIVITY_KEY] = time.time() - seconds
    session.save()


@pytest.fixture(autouse=True)
def _write_every_minute(settings):
    settings.ACTIVITY_WRITE_EVERY_SECONDS = 60


def test_minutes_accumulate_while_alice_works(alice):
    client = client_for("urumqi")
    client.force_login(alice)
    client.get("/")
    _age_session(client, 5 * 60)
    client.get("/")
    alice.refresh_from_db()
    assert alice.minutes_used == 5.0
    assert client.get("/api/v1/me/").json()["minutes_used"] == 5.0


def test_an_idle_session_is_logged_out_and_not_counted(alice, settings):
    settings.SESSION_IDLE_TIMEOUT_SECONDS = 30 * 60
    client = client_for("urumqi")
    client.force_login(alice)
    client.get("/")
    _age_session(client, 31 * 60)
    page = client.get("/").content.decode()
    assert "自动退出" in page
    assert 'data-testid="user-name"' not in page
    alice.refresh_from_db()
    assert alice.minutes_used == 0.0
