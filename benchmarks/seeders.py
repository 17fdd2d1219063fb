"""What the benchmark database holds, one `Seeder` per table (import after `django.setup()`).

Each seeder tops a table up to its target per region, so seeding again with the same size does
nothing and a larger size adds the difference. Adding a table is one fill function and one
`Seeder(...)` line in `seeders()`; a fill writes the rows numbered `numbers` of one region, most
simply `each(make_row)`, which builds row n with `make_row(region, n)` and bulk-creates them.
"""

import contextlib
import io
import zlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone

from benchmarks.copying import copy_models
from core.access import REGION_BOUND_ROLES
from core.catalog.forms import form_current
from core.demo import DEMO_PASSWORD
from core.identity.validators import make_credit_code, normalize_org_name
from core.models import (
    ApplicationIndex,
    Authority,
    AuthorityKind,
    Notification,
    OrgKind,
    Qualification,
    Role,
    SectionForm,
    Unit,
    UnitNature,
    User,
)
from tenants.crossing import in_region
from tenants.models import Region
from workflow.index import index_fields
from workflow.models import (
    Application,
    Committee,
    NodeKind,
    Notice,
    Offering,
    SectionEntry,
    TransitionRecord,
)
from workflow.setup import DEFAULT_FLOW, committee_save, offering_save
from workflow.states import Status
from workflow.transitions import UNIT_SECTION

SHARED = "shared"  # the row lives in the public schema
REGION = "region"  # the row lives in the region's own schema
BATCH = 2000
APPLICATION_BATCH = 10_000

API_USERNAME = "bench-api"  # the token account; it also owns applications in API_REGIONS regions
API_REGIONS = 5
USERS_PER_UNIT = 50
BUSY_SHARE = 4  # of every 5 applicants, this many work at the region's first unit

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马胡朱郭何罗高林艾买阿热古努吐"
GIVEN = ["建国", "丽娜", "志强", "海燕", "江", "阿依古丽", "买买提", "古丽米拉", "晓东", "红梅"]
# 100 accounts: mostly applicants, then the people who review them.
ROLE_MIX = (
    [Role.APPLICANT] * 90
    + [Role.UNIT_ADMIN] * 5
    + [Role.AUTHORITY_REVIEWER] * 3
    + [Role.COMMITTEE_STAFF] * 2
)

# What the committee of each region offers: two series of teachers at three levels, this year
# (open) and the two years before (closed). An applicant's applications, in order: this year,
# last year, the year before in the first series, then the same years in the second.
SERIES = (
    (
        "school-teacher-chinese-assistant",
        "school-teacher-chinese-intermediate",
        "school-teacher-chinese-deputy-senior",
    ),
    (
        "school-teacher-math-assistant",
        "school-teacher-math-intermediate",
        "school-teacher-math-deputy-senior",
    ),
)
YEARS_BACK = 3
ROUNDS = YEARS_BACK * len(SERIES)  # the most applications one applicant has
OFFERINGS = tuple((back, code) for back in range(YEARS_BACK) for codes in SERIES for code in codes)
COMMITTEE_REVIEWS = [
    {"series": "school-teacher", "levels": ["junior", "intermediate", "deputy_senior"]}
]


class SeedError(RuntimeError):
    """The sizes asked for cannot be seeded (say, more applications than applicants allow)."""


@dataclass(frozen=True)
class Size:
    users: int  # accounts per region
    notices: int  # notices per region
    applications: int = 0  # applications per region
    busy_cap: int | None = None  # most applications at a region's first unit (None: 4 in 5)

    @property
    def units(self) -> int:
        return max(2, self.users // USERS_PER_UNIT)

    @property
    def applicants(self) -> int:
        """Seeded applicants per region (ROLE_MIX)."""
        whole, rest = divmod(self.users, len(ROLE_MIX))
        return whole * ROLE_MIX.count(Role.APPLICANT) + ROLE_MIX[:rest].count(Role.APPLICANT)

    def check(self) -> None:
        """SeedError when the applications asked for cannot all be made."""
        if self.applications > ROUNDS * self.applicants:
            raise SeedError(
                f"{self.applications} applications per region need more applicants: each of "
                f"the {self.applicants} seeded ones applies at most {ROUNDS} times "
                "(raise --users or lower --applications)"
            )


Fill = Callable[[Region, range], None]


@dataclass(frozen=True)
class Seeder:
    """Rows of one table for one region; `fill(region, numbers)` writes rows `numbers`."""

    label: str
    model: type[models.Model]
    schema: str  # SHARED or REGION
    target: Callable[[Size], int]
    fill: Fill
    of_region: Callable[[Region], Q] = lambda region: Q()
    batch: int = BATCH  # rows per fill (and transaction)

    def top_up(self, region: Region, size: Size) -> int:
        """Create the missing rows of this region; the number created."""
        with self._schema(region):
            have = self.model.objects.filter(self.of_region(region)).count()
            want = self.target(size)
            for start in range(have, want, self.batch):
                with transaction.atomic():
                    self.fill(region, range(start, min(start + self.batch, want)))
            return max(0, want - have)

    def count(self, region: Region) -> int:
        with self._schema(region):
            return self.model.objects.filter(self.of_region(region)).count()

    def _schema(self, region: Region) -> AbstractContextManager[None]:
        return in_region(region.schema_name) if self.schema == REGION else nullcontext()


def each(make: Callable[[Region, int], models.Model]) -> Fill:
    """A fill that builds row n with `make(region, n)` and COPYs the batch in."""

    def fill(region: Region, numbers: range) -> None:
        copy_models([make(region, n) for n in numbers])

    return fill


# --- accounts and notices -----------------------------------------------------------------


def username(code: str, n: int) -> str:
    return f"bench-{code}-{n:06d}"


def unit_admin_username(code: str, n: int) -> str:
    return f"bench-unit-{code}-{n:04d}"


def _user_maker(password_hash: str) -> Callable[[Region, int], User]:
    def make_user(region: Region, n: int) -> User:
        role = ROLE_MIX[n % len(ROLE_MIX)]
        return User(
            username=username(region.schema_name, n),
            name=SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES)) % len(GIVEN)],
            email=f"{username(region.schema_name, n)}@example.cn",
            role=role,
            region=region if role in REGION_BOUND_ROLES else None,
            phone=f"139{n:08d}" if role == Role.APPLICANT else "",
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


def api_user() -> User:
    """The account the API scenarios authenticate as (an applicant of no particular region)."""
    user, _created = User.objects.get_or_create(
        username=API_USERNAME, defaults={"name": "压测接口账号", "role": Role.APPLICANT}
    )
    return user


# --- organizations ------------------------------------------------------------------------


def authority_name(region: Region) -> str:
    return f"{region.name}人力资源和社会保障局"


def make_authority(region: Region, n: int) -> Authority:
    return Authority(
        region=region,
        name=authority_name(region),
        kind=AuthorityKind.RECOMMENDING,
        contact_name="职称科",
        contact_phone=f"0991-{5000000 + region.sort_order:07d}",
    )


def credit_code(region: Region, n: int) -> str:
    """Unit n of the region: the region's place and n make the 8-character organization code."""
    return make_credit_code("1", "2", "650100", f"B{region.sort_order:02d}{n:05d}")


def fill_units(region: Region, numbers: range) -> None:
    """Complete units (every field a unit needs to review) recommending to the region's
    authority; unit 0 is the busy one."""
    units = []
    for n in numbers:
        name, short_name = f"{region.name}第{n + 1}中学", f"{region.name}{n + 1}中"
        units.append(
            Unit(
                credit_code=credit_code(region, n),
                name=name,
                short_name=short_name,
                name_key=normalize_org_name(name),
                short_name_key=normalize_org_name(short_name),
                region=region,
                address=f"{region.name}人民路{n + 1}号",
                nature=UnitNature.INSTITUTION,
                legal_representative="校长",
                contact_name="人事处",
                contact_phone=f"0991-{6000000 + n:07d}",
            )
        )
    Unit.objects.bulk_create(units)
    authority = Authority.objects.get(region=region, name=authority_name(region))
    through = Unit.recommending_units.through
    through.objects.bulk_create(
        [through(unit_id=unit.pk, authority_id=authority.pk) for unit in units]
    )


def _unit_admin_filler(password_hash: str) -> Fill:
    def fill_unit_admins(region: Region, numbers: range) -> None:
        units = dict(Unit.objects.filter(region=region).values_list("credit_code", "pk"))
        User.objects.bulk_create(
            [
                User(
                    username=unit_admin_username(region.schema_name, n),
                    name=f"{region.name}第{n + 1}中学管理员",
                    role=Role.UNIT_ADMIN,
                    unit_id=units[credit_code(region, n)],
                    password=password_hash,
                )
                for n in numbers
            ]
        )

    return fill_unit_admins


# --- a committee and its offerings --------------------------------------------------------


def committee_name(region: Region) -> str:
    return f"{region.name}中小学教师职称评审委员会"


def fill_committee(region: Region, numbers: range) -> None:
    committee_save(
        name=committee_name(region),
        address=f"{region.name}人民路1号 教育局3楼",
        contacts=[{"name": "阿不都", "phone": "0991-3000001"}],
        reviews=COMMITTEE_REVIEWS,
    )


def fill_offerings(region: Region, numbers: range) -> None:
    """This year's offerings are open now; earlier years' were open in the spring."""
    committee = Committee.objects.get(name=committee_name(region))
    now = timezone.now()
    year = timezone.localdate().year
    for n in numbers:
        back, code = OFFERINGS[n]
        if back == 0:
            opens_at, closes_at = now - timedelta(days=20), now + timedelta(days=40)
        else:
            zone = timezone.get_current_timezone()
            opens_at = datetime(year - back, 3, 1, tzinfo=zone)
            closes_at = datetime(year - back, 4, 30, tzinfo=zone)
        offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code=code),
            year=year - back,
            opens_at=opens_at,
            closes_at=closes_at,
            flow_nodes=DEFAULT_FLOW,
        )


# --- applications -------------------------------------------------------------------------

RECOMMENDATION = {
    "responsible_person": "人事处",
    "mobile": "13900000000",
    "opinion": "该同志师德高尚，教育教学业绩突出，符合申报条件，同意推荐。",
}
RETURNED_OPINION = "请补充近五年年度考核材料。"
REJECTED_OPINION = "任职年限不符合申报条件。"
# The status and node of an application, by bucket (20 buckets) and by whether it is of this
# year: this year's are mostly waiting at the base unit; earlier years' are mostly certified.
THIS_YEAR = (
    [(Status.IN_REVIEW, 0)] * 10
    + [(Status.DRAFT, None)] * 4
    + [(Status.RETURNED, None)] * 2
    + [(Status.IN_REVIEW, 1)] * 2
    + [(Status.IN_REVIEW, 2)]
    + [(Status.FORMAL_REVIEW_PASSED, None)]
)
EARLIER = (
    [(Status.CERTIFIED, None)] * 12
    + [(Status.REJECTED, None)] * 4
    + [(Status.APPROVED, None)] * 2
    + [(Status.RETURNED, None)] * 2
)
PAST_UNIT = frozenset(
    {Status.FORMAL_REVIEW_PASSED, Status.REJECTED, Status.APPROVED, Status.CERTIFIED}
)


@dataclass
class _Region:
    """What the applications of one region are made of (read once per region)."""

    applicants: list[int]  # seeded applicants, in username order
    api_user: int
    names: dict[int, str]  # every applicant's name, by id
    units: list[int]  # in credit-code order: units[0] is the busy one
    authority: Authority
    offerings: dict[tuple[int, str], Offering]  # by (years back, qualification code)
    forms: dict[str, SectionForm] = field(default_factory=dict)

    def form(self, key: str) -> SectionForm:
        if key not in self.forms:
            self.forms[key] = form_current(key)
        return self.forms[key]


def slot(a: int, r: int) -> tuple[int, str]:
    """The (years back, qualification code) of applicant a's r-th application: one a year in
    the first series, then the same years in the second; the level varies between people."""
    back, series = r % YEARS_BACK, r // YEARS_BACK
    return back, SERIES[series][a % len(SERIES[series])]


class ApplicationFiller:
    """Applications of a region with what the pages read of them, written by COPY: the
    application, its row of the public index (series, level, name and times included), the
    unit's recommendation once past the unit, the applicant's submit in the history and the
    notification of it.

    Applicant a's r-th application is `slot(a, r)`; each applicant applies ROUNDS times before
    the next one starts. People work at the region's first unit four times in five until it
    holds `Size.busy_cap` applications (no limit by default). Applications already made
    (applicant, qualification, year) are skipped, so a top-up never collides with the index's
    once-a-year constraint whatever the number of accounts. In the first API_REGIONS regions
    `bench-api` also applies, for a different qualification or year in each. Numbers come from
    the public sequence, one round trip per batch.
    """

    def __init__(self, size: Size) -> None:
        self.size = size
        self.regions: dict[str, _Region] = {}
        self.taken: dict[str, set[tuple[int, int, int]]] = {}
        self.walks: dict[str, Iterator[tuple[int, int, int, int]]] = {}

    def __call__(self, region: Region, numbers: range) -> None:
        context = self._context(region)
        now = timezone.now()
        picked = self._pick(region, context, len(numbers))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval('public.core_application_number_seq') FROM generate_series(1, %s)",
                [len(picked)],
            )
            values = [value for (value,) in cursor.fetchall()]
        applications = []
        for value, (applicant, a, r, unit) in zip(values, picked, strict=True):
            back, code = slot(a, r)
            offering = context.offerings[back, code]
            buckets = EARLIER if back else THIS_YEAR
            status, node = buckets[zlib.crc32(f"{a}:{r}".encode()) % len(buckets)]
            submitted = status != Status.DRAFT
            past_unit = status in PAST_UNIT or (node or 0) > 0
            when = (
                now - timedelta(minutes=(a * ROUNDS + r) % 20_000)
                if back == 0
                else offering.closes_at - timedelta(days=a % 30)
            )
            applications.append(
                Application(
                    number=f"RSSQ{value:08d}",
                    applicant_id=applicant,
                    unit_id=unit,
                    offering=offering,
                    qualification=offering.qualification,
                    year=offering.year,
                    form=context.form(offering.qualification.specialty.series.form_key),
                    flow=offering.flow,
                    status=status,
                    current_node=node,
                    submission_count=1 if submitted else 0,
                    unit_acted=past_unit or status == Status.RETURNED,
                    recommending_unit=context.authority if past_unit else None,
                    last_opinion={
                        Status.RETURNED: RETURNED_OPINION,
                        Status.REJECTED: REJECTED_OPINION,
                    }.get(status, ""),
                    submitted_at=when if submitted else None,
                    created_at=when - timedelta(days=2),
                    updated_at=when,
                )
            )
        copy_models(applications)
        copy_models(
            [
                ApplicationIndex(
                    number=application.number,
                    region=region,
                    updated_at=application.updated_at,
                    series_id=application.qualification.specialty.series_id,
                    level=application.qualification.level,
                    applicant_name=context.names[application.applicant_id][:64],
                    created_at=application.created_at,
                    waiting_since=application.updated_at,
                    **index_fields(application),
                )
                for application in applications
            ]
        )
        copy_models(
            [
                SectionEntry(
                    application_id=application.pk,
                    key=UNIT_SECTION,
                    data=RECOMMENDATION,
                    updated_at=application.updated_at,
                )
                for application in applications
                if application.recommending_unit_id is not None
            ]
        )
        submitted = [a for a in applications if a.submitted_at is not None]
        copy_models(
            [
                TransitionRecord(
                    application_id=application.pk,
                    action="submit",
                    actor_id=application.applicant_id,
                    org_kind=OrgKind.APPLICANT,
                    org_id=application.applicant_id,
                    from_status=Status.DRAFT,
                    to_status=Status.IN_REVIEW,
                    to_node_index=0,
                    to_node_kind=NodeKind.BASE_UNIT,
                    created_at=application.submitted_at,
                )
                for application in submitted
            ]
        )
        copy_models(
            [
                Notification(
                    recipient_id=application.applicant_id,
                    region_code=region.schema_name,
                    title=f"申请书{application.number}已提交",
                    body=f"您的申请书{application.number}已提交至基层工作单位审核。",
                    link=f"/applications/{application.number}/",
                    created_at=application.submitted_at,
                    read_at=application.submitted_at if application.year < now.year else None,
                )
                for application in submitted
            ]
        )

    def _pick(
        self, region: Region, context: _Region, count: int
    ) -> list[tuple[int, int, int, int]]:
        """The next `count` (applicant, a, r, unit) not yet applied for."""
        code = region.schema_name
        if code not in self.taken:
            self.taken[code] = set(
                Application.objects.values_list("applicant_id", "qualification_id", "year")
            )
            self.walks[code] = self._walk(region, context)
        taken = self.taken[code]
        qualifications = {
            o.qualification.code: o.qualification_id for o in context.offerings.values()
        }
        year = timezone.localdate().year
        picked: list[tuple[int, int, int, int]] = []
        for applicant, a, r, unit in self.walks[code]:
            back, code_ = slot(a, r)
            key = (applicant, qualifications[code_], year - back)
            if key in taken:
                continue
            taken.add(key)
            picked.append((applicant, a, r, unit))
            if len(picked) == count:
                return picked
        raise SeedError(
            f"{region.schema_name}: {count} more applications do not fit: each of the "
            f"{len(context.applicants)} seeded applicants applies at most {ROUNDS} times "
            "(raise --users or lower --applications)"
        )

    def _walk(self, region: Region, context: _Region) -> Iterator[tuple[int, int, int, int]]:
        place = region.sort_order - 1
        if place < API_REGIONS:
            yield context.api_user, place, place, context.units[0]
        others = context.units[1:]
        busy_people = None if self.size.busy_cap is None else -(-self.size.busy_cap // ROUNDS)
        for a, applicant in enumerate(context.applicants):
            busy = a % 5 < BUSY_SHARE
            if busy and busy_people is not None:
                busy = (a // 5) * BUSY_SHARE + a % 5 < busy_people
            unit = context.units[0] if busy else others[(a // 5) % len(others)]
            for r in range(ROUNDS):
                yield applicant, a, r, unit

    def _context(self, region: Region) -> _Region:
        code = region.schema_name
        if code not in self.regions:
            offerings = Offering.objects.select_related(
                "committee", "flow", "qualification__specialty__series"
            )
            year = timezone.localdate().year
            people = list(
                User.objects.filter(
                    Q(username__startswith=f"bench-{code}-", role=Role.APPLICANT)
                    | Q(username=API_USERNAME)
                )
                .order_by("username")
                .values_list("pk", "username", "name")
            )
            self.regions[code] = _Region(
                applicants=[pk for pk, login, _ in people if login != API_USERNAME],
                api_user=next(pk for pk, login, _ in people if login == API_USERNAME),
                names={pk: name for pk, _, name in people},
                units=list(
                    Unit.objects.filter(region=region)
                    .order_by("credit_code")
                    .values_list("pk", flat=True)
                ),
                authority=Authority.objects.get(region=region, name=authority_name(region)),
                offerings={
                    (year - o.year, o.qualification.code): o
                    for o in offerings.filter(committee__name=committee_name(region))
                },
            )
        return self.regions[code]


def seeders(size: Size) -> list[Seeder]:
    """Every table the benchmark fills, in the order they are filled."""
    # One Argon2 hash for every account: hashing 30,000 passwords would take minutes.
    password_hash = make_password(DEMO_PASSWORD)
    return [
        Seeder(
            "users",
            User,
            SHARED,
            lambda size: size.users,
            each(_user_maker(password_hash)),
            lambda region: Q(username__startswith=f"bench-{region.schema_name}-"),
        ),
        Seeder("notices", Notice, REGION, lambda size: size.notices, each(make_notice)),
        Seeder(
            "authorities",
            Authority,
            SHARED,
            lambda size: 1,
            each(make_authority),
            lambda region: Q(region=region),
        ),
        Seeder("units", Unit, SHARED, lambda size: size.units, fill_units, lambda r: Q(region=r)),
        Seeder(
            "unit admins",
            User,
            SHARED,
            lambda size: size.units,
            _unit_admin_filler(password_hash),
            lambda region: Q(username__startswith=f"bench-unit-{region.schema_name}-"),
        ),
        Seeder("committees", Committee, REGION, lambda size: 1, fill_committee),
        Seeder("offerings", Offering, REGION, lambda size: len(OFFERINGS), fill_offerings),
        Seeder(
            "applications",
            Application,
            REGION,
            lambda size: size.applications,
            ApplicationFiller(size),
            batch=APPLICATION_BATCH,
        ),
    ]


def prepare_database() -> None:
    """Migrate the public schema, create (or bring up to date) every region, load the catalog:
    what a benchmark needs before it seeds anything of its own."""
    from django.core.management import call_command

    from core.catalog.sync import catalog_sync
    from tenants.regions import bootstrap_regions

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    with contextlib.redirect_stdout(io.StringIO()):  # schema creation narrates every migration
        bootstrap_regions()
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    catalog_sync()


def bench_unit(
    region: Region,
    *,
    name: str,
    short_name: str,
    area: str,
    org_code: str,
    address: str,
    phone: str,
) -> Unit:
    """A complete base unit of `region` named `name` (created once, found after)."""
    unit = Unit.objects.filter(name=name).first()
    if unit is None:
        unit = Unit.objects.create(
            credit_code=make_credit_code("1", "2", area, org_code),
            name=name,
            short_name=short_name,
            name_key=normalize_org_name(name),
            short_name_key=normalize_org_name(short_name),
            region=region,
            address=address,
            nature=UnitNature.INSTITUTION,
            legal_representative="校长",
            contact_name="人事处",
            contact_phone=phone,
        )
    return unit
