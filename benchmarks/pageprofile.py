"""Where a page's time goes: CPU per request in process, and a profile of it.

    python -m benchmarks.pageprofile [--only unit queue] [--requests 200] [--profile 25]

Serves the routed scenarios through Django's WSGI handler, as `benchmarks.roundtrips` does,
against the benchmark database (DATABASE_URL naming it, DJANGO_SECRET_KEY the seed's), and prints
the CPU time of this process per request (`time.process_time`, which other processes on the
machine do not inflate) beside the control one-row view's. With `--profile N`, the N functions
with the most time of their own and the N with the most cumulative time, per scenario.
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path

from .roundtrips import SETTINGS, _environ
from .scenarios import ROUTED, Scenario, context_of, selected

CONTROL_PATH = "/bench/users/{user}/"


def _serve(application, path: str, host: str, headers: dict[str, str]) -> int:
    seen: list[str] = []
    body = application(_environ(path, host, headers), lambda status, _h: seen.append(status))
    try:
        b"".join(body)
    finally:
        body.close()
    return int(seen[0].split()[0])


def cpu_per_request(application, scenario: Scenario, context: dict[str, str], n: int) -> float:
    """The least CPU milliseconds per request over batches of 20 (after 20 to warm up)."""
    path, headers = scenario.resolved(context)
    hosts = scenario.hosts
    for i in range(20):
        status = _serve(application, path, hosts[i % len(hosts)], headers)
    if status != scenario.expect:
        raise SystemExit(f"{scenario.name}: {path} answered {status}")
    best = float("inf")
    for start in range(0, n, 20):
        began = time.process_time()
        for i in range(start, start + 20):
            _serve(application, path, hosts[i % len(hosts)], headers)
        best = min(best, (time.process_time() - began) * 1000 / 20)
    return best


def profile(application, scenario: Scenario, context: dict[str, str], n: int, top: int) -> str:
    path, headers = scenario.resolved(context)
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(n):
        _serve(application, path, scenario.hosts[i % len(scenario.hosts)], headers)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument(
        "--manifest", type=Path, default=Path(__file__).parent / "results/seed.json"
    )
    args = parser.parse_args(argv)
    # The control one-row view is served by the routed settings too (its URL conf puts the
    # benchmark's views first); in process, without gunicorn, the difference is routing only.
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS[ROUTED]
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    context = context_of(json.loads(args.manifest.read_text(encoding="utf-8")))
    control = Scenario("one-row (in process)", ROUTED, "localhost", CONTROL_PATH)
    base = cpu_per_request(application, control, context, args.requests)
    print(f"{'one-row (in process)':<32} {base:7.2f} ms CPU/request")
    for scenario in selected(args.only):
        if scenario.server != ROUTED or scenario.expect != 200 or "one-row" in scenario.name:
            continue
        cost = cpu_per_request(application, scenario, context, args.requests)
        print(f"{scenario.name:<32} {cost:7.2f} ms CPU/request  ratio {base / cost:5.2f}")
        if args.profile:
            print(profile(application, scenario, context, args.requests, args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
