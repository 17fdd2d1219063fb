"""Keeping the public application index in step with the region's row (same transaction)."""

from typing import Any

from django.utils import timezone

from core.models import ApplicationIndex
from tenants.crossing import current_region
from workflow.models import Application
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
        "status": application.status,
        "node_index": application.current_node if at_node else None,
        "node_kind": node_kind_at(application, application.current_node) if at_node else "",
        "waiting_org_kind": org_kind,
        "waiting_org_id": org_id,
        "closes_at": application.offering.closes_at,
    }


def index_write(application: Application) -> ApplicationIndex:
    """Create or refresh the index row; the caller's transaction covers both writes."""
    row, _created = ApplicationIndex.objects.update_or_create(
        number=application.number,
        defaults={
            **index_fields(application),
            "region": current_region(),
            "updated_at": timezone.now(),
        },
    )
    return row
