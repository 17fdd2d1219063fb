"""A busy unit's 申请书审核 comes from the page cache while nothing on it has changed; every
change a person makes shows on the next request, and no reader ever gets another's page."""

import re

import pytest
from django.core.cache import caches

from core.pagecache import CACHE_ALIAS, TOKEN_PLACEHOLDER
from tests.support import client_for
from tests.workflow.conftest import catalog, offering, unit  # noqa: F401  (fixtures)
from tests.workflow.test_review import (  # noqa: F401  (fixtures)
    RECOMMENDATION,
    act,
    at_unit,
    people,
)


@pytest.fixture(autouse=True)
def empty_cache():
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


def cached_pages() -> int:
    return len(caches[CACHE_ALIAS]._cache)


def unit_admin(people):
    client = client_for("urumqi")
    client.force_login(people["unit"])
    return client


def test_the_second_look_is_served_from_the_cache_and_a_transition_shows_at_once(at_unit):
    number, people = at_unit
    client = unit_admin(people)
    first = client.get("/review/").content.decode()
    assert number in first
    assert cached_pages() == 1
    second = client.get("/review/").content.decode()
    assert without_token(second) == without_token(first)
    assert cached_pages() == 1  # the same page, not rendered again
    act(people["unit"], number, "recommend", **RECOMMENDATION)
    assert number not in client.get("/review/").content.decode()
    query = client.get("/review/all/").content.decode()
    assert number in query
    assert "同意推荐" in query


def test_a_corrected_name_shows_on_the_next_look(at_unit):
    number, people = at_unit
    client = unit_admin(people)
    assert "阿丽娅" in client.get("/review/").content.decode()
    applicant = people["applicant"]
    applicant.name = "阿丽娅·艾力"
    applicant.save()
    assert "阿丽娅·艾力" in client.get("/review/").content.decode()
    unit = people["unit"].unit
    unit.name = "乌鲁木齐市第十高级中学"
    unit.save()
    assert "乌鲁木齐市第十高级中学" in client.get("/review/").content.decode()


def test_another_unit_and_another_region_never_get_this_units_page(at_unit):
    number, people = at_unit
    assert number in unit_admin(people).get("/review/").content.decode()
    other = client_for("urumqi")
    other.force_login(people["other_unit_admin"])
    assert number not in other.get("/review/").content.decode()
    elsewhere = client_for("kashgar")
    elsewhere.force_login(people["unit"])
    assert number not in elsewhere.get("/review/").content.decode()


def test_a_language_switch_renders_the_other_language(at_unit):
    number, people = at_unit
    client = unit_admin(people)
    assert 'lang="zh-hans"' in client.get("/review/").content.decode()
    switched = client.post("/i18n/setlang/", {"language": "ug", "next": "/review/"})
    assert switched.status_code == 302
    page = client.get("/review/").content.decode()
    assert 'lang="ug"' in page
    assert 'dir="rtl"' in page
    assert number in page


def token_of(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def without_token(page: str) -> str:
    return page.replace(token_of(page), "")


def test_each_reader_gets_their_own_csrf_token_and_it_works(at_unit):
    number, people = at_unit
    client = client_for("urumqi", enforce_csrf_checks=True)
    client.force_login(people["unit"])
    client.get("/review/")
    page = client.get("/review/").content.decode()  # from the cache
    assert TOKEN_PLACEHOLDER not in page
    logout = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token_of(page)})
    assert logout.status_code == 302


def test_a_new_notification_changes_the_header_at_once(at_unit):
    from core.models import Notification

    number, people = at_unit
    client = unit_admin(people)
    assert 'data-testid="unread-notifications"' not in client.get("/review/").content.decode()
    Notification.objects.create(recipient=people["unit"], region_code="urumqi", title="新申请书")
    assert 'data-testid="unread-notifications"' in client.get("/review/").content.decode()
