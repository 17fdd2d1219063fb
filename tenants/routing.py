"""Which region a request is in: the one choke point.

Stock django-tenants looks the host up in the database and issues `SET search_path` twice on
every request. Regions change a few times a year, so each process keeps the host -> region map
in memory and re-reads it only when `RoutingVersion` moves (checked at most every
`ROUTING_RECHECK_SECONDS`, and at once in the process that made the change). The schema is set
once per request, and not at all when the connection already has it.
"""

import threading
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import connection, models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.template import loader
from django.urls import set_urlconf
from django.utils.deprecation import MiddlewareMixin

from .directory import PUBLIC_CODE
from .models import Domain, Region, RoutingVersion


class RegionMap:
    """Host name -> Region, shared by the threads of one process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, Region] = {}
        self._version: int | None = None
        self._checked_at = 0.0

    def lookup(self, host: str) -> Region | None:
        recheck = settings.ROUTING_RECHECK_SECONDS
        if self._version is None or time.monotonic() - self._checked_at > recheck:
            self._refresh()
        return self._hosts.get(host)

    def regions(self) -> list[Region]:
        """Every real region, in selector order, from the cached map (no query when fresh)."""
        self.lookup("")
        unique = {region.pk: region for region in self._hosts.values()}
        return sorted(
            (region for region in unique.values() if region.schema_name != PUBLIC_CODE),
            key=lambda region: (region.sort_order, region.schema_name),
        )

    def invalidate(self) -> None:
        with self._lock:
            self._version = None

    def _refresh(self) -> None:
        with self._lock:
            # No schema switch: these tables exist only in public, which every search_path ends in.
            version = RoutingVersion.objects.filter(pk=1).values_list("version", flat=True).first()
            version = version or 0
            if version != self._version:
                self._hosts = {
                    domain.domain: domain.tenant
                    for domain in Domain.objects.select_related("tenant")
                }
                self._version = version
            self._checked_at = time.monotonic()


REGION_MAP = RegionMap()


def bump_routing_version() -> None:
    """Tell every process that regions or domains changed."""
    RoutingVersion.objects.get_or_create(pk=1)
    RoutingVersion.objects.filter(pk=1).update(version=models.F("version") + 1)
    REGION_MAP.invalidate()


@receiver(post_save, sender=Region)
@receiver(post_delete, sender=Region)
@receiver(post_save, sender=Domain)
@receiver(post_delete, sender=Domain)
def _regions_changed(**kwargs: object) -> None:
    bump_routing_version()


def activate_region(region: Region) -> None:
    """Point the connection at a region's schema unless it already is there."""
    if connection.schema_name == region.schema_name:
        # Same schema as the previous request on this connection: nothing to do. Should the
        # search_path have been lost (rollback, new connection), django-tenants re-issues it
        # before the next statement, because it then forgets what it had set.
        connection.tenant = region
    else:
        connection.set_tenant(region)


def unknown_host_response(request: HttpRequest) -> HttpResponse:
    """A plain 404: never the public site, never a 500."""
    body = loader.render_to_string("tenants/unknown_host.html", request=None)
    return HttpResponseNotFound(body)


class RegionRoutingMiddleware(MiddlewareMixin):
    """Put `request.tenant` and the connection's schema in place; unknown hosts get 404."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        try:
            hostname = request.get_host().split(":")[0].lower()
        except DisallowedHost:
            return unknown_host_response(request)
        region = REGION_MAP.lookup(hostname)
        if region is None:
            return unknown_host_response(request)
        request.tenant = region
        activate_region(region)
        if region.schema_name == PUBLIC_CODE:
            request.urlconf = settings.PUBLIC_SCHEMA_URLCONF
        else:
            request.urlconf = settings.ROOT_URLCONF
        set_urlconf(request.urlconf)
        return None
