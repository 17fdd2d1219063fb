"""What the committee reads about payments and paper materials: its offerings, the applications
past formal review with their payment and paper status, and the reconciliation of orders."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Sum, TextField, Value
from django.db.models.functions import Coalesce
from django.http import Http404, QueryDict
from django.utils.translation import gettext_lazy

from core.models import User
from payments.models import OrderStatus, PaperMaterial, PaperStatus, PaymentOrder
from workflow.access import access_application
from workflow.models import Application, Offering
from workflow.reviewers import PAST_THE_FLOW, committee_ids_of
from workflow.states import Status
from workflow.transitions import allowed_actions

ROW_LIMIT = 500
PAYMENT_FILTERS = [
    ("unpaid", gettext_lazy("未缴费")),
    ("paid", gettext_lazy("已缴费")),
    ("refunded", gettext_lazy("已退款")),
]
CREDITED = Q(status=OrderStatus.PAID)
REFUNDED = Q(status__in=(OrderStatus.REFUNDING, OrderStatus.REFUNDED))


def offerings_of(user: User) -> list[Offering]:
    """The committee's offerings, newest first, with how many applications are past formal
    review and how many of those are paid."""
    return list(
        Offering.objects.filter(committee_id__in=committee_ids_of(user))
        .select_related("qualification__specialty__series", "committee")
        .annotate(
            past_review=Count("applications", filter=Q(applications__status__in=PAST_THE_FLOW)),
            paid=Count("applications", filter=Q(applications__status=Status.PAID)),
        )
        .order_by("-year", "-pk")
    )


def offering_of(user: User, offering_id: int) -> Offering:
    offering = (
        Offering.objects.filter(pk=offering_id, committee_id__in=committee_ids_of(user))
        .select_related("qualification__specialty__series", "committee")
        .first()
    )
    if offering is None:
        raise Http404
    return offering


def application_of(user: User, number: str) -> Application:
    """One of the committee's applications, else the dull 404."""
    application = access_application(user, number)
    if application.offering.committee_id not in committee_ids_of(user):
        raise Http404
    return application


@dataclass(frozen=True)
class Filters:
    payment: str = ""
    paper: str = ""

    @classmethod
    def from_query(cls, query: QueryDict) -> "Filters":
        payment = query.get("payment", "")
        paper = query.get("paper", "")
        return cls(
            payment if payment in dict(PAYMENT_FILTERS) else "",
            paper if paper in PaperStatus.values else "",
        )


def payment_rows(offering: Offering, filters: Filters) -> list[Application]:
    """Applications of the offering past formal review, each with `has_paid`, `has_refund` and
    `paper_status` / `paper_note` annotated."""
    orders = PaymentOrder.objects.filter(application=OuterRef("pk"))
    rows: QuerySet[Application] = (
        Application.objects.filter(offering=offering, status__in=PAST_THE_FLOW)
        .select_related("applicant", "qualification")
        .annotate(
            has_paid=Exists(orders.filter(CREDITED)),
            has_refund=Exists(orders.filter(REFUNDED)),
            paper_status=Coalesce(
                "paper_material__status", Value(PaperStatus.NOT_YET), output_field=CharField()
            ),
            paper_note=Coalesce("paper_material__note", Value(""), output_field=TextField()),
        )
        .order_by("number")
    )
    if filters.payment == "paid":
        rows = rows.filter(has_paid=True)
    elif filters.payment == "unpaid":
        rows = rows.filter(status=Status.FORMAL_REVIEW_PASSED, has_paid=False)
    elif filters.payment == "refunded":
        rows = rows.filter(has_refund=True)
    if filters.paper:
        rows = rows.filter(paper_status=filters.paper)
    return list(rows[:ROW_LIMIT])


def reconciliation(offering: Offering) -> dict[str, dict]:
    """Per order status: how many orders and their sum (yuan)."""
    sums = {
        row["status"]: {"count": row["count"], "sum": row["sum"] or Decimal(0)}
        for row in PaymentOrder.objects.filter(application__offering=offering)
        .values("status")
        .annotate(count=Count("pk"), sum=Sum("amount"))
    }
    return {
        status: {"label": label, **sums.get(status, {"count": 0, "sum": Decimal(0)})}
        for status, label in OrderStatus.choices
    }


def orders_of(offering: Offering) -> QuerySet[PaymentOrder]:
    return (
        PaymentOrder.objects.filter(application__offering=offering)
        .select_related("application__applicant")
        .order_by("application__number", "created_at")
    )


def paper_of(application: Application) -> PaperMaterial:
    return PaperMaterial.objects.filter(application=application).first() or PaperMaterial(
        application=application
    )


def offline_possible(user: User, application: Application) -> bool:
    return "record_offline_payment" in allowed_actions(user, application)


def csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = " ".join(str(text).split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
