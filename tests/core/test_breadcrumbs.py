"""Breadcrumbs (core/wayfinding/breadcrumbs.py): every page below a host's home says where it
is, as a <nav aria-label> with an ordered list, its parents linked and the page itself
aria-current.

The cast: a visitor who forgot her password, 阿丽娅 (an applicant) reading in Uyghur, a region
admin and a committee's staff, each on their own pages."""

import re

import pytest
from django.urls import reverse

from core.models import Role
from core.wayfinding.breadcrumbs import NOT_PAGES, PAGES
from tenants.models import Region
from tests.support import route_names

pytestmark = pytest.mark.django_db


def trail(html: str) -> list[tuple[str, str]]:
    """[(label, href or "current")] of the page's breadcrumbs."""
    nav = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+"[^>]*><ol>(.*?)</ol></nav>', html)
    if nav is None:
        return []
    found = []
    for item in re.findall(r"<li>(.*?)</li>", nav.group(1)):
        link = re.search(r'<a href="([^"]+)">([^<]+)</a>', item)
        if link:
            found.append((link.group(2), link.group(1)))
        else:
            current = re.search(r'<span aria-current="page">([^<]+)</span>', item)
            found.append((current.group(1), "current"))
    return found


def test_every_route_is_a_page_with_a_label_or_named_as_no_page():
    routes = route_names("config.urls_public") | route_names("config.urls_region")
    routes = {name for name in routes if not name.startswith("api-")}
    unlabelled = sorted(routes - set(PAGES) - NOT_PAGES)
    assert unlabelled == [], "add the route to core/wayfinding/breadcrumbs.py"
    assert sorted((set(PAGES) | NOT_PAGES) - routes - {"api-schema", "api-docs"}) == []
    assert not set(PAGES) & NOT_PAGES


def test_a_home_page_has_no_trail(host_client):
    assert trail(host_client("public").get("/").content.decode()) == []
    assert 'data-testid="breadcrumbs"' not in host_client("urumqi").get("/").content.decode()


def test_a_visitor_recovering_her_password_sees_the_way_back(host_client):
    page = host_client("public").get("/accounts/recover/sms/verify/").content.decode()
    assert trail(page) == [
        ("首页", "/"),
        ("找回用户名或密码", "/accounts/recover/"),
        ("短信找回密码", "/accounts/recover/sms/"),
        ("输入验证码", "current"),
    ]
    assert '<nav class="breadcrumbs" aria-label="当前位置"' in page


def test_the_trail_is_in_the_reader_s_language(alice, host_client):
    alice.language = "ug"
    alice.save(update_fields=["language"])
    page = host_client("kashgar", alice).get("/library/").content.decode()
    assert trail(page) == [("باش بەت", "/"), ("قوشۇمچە ھۆججەت ئامبىرى", "current")]
    assert 'aria-label="نۆۋەتتىكى ئورنىڭىز"' in page
    assert 'dir="rtl"' in page


def test_a_region_admin_goes_back_to_the_region_admin_page(make_user, host_client):
    admin = make_user(Role.REGION_ADMIN, region=Region.objects.get(schema_name="urumqi"))
    page = host_client("urumqi", admin).get(reverse("region-admin-unit-changes")).content.decode()
    assert trail(page) == [
        ("首页", "/"),
        ("地区管理", "/region-admin/"),
        ("单位名称变更申请", "current"),
    ]


def test_a_parent_meant_for_another_role_is_left_out_not_linked_to_a_404(make_user, host_client):
    """Committee staff find their meetings below 评审结果管理; a reviewer who opens an
    application is not sent to 我的申请书, which is the applicant's (see the workflow's page
    tests); a path that is no page (/central/) is skipped."""
    staff = make_user(Role.COMMITTEE_STAFF, region=Region.objects.get(schema_name="urumqi"))
    page = host_client("urumqi", staff).get("/results/meetings/").content.decode()
    assert trail(page) == [("首页", "/"), ("评审结果管理", "/results/"), ("评审会议", "current")]
    central = make_user(Role.CENTRAL_OFFICE)
    crumbs = trail(host_client("public", central).get("/central/forms/").content.decode())
    assert crumbs == [("首页", "/"), ("申请书表单", "current")]  # /central/ is no page
