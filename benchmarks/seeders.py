"""What the benchmark database holds, one `Seeder` per table (import after `django.setup()`).

Each seeder tops a table up to its target per region, so seeding again with the same size does
nothing. Adding a table is one `make_*` function and one `Seeder(...)` line in `seeders()`: for
example, units would be `Seeder("units", Unit, SHARED, lambda s: s.users // 50, make_unit,
lambda r: Q(region=r))`, applications `Seeder("applications", Application, REGION, ...)`.
"""

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.access import REGION_BOUND_ROLES
from core.demo import DEMO_PASSWORD
from core.models import Role, User
from tenants.crossing import in_region
from tenants.models import Region
from workflow.models import Notice

SHARED = "shared"  # the row lives in the public schema
REGION = "region"  # the row lives in the region's own schema
BATCH = 2000

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林艾买阿热古努吐"
GIVEN = ["建国", "丽娜", "志强", "海燕", "江", "阿依古丽", "买买提", "古丽米拉", "晓东", "红梅"]
# 100 accounts: mostly applicants, then the people who review them.
ROLE_MIX = (
    [Role.APPLICANT] * 90
    + [Role.UNIT_ADMIN] * 5
    + [Role.AUTHORITY_REVIEWER] * 3
    + [Role.COMMITTEE_STAFF] * 2
)


@dataclass(frozen=True)
class Size:
    users: int  # accounts per region
    notices: int  # notices per region


@dataclass(frozen=True)
class Seeder:
    """Rows of one table for one region; `make(region, n)` builds the n-th row, unsaved."""

    label: str
    model: type[models.Model]
    schema: str  # SHARED or REGION
    target: Callable[[Size], int]
    make: Callable[[Region, int], models.Model]
    of_region: Callable[[Region], Q] = lambda region: Q()

    def top_up(self, region: Region, size: Size) -> int:
        """Create the missing rows of this region; the number created."""
        with self._schema(region):
            have = self.model.objects.filter(self.of_region(region)).count()
            want = self.target(size)
            for start in range(have, want, BATCH):
                stop = min(start + BATCH, want)
                rows = [self.make(region, n) for n in range(start, stop)]
                self.model.objects.bulk_create(rows)
            return max(0, want - have)

    def count(self, region: Region) -> int:
        with self._schema(region):
            return self.model.objects.filter(self.of_region(region)).count()

    def _schema(self, region: Region) -> AbstractContextManager[None]:
        return in_region(region.schema_name) if self.schema == REGION else nullcontext()


def username(code: str, n: int) -> str:
    return f"bench-{code}-{n:06d}"


def _user_maker(password_hash: str) -> Callable[[Region, int], User]:
    def make_user(region: Region, n: int) -> User:
        role = ROLE_MIX[n % len(ROLE_MIX)]
        return User(
            username=username(region.schema_name, n),
            name=SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)],
            email=f"{username(region.schema_name, n)}@example.cn",
            role=role,
            region=region if role in REGION_BOUND_ROLES else None,
            password=password_hash,
        )

    return make_user


def make_notice(region: Region, n: int) -> Notice:
    now = timezone.now()
    # Spread over about three years; every 97th is scheduled for later (not yet published).
    published_at = now + timedelta(days=3) if n % 97 == 96 else now - timedelta(hours=7 * n)
    return Notice(
        title=f"{region.name}关于{2026 - n // 300}年度职称评审工作的通知（第{n + 1}号）",
        body=(
            f"各有关单位：现将{region.name}职称评审有关事项通知如下。一、申报时间与受理窗口；"
            "二、纸质材料报送要求；三、评审费用标准；四、南疆四地州定向评审政策说明。"
        )
        * 3,
        pinned=n % 50 == 0,
        published_at=published_at,
    )


def seeders() -> list[Seeder]:
    """Every table the benchmark fills, in the order they are filled."""
    # One Argon2 hash for every account: hashing 30,000 passwords would take minutes.
    make_user = _user_maker(make_password(DEMO_PASSWORD))
    return [
        Seeder(
            "users",
            User,
            SHARED,
            lambda size: size.users,
            make_user,
            lambda region: Q(username__startswith=f"bench-{region.schema_name}-"),
        ),
        Seeder("notices", Notice, REGION, lambda size: size.notices, make_notice),
    ]
