"""Demo data for `make run` (API.md "Demo data"). Idempotent: running it twice changes nothing."""

from datetime import date

from core.identity.validators import make_credit_code, make_id_card_number, normalize_org_name
from core.models import Authority, AuthorityKind, Role, Unit, UnitNature, User
from tenants.models import Region
from tenants.regions import bootstrap_regions

DEMO_PASSWORD = "Demo-Pass-2026"


def _demo_user(
    *, username: str, name: str, role: str, region: Region | None = None, **extra: object
) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"name": name, "role": role, "region": region, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _demo_region_people(region: Region, index: int) -> list[User]:
    """An authority, a complete base unit recommending to it, and an applicant."""
    code = region.schema_name
    authority, _created = Authority.objects.get_or_create(
        region=region,
        name=f"{region.name}人力资源和社会保障局",
        defaults={
            "kind": AuthorityKind.RECOMMENDING,
            "contact_name": "职称科",
            "contact_phone": f"0991-{5000000 + index:07d}",
        },
    )
    unit_name, short_name = f"{region.name}第一中学", f"{region.name}一中"
    unit, _created = Unit.objects.get_or_create(
        credit_code=make_credit_code("1", "2", "650100", f"DM{index:06d}"),
        defaults={
            "name": unit_name,
            "short_name": short_name,
            "name_key": normalize_org_name(unit_name),
            "short_name_key": normalize_org_name(short_name),
            "region": region,
            "address": f"{region.name}人民路{index}号",
            "nature": UnitNature.INSTITUTION,
            "legal_representative": "校长",
            "contact_name": "人事处",
            "contact_phone": f"0991-{6000000 + index:07d}",
        },
    )
    unit.recommending_units.add(authority)
    return [
        _demo_user(
            username=f"authority-{code}",
            name=authority.name,
            role=Role.AUTHORITY_REVIEWER,
            region=region,
            authority=authority,
        ),
        _demo_user(username=f"unit-{code}", name=unit.name, role=Role.UNIT_ADMIN, unit=unit),
        _demo_user(
            username=f"applicant-{code}",
            name=f"{region.name}申请人",
            role=Role.APPLICANT,
            id_card_number=make_id_card_number("650102", date(1988, 5, 1), index),
            phone=f"139{index:08d}",
            email=f"applicant-{code}@example.cn",
        ),
    ]


def demo_accounts() -> list[tuple[Region | None, list[User], User | None]]:
    """The regions, the catalog, the central office, and per region an admin, an authority, a
    complete unit, an applicant and the committee staff account (API.md "Demo data").

    Returns the central office (no region) and, per region, its people (the admin, then the
    authority reviewer) and its committee staff; the region-side set-up (committees,
    offerings) is workflow.demo's, which calls this."""
    from core.catalog.sync import catalog_sync

    regions = bootstrap_regions()
    catalog_sync()
    central = _demo_user(username="central", name="自治区职称办", role=Role.CENTRAL_OFFICE)
    cast = [(None, [central], None)]
    for index, region in enumerate(regions, start=1):
        admin = _demo_user(
            username=f"admin-{region.schema_name}",
            name=f"{region.name}管理员",
            role=Role.REGION_ADMIN,
            region=region,
        )
        people = _demo_region_people(region, index)
        staff = _demo_user(
            username=f"committee-{region.schema_name}",
            name=f"{region.name}评审委员会办公室",
            role=Role.COMMITTEE_STAFF,
            region=region,
        )
        cast.append((region, [admin, *people], staff))
    return cast
