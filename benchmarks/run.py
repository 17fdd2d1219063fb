"""`make bench`: seed, serve, drive load, and report each scenario against its control.

    .venv/bin/python -m benchmarks.run [--duration 10] [--slice 2] [--only one-row] ...

Each scenario is measured for about --duration seconds, in rounds of --slice seconds taken in
turn with every other scenario (forwards, then backwards), after one warm-up.

Needs DATABASE_URL (make bench and deploy/dev/with-db.sh set it); works on `<database>_bench`.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime

from . import locust_driver, wrk
from . import simultaneous as side_by_side
from .database import NoDatabaseUrlError, base_url, bench_url, database_name
from .measure import Driver, Measurement, attribute, wait_until_quiet
from .report import Result, as_json, compare, keeping_other_sections, table, write
from .scenarios import (
    CONTROL,
    PUBLIC_HOST,
    REGION_HOST,
    ROUTED,
    SCENARIOS,
    Scenario,
    context_of,
    selected,
)
from .seed import DEFAULT_APPLICATIONS, MANIFEST, RESULTS, random_secret_key
from .servers import Server, ServerError, start

SETTINGS = {CONTROL: "benchmarks.control_settings", ROUTED: "benchmarks.routed_settings"}
PROBE_HOST = {CONTROL: PUBLIC_HOST, ROUTED: REGION_HOST}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    parser.add_argument("--slice", type=int, default=2, help="seconds per round (whole)")
    parser.add_argument("--warmup", type=float, help="seconds of warm-up (default 2, 1 if short)")
    parser.add_argument("--connections", type=int, default=4, help="concurrent connections")
    parser.add_argument("--cap", type=int, default=200_000, help="most requests per scenario")
    parser.add_argument("--only", nargs="*", help="scenarios whose name contains one of these")
    parser.add_argument("--driver", choices=["auto", "wrk", "locust"], default="auto")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument(
        "--max-requests", type=int, help="override gunicorn's max_requests (0 = never recycle)"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        metavar="S",
        help="before each round, wait up to S seconds for other processes to go quiet",
    )
    parser.add_argument("--fresh", action="store_true", help="recreate the benchmark database")
    parser.add_argument("--users", type=int, default=2000, help="seeded accounts per region")
    parser.add_argument("--notices", type=int, default=1000, help="seeded notices per region")
    parser.add_argument(
        "--applications",
        type=int,
        default=DEFAULT_APPLICATIONS,
        help="seeded applications per region",
    )
    parser.add_argument(
        "--no-side-by-side", action="store_true", help="skip the simultaneous routing pairs"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = parser.parse_args(argv)
    if args.warmup is None:
        args.warmup = 2.0 if args.duration > 5 else 1.0
    args.rounds = max(1, round(args.duration / args.slice))
    return args


def choose_driver(name: str) -> tuple[str, Driver]:
    if name in {"auto", "wrk"} and wrk.available():
        return "wrk", wrk.run
    if name == "wrk":
        raise SystemExit("bench: wrk is missing and could not be installed (root and apt-get).")
    if name == "auto":
        print("bench: wrk unavailable (needs root and apt-get): falling back to locust, which")
        print("       takes more CPU from the server and reports whole-millisecond percentiles.")
    return "locust", locust_driver.run


def seed(url: str, args: argparse.Namespace, secret_key: str) -> dict[str, object]:
    """Seed with the servers' secret key: the unit admin's session it writes is signed with it."""
    started = time.monotonic()
    command = [sys.executable, "-m", "benchmarks.seed", "--users", str(args.users)]
    command += ["--notices", str(args.notices), "--applications", str(args.applications)]
    command += ["--manifest", str(MANIFEST)]
    command += ["--fresh"] if args.fresh else []
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SECRET_KEY": secret_key}
    subprocess.run(command, check=True, env=env)
    manifest = dict(json.loads(MANIFEST.read_text(encoding="utf-8")))
    print(f"bench: database ready in {time.monotonic() - started:.1f} s")
    return manifest


def server_env(url: str, secret_key: str) -> dict[str, str]:
    """Production's environment for the servers: a throwaway secret, DEBUG off, kept connections."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_DEBUG": "0",
        "DB_CONN_MAX_AGE": "600",
        # Plain HTTP here; behind nginx in production TLS ends first and nothing is redirected.
        "SECURE_SSL_REDIRECT": "0",
    }


class BrokenScenarioError(RuntimeError):
    """The scenario's first request got the wrong answer: it is skipped, and the run fails."""


def count_round_trips(
    scenarios: list[Scenario], env: dict[str, str]
) -> dict[str, dict[str, object]]:
    """benchmarks.roundtrips for each server: statements sent to PostgreSQL per request."""
    counts: dict[str, dict[str, object]] = {}
    for role in sorted({scenario.server for scenario in scenarios}):
        output = RESULTS / f"roundtrips-{role}.json"
        output.unlink(missing_ok=True)
        names = [scenario.name for scenario in scenarios if scenario.server == role]
        command = [sys.executable, "-m", "benchmarks.roundtrips", "--server", role]
        command += ["--json", str(output), "--only", *names]
        quiet = {**env, "LOG_LEVEL": "CRITICAL"}
        done = subprocess.run(command, env=quiet, check=False, capture_output=True, text=True)
        if done.returncode or not output.exists():
            print(f"bench: counting {role} round trips failed; the table goes without them:")
            print(done.stderr[-1500:])
            continue
        counts.update({row["name"]: row for row in json.loads(output.read_text("utf-8"))})
    return counts


def preflight(scenario: Scenario, server: Server, path: str, headers: dict[str, str]) -> None:
    """One request first, so a broken scenario fails with its answer rather than a table."""
    import http.client

    for host in scenario.hosts:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request("GET", path, headers={**headers, "Host": host})
            answer = connection.getresponse()
            body = answer.read()
        finally:
            connection.close()
        if answer.status != scenario.expect:
            raise BrokenScenarioError(
                f"{scenario.name}: {host}{path} answered {answer.status}, expected "
                f"{scenario.expect}: {body[:300]!r} (log: {server.log})"
            )
        if scenario.contains and scenario.contains.encode() not in body:
            raise BrokenScenarioError(
                f"{scenario.name}: {host}{path} answered {answer.status} without "
                f"{scenario.contains!r}: {body[:300]!r}"
            )


def measure(
    scenario: Scenario,
    server: Server,
    driver: Driver,
    args: argparse.Namespace,
    context: dict[str, str],
    *,
    warm_up: bool,
) -> Measurement:
    path, headers = scenario.resolved(context)
    options = {"connections": args.connections, "cap": args.cap, "expect": scenario.expect}
    if warm_up:
        preflight(scenario, server, path, headers)
        driver(server.port, path, scenario.hosts, headers, seconds=args.warmup, **options)
    before = server.snapshot()
    measurement = driver(server.port, path, scenario.hosts, headers, seconds=args.slice, **options)
    return attribute(measurement, before, server.snapshot(), measurement.seconds)


def run_scenarios(
    scenarios: list[Scenario],
    servers: dict[str, Server],
    driver: Driver,
    args: argparse.Namespace,
    context: dict[str, str],
) -> dict[str, Result]:
    results = {scenario.name: Result(scenario) for scenario in scenarios}
    total = len(scenarios) * args.rounds
    step = 0
    for turn in range(args.rounds):
        # Forwards, then backwards: a pair's order flips each round, cancelling drift.
        for scenario in scenarios if turn % 2 == 0 else scenarios[::-1]:
            step += 1
            result = results[scenario.name]
            if result.broken:
                continue
            server = servers[scenario.server]
            if args.wait_quiet:
                wait_until_quiet(args.wait_quiet)
            try:
                sample = measure(scenario, server, driver, args, context, warm_up=turn == 0)
            except BrokenScenarioError as error:
                result.broken = str(error)
                print(f"  [{step:>2}/{total}] {scenario.name:<24} BROKEN: {error}", flush=True)
                continue
            result.samples.append(sample)
            print(
                f"  [{step:>2}/{total}] {scenario.name:<24} {sample.rps:8.1f} req/s  "
                f"p50 {sample.p50_ms:6.2f} ms  p99 {sample.p99_ms:6.2f} ms  "
                f"errors {sample.errors}  (others {sample.other_cores:.2f} cores"
                f"{', worker recycled' if sample.recycled else ''})",
                flush=True,
            )
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.list:
        for scenario in SCENARIOS:
            print(f"{scenario.name:<24} {scenario.server:<8} {scenario.path:<22} {scenario.what}")
        return 0
    try:
        url = bench_url(base_url())
    except NoDatabaseUrlError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 2
    scenarios = selected(args.only)
    driver_name, driver = choose_driver(args.driver)
    secret_key = random_secret_key()  # for this run: the seed's session and both servers
    manifest = seed(url, args, secret_key)
    context = context_of(manifest)
    env = server_env(url, secret_key)
    trips = count_round_trips(scenarios, env)
    started_at = datetime.now(UTC)
    load_start = os.getloadavg()
    servers: dict[str, Server] = {}
    paired: list[side_by_side.PairResult] = []

    def measure_one(scenario: Scenario) -> Measurement:
        return measure(scenario, servers[scenario.server], driver, args, context, warm_up=False)

    try:
        for role in sorted({scenario.server for scenario in scenarios}):
            servers[role] = start(
                role,
                SETTINGS[role],
                PROBE_HOST[role],
                env,
                workers=args.workers,
                max_requests=args.max_requests,
                log_dir=RESULTS,
            )
            print(f"bench: {role} server on 127.0.0.1:{servers[role].port} ({SETTINGS[role]})")
        print(
            f"bench: {len(scenarios)} scenarios x {args.rounds} rounds of {args.slice} s, after "
            f"{args.warmup:g} s warm-up, {args.connections} connections, {driver_name}"
        )
        results = run_scenarios(scenarios, servers, driver, args, context)
        for name, result in results.items():
            result.trips = trips.get(name, {})
        pairs = [] if args.no_side_by_side else side_by_side.targeted_pairs(scenarios)
        pairs = [(a, b) for a, b in pairs if not results[a.name].broken]
        if pairs:
            print(f"bench: {len(pairs)} routing pairs side by side, {args.rounds} rounds")
            paired = side_by_side.run_pairs(pairs, measure_one, args)
    except ServerError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        for server in servers.values():
            server.stop()
    print()
    print(table(results))
    if paired:
        print()
        print(side_by_side.table(paired))
    document = {
        "generated_at": started_at.isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "loadavg_start": [round(x, 2) for x in load_start],
            "loadavg_end": [round(x, 2) for x in os.getloadavg()],
        },
        "config": {
            "driver": driver_name,
            "duration_s": args.duration,
            "slice_s": args.slice,
            "rounds": args.rounds,
            "warmup_s": args.warmup,
            "connections": args.connections,
            "cap": args.cap,
            "wait_quiet_s": args.wait_quiet,
            "gunicorn_workers": args.workers,
            "gunicorn_max_requests": args.max_requests,  # None: deploy/gunicorn.conf.py's
            "database": database_name(url),
        },
        "seed": {
            key: value for key, value in manifest.items() if key not in {"token", "unit_cookie"}
        },
        "servers": {role: server.info for role, server in servers.items()},
        "scenarios": as_json(results),
        "side_by_side": side_by_side.as_json(paired),
    }
    stamp = started_at.strftime("%Y%m%d-%H%M%S")
    write(document, RESULTS / f"run-{stamp}.json")
    write(keeping_other_sections(document, RESULTS / "latest.json"), RESULTS / "latest.json")
    return verdict(results, paired, strict=args.strict)


def verdict(
    results: dict[str, Result], paired: list[side_by_side.PairResult], *, strict: bool
) -> int:
    errors = sum(result.errors for result in results.values())
    broken = [name for name, result in results.items() if result.broken]
    capped = [name for name, result in results.items() if any(s.capped for s in result.samples)]
    # The side-by-side ratios decide when they were measured: other processes cannot skew them.
    missed = [f"{pair.scenario.name} (side by side)" for pair in paired if not pair.meets_target]
    if not paired:
        missed = [
            name
            for name, result in results.items()
            if compare(result, results).meets_target is False
        ]
    errors += sum(pair.errors for pair in paired)
    print(f"\nresults: {RESULTS / 'latest.json'}")
    if capped:
        print(f"bench: the request cap stopped {capped}: their req/s is understated (raise --cap)")
    if missed:
        print(f"bench: below target: {', '.join(missed)}")
    else:
        print("bench: every routed/control ratio meets its target")
    if broken:
        print(
            f"bench: broken scenarios (see the servers' logs): {', '.join(broken)}", file=sys.stderr
        )
    if errors:
        print(f"bench: {errors} failed requests: the figures are not trustworthy", file=sys.stderr)
    if broken or errors:
        return 1
    return 1 if strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
