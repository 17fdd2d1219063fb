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


def demo_account(username: str, name: str, role: str, **fields):
    """A committed-style account with the demo password (browser tests log in with it)."""
    from core.demo import DEMO_PASSWORD
    from core.models import User

    user = User(username=username, name=name, role=role, **fields)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


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


def complete_unit(region, name: str, short_name: str, org_code: str, **fields):
    """An unsaved base unit with everything `Unit.is_complete` asks for; `org_code` is the
    8-character body of its credit code (unique per test), the area that of Urumqi."""
    from core.identity.validators import make_credit_code, normalize_org_name
    from core.models import Unit, UnitNature

    values = {
        "credit_code": make_credit_code("1", "2", "650100", org_code),
        "name": name,
        "short_name": short_name,
        "name_key": normalize_org_name(name),
        "short_name_key": normalize_org_name(short_name),
        "region": region,
        "address": "新华路1号",
        "nature": UnitNature.INSTITUTION,
        "legal_representative": "校长",
        "contact_name": "人事处",
        "contact_phone": "0991-2",
    }
    return Unit(**{**values, **fields})
