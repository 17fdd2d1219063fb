"""Who reviews an application at its current node, and which applications a reviewer sees."""

from django.db.models import Q, QuerySet

from core.models import Role, User
from workflow.models import Application, CommitteeStaff, NodeKind
from workflow.states import Status


def current_node(application: Application) -> dict | None:
    if application.status != Status.IN_REVIEW or application.current_node is None:
        return None
    return application.flow.nodes[application.current_node]


def committee_ids_of(user: User) -> list[int]:
    if user.role != Role.COMMITTEE_STAFF:
        return []
    return list(CommitteeStaff.objects.filter(user=user).values_list("committee_id", flat=True))


def reviews_node(
    user: User, application: Application, node: dict | None, committee_ids: list[int] | None = None
) -> bool:
    """Whether `user` acts for the organization of `node` on this application."""
    if node is None or not user.is_authenticated:
        return False
    kind = node["kind"]
    if kind == NodeKind.BASE_UNIT:
        return user.role == Role.UNIT_ADMIN and user.unit_id == application.unit_id
    if kind == NodeKind.RECOMMENDING_UNIT:
        return (
            user.role == Role.AUTHORITY_REVIEWER
            and user.authority_id is not None
            and user.authority_id == application.recommending_unit_id
        )
    if kind == NodeKind.AUTHORITY:
        return user.role == Role.AUTHORITY_REVIEWER and user.authority_id == node.get(
            "authority_id"
        )
    if kind == NodeKind.COMMITTEE:
        if committee_ids is None:
            committee_ids = committee_ids_of(user)
        return application.offering.committee_id in committee_ids
    return False


def reviews_now(user: User, application: Application) -> bool:
    return reviews_node(user, application, current_node(application))


def reviewer_ids_at_current_node(application: Application) -> list[int]:
    """The accounts to tell when an application arrives at its node."""
    node = current_node(application)
    if node is None:
        return []
    kind = node["kind"]
    users = User.objects.filter(is_active=True)
    if kind == NodeKind.BASE_UNIT:
        users = users.filter(role=Role.UNIT_ADMIN, unit_id=application.unit_id)
    elif kind == NodeKind.RECOMMENDING_UNIT:
        users = users.filter(
            role=Role.AUTHORITY_REVIEWER, authority_id=application.recommending_unit_id
        )
    elif kind == NodeKind.AUTHORITY:
        users = users.filter(role=Role.AUTHORITY_REVIEWER, authority_id=node.get("authority_id"))
    else:
        ids = CommitteeStaff.objects.filter(
            committee_id=application.offering.committee_id
        ).values_list("user_id", flat=True)
        users = users.filter(pk__in=list(ids))
    return list(users.values_list("pk", flat=True))


def reviewable_filter(user: User) -> Q | None:
    """The applications of this region an organization may see (申请书查询); None: none."""
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return Q(unit_id=user.unit_id)
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return Q(recommending_unit_id=user.authority_id) | Q(
            flow__nodes__contains=[{"authority_id": user.authority_id}]
        )
    if user.role == Role.COMMITTEE_STAFF:
        return Q(offering__committee_id__in=committee_ids_of(user))
    return None


def waiting_for(
    user: User, applications: QuerySet[Application], committees: list[int]
) -> QuerySet[Application] | list[Application]:
    """Of those, the ones now at a node the user reviews (申请书审核); no query per row.

    For a base unit this stays a query (the unit is always the first node), so a unit with
    thousands of applications pages through them in the database.
    """
    waiting = applications.filter(status=Status.IN_REVIEW)
    if user.role == Role.UNIT_ADMIN:
        return waiting.filter(current_node=0)
    return [a for a in waiting if reviews_node(user, a, current_node(a), committees)]
