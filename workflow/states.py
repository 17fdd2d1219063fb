"""The states of an application (DESIGN.md §3). The transitions between them live in
workflow.transitions; nothing else sets a status. The codes are defined beside the public index
(core.models.applications), which stores them too."""

from core.models.applications import Status

__all__ = ["EDITABLE", "TERMINAL", "Status"]

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
TERMINAL = frozenset({Status.REJECTED, Status.CERTIFIED})
