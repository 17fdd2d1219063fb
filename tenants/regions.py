"""Creating regions: the 15 of DESIGN.md §2 and any added later."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .directory import PUBLIC_CODE, PUBLIC_NAMES, REGIONS, RegionSpec
from .models import Domain, Region

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9]{1,30}$")
RESERVED_CODES = frozenset({PUBLIC_CODE, "www", "api", "static", "media", "admin", "pg_catalog"})


def region_host(code: str) -> str:
    """The host name a region answers on: `<code>.<BASE_DOMAIN>`."""
    return f"{code}.{settings.BASE_DOMAIN}"


def ensure_public_site() -> Region:
    """The public schema's tenant row and the base domain (idempotent)."""
    public, _created = Region.objects.get_or_create(
        schema_name=PUBLIC_CODE,
        defaults={**PUBLIC_NAMES, "sort_order": 0},
    )
    _ensure_primary_domain(public, settings.BASE_DOMAIN)
    return public


def region_create(
    *,
    code: str,
    name: str,
    full_name: str = "",
    is_south_four: bool = False,
    sort_order: int | None = None,
    translations: dict[str, str] | None = None,
) -> Region:
    """Create (or update) one region: its schema with every region migration, and its host.

    Idempotent: running it again updates the names and flag and keeps the schema.
    `translations` carries the English and Uyghur names (`name_en`, `full_name_ug`, ...).
    """
    translations = dict(translations or {})
    if not CODE_PATTERN.match(code) or code in RESERVED_CODES:
        raise ValidationError(
            _("地区代码必须是 2–31 位小写字母或数字，以字母开头，且不能是保留字：%(code)s")
            % {"code": code}
        )
    if sort_order is None:
        last = Region.objects.regions().order_by("-sort_order").first()
        sort_order = (last.sort_order + 1) if last else 1
    region = Region.objects.filter(schema_name=code).first()
    if region is None:
        # Creating the schema runs every region migration; it cannot share a transaction
        # with the domain, but a failed schema creation leaves no row behind.
        region = Region(
            schema_name=code,
            name=name,
            full_name=full_name or name,
            is_south_four=is_south_four,
            sort_order=sort_order,
            **translations,
        )
        region.save()
    else:
        wanted = {
            "name": name,
            "full_name": full_name or name,
            "is_south_four": is_south_four,
            "sort_order": sort_order,
            **translations,
        }
        if any(getattr(region, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(region, field, value)
            region.save()
        region.create_schema(check_if_exists=True)
    _ensure_primary_domain(region, region_host(code))
    return region


def bootstrap_regions(specs: tuple[RegionSpec, ...] = REGIONS) -> list[Region]:
    """The public site and the regions of Xinjiang, in selector order (idempotent)."""
    ensure_public_site()
    return [
        region_create(
            code=spec.code,
            name=spec.name,
            full_name=spec.full_name,
            is_south_four=spec.is_south_four,
            sort_order=position,
            translations=spec.translations(),
        )
        for position, spec in enumerate(specs, start=1)
    ]


@transaction.atomic
def _ensure_primary_domain(region: Region, host: str) -> Domain:
    domain = Domain.objects.filter(domain=host).first()
    if domain is None:
        Domain.objects.filter(tenant=region, is_primary=True).update(is_primary=False)
        return Domain.objects.create(domain=host, tenant=region, is_primary=True)
    if domain.tenant_id != region.pk or not domain.is_primary:
        Domain.objects.filter(tenant=region, is_primary=True).exclude(pk=domain.pk).update(
            is_primary=False
        )
        domain.tenant, domain.is_primary = region, True
        domain.save()
    return domain
