"""Reading the public application index: its codes rendered in the reader's language."""

from collections.abc import Iterable

from core.models import ApplicationIndex, Authority, OrgKind


def with_positions(rows: Iterable[ApplicationIndex]) -> list[ApplicationIndex]:
    """Give each row a `position`: the organization it waits at while in review (one query for
    all the authorities named), else its status; rows should come with `unit` selected."""
    rows = list(rows)
    authority_ids = {r.waiting_org_id for r in rows if r.waiting_org_kind == OrgKind.AUTHORITY}
    authorities = Authority.objects.in_bulk(authority_ids) if authority_ids else {}
    for row in rows:
        name = ""
        if row.waiting_org_kind == OrgKind.UNIT:
            name = row.unit.name
        elif row.waiting_org_kind == OrgKind.AUTHORITY:
            authority = authorities.get(row.waiting_org_id)
            name = authority.name if authority else ""
        elif row.waiting_org_kind == OrgKind.COMMITTEE:
            name = row.committee_label
        row.position = name or row.status_label
    return rows
