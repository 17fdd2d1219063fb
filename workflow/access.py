"""Fetching an application for a user: the same dull 404 for "missing" and "not yours"."""

from django.db.models import QuerySet
from django.http import Http404

from core.models import Role, User
from workflow.models import Application
from workflow.reviewers import reviewable_filter


def applications_visible_to(user: User) -> QuerySet[Application]:
    """The applications of this region the user may see: an applicant's own; for a reviewing
    organization, those that name it (its queue and 申请书查询)."""
    queryset = Application.objects.select_related(
        "offering__committee",
        "qualification__specialty__series",
        "unit",
        "flow",
        "applicant",
    )
    if user.role == Role.APPLICANT:
        return queryset.filter(applicant=user)
    condition = reviewable_filter(user)
    return queryset.filter(condition) if condition is not None else queryset.none()


def access_application(user: User, number: str) -> Application:
    if not user.is_authenticated:
        raise Http404
    application = applications_visible_to(user).select_related("form").filter(number=number).first()
    if application is None:
        raise Http404
    return application
