"""Absolute addresses of regions, built from the routing map, never from user input."""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from .directory import PUBLIC_CODE
from .regions import region_host
from .routing import REGION_MAP

_DEFAULT_PORTS = {"http": "80", "https": "443"}


@dataclass(frozen=True)
class RegionChoice:
    code: str
    name: str
    url: str
    is_south_four: bool


def _origin(request: HttpRequest | None, host: str) -> str:
    scheme = request.scheme if request is not None else getattr(settings, "SITE_SCHEME", "http")
    port = request.get_port() if request is not None else getattr(settings, "SITE_PORT", "")
    if port and port != _DEFAULT_PORTS.get(scheme):
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def region_url(request: HttpRequest | None, code: str, path: str = "/") -> str:
    """`http://<code>.<BASE_DOMAIN>[:port]<path>`; `public` gives the public site."""
    host = settings.BASE_DOMAIN if code == PUBLIC_CODE else region_host(code)
    return _origin(request, host) + path


def region_choices(request: HttpRequest | None) -> list[RegionChoice]:
    """The region selector: the 15 regions, 自治区 first, named in the reader's language."""
    return [
        RegionChoice(
            region.schema_name,
            region.local_name,
            region_url(request, region.schema_name),
            region.is_south_four,
        )
        for region in REGION_MAP.regions()
    ]
