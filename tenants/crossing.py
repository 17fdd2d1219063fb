"""The only way code reaches a region's schema from outside a request routed to it.

Views and API run in the region their host names (tenants.routing). Everything else — tasks,
commands, the public site's cross-region reads and, later, requalification — enters a region
through `in_region()` or walks them with `each_region()`. Nothing else in the code base calls
`schema_context`, `tenant_context` or `connection.set_schema*` (a test checks this).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection, models
from django_tenants.utils import schema_context

from .directory import PUBLIC_CODE
from .models import Region


def current_region_code() -> str:
    """The schema the connection is in now (`public` outside any region)."""
    return connection.schema_name


def current_region() -> Region:
    """The Region the connection is in: the request's own (no query) when routing put it
    there, else read by its schema name (tasks, commands). Raises DoesNotExist in `public`."""
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Region) and tenant.schema_name == connection.schema_name:
        return tenant
    return Region.objects.get(schema_name=connection.schema_name)


@contextmanager
def in_region(code: str) -> Iterator[None]:
    """Run the block inside one region's schema (or `public`), then restore the previous one.

    Unknown codes raise `Region.DoesNotExist` rather than silently using `public`.
    """
    if code != PUBLIC_CODE and not Region.objects.filter(schema_name=code).exists():
        raise Region.DoesNotExist(code)
    with schema_context(code):
        yield


@contextmanager
def in_public() -> Iterator[None]:
    with schema_context(PUBLIC_CODE):
        yield


def each_region() -> Iterator[Region]:
    """Yield every region with the connection inside its schema."""
    for region in list(Region.objects.regions()):
        with schema_context(region.schema_name):
            yield region


def copy_rows(
    model: type[models.Model],
    *,
    source: str,
    target: str,
    where: str,
    params: list[Any],
    overrides: dict[str, Any] | None = None,
) -> list[int]:
    """Copy the rows of a region table matching `where` (SQL on the source table's columns)
    from one region's schema to another's in ONE statement, in the caller's transaction:
    every column as it is (times included) except the primary key, which the target's
    sequence gives, and the columns of `overrides` (column name → value). Returns the new
    primary keys. The codes must be regions' (checked by the caller); they and the names are
    quoted; `where` is the caller's constant SQL with its values in `params`. Requalification
    moves an application with it (workflow.requalification).
    """
    overrides = overrides or {}
    quote = connection.ops.quote_name
    pk = model._meta.pk.column
    columns = [f.column for f in model._meta.concrete_fields if f.column != pk]
    chosen = ", ".join("%s" if c in overrides else quote(c) for c in columns)
    values = [overrides[c] for c in columns if c in overrides]
    table = model._meta.db_table
    names = ", ".join(quote(c) for c in columns)
    source_table, target_table = (
        f"{quote(source)}.{quote(table)}",
        f"{quote(target)}.{quote(table)}",
    )
    # Identifiers quoted; values passed as parameters; `where` is the caller's constant SQL.
    sql = " ".join(
        [
            "INSERT INTO",
            target_table,
            f"({names})",
            "SELECT",
            chosen,
            "FROM",
            source_table,
            "WHERE",
            where,
            "ORDER BY",
            quote(pk),
            "RETURNING",
            quote(pk),
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        return [row[0] for row in cursor.fetchall()]
