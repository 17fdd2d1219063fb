"""Query budgets of a region host's own pages and API (issue 7).

Every page and endpoint is measured with one row and with many, under the same budget, so a
page that sends a query per row fails the day it is written. The rows are what the page lists
or shows: applications in the lists and queues; the attachments, comments and history of one
application on its pages; committees, offerings and notices on the public pages and the set-up;
authorities, reviewers and unit changes for the region admin. A write is measured once per
object, on an application with few and with many attachments where that can grow.

`COVERED` (read by tests/test_query_budgets.py) is the set of routes the cases below request.
"""

import functools
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from core.catalog.forms import form_current, section_min_attachments
from core.files.blobs import blob_store
from core.identity.validators import make_id_card_number
from core.models import (
    ApplicationIndex,
    Authority,
    Blob,
    ChangeStatus,
    LibraryItem,
    OrgKind,
    Qualification,
    Role,
    Unit,
    UnitChangeRequest,
    User,
)
from tenants.crossing import in_region
from tenants.models import Region
from tests.core.test_catalog_data import sample
from tests.printing import budgets as printing
from tests.support import RegionClient, analyze, client_for, complete_unit
from tests.workflow.test_review import RECOMMENDATION
from workflow.applications import application_create
from workflow.models import (
    Application,
    Attachment,
    Committee,
    CommitteeStaff,
    Flow,
    FlowReport,
    Notice,
    Offering,
    ReviewComment,
    SectionEntry,
    TransitionRecord,
)
from workflow.states import Status
from workflow.transitions import UNIT_SECTION

CODE = "urumqi"
REGION_URLS = "config.urls_region"
MANY = 60  # more than one page of the review queues (50 a page)
# The tables the cases fill in bulk: without fresh statistics PostgreSQL plans for empty ones.
TABLES = (
    "public.core_user",
    "public.core_authority",
    "public.core_unit",
    "public.core_unit_recommending_units",
    "public.core_unitchangerequest",
    "public.core_blob",
    "public.core_libraryitem",
    "public.core_applicationindex",
    f"{CODE}.workflow_committee",
    f"{CODE}.workflow_flow",
    f"{CODE}.workflow_offering",
    f"{CODE}.workflow_notice",
    f"{CODE}.workflow_application",
    f"{CODE}.workflow_sectionentry",
    f"{CODE}.workflow_attachment",
    f"{CODE}.workflow_reviewcomment",
    f"{CODE}.workflow_transitionrecord",
)

_serial = itertools.count(1)


def url(route: str, **kwargs: Any) -> str:
    return reverse(route, urlconf=REGION_URLS, kwargs=kwargs or None)


@dataclass
class World:
    """乌鲁木齐市 with an open offering, 阿丽娅's unit and everyone who reviews or administers."""

    offering: Offering
    unit: Unit
    authority: Authority
    people: dict[str, User]
    made: dict[str, Any] = field(default_factory=dict)  # what a case built on its first call

    def client(self, who: str | User) -> RegionClient:
        client = client_for(CODE)
        if who != "anonymous":
            client.force_login(who if isinstance(who, User) else self.people[who])
        return client


@pytest.fixture
def world(alice, offering, unit, make_user, settings, tmp_path) -> World:
    # Files of its own: the other xdist worker makes the same people and numbers, so the same
    # documents, and would race this one for them in a shared MEDIA_ROOT (a 202 and its task).
    settings.MEDIA_ROOT = tmp_path / "media"
    urumqi = Region.objects.get(schema_name=CODE)
    authority = unit.recommending_units.get()
    people = {
        "applicant": alice,
        "unit": User.objects.get(username="unit-ten"),
        "authority": make_user(Role.AUTHORITY_REVIEWER, region=urumqi, authority=authority),
        "committee": make_user(Role.COMMITTEE_STAFF, region=urumqi),
        "admin": make_user(Role.REGION_ADMIN, region=urumqi),
    }
    with in_region(CODE):
        CommitteeStaff.objects.create(committee=offering.committee, user=people["committee"])
    return World(offering=offering, unit=unit, authority=authority, people=people)


# --- building rows in bulk ----------------------------------------------------------------------


def applicants(count: int) -> list[User]:
    """`count` applicants, each with an ID number of their own (基本信息 is filled from it)."""
    batch = next(_serial)
    return User.objects.bulk_create(
        User(
            username=f"budget-{batch}-{i}",
            name=f"申请人{i}",
            role=Role.APPLICANT,
            phone="13900000000",
            id_card_number=id_card_number(batch * 10_000 + i),
        )
        for i in range(count)
    )


def id_card_number(n: int) -> str:
    return make_id_card_number("650106", date(1930, 1, 1) + timedelta(days=n // 1000), n % 1000)


def applications(
    world: World,
    count: int,
    *,
    applicant: User | None = None,
    node: int | None = None,
    status: str = Status.DRAFT,
    recommending: Authority | None = None,
) -> list[Application]:
    """`count` applications to the offering, in review at `node` if given (rows only: the lists
    read nothing else)."""
    owners = [applicant] * count if applicant else applicants(count)
    offering = world.offering
    if node is not None:
        status = Status.IN_REVIEW
    with in_region(CODE):
        form = form_current(offering.qualification.specialty.series.form_key)
        return Application.objects.bulk_create(
            Application(
                number=f"BQ{next(_serial):010d}",
                applicant=owner,
                unit=world.unit,
                offering=offering,
                qualification=offering.qualification,
                year=offering.year,
                form=form,
                flow=offering.flow,
                status=status,
                current_node=node,
                submission_count=0 if status == Status.DRAFT else 1,
                recommending_unit=recommending,
            )
            for owner in owners
        )


def application_of(
    world: World, applicant: User, *, status: str = Status.DRAFT, node: int | None = None
) -> Application:
    """One application made the applicant's way (with its index row), then moved to `status`."""
    with in_region(CODE):
        application = application_create(
            applicant=applicant, offering=world.offering, unit=world.unit
        )
        if status != Status.DRAFT:
            Application.objects.filter(pk=application.pk).update(
                status=status, current_node=node, submission_count=1
            )
            application.refresh_from_db()
    return application


def the_application(
    world: World, *, status: str = Status.IN_REVIEW, node: int | None = 0
) -> Application:
    """阿丽娅's application that a detail page shows, made on the first call."""
    if "application" not in world.made:
        world.made["application"] = application_of(
            world, world.people["applicant"], status=status, node=node
        )
    return world.made["application"]


def fake_sha() -> str:
    return f"{next(_serial):064x}"


def attachments(
    application: Application, count: int, section: str = "basic", name: str = "扫描件"
) -> None:
    with in_region(CODE):
        Attachment.objects.bulk_create(
            Attachment(
                application=application,
                section=section,
                blob_sha256=fake_sha(),
                name=f"{name}{i}.png",
                content_type="image/png",
            )
            for i in range(count)
        )


def comments(application: Application, count: int, section: str, author: User) -> None:
    with in_region(CODE):
        ReviewComment.objects.bulk_create(
            ReviewComment(
                application=application,
                section=section,
                round=application.submission_count,
                author=author,
                org_kind="authority",
                org_id=next(_serial),
                text=f"第{i}条修改意见",
            )
            for i in range(count)
        )


def history(application: Application, count: int, actor: User) -> None:
    with in_region(CODE):
        TransitionRecord.objects.bulk_create(
            TransitionRecord(
                application=application,
                action="return",
                actor=actor,
                org_kind="unit",
                org_id=application.unit_id,
                from_status=Status.IN_REVIEW,
                to_status=Status.RETURNED,
                from_node_index=0,
                from_node_kind="base_unit",
                opinion=f"第{i}次退回",
            )
            for i in range(count)
        )


def complete(application: Application, extra: int) -> None:
    """Every applicant section valid with the files it needs, and `extra` more files."""
    form = application.form
    sections = [s for s in form.sections if s.get("filled_by", "applicant") == "applicant"]
    with in_region(CODE):
        SectionEntry.objects.bulk_create(
            SectionEntry(application=application, key=s["key"], data=sample(s["schema"]))
            for s in sections
        )
    for section in sections:
        needed = section_min_attachments(form, section["key"])
        attachments(application, needed, section["key"], name="证明材料")
    attachments(application, extra)


def png_upload() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (next(_serial) * 37 % 256, 90, 160)).save(buffer, "PNG")
    return SimpleUploadedFile("扫描件.png", buffer.getvalue(), content_type="image/png")


def real_blob(owner: User) -> Blob:
    """A file stored on disk, in the owner's 附件库."""
    return blob_store(owner=owner, upload=png_upload(), region_code=CODE).blob


def library(owner: User, count: int) -> list[LibraryItem]:
    """`count` files in the owner's 附件库 (rows only: nothing reads their bytes)."""
    blobs = Blob.objects.bulk_create(
        Blob(
            sha256=fake_sha(),
            size=1000,
            content_type="image/png",
            width=64,
            height=48,
            path="blobs/none",
        )
        for _ in range(count)
    )
    return LibraryItem.objects.bulk_create(
        LibraryItem(owner=owner, blob=blob, name=f"库文件{i}.png") for i, blob in enumerate(blobs)
    )


def new_authorities(world: World, count: int) -> list[Authority]:
    batch = next(_serial)
    return Authority.objects.bulk_create(
        Authority(
            region=world.authority.region,
            name=f"预算主管局{batch}-{i}",
            contact_name="马老师",
            contact_phone="0991-1",
        )
        for i in range(count)
    )


# Units draw from their own counter: the credit code has room for three digits of it, and the
# shared serial passes 999 once a long session has numbered enough applications.
_unit_batch = itertools.count(1)


def new_units(world: World, count: int) -> list[Unit]:
    batch = next(_unit_batch)
    return Unit.objects.bulk_create(
        complete_unit(
            world.unit.region, f"预算单位{batch}-{i}", f"预算{batch}-{i}", f"B{batch:03d}{i:04d}"
        )
        for i in range(count)
    )


# --- what each page shows more of ---------------------------------------------------------------


def directory(world: World, count: int) -> dict[str, Any]:
    """`count` more committees, each with an offering of this year (open, closed and not yet
    open in turn) whose flow passes an authority of its own, and `count` more notices."""
    qualification = world.offering.qualification
    authorities = new_authorities(world, count)
    now = timezone.now()
    windows = [(-1, 10), (-20, -10), (10, 20)]
    batch = next(_serial)
    with in_region(CODE):
        committees = Committee.objects.bulk_create(
            Committee(
                name=f"预算委员会{batch}-{i}",
                address="人民路1号",
                contacts=[{"name": "阿不都", "phone": "0991-3000001"}],
                reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
            )
            for i in range(count)
        )
        flows = Flow.objects.bulk_create(
            Flow(
                nodes=[
                    {"kind": "base_unit"},
                    {"kind": "authority", "authority_id": a.pk, "name": a.name},
                    {"kind": "committee"},
                ]
            )
            for a in authorities
        )
        Offering.objects.bulk_create(
            Offering(
                committee=committee,
                qualification=qualification,
                year=world.offering.year,
                opens_at=now + timedelta(days=windows[i % 3][0]),
                closes_at=now + timedelta(days=windows[i % 3][1]),
                flow=flow,
            )
            for i, (committee, flow) in enumerate(zip(committees, flows, strict=True))
        )
        Notice.objects.bulk_create(
            Notice(title=f"预算通知{batch}-{i}", body="正文", published_at=now - timedelta(hours=i))
            for i in range(count)
        )
    return {}


def the_offering(world: World, count: int) -> dict[str, Any]:
    directory(world, count)
    return {"pk": world.offering.pk}


def committee_contacts(world: World, count: int) -> dict[str, Any]:
    committee = world.offering.committee
    committee.contacts = [
        *committee.contacts,
        *({"name": f"预算联系人{i}", "phone": "0991-3000009"} for i in range(count)),
    ]
    with in_region(CODE):
        committee.save(update_fields=["contacts"])
    return {"pk": committee.pk}


def notice_files(world: World, count: int) -> dict[str, Any]:
    """A published notice with `count` attachments, the first of them a real file."""
    notice = world.made.get("notice")
    if notice is None:
        blob = real_blob(world.people["admin"])
        first = {"sha256": blob.sha256, "name": "通知附件.png", "content_type": "image/png"}
        notice = world.made["notice"] = Notice(title="关于职称评审的通知", attachments=[first])
        count -= 1
    notice.attachments = [
        *notice.attachments,
        *(
            {"sha256": fake_sha(), "name": f"附件{i}.png", "content_type": "image/png"}
            for i in range(count)
        ),
    ]
    with in_region(CODE):
        notice.save()
    return {"pk": notice.pk}


def notice_file(world: World, count: int) -> dict[str, Any]:
    kwargs = notice_files(world, count)
    return {**kwargs, "sha256": world.made["notice"].attachments[0]["sha256"]}


def authorities_with_reviewers(world: World, count: int) -> dict[str, Any]:
    authorities = new_authorities(world, count)
    batch = next(_serial)
    User.objects.bulk_create(
        User(
            username=f"budget-reviewer-{batch}-{i}",
            name=f"审核员{i}",
            role=Role.AUTHORITY_REVIEWER,
            region=authority.region,
            authority=authority,
        )
        for i, authority in enumerate(authorities)
    )
    return {}


def reviewers(world: World, count: int) -> dict[str, Any]:
    batch = next(_serial)
    User.objects.bulk_create(
        User(
            username=f"budget-reviewer-{batch}-{i}",
            name=f"审核员{i}",
            role=Role.AUTHORITY_REVIEWER,
            region=world.authority.region,
            authority=world.authority,
            phone="13900000001",
        )
        for i in range(count)
    )
    return {"pk": world.authority.pk}


def unit_changes(world: World, count: int) -> dict[str, Any]:
    UnitChangeRequest.objects.bulk_create(
        UnitChangeRequest(
            unit=unit, new_name=f"更名后{i}", reason="学校更名", requested_by=world.people["unit"]
        )
        for i, unit in enumerate(new_units(world, count))
    )
    return {}


def units_and_offerings(world: World, count: int) -> dict[str, Any]:
    new_units(world, count)
    return directory(world, count)


def waiting_at_unit(world: World, count: int) -> dict[str, Any]:
    applications(world, count, node=0)
    return {}


def indexed(world: World, rows: list[Application], code: str = CODE) -> None:
    """The public index's rows of applications waiting at the recommending authority, as
    apply_transition writes them (the authority's queue reads the index)."""
    region = Region.objects.get(schema_name=code)
    offering = world.offering
    ApplicationIndex.objects.bulk_create(
        ApplicationIndex(
            number=a.number,
            region=region,
            applicant_id=a.applicant_id,
            unit=world.unit,
            qualification=offering.qualification,
            year=a.year,
            committee_id=offering.committee_id,
            committee_name=offering.committee.name,
            status=a.status,
            node_index=a.current_node,
            node_kind="recommending_unit",
            waiting_org_kind=OrgKind.AUTHORITY,
            waiting_org_id=world.authority.pk,
            closes_at=offering.closes_at,
            updated_at=timezone.now(),
        )
        for a in rows
    )


def waiting_at_authority(world: World, count: int) -> dict[str, Any]:
    """Applications recommended to the authority, waiting there; on the first call also one in
    自治区 (a row of the index only): its 申请书审核 spans the regions."""
    rows = applications(world, count, node=1, recommending=world.authority)
    with in_region(CODE):
        SectionEntry.objects.bulk_create(
            SectionEntry(application=a, key=UNIT_SECTION, data=RECOMMENDATION) for a in rows
        )
    indexed(world, rows)
    if "xj" not in world.made:
        world.made["xj"] = Application(
            number=f"BQX{next(_serial):010d}",
            applicant=applicants(1)[0],
            year=world.offering.year,
            status=Status.IN_REVIEW,
            current_node=1,
        )
        indexed(world, [world.made["xj"]], "xj")
    return {}


def waiting_at_committee(world: World, count: int) -> dict[str, Any]:
    applications(world, count, node=2, recommending=world.authority)
    return {}


def recommended(world: World, count: int) -> dict[str, Any]:
    """Applications the unit recommended to the authority, with the unit's opinion."""
    rows = applications(world, count, node=2, recommending=world.authority)
    with in_region(CODE):
        SectionEntry.objects.bulk_create(
            SectionEntry(application=a, key=UNIT_SECTION, data=RECOMMENDATION) for a in rows
        )
    return {}


def alices_applications(world: World, count: int) -> dict[str, Any]:
    """阿丽娅's applications here, drafts and in review at the committee, and as many in other
    regions (a line each)."""
    alice = world.people["applicant"]
    applications(world, count - count // 2, applicant=alice)
    applications(world, count // 2, applicant=alice, node=2, recommending=world.authority)
    kashgar = Region.objects.get(schema_name="kashgar")
    now = timezone.now()
    ApplicationIndex.objects.bulk_create(
        ApplicationIndex(
            number=f"BQK{next(_serial):010d}",
            region=kashgar,
            applicant=alice,
            unit=world.unit,
            qualification=world.offering.qualification,
            year=next(_serial),  # once per qualification and year
            committee_name="喀什地区中小学教师职称评审委员会",
            status=Status.DRAFT,
            closes_at=now,
            updated_at=now,
        )
        for _ in range(count)
    )
    return {}


def revising(world: World, count: int) -> dict[str, Any]:
    """阿丽娅 revises a returned application: files, comments and history on 基本信息, and files
    in her 附件库 to choose from."""
    application = the_application(world, status=Status.RETURNED, node=None)
    attachments(application, count)
    comments(application, count, "basic", world.people["unit"])
    history(application, count, world.people["unit"])
    library(world.people["applicant"], count)
    return {"number": application.number}


def flow_reports(world: World, count: int) -> dict[str, Any]:
    """如果此流程有错: 阿丽娅's reports on her application, answered by the admin."""
    application = the_application(world, status=Status.RETURNED, node=None)
    with in_region(CODE):
        made = FlowReport.objects.bulk_create(
            FlowReport(
                number=application.number,
                applicant=world.people["applicant"],
                flow_nodes=application.flow.nodes,
                status=application.status,
                text="推荐单位不对",
                answer="已修正",
                answered_by=world.people["admin"],
            )
            for _ in range(count)
        )
    return {"number": application.number, "pk": made[0].pk}


def flow_report_list(world: World, count: int) -> dict[str, Any]:
    flow_reports(world, count)
    return {}


def a_flow_report(world: World, count: int) -> dict[str, Any]:
    return {"pk": flow_reports(world, count)["pk"]}


def at_the_unit(world: World, count: int) -> dict[str, Any]:
    """The unit reviews: comments on its recommendation, history, and recommending units to
    choose from."""
    application = the_application(world)
    comments(application, count, UNIT_SECTION, world.people["authority"])
    history(application, count, world.people["applicant"])
    world.unit.recommending_units.add(*new_authorities(world, count))
    return {"number": application.number}


def at_the_committee(world: World, count: int) -> dict[str, Any]:
    application = the_application(world, node=2)
    attachments(application, count)
    history(application, count, world.people["unit"])
    return {"number": application.number}


def id_scan(world: World, count: int) -> dict[str, Any]:
    alice = world.people["applicant"]
    if not alice.id_card_scan:
        alice.id_card_scan = real_blob(alice).sha256
        alice.save(update_fields=["id_card_scan"])
    application = the_application(world)
    attachments(application, count)
    return {"number": application.number}


def a_file(world: World, count: int) -> dict[str, Any]:
    """One real file among `count` attachments."""
    application = the_application(world)
    if "file" not in world.made:
        blob = real_blob(world.people["applicant"])
        with in_region(CODE):
            world.made["file"] = Attachment.objects.create(
                application=application,
                section="basic",
                blob_sha256=blob.sha256,
                name="证书.png",
                content_type="image/png",
            )
        count -= 1
    attachments(application, count)
    return {"number": application.number, "attachment_id": world.made["file"].pk}


def detail(world: World, count: int) -> dict[str, Any]:
    """A returned application with every section filled, files and comments."""
    application = the_application(world, status=Status.RETURNED, node=None)
    if "filled" not in world.made:
        complete(application, 0)
        world.made["filled"] = True
    attachments(application, count)
    comments(application, count, "basic", world.people["unit"])
    return {"number": application.number}


def its_history(world: World, count: int) -> dict[str, Any]:
    application = the_application(world)
    history(application, count, world.people["unit"])
    return {"number": application.number}


# --- reading what a response shows --------------------------------------------------------------


def html(marker: str) -> Callable[[HttpResponse], int]:
    return lambda response: response.content.decode().count(marker)


def json_rows(response: HttpResponse) -> int:
    return len(response.json())


def detail_files(response: HttpResponse) -> int:
    """The files added by the case (the filled sections have their own "证明材料")."""
    sections = response.json()["sections"]
    return sum(a["name"].startswith("扫描件") for s in sections for a in s["attachments"])


@dataclass(frozen=True)
class Page:
    """A GET: `add(world, n)` adds n rows and returns the route's kwargs; the response shows
    `rows(response)` of them (plus `base` there from the start, at most `cap`), or, for a form,
    contains `marker`; with neither it is a file."""

    route: str
    viewer: str
    add: Callable[[World, int], dict[str, Any]]
    budget: int
    rows: Callable[[HttpResponse], int] | None = None
    base: int = 0
    cap: int | None = None
    marker: str = ""
    params: dict[str, str] = field(default_factory=dict)
    name: str = ""


PAGES = [
    Page("home", "anonymous", directory, 6, html("<li><strong>"), base=1),
    Page("committees", "anonymous", directory, 3, html("<li><strong>"), base=1),
    Page("api-committees", "anonymous", directory, 3, json_rows, base=1),
    Page("offerings", "anonymous", directory, 3, html("<tr data-state="), base=1),
    Page("api-offerings", "anonymous", directory, 3, json_rows, base=1),
    # and the files' sizes, one query for all
    Page("notice", "anonymous", notice_files, 3, html('data-testid="notice-attachment"')),
    Page("notice-file", "anonymous", notice_file, 3),
    Page("setup", "admin", directory, 9, html("<tr data-state="), base=1),
    Page("setup-committee-new", "admin", directory, 6, marker='name="reviews"'),
    Page("setup-committee", "admin", committee_contacts, 7, html("预算联系人")),
    Page("setup-offering-new", "admin", directory, 9, html("预算委员会")),
    Page("setup-offering", "admin", the_offering, 10, html("预算委员会")),
    Page("setup-notice-new", "admin", directory, 5, marker='name="attachment"'),
    Page("setup-notice", "admin", notice_files, 6, html("/files/")),
    Page("region-admin", "admin", authorities_with_reviewers, 7, html("/toggle/"), base=1),
    Page(
        "region-admin-authority-new",
        "admin",
        authorities_with_reviewers,
        5,
        marker='name="contact_phone"',
    ),
    Page("region-admin-authority", "admin", reviewers, 6, marker="乌鲁木齐市教育局"),
    Page("region-admin-reviewers", "admin", reviewers, 7, html("budget-reviewer-")),
    Page("region-admin-unit-changes", "admin", unit_changes, 6, html("预算单位"), cap=200),
    Page("review-queue", "unit", waiting_at_unit, 8, html("data-number="), cap=50),
    Page(
        "review-queue",
        "committee",
        waiting_at_committee,
        9,
        html("data-number="),
        cap=50,
        name="review-queue-committee",
    ),
    Page(
        "review-queue",
        "authority",
        waiting_at_authority,
        12,  # two regions on the page: 自治区's unit opinions cost a switch and a query
        html("data-number="),
        base=1,
        cap=50,
        name="review-queue-authority",
    ),
    Page("review-query", "authority", recommended, 8, html("data-number="), cap=50),
    Page(
        "review-query",
        "admin",
        recommended,
        7,
        html("data-number="),
        cap=50,
        name="review-query-admin",
    ),
    Page(
        "review-page",
        "unit",
        at_the_unit,
        13,  # the comments' and history's authorities (one query), the recommending units, 查询记录
        html("次退回"),
        params={"section": UNIT_SECTION},
    ),
    Page(
        "review-page",
        "committee",
        at_the_committee,
        14,  # and the sizes of the section's files
        html('class="scan-view"'),
        name="review-page-committee",
    ),
    Page("review-id-scan", "unit", id_scan, 6),  # and its 查询记录
    Page("review-file", "unit", a_file, 6),
    Page(
        "my-applications",
        "applicant",
        alices_applications,
        # the units' recommending units: contacts on the flow; the sections and attachments
        # of the step indicator's n/N: one query each for all cards
        9,
        html('data-testid="application-card"'),
    ),
    Page(
        "application-new",
        "applicant",
        units_and_offerings,
        6,
        html("（乌鲁木齐市）"),
        params={"unit_q": "预算单位"},
    ),
    Page(
        "application-edit",
        "applicant",
        revising,
        16,  # and the sizes of the section's files
        html("/remove/"),
        params={"section": "basic"},
    ),
    Page(
        "application-flow-report",
        "applicant",
        lambda w, n: {"number": flow_reports(w, n)["number"]},
        8,
        html('data-testid="flow-report"'),
    ),
    Page(
        "region-admin-flow-reports",
        "admin",
        flow_report_list,
        5,
        html('data-testid="flow-report-row"'),
        cap=200,
    ),
    Page("region-admin-flow-report", "admin", a_flow_report, 5, marker='name="answer"'),
    # 更改资格, step 2: the region's open offerings, with the 属地化 advice.
    Page(
        "application-requalify",
        "applicant",
        revising,
        11,
        marker='data-testid="step-offering"',
        params={"region": "urumqi"},
    ),
    Page("api-applications", "applicant", alices_applications, 4, json_rows),
    Page(
        "api-applications",
        "committee",
        waiting_at_committee,
        5,
        json_rows,
        name="api-applications-committee",
    ),
    Page("api-application", "applicant", detail, 8, detail_files),
    Page("api-application-history", "applicant", its_history, 5, json_rows),
    # Printing: a cached document is read, never rendered again, at any size.
    Page(
        "print-review-form", "applicant", printing.form_rows, 8, printing.pdf_count(printing.MARK)
    ),
    Page(
        "print-material-bag",
        "committee",
        printing.bag_files,
        9,  # and its 查询记录
        printing.pdf_count(printing.FILE_MARK),
    ),
    Page(
        "api-document-review-form",
        "unit",
        printing.form_rows,
        9,  # and its 查询记录
        printing.pdf_count(printing.MARK),
    ),
    Page(
        "api-document-material-bag",
        "applicant",
        printing.bag_files,
        7,
        printing.pdf_count(printing.FILE_MARK),
    ),
    Page(
        "print-batches",
        "committee",
        printing.committee_offerings,
        7,
        html("data-offering="),
        base=1,
    ),
    Page("print-batch", "committee", printing.print_jobs, 6, marker='data-testid="batch-progress"'),
    # The merged file: its applications and their 查询记录 in one insert.
    Page("print-batch-file", "committee", printing.merged_pages, 7, printing.pdf_pages),
]


def _check_page(case: Page, world: World, within, kwargs: dict[str, Any], total: int) -> None:
    client = world.client(case.viewer)
    path = url(case.route, **kwargs)
    response = within(lambda: client.get(path, case.params), case.budget)
    assert response.status_code == 200
    if case.rows is not None:
        shown = case.base + total
        assert case.rows(response) == min(shown, case.cap or shown)
    elif case.marker:
        assert case.marker in response.content.decode()
    else:
        assert response["Content-Type"].startswith("image/")
        assert b"".join(response.streaming_content)


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name or case.route)
def test_a_page_costs_the_same_with_one_row_and_with_many(case: Page, world: World, within):
    kwargs = case.add(world, 1)
    _check_page(case, world, within, kwargs, 1)
    case.add(world, MANY - 1)
    analyze(*TABLES)
    _check_page(case, world, within, kwargs, MANY)


# --- writes -------------------------------------------------------------------------------------


@dataclass
class Sent:
    """Who sends what to which object; `target` is what the check looks at."""

    user: User
    kwargs: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)
    target: Any = None


@dataclass(frozen=True)
class Write:
    """A POST, PUT or DELETE, sent once to an object `prepare(world, size)` made with `size`
    rows that could make it cost more; `done(sent, response)` checks its effect."""

    route: str
    prepare: Callable[[World, int], Sent]
    budget: int
    status: int
    done: Callable[[Sent, HttpResponse], bool]
    method: str = "form"  # "form", "json" (a POST), "put" or "delete"
    sizes: tuple[int, ...] = (1, MANY)
    name: str = ""


def new_applicant(world: World) -> User:
    return applicants(1)[0]


def a_draft(world: World, size: int) -> Sent:
    """A fresh applicant's complete draft with `size` more files."""
    applicant = new_applicant(world)
    application = application_of(world, applicant)
    complete(application, size)
    return Sent(applicant, {"number": application.number}, target=application)


def at_unit_node(world: World, size: int) -> Sent:
    """An application waiting at the unit with `size` files and comments of other reviewers."""
    application = application_of(world, new_applicant(world), status=Status.IN_REVIEW, node=0)
    complete(application, size)
    comments(application, size, "basic", world.people["authority"])
    return Sent(world.people["unit"], {"number": application.number}, target=application)


def region_row(application: Application) -> Application | None:
    with in_region(CODE):
        return Application.objects.filter(pk=application.pk).first()


def files_of(application: Application) -> set[str]:
    with in_region(CODE):
        return set(
            Attachment.objects.filter(application=application).values_list("blob_sha256", flat=True)
        )


def to_create(world: World, size: int) -> Sent:
    applicant = new_applicant(world)
    applications(world, size, applicant=applicant)
    data = {"offering": world.offering.pk, "unit": world.unit.pk}
    return Sent(applicant, {}, data)


def to_save_basic(world: World, size: int) -> Sent:
    sent = a_draft(world, size)
    basic = next(s for s in sent.target.form.sections if s["key"] == "basic")
    sent.kwargs["key"] = "basic"
    sent.data = {"data": sample(basic["schema"], full=True)}
    return sent


def to_attach(world: World, size: int) -> Sent:
    sent = a_draft(world, size)
    (item,) = library(sent.user, 1)
    sent.data = {"section": "basic", "blob": item.blob_id}
    return sent


def to_detach(world: World, size: int) -> Sent:
    sent = a_draft(world, size)
    with in_region(CODE):
        attachment = Attachment.objects.filter(application=sent.target, section="basic").first()
    sent.kwargs["attachment_id"] = attachment.pk
    sent.data = {"section": "basic"}
    return sent


def to_submit(world: World, size: int) -> Sent:
    sent = a_draft(world, size)
    sent.data = {"action": "submit"}
    return sent


def to_comment(world: World, size: int) -> Sent:
    sent = at_unit_node(world, size)
    sent.data = {"section": "basic", "text": "单位性质选择错误"}
    return sent


def to_recommend(world: World, size: int) -> Sent:
    sent = at_unit_node(world, size)
    sent.data = {"action": "recommend", **RECOMMENDATION}
    return sent


def to_close(world: World, size: int) -> Sent:
    return Sent(world.people["admin"], {"pk": world.offering.pk}, target=world.offering)


def to_toggle(world: World, size: int) -> Sent:
    return Sent(world.people["admin"], {"pk": world.authority.pk}, target=world.authority)


def to_decide(world: World, size: int) -> Sent:
    change = UnitChangeRequest.objects.create(
        unit=world.unit,
        new_name="乌鲁木齐市第十高级中学",
        reason="更名",
        requested_by=world.people["unit"],
    )
    return Sent(world.people["admin"], {"pk": change.pk}, {"decision": "approve"}, target=change)


def to_add_committee(world: World, size: int) -> Sent:
    data = {
        "name": "乌鲁木齐市卫生系列职称评审委员会",
        "address": "健康路9号",
        "contacts": "玛依拉 0991-3000002\n李医生 0991-3000003",
        "reviews": ["health:junior", "health:intermediate"],
    }
    return Sent(world.people["admin"], {}, data)


def to_edit_committee(world: World, size: int) -> Sent:
    sent = to_add_committee(world, size)
    sent.kwargs = {"pk": world.offering.committee.pk}
    return sent


def to_publish(world: World, size: int) -> Sent:
    now = timezone.localtime()
    data = {
        "committee": world.offering.committee.pk,
        "qualification": Qualification.objects.get(code="school-teacher-math-intermediate").pk,
        "year": world.offering.year,
        "opens_at": (now - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
        "max_submissions": 2,
        "fee": "150.00",
        "paper_instructions": "报送纸质材料一份",
        "with_recommending_unit": "on",
        "authority_1": world.authority.pk,
    }
    return Sent(world.people["admin"], {}, data)


def to_edit_offering(world: World, size: int) -> Sent:
    sent = to_publish(world, size)
    sent.data["qualification"] = world.offering.qualification_id
    sent.kwargs = {"pk": world.offering.pk}
    return sent


def to_post_notice(world: World, size: int) -> Sent:
    data = {"title": "关于报送纸质材料的通知", "body": "请按时报送。", "attachment": png_upload()}
    return Sent(world.people["admin"], {}, data)


def to_edit_notice(world: World, size: int) -> Sent:
    notice_files(world, size)
    sent = to_post_notice(world, size)
    sent.kwargs = {"pk": world.made["notice"].pk}
    return sent


def to_add_authority(world: World, size: int) -> Sent:
    data = {
        "name": "乌鲁木齐市卫生健康委员会",
        "kind": "competent",
        "contact_name": "李老师",
        "contact_phone": "0991-8888888",
    }
    return Sent(world.people["admin"], {}, data)


def to_edit_authority(world: World, size: int) -> Sent:
    sent = to_add_authority(world, size)
    sent.kwargs = {"pk": world.authority.pk}
    return sent


def to_add_reviewer(world: World, size: int) -> Sent:
    reviewers(world, size)
    data = {"username": "budget-new-reviewer", "name": "审核员甲", "password": "Hongshan-Park-9"}
    return Sent(world.people["admin"], {"pk": world.authority.pk}, data)


def to_apply(world: World, size: int) -> Sent:
    applicant = new_applicant(world)
    applications(world, size, applicant=applicant)
    data = {"offering": world.offering.pk, "unit": world.unit.pk, "unit_q": "十中"}
    return Sent(applicant, {}, data)


def status_is(status: str, node: int | None) -> Callable[[Sent, HttpResponse], bool]:
    def done(sent: Sent, response: HttpResponse) -> bool:
        row = region_row(sent.target)
        return (row.status, row.current_node) == (status, node)

    return done


def gone(sent: Sent, response: HttpResponse) -> bool:
    return (
        region_row(sent.target) is None
        and not ApplicationIndex.objects.filter(number=sent.target.number).exists()
    )


def attached(sent: Sent, response: HttpResponse) -> bool:
    return sent.data["blob"] in files_of(sent.target)


def detached(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return not Attachment.objects.filter(pk=sent.kwargs["attachment_id"]).exists()


def commented(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return ReviewComment.objects.filter(
            application=sent.target,
            org_kind="unit",
            org_id=sent.user.unit_id,
            text=sent.data["text"],
        ).exists()


def created(sent: Sent, response: HttpResponse) -> bool:
    return ApplicationIndex.objects.filter(
        applicant=sent.user, number=response.json()["number"]
    ).exists()


def saved(sent: Sent, response: HttpResponse) -> bool:
    return response.json()["errors"] == {}


def closed(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return not Offering.objects.get(pk=sent.target.pk).is_active


def toggled(sent: Sent, response: HttpResponse) -> bool:
    return not Authority.objects.get(pk=sent.target.pk).is_active


def committee_saved(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Committee.objects.filter(name=sent.data["name"], contacts__1__name="李医生").exists()


def offering_saved(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Offering.objects.filter(
            qualification_id=sent.data["qualification"], fee=150, max_submissions=2
        ).exists()


def notice_saved(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Notice.objects.filter(title=sent.data["title"]).exclude(attachments=[]).exists()


def authority_saved(sent: Sent, response: HttpResponse) -> bool:
    return Authority.objects.filter(name=sent.data["name"], contact_name="李老师").exists()


def reviewer_created(sent: Sent, response: HttpResponse) -> bool:
    return User.objects.filter(
        username=sent.data["username"], authority_id=sent.kwargs["pk"]
    ).exists()


def applied(sent: Sent, response: HttpResponse) -> bool:
    return ApplicationIndex.objects.filter(applicant=sent.user).exists()


def approved(sent: Sent, response: HttpResponse) -> bool:
    return UnitChangeRequest.objects.get(pk=sent.target.pk).status == ChangeStatus.APPROVED


WRITES = [
    Write("api-applications", to_create, 20, 201, created, method="json"),
    # Deleting a draft: one DELETE per child table (sections, files, comments, history, the
    # sections a requalification set aside, payment orders and paper materials), then the row
    # and its index row.
    Write("api-application", a_draft, 19, 204, gone, method="delete"),
    # An edit re-reads the application under its row lock (workflow.applications._locked).
    Write("api-application-section", to_save_basic, 17, 200, saved, method="put"),
    Write("api-application-attachments", to_attach, 21, 201, attached, method="json"),
    Write("api-application-attachment", to_detach, 15, 204, detached, method="delete"),
    Write(
        "api-application-transitions",
        to_submit,
        23,
        200,
        status_is(Status.IN_REVIEW, 0),
        method="json",
    ),
    Write("api-application-comments", to_comment, 16, 201, commented, method="json"),
    Write("review-comment", to_comment, 16, 302, commented),
    Write("review-action", to_recommend, 24, 302, status_is(Status.IN_REVIEW, 1)),
    Write("application-attach", to_attach, 21, 302, attached),
    Write("application-detach", to_detach, 15, 302, detached),
    Write("application-transition", to_submit, 19, 302, status_is(Status.IN_REVIEW, 0)),
    Write("application-delete", a_draft, 19, 302, gone),
    Write("setup-offering-close", to_close, 6, 302, closed, sizes=(1,)),
    Write("region-admin-authority-toggle", to_toggle, 6, 302, toggled, sizes=(1,)),
    Write("region-admin-unit-change-decide", to_decide, 11, 302, approved, sizes=(1,)),
    # The forms' POSTs (their GETs are measured above).
    Write("setup-committee-new", to_add_committee, 8, 302, committee_saved, sizes=(1,)),
    Write("setup-committee", to_edit_committee, 9, 302, committee_saved, sizes=(1,)),
    Write("setup-offering-new", to_publish, 15, 302, offering_saved, sizes=(1,)),
    Write("setup-offering", to_edit_offering, 16, 302, offering_saved, sizes=(1,)),
    Write("setup-notice-new", to_post_notice, 18, 302, notice_saved, sizes=(1,)),
    Write("setup-notice", to_edit_notice, 19, 302, notice_saved),
    Write("region-admin-authority-new", to_add_authority, 8, 302, authority_saved, sizes=(1,)),
    Write("region-admin-authority", to_edit_authority, 9, 302, authority_saved, sizes=(1,)),
    Write("region-admin-reviewers", to_add_reviewer, 12, 302, reviewer_created, sizes=(1,)),
    Write("application-new", to_apply, 17, 302, applied),
]


def _send(client: RegionClient, method: str, path: str, data: dict[str, Any]) -> HttpResponse:
    if method == "form":
        return client.post(path, data)
    if method == "delete":
        return client.delete(path)
    send = client.put if method == "put" else client.post
    return send(path, data, content_type="application/json")


@pytest.mark.parametrize("case", WRITES, ids=lambda case: case.name or case.route)
def test_a_write_stays_within_its_budget_on_a_small_object_and_a_large_one(
    case: Write, world: World, within
):
    for size in case.sizes:
        sent = case.prepare(world, size)
        analyze(*TABLES)
        client = world.client(sent.user)
        client.get(url("home"))  # the session's activity clock starts on its first request
        path = url(case.route, **sent.kwargs)
        response = within(
            functools.partial(_send, client, case.method, path, sent.data),
            case.budget,
            warm=False,
        )
        assert response.status_code == case.status, response.content
        assert case.done(sent, response)


# --- printing: the public site's verification of an official copy ------------------------------


@pytest.mark.parametrize("copies", [1, MANY])
def test_verifying_an_official_copy_costs_the_same_however_often_it_was_printed(
    world: World, within, copies: int
):
    number, code = printing.official_copies(world, copies)
    public = client_for("public")
    urls = "config.urls_public"
    page = within(lambda: public.get(reverse("verify", urlconf=urls)), 0)
    assert page.status_code == 200
    kwargs = {"number": number, "code": code}
    found = within(lambda: public.get(reverse("verify-document", urlconf=urls, kwargs=kwargs)), 6)
    assert 'data-testid="genuine"' in found.content.decode()
    assert ('data-testid="superseded"' in found.content.decode()) == (copies > 1)
    original = within(
        lambda: public.get(reverse("verify-original", urlconf=urls, kwargs=kwargs)), 5
    )
    assert printing.pdf_pages(original) % 2 == 0


COVERED = {case.route for case in PAGES} | {case.route for case in WRITES}
COVERED |= {"verify", "verify-document", "verify-original"}
