"""Public-schema models, one module per subject; import them from here."""

from .applications import ApplicationIndex, AttachmentUse
from .audit import ACCESS_KINDS, AuditEvent, AuditKind
from .blobs import Blob, BlobType, LibraryItem
from .catalog import (
    LEVEL_ORDER,
    ConditionSet,
    Level,
    Qualification,
    SectionForm,
    Series,
    Specialty,
)
from .certificates import (
    CertificateCounter,
    CertificateEntry,
    CertificateStatus,
    CertificateVerification,
)
from .identity import HandoffTicket, Role, User, WechatBinding
from .notifications import Notification
from .organizations import (
    Authority,
    AuthorityKind,
    ChangeStatus,
    OrgKind,
    Unit,
    UnitChangeRequest,
    UnitNature,
)
from .pagecache import ReferenceVersion
from .recovery import AccountAppeal, AppealKind, SmsCode

__all__ = [
    "ACCESS_KINDS",
    "LEVEL_ORDER",
    "AccountAppeal",
    "AppealKind",
    "ApplicationIndex",
    "AttachmentUse",
    "AuditEvent",
    "AuditKind",
    "Authority",
    "AuthorityKind",
    "Blob",
    "BlobType",
    "CertificateCounter",
    "CertificateEntry",
    "CertificateStatus",
    "CertificateVerification",
    "ChangeStatus",
    "ConditionSet",
    "HandoffTicket",
    "Level",
    "LibraryItem",
    "Notification",
    "OrgKind",
    "Qualification",
    "ReferenceVersion",
    "Role",
    "SectionForm",
    "Series",
    "SmsCode",
    "Specialty",
    "Unit",
    "UnitChangeRequest",
    "UnitNature",
    "User",
    "WechatBinding",
]
