"""Query budgets of the payment routes, with one row and with many (the machinery and the world
of tests/workflow/test_query_budgets.py): the applicant's orders, the committee's offerings,
its list of applications past formal review with their orders and paper materials, the
reconciliation (page and CSV), one application's orders; the callback and the receipt cost the
same however many orders and notifications there are.

`COVERED` is read by tests/test_query_budgets.py.
"""

import json
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from payments.models import OrderStatus, PaperMaterial, PaperStatus, PaymentNotification
from payments.models import PaymentOrder as Order
from payments.sandbox.signing import sign
from tenants.crossing import in_region
from tests.payments.conftest import SECRET, post_notification
from tests.printing import budgets as printing
from tests.support import analyze
from tests.workflow import conftest as workflow_fixtures
from tests.workflow import test_query_budgets as workflow_budgets
from tests.workflow.test_query_budgets import (
    CODE,
    MANY,
    TABLES,
    Page,
    World,
    _check_page,
    applications,
    html,
    json_rows,
    the_application,
    url,
)
from workflow.models import Offering
from workflow.states import Status

# The workflow budgets' world: 乌鲁木齐市's open offering, 阿丽娅's unit, the reviewers.
catalog, offering, unit, world = (
    workflow_fixtures.catalog,
    workflow_fixtures.offering,
    workflow_fixtures.unit,
    workflow_budgets.world,
)


def _paying(world: World) -> Offering:
    with in_region(CODE):
        Offering.objects.filter(pk=world.offering.pk).update(
            payment_required=True, fee=Decimal("200.00")
        )
    return world.offering


def orders(application, count: int, status: str = OrderStatus.FAILED) -> list[Order]:
    with in_region(CODE):
        return Order.objects.bulk_create(
            Order(
                application=application,
                amount=Decimal("200.00"),
                provider="sandbox",
                status=status,
                provider_order_id=f"SBBUDGET{application.pk}-{i}-{timezone.now().timestamp()}",
            )
            for i in range(count)
        )


def her_orders(world: World, count: int) -> dict[str, Any]:
    """`count` more orders of 阿丽娅's application past formal review."""
    _paying(world)
    application = the_application(world, status=Status.FORMAL_REVIEW_PASSED, node=None)
    orders(application, count)
    return {"number": application.number}


def passed_applications(world: World, count: int) -> dict[str, Any]:
    """`count` more applications past formal review, each with an order and paper materials."""
    _paying(world)
    made = applications(world, count, status=Status.FORMAL_REVIEW_PASSED)
    with in_region(CODE):
        for application in made:
            orders(application, 1, OrderStatus.PAID)
        PaperMaterial.objects.bulk_create(
            PaperMaterial(application=a, status=PaperStatus.INCOMPLETE, note="缺学历证书")
            for a in made
        )
    return {"offering_id": world.offering.pk}


def csv_rows(response) -> int:
    return response.content.decode("utf-8-sig").count("\n") - 1


def _return(world: World, count: int) -> dict[str, Any]:
    kwargs = her_orders(world, count)
    with in_region(CODE):
        order = Order.objects.filter(application__number=kwargs["number"]).first()
    return {**kwargs, "order_id": order.pk}


PAGES = [
    Page("api-application-payments", "applicant", her_orders, 5, json_rows),
    Page(
        "committee-payments",
        "committee",
        printing.committee_offerings,
        6,
        html("data-offering="),
        base=1,
    ),
    Page(
        "committee-offering-payments",
        "committee",
        passed_applications,
        8,
        html("<tr data-number="),
    ),
    Page("committee-reconciliation-csv", "committee", passed_applications, 6, csv_rows),
    Page("committee-payment", "committee", her_orders, 8, html('data-testid="order"')),
    Page("committee-paper-scan", "committee", lambda w, n: {}, 4, marker='name="number"'),
    Page("payment-return", "applicant", _return, 6, marker="order-status"),
]


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.route)
def test_a_payment_page_costs_the_same_with_one_row_and_with_many(case, world, within):
    kwargs = case.add(world, 1)
    _check_page(case, world, within, kwargs, 1)
    case.add(world, MANY - 1)
    analyze(*TABLES)
    _check_page(case, world, within, kwargs, MANY)


@pytest.mark.parametrize("count", [1, MANY])
def test_the_callback_and_the_receipt_cost_the_same_however_many_orders(
    world, within, settings, count
):
    settings.PAYMENT_SANDBOX_SECRET = SECRET
    kwargs = her_orders(world, count)
    with in_region(CODE):
        order = Order.objects.create(
            application=the_application(world),
            amount=Decimal("200.00"),
            provider="sandbox",
            provider_order_id=f"SBCALL{count}",
        )
        PaymentNotification.objects.bulk_create(
            PaymentNotification(order=order, provider="sandbox", body="{}", outcome="unchanged")
            for _ in range(count)
        )
    body = json.dumps(
        {
            "merchant_order_id": order.merchant_order_id,
            "provider_order_id": order.provider_order_id,
            "status": "paid",
            "amount": "200.00",
            "currency": "CNY",
        }
    ).encode()
    # Credits the order and moves the application (the transition's own statements included).
    answer = within(lambda: post_notification(body, sign(SECRET, body)), 26, warm=False)
    assert answer.status_code == 200
    again = within(lambda: post_notification(body, sign(SECRET, body)), 10, warm=False)
    assert again.status_code == 200
    client = world.client("applicant")
    receipt = url("payment-receipt", number=kwargs["number"], order_id=order.pk)
    pdf = within(lambda: client.get(receipt), 10)
    assert pdf.content.startswith(b"%PDF")


def test_paying_costs_a_fixed_number_of_statements(world, within, sandbox):
    kwargs = her_orders(world, MANY)
    client = world.client("applicant")
    path = url("application-pay", **kwargs)
    answer = within(lambda: client.post(path), 14, warm=False)
    assert answer.status_code == 302 and answer.url.startswith(sandbox)


COVERED = {case.route for case in PAGES} | {"payment-notify", "payment-receipt", "application-pay"}
