"""Seed the benchmark database: `python -m benchmarks.seed --users 2000 --applications 5000`.

Works on `<DATABASE_URL's database>_bench` (created when missing), never on the database that
`make run` or the tests use. Migrates the public schema, creates the 15 regions and the catalog,
then tops every region up to the given number of accounts, notices, units and applications; run
again, it only adds what is missing. Writes what the harness needs to a manifest: an API token,
the row the one-row view reads, and a logged-in session of the busy unit's admin, signed with
DJANGO_SECRET_KEY (the harness gives the seed the key it gives the servers).
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
from typing import TYPE_CHECKING

import django

from benchmarks.database import (
    base_url,
    bench_url,
    database_name,
    drop_database,
    ensure_database,
)

if TYPE_CHECKING:
    from core.models import User

RESULTS = Path(__file__).resolve().parent / "results"
MANIFEST = RESULTS / "seed.json"
ONE_ROW_REGION = "urumqi"
QUEUE_REGION = "urumqi"  # the region whose first unit's admin the queue scenarios log in as
DEFAULT_APPLICATIONS = 5000


def random_secret_key(length: int = 50) -> str:
    alphabet = string.ascii_letters + string.digits + "-_!@#%^&*(=+)"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def configure_django(url: str, settings_module: str = "config.settings.production") -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", random_secret_key())
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Requests come over plain HTTP here; in production nginx terminates TLS first, so the
    # redirect to https never fires for real traffic.
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    django.setup()


def _step(label: str, started: float, timings: dict[str, float]) -> float:
    now = time.monotonic()
    timings[label] = round(now - started, 2)
    print(f"  {label:<12} {now - started:7.1f} s", flush=True)
    return now


def login_cookie(user: "User") -> str:
    """A `Cookie` header value carrying a new session of `user`, as `django.contrib.auth.login`
    would store it, plus the activity stamp that core.identity.activity's idle timeout reads."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from core.identity.activity import ACTIVITY_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    # Includes the account's session generation: "log out everywhere" ends this session too.
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[ACTIVITY_KEY] = time.time()
    store.create()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def forget_cookie(cookie: str | None) -> None:
    """Delete the session a previous seed wrote (each seed logs in anew)."""
    from importlib import import_module

    from django.conf import settings

    name, _, key = (cookie or "").partition("=")
    if key and name == settings.SESSION_COOKIE_NAME:
        import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()


def seed(
    users: int,
    notices: int,
    applications: int = 0,
    old_cookie: str | None = None,
    busy_cap: int | None = None,
) -> dict[str, object]:
    """Migrate, create the regions and top up every table; what the harness needs to know."""
    from django.core.management import call_command
    from django.db import connection
    from knox.models import AuthToken

    from benchmarks.people import page_context
    from benchmarks.seeders import (
        Size,
        api_user,
        credit_code,
        seeders,
        unit_admin_username,
        username,
    )
    from core.catalog.sync import catalog_sync
    from core.models import ApplicationIndex, Unit, User
    from tenants.crossing import in_region
    from tenants.models import Region
    from tenants.regions import bootstrap_regions
    from workflow.models import Application
    from workflow.states import Status

    size = Size(users=users, notices=notices, applications=applications, busy_cap=busy_cap)
    size.check()
    timings: dict[str, float] = {}
    started = time.monotonic()
    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    mark = _step("migrate", started, timings)
    with redirect_stdout(io.StringIO()):  # schema creation narrates every migration
        regions = bootstrap_regions()
        call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    mark = _step("regions", mark, timings)
    catalog_sync()
    mark = _step("catalog", mark, timings)
    # A token of its own for this run, without idle expiry (a local benchmark database only).
    program = api_user()
    _token, token_key = AuthToken.objects.create(user=program, expiry=None)
    created: dict[str, int] = {}
    totals: dict[str, int] = {}
    for seeder in seeders(size):
        created[seeder.label] = sum(seeder.top_up(region, size) for region in regions)
        totals[seeder.label] = sum(seeder.count(region) for region in regions)
        mark = _step(seeder.label, mark, timings)
    if any(created.values()):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        mark = _step("analyze", mark, timings)
    queue_region = Region.objects.get(schema_name=QUEUE_REGION)
    busy = Unit.objects.get(credit_code=credit_code(queue_region, 0))
    admin = User.objects.get(username=unit_admin_username(QUEUE_REGION, 0))
    forget_cookie(old_cookie)
    cookie = login_cookie(admin)
    pages = page_context(QUEUE_REGION, busy.pk, MANIFEST)  # the daily pages' scenarios
    with in_region(QUEUE_REGION):
        of_busy = Application.objects.filter(unit=busy)
        busy_unit = {
            "name": busy.name,
            "admin": admin.username,
            "applications": of_busy.count(),
            "waiting": of_busy.filter(status=Status.IN_REVIEW, current_node=0).count(),
        }
    timings["total"] = round(time.monotonic() - started, 2)
    return {
        "database": connection.settings_dict["NAME"],
        "size": {**asdict(size), "units": size.units},
        "regions": len(regions),
        "created": created,
        "rows": totals,
        "seconds": timings,
        "token": token_key,
        "one_row_username": username(ONE_ROW_REGION, 1),
        "api_applications": ApplicationIndex.objects.filter(applicant=program).count(),
        "busy_unit": busy_unit,
        "unit_cookie": cookie,
        **pages,
    }


def _old_cookie(args: argparse.Namespace) -> str | None:
    if args.fresh or not args.manifest.exists():
        return None
    try:
        return json.loads(args.manifest.read_text(encoding="utf-8")).get("unit_cookie")
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=2000, help="accounts per region")
    parser.add_argument("--notices", type=int, default=1000, help="notices per region")
    parser.add_argument(
        "--applications",
        type=int,
        default=DEFAULT_APPLICATIONS,
        help="applications per region, most of them at the region's first unit",
    )
    parser.add_argument(
        "--busy-cap",
        type=int,
        help="most applications at a region's first unit (default: 4 applicants in 5 work there)",
    )
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    args = parser.parse_args(argv)
    url = bench_url(base_url())
    if args.fresh:
        drop_database(url)
    if ensure_database(url):
        print(f"seed: created database {database_name(url)}", flush=True)
    print(
        f"seed: {database_name(url)}, per region {args.users} accounts, {args.notices} notices "
        f"and {args.applications} applications",
        flush=True,
    )
    configure_django(url)
    from django.db.migrations.exceptions import InconsistentMigrationHistory

    from benchmarks.seeders import SeedError

    try:
        manifest = seed(
            args.users, args.notices, args.applications, _old_cookie(args), args.busy_cap
        )
    except SeedError as error:
        print(f"seed: {error}", file=sys.stderr, flush=True)
        return 2
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
