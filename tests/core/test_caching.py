"""A busy unit's 申请书审核 comes from the page cache while nothing on it has changed; every
change a person makes shows on the next request, and no reader ever gets another's page."""

import re

from django.core.cache import caches
from django.utils import timezone

from core.caching.pages import CACHE_ALIAS, TOKEN_PLACEHOLDER
from tests.support import client_for
from tests.workflow.conftest import catalog, offering, unit  # noqa: F401  (fixtures)
from tests.workflow.test_review import (  # noqa: F401  (fixtures)
    RECOMMENDATION,
    act,
    at_unit,
    people,
)


def cached_pages() -> int:
    return len(caches[CACHE_ALIAS]._cache)


def unit_admin(who):
    client = client_for("urumqi")
    client.force_login(who["unit"])
    return client


def test_the_second_look_is_served_from_the_cache_and_a_transition_shows_at_once(at_unit):  # noqa: F811
    number, who = at_unit
    client = unit_admin(who)
    first = client.get("/review/").content.decode()
    assert number in first
    assert cached_pages() == 1
    second = client.get("/review/").content.decode()
    assert without_token(second) == without_token(first)
    assert cached_pages() == 1  # the same page, not rendered again
    act(who["unit"], number, "recommend", **RECOMMENDATION)
    assert number not in client.get("/review/").content.decode()
    query = client.get("/review/all/").content.decode()
    assert number in query
    assert "同意推荐" in query


def test_a_corrected_name_shows_on_the_next_look(at_unit):  # noqa: F811
    _number, who = at_unit
    client = unit_admin(who)
    assert "阿丽娅" in client.get("/review/").content.decode()
    applicant = who["applicant"]
    applicant.name = "阿丽娅·艾力"
    applicant.save()
    assert "阿丽娅·艾力" in client.get("/review/").content.decode()
    school = who["unit"].unit
    school.name = "乌鲁木齐市第十高级中学"
    school.save()
    assert "乌鲁木齐市第十高级中学" in client.get("/review/").content.decode()


def test_another_unit_and_another_region_never_get_this_units_page(at_unit):  # noqa: F811
    number, who = at_unit
    assert number in unit_admin(who).get("/review/").content.decode()
    other = client_for("urumqi")
    other.force_login(who["other_unit_admin"])
    assert number not in other.get("/review/").content.decode()
    elsewhere = client_for("kashgar")
    elsewhere.force_login(who["unit"])
    assert number not in elsewhere.get("/review/").content.decode()


def test_a_language_switch_renders_the_other_language(at_unit):  # noqa: F811
    number, who = at_unit
    client = unit_admin(who)
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


def test_each_reader_gets_their_own_csrf_token_and_it_works(at_unit):  # noqa: F811
    _number, who = at_unit
    client = client_for("urumqi", enforce_csrf_checks=True)
    client.force_login(who["unit"])
    client.get("/review/")
    page = client.get("/review/").content.decode()  # from the cache
    assert TOKEN_PLACEHOLDER not in page
    logout = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token_of(page)})
    assert logout.status_code == 302


def test_a_new_notification_changes_the_header_at_once(at_unit):  # noqa: F811
    from core.models import Notification

    _number, who = at_unit
    client = unit_admin(who)
    assert 'data-testid="unread-notifications"' not in client.get("/review/").content.decode()
    Notification.objects.create(recipient=who["unit"], region_code="urumqi", title="新申请书")
    assert 'data-testid="unread-notifications"' in client.get("/review/").content.decode()


def test_the_region_home_changes_with_a_new_notice_and_with_time_alone(catalog):  # noqa: F811
    """Visitors share one copy of a region's home page; a notice published now shows at once,
    one scheduled a second ahead shows when its second has passed, and the days left to an
    offering's deadline drop when their day has passed — without anyone changing anything."""
    from datetime import timedelta
    from time import sleep

    from django.utils import timezone

    from tenants.crossing import in_region
    from tests.workflow.conftest import open_offering
    from workflow.models import Notice

    open_offering("urumqi", opens=-1, closes=3)
    visitor = client_for("urumqi")
    page = visitor.get("/").content.decode()
    assert "距提交截止还有2天" in page  # 3 days less the moment since it was saved
    assert without_token(client_for("urumqi").get("/").content.decode()) == without_token(page)
    assert cached_pages() == 1
    soon = timezone.now() + timedelta(seconds=1)
    with in_region("urumqi"):
        Notice.objects.create(title="关于职称评审的通知", body="请按时提交。")
        Notice.objects.create(title="评审结果公示", body="公示七天。", published_at=soon)
        with_days = Notice.objects.create(title="定时通知", published_at=soon + timedelta(days=1))
    page = visitor.get("/").content.decode()
    assert "关于职称评审的通知" in page
    assert "评审结果公示" not in page
    while timezone.now() <= soon:
        sleep(0.1)
    page = visitor.get("/").content.decode()
    assert "评审结果公示" in page
    assert with_days.title not in page
    with in_region("urumqi"):
        Notice.objects.filter(title="评审结果公示").delete()
    assert "评审结果公示" not in visitor.get("/").content.decode()


def test_the_days_left_drop_when_their_moment_passes(catalog):  # noqa: F811
    from datetime import timedelta
    from time import sleep

    from django.utils import timezone

    from tenants.crossing import in_region
    from tests.workflow.conftest import open_offering
    from workflow.models import Offering

    call = open_offering("urumqi", opens=-1, closes=3)
    boundary = timezone.now() + timedelta(seconds=1)
    with in_region("urumqi"):
        Offering.objects.filter(pk=call.pk).update(closes_at=boundary + timedelta(days=3))
    visitor = client_for("urumqi")
    assert "距提交截止还有3天" in visitor.get("/").content.decode()
    while timezone.now() <= boundary:
        sleep(0.1)
    assert "距提交截止还有2天" in visitor.get("/").content.decode()


def test_the_notifications_page_shows_a_new_or_read_notification_at_once(alice):
    from core.models import Notification

    client = client_for("urumqi")
    client.force_login(alice)
    Notification.objects.create(recipient=alice, region_code="urumqi", title="申请书已退回")
    assert "申请书已退回" in client.get("/notifications/").content.decode()
    assert 'class="notification unread"' in client.get("/notifications/").content.decode()
    assert cached_pages() == 1
    Notification.objects.create(recipient=alice, region_code="urumqi", title="单位已推荐")
    assert "单位已推荐" in client.get("/notifications/").content.decode()
    Notification.objects.filter(recipient=alice).update(read_at=timezone.now())
    page = client.get("/notifications/").content.decode()
    assert 'class="notification unread"' not in page
    assert 'class="notification read"' in page


def test_a_call_opened_now_is_offered_on_the_new_application_page_at_once(catalog, alice):  # noqa: F811
    from tests.workflow.conftest import open_offering

    open_offering("urumqi", "school-teacher-chinese-intermediate", opens=-1, closes=10)
    client = client_for("urumqi")
    client.force_login(alice)
    page = client.get("/applications/new/").content.decode()
    assert "一级教师" in page
    assert "高级教师" not in page
    open_offering(
        "urumqi",
        "school-teacher-chinese-deputy-senior",
        opens=-1,
        closes=10,
        committee_name="乌鲁木齐市高级职称评审委员会",
    )
    assert "高级教师" in client.get("/applications/new/").content.decode()
