"""The committee's applications after formal review, as its result pages list them."""

from django.db.models import QuerySet

from core.models import User
from workflow.models import Application
from workflow.reviewers import committee_ids_of


def committee_applications(user: User) -> QuerySet[Application]:
    """Applications of the user's committees, with what a list row shows, by number."""
    return (
        Application.objects.filter(offering__committee_id__in=committee_ids_of(user))
        .select_related("applicant", "unit", "qualification__specialty__series")
        .order_by("number")
    )
