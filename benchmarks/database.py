"""The benchmark's own database: `<name>_bench` on the server DATABASE_URL names."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg2
from psycopg2 import sql

SUFFIX = "_bench"


class NoDatabaseUrlError(RuntimeError):
    pass


def base_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        raise NoDatabaseUrlError(
            "DATABASE_URL is not set: run `make bench`, or prefix the command with "
            "deploy/dev/with-db.sh (it starts the project-local PostgreSQL)."
        )
    return url


def bench_url(url: str) -> str:
    """The same server and credentials, database `<name>_bench` (kept if already so named)."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "postgres"
    if not name.endswith(SUFFIX):
        name += SUFFIX
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def drop_database(url: str) -> None:
    """Drop the database `url` names (closing its connections); only ever a `_bench` one."""
    name = database_name(url)
    if not name.endswith(SUFFIX):
        raise ValueError(f"refusing to drop {name}: not a benchmark database")
    with _maintenance(url) as cursor:
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def ensure_database(url: str) -> bool:
    """Create the database `url` names when missing; True when it was created."""
    name = database_name(url)
    with _maintenance(url) as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


@contextmanager
def _maintenance(url: str) -> Iterator["psycopg2.extensions.cursor"]:
    """A cursor on the server's `postgres` database, in autocommit."""
    connection = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()
