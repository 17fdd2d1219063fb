"""Demo data for `make run` (API.md "Demo data"). Idempotent: running it twice changes nothing."""

from django.db import transaction

from core.models import Role, User
from tenants.models import Region
from tenants.regions import bootstrap_regions

DEMO_PASSWORD = "Demo-Pass-2026"


def _demo_user(*, username: str, name: str, role: str, region: Region | None = None) -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"name": name, "role": role, "region": region}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    elif (user.name, user.role, user.region_id) != (name, role, region.pk if region else None):
        user.name, user.role, user.region = name, role, region
        user.save(update_fields=["name", "role", "region"])
    return user


def load_demo() -> list[User]:
    """The regions, the central office and one region admin per region."""
    regions = bootstrap_regions()
    with transaction.atomic():
        users = [_demo_user(username="central", name="自治区职称办", role=Role.CENTRAL_OFFICE)]
        users += [
            _demo_user(
                username=f"admin-{region.schema_name}",
                name=f"{region.name}管理员",
                role=Role.REGION_ADMIN,
                region=region,
            )
            for region in regions
        ]
    return users
