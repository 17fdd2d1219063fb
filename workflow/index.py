"""Keeping the public application index in step with the region's row (same transaction)."""

from django.conf import settings
from django.utils import timezone, translation

from core.models import ApplicationIndex
from tenants.crossing import current_region
from workflow.models import Application
from workflow.nodes import node_label


def application_label(application: Application, region_name: str) -> str:
    """The manual's form: `[乌鲁木齐市][中级]中小学教师/二级教师`."""
    return f"[{region_name}]{application.qualification.label}"


def index_write(application: Application) -> ApplicationIndex:
    """Create or refresh the index row; the caller's transaction covers both writes.

    Its labels are stored in the platform's language (the catalog's and the committees' names
    are Chinese data), never in whatever language the acting person happens to use.
    """
    region = current_region()
    with translation.override(settings.LANGUAGE_CODE):
        label = application_label(application, region.name)
        node = node_label(application)
    row, _created = ApplicationIndex.objects.update_or_create(
        number=application.number,
        defaults={
            "region": region,
            "applicant_id": application.applicant_id,
            "unit_id": application.unit_id,
            "qualification_id": application.qualification_id,
            "year": application.year,
            "label": label,
            "committee_name": application.offering.committee.name,
            "status": application.status,
            "current_node": node,
            "closes_at": application.offering.closes_at,
            "updated_at": timezone.now(),
        },
    )
    return row
