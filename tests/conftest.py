"""Shared cast and places for every test.

The regions are created once per test session (schema creation runs every region migration,
≈0.5 s each); each test then runs inside a transaction that is rolled back.
"""

import itertools
from datetime import date, timedelta

import pytest
from django.db import connection

from core.demo import DEMO_PASSWORD
from core.identity.validators import make_id_card_number
from core.models import Role, User
from tenants.regions import bootstrap_regions
from tests.support import RegionClient, client_for

_serial = itertools.count(1)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), (
            f"refusing to use {name!r}: mark tests that need committed rows with django_db so "
            "pytest-django creates the test database"
        )
        bootstrap_regions()


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with an empty page cache (core.caching.pages): its rows are rolled back
    after each test, and a page another test rendered under other settings must not leak in."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in Uyghur leaves Uyghur active on the thread (Django's test client does not
    reset it): the next test starts in the platform's default language, whatever ran before."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def host_client():
    """`host_client("urumqi")` is a browser-like client on that region's host (or "public")."""

    def make(code: str = "public", user: User | None = None, **headers: str) -> RegionClient:
        client = client_for(code, **headers)
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def make_user(db):
    """Create an account with the demo password; names are unique within the session. An
    applicant has a valid ID number of their own, as registration gives every applicant."""

    def make(role: str = Role.APPLICANT, *, name: str = "", region=None, **fields) -> User:
        n = next(_serial)
        username = fields.pop("username", f"{role}-{n}")
        if role == Role.APPLICANT:
            birth = date(1970, 1, 1) + timedelta(days=n)
            fields.setdefault("id_card_number", make_id_card_number("650105", birth, 100 + n % 2))
        user = User(
            username=username, name=name or f"测试用户{n}", role=role, region=region, **fields
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        return user

    return make


@pytest.fixture
def alice(make_user):
    """An applicant: the owner in most stories."""
    return make_user(Role.APPLICANT, name="阿丽娅")


@pytest.fixture
def bob(make_user):
    """Another applicant: the colleague or stranger."""
    return make_user(Role.APPLICANT, name="鲍勃")


@pytest.fixture
def within(django_assert_max_num_queries, settings):
    """`within(call, budget)`: run `call` once to warm (routing map, session clock), then again
    asserting it sends at most `budget` statements; returns the second response. Pass
    `warm=False` for a call that must run once (a POST that creates)."""
    settings.ROUTING_RECHECK_SECONDS = 60  # count the request's queries, not the test's routing

    def check(call, budget: int, *, warm: bool = True):
        if warm:
            call()
        with django_assert_max_num_queries(budget):
            return call()

    return check


def pytest_collection_modifyitems(config, items):
    """Browser tests commit what they create (a separate server must see it): run them last,
    so the rest of the suite starts from the clean regions of the session."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
