"""Query budgets of the routes every host answers (issue 7): accounts and login, the 附件库,
notifications, recovery and appeals, the central office's catalog pages, and the API.

Every page that lists something is measured with one row and with many (more than a page of
50) under the same budget, so a query per row fails here the day it is written. A page that
lists nothing from the database is measured once; a POST is measured once (`warm=False`),
with few and with many rows where what it changes can grow. A budget is the count measured:
every statement the request sends, `SET search_path`, the session and the user included.

`COVERED` (read by tests/test_query_budgets.py) is built from the tests: a table of pages whose
test requests each case's route, and `@measures(...)` on the tests that need a story of their
own; the `measure` fixture fails such a test unless it measured every route it names.
"""

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_q.models import Task
from PIL import Image

from core.catalog.sync import catalog_sync
from core.demo import DEMO_PASSWORD
from core.files.blobs import blob_relative_path, blob_store, thumbnail_relative_path
from core.identity.recovery import reset_tokens
from core.identity.validators import make_credit_code, make_id_card_number
from core.models import (
    AccountAppeal,
    AppealKind,
    ApplicationIndex,
    Authority,
    Blob,
    BlobType,
    ChangeStatus,
    ConditionSet,
    LibraryItem,
    Notification,
    Qualification,
    Role,
    SectionForm,
    Series,
    Specialty,
    Unit,
    UnitChangeRequest,
    UnitNature,
    User,
)
from core.notifications import sms
from core.operations.health import HEARTBEAT_FUNC
from tenants.models import Domain, Region
from tenants.regions import region_host
from tenants.routing import REGION_MAP, bump_routing_version
from tests.support import RegionClient, analyze, complete_unit

MANY = 60  # more than one page of 50
PAGE = 50
ROWS = pytest.mark.parametrize("rows", [1, MANY], ids=["one", "many"])
ALICE_PHONE = "13912345678"
ALICE_ID = make_id_card_number("650102", date(1990, 5, 4), 17)
NEW_PASSWORD = "Tianchi-Lake-2026"

Call = Callable[[], HttpResponseBase]


def url(route: str, host: str = "public", **kwargs: object) -> str:
    """The path of a named route on the public site or on a region's host."""
    urlconf = "config.urls_public" if host == "public" else "config.urls_region"
    return reverse(route, urlconf=urlconf, kwargs=kwargs or None)


# --- what a test claims to measure ------------------------------------------------------------

COVERED: set[str] = set()


def measures(*routes: str) -> Callable:
    """Name the routes a test measures; they count as covered only if it requests them all."""

    def register(test: Callable) -> Callable:
        COVERED.update(routes)
        test.routes = frozenset(routes)
        return test

    return register


@pytest.fixture
def measure(request, within):
    """`within(call, budget)` that notes the route that answered; at the end of the test every
    route named with `@measures` must have been measured."""
    measured: set[str] = set()
    failed_before = request.session.testsfailed

    def check(call: Call, budget: int, *, warm: bool = True) -> HttpResponseBase:
        response = within(call, budget, warm=warm)
        measured.add(response.resolver_match.url_name)
        return response

    yield check
    if request.session.testsfailed > failed_before:
        return  # the failure says what went wrong
    missing = getattr(request.function, "routes", frozenset()) - measured
    assert not missing, f"named with @measures but never measured: {sorted(missing)}"


def settle(client: RegionClient) -> RegionClient:
    """One cheap request first, so that a call measured once (a POST that creates) pays for its
    own work, not for refreshing the host map or the session's activity clock."""
    assert client.get(url("api-regions")).status_code == 200
    return client


# --- the cast ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    """Uploads go to an empty private root, served by Django (no nginx); texts to the outbox."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    settings.SMS_BACKEND = "core.notifications.sms.LocmemBackend"
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def urumqi(db) -> Region:
    return Region.objects.get(schema_name="urumqi")


@pytest.fixture
def alice(make_user) -> User:
    """The applicant, with the ID number, e-mail and phone that recovery needs."""
    return make_user(
        Role.APPLICANT,
        name="阿丽娅",
        username="aliya",
        email="aliya@example.cn",
        phone=ALICE_PHONE,
        id_card_number=ALICE_ID,
    )


@pytest.fixture
def central(make_user) -> User:
    return make_user(Role.CENTRAL_OFFICE, name="自治区职称办")


@pytest.fixture
def urumqi_admin(make_user, urumqi) -> User:
    return make_user(Role.REGION_ADMIN, name="乌市管理员", region=urumqi)


def new_unit(region: Region, n: int, name: str = "") -> Unit:
    return complete_unit(region, name or f"乌鲁木齐市第{n}中学", f"乌市{n}中", f"TK{n:06d}")


@pytest.fixture
def unit_admin(make_user, urumqi) -> User:
    unit = new_unit(urumqi, 0, "乌鲁木齐市第十中学")
    unit.save()
    return make_user(Role.UNIT_ADMIN, name="十中管理员", unit=unit)


# --- rows -------------------------------------------------------------------------------------


def fake_sha(n: int, salt: str = "") -> str:
    return hashlib.sha256(f"{salt}:{n}".encode()).hexdigest()


def library_of(owner: User, count: int) -> None:
    """`count` scans in the owner's 附件库 (rows only: listing never opens the files)."""
    blobs = Blob.objects.bulk_create(
        Blob(
            sha256=(sha := fake_sha(n, owner.username)),
            size=20_000 + n,
            content_type=BlobType.PNG,
            width=640,
            height=480,
            path=blob_relative_path(sha),
            thumbnail_path=thumbnail_relative_path(sha),
        )
        for n in range(count)
    )
    LibraryItem.objects.bulk_create(
        LibraryItem(owner=owner, blob=blob, name=f"扫描件{n}.png") for n, blob in enumerate(blobs)
    )
    analyze("public.core_blob", "public.core_libraryitem")


def notifications_of(user: User, count: int) -> list[Notification]:
    now = timezone.now()
    rows = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            region_code=("urumqi", "kashgar", "xj")[n % 3],
            title=f"申请书已退回（{n}）",
            body="请根据审核意见修改后重新提交。",
            link=f"/applications/RSSQ{n:08d}/",
            created_at=now - timedelta(minutes=n),
        )
        for n in range(count)
    )
    analyze("public.core_notification")
    return rows


def png(name: str = "scan.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def catalog_branch(code: str = "solo", qualifications: int = 1) -> Specialty:
    series = Series.objects.create(code=code, name="单列系列", form_key=code)
    specialty = Specialty.objects.create(series=series, code=f"{code}-s", name="单列专业")
    Qualification.objects.bulk_create(
        Qualification(
            specialty=specialty,
            code=f"{code}-q{n}",
            level="intermediate",
            name=f"资格{n}",
            sort_order=n,
        )
        for n in range(qualifications)
    )
    return specialty


def form_definition(sections: int) -> dict:
    return {
        "rule_fields": {},
        "sections": [
            {
                "key": f"part_{n}",
                "title": f"第{n}部分",
                "filled_by": "applicant",
                "schema": {
                    "type": "object",
                    "title": f"第{n}部分",
                    "properties": {"note": {"type": "string", "title": "说明"}},
                    "required": ["note"],
                    "x-min-attachments": 0,
                },
            }
            for n in range(sections)
        ],
    }


# --- pages that list nothing from the database --------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A GET measured once: a form or a page about the visitor alone."""

    route: str
    budget: int
    who: str | None = None  # a role logged in, or anonymous

    def __str__(self) -> str:
        return f"{self.route}-{self.who or 'anonymous'}"


PAGES = [
    Page("home", 0),
    Page("home", 4, who=Role.APPLICANT),
    Page("login", 0),
    Page("register", 0),
    Page("register-applicant", 0),
    Page("register-unit", 0),
    Page("recover", 0),
    Page("recover-email", 0),
    Page("recover-sms", 0),
    Page("recover-sms-verify", 0),
    Page("recover-username", 0),
    Page("appeal", 0),
    Page("appeal-person", 0),
    Page("appeal-unit", 0),
    Page("help", 0),
    Page("profile", 6, who=Role.APPLICANT),  # and the latest of 查询记录, the WeChat binding
    Page("api-me", 3, who=Role.APPLICANT),
    Page("api-my-wechat", 4, who=Role.APPLICANT),
    Page("api-schema", 0),
]
COVERED |= {page.route for page in PAGES}


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_a_page_about_the_visitor_alone_has_a_fixed_cost(page, make_user, host_client, within):
    client = host_client(user=make_user(page.who) if page.who else None)
    response = within(lambda: client.get(url(page.route)), page.budget)
    assert response.status_code == 200
    assert response.resolver_match.url_name == page.route


# --- logging in, across hosts, and out ----------------------------------------------------------


@measures("login", "handoff", "switch-region", "logout")
def test_alice_logs_in_is_handed_to_her_region_switches_and_logs_out(alice, host_client, measure):
    public = settle(host_client())
    logged_in = measure(
        lambda: public.post(
            url("login"), {"region": "urumqi", "username": "aliya", "password": DEMO_PASSWORD}
        ),
        17,
        warm=False,
    )
    assert logged_in.status_code == 302
    handoff = logged_in["Location"].removeprefix(f"http://{region_host('urumqi')}")
    assert handoff.startswith(url("handoff", "urumqi"))

    urumqi = settle(host_client("urumqi"))
    arrived = measure(lambda: urumqi.get(handoff), 15, warm=False)
    assert arrived.status_code == 302
    assert arrived["Location"] == "/"

    switched = measure(lambda: urumqi.get(url("switch-region", "urumqi") + "?to=kashgar"), 5)
    assert switched.status_code == 302
    assert region_host("kashgar") in switched["Location"]

    # ...and every API token of hers ends with it.
    # the audit log notes the tokens revoked and the logout
    left = measure(lambda: urumqi.post(url("logout", "urumqi")), 11, warm=False)
    assert left.status_code == 302
    assert urumqi.get(url("profile", "urumqi")).status_code == 302  # logged out


@measures("api-token")
def test_a_program_gets_its_token(alice, host_client, measure):
    client = settle(host_client())
    response = measure(
        lambda: client.post(url("api-token"), {"username": "aliya", "password": DEMO_PASSWORD}), 6
    )
    assert response.status_code == 200
    assert len(response.json()["token"]) == 64


@pytest.fixture
def more_regions(db):
    """`more_regions(n)`: n regions more in the host map (rows only: no schema is created, and
    the map is read again after the test)."""

    def add(count: int) -> None:
        regions = Region.objects.bulk_create(
            Region(schema_name=f"extra{n}", name=f"新地区{n}", sort_order=100 + n)
            for n in range(count)
        )
        Domain.objects.bulk_create(
            Domain(domain=region_host(region.schema_name), tenant=region, is_primary=True)
            for region in regions
        )
        bump_routing_version()

    yield add
    REGION_MAP.invalidate()


@measures("api-regions")
@pytest.mark.parametrize("extra", [0, MANY], ids=["fifteen", "many"])
def test_the_region_list_comes_from_the_host_map(host_client, measure, more_regions, extra):
    more_regions(extra)
    client = host_client()
    response = measure(lambda: client.get(url("api-regions")), 0)
    assert response.status_code == 200
    assert len(response.json()) == 15 + extra


# --- probes and the language switch -----------------------------------------------------------


@measures("healthz", "readyz")
def test_the_probes_cost_nothing_and_three_queries(db, host_client, measure):
    now = timezone.now()
    Task.objects.create(
        id="heartbeat-budget",
        name="hb",
        func=HEARTBEAT_FUNC,
        started=now,
        stopped=now,
        success=True,
    )
    client = host_client("urumqi")
    assert measure(lambda: client.get(url("healthz", "urumqi")), 0).status_code == 200
    assert measure(lambda: client.get(url("readyz", "urumqi")), 3).status_code == 200


@measures("set_language")
def test_choosing_a_language_costs_one_write_for_a_person(alice, host_client, measure):
    client = host_client("urumqi", user=alice)
    response = measure(
        lambda: client.post(url("set_language", "urumqi"), {"language": "en", "next": "/"}),
        7,  # the session, the person and their activity, as every page; and the one UPDATE
        warm=False,
    )
    assert response.status_code == 302


# --- registration and accounts ----------------------------------------------------------------


@measures("api-register-applicant", "api-register-unit")
def test_a_person_and_a_unit_register_through_the_api(db, host_client, measure):
    client = settle(host_client())
    person = measure(
        lambda: client.post(
            url("api-register-applicant"),
            {
                "username": "bahar",
                "password": NEW_PASSWORD,
                "name": "巴哈尔",
                "id_card_number": make_id_card_number("650102", date(1992, 3, 1), 24),
                "phone": "13800001111",
                "email": "bahar@example.cn",
            },
            content_type="application/json",
        ),
        9,
        warm=False,
    )
    assert person.status_code == 201, person.content
    unit = measure(
        lambda: client.post(
            url("api-register-unit"),
            {
                "username": "jintai",
                "password": NEW_PASSWORD,
                "name": "新疆金泰华瑞建筑工程有限公司",
                "short_name": "金泰华瑞",
                "credit_code": make_credit_code("9", "1", "650100", "MA78K3QB"),
                "region": "urumqi",
                "contact_name": "王建国",
                "contact_phone": "0991-1234567",
            },
            content_type="application/json",
        ),
        12,
        warm=False,
    )
    assert unit.status_code == 201, unit.content
    assert User.objects.filter(username__in=["bahar", "jintai"]).count() == 2


@measures("api-register-id-card-scan")
def test_a_person_registers_with_an_id_scan_sent_first(
    db, host_client, measure, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    client = settle(host_client())
    sent = measure(
        lambda: client.post(url("api-register-id-card-scan"), {"file": png()}), 8, warm=False
    )
    assert sent.status_code == 201, sent.content
    person = measure(
        lambda: client.post(
            url("api-register-applicant"),
            {
                "username": "bahar",
                "password": NEW_PASSWORD,
                "name": "巴哈尔",
                "id_card_number": make_id_card_number("650102", date(1992, 3, 1), 24),
                "phone": "13800001111",
                "email": "bahar@example.cn",
                "id_card_scan": sent.json()["sha256"],
                "id_card_scan_token": sent.json()["upload_token"],
            },
            content_type="application/json",
        ),
        12,
        warm=False,
    )
    assert person.status_code == 201, person.content
    assert LibraryItem.objects.filter(owner__username="bahar").count() == 1


@measures("api-password")
def test_alice_changes_her_password_through_the_api(alice, host_client, measure):
    client = settle(host_client(user=alice))
    response = measure(
        lambda: client.post(
            url("api-password"),
            {"old_password": DEMO_PASSWORD, "new_password": NEW_PASSWORD},
            content_type="application/json",
        ),
        19,  # checked like a login (axes); every token ends (and is audited); new session key
        warm=False,
    )
    assert response.status_code == 204
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


@measures("my-unit", "api-my-unit")
@ROWS
def test_the_unit_page_lists_every_authority_to_recommend_in_fixed_queries(
    unit_admin, host_client, measure, rows
):
    regions = list(Region.objects.regions())
    authorities = Authority.objects.bulk_create(
        Authority(region=regions[n % len(regions)], name=f"推荐单位{n}") for n in range(rows)
    )
    # More than the two a unit may choose, to see that the API reads them in one query.
    unit_admin.unit.recommending_units.add(*authorities)
    analyze("public.core_authority")
    client = host_client(user=unit_admin)

    page = measure(lambda: client.get(url("my-unit")), 7)
    assert page.status_code == 200
    assert page.content.decode().count('type="checkbox"') == rows

    api = measure(lambda: client.get(url("api-my-unit")), 5)
    assert api.status_code == 200
    assert len(api.json()["recommending_units"]) == rows

    # Saving replaces all of them with a new one, the same work with one row or many.
    chosen = [Authority.objects.create(region=regions[0], name="新推荐单位").pk]
    saved = measure(
        lambda: client.post(
            url("my-unit"),
            {
                "address": "新华路2号",
                "nature": UnitNature.INSTITUTION,
                "legal_representative": "校长",
                "contact_name": "人事处",
                "contact_phone": "0991-3",
                "recommending_units": chosen,
            },
        ),
        15,
        warm=False,
    )
    assert saved.status_code == 302
    assert sorted(unit_admin.unit.recommending_units.values_list("pk", flat=True)) == chosen


@measures("my-unit-change")
@ROWS
def test_the_unit_sees_its_last_name_changes_in_fixed_queries(
    unit_admin, urumqi_admin, host_client, measure, rows
):
    UnitChangeRequest.objects.bulk_create(
        UnitChangeRequest(
            unit=unit_admin.unit,
            new_name=f"乌鲁木齐市第十中学（{n}）",
            reason="更名",
            status=ChangeStatus.REJECTED,
            requested_by=unit_admin,
            decided_by=urumqi_admin,
            decision_note="材料不全",
        )
        for n in range(rows)
    )
    client = host_client(user=unit_admin)
    page = measure(lambda: client.get(url("my-unit-change")), 6)
    assert page.status_code == 200
    assert page.content.decode().count("材料不全") == min(rows, 10)


@measures("api-units")
@ROWS
def test_searching_units_costs_the_same_for_one_match_and_for_many(
    urumqi, host_client, alice, measure, rows
):
    Unit.objects.bulk_create(new_unit(urumqi, n) for n in range(1, rows + 1))
    analyze("public.core_unit")
    client = host_client(user=alice)
    response = measure(lambda: client.get(url("api-units") + "?search=乌鲁木齐市第"), 4)
    assert response.status_code == 200
    assert len(response.json()) == min(rows, PAGE)


@measures("api-authorities")
@ROWS
def test_the_authorities_of_a_region_in_fixed_queries(urumqi, host_client, alice, measure, rows):
    Authority.objects.bulk_create(
        Authority(region=urumqi, name=f"乌鲁木齐市推荐单位{n}") for n in range(rows)
    )
    analyze("public.core_authority")
    client = host_client(user=alice)
    response = measure(lambda: client.get(url("api-authorities") + "?region=urumqi"), 4)
    assert response.status_code == 200
    assert len(response.json()) == rows


@measures("api-my-applications")
@ROWS
def test_alice_lists_her_applications_of_every_region_in_fixed_queries(
    alice, urumqi, host_client, measure, rows
):
    qualification = catalog_branch().qualifications.get()
    unit = new_unit(urumqi, 1)
    unit.save()
    regions = list(Region.objects.regions())
    now = timezone.now()
    ApplicationIndex.objects.bulk_create(
        ApplicationIndex(
            number=f"RSSQ{n:08d}",
            region=regions[n % len(regions)],
            applicant=alice,
            unit=unit,
            qualification=qualification,
            year=2000 + n,
            committee_name="中小学教师职称评审委员会",
            status="draft",
            closes_at=now,
            updated_at=now,
        )
        for n in range(rows)
    )
    analyze("public.core_applicationindex")
    client = host_client(user=alice)
    response = measure(lambda: client.get(url("api-my-applications")), 4)
    assert response.status_code == 200
    assert len(response.json()) == rows


# --- the 附件库 -----------------------------------------------------------------------------------


@measures("library", "api-blobs")
@ROWS
def test_alice_lists_her_library_in_fixed_queries(alice, host_client, measure, rows):
    library_of(alice, rows)
    client = host_client(user=alice)

    page = measure(lambda: client.get(url("library")), 6)
    assert page.status_code == 200
    assert page.content.decode().count("data-sha256=") == min(rows, PAGE)

    api = measure(lambda: client.get(url("api-blobs")), 5)
    assert api.status_code == 200
    assert api.json()["count"] == rows
    assert len(api.json()["results"]) == min(rows, PAGE)


@measures(
    "api-blob",
    "api-blob-content",
    "api-blob-thumbnail",
    "library-file",
    "library-thumbnail",
    "library-delete",
)
@ROWS
def test_alice_reads_and_deletes_a_file_of_a_big_library_in_fixed_queries(
    alice, host_client, measure, rows
):
    library_of(alice, rows)
    sha = blob_store(owner=alice, upload=png(), region_code="public").blob_id
    client = host_client(user=alice)

    detail = measure(lambda: client.get(url("api-blob", sha256=sha)), 4)
    assert detail.json()["sha256"] == sha
    for route in ("api-blob-content", "api-blob-thumbnail", "library-file", "library-thumbnail"):
        response = measure(lambda route=route: client.get(url(route, sha256=sha)), 4)
        assert response.status_code == 200, route
        assert response["ETag"].startswith(f'"{sha}')

    deleted = measure(lambda: client.post(url("library-delete", sha256=sha)), 15, warm=False)
    assert deleted.status_code == 302
    assert LibraryItem.objects.filter(owner=alice).count() == rows


# --- notifications ------------------------------------------------------------------------------


@measures("notifications", "api-notifications")
@ROWS
def test_alice_reads_her_notifications_in_fixed_queries(alice, host_client, measure, rows):
    notifications_of(alice, rows)
    client = host_client(user=alice)

    page = measure(lambda: client.get(url("notifications")), 6)
    assert page.status_code == 200
    assert page.content.decode().count("data-notification=") == min(rows, PAGE)

    api = measure(lambda: client.get(url("api-notifications")), 5)
    assert api.status_code == 200
    assert api.json()["unread"] == rows
    assert len(api.json()["results"]) == min(rows, PAGE)


@measures("notification-open", "notifications-read-all")
@ROWS
def test_opening_one_and_marking_all_read_cost_the_same_for_many(alice, host_client, measure, rows):
    newest = notifications_of(alice, rows + 1)[0]
    client = settle(host_client(user=alice))

    opened = measure(lambda: client.post(url("notification-open", pk=newest.pk)), 7, warm=False)
    assert opened.status_code == 302
    assert region_host(newest.region_code) in opened["Location"]
    unread = Notification.objects.filter(recipient=alice, read_at__isnull=True)
    assert unread.count() == rows

    marked = measure(lambda: client.post(url("notifications-read-all")), 3, warm=False)
    assert marked.status_code == 302
    assert not unread.exists()


@measures("api-notifications-read")
@ROWS
def test_a_program_marks_many_read_in_one_statement(alice, host_client, measure, rows):
    ids = [row.pk for row in notifications_of(alice, rows)]
    client = settle(host_client(user=alice))
    response = measure(
        lambda: client.post(
            url("api-notifications-read"), {"ids": ids}, content_type="application/json"
        ),
        5,
        warm=False,
    )
    assert response.status_code == 200
    assert response.json() == {"marked": rows, "unread": 0}


# --- recovery -----------------------------------------------------------------------------------


@measures("api-password-reset", "api-password-reset-confirm", "password-reset-confirm")
def test_alice_resets_her_password_by_e_mail(alice, host_client, measure):
    client = settle(host_client())
    asked = measure(
        lambda: client.post(
            url("api-password-reset"),
            {"username_or_email": "aliya"},
            content_type="application/json",
        ),
        2,
        warm=False,
    )
    assert asked.status_code == 200
    assert len(mail.outbox) == 1

    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    token = reset_tokens.make_token(alice)
    form = measure(lambda: client.get(url("password-reset-confirm", uidb64=uid, token=token)), 2)
    assert form.status_code == 200

    done = measure(
        lambda: client.post(
            url("api-password-reset-confirm"),
            {"uid": uid, "token": token, "new_password": NEW_PASSWORD},
            content_type="application/json",
        ),
        9,  # the audit log notes the tokens revoked
        warm=False,
    )
    assert done.status_code == 200
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


@measures("api-sms-code", "api-sms-reset", "api-recover-username")
def test_alice_resets_her_password_by_text_and_recovers_her_username(alice, host_client, measure):
    client = settle(host_client())
    texted = measure(
        lambda: client.post(
            url("api-sms-code"), {"phone": ALICE_PHONE}, content_type="application/json"
        ),
        9,
        warm=False,
    )
    assert texted.status_code == 200
    code = sms.outbox[0].body.split("验证码")[1][:6]

    reset = measure(
        lambda: client.post(
            url("api-sms-reset"),
            {"phone": ALICE_PHONE, "code": code, "new_password": NEW_PASSWORD},
            content_type="application/json",
        ),
        11,  # the audit log notes the tokens revoked
        warm=False,
    )
    assert reset.status_code == 200

    recovered = measure(
        lambda: client.post(
            url("api-recover-username"),
            {"id_card_number": ALICE_ID, "name": "阿丽娅", "channel": "email"},
            content_type="application/json",
        ),
        2,
        warm=False,
    )
    assert recovered.status_code == 200
    assert "aliya" in mail.outbox[-1].body


# --- appeals ------------------------------------------------------------------------------------


def appeals_in(region: Region, count: int, *, decided_by: User, account: User) -> None:
    """`count` decided appeals, each naming its decider and the account it recovered."""
    now = timezone.now()
    AccountAppeal.objects.bulk_create(
        AccountAppeal(
            kind=AppealKind.PERSON,
            name=f"申诉人{n}",
            id_card_number=ALICE_ID,
            email=f"appeal{n}@example.cn",
            scan=fake_sha(n, "appeal"),
            region=region,
            status=ChangeStatus.APPROVED,
            account=account,
            decided_by=decided_by,
            decided_at=now,
        )
        for n in range(count)
    )
    analyze("public.core_accountappeal")


@measures("region-appeals", "api-appeals")
@ROWS
def test_the_region_admin_lists_decided_appeals_in_fixed_queries(
    alice, urumqi, urumqi_admin, host_client, measure, rows
):
    appeals_in(urumqi, rows, decided_by=urumqi_admin, account=alice)
    client = host_client("urumqi", user=urumqi_admin)

    page = measure(lambda: client.get(url("region-appeals", "urumqi") + "?status=approved"), 7)
    assert page.status_code == 200
    assert page.content.decode().count("data-appeal=") == min(rows, PAGE)

    api = measure(lambda: client.get(url("api-appeals", "urumqi") + "?status=approved"), 5)
    assert api.status_code == 200
    assert api.json()["count"] == rows
    results = api.json()["results"]
    assert len(results) == min(rows, PAGE)
    assert {(r["decided_by"], r["account"]) for r in results} == {(urumqi_admin.username, "aliya")}


@measures(
    "api-appeal-create",
    "region-appeal",
    "api-appeal",
    "region-appeal-scan",
    "api-appeal-scan",
    "api-appeal-decision",
)
def test_alice_appeals_and_the_region_admin_approves(
    alice, urumqi, urumqi_admin, host_client, measure
):
    public = settle(host_client())
    filed = measure(
        lambda: public.post(
            url("api-appeal-create"),
            {
                "kind": AppealKind.PERSON,
                "name": "阿丽娅",
                "id_card_number": ALICE_ID,
                "region": "urumqi",
                "email": "aliya.new@example.cn",
                "scan": png("id-card.png"),
            },
        ),
        11,
        warm=False,
    )
    assert filed.status_code == 201, filed.content
    appeal = AccountAppeal.objects.get(region=urumqi)

    admin = settle(host_client("urumqi", user=urumqi_admin))
    page = measure(lambda: admin.get(url("region-appeal", "urumqi", pk=appeal.pk)), 6)
    assert 'data-testid="matched-account"' in page.content.decode()
    detail = measure(lambda: admin.get(url("api-appeal", "urumqi", pk=appeal.pk)), 4)
    assert detail.json()["status"] == ChangeStatus.PENDING
    for route in ("region-appeal-scan", "api-appeal-scan"):
        scan = measure(lambda route=route: admin.get(url(route, "urumqi", pk=appeal.pk)), 5)
        assert scan.status_code == 200, route
        assert scan["Content-Type"] == "image/png"

    decided = measure(
        lambda: admin.post(
            url("api-appeal-decision", "urumqi", pk=appeal.pk),
            {"approve": True},
            content_type="application/json",
        ),
        15,  # the audit log notes the tokens revoked
        warm=False,
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["account"] == "aliya"


# --- the central office's catalog -----------------------------------------------------------


@measures("central-catalog", "api-catalog")
@ROWS
def test_the_catalog_tree_costs_the_same_for_one_qualification_and_for_all(
    central, host_client, measure, rows
):
    if rows == 1:
        catalog_branch()
    else:
        catalog_sync()
        analyze("public.core_series", "public.core_specialty", "public.core_qualification")
    total = Qualification.objects.count()
    assert total >= rows

    client = host_client(user=central)
    page = measure(lambda: client.get(url("central-catalog")), 7)
    assert page.status_code == 200
    assert page.content.decode().count("data-code=") == total

    anyone = host_client()
    api = measure(lambda: anyone.get(url("api-catalog")), 4)
    assert api.status_code == 200
    listed = sum(len(s["qualifications"]) for tree in api.json() for s in tree["specialties"])
    assert listed == total


@measures("central-qualification", "central-qualification-new", "central-catalog-toggle")
@ROWS
def test_a_specialty_with_many_qualifications_is_edited_in_fixed_queries(
    central, host_client, measure, rows
):
    specialty = catalog_branch(qualifications=rows)
    first = specialty.qualifications.order_by("sort_order").first()
    client = settle(host_client(user=central))

    new = measure(
        lambda: client.get(url("central-qualification-new", specialty_pk=specialty.pk)), 6
    )
    assert new.status_code == 200
    assert new.content.decode().count('<span class="hint">solo-q') == rows

    rename = measure(lambda: client.get(url("central-qualification", pk=first.pk)), 5)
    assert rename.status_code == 200

    toggled = measure(
        lambda: client.post(url("central-catalog-toggle", kind="specialties", pk=specialty.pk)),
        8,
        warm=False,
    )
    assert toggled.status_code == 302
    specialty.refresh_from_db()
    assert not specialty.is_active


@measures("central-forms", "central-form", "central-form-publish", "api-form", "api-form-version")
@ROWS
def test_a_form_with_many_versions_and_sections_is_read_in_fixed_queries(
    central, host_client, measure, rows
):
    Series.objects.create(code="solo", name="单列系列", form_key="solo")
    SectionForm.objects.bulk_create(
        SectionForm(
            key="solo", version=v, title=f"单列申请书（{v}）", definition=form_definition(rows)
        )
        for v in range(1, rows + 1)
    )
    analyze("public.core_sectionform")
    client = host_client(user=central)

    listing = measure(lambda: client.get(url("central-forms")), 6)
    assert listing.status_code == 200
    assert len(re.findall(r'href="/central/forms/solo/\d+/"', listing.content.decode())) == rows

    detail = measure(lambda: client.get(url("central-form", key="solo", version=1)), 6)
    assert detail.status_code == 200
    assert detail.content.decode().count('id="section-part_') == rows

    publish = measure(lambda: client.get(url("central-form-publish", key="solo")), 5)
    assert publish.status_code == 200

    anyone = host_client()
    current = measure(lambda: anyone.get(url("api-form", key="solo")), 2)
    assert (current.json()["version"], len(current.json()["sections"])) == (rows, rows)
    first = measure(lambda: anyone.get(url("api-form-version", key="solo", version=1)), 2)
    assert len(first.json()["sections"]) == rows


@measures("central-conditions", "central-condition")
@ROWS
def test_the_conditions_are_listed_in_fixed_queries(central, host_client, measure, rows):
    series = [
        Series.objects.create(code=f"solo{n}", name=f"单列系列{n}", form_key="solo")
        for n in range(min(rows, 6))
    ]
    conditions = ConditionSet.objects.bulk_create(
        ConditionSet(
            series=series[n % len(series)],
            level=("junior", "intermediate", "deputy_senior", "senior")[n % 4],
            grade="",
            text=f"任职资格条件{n}",
            rules=[],
        )
        for n in range(rows)
    )
    analyze("public.core_conditionset")
    client = host_client(user=central)

    listing = measure(lambda: client.get(url("central-conditions")), 5)
    assert listing.status_code == 200
    assert listing.content.decode().count('id="condition-') == rows

    edit = measure(lambda: client.get(url("central-condition", pk=conditions[0].pk)), 5)
    assert edit.status_code == 200


@measures("wechat-login", "wechat-callback")
def test_a_wechat_login_costs_a_fixed_number_of_queries(alice, wechat, host_client, measure):
    """微信扫码登录 on the public site into 乌鲁木齐市: the start, and the callback that finds the
    binding, checks the lockout and hands the login over."""
    from core.identity.wechat.sandbox.server import openid_of
    from core.models import WechatBinding
    from tests.core.wechat_sandbox import APPID, path_of, scan

    WechatBinding.objects.create(user=alice, openid=openid_of(APPID, "alice"))
    client = settle(host_client())
    start = measure(lambda: client.post(url("wechat-login"), {"region": "urumqi"}), 5, warm=False)
    assert start.status_code == 302
    callback = path_of(scan(start["Location"], "alice"))
    # The binding, the lockout, a new session key, axes' log, the audit event, the ticket.
    back = measure(lambda: client.get(callback), 20, warm=False)
    assert back.status_code == 302
    assert "/accounts/handoff/" in back["Location"]
