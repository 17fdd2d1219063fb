"""Two hundred regions (issue 18): what `migrate` takes, and what routing costs across them.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.regions --regions 200

Works on the harness's benchmark database (`<name>_bench`). In order:

1. `migrate_schemas --tenant` timed with the regions there are (the 15 of the directory), with
   django-tenants' standard executor and its multiprocessing one (`--executor
   multiprocessing`, TENANT_MULTIPROCESSING_MAX_PROCESSES worker processes, django-tenants'
   default 2: this machine's cores): once with nothing to apply (every deploy checks every
   schema) and once applying one app's migrations (`results`: its tables dropped and its
   migration rows deleted first, as before a deploy that brings a new app).
2. Simulated regions `sim016` … up to `--regions` in all: the first through
   `tenants.regions.region_create` (a real schema, every region migration run; timed), the
   others copies of it (`pg_dump --schema`, renamed, restored with psql: structure, its
   `django_migrations` rows and the data migrations' rows), each with its Region row and host
   `<code>.localhost`, as `region_create` makes them. (django-tenants' `clone_schema` took
   3 s a copy at first and 20 s by the 80th here: its PL/pgSQL reads the catalog, which grows
   with every schema.)
3. The same `migrate_schemas` timings with all of them.
4. The load harness's routing measurement (gunicorn, wrk, benchmarks.run's servers and rounds)
   for one-row against its control: on 15 region hosts in turn, and on all the hosts in turn
   (a schema switch on every request), side by side with the control. Goal ≥ 0.90.

Simulated regions stay (they are cheap); `--drop` removes them (schemas, rows, hosts).
Results: stdout and `results/latest.json` under "regions". Never a test: figures only.
"""

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from .database import NoDatabaseUrlError, base_url, bench_url
from .scale import machine, record
from .seed import RESULTS, configure_django, random_secret_key

ROOT = Path(__file__).resolve().parent.parent
SIMULATED = "sim"
PROBE_APP = "results"  # its migrations are unapplied and applied again to time a real migrate


def simulated_code(n: int) -> str:
    return f"{SIMULATED}{n:03d}"


def _manage(*args: str) -> float:
    """Run manage.py with the benchmark database and production settings; seconds taken."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return round(time.perf_counter() - started, 2)


def migrate_timings(executors: list[str]) -> dict[str, float]:
    """migrate_schemas --tenant: nothing to apply, and one app's migrations, per executor."""
    figures: dict[str, float] = {}
    for executor in executors:
        figures[f"{executor}: nothing to apply"] = _manage(
            "migrate_schemas", "--tenant", f"--executor={executor}", "--noinput"
        )
        started = time.perf_counter()
        unapply(PROBE_APP)
        figures[f"unapply {PROBE_APP} (SQL)"] = round(time.perf_counter() - started, 2)
        figures[f"{executor}: apply {PROBE_APP}"] = _manage(
            "migrate_schemas", "--tenant", f"--executor={executor}", "--noinput"
        )
        print(f"  migrate ({executor}): {figures}", flush=True)
    return figures


def unapply(app: str) -> None:
    """Every region as before `app`'s migrations: its tables dropped, its rows of
    django_migrations deleted. (`migrate_schemas --tenant results zero` does the same in
    about 6 s a schema here, rendering the project's state backwards once per schema.) Only
    for an app no other app's tables refer to."""
    from django.db import connection

    from tenants.models import Region

    with connection.cursor() as cursor:
        for schema in Region.objects.regions().values_list("schema_name", flat=True):
            cursor.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename LIKE %s",
                [schema, f"{app}\\_%"],
            )
            for (table,) in cursor.fetchall():
                cursor.execute(f'DROP TABLE IF EXISTS "{schema}"."{table}" CASCADE')
            cursor.execute(f'DELETE FROM "{schema}".django_migrations WHERE app = %s', [app])


def region_count() -> int:
    from tenants.models import Region

    return Region.objects.regions().count()


def add_simulated(total: int, url: str) -> dict[str, object]:
    """Simulated regions up to `total` regions in all: the first migrated, the rest copies of
    it (pg_dump of its schema, renamed, restored by psql)."""
    from django.db import connection

    from tenants.models import Region
    from tenants.regions import _ensure_primary_domain, region_create, region_host

    have = region_count()
    figures: dict[str, object] = {"before": have}
    if have >= total:
        return figures
    simulated = Region.objects.filter(schema_name__startswith=SIMULATED).order_by("sort_order")
    template = simulated.values_list("schema_name", flat=True).first()
    if template is None:
        have += 1
        template = simulated_code(have)
        started = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            region_create(code=template, name=f"模拟地区{have:03d}")
        figures["one region created and migrated_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    dump = subprocess.run(
        ["pg_dump", "--schema", template, "--no-owner", "--no-privileges", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = re.compile(rf"\b{template}\b")
    last = Region.objects.regions().order_by("-sort_order").first().sort_order
    for n in range(have + 1, total + 1):
        code = simulated_code(n)
        with connection.cursor() as cursor:  # a copy an interrupted run left without its row
            cursor.execute(f'DROP SCHEMA IF EXISTS "{code}" CASCADE')
        subprocess.run(
            ["psql", "-q", "-v", "ON_ERROR_STOP=1", url],
            input=pattern.sub(code, dump),
            check=True,
            capture_output=True,
            text=True,
        )
        last += 1
        name = f"模拟地区{n:03d}"
        region = Region(schema_name=code, name=name, full_name=name, sort_order=last)
        region.auto_create_schema = False  # the copy is its schema
        region.save()
        _ensure_primary_domain(region, region_host(code))
    connection.set_schema_to_public()
    copied = total - have
    seconds = time.perf_counter() - started
    figures["copied"] = copied
    figures["copied_s"] = round(seconds, 2)
    figures["per_copy_ms"] = round(seconds * 1000 / max(1, copied), 1)
    figures["after"] = region_count()
    return figures


def drop_simulated() -> int:
    from django.db import connection

    from tenants.models import Domain, Region

    regions = list(Region.objects.filter(schema_name__startswith=SIMULATED))
    with connection.cursor() as cursor:
        for region in regions:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{region.schema_name}" CASCADE')
    Domain.objects.filter(tenant__in=regions).delete()
    Region.objects.filter(pk__in=[r.pk for r in regions])._raw_delete(Region.objects.db)
    return len(regions)


def routing(hosts: tuple[str, ...], duration: float) -> dict[str, object]:
    """benchmarks.run's servers, rounds and side-by-side pairs for one-row over `hosts`."""
    from . import run
    from . import simultaneous as side_by_side
    from .scenarios import (
        CONTROL,
        EVERY_REGION_HOST,
        ONE_ROW,
        ROUTED,
        ROUTING_TARGET,
        SCENARIOS,
        Scenario,
        context_of,
    )
    from .servers import start

    args = run.parse(["--duration", str(duration)])
    by_name = {scenario.name: scenario for scenario in SCENARIOS}
    scenarios = [
        by_name["control one-row"],
        Scenario(
            "routed one-row 15 hosts",
            ROUTED,
            EVERY_REGION_HOST,
            ONE_ROW,
            control="control one-row",
            target=ROUTING_TARGET,
        ),
        Scenario(
            f"routed one-row {len(hosts)} hosts",
            ROUTED,
            hosts,
            ONE_ROW,
            control="control one-row",
            target=ROUTING_TARGET,
            what="the same view, each request on the next of every region's hosts",
        ),
    ]
    url = bench_url(base_url())
    secret_key = random_secret_key()
    manifest = run.seed(url, args, secret_key)
    context = context_of(manifest)
    env = run.server_env(url, secret_key)
    _name, driver = run.choose_driver("auto")
    servers = {}
    try:
        for role in (CONTROL, ROUTED):
            servers[role] = start(
                role,
                run.SETTINGS[role],
                run.PROBE_HOST[role],
                env,
                workers=args.workers,
                max_requests=args.max_requests,
                log_dir=RESULTS,
            )
        results = run.run_scenarios(scenarios, servers, driver, args, context)

        def measure_one(scenario: Scenario) -> object:
            server = servers[scenario.server]
            return run.measure(scenario, server, driver, args, context, warm_up=False)

        pairs = side_by_side.targeted_pairs(scenarios)
        paired = side_by_side.run_pairs(pairs, measure_one, args)
    finally:
        for server in servers.values():
            server.stop()
    print(run.table(results))
    print(side_by_side.table(paired))
    return {
        "hosts": len(hosts),
        "duration_s": duration,
        "scenarios": run.as_json(results),
        "side_by_side": side_by_side.as_json(paired),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.regions", description=__doc__)
    parser.add_argument("--regions", type=int, default=200, help="regions in all")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    parser.add_argument("--no-migrate", action="store_true", help="skip the migrate timings")
    parser.add_argument("--no-routing", action="store_true", help="skip the routing rounds")
    parser.add_argument("--drop", action="store_true", help="remove the simulated regions")
    parser.add_argument(
        "--executor",
        action="append",
        choices=["standard", "multiprocessing"],
        help="migrate_schemas executors to time (default: both)",
    )
    args = parser.parse_args(argv)
    try:
        url = bench_url(base_url())
    except NoDatabaseUrlError as error:
        print(error, file=sys.stderr)
        return 2
    os.environ["DATABASE_URL"] = url
    configure_django(url)
    if args.drop:
        print(f"regions: dropped {drop_simulated()} simulated regions")
        return 0
    previous = {}
    latest = RESULTS / "latest.json"
    if latest.exists():
        with contextlib.suppress(ValueError):
            previous = json.loads(latest.read_text("utf-8")).get("regions", {})
    executors = args.executor or ["standard", "multiprocessing"]
    # What an earlier run measured stays unless measured again (migrate per region count).
    figures: dict[str, object] = {**previous, "machine_before": machine()}
    migrate = dict(previous.get("migrate", {}))
    count = region_count()
    if not args.no_migrate and count < args.regions:
        print(f"regions: migrate_schemas with {count} regions", flush=True)
        migrate[str(count)] = {**migrate.get(str(count), {}), **migrate_timings(executors)}
    if count < args.regions:
        print(f"regions: adding simulated regions up to {args.regions}", flush=True)
        figures["simulated"] = add_simulated(args.regions, url)
        print(f"  {figures['simulated']}", flush=True)
    count = region_count()
    if not args.no_migrate:
        print(f"regions: migrate_schemas with {count} regions", flush=True)
        migrate[str(count)] = {**migrate.get(str(count), {}), **migrate_timings(executors)}
    figures["migrate"] = migrate
    if not args.no_routing:
        from tenants.models import Domain

        hosts = tuple(
            Domain.objects.filter(is_primary=True)
            .exclude(tenant__schema_name="public")
            .order_by("tenant__sort_order")
            .values_list("domain", flat=True)
        )
        figures["routing"] = routing(hosts, args.duration)
    figures["machine_after"] = machine()
    record("regions", figures)
    print(json.dumps(figures.get("migrate"), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
