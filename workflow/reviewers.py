"""Who reviews an application at its current node, and which applications a reviewer sees."""

from django.db.models import CharField, F, Func, Q, QuerySet, Value
from django.db.models.functions import Cast

from core.models import Role, User
from workflow.models import Application, CommitteeStaff, NodeKind
from workflow.states import Status


def current_node(application: Application) -> dict | None:
    if application.status != Status.IN_REVIEW or application.current_node is None:
        return None
    return application.flow.nodes[application.current_node]


def committee_ids_of(user: User) -> list[int]:
    """The committees a staff member works for; read once per user object (one request)."""
    if user.role != Role.COMMITTEE_STAFF:
        return []
    cached = getattr(user, "_committee_ids", None)
    if cached is None:
        cached = list(
            CommitteeStaff.objects.filter(user=user).values_list("committee_id", flat=True)
        )
        user._committee_ids = cached
    return cached


def reviews_node(user: User, application: Application, node: dict | None) -> bool:
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
        return application.offering.committee_id in committee_ids_of(user)
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


def _at_current_node(key: str) -> Func:
    """`key` of the node an application is at, as text, read in SQL from its flow's nodes."""
    return Func(
        F("flow__nodes"),
        Cast("current_node", CharField()),
        Value(key),
        function="jsonb_extract_path_text",
        output_field=CharField(),
    )


def waiting_for(user: User, applications: QuerySet[Application]) -> QuerySet[Application]:
    """Of those, the ones now at a node the user reviews (申请书审核), as one query, so that
    thousands of waiting applications are paged in the database. The same rules as
    `reviews_node`, in SQL: the node's kind and organization are read from the flow."""
    waiting = applications.filter(status=Status.IN_REVIEW)
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return waiting.filter(current_node=0, unit_id=user.unit_id)  # the base unit is first
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return waiting.alias(
            node_kind=_at_current_node("kind"), node_authority=_at_current_node("authority_id")
        ).filter(
            Q(node_kind=NodeKind.RECOMMENDING_UNIT, recommending_unit_id=user.authority_id)
            | Q(node_kind=NodeKind.AUTHORITY, node_authority=str(user.authority_id))
        )
    if user.role == Role.COMMITTEE_STAFF:
        return waiting.alias(node_kind=_at_current_node("kind")).filter(
            node_kind=NodeKind.COMMITTEE, offering__committee_id__in=committee_ids_of(user)
        )
    return waiting.none()
