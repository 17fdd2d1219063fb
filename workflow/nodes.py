"""Where an application is in its pinned flow, as codes, and the labels of those codes.

Stored: the status, the node index and kind, the organization it waits at (kind and id).
Rendered when read, in the reader's language: `position_label`.
"""

from django.utils.translation import gettext as _

from core.models import OrgKind
from workflow.models import Application, NodeKind
from workflow.states import EDITABLE, Status


def node_at(application: Application, index: int | None) -> dict | None:
    """The node of the pinned flow at `index` (None: not at a node)."""
    if index is None:
        return None
    nodes = application.flow.nodes
    return nodes[index] if 0 <= index < len(nodes) else None


def node_kind_at(application: Application, index: int | None) -> str:
    node = node_at(application, index)
    return node["kind"] if node else ""


def waiting_org(application: Application) -> tuple[str, int | None]:
    """The organization an application now waits at, as (OrgKind, id); ("", None) when it
    waits at no reviewer (editable, or past the flow)."""
    if application.status != Status.IN_REVIEW:
        return "", None
    node = node_at(application, application.current_node)
    if node is None:
        return "", None
    kind = node["kind"]
    if kind == NodeKind.BASE_UNIT:
        return OrgKind.UNIT, application.unit_id
    if kind == NodeKind.RECOMMENDING_UNIT:
        return OrgKind.AUTHORITY, application.recommending_unit_id
    if kind == NodeKind.AUTHORITY:
        return OrgKind.AUTHORITY, node.get("authority_id")
    return OrgKind.COMMITTEE, application.offering.committee_id


def position_label(application: Application, status: str, index: int | None) -> str:
    """Where an application stood, as the manual names it: 申请人 while it is with the
    applicant, the node's name while in review, else the state it reached (通过形式审核...)."""
    node = node_at(application, index) if status == Status.IN_REVIEW else None
    if node is None:
        if status in EDITABLE:
            return _("申请人")
        return str(Status(status).label)
    if node["kind"] == NodeKind.AUTHORITY:
        return node.get("name", "") or str(NodeKind.AUTHORITY.label)
    if node["kind"] == NodeKind.COMMITTEE:
        return application.offering.committee.local_name
    return str(NodeKind(node["kind"]).label)


def node_label(application: Application) -> str:
    """Where the application is now (see `position_label`)."""
    return position_label(application, application.status, application.current_node)


def sender_label(application: Application) -> str:
    """Who sent the application to the node it waits at: 申请人 for the first node, else the
    node before it (after the unit recommends, it came from the 基层工作单位)."""
    index = application.current_node
    if not index:
        return _("申请人")
    return position_label(application, Status.IN_REVIEW, index - 1)
