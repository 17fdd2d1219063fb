"""The sandbox payment platform on a free port (real HTTP, in a thread of the test process),
and 阿丽娅's application that has just passed formal review in an offering that requires a
200-yuan payment.

The sandbox keeps its notifications in its outbox here (`deliver: false`); `deliver_outbox`
fetches them over HTTP and posts them to the platform's callback as the sandbox would, through
the test client, so that they see the test's uncommitted rows. The thread-based tests post them
from real threads against committed rows instead.
"""

import http.client
import json
import socket
import threading
import urllib.parse
import urllib.request
from decimal import Decimal

import pytest

from core.models import Role
from payments.sandbox.server import Sandbox, serve
from payments.sandbox.signing import HEADER
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import client_for
from tests.workflow.conftest import (  # noqa: F401 (fixtures)
    alice_client,
    catalog,
    create,
    open_offering,
    unit,
)
from workflow.models import Application, CommitteeStaff, Offering
from workflow.states import Status

SECRET = "test-sandbox-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def sandbox_server():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    platform = Sandbox(SECRET, public_url=base, deliver=False)
    server = serve(platform, "127.0.0.1", port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


@pytest.fixture
def sandbox(sandbox_server, settings):
    """The platform's settings pointing at the sandbox; its notifications held, no copies."""
    settings.PAYMENT_PROVIDER = "payments.providers.sandbox.SandboxProvider"
    settings.PAYMENT_SANDBOX_URL = sandbox_server
    settings.PAYMENT_SANDBOX_SECRET = SECRET
    control(sandbox_server, deliver=False, duplicates=0, jitter=0)
    outbox(sandbox_server)  # whatever an earlier test left
    return sandbox_server


def control(base: str, **changes) -> dict:
    request = urllib.request.Request(
        f"{base}/control", data=json.dumps(changes).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def outbox(base: str) -> list[dict]:
    with urllib.request.urlopen(f"{base}/control/outbox", timeout=5) as response:
        return json.loads(response.read())["outbox"]


def pay_at_sandbox(pay_url: str, outcome: str = "success") -> tuple[int, str]:
    """Press a button of the sandbox's pay page, as the payer's browser would (the redirect
    back to the platform is not followed); the status and the Location."""
    parts = urllib.parse.urlsplit(pay_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    connection.request(
        "POST",
        parts.path,
        body=f"outcome={outcome}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, response.getheader("Location", "")


def post_notification(body: str | bytes, signature: str, code: str = "urumqi"):
    """The callback as the sandbox calls it (anonymous, signed)."""
    return client_for(code).post(
        "/payments/notify/",
        body.encode() if isinstance(body, str) else body,
        content_type="application/json",
        **{"HTTP_" + HEADER.upper().replace("-", "_"): signature},
    )


def deliver_outbox(base: str) -> list:
    return [post_notification(item["body"], item["signature"]) for item in outbox(base)]


@pytest.fixture
def passed(catalog, alice, alice_client, unit):  # noqa: F811 - the imported fixtures
    """阿丽娅's application, formal review passed, in an offering requiring 200 yuan."""
    offering = open_offering()
    with in_region("urumqi"):
        Offering.objects.filter(pk=offering.pk).update(
            payment_required=True, fee=Decimal("200.00"), paper_instructions="一式两份，A4装订"
        )
    number = create(alice_client, offering, unit).json()["number"]
    with in_region("urumqi"):
        Application.objects.filter(number=number).update(status=Status.FORMAL_REVIEW_PASSED)
    return {"number": number, "offering": offering, "client": alice_client}


@pytest.fixture
def committee_staff(make_user, passed):
    staff = make_user(Role.COMMITTEE_STAFF, region=Region.objects.get(schema_name="urumqi"))
    with in_region("urumqi"):
        CommitteeStaff.objects.create(committee=passed["offering"].committee, user=staff)
    return staff
