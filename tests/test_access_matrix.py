"""One access rule, answered the same by pages and API (issue 11, part 3).

The matrix is generated from both URL confs: every named route must have a row in `ROWS` (a
route without one fails), and every row is asked by each role of a small cast, on the host of
乌鲁木齐市 (where the cast's application lives) and on the public site:

- `own`: the person the object is theirs to see — 阿丽娅 (the applicant), her unit's admin, the
  authority she was recommended to, staff of the committee it reached, 乌鲁木齐市's admin, the
  central office;
- `stranger`: the same role in the same region, not theirs — another applicant, another unit,
  another authority, another committee of 乌鲁木齐市;
- `foreign`: the same role from 克拉玛依市 — its applicant, unit, authority, committee staff and
  admin — asking 乌鲁木齐市's host.

Each answer is one letter: Y (served: 2xx, a redirect other than to the login, or 400/405/409
— the request reached what it asked for), N (the dull 404), F (403), L (sign in: the API's 401,
a page's redirect to the login), E (a server error; never expected). A row gives the own
answers of the seven roles and its scope, which derives the other two columns from the rule:

- OPEN: anyone, signed in or not, gets the same answer;
- MINE: a person's own things (profile, notifications, 附件库): the same for everyone;
- REGION: a route of the host's region: strangers as the owners; from another region,
  committee staff and region admins (confined to their region) get N, the others as the owners;
- OBJECT: one of the own cast's things (her application, its files, her notification, an appeal
  to 乌鲁木齐市): N for strangers and for everyone from another region; the central office
  reads every region.

On the public site, which is no region, and for open routes, the own cast asks alone. `PAIRS`
then checks that a page and its API counterpart answer alike for everyone who uses them.
Routes whose own view decides otherwise than the rule are listed in `NOT_YET` with the reason.
To write the row of a new route, run with MATRIX_OBSERVE=1 and -s: it prints every answer.
"""

import copy
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_q.models import Task

from core.models import (
    AccountAppeal,
    AppealKind,
    Authority,
    ConditionSet,
    LibraryItem,
    Notification,
    Qualification,
    Role,
    SectionForm,
    Series,
    Specialty,
    UnitChangeRequest,
    User,
)
from core.operations.health import HEARTBEAT_FUNC
from oversight.models import ExportJob
from payments.models import OrderStatus, PaymentOrder
from printing.models import PrintBatch
from results.models import (
    ApprovalDocument,
    ApprovalEntry,
    Certificate,
    Meeting,
    MeetingEntry,
    Objection,
    Publicity,
)
from tenants.crossing import in_region
from tenants.models import Region
from tests.support import RegionClient, client_for, complete_unit, route_names
from tests.workflow import conftest as workflow_fixtures
from tests.workflow.conftest import create, fill_every_section, open_offering, upload_scans
from tests.workflow.test_review import RECOMMENDATION
from workflow.applications import application_create
from workflow.index import index_write
from workflow.models import Application, Attachment, CommitteeStaff, FlowReport, Notice
from workflow.setup import committee_save, offering_save
from workflow.states import Status
from workflow.transitions import apply_transition

# The workflow tests' region: the catalog, an open offering in 乌鲁木齐市 and 阿丽娅's unit.
catalog, offering, unit = (
    workflow_fixtures.catalog,
    workflow_fixtures.offering,
    workflow_fixtures.unit,
)

HOME, AWAY = "urumqi", "karamay"
CONFS = {"config.urls_region": HOME, "config.urls_public": "public"}
ROLES = ("anonymous", "applicant", "unit", "authority", "committee", "admin", "central")
CONFINED = {"committee", "admin"}
RELATIONS = ("own", "stranger", "foreign")


class Scope(StrEnum):
    OPEN = "open"
    MINE = "mine"
    REGION = "region"
    OBJECT = "object"


@dataclass
class Cast:
    people: dict[tuple[str, str], User | None]  # (relation, role) -> person
    number: str
    attachment_id: int
    sha256: str  # in 阿丽娅's 附件库, attached to her application
    objects: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """How to ask a route (`method`, its kwargs and data from the cast) and the answers of the
    own cast, one letter per role of ROLES."""

    own: str
    scope: Scope
    method: str = "get"  # get, post (a form), json (a JSON POST), put, delete
    kwargs: Callable[[Cast], dict] = lambda cast: {}
    data: Callable[[Cast], dict] = lambda cast: {}
    # The stranger and foreign columns typed out, for a route that does not answer by the rule
    # yet (each one is in NOT_YET with the reason); "-" where the cast has nobody.
    others: str = ""

    def expected(self, relation: str, role: str) -> str:
        mine = self.own[ROLES.index(role)]
        if relation == "own" or role == "anonymous" or self.scope in (Scope.OPEN, Scope.MINE):
            return mine
        if self.others:
            typed = dict(zip(RELATIONS[1:], self.others.split(), strict=True))
            return typed[relation][ROLES.index(role)]
        if self.scope == Scope.REGION:
            return "N" if relation == "foreign" and role in CONFINED else mine
        return "N"


def number(cast: Cast) -> dict:
    return {"number": cast.number}


def attachment(cast: Cast) -> dict:
    return {"number": cast.number, "attachment_id": cast.attachment_id}


def blob(cast: Cast) -> dict:
    return {"sha256": cast.sha256}


def unprinted(cast: Cast) -> dict:
    """The application with a verification code no copy of it was printed under."""
    return {"number": cast.number, "code": "ABCDE-FGHJK"}


def order(cast: Cast) -> dict:
    return {"number": cast.number, "order_id": cast.objects["order"]}


def form_version(cast: Cast) -> dict:
    return {"key": cast.objects["form"], "version": cast.objects["form_version"]}


def _flow_report(alice: User, number: str) -> int:
    with in_region(HOME):
        return FlowReport.objects.create(
            number=number, applicant=alice, status="", text="流程不对"
        ).pk


def obj(name: str, key: str = "pk") -> Callable[[Cast], dict]:
    return lambda cast: {key: cast.objects[name]}


def export_of(cast: Cast, role: str) -> dict:
    """A finished export of the own cast's `role` (made when first asked), with its file."""
    key = f"export-{role}"
    if key not in cast.objects:
        job = ExportJob.objects.create(
            requested_by=cast.people[("own", role)],
            region=Region.objects.get(schema_name=HOME) if role == "admin" else None,
            format="csv",
            status="done",
            file_key=f"exports/matrix-{role}.csv",
        )
        path = Path(settings.MEDIA_ROOT) / job.file_key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("申请书编号\n", encoding="utf-8")
        cast.objects[key] = job.pk
    return {"pk": cast.objects[key]}


def meeting_entry(cast: Cast) -> dict:
    return {"pk": cast.objects["meeting"], "entry_id": cast.objects["meeting_entry"]}


def _results(number: str, committee, staff: User) -> dict[str, int]:
    """The committee's records of the later stages, for the application (made directly: the
    results tests tell how they come about): a meeting listing it, a current publicity with an
    objection, an approval document listing it and its certificate."""
    today = timezone.localdate()
    with in_region(HOME):
        application = Application.objects.get(number=number)
        meeting = Meeting.objects.create(
            committee=committee, held_on=today, place="会议室", members=9, created_by=staff
        )
        entry = MeetingEntry.objects.create(meeting=meeting, application=application)
        publicity = Publicity.objects.create(
            committee=committee, title="公示", starts_on=today, ends_on=today, created_by=staff
        )
        objection = Objection.objects.create(
            publicity=publicity, name="张三", contact="1", reason="不实"
        )
        document = ApprovalDocument.objects.create(
            committee=committee,
            number="新职称字〔2026〕1号",
            issued_on=today,
            issuing_body="人社局",
            created_by=staff,
        )
        ApprovalEntry.objects.create(document=document, application=application)
        certificate = Certificate.objects.create(
            application=application,
            number="URUMQI-2026-00001",
            holder_name="阿丽娅",
            issued_on=today,
            approval_number=document.number,
            issuing_body="人社局",
        )
    return {
        "meeting": meeting.pk,
        "meeting_entry": entry.pk,
        "publicity": publicity.pk,
        "objection": objection.pk,
        "approval": document.pk,
        "certificate": certificate.pk,
    }


RETURN = {"action": "return", "opinion": "请补充继续教育学时证明。"}
COMMENT = {"section": "basic", "text": "单位性质选择错误"}

# fmt: off
ROWS: dict[str, Row] = {
    # --- the region's applications: API -------------------------------------------------------
    "api-applications": Row("LYYYYYY", Scope.REGION),
    "api-application": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "api-application-section": Row(
        "LYNNNNN", Scope.OBJECT, "put", lambda c: {**number(c), "key": "basic"},
        lambda c: {"data": {}},
    ),
    "api-application-attachments": Row(
        "LYNNNNN", Scope.OBJECT, "json", number, lambda c: {"section": "basic", "blob": c.sha256}
    ),
    "api-application-attachment": Row("LYNNNNN", Scope.OBJECT, "delete", attachment),
    "api-application-transitions": Row("LFYYYNN", Scope.OBJECT, "json", number, lambda c: RETURN),
    "api-application-history": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "api-application-comments": Row("LNFFYNN", Scope.OBJECT, "json", number, lambda c: COMMENT),
    # --- the region's applications: pages -----------------------------------------------------
    "review-queue": Row("LNYYYNN", Scope.REGION),
    "review-query": Row("LNYYYYY", Scope.REGION),
    "review-page": Row("LNYYYYY", Scope.OBJECT, kwargs=number),
    "review-comment": Row("LNFFYNN", Scope.OBJECT, "post", number, lambda c: COMMENT),
    "review-action": Row("LNYYYNN", Scope.OBJECT, "post", number, lambda c: RETURN),
    "review-id-scan": Row("LNYYYYY", Scope.OBJECT, kwargs=number),
    "review-file": Row("LNYYYYY", Scope.OBJECT, kwargs=attachment),
    "my-applications": Row("LYYYYYY", Scope.MINE),
    "application-new": Row("LYFFFNN", Scope.REGION),
    "application-edit": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "application-attach": Row(
        "LYNNNNN", Scope.OBJECT, "post", number, lambda c: {"section": "basic", "blob": c.sha256}
    ),
    "application-detach": Row("LYNNNNN", Scope.OBJECT, "post", attachment),
    "application-transition": Row("LFYYYNN", Scope.OBJECT, "post", number, lambda c: RETURN),
    "application-delete": Row("LYNNNNN", Scope.OBJECT, "post", number),
    "application-requalify": Row("LYNNNNN", Scope.OBJECT, kwargs=number),
    "application-flow-report": Row("LYNNNNN", Scope.OBJECT, kwargs=number),
    # --- printing: an application's documents, a committee's batches, the public check ---------
    "api-document-review-form": Row("LYYYYNN", Scope.OBJECT, kwargs=number),
    "api-document-material-bag": Row("LYYYYNN", Scope.OBJECT, kwargs=number),
    "print-review-form": Row("LYYYYNN", Scope.OBJECT, kwargs=number),
    "print-material-bag": Row("LYYYYNN", Scope.OBJECT, kwargs=number),
    "print-batches": Row("LNNNYNN", Scope.REGION),
    "print-batch": Row("LNNNYNN", Scope.OBJECT, kwargs=obj("batch")),
    # Its merged PDF is not made yet: the dull 404 for its committee too.
    "print-batch-file": Row("LNNNNNN", Scope.OBJECT, kwargs=obj("batch")),
    # --- payments: the applicant's orders, the provider's callback, the committee's pages ------
    "api-application-payments": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "application-pay": Row("LYNNNNN", Scope.OBJECT, "post", number),
    "payment-return": Row("LYNNNNN", Scope.OBJECT, kwargs=order),
    "payment-receipt": Row("LYNNNNN", Scope.OBJECT, kwargs=order),
    # Signed by the provider, not by a session: unsigned, it is refused (400) for everyone.
    "payment-notify": Row("YYYYYYY", Scope.OPEN, "post"),
    "committee-payments": Row("LNNNYNN", Scope.REGION),
    "committee-offering-payments": Row(
        "LNNNYNN", Scope.OBJECT, kwargs=obj("offering", "offering_id")
    ),
    "committee-reconciliation-csv": Row(
        "LNNNYNN", Scope.OBJECT, kwargs=obj("offering", "offering_id")
    ),
    "committee-payment": Row("LNNNYNN", Scope.OBJECT, kwargs=number),
    "committee-paper-scan": Row("LNNNYNN", Scope.REGION),
    "verify": Row("YYYYYYY", Scope.OPEN),
    # Anyone holding a paper may check it; a code never printed is the same 404 for everyone.
    "verify-document": Row("NNNNNNN", Scope.OPEN, kwargs=unprinted),
    "verify-original": Row("NNNNNNN", Scope.OPEN, kwargs=unprinted),
    # --- results: the committee's stages, the result query, the public 公示 and checks ---------
    "results-home": Row("LNNNYNN", Scope.REGION),
    "results-meetings": Row("LNNNYNN", Scope.REGION),
    "results-meeting": Row("LNNNYNN", Scope.OBJECT, kwargs=obj("meeting")),
    "results-meeting-votes": Row(
        "LNNNYNN", Scope.OBJECT, "post", meeting_entry,
        lambda c: {"present": 9, "votes_for": 9, "votes_against": 0, "abstain": 0},
    ),
    "results-meeting-remove": Row("LNNNYNN", Scope.OBJECT, "post", meeting_entry),
    "results-meeting-close": Row("LNNNYNN", Scope.OBJECT, "post", obj("meeting")),
    "results-publicities": Row("LNNNYNN", Scope.REGION),
    "results-publicity": Row("LNNNYNN", Scope.OBJECT, kwargs=obj("publicity")),
    "results-objection": Row("LNNNYNN", Scope.OBJECT, "post", obj("objection")),
    "results-approvals": Row("LNNNYNN", Scope.REGION),
    "results-approval": Row("LNNNYNN", Scope.OBJECT, kwargs=obj("approval")),
    "results-approval-pdf": Row("LNNNYNN", Scope.OBJECT, kwargs=obj("approval")),
    "results-certificates": Row("LNNNYNN", Scope.REGION),
    "results-certificate-revoke": Row("LNNNYNN", Scope.OBJECT, "post", obj("certificate")),
    "results-organization": Row("LNYYNNN", Scope.REGION),
    "application-result": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "application-certificate": Row("LYYYYYY", Scope.OBJECT, kwargs=number),
    "publicity": Row("YYYYYYY", Scope.OPEN),
    "publicity-objection": Row("YYYYYYY", Scope.OPEN, "post", obj("publicity")),
    "approval-lookup": Row("YYYYYYY", Scope.OPEN),
    "api-publicity": Row("YYYYYYY", Scope.OPEN),
    "api-publicity-objections": Row("YYYYYYY", Scope.OPEN, "json", obj("publicity")),
    # Anyone may verify; with no number and name there is nothing to find.
    "certificate-verify": Row("YYYYYYY", Scope.OPEN),
    "api-certificate-verify": Row("NNNNNNN", Scope.OPEN),
    # --- the region's public pages ------------------------------------------------------------
    "home": Row("YYYYYYY", Scope.OPEN),
    "committees": Row("YYYYYYY", Scope.OPEN),
    "offerings": Row("YYYYYYY", Scope.OPEN),
    "notice": Row("YYYYYYY", Scope.OPEN, kwargs=obj("notice")),
    "notice-file": Row(
        "YYYYYYY", Scope.OPEN, kwargs=lambda c: {"pk": c.objects["notice"], "sha256": c.sha256}
    ),
    "api-committees": Row("YYYYYYY", Scope.OPEN),
    "api-offerings": Row("YYYYYYY", Scope.OPEN),
    # --- the region admin's set-up ------------------------------------------------------------
    "setup": Row("LNNNNYN", Scope.REGION),
    "setup-committee-new": Row("LNNNNYN", Scope.REGION),
    "setup-committee": Row("LNNNNYN", Scope.REGION, kwargs=obj("committee")),
    "setup-offering-new": Row("LNNNNYN", Scope.REGION),
    "setup-offering": Row("LNNNNYN", Scope.REGION, kwargs=obj("offering")),
    "setup-offering-close": Row("LNNNNYN", Scope.REGION, "post", obj("offering")),
    "setup-notice-new": Row("LNNNNYN", Scope.REGION),
    "setup-notice": Row("LNNNNYN", Scope.REGION, kwargs=obj("notice")),
    "region-admin": Row("LNNNNYN", Scope.REGION),
    "region-admin-flow-reports": Row("LNNNNYN", Scope.REGION),
    "region-admin-flow-report": Row("LNNNNYN", Scope.REGION, kwargs=obj("flow_report")),
    "region-admin-authority-new": Row("LNNNNYN", Scope.REGION),
    "region-admin-authority": Row("LNNNNYN", Scope.REGION, kwargs=obj("authority")),
    "region-admin-authority-toggle": Row("LNNNNYN", Scope.REGION, "post", obj("authority")),
    "region-admin-reviewers": Row("LNNNNYN", Scope.REGION, kwargs=obj("authority")),
    "region-admin-unit-changes": Row("LNNNNYN", Scope.REGION),
    "region-admin-unit-change-decide": Row(
        "LNNNNYN", Scope.REGION, "post", obj("unit_change"), lambda c: {"decision": "reject"}
    ),
    "region-appeals": Row("LNNNNYN", Scope.MINE),
    "region-appeal": Row("LNNNNYN", Scope.OBJECT, kwargs=obj("appeal")),
    "region-appeal-scan": Row("LNNNNYN", Scope.OBJECT, kwargs=obj("appeal")),
    # --- every host: signing in, registering, recovering ---------------------------------------
    "login": Row("YYYYYYY", Scope.OPEN),
    "logout": Row("YYYYYYY", Scope.OPEN, "post"),
    "handoff": Row("YYYYYYY", Scope.OPEN),
    "wechat-login": Row("YYYYYYY", Scope.OPEN, "post", data=lambda c: {"region": "xj"}),
    "wechat-callback": Row("YYYYYYY", Scope.OPEN),
    "switch-region": Row("YYYYYYY", Scope.OPEN, data=lambda c: {"to": AWAY}),
    "register": Row("YYYYYYY", Scope.OPEN),
    "register-applicant": Row("YYYYYYY", Scope.OPEN),
    "register-unit": Row("YYYYYYY", Scope.OPEN),
    "recover": Row("YYYYYYY", Scope.OPEN),
    "help": Row("YYYYYYY", Scope.OPEN),
    "recover-email": Row("YYYYYYY", Scope.OPEN),
    "password-reset-confirm": Row(
        "YYYYYYY", Scope.OPEN, kwargs=lambda c: {"uidb64": "MQ", "token": "no-such-token"}
    ),
    "recover-sms": Row("YYYYYYY", Scope.OPEN),
    "recover-sms-verify": Row("YYYYYYY", Scope.OPEN),
    "recover-username": Row("YYYYYYY", Scope.OPEN),
    "appeal": Row("YYYYYYY", Scope.OPEN),
    "appeal-person": Row("YYYYYYY", Scope.OPEN),
    "appeal-unit": Row("YYYYYYY", Scope.OPEN),
    "set_language": Row("YYYYYYY", Scope.OPEN, "post", data=lambda c: {"language": "zh-hans"}),
    "api-regions": Row("YYYYYYY", Scope.OPEN),
    "api-token": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-register-applicant": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-register-unit": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-register-id-card-scan": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-password-reset": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-password-reset-confirm": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-sms-code": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-sms-reset": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-recover-username": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-appeal-create": Row("YYYYYYY", Scope.OPEN, "json"),
    "api-catalog": Row("YYYYYYY", Scope.OPEN),
    "api-form": Row("YYYYYYY", Scope.OPEN, kwargs=obj("form", "key")),
    "api-form-version": Row("YYYYYYY", Scope.OPEN, kwargs=form_version),
    "api-schema": Row("YYYYYYY", Scope.OPEN),
    "healthz": Row("YYYYYYY", Scope.OPEN),
    "readyz": Row("YYYYYYY", Scope.OPEN),
    "api-docs": Row("YYYYYYY", Scope.OPEN),
    # --- every host: a person's own things ----------------------------------------------------
    "profile": Row("LYYYYYY", Scope.MINE),
    "my-unit": Row("LNYNNNN", Scope.MINE),
    "my-unit-change": Row("LNYNNNN", Scope.MINE),
    "library": Row("LYYYYYY", Scope.MINE),
    "library-delete": Row("LYNNNNN", Scope.OBJECT, "post", blob),
    "library-file": Row("LYNNNNN", Scope.OBJECT, kwargs=blob),
    "library-thumbnail": Row("LYNNNNN", Scope.OBJECT, kwargs=blob),
    "notifications": Row("LYYYYYY", Scope.MINE),
    "notifications-read-all": Row("LYYYYYY", Scope.MINE, "post"),
    "notification-open": Row("LYNNNNN", Scope.OBJECT, "post", obj("notification")),
    "api-me": Row("LYYYYYY", Scope.MINE),
    "api-my-applications": Row("LYYYYYY", Scope.MINE),
    "api-password": Row("LYYYYYY", Scope.MINE, "json"),
    "api-my-wechat": Row("LYYYYYY", Scope.MINE),
    "api-my-unit": Row("LNYNNNN", Scope.MINE),
    "api-units": Row("LYYYYYY", Scope.MINE),
    "api-authorities": Row("LYYYYYY", Scope.MINE),
    "api-blobs": Row("LYYYYYY", Scope.MINE),
    "api-blob": Row("LYNNNNN", Scope.OBJECT, kwargs=blob),
    "api-blob-content": Row("LYNNNNN", Scope.OBJECT, kwargs=blob),
    "api-blob-thumbnail": Row("LYNNNNN", Scope.OBJECT, kwargs=blob),
    "api-notifications": Row("LYYYYYY", Scope.MINE),
    "api-notifications-read": Row("LYYYYYY", Scope.MINE, "json"),
    "api-appeals": Row("LNNNNYN", Scope.MINE),
    "api-appeal": Row("LNNNNYN", Scope.OBJECT, kwargs=obj("appeal")),
    "api-appeal-scan": Row("LNNNNYN", Scope.OBJECT, kwargs=obj("appeal")),
    "api-appeal-decision": Row(
        "LNNNNYN", Scope.OBJECT, "json", obj("appeal"), lambda c: {"approve": False}
    ),
    # --- every host: the central office -------------------------------------------------------
    "central-catalog": Row("LNNNNNY", Scope.REGION),
    "central-catalog-toggle": Row(
        "LNNNNNY", Scope.REGION, "post", lambda c: {"kind": "series", "pk": c.objects["series"]}
    ),
    "central-qualification": Row("LNNNNNY", Scope.REGION, kwargs=obj("qualification")),
    "central-qualification-new": Row(
        "LNNNNNY", Scope.REGION, kwargs=obj("specialty", "specialty_pk")
    ),
    "central-forms": Row("LNNNNNY", Scope.REGION),
    "central-form-publish": Row("LNNNNNY", Scope.REGION, kwargs=obj("form", "key")),
    "central-form": Row("LNNNNNY", Scope.REGION, kwargs=form_version),
    "central-conditions": Row("LNNNNNY", Scope.REGION),
    "central-condition": Row("LNNNNNY", Scope.REGION, kwargs=obj("condition")),
    # --- oversight: the central office (every host), the region admin (its host), 查询记录 -------
    "api-my-access-log": Row("LYYYYYY", Scope.MINE),
    "api-central-stats": Row("LNNNNNY", Scope.REGION),
    "central-dashboard": Row("LNNNNNY", Scope.REGION),
    "central-applications": Row("LNNNNNY", Scope.REGION),
    "central-audit": Row("LNNNNNY", Scope.REGION),
    "central-exports": Row("LNNNNNY", Scope.REGION, "post", data=lambda c: {"format": "csv"}),
    # An export is its requester's alone: the own central office's here.
    "central-export": Row("LNNNNNY", Scope.REGION, kwargs=lambda c: export_of(c, "central")),
    "central-export-file": Row("LNNNNNY", Scope.REGION, kwargs=lambda c: export_of(c, "central")),
    "region-admin-applications": Row("LNNNNYY", Scope.REGION),
    "region-admin-statistics": Row("LNNNNYY", Scope.REGION),
    "region-admin-exports": Row("LNNNNYY", Scope.REGION, "post", data=lambda c: {"format": "csv"}),
    # The own admin's export: the central office did not ask for it.
    "region-admin-export": Row("LNNNNYN", Scope.REGION, kwargs=lambda c: export_of(c, "admin")),
    "region-admin-export-file": Row(
        "LNNNNYN", Scope.REGION, kwargs=lambda c: export_of(c, "admin")
    ),
}
# fmt: on

# Routes whose answers the rule does not decide yet, outside core/access.py and
# workflow/access.py (each is the view's own check); the rows record what they answer today.
NOT_YET: dict[str, str] = {}

# A page and its API counterpart answer alike for the roles that use the page.
EVERY_ROLE = set(ROLES)
REVIEWERS_AND_READERS = {"anonymous", "unit", "authority", "committee", "admin", "central"}
PAIRS = [
    ("review-page", "api-application", REVIEWERS_AND_READERS),
    ("review-page", "api-application-history", REVIEWERS_AND_READERS),
    ("application-edit", "api-application", {"anonymous", "applicant"}),
    (
        "review-action",
        "api-application-transitions",
        {"anonymous", "unit", "authority", "committee"},
    ),
    ("application-transition", "api-application-transitions", {"anonymous", "applicant"}),
    ("review-comment", "api-application-comments", {"anonymous", "unit", "authority", "committee"}),
    ("review-query", "api-applications", REVIEWERS_AND_READERS),
    ("application-attach", "api-application-attachments", EVERY_ROLE),
    ("application-detach", "api-application-attachment", EVERY_ROLE),
    ("my-applications", "api-my-applications", {"anonymous", "applicant"}),
    ("notifications", "api-notifications", EVERY_ROLE),
    ("library", "api-blobs", EVERY_ROLE),
    ("library-file", "api-blob-content", EVERY_ROLE),
    ("my-unit", "api-my-unit", EVERY_ROLE),
    ("region-appeals", "api-appeals", EVERY_ROLE),
    ("region-appeal", "api-appeal", EVERY_ROLE),
    ("region-appeal-scan", "api-appeal-scan", EVERY_ROLE),
    ("print-review-form", "api-document-review-form", EVERY_ROLE),
    ("print-material-bag", "api-document-material-bag", EVERY_ROLE),
    ("committees", "api-committees", EVERY_ROLE),
    ("offerings", "api-offerings", EVERY_ROLE),
]


def test_rows_typed_out_are_the_ones_not_yet_by_the_rule():
    typed = {route for route, row in ROWS.items() if row.others}
    assert typed <= set(NOT_YET), sorted(typed - set(NOT_YET))


def test_every_route_of_both_url_confs_has_a_row():
    routes = set().union(*(route_names(conf) for conf in CONFS))
    assert sorted(routes - set(ROWS)) == [], "routes without a row in the access matrix"
    assert sorted(set(ROWS) - routes) == [], "rows of routes that no longer exist"


# --- the cast -----------------------------------------------------------------------------------


def _committee_with_staff(code: str, name: str, staff: User):
    with in_region(code):
        committee = committee_save(
            name=name,
            address="人民路1号",
            contacts=[{"name": "阿不都", "phone": "0991-3000001"}],
            reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
        )
        CommitteeStaff.objects.create(committee=committee, user=staff)
    return committee


def _unit_with_admin(make_user, region: Region, name: str, org_code: str) -> User:
    unit = complete_unit(region, name, name[-4:], org_code)
    unit.save()
    return make_user(Role.UNIT_ADMIN, unit=unit)


def _reviewer(make_user, region: Region, name: str) -> User:
    authority = Authority.objects.create(region=region, name=name)
    return make_user(Role.AUTHORITY_REVIEWER, region=region, authority=authority)


def _paid_order(number: str) -> int:
    with in_region(HOME):
        return PaymentOrder.objects.create(
            application=Application.objects.get(number=number),
            amount=200,
            provider="sandbox",
            status=OrderStatus.PAID,
            paid_at=timezone.now(),
            receipt_number="2026120400000001",
        ).pk


def _act(user: User, number: str, action: str, **payload: str) -> None:
    client = client_for(HOME)
    client.force_login(user)
    response = client.post(
        f"/api/v1/applications/{number}/transitions/",
        {"action": action, **payload},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content


@pytest.fixture
def cast(alice, bob, offering, unit, make_user, settings, tmp_path) -> Cast:
    """阿丽娅's application in 乌鲁木齐市, submitted, recommended by her unit, forwarded by its
    authority and now at the committee: everyone of the own cast has seen it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_FILES_ACCEL_PREFIX = None
    home = Region.objects.get(schema_name=HOME)
    away = Region.objects.get(schema_name=AWAY)
    authority = unit.recommending_units.get()
    people: dict[tuple[str, str], User | None] = {(r, "anonymous"): None for r in RELATIONS}
    own = {
        "applicant": alice,
        "unit": User.objects.get(username="unit-ten"),
        "authority": make_user(Role.AUTHORITY_REVIEWER, region=home, authority=authority),
        "committee": make_user(Role.COMMITTEE_STAFF, region=home),
        "admin": make_user(Role.REGION_ADMIN, region=home),
        "central": make_user(Role.CENTRAL_OFFICE),
    }
    with in_region(HOME):
        CommitteeStaff.objects.create(committee=offering.committee, user=own["committee"])
    stranger = {
        "applicant": bob,
        "unit": _unit_with_admin(make_user, home, "乌鲁木齐市第二十中学", "TK000020"),
        "authority": _reviewer(make_user, home, "乌鲁木齐市卫生健康委员会"),
        "committee": make_user(Role.COMMITTEE_STAFF, region=home),
    }
    _committee_with_staff(HOME, "乌鲁木齐市卫生系列职称评审委员会", stranger["committee"])
    foreign = {
        "applicant": make_user(Role.APPLICANT),
        "unit": _unit_with_admin(make_user, away, "克拉玛依市第一中学", "TK000030"),
        "authority": _reviewer(make_user, away, "克拉玛依市教育局"),
        "committee": make_user(Role.COMMITTEE_STAFF, region=away),
        "admin": make_user(Role.REGION_ADMIN, region=away),
    }
    _committee_with_staff(AWAY, "克拉玛依市中小学教师职称评审委员会", foreign["committee"])
    for relation, group in (("own", own), ("stranger", stranger), ("foreign", foreign)):
        people.update({(relation, role): user for role, user in group.items()})

    alice_client = client_for(HOME)
    alice_client.force_login(alice)
    number = create(alice_client, offering, unit).json()["number"]
    fill_every_section(alice_client, number)
    (scan,) = upload_scans(alice_client, 1)
    alice.id_card_scan = scan
    alice.save(update_fields=["id_card_scan"])
    _act(alice, number, "submit")
    _act(own["unit"], number, "recommend", **RECOMMENDATION)
    _act(own["authority"], number, "forward")
    with in_region(HOME):
        attached = Attachment.objects.filter(application__number=number).first()
        notice = Notice.objects.create(
            title="关于职称评审的通知",
            attachments=[{"sha256": attached.blob_sha256, "name": "通知.png"}],
        )
        batch = PrintBatch.objects.create(
            committee=offering.committee,
            offering=offering,
            title="评审表合订",
            numbers=[number],
            requested_by=own["committee"],
            origin="http://localhost",
        )
    series = Series.objects.get(code="school-teacher")
    objects = {
        "notice": notice.pk,
        "batch": batch.pk,
        "committee": offering.committee_id,
        "offering": offering.pk,
        "authority": authority.pk,
        "unit_change": UnitChangeRequest.objects.create(
            unit=unit, new_name="乌鲁木齐市第十高级中学", reason="更名", requested_by=own["unit"]
        ).pk,
        "appeal": AccountAppeal.objects.create(
            kind=AppealKind.PERSON,
            name="阿丽娅",
            id_card_number=alice.id_card_number,
            email="aliya@example.cn",
            scan=scan,
            region=home,
        ).pk,
        "notification": Notification.objects.create(
            recipient=alice, region_code=HOME, title="申请书已退回", link="/applications/"
        ).pk,
        "series": series.pk,
        "specialty": Specialty.objects.filter(series=series).first().pk,
        "qualification": Qualification.objects.filter(specialty__series=series).first().pk,
        "form": series.form_key,
        "form_version": SectionForm.objects.filter(key=series.form_key).first().version,
        "condition": ConditionSet.objects.first().pk,
        "flow_report": _flow_report(alice, number),
        "order": _paid_order(number),
        **_results(number, offering.committee, own["committee"]),
    }
    _a_worker_ran_its_heartbeat()
    return Cast(
        people=people,
        number=number,
        attachment_id=attached.pk,
        sha256=LibraryItem.objects.filter(owner=alice, blob_id=attached.blob_sha256).get().blob_id,
        objects=objects,
    )


def _a_worker_ran_its_heartbeat() -> None:
    """/readyz answers 200 once a task worker has run recently (tests/core/test_health.py runs
    a real one)."""
    now = timezone.now()
    Task.objects.create(
        id=uuid.uuid4().hex,
        name="heartbeat",
        func=HEARTBEAT_FUNC,
        started=now,
        stopped=now,
        success=True,
    )


# --- asking -------------------------------------------------------------------------------------


def answer_of(response) -> str:
    code = response.status_code
    if code == 401 or (code == 302 and response["Location"].startswith(reverse("login"))):
        return "L"
    if code >= 500:
        return "E"
    return {404: "N", 403: "F"}.get(code, "Y")


def ask(client: RegionClient, row: Row, path: str, cast: Cast) -> str:
    """One request inside a savepoint that is rolled back: nobody's write is seen by the
    next person asked."""
    data = row.data(cast)
    cookies = copy.deepcopy(client.cookies)  # logging out or in must not outlive the request
    with transaction.atomic():
        if row.method == "get":
            response = client.get(path, data)
        elif row.method == "post":
            response = client.post(path, data)
        elif row.method == "json":
            response = client.post(path, data, content_type="application/json")
        else:
            response = getattr(client, row.method)(path, data, content_type="application/json")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)  # the client's wrapper closes it safely
        transaction.set_rollback(True)
    client.cookies = cookies
    return answer_of(response)


def walk(cast: Cast) -> dict[tuple[str, str], dict[tuple[str, str], str]]:
    """(conf, route) -> (relation, role) -> answer, for every route of both confs."""
    clients: dict[tuple[str, str, str], RegionClient] = {}

    def client(host: str, relation: str, role: str) -> RegionClient:
        key = (host, relation, role)
        if key not in clients:
            clients[key] = client_for(host)
            clients[key].raise_request_exception = False
            person = cast.people[(relation, role)]
            if person is not None:
                clients[key].force_login(person)
        return clients[key]

    answers = {}
    for conf, host in CONFS.items():
        for route in sorted(route_names(conf) & set(ROWS)):  # the others fail above
            row = ROWS[route]
            path = reverse(route, urlconf=conf, kwargs=row.kwargs(cast) or None)
            # An open route never looks at the person, and the public site is no region: there
            # the own cast stands for everyone.
            people = [
                key
                for key in cast.people
                if key[0] == "own" or (row.scope != Scope.OPEN and host != "public")
            ]
            answers[(conf, route)] = {
                (relation, role): ask(client(host, relation, role), row, path, cast)
                for (relation, role) in people
            }
    return answers


def test_every_role_gets_the_answer_of_the_rule_on_every_route(cast):
    answers = walk(cast)
    if os.environ.get("MATRIX_OBSERVE"):  # print what each route answers, to write a new row
        for (conf, route), got in sorted(answers.items()):
            columns = ("".join(got.get((rel, role), "-") for role in ROLES) for rel in RELATIONS)
            print(f"{conf.removeprefix('config.urls_'):7} {route:34} {' '.join(columns)}")  # noqa: T201
    wrong = [
        f"{route} on {conf}: {relation} {role} got {got}, the rule says {expected}"
        for (conf, route), row_answers in answers.items()
        for (relation, role), got in row_answers.items()
        if got != (expected := ROWS[route].expected(relation, role))
    ]
    assert not wrong, "\n".join(wrong)

    unlike = []
    for page, api, roles in PAIRS:
        if ROWS[page].others or ROWS[api].others:
            continue  # not by the rule yet (NOT_YET)
        pages, apis = answers[("config.urls_region", page)], answers[("config.urls_region", api)]
        unlike += [
            f"{page} / {api}: {relation} {role} got {pages[key]} / {apis[key]}"
            for key in pages
            if key[1] in roles and pages[key] != apis[key]
            for relation, role in [key]
        ]
    assert not unlike, "\n".join(unlike)


# --- stories ------------------------------------------------------------------------------------


def _submitted(code: str, offering, unit, applicant: User) -> str:
    """An application submitted to its base unit (set up directly: how it got there is tested
    with the transitions), its index row written as apply_transition writes it."""
    with in_region(code):
        application = application_create(applicant=applicant, offering=offering, unit=unit)
        Application.objects.filter(pk=application.pk).update(
            status=Status.IN_REVIEW, current_node=0, submission_count=1
        )
        index_write(Application.objects.get(pk=application.pk))
    return application.number


def _fire(code: str, number: str, action: str, actor: User, **payload: str) -> None:
    with in_region(code):
        apply_transition(number=number, action=action, actor=actor, payload=payload)


def _status(code: str, number: str) -> tuple[str, int | None]:
    with in_region(code):
        application = Application.objects.get(number=number)
    return application.status, application.current_node


def _region_with_a_unit(code: str, unit_name: str, org_code: str, authority_name: str, make_user):
    """A complete base unit of the region recommending to an authority of it; its admin and
    the authority's reviewer."""
    region = Region.objects.get(schema_name=code)
    authority = Authority.objects.create(region=region, name=authority_name)
    base_unit = complete_unit(region, unit_name, unit_name[-4:], org_code)
    base_unit.save()
    base_unit.recommending_units.add(authority)
    admin = make_user(Role.UNIT_ADMIN, unit=base_unit)
    reviewer = make_user(Role.AUTHORITY_REVIEWER, region=region, authority=authority)
    return base_unit, admin, reviewer


def _logged_in(code: str, user: User) -> RegionClient:
    client = client_for(code)
    client.force_login(user)
    return client


def test_an_authority_of_urumqi_cannot_list_or_forward_an_application_of_karamay(
    catalog, alice, make_user
):
    """On 克拉玛依市's host, 乌鲁木齐市's authority reviewer gets the dull 404 from the API and
    from the pages for an application routed to 克拉玛依市's authority; that one forwards it."""
    urumqi = Region.objects.get(schema_name=HOME)
    stranger = _reviewer(make_user, urumqi, "乌鲁木齐市教育局")
    karamay_offering = open_offering(AWAY)
    karamay_unit, karamay_unit_admin, karamay_reviewer = _region_with_a_unit(
        AWAY, "克拉玛依市第一中学", "TK000051", "克拉玛依市教育局", make_user
    )
    number = _submitted(AWAY, karamay_offering, karamay_unit, alice)
    _fire(AWAY, number, "recommend", karamay_unit_admin, **RECOMMENDATION)
    assert _status(AWAY, number) == (Status.IN_REVIEW, 1)

    client = _logged_in(AWAY, stranger)
    listed = client.get("/api/v1/applications/")
    assert listed.status_code == 200
    assert number not in {row["number"] for row in listed.json()}
    assert number not in client.get("/api/v1/applications/", {"waiting": "true"}).content.decode()
    assert client.get(f"/api/v1/applications/{number}/").status_code == 404
    forward = {"action": "forward"}
    api = client.post(
        f"/api/v1/applications/{number}/transitions/", forward, content_type="application/json"
    )
    assert (api.status_code, api.json()["code"]) == (404, "not_found")
    assert client.get(f"/review/{number}/").status_code == 404
    assert client.post(f"/review/{number}/action/", forward).status_code == 404
    assert number not in client.get("/review/").content.decode()
    assert number not in client.get("/review/all/").content.decode()
    assert _status(AWAY, number) == (Status.IN_REVIEW, 1)

    own = _logged_in(AWAY, karamay_reviewer)
    assert number in own.get("/review/").content.decode()
    forwarded = own.post(
        f"/api/v1/applications/{number}/transitions/", forward, content_type="application/json"
    )
    assert forwarded.status_code == 200
    assert _status(AWAY, number) == (Status.IN_REVIEW, 2)


def test_a_kashgar_authority_reviews_its_unit_s_application_in_the_autonomous_region(
    catalog, alice, make_user
):
    """喀什 has no committee for the specialty, so a 喀什 unit's teacher applies in 自治区: the
    application waits at the unit's 喀什 authority, which finds it in its 申请书审核 on 喀什's
    host (read from the public index), with a link to the review page on 自治区's host, where
    it opens and forwards it."""
    xj_offering = open_offering("xj")
    kashgar_unit, kashgar_unit_admin, kashgar_reviewer = _region_with_a_unit(
        "kashgar", "喀什地区第一中学", "TK000061", "喀什地区教育局", make_user
    )
    number = _submitted("xj", xj_offering, kashgar_unit, alice)
    home = _logged_in("kashgar", kashgar_reviewer)
    assert number not in home.get("/review/").content.decode()  # not yet recommended to it

    _fire("xj", number, "recommend", kashgar_unit_admin, **RECOMMENDATION)
    queue = home.get("/review/").content.decode()
    assert f'data-number="{number}" data-region="xj"' in queue
    assert f'href="http://xj.localhost/review/{number}/"' in queue
    assert "[自治区]" in queue  # the qualification names the region it is in
    assert RECOMMENDATION["opinion"] in queue  # the unit's opinion, read in 自治区's schema
    assert home.get(f"/review/{number}/").status_code == 404  # not 喀什's application

    xj = _logged_in("xj", kashgar_reviewer)
    page = xj.get(f"/review/{number}/")
    assert page.status_code == 200
    assert 'data-testid="forward"' in page.content.decode()
    assert xj.get(f"/api/v1/applications/{number}/").json()["allowed_actions"] == [
        "return",
        "forward",
    ]
    assert xj.post(f"/review/{number}/action/", {"action": "forward"}).status_code == 302
    assert _status("xj", number) == (Status.IN_REVIEW, 2)
    assert number not in home.get("/review/").content.decode()
    assert xj.get(f"/review/{number}/").status_code == 200  # it stays theirs to read


def _sees(user: User, number: str, code: str = HOME) -> bool:
    """Whether the page and the API both show the application (they must agree)."""
    client = _logged_in(code, user)
    page = client.get(f"/review/{number}/").status_code
    api = client.get(f"/api/v1/applications/{number}/").status_code
    assert page == api, (page, api)
    return page == 200


def test_a_committee_sees_an_application_once_it_has_reached_it_and_after(
    catalog, offering, unit, alice, make_user, settings, tmp_path
):
    """Not a draft, nor one at the unit or the recommending authority (nor its ID scan); from
    the moment it arrives, and still after the committee returned it, and after it passed."""
    settings.MEDIA_ROOT = tmp_path / "media"
    urumqi = Region.objects.get(schema_name=HOME)
    committee = make_user(Role.COMMITTEE_STAFF, region=urumqi)
    with in_region(HOME):
        CommitteeStaff.objects.create(committee=offering.committee, user=committee)
    unit_admin = User.objects.get(username="unit-ten")
    authority = make_user(
        Role.AUTHORITY_REVIEWER, region=urumqi, authority=unit.recommending_units.get()
    )
    (alice.id_card_scan,) = upload_scans(_logged_in(HOME, alice), 1)
    alice.save(update_fields=["id_card_scan"])
    with in_region(HOME):
        number = application_create(applicant=alice, offering=offering, unit=unit).number
    staff = _logged_in(HOME, committee)

    def hidden_from_the_committee() -> bool:
        return (
            not _sees(committee, number)
            and staff.get(f"/review/{number}/id-card").status_code == 404
            and number not in staff.get("/review/all/").content.decode()
            and number not in staff.get("/api/v1/applications/").content.decode()
        )

    assert hidden_from_the_committee()  # a draft never submitted
    assert not _sees(authority, number)
    number = _submitted(HOME, offering, unit, make_user(Role.APPLICANT))
    assert hidden_from_the_committee()
    assert not _sees(authority, number)
    _fire(HOME, number, "recommend", unit_admin, **RECOMMENDATION)
    assert hidden_from_the_committee()
    assert _sees(authority, number)
    _fire(HOME, number, "forward", authority)
    assert _sees(committee, number)
    assert number in staff.get("/review/").content.decode()
    _fire(HOME, number, "return", committee, opinion="请补充继续教育学时证明。")
    assert _status(HOME, number) == (Status.RETURNED, None)
    assert _sees(committee, number)  # returned by it: it has been there
    assert _sees(authority, number)
    assert number in staff.get("/review/all/").content.decode()
    with in_region(HOME):
        Application.objects.filter(number=number).update(status=Status.IN_REVIEW, current_node=0)
    _fire(HOME, number, "recommend", unit_admin, **RECOMMENDATION)
    _fire(HOME, number, "forward", authority)
    _fire(HOME, number, "pass_formal_review", committee)
    assert _sees(committee, number)
    assert _sees(authority, number)


def test_a_fixed_authority_sees_an_application_once_it_has_reached_its_node(
    catalog, offering, unit, make_user
):
    """A flow with a 县(市)行业主管局 of its own between the unit and the committee: that
    authority sees nothing while the application is with the applicant or the unit."""
    urumqi = Region.objects.get(schema_name=HOME)
    county = _reviewer(make_user, urumqi, "天山区教育局")
    with in_region(HOME):
        flow_offering = offering_save(
            committee=offering.committee,
            qualification=Qualification.objects.get(code="school-teacher-math-intermediate"),
            year=offering.year,
            opens_at=offering.opens_at,
            closes_at=offering.closes_at,
            flow_nodes=[
                {"kind": "base_unit"},
                {"kind": "authority", "authority_id": county.authority_id, "name": "天山区教育局"},
                {"kind": "committee"},
            ],
        )
    applicant = make_user(Role.APPLICANT)
    with in_region(HOME):
        draft = application_create(applicant=applicant, offering=flow_offering, unit=unit)
    assert not _sees(county, draft.number)
    number = _submitted(HOME, flow_offering, unit, make_user(Role.APPLICANT))
    assert not _sees(county, number)
    _fire(HOME, number, "recommend", User.objects.get(username="unit-ten"), **RECOMMENDATION)
    assert _sees(county, number)
    assert number in _logged_in(HOME, county).get("/review/").content.decode()
    _fire(HOME, number, "forward", county)
    assert _status(HOME, number) == (Status.IN_REVIEW, 2)
    assert _sees(county, number)
    stranger = _reviewer(make_user, urumqi, "水磨沟区教育局")
    assert not _sees(stranger, number)


def test_the_region_admin_and_the_central_office_read_and_never_act(cast):
    """They read every application of the region on its page and through the API; no action
    is offered, and acting answers the dull 404 of a route that is not theirs."""
    number = cast.number
    for role in ("admin", "central"):
        client = _logged_in(HOME, cast.people[("own", role)])
        page = client.get(f"/review/{number}/").content.decode()
        assert 'data-testid="pass"' not in page
        assert 'name="text"' not in page  # no comment box
        detail = client.get(f"/api/v1/applications/{number}/").json()
        assert detail["allowed_actions"] == []
        assert number in client.get("/review/all/").content.decode()
        action = {"action": "pass_formal_review"}
        assert client.post(f"/review/{number}/action/", action).status_code == 404
        api = client.post(
            f"/api/v1/applications/{number}/transitions/", action, content_type="application/json"
        )
        assert api.status_code == 404
    assert _status(HOME, number) == (Status.IN_REVIEW, 2)
    elsewhere = _logged_in(AWAY, cast.people[("own", "admin")])
    assert elsewhere.get("/review/all/").status_code == 404
    assert elsewhere.get("/api/v1/applications/").status_code == 404
    central = _logged_in(AWAY, cast.people[("own", "central")])
    assert central.get("/review/all/").status_code == 200
