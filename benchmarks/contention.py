"""Submit under contention (issue 18): many at once, and many on the same application.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.contention [--distinct 200 --racers 50]

Its own database, `<DATABASE_URL's name>_contention_bench` (one region, 乌鲁木齐市, created on
the first run and kept). Each round makes `--distinct` drafts of different applicants and one
more draft, all complete and inside their window, then fires at one moment, through the real
`workflow.transitions.apply_transition(action="submit")` (row lock, table, guards, history,
public index, notification queued after commit): one submit per distinct draft, and
`--racers` submits of the one draft by its owner. Requests run in `--processes` processes
(so that Python uses both cores), each serving its share from a pool of threads that keep
their own database connection, as gunicorn's workers do; the pool size is what the server's
`max_connections` leaves (this shared server has 100: 250 connections at once are not
possible, nor for pgbench).

Checked after each round: every distinct draft has exactly one submit in its history and is
`in_review` in the index; the raced one has exactly one; every other answer was the
ConflictError the API turns into 409; anything else fails the run.

Beside it, in the same run on the same server: pgbench's TPC-B-like transactions with the
same number of connections (a scratch database `<name>_pgbench`, `pgbench -i` once), before
and after the rounds. Results: table on stdout and `results/latest.json` under "contention".
Never a test: figures only.
"""

import argparse
import multiprocessing
import re
import statistics
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from .database import NoDatabaseUrlError, base_url, bench_url, ensure_database
from .scale import machine, record
from .seed import configure_django

SUFFIX = "_contention_bench"
REGION = "urumqi"
TINY_FORM = {
    "key": "contention",
    "title": "并发提交测试表",
    "sections": [
        {
            "key": "basic",
            "title": "基本信息",
            "filled_by": "applicant",
            "schema": {"type": "object", "properties": {}, "x-min-attachments": 0},
        }
    ],
}
GOAL = 0.25  # transitions per second / pgbench TPS


def database_url() -> str:
    return bench_url(base_url()).removesuffix("_bench") + SUFFIX


def pgbench_url() -> str:
    parts = urlsplit(base_url())
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_pgbench"))


def free_connections(margin: int = 20) -> int:
    """Connections this run may open: the server's limit less those in use and a margin for
    everybody else."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity"
        )
        (free,) = cursor.fetchone()
    return max(2, free - margin)


def prepare() -> None:
    """Migrate, the public site and the one region (once)."""
    import contextlib
    import io

    from django.core.management import call_command

    from tenants.models import Region
    from tenants.regions import ensure_public_site, region_create

    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    ensure_public_site()
    if not Region.objects.filter(schema_name=REGION).exists():
        with contextlib.redirect_stdout(io.StringIO()):
            region_create(code=REGION, name="乌鲁木齐市")


def make_drafts(count: int) -> tuple[list[tuple[str, int]], tuple[str, int]]:
    """`count` complete drafts of different applicants and one more; (number, applicant id)."""
    from django.utils import timezone

    from core.identity.validators import make_credit_code, normalize_org_name
    from core.models import (
        Authority,
        Qualification,
        Role,
        SectionForm,
        Series,
        Specialty,
        Unit,
        User,
    )
    from tenants.crossing import in_region
    from tenants.models import Region
    from workflow.applications import application_create
    from workflow.models import Committee, Flow, Offering
    from workflow.setup import DEFAULT_FLOW

    tag = uuid.uuid4().hex[:8]
    region = Region.objects.get(schema_name=REGION)
    series = Series.objects.create(code=f"c-{tag}", name="并发系列", form_key=f"c{tag}")
    SectionForm.objects.create(key=f"c{tag}", version=1, title="并发表", definition=TINY_FORM)
    specialty = Specialty.objects.create(series=series, code=f"c-{tag}-s", name="并发")
    qualification = Qualification.objects.create(
        specialty=specialty, code=f"c-{tag}-q", level="intermediate", name="并发资格"
    )
    name = f"并发测试单位{tag}"
    unit = Unit.objects.create(
        credit_code=make_credit_code("1", "2", "650100", f"C{int(tag, 16) % 10**7:07d}"),
        name=name,
        short_name=f"并发{tag}",
        name_key=normalize_org_name(name),
        short_name_key=normalize_org_name(f"并发{tag}"),
        region=region,
        address="人民路1号",
        nature="institution",
        legal_representative="校长",
        contact_name="人事处",
        contact_phone="0991-1",
    )
    authority = Authority.objects.create(region=region, name=f"并发推荐单位{tag}")
    unit.recommending_units.add(authority)
    people = User.objects.bulk_create(
        [
            User(username=f"race-{tag}-{n}", name=f"并发{n}", role=Role.APPLICANT)
            for n in range(count + 1)
        ]
    )
    drafts = []
    with in_region(REGION):
        committee = Committee.objects.create(
            name=f"并发测试委员会{tag}",
            reviews=[{"series": series.code, "levels": ["intermediate"]}],
        )
        now = timezone.now()
        offering = Offering.objects.create(
            committee=committee,
            qualification=qualification,
            year=now.year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=1),
            flow=Flow.objects.create(nodes=DEFAULT_FLOW),
            max_submissions=3,
        )
        for person in people:
            application = application_create(applicant=person, offering=offering, unit=unit)
            application.sections.create(key="basic", data={})
            drafts.append((application.number, person.pk))
    return drafts[:-1], drafts[-1]


def _serve(
    url: str, jobs: list[tuple[str, int]], pool: int, start_at: float, results: object
) -> None:
    """One process: fire `jobs` (number, applicant id) from `pool` threads at `start_at`."""
    configure_django(url)
    from django.db import connection

    from core.errors import ConflictError
    from core.models import User
    from tenants.crossing import in_region
    from workflow.transitions import apply_transition

    actors = {pk: User.objects.get(pk=pk) for pk in {pk for _n, pk in jobs}}
    connection.close()

    def warm() -> None:  # each thread opens its connection before the start
        with in_region(REGION):
            User.objects.exists()

    def submit(job: tuple[str, int]) -> tuple[str, str, float]:
        number, pk = job
        began = time.perf_counter()
        try:
            with in_region(REGION):
                apply_transition(number=number, action="submit", actor=actors[pk])
            outcome = "ok"
        except ConflictError as error:
            outcome = f"409:{error.code}"
        except Exception as error:
            outcome = f"error:{type(error).__name__}:{error}"
        return number, outcome, time.perf_counter() - began

    with ThreadPoolExecutor(max_workers=pool) as executor:
        list(executor.map(lambda _n: warm(), range(pool * 3)))
        time.sleep(max(0.0, start_at - time.time()))
        cpu = time.process_time()
        answers = list(executor.map(submit, jobs))
        cpu = time.process_time() - cpu
    results.put((answers, cpu))  # type: ignore[attr-defined]


def round_once(url: str, distinct: int, racers: int, processes: int, pool: int) -> dict:
    from django.db.models import Count

    from core.models import ApplicationIndex
    from tenants.crossing import in_region
    from workflow.models import Application, TransitionRecord

    drafts, (raced, owner) = make_drafts(distinct)
    shares: list[list[tuple[str, int]]] = [[] for _ in range(processes)]
    for n in range(racers):  # the racers first, so they meet at the lock
        shares[n % processes].append((raced, owner))
    for n, job in enumerate(drafts):
        shares[n % processes].append(job)
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    start_at = time.time() + 8.0  # every process set up and its pool connected by then
    workers = [
        context.Process(target=_serve, args=(url, share, pool, start_at, results))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    answers, cpu = [], 0.0
    for _ in workers:
        some, seconds = results.get(timeout=600)
        answers.extend(some)
        cpu += seconds
    finished = max(time.time(), start_at)
    for worker in workers:
        worker.join()
    elapsed = finished - start_at
    outcomes: dict[str, int] = {}
    for _number, outcome, _seconds in answers:
        kind = outcome.split(":", 2)[0] if not outcome.startswith("409") else outcome
        outcomes[kind] = outcomes.get(kind, 0) + 1
    errors = [a for a in answers if a[1].startswith("error")]
    raced_answers = [a[1] for a in answers if a[0] == raced]
    numbers = [number for number, _pk in drafts]
    with in_region(REGION):
        history = dict(
            TransitionRecord.objects.filter(
                application__number__in=[*numbers, raced], action="submit"
            )
            .values_list("application__number")
            .annotate(n=Count("id"))
        )
        counts = dict(
            Application.objects.filter(number__in=[*numbers, raced]).values_list(
                "number", "submission_count"
            )
        )
    indexed = ApplicationIndex.objects.filter(
        number__in=[*numbers, raced], status="in_review"
    ).count()
    checks = {
        "raced_one_ok": raced_answers.count("ok") == 1,
        "raced_rest_409": all(a.startswith("409") for a in raced_answers if a != "ok"),
        "raced_one_history_row": history.get(raced) == 1 and counts.get(raced) == 1,
        "distinct_all_ok": all(
            outcome == "ok" for number, outcome, _s in answers if number != raced
        ),
        "distinct_one_history_row_each": all(history.get(n) == 1 for n in numbers),
        "index_in_review": indexed == distinct + 1,
        "no_errors": not errors,
    }
    latencies = sorted(seconds * 1000 for _n, _o, seconds in answers)
    transitions = sum(1 for _n, outcome, _s in answers if outcome == "ok")
    return {
        "transitions": transitions,
        "requests": len(answers),
        "seconds": round(elapsed, 3),
        "transitions_per_s": round(transitions / elapsed, 1),
        "requests_per_s": round(len(answers) / elapsed, 1),
        # Python's CPU in the client processes (Django, the ORM, the guards), per request.
        "client_cpu_ms_per_request": round(cpu * 1000 / len(answers), 2),
        "latency_p50_ms": round(statistics.median(latencies), 1),
        "latency_p99_ms": round(latencies[round(0.99 * (len(latencies) - 1))], 1),
        "outcomes": outcomes,
        "errors": [f"{n}: {o}" for n, o, _s in errors][:5],
        "checks": checks,
        "ok": all(checks.values()),
    }


def pgbench(clients: int, seconds: int, scale: int) -> dict:
    """pgbench's TPC-B-like run on a scratch database (initialized once)."""
    url = pgbench_url()
    if ensure_database(url):
        subprocess.run(
            ["pgbench", "-i", "-q", "-s", str(scale), url],
            check=True,
            capture_output=True,
        )
    done = subprocess.run(
        ["pgbench", "-c", str(clients), "-j", "2", "-T", str(seconds), "-n", url],
        check=True,
        capture_output=True,
        text=True,
    )
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", done.stdout)
    latency = re.search(r"latency average = ([\d.]+) ms", done.stdout)
    return {
        "clients": clients,
        "seconds": seconds,
        "scale": scale,
        "tps": float(tps.group(1)) if tps else None,
        "latency_avg_ms": float(latency.group(1)) if latency else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.contention", description=__doc__)
    parser.add_argument("--distinct", type=int, default=200, help="drafts submitted at once")
    parser.add_argument("--racers", type=int, default=50, help="submits of one draft at once")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    parser.add_argument("--pgbench-scale", type=int, default=50)
    args = parser.parse_args(argv)
    try:
        url = database_url()
    except NoDatabaseUrlError as error:
        print(error, file=sys.stderr)
        return 2
    ensure_database(url)
    configure_django(url)
    prepare()
    connections_total = min(args.distinct + args.racers, free_connections())
    pool = max(1, connections_total // args.processes)
    connections_total = pool * args.processes
    print(f"contention: {connections_total} connections ({args.processes} × {pool})", flush=True)
    before = machine()
    bench_before = pgbench(connections_total, args.pgbench_seconds, args.pgbench_scale)
    print(f"  pgbench before: {bench_before['tps']} tps", flush=True)
    rounds = []
    for n in range(args.rounds):
        result = round_once(url, args.distinct, args.racers, args.processes, pool)
        rounds.append(result)
        print(
            f"  round {n + 1}: {result['transitions']} transitions in {result['seconds']} s = "
            f"{result['transitions_per_s']}/s, {result['client_cpu_ms_per_request']} ms CPU "
            f"a request, outcomes {result['outcomes']}, "
            f"{'ok' if result['ok'] else 'FAILED ' + str(result['checks'])}",
            flush=True,
        )
    bench_after = pgbench(connections_total, args.pgbench_seconds, args.pgbench_scale)
    print(f"  pgbench after: {bench_after['tps']} tps", flush=True)
    rate = statistics.median(r["transitions_per_s"] for r in rounds)
    tps = statistics.fmean(t for t in (bench_before["tps"], bench_after["tps"]) if t)
    summary = {
        "distinct": args.distinct,
        "racers": args.racers,
        "processes": args.processes,
        "connections": connections_total,
        "rounds": rounds,
        "transitions_per_s_median": rate,
        "pgbench": [bench_before, bench_after],
        "pgbench_tps_mean": round(tps, 1),
        "ratio": round(rate / tps, 3),
        "goal": GOAL,
        "exactly_once": all(r["ok"] for r in rounds),
        "machine_before": before,
        "machine_after": machine(),
    }
    record("contention", summary)
    print(
        f"contention: {rate} transitions/s vs pgbench {tps:.0f} tps: ratio {summary['ratio']} "
        f"(goal ≥ {GOAL}); exactly once: {summary['exactly_once']}"
    )
    return 0 if summary["exactly_once"] else 1


if __name__ == "__main__":
    sys.exit(main())
