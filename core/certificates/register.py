"""Certificate numbers and their public verification.

A number is `<REGION>-<year>-<sequence>` (URUMQI-2026-00001): the region's code keeps the
numbers of two regions apart, and within a region and year one statement bumps the counter
(INSERT … ON CONFLICT DO UPDATE … RETURNING), so concurrent issuers never get the same one.
"""

from django.db import connection

from core.models import CertificateCounter, CertificateEntry, CertificateVerification
from tenants.models import Region

NAME_MAX = 64
NUMBER_MAX = 64


def next_number(region: Region, year: int) -> str:
    table = connection.ops.quote_name(CertificateCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (region_id, year, last) VALUES (%s, %s, 1) "  # noqa: S608 - quoted name
            f"ON CONFLICT (region_id, year) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [region.pk, year],
        )
        (sequence,) = cursor.fetchone()
    return f"{region.schema_name.upper()}-{year}-{sequence:05d}"


def normalize_number(text: str) -> str:
    return "".join(text.split()).upper()[:NUMBER_MAX]


def verify(number: str, name: str, ip_address: str | None) -> CertificateEntry | None:
    """The register's entry when number and name match (a wrong name is the same "unknown" as
    a wrong number: the number alone tells nothing); every attempt is logged."""
    number, name = normalize_number(number), "".join(name.split())[:NAME_MAX]
    entry = (
        CertificateEntry.objects.select_related("qualification__specialty__series")
        .filter(number=number)
        .first()
        if number and name
        else None
    )
    if entry is not None and "".join(entry.holder_name.split()) != name:
        entry = None
    CertificateVerification.objects.create(
        number=number, name=name, result=entry.status if entry else "", ip_address=ip_address
    )
    return entry
