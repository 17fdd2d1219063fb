"""Recording events in the append-only audit log: identity events, 查询记录 — who read an
application, its ID scan or a printed form, or exported it (the applicant's access log) — and
the retention purge.

Every event carries who (actor, username), from where (the client's address through
core.identity.network, trusting TRUSTED_PROXY_COUNT proxies), when, and the region. Events are
kept AUDIT_RETENTION_DAYS (never fewer than MINIMUM_RETENTION_DAYS, 等保 2.0: six months);
`manage.py purge_audit_log` removes older ones, the only deletion the database lets through.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import connection
from django.db.models import QuerySet
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils import timezone

from core.identity.network import client_ip
from core.models import (
    ACCESS_KINDS,
    ApplicationIndex,
    AuditEvent,
    AuditKind,
    Authority,
    OrgKind,
    Role,
    Unit,
    User,
)
from tenants.models import Region


def audit_record(
    kind: str,
    *,
    request: HttpRequest | None = None,
    actor: User | None = None,
    username: str = "",
    success: bool = True,
    **detail: Any,
) -> AuditEvent:
    """Append one event; the region is the schema the request or task is in."""
    if actor is not None and not username:
        username = actor.username
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor if actor is not None and actor.pk else None,
        username=username,
        ip_address=client_ip(request),
        region_code=connection.schema_name,
        success=success,
        detail=detail,
    )


MINIMUM_RETENTION_DAYS = 180


def audit_retention_days() -> int:
    """The retention in force: the setting, but never below the legal minimum (the database
    trigger refuses to delete younger rows anyway)."""
    return max(int(settings.AUDIT_RETENTION_DAYS), MINIMUM_RETENTION_DAYS)


def audit_purge(*, now: datetime | None = None) -> int:
    """Delete the events older than the retention; how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=audit_retention_days())
    deleted, _per_model = AuditEvent.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@receiver(user_logged_in)
def _logged_in(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    # A login other than by password names its way (`request.login_via`, e.g. "wechat").
    via = getattr(request, "login_via", "")
    audit_record(AuditKind.LOGIN, request=request, actor=user, **({"via": via} if via else {}))


@receiver(user_login_failed)
def _login_failed(
    sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: object
) -> None:
    audit_record(
        AuditKind.LOGIN_FAILED,
        request=request,
        username=str(credentials.get("username", ""))[:150],
        success=False,
    )


@receiver(user_locked_out)
def _locked_out(
    sender: object,
    request: HttpRequest | None = None,
    username: str = "",
    ip_address: str = "",
    **kwargs: object,
) -> None:
    audit_record(AuditKind.LOCKOUT, request=request, username=(username or "")[:150], success=False)


# --- 查询记录: reads of an application by someone other than its applicant ----------------------


@dataclass(frozen=True)
class Reader:
    """Who read, for which organization: the role's organization as a code and its id, and a
    committee's name (the application's committee, which only the region's schema knows)."""

    user: User
    org_kind: str
    org_id: int | None
    org_name: str = ""


def reader_of(user: User, *, committee_id: int | None = None, committee_name: str = "") -> Reader:
    """The organization a person reads for: their unit, authority, the application's committee,
    their region (admins) or the central office. No query: names of units, authorities and
    regions are read with the log (`access_entries`)."""
    if user.role == Role.UNIT_ADMIN:
        return Reader(user, OrgKind.UNIT, user.unit_id)
    if user.role == Role.AUTHORITY_REVIEWER:
        return Reader(user, OrgKind.AUTHORITY, user.authority_id)
    if user.role == Role.COMMITTEE_STAFF:
        return Reader(user, OrgKind.COMMITTEE, committee_id, committee_name)
    if user.role == Role.REGION_ADMIN:
        return Reader(user, OrgKind.REGION_ADMIN, user.region_id)
    return Reader(user, Role.CENTRAL_OFFICE, None)


@dataclass(frozen=True)
class Read:
    """One application read: its number, its applicant, the region it is in."""

    number: str
    owner_id: int
    region_code: str


def record_reads(
    kind: str,
    reader: Reader,
    reads: Iterable[Read],
    *,
    request: HttpRequest | None = None,
    **detail: Any,
) -> int:
    """Append one 查询记录 event per application read by someone other than its applicant, all
    in ONE insert (a list, an export, a merged print job), never one per row. Returns how many
    were recorded."""
    events = [
        AuditEvent(
            kind=kind,
            actor=reader.user,
            username=reader.user.username,
            ip_address=client_ip(request),
            region_code=read.region_code,
            detail=detail,
            application_number=read.number,
            owner_id=read.owner_id,
            org_kind=reader.org_kind,
            org_id=reader.org_id,
            org_name=reader.org_name[:128],
        )
        for read in reads
        if read.owner_id != reader.user.pk
    ]
    if events:
        AuditEvent.objects.bulk_create(events, batch_size=5000)
    return len(events)


def record_reads_of_index(
    kind: str, reader: Reader, rows: QuerySet[ApplicationIndex], **detail: Any
) -> int:
    """Record a read of every index row of `rows` (an export of a filtered list) in ONE
    `INSERT … SELECT` however many there are: the rows never travel to Python."""
    selected = (
        rows.exclude(applicant_id=reader.user.pk)
        .order_by()
        .values_list("number", "applicant_id", "region__schema_name")
    )
    select_sql, select_params = selected.query.sql_with_params()
    quote = connection.ops.quote_name
    columns = [
        "kind", "actor_id", "username", "success", "detail", "created_at", "org_kind",
        "org_id", "org_name", "application_number", "owner_id", "region_code",
    ]  # fmt: skip
    constants = [
        kind,
        reader.user.pk,
        reader.user.username,
        True,
        json.dumps(detail, ensure_ascii=False),
        timezone.now(),
        reader.org_kind,
        reader.org_id,
        reader.org_name[:128],
    ]
    # The SELECT is the ORM's (its values are parameters); the constants lead it as parameters.
    sql = " ".join(
        [
            "INSERT INTO",
            quote(AuditEvent._meta.db_table),
            f"({', '.join(map(quote, columns))})",
            "SELECT %s, %s, %s, %s, %s::jsonb, %s, %s, %s, %s, picked.* FROM (",
            select_sql,
            ") AS picked",
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*constants, *select_params])
        return cursor.rowcount


def access_log(owner: User) -> QuerySet[AuditEvent]:
    """The applicant's 查询记录: reads of their applications by others, newest first."""
    return (
        AuditEvent.objects.filter(owner=owner, kind__in=ACCESS_KINDS)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )


def access_entries(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """Lines of 查询记录 in the reader's language: when, who, for which organization, what, and
    which application (one query per kind of organization named, never one per line)."""
    events = list(events)
    wanted: dict[str, set[int]] = {}
    for event in events:
        if not event.org_name and event.org_id is not None:
            wanted.setdefault(event.org_kind, set()).add(event.org_id)
    names: dict[tuple[str, int], str] = {}
    for kind, model in (
        (OrgKind.UNIT, Unit),
        (OrgKind.AUTHORITY, Authority),
        (OrgKind.REGION_ADMIN, Region),
    ):
        if wanted.get(kind):
            found = model.objects.in_bulk(wanted[kind])
            names.update(((kind, pk), obj.name) for pk, obj in found.items())
    central = str(Role.CENTRAL_OFFICE.label)
    return [
        {
            "at": event.created_at,
            "who": event.actor.display_name if event.actor else event.username,
            "organization": event.org_name
            or names.get((event.org_kind, event.org_id), "")
            or (central if event.org_kind == Role.CENTRAL_OFFICE else ""),
            "organization_kind": event.org_kind,
            "what": str(AuditKind(event.kind).label),
            "kind": event.kind,
            "number": event.application_number,
            "region": event.region_code,
        }
        for event in events
    ]


@receiver(user_logged_out)
def _logged_out(
    sender: object, request: HttpRequest | None, user: User | None, **kwargs: object
) -> None:
    if user is not None:
        audit_record(AuditKind.LOGOUT, request=request, actor=user)
