"""A base unit with 5,000 applications: how long its filtered first page takes (issue 6).

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.unit_queue [--applications 5000]

Uses its own database (`<DATABASE_URL name>_queuebench`, created when missing), seeds one region
with a unit, a committee, an open offering and N applications (60 % waiting at the unit), then
serves `/review/` (申请书审核) and `/review/all/?level=…` (申请书查询, filtered) through the whole
Django stack in-process with DEBUG off, and prints p50 / p95 / max in milliseconds against the
100 ms target. A measurement to read, not a test.
"""

import argparse
import os
import statistics
import sys
import time
from urllib.parse import urlsplit, urlunsplit

import psycopg2

TARGET_MS = 100.0


def _own_database(url: str) -> str:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_queuebench"
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()
    return urlunsplit(parts._replace(path="/" + name))


def _seed(count: int) -> tuple[object, str]:
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from core.catalog.sync import catalog_sync
    from core.identity.validators import make_credit_code, normalize_org_name
    from core.models import Qualification, Role, Unit, User
    from tenants.crossing import in_region
    from tenants.regions import ensure_public_site, region_create
    from workflow.applications import _next_number
    from workflow.models import Application
    from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

    call_command("migrate_schemas", verbosity=0)
    ensure_public_site()
    region = region_create(code="urumqi", name="乌鲁木齐市")
    catalog_sync()
    unit, _created = Unit.objects.get_or_create(
        credit_code=make_credit_code("1", "2", "650100", "QB000001"),
        defaults={
            "name": "基准测试中学",
            "short_name": "基准中学",
            "name_key": normalize_org_name("基准测试中学"),
            "short_name_key": normalize_org_name("基准中学"),
            "region": region,
            "address": "x",
            "nature": "institution",
            "legal_representative": "x",
            "contact_name": "x",
            "contact_phone": "1",
        },
    )
    admin, _created = User.objects.get_or_create(
        username="bench-unit", defaults={"role": Role.UNIT_ADMIN, "unit": unit, "name": "管理员"}
    )
    with in_region("urumqi"):
        have = Application.objects.filter(unit=unit).count()
        if have >= count:
            return admin, "urumqi"
        committee = committee_save(
            name="基准测试评审委员会",
            address="x",
            contacts=[],
            reviews=[{"series": "school-teacher", "levels": ["junior", "intermediate"]}],
        )
        now = timezone.now()
        offering = offering_save(
            committee=committee,
            qualification=Qualification.objects.get(code="school-teacher-chinese-intermediate"),
            year=now.year,
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=30),
            flow_nodes=DEFAULT_FLOW,
        )
        from core.catalog.forms import form_current

        form = form_current("teacher")
        applicants = User.objects.bulk_create(
            [
                User(
                    username=f"bench-applicant-{have + i}",
                    name=f"申请人{have + i}",
                    role=Role.APPLICANT,
                    phone="13900000000",
                )
                for i in range(count - have)
            ]
        )
        Application.objects.bulk_create(
            [
                Application(
                    number=_next_number(),
                    applicant=applicant,
                    unit=unit,
                    offering=offering,
                    qualification=offering.qualification,
                    year=offering.year,
                    form=form,
                    flow=offering.flow,
                    status="in_review" if i % 5 < 3 else "draft",
                    current_node=0 if i % 5 < 3 else None,
                    submission_count=1 if i % 5 < 3 else 0,
                )
                for i, applicant in enumerate(applicants)
            ],
            batch_size=1000,
        )
    return admin, "urumqi"


def _time(client, path: str, params: dict, rounds: int) -> list[float]:
    for _ in range(3):
        client.get(path, params)
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = _own_database(os.environ["DATABASE_URL"])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DB_CONN_MAX_AGE", "600")  # persistent connections, as in production
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.test import Client

    seeded = time.perf_counter()
    admin, code = _seed(args.applications)
    print(f"seeded {args.applications} applications in {time.perf_counter() - seeded:.1f} s")
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load in production: without statistics the
        # planner takes the freshly filled tables for empty ones and joins all 5,000 rows.
        cursor.execute("ANALYZE")
    client = Client(HTTP_HOST=f"{code}.localhost")
    client.force_login(admin)
    rows = []
    for label, path, params in [
        ("申请书审核 /review/", "/review/", {}),
        ("申请书审核 filtered by name", "/review/", {"q": "申请人42"}),
        ("申请书查询 ?level=intermediate", "/review/all/", {"level": "intermediate"}),
        ("申请书查询 ?status=in_review", "/review/all/", {"status": "in_review"}),
    ]:
        timings = _time(client, path, params, args.rounds)
        rows.append(
            (
                label,
                statistics.median(timings),
                statistics.quantiles(timings, n=20)[18],
                max(timings),
            )
        )
    print(f"\n{'page':<36}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  target {TARGET_MS:.0f} ms")
    for label, p50, p95, worst in rows:
        verdict = "ok" if p95 < TARGET_MS else "SLOW"
        print(f"{label:<36}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}  {verdict}")


if __name__ == "__main__":
    main()
