"""What a user may do where: the one place that answers "may this user act in this region?"."""

from core.models import Role, User

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
