"""The dashboard's figures, each one query on the public index (never a region's schema):
counts by region × status and by series × level, the funnel, the waits per node kind, the
organizations holding the oldest applications, and submissions per week.

Each figure carries the query-string conditions of the list behind it (`link`)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Aggregate, Count, DateTimeField, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from core.models import LEVEL_ORDER, ApplicationIndex, Authority, OrgKind, Series, Unit
from core.models.applications import Status
from oversight.filters import funnel_statuses, reached
from tenants.routing import REGION_MAP
from tenants.translated import localized_column
from workflow.models import NodeKind

TREND_WEEKS = 12
OLDEST_SHOWN = 10


class PercentileDisc(Aggregate):
    """PostgreSQL's `percentile_disc(f) WITHIN GROUP (ORDER BY x)`: a value of the group."""

    function = "percentile_disc"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DateTimeField()

    def __init__(self, expression, fraction: float, **extra) -> None:
        super().__init__(expression, fraction=float(fraction), **extra)


@dataclass
class Cell:
    count: int
    link: dict[str, str]


@dataclass
class Table:
    """Rows × columns of counts, with totals; every cell and total links to its list."""

    rows: list[tuple[str, str]]  # (code, label)
    columns: list[tuple[str, str]]
    cells: dict[tuple[str, str], int] = field(default_factory=dict)

    def row_total(self, row: str) -> int:
        return sum(n for (r, _c), n in self.cells.items() if r == row)

    def column_total(self, column: str) -> int:
        return sum(n for (_r, c), n in self.cells.items() if c == column)

    @property
    def total(self) -> int:
        return sum(self.cells.values())

    @property
    def lines(self) -> list[tuple[str, str, list[tuple[str, int]], int]]:
        """For the template: each row's code, label, (column, count) cells and total."""
        return [
            (code, label, [(c, self.cells.get((code, c), 0)) for c, _l in self.columns],
             self.row_total(code))
            for code, label in self.rows
        ]  # fmt: skip

    @property
    def totals(self) -> list[tuple[str, int]]:
        return [(c, self.column_total(c)) for c, _l in self.columns]


Counts = list[tuple[int, str, int | None, str, int]]  # region, status, series, level, n


def counts(rows: QuerySet[ApplicationIndex]) -> Counts:
    """Applications by region × status × series × level: ONE index-only scan, which both count
    tables are summed from."""
    return list(
        rows.order_by()
        .values_list("region_id", "status", "series_id", "level")
        .annotate(n=Count("*"))
    )


def region_status(counted: Counts) -> Table:
    """Applications by region × status (the regions that have any)."""
    regions = {r.pk: r for r in REGION_MAP.regions()}
    table = Table(
        rows=[(r.schema_name, r.local_name) for r in regions.values()],
        columns=[(s.value, str(s.label)) for s in Status],
    )
    for region_id, status, _series, _level, n in counted:
        region = regions.get(region_id)
        if region is not None:
            key = (region.schema_name, status)
            table.cells[key] = table.cells.get(key, 0) + n
    table.rows = [r for r in table.rows if table.row_total(r[0])]
    return table


def series_level(counted: Counts) -> Table:
    """Applications by series × level (one query for the series' names)."""
    names = Series.objects.in_bulk({c[2] for c in counted if c[2] is not None})
    ordered = sorted(names.values(), key=lambda s: (s.sort_order, s.code))
    table = Table(
        rows=[(s.code, s.local_name) for s in ordered],
        columns=[(level.value, str(level.label)) for level in LEVEL_ORDER],
    )
    for _region, _status, series_id, level, n in counted:
        if series_id in names:
            key = (names[series_id].code, level)
            table.cells[key] = table.cells.get(key, 0) + n
    return table


@dataclass
class Stage:
    status: str
    label: str
    count: int  # reached this stage or a later one
    now: int  # at this status now


def funnel(table: Table) -> list[Stage]:
    """From draft to certificate: how many reached each stage (from the status counts)."""
    by_status = {s.value: table.column_total(s.value) for s in Status}
    return [
        Stage(s, str(Status(s).label), sum(by_status[x] for x in reached(s)), by_status[s])
        for s in funnel_statuses()
    ]


@dataclass
class Wait:
    node_kind: str
    label: str
    count: int
    median_days: float
    p90_days: float


def _days(since: datetime | None, now: datetime) -> float:
    return round((now - since).total_seconds() / 86400, 1) if since else 0.0


def waits(rows: QuerySet[ApplicationIndex], now: datetime | None = None) -> list[Wait]:
    """How long applications in review have waited at each node kind: median and 90th
    percentile (longest waits: the oldest `waiting_since`)."""
    now = now or timezone.now()
    grouped = (
        rows.filter(status=Status.IN_REVIEW)
        .order_by()
        .values_list("node_kind")
        .annotate(
            n=Count("*"),
            # The longest tenth of the waits: the oldest tenth of the arrival times.
            median=PercentileDisc("waiting_since", 0.5),
            p90=PercentileDisc("waiting_since", 0.1),
        )
    )
    labels = dict(NodeKind.choices)
    return sorted(
        (
            Wait(kind, str(labels.get(kind, kind)), n, _days(median, now), _days(p90, now))
            for kind, n, median, p90 in grouped
        ),
        key=lambda w: (
            [k.value for k in NodeKind].index(w.node_kind) if w.node_kind in labels else len(labels)
        ),
    )


@dataclass
class Holder:
    org_kind: str
    org_id: int | None
    region: str  # a committee's id is its region's: the region is part of the key
    name: str
    count: int
    oldest_days: float


def oldest_holders(rows: QuerySet[ApplicationIndex], now: datetime | None = None) -> list[Holder]:
    """The units, authorities and committees holding the longest-waiting applications."""
    now = now or timezone.now()
    # A committee's name is data of its region: read from one of its rows, only for the
    # holders shown (PostgreSQL evaluates the subquery after the sort and the limit).
    committee_name = (
        ApplicationIndex.objects.filter(
            waiting_org_kind=OuterRef("waiting_org_kind"),
            waiting_org_id=OuterRef("waiting_org_id"),
            region_id=OuterRef("region_id"),
        )
        .order_by()
        .values(committee_label=localized_column("committee_name"))[:1]
    )
    grouped = list(
        rows.filter(status=Status.IN_REVIEW)
        .exclude(waiting_org_kind="")
        .order_by()
        .values_list("waiting_org_kind", "waiting_org_id", "region_id")
        .annotate(n=Count("*"), oldest=Min("waiting_since"))
        .order_by("oldest")
        .annotate(committee=Subquery(committee_name))[:OLDEST_SHOWN]
    )
    units = Unit.objects.in_bulk([i for k, i, *_ in grouped if k == OrgKind.UNIT])
    authorities = Authority.objects.in_bulk([i for k, i, *_ in grouped if k == OrgKind.AUTHORITY])
    regions = {r.pk: r.schema_name for r in REGION_MAP.regions()}
    holders = []
    for kind, org_id, region_id, n, oldest, committee in grouped:
        if kind == OrgKind.UNIT:
            name = units[org_id].name if org_id in units else ""
        elif kind == OrgKind.AUTHORITY:
            name = authorities[org_id].name if org_id in authorities else ""
        else:
            name = committee
        holders.append(
            Holder(kind, org_id, regions.get(region_id, ""), name, n, _days(oldest, now))
        )
    return holders


@dataclass
class Week:
    start: datetime
    count: int


def weekly(rows: QuerySet[ApplicationIndex], now: datetime | None = None) -> list[Week]:
    """Applications submitted per week, the last TREND_WEEKS weeks up to now (empty weeks
    included, so the bars are a calendar)."""
    now = timezone.localtime(now or timezone.now())
    this_monday = (now - timedelta(days=now.weekday())).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    first = this_monday - timedelta(weeks=TREND_WEEKS - 1)
    weeks = [first + timedelta(weeks=i) for i in range(TREND_WEEKS)]
    # One pass with a filtered count per week: cheaper than truncating every row's time in
    # the reader's time zone and grouping.
    counted = rows.filter(submitted_at__gte=first).aggregate(
        **{
            f"w{i}": Count(
                "submitted_at",
                filter=Q(submitted_at__gte=start, submitted_at__lt=start + timedelta(weeks=1)),
            )
            for i, start in enumerate(weeks)
        }
    )
    return [Week(start, counted[f"w{i}"]) for i, start in enumerate(weeks)]
