"""What schemathesis (tests/test_api_schema.py) found, each pinned by a plain test: the schema a
host serves describes that host's routes, and every answer under /api/ — a route that does not
exist, a request Django refuses, an error of a download — speaks the error contract in JSON."""

import json

import pytest

from core.models import Role
from tests.support import client_for


def _schema(code: str) -> dict:
    response = client_for(code).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_public_site_s_schema_lists_no_region_route(db):
    public, region = _schema("public")["paths"], _schema("urumqi")["paths"]
    assert "/api/v1/applications/" in region
    assert "/api/v1/applications/" not in public
    assert "/api/v1/me/" in public
    assert "/api/schema/" not in public


def test_every_operation_documents_the_error_contract(db):
    schema = _schema("urumqi")
    me = schema["paths"]["/api/v1/me/"]["get"]["responses"]
    assert {"401", "403", "404", "429"} <= set(me)
    assert "413" not in me  # it reads no body
    assert "409" not in me  # nor writes
    detach = schema["paths"]["/api/v1/applications/{number}/attachments/{attachment_id}/"]
    assert "409" in detach["delete"]["responses"]  # a submitted application is not editable
    upload = schema["paths"]["/api/v1/blobs/"]["post"]["responses"]
    assert {"400", "413"} <= set(upload)
    assert schema["components"]["schemas"]["ErrorDetail"]["required"] == ["detail", "code"]


@pytest.mark.parametrize(
    "path", ["/api/v1/appeals/LPT1/", "/api/v1/applications/x/attachments/0.5/", "/api/v1/nope"]
)
def test_an_api_address_matching_no_route_answers_a_json_404(db, path):
    response = client_for("urumqi").get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "未找到。", "code": "not_found"}


def test_a_page_address_matching_no_route_stays_an_html_404(db):
    response = client_for("urumqi").get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_form_with_too_many_fields_is_a_json_400(alice):
    client = client_for("public")
    client.force_login(alice)
    body = "&".join(f"ids={n}" for n in range(1200))
    response = client.post(
        "/api/v1/notifications/read/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_a_document_download_answers_its_errors_in_json_even_to_a_pdf_client(make_user):
    reviewer = make_user(Role.CENTRAL_OFFICE)
    client = client_for("urumqi")
    client.force_login(reviewer)
    response = client.get(
        "/api/v1/applications/NO-SUCH/documents/review-form.pdf", HTTP_ACCEPT="application/pdf"
    )
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


def test_the_appeals_list_documents_its_page_and_nullable_fields(db):
    schema = _schema("urumqi")
    listed = schema["paths"]["/api/v1/appeals/"]["get"]["responses"]["200"]
    ref = listed["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    page = schema["components"]["schemas"][ref]
    assert {"count", "next", "previous", "results"} <= set(page["properties"])
    row = schema["components"]["schemas"]["AppealRowOutput"]["properties"]
    assert row["account"]["nullable"] is True
    assert row["decided_by"]["nullable"] is True
