"""Names of the nodes of an application's flow."""

from django.utils.translation import gettext as _

from workflow.models import Application, NodeKind


def node_label(application: Application) -> str:
    """Where the application is now, as the manual shows it: 申请人 while editable, else the
    current node's name."""
    if application.current_node is None:
        return _("申请人")
    node = application.flow.nodes[application.current_node]
    if node["kind"] == NodeKind.AUTHORITY:
        return node.get("name", "")
    if node["kind"] == NodeKind.COMMITTEE:
        return application.offering.committee.name
    return str(NodeKind(node["kind"]).label)
