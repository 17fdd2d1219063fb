"""查询记录 of a region's applications: a reviewer, an admin or the central office opened an
application, its ID scan or a printed form (core.audit records it in the public audit log)."""

from django.http import HttpRequest

from core.audit import Read, reader_of, record_reads
from core.models import User
from tenants.crossing import current_region_code
from workflow.models import Application


def record_application_read(
    kind: str,
    user: User,
    applications: list[Application],
    *,
    request: HttpRequest | None = None,
    **detail: object,
) -> int:
    """Record that `user` read these applications of the connection's region (nothing when the
    reader is their applicant); one insert for all of them."""
    if not applications:
        return 0
    committee = applications[0].offering.committee
    reader = reader_of(user, committee_id=committee.pk, committee_name=committee.name)
    region = current_region_code()
    reads = [Read(a.number, a.applicant_id, region) for a in applications]
    return record_reads(kind, reader, reads, request=request, **detail)
