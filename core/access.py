"""Who may use what where: the one rule that pages and the API both ask (issue 11, part 3).

`route_answer(user, region_code, roles)` decides every route: the page decorator
`region_role_required` and the API's permission `RegionAccess` call it and turn its answer into
the same response — sign in (a page redirects to the login, the API says 401), or a dull 404
that never tells "not in this region" from "not for you" from "does not exist".

The realm part, `may_act_in_region`: applicants, unit admins, authority reviewers and the
central office act in every region (an applicant applies anywhere, a unit's people apply in
自治区, an authority recommends wherever its units' applications go); committee staff and region
admins only in their own.

Which *applications* a person sees in a region is `workflow.access.applications_visible_to`,
which asks `may_act_in_region` first and then the role's own rule.
"""

from collections.abc import Callable, Collection
from enum import StrEnum
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from rest_framework.permissions import SAFE_METHODS, BasePermission

from core.models import Role, User
from tenants.crossing import current_region_code
from tenants.directory import PUBLIC_CODE
from tenants.models import Region

View = Callable[..., HttpResponse]

EVERYONE = frozenset(Role.values)
# Accounts that belong to one region (`User.region`): staff of that region's organizations.
REGION_BOUND_ROLES = frozenset({Role.REGION_ADMIN, Role.AUTHORITY_REVIEWER, Role.COMMITTEE_STAFF})
# Of those, the ones that act in no other region. An authority reviewer is not among them: it
# reviews what is routed to its organization wherever that application is.
CONFINED_ROLES = frozenset({Role.REGION_ADMIN, Role.COMMITTEE_STAFF})
# Roles that read applications and never change one.
READ_ONLY_ROLES = frozenset({Role.REGION_ADMIN, Role.CENTRAL_OFFICE})
# Roles that act on applications: the applicant on their own, the reviewers at their node.
ACTING_ROLES = EVERYONE - READ_ONLY_ROLES
REVIEWER_ROLES = frozenset({Role.UNIT_ADMIN, Role.AUTHORITY_REVIEWER, Role.COMMITTEE_STAFF})


class Answer(StrEnum):
    ALLOW = "allow"
    SIGN_IN = "sign_in"  # anonymous: pages redirect to the login, the API answers 401
    NOT_FOUND = "not_found"  # the same dull 404 as for what does not exist


def may_act_in_region(user: User, region_code: str) -> bool:
    """Whether the user works in this region at all (the public site is everyone's)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if region_code == PUBLIC_CODE or user.role not in CONFINED_ROLES:
        return True
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Region) and tenant.schema_name == region_code:
        return user.region_id == tenant.pk  # the request's own region: no query
    return user.region is not None and user.region.schema_name == region_code


def regions_of(user: User) -> list[str] | None:
    """The codes of the regions the user may act in; None means every region."""
    if user.role in CONFINED_ROLES:
        return [user.region.schema_name] if user.region is not None else []
    return None


def route_answer(user: User, region_code: str, roles: Collection[str] | None) -> Answer:
    """THE rule for a route on a host: who is asking, in which region, and whom the route is
    for. `roles` None marks a route of the person's own things (profile, notifications, 附件库):
    any signed-in person, on every host. Otherwise the person needs one of `roles` and must
    act in this region; what they then see of its objects is the objects' own rule."""
    if not user.is_authenticated or not user.is_active:
        return Answer.SIGN_IN
    if roles is None:
        return Answer.ALLOW
    if user.role not in roles or not may_act_in_region(user, region_code):
        return Answer.NOT_FOUND
    return Answer.ALLOW


def region_role_required(*roles: str) -> Callable[[View], View]:
    """A page for the given roles acting in the region of the request's host (`route_answer`).

    Anonymous users go to the login page; anyone else without the role here gets the same
    dull 404 as for a page that does not exist (never reveal another region's pages).
    """

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            answer = route_answer(request.user, request.tenant.schema_name, roles)
            if answer == Answer.SIGN_IN:
                return redirect_to_login(request.get_full_path())
            if answer == Answer.NOT_FOUND:
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class RegionAccess(BasePermission):
    """The API's side of `route_answer` (the default permission of every API view).

    A view names whom it is for with `access_roles` (reading) and `write_roles` (POST, PUT,
    PATCH, DELETE; the same as `access_roles` unless given); a view naming neither serves a
    signed-in person's own things on every host, as IsAuthenticated did. Anonymous: 401; not
    for this person here: the dull 404 of the pages, never 403.
    """

    def has_permission(self, request, view) -> bool:
        roles = getattr(view, "access_roles", None)
        if request.method not in SAFE_METHODS:
            roles = getattr(view, "write_roles", roles)
        answer = route_answer(request.user, current_region_code(), roles)
        if answer == Answer.NOT_FOUND:
            raise Http404
        return answer == Answer.ALLOW
