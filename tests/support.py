"""Helpers shared by tests."""

from django.db import connection
from django.test import Client


class RegionClient(Client):
    """A test client that leaves the connection in `public` after each request.

    In production each request sets its own schema; in a test the code after a request runs on
    the same connection, and must not silently inherit the region the request was routed to.
    """

    def request(self, **request):
        try:
            return super().request(**request)
        finally:
            connection.set_schema_to_public()


def client_for(code: str = "public", **headers: str) -> RegionClient:
    host = "localhost" if code == "public" else f"{code}.localhost"
    return RegionClient(HTTP_HOST=host, **headers)


def analyze(*tables: str) -> None:
    """Refresh the planner's statistics inside the test's transaction.

    Rows a test inserts are invisible to autovacuum's statistics, so PostgreSQL would plan for
    empty tables (nested loops over everything) and a page over a few hundred rows can take
    a minute. Production tables are analysed by autovacuum.
    """
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {table}")


def route_names(urlconf: str) -> set[str]:
    """Every named route of a URL conf, through its includes."""
    from django.urls import URLResolver, get_resolver

    def walk(patterns) -> set[str]:
        names: set[str] = set()
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                names |= walk(pattern.url_patterns)
            elif pattern.name:
                names.add(pattern.name)
        return names

    return walk(get_resolver(urlconf).url_patterns)
