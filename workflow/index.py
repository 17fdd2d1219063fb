"""Keeping the public application index in step with the region's row (same transaction)."""

from django.utils import timezone

from core.models import ApplicationIndex
from tenants.crossing import current_region
from workflow.models import Application
from workflow.nodes import node_label


def application_label(application: Application, region_name: str) -> str:
    """The manual's form: `[乌鲁木齐市][中级]中小学教师/二级教师`."""
    qualification = application.qualification
    return (
        f"[{region_name}][{qualification.get_level_display()}]"
        f"{qualification.specialty.series.name}/{qualification.name}"
    )


def index_write(application: Application) -> ApplicationIndex:
    """Create or refresh the index row; the caller's transaction covers both writes."""
    region = current_region()
    row, _created = ApplicationIndex.objects.update_or_create(
        number=application.number,
        defaults={
            "region": region,
            "applicant_id": application.applicant_id,
            "unit_id": application.unit_id,
            "qualification_id": application.qualification_id,
            "year": application.year,
            "label": application_label(application, region.name),
            "committee_name": application.offering.committee.name,
            "status": application.status,
            "current_node": node_label(application),
            "closes_at": application.offering.closes_at,
            "updated_at": timezone.now(),
        },
    )
    return row
