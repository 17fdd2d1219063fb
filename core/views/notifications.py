"""The notifications page, on every host: the list, "mark all read", and open-one-and-go.

Opening a notification is a POST: it marks it read and sends the browser to its link on the
region's host it belongs to, carrying the login across hosts (core.views.auth.go_to_region).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from core.caching.pages import cached_page
from core.notifications.delivery import (
    access_notification,
    mark_read,
    notifications_for,
    notifications_stamp,
)
from core.views.auth import go_to_region
from tenants.directory import PUBLIC_CODE
from tenants.links import region_url
from tenants.routing import REGION_MAP

PAGE_SIZE = 50


def _region_names() -> dict[str, str]:
    names = {region.schema_name: region.local_name for region in REGION_MAP.regions()}
    names[PUBLIC_CODE] = gettext("公共站点")
    return names


@login_required
@require_GET
def notifications_view(request: HttpRequest) -> HttpResponse:
    """The list, from the page cache while the reader's notifications are unchanged."""

    def render_page(extra: dict[str, object]) -> HttpResponse:
        page = Paginator(notifications_for(request.user, limit=None), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        names = _region_names()
        for item in page:
            item.url = region_url(request, item.region_code, item.link or "/")
            item.region_name = names.get(item.region_code, item.region_code)
        return render(request, "core/notifications.html", {"page_obj": page, **extra})

    stamp = notifications_stamp(request.user)
    return cached_page(request, "notifications", render_page, expressions=[stamp])


@login_required
@require_POST
def notifications_read_all_view(request: HttpRequest) -> HttpResponse:
    marked = mark_read(request.user, "all")
    if marked:
        messages.success(request, gettext("已将全部通知标为已读。"))
    return redirect("notifications")


@login_required
@require_POST
def notification_open_view(request: HttpRequest, pk: int) -> HttpResponse:
    item = access_notification(request.user, pk)
    mark_read(request.user, [item.pk])
    if not item.link:
        return redirect("notifications")
    return go_to_region(request, item.region_code, item.link)
