"""What an outside probe of the platform found (issue 12), each kept closed by a test.

The cast: Alice (an applicant, the victim whose files and account must stay hers), Mallory (an
attacker who registers, controls a unit, or sends links), and the proxies in front of the site.
"""

import io
from datetime import date

import pytest
from django.core import signing
from PIL import Image

from core.models import LibraryItem, User
from core.validators import make_id_card_number
from tests.support import client_for

STRONG = "Tianshan-2026"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test gets an empty private root; development serving (no nginx)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    return settings.MEDIA_ROOT


def png_file(color="white", name="scan.png", size=(300, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def mallory_payload(**overrides):
    payload = {
        "username": "mallory",
        "password": STRONG,
        "name": "马洛里",
        "id_card_number": make_id_card_number("650102", date(1990, 1, 2), 77),
        "phone": "13899001177",
        "email": "mallory@example.cn",
    }
    return {**payload, **overrides}


def register_applicant(payload, code="public"):
    return client_for(code).post(
        "/api/v1/auth/register/applicant/", payload, content_type="application/json"
    )


# --- 1. a file's hash is an identifier, never a key to the file --------------------------------


@pytest.fixture
def alice_scan(alice):
    """Alice's ID scan in her 附件库; its hash is what an attacker can learn (an ETag)."""
    client = client_for("urumqi")
    client.force_login(alice)
    response = client.post("/api/v1/blobs/", {"file": png_file("navy")})
    assert response.status_code == 201
    sha = response.json()["sha256"]
    alice.id_card_scan = sha
    alice.save(update_fields=["id_card_scan"])
    return sha


def upload_scan(color="olive"):
    response = client_for("public").post(
        "/api/v1/auth/register/id-card-scan/", {"file": png_file(color)}
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_registering_with_someone_else_s_hash_is_refused(alice_scan):
    bare = register_applicant(mallory_payload(id_card_scan=alice_scan))
    assert bare.status_code == 400
    assert "id_card_scan" in bare.json()

    own = upload_scan()  # a real upload of Mallory's own: its token names her file only
    swapped = register_applicant(
        mallory_payload(id_card_scan=alice_scan, id_card_scan_token=own["upload_token"])
    )
    assert swapped.status_code == 400
    assert "id_card_scan" in swapped.json()

    forged = signing.dumps({"blob": alice_scan}, salt="not-ours")
    assert (
        register_applicant(
            mallory_payload(id_card_scan=alice_scan, id_card_scan_token=forged)
        ).status_code
        == 400
    )
    assert not User.objects.filter(username="mallory").exists()
    assert list(LibraryItem.objects.filter(blob_id=alice_scan).values_list("owner", flat=True)) == [
        User.objects.get(id_card_scan=alice_scan).pk
    ]


def test_a_scan_of_alice_s_library_cannot_be_claimed_even_with_a_token_of_its_own(alice_scan):
    """A token minted for a file someone already owns (here: signed by us for Alice's hash, as
    if leaked) still cannot make it another account's scan: the file must be nobody's yet."""
    token = signing.dumps({"blob": alice_scan}, salt="core.accounts.id_card_scan")
    response = register_applicant(mallory_payload(id_card_scan_token=token))
    assert response.status_code == 400
    assert not User.objects.filter(username="mallory").exists()


def test_an_anonymous_scan_is_claimed_once_with_its_token(db):
    scan = upload_scan()
    assert set(scan) >= {"sha256", "size", "content_type", "upload_token", "expires_in"}
    assert not LibraryItem.objects.filter(blob_id=scan["sha256"]).exists()  # nobody's yet

    first = register_applicant(
        mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
    )
    assert first.status_code == 201, first.content
    mallory = User.objects.get(username="mallory")
    assert mallory.id_card_scan == scan["sha256"]
    assert LibraryItem.objects.filter(owner=mallory, blob_id=scan["sha256"]).exists()

    again = register_applicant(
        mallory_payload(
            username="mallory2",
            id_card_number=make_id_card_number("650102", date(1990, 1, 3), 78),
            id_card_scan_token=scan["upload_token"],
        )
    )
    assert again.status_code == 400
    assert "id_card_scan" in again.json()


def test_an_expired_scan_token_is_refused(db, settings):
    scan = upload_scan()
    settings.SCAN_TOKEN_TTL_SECONDS = -1
    response = register_applicant(
        mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
    )
    assert response.status_code == 400


def test_the_victim_s_file_stays_out_of_reach_of_the_attacker(alice_scan):
    register_applicant(mallory_payload(id_card_scan=alice_scan))
    scan = upload_scan()
    assert (
        register_applicant(
            mallory_payload(id_card_scan=scan["sha256"], id_card_scan_token=scan["upload_token"])
        ).status_code
        == 201
    )
    mallory = User.objects.get(username="mallory")
    assert mallory.id_card_scan != alice_scan
    client = client_for("urumqi")
    client.force_login(mallory)
    assert client.get(f"/api/v1/blobs/{alice_scan}/content").status_code == 404
    assert client.get(f"/library/{alice_scan}/file").status_code == 404


def test_the_schema_documents_the_scan_token(db):
    schema = (
        client_for("public")
        .get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        .json()
    )
    assert "/api/v1/auth/register/id-card-scan/" in schema["paths"]
    fields = schema["components"]["schemas"]["ApplicantRegisterInput"]["properties"]
    assert {"id_card_scan", "id_card_scan_token"} <= set(fields)
