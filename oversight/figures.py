"""The dashboard's figures, each one query on the public index (never a region's schema):
counts by region × status and by series × level, the funnel, the waits per node kind, the
organizations holding the oldest applications, and submissions per week.

Each figure carries the query-string conditions of the list behind it (`link`)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Aggregate, Count, DateTimeField, Max, Min, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from core.models import LEVEL_ORDER, ApplicationIndex, Authority, OrgKind, Series, Unit
from core.models.applications import Status
from oversight.filters import funnel_statuses, reached
from tenants.routing import REGION_MAP
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


def region_status(rows: QuerySet[ApplicationIndex]) -> Table:
    """Applications by region × status."""
    counts = rows.order_by().values_list("region_id", "status").annotate(n=Count("*"))
    regions = {r.pk: r for r in REGION_MAP.regions()}
    table = Table(
        rows=[(r.schema_name, r.name) for r in regions.values()],
        columns=[(s.value, str(s.label)) for s in Status],
    )
    for region_id, status, n in counts:
        region = regions.get(region_id)
        if region is not None:
            table.cells[(region.schema_name, status)] = n
    table.rows = [r for r in table.rows if table.row_total(r[0])]
    return table


def series_level(rows: QuerySet[ApplicationIndex]) -> Table:
    """Applications by series × level (one query for the counts, one for the series' names)."""
    counts = list(rows.order_by().values_list("series_id", "level").annotate(n=Count("*")))
    names = Series.objects.in_bulk({s for s, _l, _n in counts if s is not None})
    ordered = sorted(names.values(), key=lambda s: (s.sort_order, s.code))
    table = Table(
        rows=[(s.code, s.name) for s in ordered],
        columns=[(level.value, str(level.label)) for level in LEVEL_ORDER],
    )
    for series_id, level, n in counts:
        if series_id in names:
            table.cells[(names[series_id].code, level)] = n
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
    name: str
    count: int
    oldest_days: float


def oldest_holders(rows: QuerySet[ApplicationIndex], now: datetime | None = None) -> list[Holder]:
    """The units, authorities and committees holding the longest-waiting applications."""
    now = now or timezone.now()
    grouped = list(
        rows.filter(status=Status.IN_REVIEW)
        .exclude(waiting_org_kind="")
        .order_by()
        .values_list("waiting_org_kind", "waiting_org_id")
        .annotate(n=Count("*"), oldest=Min("waiting_since"), committee=Max("committee_name"))
        .order_by("oldest")[:OLDEST_SHOWN]
    )
    units = Unit.objects.in_bulk([i for k, i, *_ in grouped if k == OrgKind.UNIT])
    authorities = Authority.objects.in_bulk([i for k, i, *_ in grouped if k == OrgKind.AUTHORITY])
    holders = []
    for kind, org_id, n, oldest, committee in grouped:
        if kind == OrgKind.UNIT:
            name = units[org_id].name if org_id in units else ""
        elif kind == OrgKind.AUTHORITY:
            name = authorities[org_id].name if org_id in authorities else ""
        else:
            name = committee
        holders.append(Holder(kind, org_id, name, n, _days(oldest, now)))
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
    counts = dict(
        rows.filter(submitted_at__gte=first)
        .order_by()
        .annotate(week=TruncWeek("submitted_at"))
        .values_list("week")
        .annotate(n=Count("*"))
    )
    weeks = [first + timedelta(weeks=i) for i in range(TREND_WEEKS)]
    by_date = {timezone.localtime(w).date(): n for w, n in counts.items()}
    return [Week(w, by_date.get(w.date(), 0)) for w in weeks]
