"""Who prints an application's documents: the applicant and the application's reviewers.

The same rule for the pages and the API: the person must be of a printing role, and the
application one they see (`workflow.access.access_application`, the dull 404 for strangers and
for other regions). Region admins and the central office read applications but print none.
"""

from django.http import Http404

from core.models import Role, User
from workflow.access import access_application
from workflow.models import Application

PRINTING_ROLES = frozenset(
    {Role.APPLICANT, Role.UNIT_ADMIN, Role.AUTHORITY_REVIEWER, Role.COMMITTEE_STAFF}
)


def printable_application(user: User, number: str) -> Application:
    """The application `number` if the user may print its documents, else 404."""
    if not user.is_authenticated or user.role not in PRINTING_ROLES:
        raise Http404
    return access_application(user, number)
