"""An operator backs up one region and restores it into a fresh database: the application reads
back with its applicant and its index row, and a restore that fails leaves nothing behind."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.workflow.test_concurrency import CommittedWorld

ROOT = Path(__file__).resolve().parents[2]


def _connect(name: str):
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=name,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        world = CommittedWorld()
    yield world
    with django_db_blocker.unblock():
        world.remove()


@pytest.fixture(scope="module")
def fresh_database(django_db_setup):
    """A new database on the same server with only the public schema migrated, as an operator
    prepares one with `migrate_schemas --shared`."""
    db = connection.settings_dict
    name = f"{db['NAME']}_fresh_{uuid.uuid4().hex[:8]}"
    admin = _connect("postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgresql://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "migrate_schemas", "--shared", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()


def _read_back(name: str, number: str) -> tuple:
    with _connect(name) as conn, conn.cursor() as cursor:
        cursor.execute(
            """SELECT a.number, a.status, u.username, s.data, i.status, r.schema_name
               FROM urumqi.workflow_application a
               JOIN public.core_user u ON u.id = a.applicant_id
               JOIN urumqi.workflow_sectionentry s ON s.application_id = a.id
               JOIN public.core_applicationindex i ON i.number = a.number
               JOIN public.tenants_region r ON r.id = i.region_id
               WHERE a.number = %s""",
            [number],
        )
        return cursor.fetchone()


def test_a_restore_that_fails_midway_leaves_the_database_as_it_was(
    db, world, fresh_database, tmp_path
):
    script = tmp_path / "urumqi.sql"
    call_command("region_backup", "urumqi", str(script))
    script.write_text(script.read_text(encoding="utf-8") + "SELECT 1 / 0;\n", encoding="utf-8")

    before = _census(fresh_database)
    with pytest.raises(CommandError, match="nothing was restored"):
        call_command("region_restore", str(script), database=fresh_database)
    assert _census(fresh_database) == before


def _census(name: str) -> tuple:
    with _connect(name) as conn, conn.cursor() as cursor:
        cursor.execute(
            """SELECT (SELECT count(*) FROM public.core_user),
                      (SELECT count(*) FROM public.tenants_region),
                      (SELECT count(*) FROM public.core_applicationindex),
                      (SELECT count(*) FROM pg_namespace WHERE nspname = 'urumqi')"""
        )
        return cursor.fetchone()


def test_a_region_restored_into_a_fresh_database_reads_back_its_application(
    db, world, fresh_database, tmp_path
):
    script = tmp_path / "urumqi.sql"
    call_command("region_backup", "urumqi", str(script))
    number = world.application.number

    call_command("region_restore", str(script), database=fresh_database)
    assert _read_back(fresh_database, number) == (
        number,
        "draft",
        world.applicant.username,
        {},
        "draft",
        "urumqi",
    )
    # Once more over itself: the schema is replaced, the public rows are not doubled.
    call_command("region_restore", str(script), database=fresh_database)
    with _connect(fresh_database) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM public.core_applicationindex WHERE number = %s", [number]
        )
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT count(*) FROM public.tenants_region WHERE schema_name = 'urumqi'")
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT count(*) FROM urumqi.workflow_application")
        restored = cursor.fetchone()[0]
    assert restored >= 1


def test_an_unknown_region_has_no_backup(db, tmp_path):
    with pytest.raises(CommandError):
        call_command("region_backup", "atlantis", str(tmp_path / "x.sql"))
    with pytest.raises(CommandError):
        call_command("region_backup", "urumqi; drop", str(tmp_path / "x.sql"))
