"""Seed the benchmark database: `python -m benchmarks.seed --users 2000 --notices 1000`.

Works on `<DATABASE_URL's database>_bench` (created when missing), never on the database that
`make run` or the tests use. Migrates the public schema, creates the 15 regions, then tops every
region up to the given number of accounts and notices; run again, it only adds what is missing.
Writes what the harness needs (an API token, the row the one-row view reads) to a manifest.
"""

import argparse
import io
import json
import os
import secrets
import string
import sys
import time
from contextlib import redirect_stdout
from dataclasses import asdict
from pathlib import Path

import django

from benchmarks.database import (
    base_url,
    bench_url,
    database_name,
    drop_database,
    ensure_database,
)

RESULTS = Path(__file__).resolve().parent / "results"
MANIFEST = RESULTS / "seed.json"
API_USERNAME = "bench-api"
ONE_ROW_REGION = "urumqi"


def random_secret_key(length: int = 50) -> str:
    alphabet = string.ascii_letters + string.digits + "-_!@#%^&*(=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def configure_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", random_secret_key())
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    django.setup()


def _step(label: str, started: float, timings: dict[str, float]) -> float:
    now = time.monotonic()
    timings[label] = round(now - started, 2)
    print(f"  {label:<12} {now - started:7.1f} s", flush=True)
    return now


def seed(users: int, notices: int) -> dict[str, object]:
    """Migrate, create the regions and top up every table; what the harness needs to know."""
    from django.core.management import call_command
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from benchmarks.seeders import Size, seeders, username
    from core.models import Role, User
    from tenants.regions import bootstrap_regions

    size = Size(users=users, notices=notices)
    timings: dict[str, float] = {}
    started = time.monotonic()
    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    mark = _step("migrate", started, timings)
    with redirect_stdout(io.StringIO()):  # schema creation narrates every migration
        regions = bootstrap_regions()
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    mark = _step("regions", mark, timings)
    created: dict[str, int] = {}
    totals: dict[str, int] = {}
    for seeder in seeders():
        created[seeder.label] = sum(seeder.top_up(region, size) for region in regions)
        totals[seeder.label] = sum(seeder.count(region) for region in regions)
        mark = _step(seeder.label, mark, timings)
    api_user, _ = User.objects.get_or_create(
        username=API_USERNAME, defaults={"name": "压测接口账号", "role": Role.APPLICANT}
    )
    token, _ = Token.objects.get_or_create(user=api_user)
    if any(created.values()):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        _step("analyze", mark, timings)
    timings["total"] = round(time.monotonic() - started, 2)
    return {
        "database": connection.settings_dict["NAME"],
        "size": asdict(size),
        "regions": len(regions),
        "created": created,
        "rows": totals,
        "seconds": timings,
        "token": token.key,
        "one_row_username": username(ONE_ROW_REGION, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000, help="accounts per region")
    parser.add_argument("--notices", type=int, default=1000, help="notices per region")
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    args = parser.parse_args(argv)
    url = bench_url(base_url())
    if args.fresh:
        drop_database(url)
    if ensure_database(url):
        print(f"seed: created database {database_name(url)}", flush=True)
    print(
        f"seed: {database_name(url)}, {args.users} accounts and {args.notices} notices per region",
        flush=True,
    )
    configure_django(url)
    from django.db.migrations.exceptions import InconsistentMigrationHistory

    try:
        manifest = seed(args.users, args.notices)
    except InconsistentMigrationHistory as error:
        if args.fresh:
            raise
        # Migrations were rewritten since the last seed: the database is derived data, redo it.
        print(f"seed: {error}\nseed: starting over with a fresh database", flush=True)
        from django.db import connection

        connection.close()
        argv = [*(sys.argv[1:] if argv is None else argv), "--fresh"]
        os.execv(sys.executable, [sys.executable, "-m", "benchmarks.seed", *argv])
    args.manifest.parent.mkdir(parents=True, exist_ok=True)
    args.manifest.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    print(
        f"seed: {manifest['rows']} in {manifest['seconds']['total']} s "
        f"(created now: {manifest['created']})",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
