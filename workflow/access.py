"""Fetching an application for a user: the same dull 404 for "missing" and "not yours"."""

from django.db.models import QuerySet
from django.http import Http404

from core.models import User
from workflow.models import Application


def applications_visible_to(user: User) -> QuerySet[Application]:
    """The applications of this region the user may see: an applicant's own."""
    queryset = Application.objects.select_related(
        "offering__committee", "qualification__specialty__series", "unit", "flow", "form"
    )
    return queryset.filter(applicant=user)


def access_application(user: User, number: str) -> Application:
    if not user.is_authenticated:
        raise Http404
    application = applications_visible_to(user).filter(number=number).first()
    if application is None:
        raise Http404
    return application
