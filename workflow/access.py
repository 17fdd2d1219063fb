"""Fetching an application for a user: the same dull 404 for "missing" and "not yours".

The rule (core.access for the realm, workflow.reviewers for the reviewing organizations):
- an applicant sees their own applications, in any region;
- a unit admin those naming their unit, in any region;
- an authority reviewer those routed to its organization once they reached it, in any region;
- committee staff, in their region only, their committees' applications once they reached the
  committee (and after: passed, rejected, returned by it);
- a region admin every application of their region, the central office every application of
  every region: reading only.
"""

from django.db.models import QuerySet
from django.http import Http404

from core.access import ACTING_ROLES, may_act_in_region
from core.models import Role, User
from tenants.crossing import current_region_code
from workflow.models import Application
from workflow.reviewers import reviewable_filter


def applications_visible_to(user: User) -> QuerySet[Application]:
    """The applications of this region (the connection's) the user may see."""
    queryset = Application.objects.select_related(
        "offering__committee",
        "qualification__specialty__series",
        "unit",
        "flow",
        "applicant",
    )
    if not may_act_in_region(user, current_region_code()):
        return queryset.none()
    if user.role == Role.APPLICANT:
        return queryset.filter(applicant=user)
    if user.role in (Role.REGION_ADMIN, Role.CENTRAL_OFFICE):
        return queryset
    condition = reviewable_filter(user)
    return queryset.filter(condition) if condition is not None else queryset.none()


def access_application(user: User, number: str, *, for_write: bool = False) -> Application:
    """The application `number` of this region if the user may see it (`for_write`: and is
    one of those who act on applications; region admins and the central office only read),
    else the same 404 as for a number that does not exist."""
    if not user.is_authenticated or (for_write and user.role not in ACTING_ROLES):
        raise Http404
    application = applications_visible_to(user).select_related("form").filter(number=number).first()
    if application is None:
        raise Http404
    return application
