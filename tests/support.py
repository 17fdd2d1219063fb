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
