"""What a user may do where: the one place that answers "may this user act in this region?"."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from core.models import Role, User

View = Callable[..., HttpResponse]

# Roles that belong to one region; everyone else works in every region.
REGION_BOUND_ROLES = frozenset({Role.REGION_ADMIN, Role.AUTHORITY_REVIEWER, Role.COMMITTEE_STAFF})


def may_act_in_region(user: User, region_code: str) -> bool:
    """Applicants, unit admins and the central office act everywhere; staff in their region."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.role in REGION_BOUND_ROLES:
        return user.region is not None and user.region.schema_name == region_code
    return True


def regions_of(user: User) -> list[str] | None:
    """The codes of the regions the user may act in; None means every region."""
    if user.role in REGION_BOUND_ROLES:
        return [user.region.schema_name] if user.region is not None else []
    return None


def region_role_required(*roles: str) -> Callable[[View], View]:
    """A page for the given roles acting in the region of the request's host.

    Anonymous users go to the login page; anyone else without the role here gets the same
    dull 404 as for a page that does not exist (never reveal another region's pages).
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.user.role not in roles or not may_act_in_region(
                request.user, request.tenant.schema_name
            ):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
