"""The history of an application, read: its codes rendered in the reader's language.

The transition records store codes (action, status, node index and kind, the acting
organization's kind and id, the system actor); whoever reads them gets labels in their own
language, whatever language the actors used.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from django.utils.translation import gettext as _

from core.models import Authority, OrgKind, Unit
from workflow.models import Application, Committee, TransitionRecord
from workflow.nodes import position_label
from workflow.transitions import TABLE, SystemActor

OrgKey = tuple[str, int | None]


def organization_names(application: Application, keys: Iterable[OrgKey]) -> dict[OrgKey, str]:
    """The names of the organizations (kind, id) acted for on this application: one query per
    kind present, none for the application's own unit and committee."""
    keys = set(keys)
    ids: dict[str, set[int]] = {}
    for kind, pk in keys:
        if pk is not None:
            ids.setdefault(kind, set()).add(pk)
    units = {application.unit_id: application.unit}
    committees = {application.offering.committee_id: application.offering.committee}
    if ids.get(OrgKind.UNIT, set()) - set(units):
        units.update(Unit.objects.in_bulk(ids[OrgKind.UNIT]))
    if ids.get(OrgKind.COMMITTEE, set()) - set(committees):
        committees.update(Committee.objects.in_bulk(ids[OrgKind.COMMITTEE]))
    authorities = (
        Authority.objects.in_bulk(ids[OrgKind.AUTHORITY]) if ids.get(OrgKind.AUTHORITY) else {}
    )
    tables = {OrgKind.UNIT: units, OrgKind.AUTHORITY: authorities, OrgKind.COMMITTEE: committees}
    names: dict[OrgKey, str] = {}
    for kind, pk in keys:
        row = tables.get(kind, {}).get(pk)
        if row is None:
            names[(kind, pk)] = str(OrgKind(kind).label)
        else:  # committees are named in the reader's language; units and authorities as typed
            names[(kind, pk)] = row.local_name if kind == OrgKind.COMMITTEE else row.name
    return names


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    action: str
    action_label: str
    actor: str
    organization: str
    org_kind: str
    from_status: str
    to_status: str
    from_node_kind: str
    to_node_kind: str
    from_label: str
    to_label: str
    opinion: str


def history_rows(application: Application) -> list[HistoryRow]:
    """Every transition of the application, oldest first, in the reader's language (two
    queries: the records with their actors, and the authorities they name)."""
    records = list(TransitionRecord.objects.filter(application=application).select_related("actor"))
    names = organization_names(application, [(r.org_kind, r.org_id) for r in records])
    # Before a requalification the application had another flow and committee (maybe in
    # another region): those records are read in the terms they were made in.
    terms: list[object] = []
    then: object = application
    for r in reversed(records):
        terms.append(then)
        if r.action == "requalify" and r.details.get("from_flow") is not None:
            then = SimpleNamespace(
                flow=SimpleNamespace(nodes=r.details["from_flow"]),
                offering=SimpleNamespace(
                    committee_id=r.details.get("from_committee"),
                    committee=SimpleNamespace(
                        name=r.details.get("from_committee_name", ""),
                        local_name=r.details.get("from_committee_name", ""),
                    ),
                ),
            )
    terms.reverse()
    rows = []
    for r, at in zip(records, terms, strict=True):
        transition = TABLE.get(r.action)
        if r.actor is not None:
            actor = r.actor.display_name
        else:
            actor = str(SystemActor(r.system_actor).label) if r.system_actor else _("系统")
        organization = names[(r.org_kind, r.org_id)]
        if at is not application and r.org_kind == OrgKind.COMMITTEE:
            organization = at.offering.committee.local_name
        if r.org_kind == OrgKind.APPLICANT:
            organization = str(OrgKind.APPLICANT.label)
        rows.append(
            HistoryRow(
                at=r.created_at,
                action=r.action,
                action_label=str(transition.label) if transition else r.action,
                actor=actor,
                organization=organization,
                org_kind=r.org_kind,
                from_status=r.from_status,
                to_status=r.to_status,
                from_node_kind=r.from_node_kind,
                to_node_kind=r.to_node_kind,
                from_label=position_label(at, r.from_status, r.from_node_index),
                to_label=position_label(at, r.to_status, r.to_node_index),
                opinion=r.opinion,
            )
        )
    return rows
