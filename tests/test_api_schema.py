"""Schemathesis against the API's own schema (issue 12, "keep it closed").

Every operation of `/api/schema/`, on the public site and on 乌鲁木齐市's host, is sent a few
generated requests (valid and invalid) as each role — anonymous, applicant, unit admin,
authority reviewer, committee staff, region admin, central office, each with an API token —
through Django's WSGI application. Whatever arrives, the answer is never a server error, its
status code is one the schema documents, and its body matches the schema of that status.

Half the generated paths name the cast's real application, attachment, file or appeal instead
of random ones, so the views behind the 404 are reached too. The examples per operation are
few (`EXAMPLES`) to keep the suite fast; raise them locally (SCHEMATHESIS_EXAMPLES=200) to dig.
"""

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, transaction
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from core.api.tokens import token_issue
from core.identity.validators import make_id_card_number
from core.models import AccountAppeal, AppealKind, Authority, Qualification, Role, User
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for, complete_unit
from workflow.models import Attachment, CommitteeStaff

ID_NUMBER = make_id_card_number("650105", date(1980, 2, 3), 12)
EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))
HOME = "urumqi"
ROLES = ("anonymous", "applicant", "unit", "authority", "committee", "admin", "central")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _schema_of(urlconf: str) -> dict:
    """The schema `/api/schema/` serves for a host of this URL conf (test_the_schema_served_…
    checks they are the same); built without a database, so the operations are known when
    pytest collects."""
    generated = SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)
    return json.loads(json.dumps(generated, default=str))


def _loaded(urlconf: str):
    schema = schemathesis.openapi.from_dict(_schema_of(urlconf))
    schema.app = _wsgi_app
    return schema


_django = WSGIHandler()


def _wsgi_app(environ, start_response):
    """Django's WSGI application inside the test's transaction: like the test client, it keeps
    the connection open across the request (close_old_connections would end the transaction)
    and leaves it in `public` afterwards."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = _django(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            response.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.set_schema_to_public()


public_schema = _loaded("config.urls_public")
region_schema = _loaded("config.urls_region")


@dataclass
class Cast:
    tokens: dict[str, str]
    real: dict[str, str]


def _settings():
    return settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Cast]:
    """One of each role in 乌鲁木齐市 with a token, and the applicant's application, filled
    and submitted to her unit (so staff reach more than the 404); created once for the module,
    rolled back after it."""
    from core.catalog.sync import catalog_sync
    from tests.workflow.conftest import create, fill_every_section, open_offering, upload_scans

    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PRIVATE_FILES_ACCEL_PREFIX=None),
        transaction.atomic(),
    ):
        home = Region.objects.get(schema_name=HOME)
        catalog_sync()
        offering = open_offering(HOME)
        authority = Authority.objects.create(
            region=home, name="乌鲁木齐市教育局", contact_name="马老师", contact_phone="0991-1"
        )
        unit = complete_unit(home, "乌鲁木齐市第十中学", "乌市十中", "TK000090")
        unit.save()
        unit.recommending_units.add(authority)

        def person(role: str, username: str, **fields) -> User:
            user = User(username=username, name=username, role=role, **fields)
            user.set_password("Schemathesis-2026")
            user.save()
            return user

        people = {
            "applicant": person(Role.APPLICANT, "st-applicant", id_card_number=ID_NUMBER),
            "unit": person(Role.UNIT_ADMIN, "st-unit", unit=unit),
            "authority": person(
                Role.AUTHORITY_REVIEWER, "st-authority", region=home, authority=authority
            ),
            "committee": person(Role.COMMITTEE_STAFF, "st-committee", region=home),
            "admin": person(Role.REGION_ADMIN, "st-admin", region=home),
            "central": person(Role.CENTRAL_OFFICE, "st-central"),
        }
        with in_region(HOME):
            CommitteeStaff.objects.create(committee=offering.committee, user=people["committee"])
        client = client_for(HOME)
        client.force_login(people["applicant"])
        number = create(client, offering, unit).json()["number"]
        fill_every_section(client, number)
        submitted = client.post(
            f"/api/v1/applications/{number}/transitions/",
            {"action": "submit"},
            content_type="application/json",
        )
        assert submitted.status_code == 200, submitted.content  # now the unit's to review
        (scan,) = upload_scans(client, 1)
        with in_region(HOME):
            attachment = Attachment.objects.filter(application__number=number).first()
        appeal = AccountAppeal.objects.create(
            kind=AppealKind.PERSON,
            name="阿丽娅",
            id_card_number=ID_NUMBER,
            email="aliya@example.cn",
            scan=scan,
            region=home,
        )
        qualification = Qualification.objects.get(pk=offering.qualification_id)
        real = {
            "number": number,
            "sha256": scan,
            "id": str(appeal.pk),
            "key": qualification.specialty.series.form_key,
        }
        if attachment is not None:
            real["attachment_id"] = str(attachment.pk)
        tokens = {role: token_issue(user=user) for role, user in people.items()}
        yield Cast(tokens=tokens, real=real)
        transaction.set_rollback(True)


def _run(case, cast: Cast, role: str, use_real: bool, host: str) -> None:
    if use_real:
        for name in case.path_parameters or {}:
            if name in cast.real:
                case.path_parameters[name] = cast.real[name]
    headers = {} if role == "anonymous" else {"Authorization": f"Token {cast.tokens[role]}"}
    base = "http://localhost" if host == "public" else f"http://{host}.localhost"
    case.call_and_validate(base_url=base, headers=headers, checks=CHECKS)


@public_schema.parametrize()
@public_schema.given(role=st.sampled_from(ROLES), use_real=st.booleans())
@_settings()
def test_every_public_operation_answers_as_its_schema_says(case, role, use_real, cast, db):
    _run(case, cast, role, use_real, "public")


@region_schema.parametrize()
@region_schema.given(role=st.sampled_from(ROLES), use_real=st.booleans())
@_settings()
def test_every_region_operation_answers_as_its_schema_says(case, role, use_real, cast, db):
    _run(case, cast, role, use_real, HOME)


@pytest.mark.parametrize(
    ("code", "urlconf"), [("public", "config.urls_public"), (HOME, "config.urls_region")]
)
def test_the_schema_served_is_the_one_tested(db, code, urlconf):
    response = client_for(code).get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert json.loads(response.content) == _schema_of(urlconf)
