"""Public-schema models, one module per subject; import them from here."""

from .audit import AuditEvent, AuditKind
from .blobs import Blob, BlobType, LibraryItem
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
    "Blob",
    "BlobType",
    "ChangeStatus",
    "HandoffTicket",
    "LibraryItem",
    "Role",
    "Unit",
    "UnitChangeRequest",
    "UnitNature",
    "User",
]
