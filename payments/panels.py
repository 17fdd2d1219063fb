"""The 缴费 and 纸质材料 panels of 我的申请书 (registered in workflow.cards): two queries for
all the cards."""

from django.utils import timezone

from core.caching.pages import Expression, rows_where
from payments.models import OrderStatus, PaperMaterial, PaymentOrder
from payments.services import payment_due
from workflow.models import Application
from workflow.reviewers import PAST_THE_FLOW


def payment_panels(applications: list[Application]) -> dict[int, list[dict]]:
    past = [a for a in applications if a.status in PAST_THE_FLOW]
    if not past:
        return {}
    ids = [a.pk for a in past]
    orders: dict[int, list[PaymentOrder]] = {}
    for order in PaymentOrder.objects.filter(application_id__in=ids).order_by("-created_at"):
        orders.setdefault(order.application_id, []).append(order)
    papers = {p.application_id: p for p in PaperMaterial.objects.filter(application_id__in=ids)}
    now = timezone.now()
    panels: dict[int, list[dict]] = {}
    for application in past:
        mine = orders.get(application.pk, [])
        due = payment_due(application, now)
        offering = application.offering
        if due or mine:
            panels.setdefault(application.pk, []).append(
                {
                    "template": "payments/_payment_panel.html",
                    "due": due,
                    "orders": mine,
                    "paid": [o for o in mine if o.status == OrderStatus.PAID],
                    "application": application,
                }
            )
        if offering.paper_instructions or application.pk in papers or offering.paper_address:
            panels.setdefault(application.pk, []).append(
                {
                    "template": "payments/_paper_panel.html",
                    "paper": papers.get(application.pk),
                    "offering": offering,
                }
            )
    return panels


def payment_stamps(ids: str, value: object) -> list[Expression]:
    """The orders and paper materials of these applications, for the page cache: an order
    created, paid or expired and a paper received change the cards at once. (The payment
    period's moments are the offering's, in the page's own moments.)"""
    return [
        rows_where(PaymentOrder, "application_id", value, within=ids),
        rows_where(PaperMaterial, "application_id", value, within=ids),
    ]
