"""Security headers, read from real responses (issue 12): pages, the API and stored files all
answer with a CSP that runs no inline script, a Referrer-Policy, a Permissions-Policy, nosniff
and no framing by other sites; production adds HSTS and Secure/HttpOnly/SameSite cookies."""

import re
from pathlib import Path

import pytest

from core.models import Role
from tests.support import client_for

ROOT = Path(__file__).resolve().parents[2]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def _assert_common(response) -> None:
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


@pytest.mark.parametrize(
    ("code", "path", "role"),
    [
        ("public", "/", None),
        ("public", "/accounts/login/", None),
        ("public", "/accounts/register/applicant/", None),
        ("urumqi", "/", None),
        ("urumqi", "/applications/", Role.APPLICANT),
        ("urumqi", "/review/", Role.UNIT_ADMIN),
        ("public", "/library/", Role.APPLICANT),
        ("public", "/notifications/", Role.APPLICANT),
    ],
)
def test_pages_run_only_this_origin_s_scripts_and_styles(make_user, code, path, role):
    client = client_for(code)
    if role is not None:
        unit = None
        if role == Role.UNIT_ADMIN:
            from tenants.models import Region
            from tests.support import complete_unit

            unit = complete_unit(
                Region.objects.get(schema_name="urumqi"), "头部测试学校", "头部校", "TK000077"
            )
            unit.save()
        client.force_login(make_user(role, unit=unit) if unit else make_user(role))
    response = client.get(path)
    assert response.status_code == 200, path
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    _assert_common(response)
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline <script> on " + path
    assert not re.search(r"\son[a-z]+\s*=", html), "inline on*= handler on " + path
    assert not re.search(r"<style|\sstyle\s*=", html), "inline style on " + path


def test_the_api_answers_with_the_same_headers(db):
    response = client_for("urumqi").get("/api/v1/regions/")
    assert response.status_code == 200
    assert _policy(response)["frame-ancestors"] == ["'none'"]
    _assert_common(response)


def test_a_stored_file_keeps_its_own_sandbox_and_may_be_framed_by_this_origin_only(alice):
    import io

    from PIL import Image

    client = client_for("public")
    client.force_login(alice)
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (10, 120, 200)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "scan.png"
    sha = client.post("/api/v1/blobs/", {"file": buffer}).json()["sha256"]
    response = client.get(f"/api/v1/blobs/{sha}/content")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "sandbox; frame-ancestors 'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    _assert_common(response)


def test_the_api_docs_load_their_script_from_a_file_not_inline(db):
    page = client_for("public").get("/api/docs/")
    assert page.status_code == 200
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.content.decode())
    assert "'unsafe-inline'" not in page["Content-Security-Policy"]
    script = client_for("public").get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")


def test_production_adds_hsts_and_secure_cookies():
    """The production settings module, loaded as production loads it (its own process)."""
    import json
    import os
    import subprocess
    import sys

    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CONTENT_SECURITY_POLICY",
    ]
    script = (
        "import json, config.settings.production as p; "
        f"print(json.dumps({{n: getattr(p, n) for n in {names!r}}}))"
    )
    env = {
        **os.environ,
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgresql://app@db:5432/zhicheng",
    }
    env.pop("DJANGO_DEBUG", None)
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, check=True
    ).stdout
    production = json.loads(output)
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] is production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is production["CSRF_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"] == ["'self'"]


def test_hsts_is_sent_on_https_in_production_settings(db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client_for("urumqi").get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_nginx_sends_the_same_headers_for_what_it_serves_itself():
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    static = nginx.split("location /static/")[1].split("}")[0]
    assert "Strict-Transport-Security" in static
    assert "return 301 https://" in nginx


def test_no_template_holds_inline_script_handlers_or_styles():
    """Every page template (the PDF documents, in `document/` folders, are WeasyPrint's, never
    a browser's)."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        if "document" in template.relative_to(ROOT).parts:
            continue
        text = template.read_text(encoding="utf-8")
        if (
            re.search(r"<script(?![^>]*\bsrc=)", text)
            or re.search(r"\son[a-z]+\s*=\s*[\"']", text)
            or re.search(r"<style|\sstyle\s*=", text)
        ):
            offenders.append(template.relative_to(ROOT).as_posix())
    assert offenders == []
