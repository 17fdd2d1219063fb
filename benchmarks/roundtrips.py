"""Statements sent to PostgreSQL per request, scenario by scenario, in process.

    python -m benchmarks.roundtrips --server routed [--only one-row] [--requests 200]

Runs one server's scenarios through Django's WSGI handler, as gunicorn calls it (so the
per-request connection health check happens), against the benchmark database, and counts every
statement on the wire: queries, `SELECT 1` health checks and `SET search_path`, the last two of
which Django's query log never shows. `make bench` runs it for both servers and adds the counts
to its report. Needs DATABASE_URL naming the benchmark database (the harness passes it) and, for
the scenarios logged in with the seeded session, the DJANGO_SECRET_KEY the seed ran with (the
harness uses one key for the seed, this count and the servers).
"""

import argparse
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .scenarios import CONTROL, ROUTED, Scenario, context_of, selected

SETTINGS = {CONTROL: "benchmarks.control_settings", ROUTED: "benchmarks.routed_settings"}
STATEMENTS: list[str] = []
BATCH = 25  # requests per timed batch


def _install_counter() -> None:
    """Send every statement of the default connection through a counting psycopg2 cursor."""
    import psycopg2.extensions
    from django.db import connection

    class CountingCursor(psycopg2.extensions.cursor):
        def execute(self, query: str | bytes, params: object = None) -> None:
            STATEMENTS.append(query.decode() if isinstance(query, bytes) else str(query))
            super().execute(query, params)

    connection.close()
    connection.settings_dict["OPTIONS"]["cursor_factory"] = CountingCursor


def kind(statement: str) -> str:
    text = " ".join(statement.split()).upper()
    if text.startswith("SET SEARCH_PATH"):
        return "set_search_path"
    if text == "SELECT 1":
        return "health_check"
    return "query"


def _environ(path: str, host: str, headers: dict[str, str]) -> dict[str, object]:
    path, _, query = path.partition("?")
    environ: dict[str, object] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": host,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in headers.items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def measure(scenario: Scenario, context: dict[str, str], requests: int) -> dict[str, object]:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    path, headers = scenario.resolved(context)
    statuses: Counter[int] = Counter()
    without: list[int] = []  # answers lacking the scenario's `contains` text

    def once(n: int) -> None:
        host = scenario.hosts[n % len(scenario.hosts)]
        seen: list[str] = []
        body: Iterable[bytes] = application(
            _environ(path, host, headers), lambda status, _headers: seen.append(status)
        )
        try:
            content = b"".join(body)
        finally:
            body.close()  # type: ignore[attr-defined]  # request_finished, as gunicorn does
        statuses[int(seen[0].split()[0])] += 1
        if scenario.contains and scenario.contains.encode() not in content:
            without.append(n)

    for n in range(20):
        once(n)
    STATEMENTS.clear()
    statuses.clear()
    without.clear()
    # Timed in batches: the fastest batch is the cost with the least interference from others.
    batches: list[float] = []
    for start in range(0, requests, BATCH):
        size = min(BATCH, requests - start)
        began = time.perf_counter()
        for n in range(start, start + size):
            once(n)
        batches.append((time.perf_counter() - began) * 1000 / size)
    kinds = Counter(kind(statement) for statement in STATEMENTS)
    return {
        "name": scenario.name,
        "round_trips": round(len(STATEMENTS) / requests, 2),
        "per_request": {name: round(count / requests, 2) for name, count in kinds.items()},
        "in_process_ms": round(sum(batches) / len(batches), 3),
        "in_process_best_ms": round(min(batches), 3),
        "statuses": dict(statuses),
        "without_contains": len(without),
        "statements": sorted({" ".join(s.split())[:120] for s in STATEMENTS}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=[CONTROL, ROUTED], required=True)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--manifest", type=Path, default=Path(__file__).parent / "results/seed.json"
    )
    parser.add_argument("--json", type=Path, help="write the counts here too")
    args = parser.parse_args(argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS[args.server]
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")
    import django

    django.setup()
    _install_counter()
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    context = context_of(manifest)
    scenarios = [s for s in selected(args.only) if s.server == args.server]
    rows = [measure(scenario, context, args.requests) for scenario in scenarios]
    for row in rows:
        print(
            f"{row['name']:<24} {row['round_trips']:>5} trips/request {row['per_request']}  "
            f"{row['in_process_best_ms']} ms in process (best batch)  statuses {row['statuses']}"
            + (f", {row['without_contains']} without the text" if row["without_contains"] else "")
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
