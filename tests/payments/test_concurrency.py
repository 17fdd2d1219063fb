"""Notifications arriving at the same moment, from real threads on their own connections, against
committed rows: two orders of one application both paid, each notified twice at once — the
application is credited once, the other order is refunded."""

import threading
from decimal import Decimal

import pytest
from django.db import connections
from django.test import override_settings
from django_q.models import OrmQ

from payments import services
from payments.models import OrderStatus, PaymentNotification, PaymentOrder
from tenants.crossing import in_region
from tests.payments.conftest import SECRET, control, outbox, pay_at_sandbox, post_notification
from tests.workflow.test_concurrency import CommittedWorld
from workflow.models import Application, Offering, TransitionRecord
from workflow.states import Status


@pytest.fixture(scope="module")
def paying(django_db_setup, django_db_blocker, sandbox_server):
    with (
        django_db_blocker.unblock(),
        override_settings(PAYMENT_SANDBOX_URL=sandbox_server, PAYMENT_SANDBOX_SECRET=SECRET),
    ):
        world = CommittedWorld()
        with in_region("urumqi"):
            Offering.objects.filter(pk=world.offering.pk).update(
                payment_required=True, fee=Decimal("50.00")
            )
            Application.objects.filter(pk=world.application.pk).update(
                status=Status.FORMAL_REVIEW_PASSED
            )
            application = Application.objects.get(pk=world.application.pk)
            urls = {"notify_url": "http://urumqi.localhost/payments/notify/", "return_url": "/"}
            first = services.order_create(application, user=world.applicant, **urls)
            PaymentOrder.objects.filter(pk=first.pk).update(pay_url="")  # not offered again
            second = services.order_create(application, user=world.applicant, **urls)
    yield world, [first, second]
    with django_db_blocker.unblock():
        with in_region("urumqi"):
            PaymentNotification.objects.filter(order__application=world.application).delete()
        world.remove()
        OrmQ.objects.all().delete()


@pytest.mark.django_db
def test_four_notifications_of_two_paid_orders_at_once_credit_once(paying, sandbox):
    world, orders = paying
    control(sandbox, duplicates=1)
    for order in orders:
        pay_at_sandbox(order.pay_url)
    items = outbox(sandbox)
    assert len(items) == 4  # each order's notification and its duplicate
    start = threading.Barrier(len(items))
    answers: list[int] = []

    def deliver(item: dict) -> None:
        try:
            start.wait()
            answers.append(post_notification(item["body"], item["signature"]).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert answers == [200, 200, 200, 200]
    with in_region("urumqi"):
        statuses = sorted(
            PaymentOrder.objects.filter(application=world.application).values_list(
                "status", flat=True
            )
        )
        assert statuses == sorted([OrderStatus.PAID, OrderStatus.REFUNDING])
        outcomes = sorted(
            PaymentNotification.objects.filter(order__application=world.application).values_list(
                "outcome", flat=True
            )
        )
        assert outcomes == sorted(["credited", "duplicate_refund", "unchanged", "unchanged"])
        assert Application.objects.get(pk=world.application.pk).status == Status.PAID
        assert (
            TransitionRecord.objects.filter(application=world.application, action="paid").count()
            == 1
        )
