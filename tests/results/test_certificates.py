"""批文 and certificates: approve through a document, issue, verify on the public site (valid,
revoked, unknown), numbers unique under concurrency, and the certificate's PDF."""

import io
import threading
from datetime import date

import pytest
from django.db import connection, transaction
from pypdf import PdfReader

from core.certificates.register import next_number
from core.identity.validators import mask_id_card_number
from core.models import CertificateCounter, CertificateEntry, CertificateVerification, Role
from results.approvals import document_create
from results.certificates import certificate_revoke, certificates_issue
from results.models import Certificate
from tenants.crossing import in_region
from tenants.models import Region
from tests.results.conftest import HOME, last_record, status_of
from tests.support import client_for
from workflow.models import Application
from workflow.states import Status

APPROVAL = {
    "number": "新职称字〔2026〕12号",
    "issued_on": "2026-12-01",
    "issuing_body": "乌鲁木齐市人力资源和社会保障局",
}


@pytest.fixture
def certified(staff, numbers):
    """Three past publicity, approved on one document; two of them certified."""
    with in_region(HOME):
        Application.objects.filter(number__in=numbers[:3]).update(status=Status.PUBLICITY_ENDED)
        document = document_create(staff, APPROVAL, numbers)
        certificates_issue(staff, numbers[:2])
    return document


def _verify(number: str, name: str):
    return client_for("public").get(
        "/api/v1/certificates/verify/", {"number": number, "name": name}
    )


def test_the_approval_document_lists_and_approves_and_certificates_follow(
    certified, staff, numbers
):
    assert [status_of(n) for n in numbers] == [
        Status.CERTIFIED,
        Status.CERTIFIED,
        Status.APPROVED,
        Status.FORMAL_REVIEW_PASSED,
    ]
    assert last_record(numbers[2]).action == "approve"
    assert last_record(numbers[0]).action == "issue_certificate"
    with in_region(HOME):
        first = Certificate.objects.get(application__number=numbers[0])
    assert first.approval_number == APPROVAL["number"]
    year = date.today().year
    assert first.number.startswith(f"URUMQI-{year}-")
    entry = CertificateEntry.objects.get(number=first.number)
    assert (entry.holder_name, entry.application_number) == ("阿丽娅", numbers[0])
    # The document's page, its PDF and the public look-up.
    staff_client = client_for(HOME)
    staff_client.force_login(staff)
    assert "阿丽娅" in staff_client.get(f"/results/approvals/{certified.pk}/").content.decode()
    pdf = staff_client.get(f"/results/approvals/{certified.pk}/document.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    lookup = client_for(HOME).get("/approvals/", {"number": APPROVAL["number"]})
    assert lookup.status_code == 200 and "古丽" in lookup.content.decode()
    assert (
        client_for(HOME).get("/approvals/", {"number": "新职称字〔2026〕99号"}).status_code == 404
    )


def test_verification_says_valid_then_revoked_and_unknown_is_404(certified, staff, numbers):
    with in_region(HOME):
        certificate = Certificate.objects.get(application__number=numbers[0])
    valid = _verify(certificate.number.lower(), "阿丽娅")
    assert valid.status_code == 200
    assert valid.json() | {"revoked_at": None} == {
        "valid": True,
        "status": "valid",
        "qualification": valid.json()["qualification"],
        "level": "intermediate",
        "level_label": "中级",
        "issued_on": certificate.issued_on.isoformat(),
        "approval_number": APPROVAL["number"],
        "revoked_at": None,
    }
    assert _verify(certificate.number, "鲍勃").status_code == 404  # the name must match
    assert _verify("URUMQI-2026-99999", "阿丽娅").status_code == 404
    assert _verify("", "").status_code == 404
    with in_region(HOME):
        certificate_revoke(staff, certificate.pk, {"reason": "弄虚作假，撤销资格。"})
    revoked = _verify(certificate.number, "阿丽娅").json()
    assert (revoked["valid"], revoked["status"]) == (False, "revoked")
    page = client_for("public").get(
        "/certificates/verify/", {"number": certificate.number, "name": "阿丽娅"}
    )
    assert 'data-testid="certificate-revoked"' in page.content.decode()
    assert "弄虚作假" in page.content.decode()
    unknown = client_for("public").get("/certificates/verify/", {"number": "X-1", "name": "阿丽娅"})
    assert (
        unknown.status_code == 404
        and 'data-testid="certificate-unknown"' in unknown.content.decode()
    )
    logged = list(CertificateVerification.objects.order_by("pk").values_list("result", flat=True))
    assert logged == ["valid", "", "", "revoked", "revoked", ""]  # the empty question is not logged


def test_guessing_holders_names_is_throttled_on_the_page_and_the_api_alike(
    certified, numbers, settings
):
    """Thirty tries a minute per address (page and API share the count): an HR office checking
    a pile by hand never meets it, a script guessing names does, and is not logged past it."""
    from django.core.cache import cache

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "verify": "3/min",
        },
    }
    cache.clear()
    with in_region(HOME):
        number = Certificate.objects.get(application__number=numbers[0]).number
    page = client_for("public")
    assert page.get("/certificates/verify/").status_code == 200  # the empty form costs nothing
    assert _verify(number, "鲍勃").status_code == 404
    assert page.get("/certificates/verify/", {"number": number, "name": "古丽"}).status_code == 404
    assert _verify(number, "阿丽娅").status_code == 200
    refused = page.get("/certificates/verify/", {"number": number, "name": "阿丽娅"})
    assert refused.status_code == 429
    assert 'data-testid="verify-throttled"' in refused.content.decode()
    assert _verify(number, "阿丽娅").status_code == 429
    assert CertificateVerification.objects.count() == 3
    cache.clear()


def test_the_certificate_pdf_masks_the_id_number_and_links_to_verification(
    certified, applicants, numbers, make_user
):
    owner = client_for(HOME)
    owner.force_login(applicants[0])
    page = owner.get(f"/applications/{numbers[0]}/result/").content.decode()
    assert APPROVAL["number"] in page and 'data-testid="certificate-download"' in page
    pdf = owner.get(f"/applications/{numbers[0]}/certificate.pdf")
    assert pdf.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert mask_id_card_number(applicants[0].id_card_number) in text
    assert applicants[0].id_card_number not in text
    assert "localhost/certificates/verify/?number=URUMQI-" in text.replace("\n", "")
    # Someone else's certificate, or one not issued: the dull 404.
    stranger = client_for(HOME)
    stranger.force_login(make_user(Role.APPLICANT))
    assert stranger.get(f"/applications/{numbers[0]}/certificate.pdf").status_code == 404
    assert stranger.get(f"/applications/{numbers[0]}/result/").status_code == 404
    assert owner.get(f"/applications/{numbers[2]}/certificate.pdf").status_code == 404
    # Her unit reads her result.
    unit_admin = client_for(HOME)
    from core.models import User

    unit_admin.force_login(User.objects.get(username="unit-ten"))
    assert unit_admin.get(f"/applications/{numbers[0]}/result/").status_code == 200


def _in_own_connection(work) -> None:
    """Run `work` in a thread: its own connection, committing for real (as two issuers do)."""
    thread = threading.Thread(target=lambda: (work(), connection.close()))
    thread.start()
    thread.join()


@pytest.mark.django_db
def test_certificate_numbers_stay_unique_when_issued_at_once_in_two_regions():
    """Eight threads per region, each with its own connection and transaction, take numbers
    at the same moment: every number is different and each region's run has no gap."""
    regions = [Region.objects.get(schema_name=code) for code in ("urumqi", "kashgar")]
    year = 2091
    barrier = threading.Barrier(16)
    taken: list[str] = []
    lock = threading.Lock()

    def take(region: Region) -> None:
        try:
            barrier.wait()
            with transaction.atomic():
                number = next_number(region, year)
            with lock:
                taken.append(number)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(r,)) for r in regions for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        _in_own_connection(lambda: CertificateCounter.objects.filter(year=year).delete())
    assert len(taken) == len(set(taken)) == 16
    for code in ("URUMQI", "KASHGAR"):
        assert sorted(n for n in taken if n.startswith(code)) == [
            f"{code}-{year}-{i:05d}" for i in range(1, 9)
        ]
