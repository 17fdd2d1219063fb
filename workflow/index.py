"""Keeping the public application index in step with the region's row (same transaction)."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from core.models import ApplicationIndex, Qualification
from tenants.crossing import current_region
from workflow.models import Application, Committee
from workflow.nodes import node_kind_at, waiting_org


def index_fields(application: Application) -> dict[str, Any]:
    """The index row's values for an application (codes, never labels: lists render them in
    their reader's language); `region` and `updated_at` are the caller's."""
    org_kind, org_id = waiting_org(application)
    at_node = bool(org_kind)
    return {
        "applicant_id": application.applicant_id,
        "unit_id": application.unit_id,
        "qualification_id": application.qualification_id,
        "year": application.year,
        "committee_id": application.offering.committee_id,
        "committee_name": application.offering.committee.name,
        "committee_name_en": application.offering.committee.name_en,
        "committee_name_ug": application.offering.committee.name_ug,
        "offering_id": application.offering_id,
        "status": application.status,
        "node_index": application.current_node if at_node else None,
        "node_kind": node_kind_at(application, application.current_node) if at_node else "",
        "waiting_org_kind": org_kind,
        "waiting_org_id": org_id,
        "closes_at": application.offering.closes_at,
        "submitted_at": application.submitted_at,
    }


def _series_and_level(application: Application) -> tuple[int, str]:
    """The qualification's series and level: from the objects the caller loaded, else one
    query (a new row, or a requalification to another qualification)."""
    if Application.qualification.is_cached(application):
        qualification = application.qualification
        if Qualification.specialty.is_cached(qualification):
            return qualification.specialty.series_id, qualification.level
    series_id, level = Qualification.objects.values_list("specialty__series_id", "level").get(
        pk=application.qualification_id
    )
    return series_id, level


def index_write(application: Application) -> ApplicationIndex:
    """Create or refresh the index row; the caller's transaction covers both writes (a caller
    without one, such as a demo loader, gets one of its own for the row's lock).

    `waiting_since` moves when the status or the node does (the oversight pages' waits); the
    series and level are looked up only when the qualification is new to the row."""
    with transaction.atomic():
        return _index_write(application)


def _index_write(application: Application) -> ApplicationIndex:
    fields = index_fields(application)
    now = timezone.now()
    row = ApplicationIndex.objects.select_for_update().filter(number=application.number).first()
    new = row is None
    if row is None:
        row = ApplicationIndex(
            number=application.number,
            applicant_name=application.applicant.display_name[:64],
            created_at=application.created_at or now,
            waiting_since=now,
        )
    elif (row.status, row.node_index) != (fields["status"], fields["node_index"]):
        row.waiting_since = now
    if row.qualification_id != fields["qualification_id"] or row.series_id is None:
        row.series_id, row.level = _series_and_level(application)
    for name, value in fields.items():
        setattr(row, name, value)
    row.region = current_region()
    row.updated_at = now
    row.save(force_insert=new)
    return row


def index_committee_names(committee: Committee) -> int:
    """After a committee is renamed or translated: the index rows of this region naming it
    take its names (the index is read without entering the region)."""
    return ApplicationIndex.objects.filter(
        region=current_region(), committee_id=committee.pk
    ).update(
        committee_name=committee.name,
        committee_name_en=committee.name_en,
        committee_name_ug=committee.name_ug,
    )
