"""Who reviews an application at its current node, and which applications a reviewer sees."""

from django.db.models import CharField, Exists, F, Func, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

from core.models import ApplicationIndex, OrgKind, Role, User
from workflow.models import Application, CommitteeStaff, NodeKind, TransitionRecord
from workflow.states import EDITABLE, Status


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


# Statuses an application reaches only past the end of its flow, that is through its committee
# (formal review and everything after it; a rejection is the committee's or the meeting's).
PAST_THE_FLOW = frozenset(Status.values) - EDITABLE - {Status.IN_REVIEW}


def _node_text(key: str, *, nodes=None, index=None) -> Func:
    """`key` of a node of the flow, as text, read in SQL: by default the node the application
    is at now; `nodes` and `index` name another flow and index (a history record's)."""
    return Func(
        F("flow__nodes") if nodes is None else nodes,
        Cast("current_node", CharField()) if index is None else index,
        Value(key),
        function="jsonb_extract_path_text",
        output_field=CharField(),
    )


def _at_current_node(key: str) -> Func:
    """`key` of the node an application is at, as text, read in SQL from its flow's nodes."""
    return _node_text(key)


def _waits_at(kind: str, authority_id: int | None = None) -> Q:
    """In review at a node of this kind now (and, for a fixed authority, that authority's)."""
    condition = Q(status=Status.IN_REVIEW) & Q(Exact(_at_current_node("kind"), kind))
    if authority_id is not None:
        condition &= Q(Exact(_at_current_node("authority_id"), str(authority_id)))
    return condition


def _arrived_at(kind: str, authority_id: int | None = None) -> Exists:
    """The history shows the application arriving at a node of this kind (of this authority):
    every arrival goes through apply_transition, which records the node it reached."""
    records = TransitionRecord.objects.filter(application=OuterRef("pk"), to_node_kind=kind)
    if authority_id is not None:
        node_authority = _node_text(
            "authority_id",
            nodes=OuterRef("flow__nodes"),
            index=Cast("to_node_index", CharField()),
        )
        records = records.filter(Exact(node_authority, str(authority_id)))
    return Exists(records)


def reached_committee() -> Q:
    """Applications that have reached their committee's node: waiting there now, past the
    flow, or arrived there before (returned by the committee since). Never a draft that was
    never submitted, nor one still on its way."""
    return (
        _waits_at(NodeKind.COMMITTEE)
        | Q(status__in=PAST_THE_FLOW)
        | Q(_arrived_at(NodeKind.COMMITTEE))
    )


def reached_authority(authority_id: int) -> Q:
    """Applications routed to this authority that have reached it: recommended to it (as
    recommending unit, `recommending_unit` is set when the unit recommends), or with it as a
    fixed node of the flow and waiting there, past the flow, or arrived there before."""
    fixed = Q(flow__nodes__contains=[{"authority_id": authority_id}]) & (
        _waits_at(NodeKind.AUTHORITY, authority_id)
        | Q(status__in=PAST_THE_FLOW)
        | Q(_arrived_at(NodeKind.AUTHORITY, authority_id))
    )
    return Q(recommending_unit_id=authority_id) | fixed


def reviewable_filter(user: User) -> Q | None:
    """The applications of this region a reviewing organization may see (its 申请书查询, the
    review page and the API): a unit those naming it; an authority those routed to it once
    they reached it; a committee its own once they reached it. None: not a reviewer."""
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return Q(unit_id=user.unit_id)
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return reached_authority(user.authority_id)
    if user.role == Role.COMMITTEE_STAFF:
        return Q(offering__committee_id__in=committee_ids_of(user)) & reached_committee()
    return None


def waiting_for(user: User, applications: QuerySet[Application]) -> QuerySet[Application]:
    """Of those, the ones now at a node the user reviews (申请书审核), as one query, so that
    thousands of waiting applications are paged in the database. The same rules as
    `reviews_node`, in SQL: the node's kind and organization are read from the flow."""
    waiting = applications.filter(status=Status.IN_REVIEW)
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return waiting.filter(current_node=0, unit_id=user.unit_id)  # the base unit is first
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return waiting.filter(
            Q(
                Exact(_at_current_node("kind"), NodeKind.RECOMMENDING_UNIT),
                recommending_unit_id=user.authority_id,
            )
            | _waits_at(NodeKind.AUTHORITY, user.authority_id)
        )
    if user.role == Role.COMMITTEE_STAFF:
        return waiting.filter(
            _waits_at(NodeKind.COMMITTEE), offering__committee_id__in=committee_ids_of(user)
        )
    return waiting.none()


def waiting_in_every_region(user: User) -> QuerySet[ApplicationIndex] | None:
    """The public index's rows of every region now waiting at the user's organization, for
    the roles whose queue spans regions (authority reviewers: a Kashgar unit's application in
    自治区 still goes through its Kashgar authority); None for the others, whose queue is the
    region's own (`waiting_for`)."""
    if user.role != Role.AUTHORITY_REVIEWER:
        return None
    if not user.authority_id:
        return ApplicationIndex.objects.none()
    return ApplicationIndex.objects.filter(
        status=Status.IN_REVIEW,
        waiting_org_kind=OrgKind.AUTHORITY,
        waiting_org_id=user.authority_id,
    )
