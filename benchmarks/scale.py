"""Growth 10,000 → 1,000,000 applications (issue 18): what each daily page costs.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.scale --total 10000  # 100000, 1000000

Each run grows the benchmark database (`<name>_bench`, the harness's) in place to `--total`
applications across the 15 regions with `benchmarks.seed` (COPY; `--users 12400` per region so
that a million fit, `--busy-cap 5000`: 乌鲁木齐市's first unit holds at most 5,000), then asks
every page of the daily flow and the central office's pages through Django's WSGI handler in
process (as gunicorn calls it: routing, middleware, session, view, template), as the person who
opens it, `--samples` times each, the pages taken in turn. Per page: wall p50/p99, CPU ms of
this process per request (`time.process_time`), CPU ms of the PostgreSQL backend serving it
(from /proc, same machine), statements per request (health checks and `SET search_path`
included), and the slowest statement. The one-row DRF read of the harness (routed, on the
region host) is measured beside them as the yardstick.

Stages are kept in `results/scale-stages.json`; the summary with the growth ratio of the
largest stage to the smallest, per page, goes to `results/latest.json` under "scale" (with
EXPLAIN ANALYZE of the slowest statement of each page that grows by more than half).
Never a test: figures only.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .database import NoDatabaseUrlError, base_url, bench_url
from .seed import RESULTS, random_secret_key

STAGES_FILE = RESULTS / "scale-stages.json"
LATEST = RESULTS / "latest.json"
USERS = 12_400  # per region: 90 % applicants, 6 applications each at most → 1,004,400 fit
BUSY_CAP = 5_000
REGIONS = 15
REGION = "urumqi"
REGION_HOST = f"{REGION}.localhost"
PUBLIC_HOST = "localhost"
GROWTH_FLAG = 1.5  # a page whose CPU grows more than this gets its slowest statement explained


@dataclass(frozen=True)
class Page:
    name: str
    host: str
    path: str
    who: str  # "applicant", "unit", "central", "token" or "" (nobody)
    contains: str = ""


def record(key: str, value: object) -> None:
    """Set `key` of results/latest.json, keeping what other benchmarks wrote there."""
    document: dict[str, object] = {}
    if LATEST.exists():
        try:
            document = json.loads(LATEST.read_text(encoding="utf-8"))
        except ValueError:
            document = {}
    document[key] = value
    LATEST.parent.mkdir(parents=True, exist_ok=True)
    LATEST.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def machine() -> dict[str, object]:
    return {"load_average": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count()}


def seed_stage(total: int, url: str) -> dict[str, object]:
    """Grow the benchmark database to `total` applications (a subprocess: its own Django)."""
    per_region = -(-total // REGIONS)
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.seed",
            "--users",
            str(USERS),
            "--applications",
            str(per_region),
            "--busy-cap",
            str(BUSY_CAP),
        ],
        check=True,
        env={**os.environ, "DATABASE_URL": base_url()},
    )
    manifest = json.loads((RESULTS / "seed.json").read_text(encoding="utf-8"))
    return {
        "seconds_total": round(time.monotonic() - started, 1),
        "seconds": manifest["seconds"],
        "created": manifest["created"],
        "rows": manifest["rows"],
    }


# --- in process ---------------------------------------------------------------------------

STATEMENTS: list[tuple[str, object, float]] = []  # (sql, params, ms) of the current request


def _install_counter() -> None:
    """Send every statement of the default connection through a timing psycopg2 cursor."""
    import psycopg2.extensions
    from django.db import connection

    class TimingCursor(psycopg2.extensions.cursor):
        def execute(self, query: str | bytes, params: object = None) -> None:
            began = time.perf_counter()
            try:
                super().execute(query, params)
            finally:
                ms = (time.perf_counter() - began) * 1000
                text = query.decode() if isinstance(query, bytes) else str(query)
                STATEMENTS.append((text, params, ms))

    connection.close()
    connection.settings_dict["OPTIONS"]["cursor_factory"] = TimingCursor


def _backend_cpu_ms(pid: int | None) -> float:
    """CPU time (user + system) the PostgreSQL backend `pid` has used, in ms (0 if unknown)."""
    if pid is None:
        return 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def _people() -> dict[str, object]:
    """Who opens which page, and the rows the pages name (stable from stage to stage)."""
    from django.db.models import Q

    from benchmarks.seed import login_cookie
    from benchmarks.seeders import unit_admin_username, username
    from core.models import ApplicationIndex, Role, Unit, User
    from tenants.crossing import in_region
    from workflow.models import Application
    from workflow.states import Status

    unit_admin = User.objects.get(username=unit_admin_username(REGION, 0))
    busy = Unit.objects.get(pk=unit_admin.unit_id)
    with in_region(REGION):
        draft = (
            Application.objects.filter(
                unit=busy, status=Status.DRAFT, applicant__username__startswith=f"bench-{REGION}-"
            )
            .order_by("number")
            .values_list("applicant_id", "number")
            .first()
        )
        waiting = (
            Application.objects.filter(unit=busy, status=Status.IN_REVIEW, current_node=0)
            .order_by("number")
            .values_list("number", flat=True)
            .first()
        )
    applicant = (
        User.objects.get(pk=draft[0]) if draft else User.objects.get(username=username(REGION, 0))
    )
    central, _created = User.objects.get_or_create(
        username="bench-central", defaults={"role": Role.CENTRAL_OFFICE, "name": "职称办压测"}
    )
    sample = (
        ApplicationIndex.objects.filter(~Q(applicant_name=""))
        .order_by("number")
        .values_list("applicant_name", flat=True)
        .first()
    )
    return {
        "cookies": {
            "applicant": login_cookie(applicant),
            "unit": login_cookie(unit_admin),
            "central": login_cookie(central),
        },
        "applicant": applicant.username,
        "unit_admin": unit_admin.username,
        "draft": draft[1] if draft else None,
        "waiting": waiting,
        "name": sample or "",
        "one_row_user": username(REGION, 1),
        "busy_unit_id": busy.pk,
    }


def pages(people: dict[str, object]) -> list[Page]:
    return [
        Page("one-row (yardstick)", REGION_HOST, f"/bench/users/{people['one_row_user']}/", ""),
        Page("region home", REGION_HOST, "/", "applicant"),
        Page("my applications", REGION_HOST, "/applications/", "applicant", "RSSQ"),
        Page("my applications API", REGION_HOST, "/api/v1/me/applications/", "applicant", "RSSQ"),
        Page("editor", REGION_HOST, f"/applications/{people['draft']}/", "applicant"),
        Page("new application", REGION_HOST, "/applications/new/", "applicant"),
        Page("notifications", REGION_HOST, "/notifications/", "applicant"),
        Page("review queue", REGION_HOST, "/review/", "unit", 'data-number="RSSQ'),
        Page("review query", REGION_HOST, "/review/all/?level=intermediate", "unit", "RSSQ"),
        Page("review page", REGION_HOST, f"/review/{people['waiting']}/", "unit"),
        Page("oversight dashboard", PUBLIC_HOST, "/central/dashboard/", "central"),
        Page("cross-region list", PUBLIC_HOST, "/central/applications/", "central", "RSSQ"),
        Page(
            "search by name",
            PUBLIC_HOST,
            "/central/applications/?q=" + _quote(str(people["name"])),
            "central",
            "RSSQ",
        ),
    ]


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text)


def _caller(people: dict[str, object]) -> Callable[[Page], tuple[int, bytes]]:
    from django.core.wsgi import get_wsgi_application

    from benchmarks.roundtrips import _environ

    application = get_wsgi_application()
    cookies: dict[str, str] = people["cookies"]  # type: ignore[assignment]

    def call(page: Page) -> tuple[int, bytes]:
        headers = {"Cookie": cookies[page.who]} if page.who else {}
        seen: list[str] = []
        body: Iterable[bytes] = application(
            _environ(page.path, page.host, headers), lambda status, _h: seen.append(status)
        )
        try:
            content = b"".join(body)
        finally:
            body.close()  # type: ignore[attr-defined]
        return int(seen[0].split()[0]), content

    return call


def _backend_pid() -> int | None:
    from django.db import connection

    connection.ensure_connection()
    return connection.connection.info.backend_pid


def measure(samples: int) -> tuple[dict[str, dict[str, object]], dict[str, object]]:
    """Every page `samples` times, in turn; figures per page and who asked."""
    from django.db import connection

    people = _people()
    call = _caller(people)
    listed = pages(people)
    for page in listed:  # warm-up, and a check that each page is the page
        for _ in range(3):
            status, content = call(page)
        if status != 200 or page.contains.encode() not in content:
            raise SystemExit(f"scale: {page.name} answered {status} {content[:300]!r}")
    walls: dict[str, list[float]] = {p.name: [] for p in listed}
    cpus: dict[str, list[float]] = {p.name: [] for p in listed}
    db_cpus: dict[str, list[float]] = {p.name: [] for p in listed}
    counts: dict[str, list[int]] = {p.name: [] for p in listed}
    slowest: dict[str, tuple[float, str, object]] = {}
    for _ in range(samples):
        for page in listed:
            pid = connection.connection.info.backend_pid if connection.connection else None
            db_before = _backend_cpu_ms(pid)
            STATEMENTS.clear()
            cpu, wall = time.process_time(), time.perf_counter()
            status, _content = call(page)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            pid = connection.connection.info.backend_pid if connection.connection else pid
            db_cpus[page.name].append(max(0.0, _backend_cpu_ms(pid) - db_before))
            assert status == 200, (page.name, status)
            walls[page.name].append(wall * 1000)
            cpus[page.name].append(cpu * 1000)
            counts[page.name].append(len(STATEMENTS))
            for text, params, ms in STATEMENTS:
                if ms > slowest.get(page.name, (-1.0, "", None))[0]:
                    slowest[page.name] = (ms, text, params)
    figures = {}
    for page in listed:
        wall = sorted(walls[page.name])
        figures[page.name] = {
            "path": page.path,
            "host": page.host,
            "p50_ms": round(statistics.median(wall), 2),
            "p99_ms": round(wall[min(len(wall) - 1, round(0.99 * (len(wall) - 1)))], 2),
            "cpu_ms": round(statistics.median(cpus[page.name]), 3),
            "cpu_mean_ms": round(statistics.fmean(cpus[page.name]), 3),
            "db_cpu_ms": round(statistics.fmean(db_cpus[page.name]), 3),
            "statements": round(statistics.fmean(counts[page.name]), 2),
            "slowest_statement_ms": round(slowest[page.name][0], 2) if page.name in slowest else 0,
            "slowest_statement": " ".join(slowest.get(page.name, (0, "", None))[1].split())[:400],
        }
    yardstick = figures["one-row (yardstick)"]["cpu_ms"]
    for values in figures.values():
        values["cpu_ratio_to_one_row"] = round(yardstick / values["cpu_ms"], 3)
    cookies = people.pop("cookies")
    for cookie in cookies.values():
        from benchmarks.seed import forget_cookie

        forget_cookie(cookie)
    people["_slowest"] = {name: (text, params) for name, (_ms, text, params) in slowest.items()}
    return figures, people


def explain(page: Page, statement: str, params: object) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) of a page's slowest statement, in the page's schema."""
    from contextlib import nullcontext

    from django.db import connection

    from tenants.crossing import in_region

    scope = in_region(REGION) if page.host == REGION_HOST else nullcontext()
    with scope, connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
        return "\n".join(line for (line,) in cursor.fetchall())


def counts() -> dict[str, int]:
    from benchmarks.seeders import unit_admin_username
    from core.models import ApplicationIndex, User
    from tenants.crossing import in_region
    from workflow.models import Application
    from workflow.states import Status

    unit = User.objects.get(username=unit_admin_username(REGION, 0)).unit_id
    with in_region(REGION):
        at_unit = Application.objects.filter(unit_id=unit)
        return {
            "applications": ApplicationIndex.objects.count(),
            "busy_unit_applications": at_unit.count(),
            "busy_unit_waiting": at_unit.filter(status=Status.IN_REVIEW, current_node=0).count(),
        }


def summary(stages: dict[str, dict]) -> dict[str, object]:
    """Per page: each stage's figures side by side and the growth of the largest over the
    smallest."""
    totals = sorted(stages, key=int)
    low, high = stages[totals[0]], stages[totals[-1]]
    per_page = {}
    for name, figures in high["pages"].items():
        first = low["pages"].get(name)
        row = {
            total: {
                key: stages[total]["pages"][name][key]
                for key in ("p50_ms", "p99_ms", "cpu_ms", "db_cpu_ms", "statements")
            }
            for total in totals
            if name in stages[total]["pages"]
        }
        if first:
            row["growth_cpu"] = round(figures["cpu_ms"] / first["cpu_ms"], 2)
            row["growth_p50"] = round(figures["p50_ms"] / first["p50_ms"], 2)
            row["growth_db_cpu"] = (
                round(figures["db_cpu_ms"] / first["db_cpu_ms"], 2) if first["db_cpu_ms"] else None
            )
            # The same growth measured against the one-row read of the same stage: what is
            # left once the machine's mood (other work, caches) is taken out.
            row["growth_cpu_vs_one_row"] = round(
                first["cpu_ratio_to_one_row"] / figures["cpu_ratio_to_one_row"], 2
            )
        row["cpu_ratio_to_one_row"] = figures["cpu_ratio_to_one_row"]
        per_page[name] = row
    return {
        "stages": {
            total: {k: v for k, v in stages[total].items() if k != "pages"} for total in totals
        },
        "pages": per_page,
    }


def table(stages: dict[str, dict]) -> str:
    totals = sorted(stages, key=int)
    head = "page".ljust(22) + "".join(f"{int(t):>10,} p50/p99 ms  cpu  db  stmts" for t in totals)
    lines = [head]
    first = stages[totals[0]]["pages"]
    for name in stages[totals[-1]]["pages"]:
        line = name.ljust(22)
        for total in totals:
            f = stages[total]["pages"].get(name)
            line += (
                f"  {f['p50_ms']:7.1f}/{f['p99_ms']:6.1f} {f['cpu_ms']:6.1f} {f['db_cpu_ms']:5.1f}"
                f" {f['statements']:5.1f}"
                if f
                else " " * 40
            )
        high = stages[totals[-1]]["pages"][name]
        if name in first:
            vs = first[name]["cpu_ratio_to_one_row"] / high["cpu_ratio_to_one_row"]
            growth = high["cpu_ms"] / first[name]["cpu_ms"]
            line += f"   growth cpu ×{growth:.2f} (×{vs:.2f} against one-row)"
        lines.append(line)
    return "\n".join(lines)


def resummarize() -> int:
    """The summary again from the stored stages, keeping the EXPLAIN output already taken."""
    stages = json.loads(STAGES_FILE.read_text(encoding="utf-8"))
    result = summary(stages)
    if LATEST.exists():
        previous = json.loads(LATEST.read_text(encoding="utf-8")).get("scale", {})
        if "explain" in previous:
            result["explain"] = previous["explain"]
    record("scale", result)
    print(table(stages))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument("--total", type=int, help="applications in all regions")
    parser.add_argument("--samples", type=int, default=100, help="requests per page")
    parser.add_argument("--no-seed", action="store_true", help="measure what is there")
    parser.add_argument(
        "--summary", action="store_true", help="only redo the summary of the stages measured"
    )
    args = parser.parse_args(argv)
    if args.summary:
        return resummarize()
    if args.total is None:
        parser.error("--total is required")
    try:
        url = bench_url(base_url())
    except NoDatabaseUrlError as error:
        print(error, file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SECRET_KEY", random_secret_key())
    seeding = None if args.no_seed else seed_stage(args.total, url)
    if seeding:
        print(f"scale: seeded to {args.total:,} in {seeding['seconds_total']} s", flush=True)
    from .seed import configure_django

    configure_django(url, "benchmarks.routed_settings")
    _install_counter()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # what autovacuum does soon after a bulk load
    before = machine()
    figures, people = measure(args.samples)
    slowest = people.pop("_slowest")
    stage = {
        "total": args.total,
        "counts": counts(),
        "samples": args.samples,
        "machine_before": before,
        "machine_after": machine(),
        "seed": seeding,
        "people": people,
        "pages": figures,
        "taken_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    stages = json.loads(STAGES_FILE.read_text(encoding="utf-8")) if STAGES_FILE.exists() else {}
    stages[str(args.total)] = stage
    STAGES_FILE.parent.mkdir(parents=True, exist_ok=True)
    STAGES_FILE.write_text(json.dumps(stages, indent=2, ensure_ascii=False) + "\n", "utf-8")
    result = summary(stages)
    totals = sorted(stages, key=int)
    if len(totals) > 1:
        listed = {p.name: p for p in pages(people)}
        plans = {}
        for name, row in result["pages"].items():
            if (row.get("growth_cpu") or 0) > GROWTH_FLAG or (row.get("growth_db_cpu") or 0) > 3:
                text, params = slowest.get(name, ("", None))
                if text and name in listed:
                    plans[name] = {
                        "statement": " ".join(text.split()),
                        "plan": explain(listed[name], text, params),
                    }
        result["explain"] = plans
    record("scale", result)
    print(table(stages))
    print(f"stage figures in {STAGES_FILE}, summary in {LATEST} (scale)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
