"""Query budgets of the results' pages and API, with one row and with many (the workflow
budgets' world and helpers). `COVERED` is read by tests/test_query_budgets.py.

Closing a meeting, publishing, issuing a 批文 or certificates fire one transition per listed
application (each locks its row, writes its history and index row): those writes are measured
for one application, and cost the same again for each further one.
"""

import itertools
from datetime import timedelta
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from core.models import CertificateEntry, CertificateVerification
from results.models import (
    ApprovalDocument,
    ApprovalEntry,
    Certificate,
    Handling,
    Meeting,
    MeetingEntry,
    Objection,
    Publicity,
    PublicityEntry,
)
from tenants.crossing import in_region
from tenants.models import Region
from tests.printing import budgets as printing
from tests.support import analyze, client_for
from tests.workflow.test_query_budgets import (
    MANY,
    TABLES,
    Page,
    Sent,
    World,
    Write,
    _check_page,
    _send,
    applications,
    history,
    html,
    the_application,
    url,
)
from workflow.states import Status

CODE = "urumqi"
RESULT_TABLES = (
    *TABLES,
    f"{CODE}.results_meeting",
    f"{CODE}.results_meetingentry",
    f"{CODE}.results_publicity",
    f"{CODE}.results_publicityentry",
    f"{CODE}.results_objection",
    f"{CODE}.results_approvaldocument",
    f"{CODE}.results_approvalentry",
    f"{CODE}.results_certificate",
)
_serial = itertools.count(1)


def _once(world: World, key: str, make) -> Any:
    if key not in world.made:
        world.made[key] = make()
    return world.made[key]


def _meeting(world: World) -> Meeting:
    return _once(
        world,
        "meeting",
        lambda: Meeting.objects.create(
            committee=world.offering.committee,
            held_on=timezone.localdate(),
            place="会议室",
            members=9,
            created_by=world.people["committee"],
        ),
    )


def _publicity(world: World) -> Publicity:
    today = timezone.localdate()
    return _once(
        world,
        "publicity",
        lambda: Publicity.objects.create(
            committee=world.offering.committee,
            title="公示",
            starts_on=today,
            ends_on=today + timedelta(days=6),
            created_by=world.people["committee"],
        ),
    )


def _document(world: World) -> ApprovalDocument:
    return _once(
        world,
        "document",
        lambda: ApprovalDocument.objects.create(
            committee=world.offering.committee,
            number=f"新职称字〔2026〕{next(_serial)}号",
            issued_on=timezone.localdate(),
            issuing_body="乌鲁木齐市人力资源和社会保障局",
            created_by=world.people["committee"],
        ),
    )


def waiting_everywhere(world: World, count: int) -> dict[str, Any]:
    """`count` applications waiting at each stage (the dashboard counts them)."""
    for status in (Status.FORMAL_REVIEW_PASSED, Status.MEETING_PASSED, Status.APPROVED):
        applications(world, count, status=status)
    return {}


def meetings(world: World, count: int) -> dict[str, Any]:
    with in_region(CODE):
        Meeting.objects.bulk_create(
            Meeting(
                committee=world.offering.committee,
                held_on=timezone.localdate(),
                place=f"会议室{i}",
                members=9,
                created_by=world.people["committee"],
            )
            for i in range(count)
        )
    return {}


def on_the_meeting(world: World, count: int) -> dict[str, Any]:
    """`count` applications on one meeting's list, with votes."""
    rows = applications(world, count, status=Status.FORMAL_REVIEW_PASSED)
    with in_region(CODE):
        meeting = _meeting(world)
        MeetingEntry.objects.bulk_create(
            MeetingEntry(
                meeting=meeting,
                application=a,
                present=9,
                votes_for=7,
                votes_against=1,
                abstain=1,
            )
            for a in rows
        )
    return {"pk": meeting.pk}


def _certificates(rows: list) -> None:
    """A certificate for each of `rows` (certified applications)."""
    Certificate.objects.bulk_create(
        Certificate(
            application=a,
            number=f"BUDGET-{next(_serial):06d}",
            holder_name=a.applicant.name,
            issued_on=timezone.localdate(),
            approval_number="新职称字〔2026〕1号",
            issuing_body="人社局",
        )
        for a in rows
    )


def decided(world: World, count: int) -> dict[str, Any]:
    """`count` of the unit's applications through a meeting: passed, 公示, 批文 and certificate
    (the unit's 评审结果 joins every stage)."""
    rows = applications(world, count, status=Status.CERTIFIED)
    with in_region(CODE):
        meeting, publicity, document = _meeting(world), _publicity(world), _document(world)
        MeetingEntry.objects.bulk_create(
            MeetingEntry(meeting=meeting, application=a, result="passed") for a in rows
        )
        PublicityEntry.objects.bulk_create(
            PublicityEntry(publicity=publicity, application=a) for a in rows
        )
        ApprovalEntry.objects.bulk_create(
            ApprovalEntry(document=document, application=a) for a in rows
        )
        _certificates(rows)
    return {}


def publicities(world: World, count: int) -> dict[str, Any]:
    with in_region(CODE):
        today = timezone.localdate()
        Publicity.objects.bulk_create(
            Publicity(
                committee=world.offering.committee,
                title=f"公示{i}",
                starts_on=today,
                ends_on=today,
                created_by=world.people["committee"],
            )
            for i in range(count)
        )
    return {}


def in_publicity(world: World, count: int) -> dict[str, Any]:
    """`count` applications on one current publicity, each with an objection."""
    rows = applications(world, count, status=Status.IN_PUBLICITY)
    with in_region(CODE):
        publicity = _publicity(world)
        entries = PublicityEntry.objects.bulk_create(
            PublicityEntry(publicity=publicity, application=a) for a in rows
        )
        Objection.objects.bulk_create(
            Objection(publicity=publicity, entry=e, name="张三", contact="1", reason="预算异议")
            for e in entries
        )
    return {"pk": publicity.pk}


def documents(world: World, count: int) -> dict[str, Any]:
    with in_region(CODE):
        ApprovalDocument.objects.bulk_create(
            ApprovalDocument(
                committee=world.offering.committee,
                number=f"新职称字〔2026〕{next(_serial)}号",
                issued_on=timezone.localdate(),
                issuing_body="人社局",
                created_by=world.people["committee"],
            )
            for _ in range(count)
        )
    return {}


def approved(world: World, count: int) -> dict[str, Any]:
    """`count` applications listed on one approval document."""
    rows = applications(world, count, status=Status.APPROVED)
    with in_region(CODE):
        document = _document(world)
        ApprovalEntry.objects.bulk_create(
            ApprovalEntry(document=document, application=a) for a in rows
        )
    return {"pk": document.pk}


def certified(world: World, count: int) -> dict[str, Any]:
    rows = applications(world, count, status=Status.CERTIFIED)
    with in_region(CODE):
        _certificates(rows)
    return {}


def _certificate_of_alice(world: World) -> Certificate:
    application = the_application(world, status=Status.CERTIFIED, node=None)

    def make() -> Certificate:
        with in_region(CODE):
            document = _document(world)
            ApprovalEntry.objects.create(document=document, application=application)
            certificate = Certificate.objects.create(
                application=application,
                number=f"URUMQI-2091-{next(_serial):05d}",
                holder_name="阿丽娅",
                issued_on=timezone.localdate(),
                approval_number=document.number,
                issuing_body=document.issuing_body,
            )
        CertificateEntry.objects.create(
            number=certificate.number,
            region=Region.objects.get(schema_name=CODE),
            application_number=application.number,
            holder=world.people["applicant"],
            holder_name="阿丽娅",
            qualification=application.qualification,
            issued_on=certificate.issued_on,
            approval_number=certificate.approval_number,
            issuing_body=certificate.issuing_body,
        )
        return certificate

    return _once(world, "certificate", make)


def alices_result(world: World, count: int) -> dict[str, Any]:
    """阿丽娅's certified application, with `count` more history entries."""
    certificate = _certificate_of_alice(world)
    history(certificate.application, count, world.people["unit"])
    return {"number": certificate.application.number}


def people_shown(response: HttpResponse) -> int:
    return len(response.json()[0]["people"])


def is_pdf(response: HttpResponse) -> int:
    return int(response.content.startswith(b"%PDF"))


def publicized(world: World, count: int) -> dict[str, Any]:
    in_publicity(world, count)
    return {}


PAGES = [
    Page("results-home", "committee", waiting_everywhere, 10, marker='data-testid="for-meeting"'),
    Page("results-meetings", "committee", meetings, 7, html("data-meeting="), cap=50),
    Page("results-meeting", "committee", on_the_meeting, 10, html('data-testid="entry"')),
    Page("results-publicities", "committee", publicities, 7, html('"publicity-row"'), cap=50),
    Page("results-publicity", "committee", in_publicity, 10, html('"publicity-entry"')),
    Page("results-approvals", "committee", documents, 7, html('"approval-row"'), cap=50),
    Page("results-approval", "committee", approved, 9, html('data-testid="approved"')),
    Page("results-approval-pdf", "committee", approved, 8, printing.pdf_count("申请人")),
    Page("results-certificates", "committee", certified, 9, html('data-number="BUDGET'), cap=50),
    Page("application-result", "applicant", alices_result, 10, html("次退回")),
    Page(
        "results-organization", "unit", decided, 9, html('data-testid="certificate-number"'), cap=50
    ),
    Page("application-certificate", "applicant", alices_result, 7, is_pdf, cap=1),
    Page("publicity", "anonymous", publicized, 5, html('data-testid="publicity-person"')),
    Page("api-publicity", "anonymous", publicized, 5, people_shown),
    Page(
        "approval-lookup",
        "anonymous",
        approved,
        6,
        html('data-testid="approved"'),
        params={"number": ""},
    ),
]


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name or case.route)
def test_a_results_page_costs_the_same_with_one_row_and_with_many(case: Page, world, within):
    kwargs = case.add(world, 1)
    if case.route == "approval-lookup":
        case = Page(**{**case.__dict__, "params": {"number": world.made["document"].number}})
        kwargs = {}
    _check_page(case, world, within, kwargs, 1)
    case.add(world, MANY - 1)
    analyze(*RESULT_TABLES)
    _check_page(case, world, within, kwargs, MANY)


@pytest.mark.parametrize("certificates", [1, MANY])
def test_verifying_a_certificate_costs_the_same_however_many_there_are(
    world, within, certificates: int
):
    certified(world, certificates - 1)
    certificate = _certificate_of_alice(world)
    public = client_for("public")
    question = {"number": certificate.number, "name": "阿丽娅"}
    urls = "config.urls_public"
    page = within(lambda: public.get(reverse("certificate-verify", urlconf=urls), question), 5)
    assert 'data-testid="certificate-valid"' in page.content.decode()
    api = within(lambda: public.get(reverse("api-certificate-verify", urlconf=urls), question), 5)
    assert api.json()["valid"] is True
    assert CertificateVerification.objects.filter(number=certificate.number).count() == 4


# --- writes -------------------------------------------------------------------------------------

VOTES = {"present": 9, "votes_for": 9, "votes_against": 0, "abstain": 0}


def to_vote(world: World, size: int) -> Sent:
    kwargs = on_the_meeting(world, size)
    with in_region(CODE):
        entry = MeetingEntry.objects.filter(meeting_id=kwargs["pk"]).first()
    return Sent(world.people["committee"], {**kwargs, "entry_id": entry.pk}, VOTES, entry)


def voted(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return MeetingEntry.objects.get(pk=sent.target.pk).votes_for == 9


def removed(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return not MeetingEntry.objects.filter(pk=sent.target.pk).exists()


def to_close(world: World, size: int) -> Sent:
    kwargs = on_the_meeting(world, size)
    return Sent(world.people["committee"], kwargs, {}, kwargs["pk"])


def meeting_closed(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Meeting.objects.get(pk=sent.target).closed_at is not None


def to_handle(world: World, size: int) -> Sent:
    in_publicity(world, size)
    with in_region(CODE):
        objection = Objection.objects.filter(handling="").first()
    data = {"handling": Handling.DISMISSED, "handling_reason": "不属实"}
    return Sent(world.people["committee"], {"pk": objection.pk}, data, objection)


def handled(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Objection.objects.get(pk=sent.target.pk).handling == Handling.DISMISSED


def to_revoke(world: World, size: int) -> Sent:
    certified(world, size)
    with in_region(CODE):
        certificate = Certificate.objects.filter(number__startswith="BUDGET").first()
    return Sent(world.people["committee"], {"pk": certificate.pk}, {"reason": "撤销"}, certificate)


def revoked(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Certificate.objects.get(pk=sent.target.pk).revoked_at is not None


def to_object(world: World, size: int) -> Sent:
    kwargs = in_publicity(world, size)
    data = {"name": "李四", "contact": "13900000000", "reason": "预算新异议"}
    return Sent(world.people["applicant"], kwargs, data, kwargs["pk"])


def objected(sent: Sent, response: HttpResponse) -> bool:
    with in_region(CODE):
        return Objection.objects.filter(publicity_id=sent.target, reason="预算新异议").exists()


WRITES = [
    Write("results-meeting-votes", to_vote, 9, 302, voted),
    Write("results-meeting-remove", to_vote, 9, 302, removed),
    Write("results-meeting-close", to_close, 25, 302, meeting_closed, sizes=(1,)),
    Write("results-objection", to_handle, 9, 302, handled),
    Write("results-certificate-revoke", to_revoke, 9, 302, revoked),
    Write("publicity-objection", to_object, 5, 302, objected),
    Write("api-publicity-objections", to_object, 5, 201, objected, method="json"),
]


@pytest.mark.parametrize("case", WRITES, ids=lambda case: case.name or case.route)
def test_a_results_write_stays_within_its_budget(case: Write, world, within):
    for size in case.sizes:
        sent = case.prepare(world, size)
        analyze(*RESULT_TABLES)
        client = world.client(sent.user)
        client.get(url("home"))
        path = url(case.route, **sent.kwargs)
        response = within(
            lambda client=client, path=path, sent=sent: _send(client, case.method, path, sent.data),
            case.budget,
            warm=False,
        )
        assert response.status_code == case.status, response.content
        assert case.done(sent, response)


COVERED = {case.route for case in PAGES} | {case.route for case in WRITES}
COVERED |= {"certificate-verify", "api-certificate-verify"}
