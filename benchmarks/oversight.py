"""Oversight benchmark (issue 17): the central office's pages over a large public index.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.oversight [--rows 1000000]

Works on its own database, `<DATABASE_URL's name>_oversight_bench` (created, migrated and
seeded on the first run; kept for the next runs, `--fresh` drops it). Seeding writes the
applicants and the index rows with COPY (a million index rows in about a minute), spread over
the 15 regions, 3 years, 6 qualifications, every status, the node kinds and 20 units per
region, then VACUUM ANALYZE. A larger `--rows` adds the difference.

Measured through Django's test client (routing, session, view, template; no network), as the
central office: the dashboard of this year (goal: p99 under 300 ms), the cross-region list, an
exact ID-number search, a name search and a unit's list (goal: p99 under 50 ms each); and the
region admin's list on a region's host. Results: a table on stdout and
`benchmarks/results/oversight-latest.json`. Never a test: figures only.
"""

import argparse
import io
import statistics
import sys
import time
from datetime import date, timedelta

from .database import NoDatabaseUrlError, base_url, bench_url, drop_database, ensure_database
from .report import write
from .seed import RESULTS, configure_django

SUFFIX = "_oversight_bench"
QUALIFICATIONS = (
    "school-teacher-chinese-assistant",
    "school-teacher-chinese-intermediate",
    "school-teacher-chinese-deputy-senior",
    "school-teacher-math-assistant",
    "school-teacher-math-intermediate",
    "school-teacher-math-deputy-senior",
)
YEARS = 3
PER_APPLICANT = len(QUALIFICATIONS) * YEARS  # one application per qualification and year
UNITS_PER_REGION = 20
CHUNK = 100_000
# How the index rows spread over the statuses (most are past review or in it).
STATUS_MIX = (
    ["draft"] * 2
    + ["in_review"] * 3
    + ["returned", "rejected", "formal_review_passed", "meeting_passed"]
    + ["in_publicity", "approved", "certified", "certified"]
)
NODES = [("base_unit", "unit"), ("recommending_unit", "authority"), ("committee", "committee")]
DASHBOARD_GOAL_MS = 300
LIST_GOAL_MS = 50


def database_url() -> str:
    return bench_url(base_url()).removesuffix("_bench") + SUFFIX


def _copy(table: str, columns: list[str], lines: list[str]) -> None:
    from django.db import connection

    buffer = io.StringIO("".join(lines))
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT text)", buffer
        )


def seed(rows: int) -> dict:
    """Regions, catalog, units, applicants and `rows` index rows (topped up, never twice)."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    from core.identity.validators import make_id_card_number
    from core.models import ApplicationIndex, Qualification, Role, User
    from tenants.models import Region

    from .seeders import bench_unit, prepare_database

    prepare_database()
    regions = list(Region.objects.regions())
    units = {}
    for r, region in enumerate(regions):
        units[region.pk] = [
            bench_unit(
                region,
                name=f"{region.name}第{n + 1}中学（监督基准）",
                short_name=f"{region.name}{n + 1}中监督",
                area="650100",
                org_code=f"JD{r:02d}{n:04d}",
                address="基准路1号",
                phone="0991-1",
            ).pk
            for n in range(UNITS_PER_REGION)
        ]
    qualifications = list(
        Qualification.objects.filter(code__in=QUALIFICATIONS).values_list(
            "pk", "level", "specialty__series_id"
        )
    )
    have = ApplicationIndex.objects.count()
    if have >= rows:
        return {"rows": have, "added": 0}
    applicants_needed = -(-rows // PER_APPLICANT)
    existing = User.objects.filter(username__startswith="ov-").count()
    password = make_password("unused-bench-password")
    now = timezone.now()
    stamp = now.isoformat()
    lines = []
    for n in range(existing, applicants_needed):
        birth = date(1960, 1, 1) + timedelta(days=n % 15000)
        number = make_id_card_number(f"65{n // 15000 % 10000:04d}", birth, n % 997 + 1)
        name = f"监督{n}"
        lines.append(
            f"{password}\tf\tov-{n}\t\t\t\tf\tt\t{stamp}\t{name}\t{Role.APPLICANT}\t\t\t0\t0\t"
            f"{number}\n"
        )
        if len(lines) == CHUNK:
            _copy_users(lines)
            lines = []
    if lines:
        _copy_users(lines)
    people = dict(User.objects.filter(username__startswith="ov-").values_list("username", "pk"))
    this_year = timezone.localdate().year
    lines = []
    for i in range(have, rows):
        person = i // PER_APPLICANT
        slot = i % PER_APPLICANT
        year = this_year - slot // len(QUALIFICATIONS)
        qualification, level, series = qualifications[slot % len(QUALIFICATIONS)]
        region = regions[person % len(regions)]
        unit = units[region.pk][person // len(regions) % UNITS_PER_REGION]
        status = STATUS_MIX[(i * 7) % len(STATUS_MIX)]
        waited = timedelta(hours=(i * 37) % (24 * 120))
        updated = now - waited
        node_index, node_kind, org_kind, org_id = "\\N", "", "", "\\N"
        if status == "in_review":
            at = i % len(NODES)
            node_kind, org_kind = NODES[at]
            node_index, org_id = str(at), str(unit if org_kind == "unit" else at + 1)
        submitted = "\\N" if status == "draft" else (updated - timedelta(days=3)).isoformat()
        lines.append(
            "\t".join(
                [
                    f"RSSQ{50_000_000 + i}",
                    str(region.pk),
                    str(people[f"ov-{person}"]),
                    str(unit),
                    str(qualification),
                    str(year),
                    "1",
                    f"{region.name}中小学教师职称评审委员会",
                    status,
                    node_index,
                    node_kind,
                    org_kind,
                    org_id,
                    now.isoformat(),
                    updated.isoformat(),
                    str(series),
                    level,
                    "1",
                    f"监督{person}",
                    (updated - timedelta(days=30)).isoformat(),
                    submitted,
                    updated.isoformat(),
                ]
            )
            + "\n"
        )
        if len(lines) == CHUNK:
            _copy_index(lines)
            lines = []
    if lines:
        _copy_index(lines)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE core_applicationindex")
        cursor.execute("ANALYZE core_user")
    return {"rows": rows, "added": rows - have}


def _copy_users(lines: list[str]) -> None:
    _copy(
        "core_user",
        [
            "password", "is_superuser", "username", "first_name", "last_name", "email",
            "is_staff", "is_active", "date_joined", "name", "role", "id_card_scan", "phone",
            "minutes_used", "session_generation", "id_card_number",
        ],
        lines,
    )  # fmt: skip


def _copy_index(lines: list[str]) -> None:
    _copy(
        "core_applicationindex",
        [
            "number", "region_id", "applicant_id", "unit_id", "qualification_id", "year",
            "committee_id", "committee_name", "status", "node_index", "node_kind",
            "waiting_org_kind", "waiting_org_id", "closes_at", "updated_at", "series_id",
            "level", "offering_id", "applicant_name", "created_at", "submitted_at",
            "waiting_since",
        ],
        lines,
    )  # fmt: skip


def _timed(client, path: str, params: dict, samples: int) -> dict:
    for _ in range(3):  # warm-up
        assert client.get(path, params).status_code == 200, path
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        response = client.get(path, params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, path
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p99_ms": round(times[min(len(times) - 1, round(0.99 * (len(times) - 1)))], 1),
        "samples": samples,
    }


def measure(samples: int) -> dict:
    from django.test import Client
    from django.utils import timezone

    from core.models import ApplicationIndex, Role, User
    from tenants.models import Region

    central, _created = User.objects.get_or_create(
        username="ov-central", defaults={"role": Role.CENTRAL_OFFICE, "name": "职称办"}
    )
    urumqi = Region.objects.get(schema_name="urumqi")
    admin, _created = User.objects.get_or_create(
        username="ov-admin-urumqi",
        defaults={"role": Role.REGION_ADMIN, "name": "乌市管理员", "region": urumqi},
    )
    sample = ApplicationIndex.objects.select_related("applicant", "unit").order_by("number")[
        ApplicationIndex.objects.count() // 2
    ]
    client = Client(HTTP_HOST="localhost")
    client.force_login(central)
    region_client = Client(HTTP_HOST="urumqi.localhost")
    region_client.force_login(admin)
    year = timezone.localdate().year
    cases = {
        "dashboard": (client, "/central/dashboard/", {"year": year}, DASHBOARD_GOAL_MS),
        "list": (client, "/central/applications/", {}, LIST_GOAL_MS),
        "list: region × status": (
            client,
            "/central/applications/",
            {"year": year, "region": "kashgar", "status": "in_review"},
            LIST_GOAL_MS,
        ),
        "search: ID number": (
            client,
            "/central/applications/",
            {"q": sample.applicant.id_card_number},
            LIST_GOAL_MS,
        ),
        "search: name": (
            client,
            "/central/applications/",
            {"q": sample.applicant_name},
            LIST_GOAL_MS,
        ),
        "search: number": (client, "/central/applications/", {"q": sample.number}, LIST_GOAL_MS),
        "search: unit": (
            client,
            "/central/applications/",
            {"unit": sample.unit.name},
            LIST_GOAL_MS,
        ),
        "region admin: list": (region_client, "/region-admin/applications/", {}, LIST_GOAL_MS),
    }
    results = {}
    for name, (who, path, params, goal) in cases.items():
        figures = _timed(who, path, params, samples)
        figures["goal_ms"] = goal
        results[name] = figures
    return results


def report(result: dict) -> str:
    lines = [f"oversight: {result['rows']:,} index rows, {result['samples']} samples per page"]
    for name, figures in result["pages"].items():
        verdict = "ok" if figures["p99_ms"] < figures["goal_ms"] else "MISSED"
        lines.append(
            f"  {name:<24} p50 {figures['p50_ms']:7.1f} ms   p99 {figures['p99_ms']:7.1f} ms"
            f"   (goal p99 < {figures['goal_ms']} ms: {verdict})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.oversight", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000, help="index rows to seed")
    parser.add_argument("--samples", type=int, default=50, help="requests timed per page")
    parser.add_argument("--fresh", action="store_true", help="drop the benchmark database first")
    args = parser.parse_args(argv)
    try:
        url = database_url()
    except NoDatabaseUrlError as error:
        print(error, file=sys.stderr)
        return 2
    if args.fresh:
        drop_database(url)
    ensure_database(url)
    configure_django(url)
    started = time.monotonic()
    seeded = seed(args.rows)
    result = {
        "rows": seeded["rows"],
        "seed_seconds": round(time.monotonic() - started, 1),
        "samples": args.samples,
        "pages": measure(args.samples),
        "database": url.rsplit("/", 1)[-1],
    }
    print(report(result))
    out = RESULTS / "oversight-latest.json"
    write(result, out)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
