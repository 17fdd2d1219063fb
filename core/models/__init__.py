"""Public-schema models, one module per subject; import them from here."""

from .audit import AuditEvent, AuditKind
from .identity import HandoffTicket, Role, User
from .organizations import (
    Authority,
    AuthorityKind,
    ChangeStatus,
    Unit,
    UnitChangeRequest,
    UnitNature,
)

__all__ = [
    "AuditEvent",
    "AuditKind",
    "Authority",
    "AuthorityKind",
    "ChangeStatus",
    "HandoffTicket",
    "Role",
    "Unit",
    "UnitChangeRequest",
    "UnitNature",
    "User",
]
