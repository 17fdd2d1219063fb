"""阿丽娅 pays her review fee at the sandbox platform, over real HTTP; the platform credits the
payment once whatever the provider's notifications do (duplicates, replays, forgeries, wrong
amounts, late or never), and refunds what it cannot credit."""

import json
from datetime import timedelta

from django.utils import timezone

from payments import tasks
from payments.models import OrderStatus, PaymentNotification, PaymentOrder
from payments.providers import get_provider
from payments.sandbox.signing import sign
from tenants.crossing import in_region
from tests.payments.conftest import (
    SECRET,
    control,
    deliver_outbox,
    outbox,
    pay_at_sandbox,
    post_notification,
)
from workflow.models import Application, TransitionRecord
from workflow.states import Status
from workflow.transitions import apply_transition

Outcome = PaymentNotification.Outcome


def start_paying(passed) -> PaymentOrder:
    """She presses 缴费 on 我的申请书 and lands on the sandbox's pay page."""
    response = passed["client"].post(f"/applications/{passed['number']}/pay/")
    assert response.status_code == 302
    with in_region("urumqi"):
        order = PaymentOrder.objects.get(application__number=passed["number"], pay_url=response.url)
    assert response.url.startswith(order.pay_url)
    return order


def status_of(number: str) -> str:
    with in_region("urumqi"):
        return Application.objects.get(number=number).status


def order_status(order: PaymentOrder) -> str:
    with in_region("urumqi"):
        return PaymentOrder.objects.get(pk=order.pk).status


def test_she_pays_and_three_copies_of_the_notification_credit_once(sandbox, passed):
    control(sandbox, duplicates=2)
    order = start_paying(passed)
    page = passed["client"].get("/applications/").content.decode()
    assert "200.00" in page
    import urllib.request

    with urllib.request.urlopen(order.pay_url, timeout=5) as response:
        pay_page = response.read().decode()
    assert "支付成功" in pay_page and "200.00" in pay_page
    status, location = pay_at_sandbox(order.pay_url)
    assert status == 303
    assert location.endswith(f"/applications/{passed['number']}/payments/{order.pk}/")

    answers = deliver_outbox(sandbox)
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert all(a.content == b"success" for a in answers)
    assert status_of(passed["number"]) == Status.PAID
    with in_region("urumqi"):
        outcomes = sorted(
            PaymentNotification.objects.filter(order=order).values_list("outcome", flat=True)
        )
        assert outcomes == [Outcome.CREDITED, Outcome.UNCHANGED, Outcome.UNCHANGED]
        record = TransitionRecord.objects.filter(application__number=passed["number"]).latest("pk")
        assert (record.action, record.system_actor, record.actor) == ("paid", "payment", None)
        paid = PaymentOrder.objects.get(pk=order.pk)
        assert paid.status == OrderStatus.PAID and paid.receipt_number

    # Back from the sandbox after the notification: the page shows it paid, with the receipt.
    back = passed["client"].get(f"/applications/{passed['number']}/payments/{order.pk}/")
    assert "已支付" in back.content.decode()
    receipt = passed["client"].get(
        f"/applications/{passed['number']}/payments/{order.pk}/receipt.pdf"
    )
    assert receipt.status_code == 200 and receipt.content.startswith(b"%PDF")


def test_a_replayed_notification_changes_nothing(sandbox, passed):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    [item] = outbox(sandbox)
    assert post_notification(item["body"], item["signature"]).status_code == 200
    again = post_notification(item["body"], item["signature"])
    assert again.status_code == 200
    with in_region("urumqi"):
        assert PaymentOrder.objects.get(pk=order.pk).status == OrderStatus.PAID
        assert (
            TransitionRecord.objects.filter(
                application__number=passed["number"], action="paid"
            ).count()
            == 1
        )
        assert PaymentNotification.objects.filter(order=order).latest("pk").outcome == (
            Outcome.UNCHANGED
        )


def test_a_forged_notification_is_kept_and_refused(sandbox, passed):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    [item] = outbox(sandbox)
    forged = post_notification(item["body"], sign("not-the-secret", item["body"].encode()))
    assert forged.status_code == 400
    unsigned = post_notification(item["body"], "")
    assert unsigned.status_code == 400
    assert status_of(passed["number"]) == Status.FORMAL_REVIEW_PASSED
    with in_region("urumqi"):
        kept = list(PaymentNotification.objects.order_by("pk"))
        assert [(n.signature_valid, n.outcome) for n in kept] == [
            (False, Outcome.BAD_SIGNATURE),
            (False, Outcome.BAD_SIGNATURE),
        ]
        assert kept[0].body == item["body"]
        assert PaymentOrder.objects.get(pk=order.pk).status == OrderStatus.CREATED


def test_a_signed_notification_with_the_wrong_amount_or_currency_is_not_credited(sandbox, passed):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    [item] = outbox(sandbox)
    for change in ({"amount": "2.00"}, {"currency": "USD"}):
        body = json.dumps({**json.loads(item["body"]), **change})
        answer = post_notification(body, sign(SECRET, body.encode()))
        assert answer.status_code == 400
    assert status_of(passed["number"]) == Status.FORMAL_REVIEW_PASSED
    with in_region("urumqi"):
        assert set(PaymentNotification.objects.values_list("outcome", flat=True)) == {
            Outcome.BAD_AMOUNT
        }
    # The genuine one still credits.
    assert post_notification(item["body"], item["signature"]).status_code == 200
    assert status_of(passed["number"]) == Status.PAID


def test_nul_and_nonsense_bodies_are_refused_not_500(sandbox, passed):
    for body in (b"\x00\x01", b"[]", b'{"merchant_order_id": "ZC1"}', b"x" * 10_000):
        assert post_notification(body, sign(SECRET, body)).status_code == 400
    assert post_notification(b"{}", "zz").status_code == 400


def test_back_from_the_sandbox_before_the_notification_the_page_asks_the_provider(sandbox, passed):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    page = passed["client"].get(f"/applications/{passed['number']}/payments/{order.pk}/")
    assert "已支付" in page.content.decode()
    assert status_of(passed["number"]) == Status.PAID
    # The notification arrives afterwards: acknowledged, nothing more.
    assert [a.status_code for a in deliver_outbox(sandbox)] == [200]
    with in_region("urumqi"):
        assert (
            TransitionRecord.objects.filter(
                application__number=passed["number"], action="paid"
            ).count()
            == 1
        )


def test_a_failed_then_successful_payment_out_of_order(sandbox, passed):
    """支付失败, then she tries again and pays; the notifications come in the reverse order."""
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url, "fail")
    pay_at_sandbox(order.pay_url, "success")
    failed, paid = outbox(sandbox)
    assert post_notification(paid["body"], paid["signature"]).status_code == 200
    assert post_notification(failed["body"], failed["signature"]).status_code == 200
    assert order_status(order) == OrderStatus.PAID
    assert status_of(passed["number"]) == Status.PAID


def test_the_scheduled_query_credits_a_payment_whose_notification_never_came(sandbox, passed):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    outbox(sandbox)  # lost on the way
    with in_region("urumqi"):
        assert tasks.sweep_region(now=timezone.now())["queried"] == 0  # too young yet
        done = tasks.sweep_region(now=timezone.now() + timedelta(minutes=2))
    assert done["queried"] == 1
    assert order_status(order) == OrderStatus.PAID
    assert status_of(passed["number"]) == Status.PAID


def test_an_expired_order_paid_late_is_recorded_not_credited_and_refunded(sandbox, passed):
    order = start_paying(passed)
    with in_region("urumqi"):
        PaymentOrder.objects.filter(pk=order.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        tasks.sweep_region(now=timezone.now() + timedelta(minutes=2))
    assert order_status(order) == OrderStatus.EXPIRED
    # The payer had the page open and pays anyway.
    pay_at_sandbox(order.pay_url)
    assert [a.status_code for a in deliver_outbox(sandbox)] == [200]
    assert status_of(passed["number"]) == Status.FORMAL_REVIEW_PASSED
    with in_region("urumqi"):
        note = PaymentNotification.objects.get(order=order)
        assert note.outcome == Outcome.NOT_CREDITED
        assert order_status(order) == OrderStatus.REFUNDING
        tasks.refund_order(order.pk)
    assert order_status(order) == OrderStatus.REFUNDED
    assert get_provider().query_order(order.provider_order_id).status == "refunded"


def test_paying_two_orders_refunds_the_second(sandbox, passed):
    first = start_paying(passed)
    # The first order is about to expire: 缴费 again gives a second one.
    with in_region("urumqi"):
        PaymentOrder.objects.filter(pk=first.pk).update(
            expires_at=timezone.now() + timedelta(seconds=30)
        )
    second = start_paying(passed)
    assert second.pk != first.pk
    pay_at_sandbox(first.pay_url)
    pay_at_sandbox(second.pay_url)
    assert [a.status_code for a in deliver_outbox(sandbox)] == [200, 200]
    assert order_status(first) == OrderStatus.PAID
    assert order_status(second) == OrderStatus.REFUNDING
    with in_region("urumqi"):
        assert tasks.sweep_region()["refunds"] == 1
    assert order_status(second) == OrderStatus.REFUNDED
    assert get_provider().query_order(second.provider_order_id).status == "refunded"
    assert get_provider().query_order(first.provider_order_id).status == "paid"


def test_a_rejection_after_payment_refunds_it(sandbox, passed, committee_staff):
    order = start_paying(passed)
    pay_at_sandbox(order.pay_url)
    deliver_outbox(sandbox)
    assert status_of(passed["number"]) == Status.PAID
    with in_region("urumqi"):
        apply_transition(
            number=passed["number"],
            action="reject",
            actor=committee_staff,
            payload={"opinion": "纸质材料与网上申报不一致。"},
        )
        assert order_status(order) == OrderStatus.REFUNDING
        tasks.refund_order(order.pk)
    assert status_of(passed["number"]) == Status.REJECTED
    assert order_status(order) == OrderStatus.REFUNDED
    assert get_provider().query_order(order.provider_order_id).status == "refunded"


def test_paying_is_offered_only_when_due(sandbox, passed):
    with in_region("urumqi"):
        Application.objects.filter(number=passed["number"]).update(status=Status.IN_REVIEW)
    response = passed["client"].post(f"/applications/{passed['number']}/pay/")
    assert response.status_code == 302 and response.url == "/applications/"
    api = passed["client"].post(f"/api/v1/applications/{passed['number']}/payments/")
    assert api.status_code == 409
    with in_region("urumqi"):
        assert not PaymentOrder.objects.exists()


def test_the_payment_period_is_kept(sandbox, passed):
    with in_region("urumqi"):
        Application.objects.get(number=passed["number"]).offering.__class__.objects.filter(
            pk=passed["offering"].pk
        ).update(payment_closes_at=timezone.now() - timedelta(hours=1))
    page = passed["client"].get("/applications/").content.decode()
    assert "缴费已截止" in page
    api = passed["client"].post(f"/api/v1/applications/{passed['number']}/payments/")
    assert api.status_code == 409
    assert api.json()["code"] == "payment_closed"


def test_the_sandbox_retries_an_unanswered_notification_with_back_off(sandbox):
    """The sandbox's own delivery: a callback that fails twice hears the notification a third
    time, after waiting."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from tests.payments.conftest import free_port

    answers = iter([500, 500, 200])

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            code = next(answers)
            self.send_response(code)
            self.end_headers()
            self.wfile.write(b"success" if code == 200 else b"fail")

        def log_message(self, *args) -> None:
            return

    port = free_port()
    receiver = HTTPServer(("127.0.0.1", port), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    from payments.sandbox.server import Sandbox

    platform = Sandbox(SECRET, public_url="http://127.0.0.1:1", backoff=(0.05, 0.1, 0.2))
    order = {
        "provider_order_id": "SB1",
        "merchant_order_id": "ZC0000000001",
        "amount": "1.00",
        "currency": "CNY",
        "status": "paid",
        "paid_at": None,
        "refunded_at": None,
        "notify_url": f"http://urumqi.localhost:{port}/payments/notify/",
    }
    platform.notify(order)
    import time

    deadline = time.monotonic() + 5
    while not platform.deliveries[0].answered and time.monotonic() < deadline:
        time.sleep(0.05)
    receiver.shutdown()
    assert platform.deliveries[0].attempts == [0, 0, 200]
