"""Whole pages kept in Django's cache, keyed on exactly what they show (issue 18).

A busy unit's 申请书审核 page renders 50 rows out of thousands of applications; most requests
ask for a page nothing has changed since it was last rendered. `cached_page` serves those from
the cache of the process, and renders again whenever anything the page shows may have changed:

- the view's own `stamp`, read from the database on every request in one cheap indexed query
  (e.g. how many applications the reader sees and when the last of them changed: every change
  of an application saves its `updated_at`, in the transaction of the change);
- the reference version (`ReferenceVersion`), bumped by triggers (core.caching.triggers) in
  the transaction of every change to people, units, authorities, committees and the catalog,
  whose names the pages print;
- the reader (account, language, host) and the header's state: the unread notifications, the
  region list's version; and the page's full path (page number, filters).

Nothing is served stale: each worker reads the stamps from the database, so a change committed
by another worker changes the key at once. A cached page holds a placeholder where the CSRF token
goes; every answer gets the reader's own token. Pages with pending messages, non-GET requests
and answers other than 200 are never cached. `PAGE_CACHE=0` turns it off.
"""

import hashlib
from collections.abc import Callable, Hashable, Sequence

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import connection
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from tenants.routing import REGION_MAP

# Where a page's CSRF token goes, replaced by the reader's own on every answer.
TOKEN_PLACEHOLDER = "pagecacheCSRFplaceholder" + "0" * 40
CACHE_ALIAS = "pages"
Render = Callable[[dict[str, object]], HttpResponse]
# A scalar SQL expression, alone or with the values of its placeholders.
Expression = str | tuple[str, Sequence[object]]


def table_stamp(model: type[Model]) -> str:
    """A scalar SQL expression that changes with every insert, update and delete of `model`'s
    table (in the connection's schema): its row count and the sum of its rows' `xmin`, the
    transaction that wrote each row version. For small tables (notices, offerings)."""
    table = connection.ops.quote_name(model._meta.db_table)
    return f"(SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM {table})"  # noqa: S608


def rows_where(
    model: type[Model], column: str, value: object, *, within: str = ""
) -> tuple[str, list[object]]:
    """A scalar SQL expression, with its parameter, that changes with every insert, update and
    delete among `model`'s rows whose `column` equals `value` (or, with `within`, is in
    `within`'s fixed SQL subquery taking `value` as its one parameter): the MD5 of the rows'
    whole text. For the few rows of one reader or application, whatever writes them (a bulk
    update sets no `updated_at`; a test's one transaction leaves `xmin` alone), where
    `table_stamp` would read a large table. Written directly: no queryset to compile on a hit."""
    table = connection.ops.quote_name(model._meta.db_table)
    field = connection.ops.quote_name(column)
    condition = f"IN ({within})" if within else "= %s"
    sql = (
        "(SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "  # noqa: S608
        f"FROM {table} t WHERE t.{field} {condition})"
    )
    return sql, [value]


def _state(
    request: HttpRequest, rows: QuerySet | None, expressions: Sequence[Expression] = ()
) -> tuple[object, ...]:
    """How many `rows` there are and when the last of them changed (`updated_at`), the reader's
    unread notifications, the reference version and the values of the scalar SQL
    `expressions`: one round trip."""
    user = request.user
    counted = "SELECT 0, NULL::timestamptz"
    params: list[object] = []
    if rows is not None and not rows.query.is_empty():
        inner, inner_params = rows.order_by().values("updated_at").query.sql_with_params()
        # `inner` is Django's compiled SQL; its values travel as parameters.
        counted = f"SELECT count(*), max(r.updated_at) FROM ({inner}) r"  # noqa: S608
        params.extend(inner_params)
    scalars: list[str] = []
    scalar_params: list[object] = []
    for expression in expressions:
        text, values = (expression, ()) if isinstance(expression, str) else expression
        scalars.append(text)
        scalar_params.extend(values)
    # Only Django's compiled SQL and the callers' fixed expressions; values are parameters.
    sql = (
        "SELECT c.*, (SELECT count(*) FROM public.core_notification "  # noqa: S608
        "WHERE recipient_id = %s AND read_at IS NULL), "
        "(SELECT version FROM public.core_referenceversion WHERE id = 1)"
        + "".join(f", {scalar}" for scalar in scalars)
        + f" FROM ({counted}) c"
    )
    reader = user.pk if user.is_authenticated else None
    with connection.cursor() as cursor:
        cursor.execute(sql, [reader, *scalar_params, *params])
        return tuple(cursor.fetchone())


def _key(request: HttpRequest, name: str, stamp: Hashable, state: tuple[object, ...]) -> str:
    parts = (
        name,
        connection.schema_name,
        request.get_host(),
        request.scheme,
        request.LANGUAGE_CODE,
        request.user.pk,
        request.get_full_path(),
        state,
        getattr(REGION_MAP, "_version", None),
        stamp,
    )
    return "page:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_page(
    request: HttpRequest,
    name: str,
    render: Render,
    *,
    rows: QuerySet | None = None,
    expressions: Sequence[Expression] = (),
    stamp: Hashable = (),
) -> HttpResponse:
    """The page `render` answers, from the cache when nothing it shows has changed.

    `render(extra)` renders the page with `extra` added to its template context (the CSRF
    placeholder and the unread count already read). `rows`: a queryset of rows with an
    `updated_at` (saved on every change) that holds every row the page shows, and maybe more:
    their count and latest change are part of the key. `expressions`: scalar SQL whose values
    change whenever anything else the page shows does (`table_stamp`, `rows_where`, the next
    moment a time-dependent page changes), read in the same statement. `stamp`: anything
    else. The key holds everything else the page depends on (module docstring)."""
    if not settings.PAGE_CACHE or request.method != "GET" or len(messages.get_messages(request)):
        return render({})
    state = _state(request, rows, expressions)
    key = _key(request, name, stamp, state)
    cache = caches[CACHE_ALIAS]
    html = cache.get(key)
    if html is None:
        response = render({"csrf_token": TOKEN_PLACEHOLDER, "unread_notifications": state[2]})
        if response.status_code != 200 or response.streaming:
            return _with_token(response, request)
        html = response.content.decode(response.charset)
        cache.set(key, html)
    return HttpResponse(html.replace(TOKEN_PLACEHOLDER, get_token(request)))


def _with_token(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    if not response.streaming:
        placeholder = TOKEN_PLACEHOLDER.encode()
        response.content = response.content.replace(placeholder, get_token(request).encode())
    return response
