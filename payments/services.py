"""缴费: orders, the provider's notifications and queries, refunds, the committee's offline entry.

Money is never lost or counted twice. Every change to an order happens with the application's
row locked first and then the order's (one order of locks everywhere), so two notifications
of one order, or of two orders of one application, arriving at once credit once; a payment
that cannot be credited (a second order, an order expired or cancelled meanwhile, an
application that left) is refunded; the application moves through the transition table only
(`paid` by the payment system, `record_offline_payment` by its committee).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.errors import ConflictError
from core.models import User
from payments.models import (
    OPEN_STATUSES,
    OrderStatus,
    PaymentNotification,
    PaymentOrder,
)
from payments.providers import InvalidNotification, OrderState, ProviderError, get_provider
from tenants.queue import enqueue
from workflow.models import Application, Offering
from workflow.states import Status
from workflow.transitions import SystemActor, apply_transition

Outcome = PaymentNotification.Outcome
OFFLINE = "offline"
MAX_BODY_KEPT = 8000


@dataclass(frozen=True)
class PaymentDue:
    """What 我的申请书 shows under 缴费."""

    amount: Decimal
    opens_at: datetime | None
    closes_at: datetime | None
    state: str  # "open", "not_yet", "closed"


def payment_due(application: Application, now: datetime | None = None) -> PaymentDue | None:
    """The payment the applicant owes now, or None (not required, or not at that stage)."""
    offering = application.offering
    if application.status != Status.FORMAL_REVIEW_PASSED or not offering.payment_required:
        return None
    return PaymentDue(
        offering.fee,
        offering.payment_opens_at,
        offering.payment_closes_at,
        payment_period_state(offering, now),
    )


def payment_period_state(offering: Offering, now: datetime | None = None) -> str:
    now = now or timezone.now()
    if offering.payment_opens_at and now < offering.payment_opens_at:
        return "not_yet"
    if offering.payment_closes_at and now >= offering.payment_closes_at:
        return "closed"
    return "open"


def _locked_application(application_id: int) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("offering", "qualification")
        .get(pk=application_id)
    )


def order_create(
    application: Application, *, user: User, notify_url: str, return_url: str
) -> PaymentOrder:
    """A new order with the provider (or the one still waiting for payment), for the applicant
    to pay at its `pay_url`. `return_url` may hold `{order}`, replaced by the order's id."""
    with transaction.atomic():
        application = _locked_application(application.pk)
        due = payment_due(application)
        if due is None:
            raise ConflictError(
                _("申请书当前状态为“%(status)s”，不需要缴费。")
                % {"status": Status(application.status).label},
                code="payment_not_due",
            )
        if due.state == "not_yet":
            raise ConflictError(
                _("缴费尚未开始，开始时间为%(at)s。")
                % {"at": date_format(timezone.localtime(due.opens_at), "Y-m-d H:i")},
                code="payment_not_open",
            )
        if due.state == "closed":
            raise ConflictError(_("缴费已截止。"), code="payment_closed")
        if due.amount <= 0:
            raise ConflictError(_("评审费尚未设置，请联系评审委员会。"), code="fee_not_set")
        now = timezone.now()
        waiting = (
            application.payment_orders.select_for_update()
            .filter(status=OrderStatus.CREATED, expires_at__gt=now + timedelta(minutes=2))
            .exclude(pay_url="")
            .first()
        )
        if waiting is not None and waiting.amount == due.amount:
            return waiting
        provider = get_provider()
        order = PaymentOrder.objects.create(
            application=application,
            amount=due.amount,
            provider=provider.name,
            expires_at=now + timedelta(minutes=settings.PAYMENT_ORDER_MINUTES),
            created_by=user,
        )
        try:
            created = provider.create_order(
                merchant_order_id=order.merchant_order_id,
                amount=order.amount,
                currency=order.currency,
                subject=f"{application.number} {application.qualification.name}",
                notify_url=notify_url,
                return_url=return_url.replace("{order}", str(order.pk)),
                expires_at=order.expires_at,
            )
        except ProviderError as error:
            raise ConflictError(
                _("缴费平台暂时无法连接，请稍后再试。"), code="provider_unavailable"
            ) from error
        order.provider_order_id, order.pay_url = created.provider_order_id, created.pay_url
        order.save(update_fields=["provider_order_id", "pay_url", "updated_at"])
    return order


def _order_named(state: OrderState) -> PaymentOrder | None:
    name = state.merchant_order_id
    if not (name.startswith("ZC") and name[2:].isdigit() and len(name) <= 20):
        return None
    return PaymentOrder.objects.filter(
        pk=int(name[2:]), provider_order_id=state.provider_order_id
    ).first()


def notification_receive(
    body: bytes, headers: dict[str, str], remote_addr: str | None
) -> tuple[bool, PaymentNotification]:
    """Handle one notification from the provider; kept whatever it says. Returns whether to
    acknowledge it (the provider stops sending) and the record."""
    provider = get_provider()
    record = PaymentNotification(
        provider=provider.name,
        body=body[:MAX_BODY_KEPT].decode("utf-8", errors="replace").replace("\x00", ""),
        signature=str(headers.get("X-Sandbox-Signature", ""))[:128],
        remote_addr=remote_addr,
    )
    try:
        state = provider.verify_notification(body, headers)
    except InvalidNotification as error:
        record.signature_valid = str(error) != "signature"
        record.outcome = Outcome.BAD_SIGNATURE if str(error) == "signature" else Outcome.BAD_BODY
        record.save()
        return False, record
    record.signature_valid = True
    order = _order_named(state)
    if order is None:
        record.outcome = Outcome.BAD_ORDER
        record.save()
        return False, record
    with transaction.atomic():
        record.order = order
        record.outcome = order_settle(order.pk, state)
        record.save()
    return record.outcome != Outcome.BAD_AMOUNT, record


def order_settle(order_id: int, state: OrderState) -> str:
    """Bring the order in line with the provider's word (a notification or a query); the
    outcome, a PaymentNotification.Outcome. Idempotent: the same word twice changes nothing."""
    with transaction.atomic():
        application_id = PaymentOrder.objects.values_list("application_id", flat=True).get(
            pk=order_id
        )
        application = _locked_application(application_id)
        order = PaymentOrder.objects.select_for_update().get(pk=order_id)
        if state.amount != order.amount or state.currency != order.currency:
            return Outcome.BAD_AMOUNT
        if state.status == "paid":
            return _settle_paid(application, order)
        if state.status in ("failed", "cancelled") and order.status in OPEN_STATUSES:
            order.status = OrderStatus.FAILED if state.status == "failed" else OrderStatus.CANCELLED
            order.save(update_fields=["status", "updated_at"])
            return Outcome.FAILED
        return Outcome.UNCHANGED


def _settle_paid(application: Application, order: PaymentOrder) -> str:
    if order.paid_at is not None:
        return Outcome.UNCHANGED  # credited, or refunded, already
    order.paid_at = timezone.now()
    if order.status in (OrderStatus.EXPIRED, OrderStatus.CANCELLED):
        _refund_later(order, "expired")
        return Outcome.NOT_CREDITED
    credited = application.payment_orders.filter(paid_at__isnull=False).exclude(
        status__in=(OrderStatus.REFUNDING, OrderStatus.REFUNDED)
    )
    if application.status == Status.PAID or credited.exists():
        _refund_later(order, "duplicate")
        return Outcome.REFUNDED_DUPLICATE
    if application.status != Status.FORMAL_REVIEW_PASSED:
        _refund_later(order, "left")
        return Outcome.NOT_CREDITED
    order.status = OrderStatus.PAID
    order.receipt_number = f"{timezone.localdate():%Y%m%d}{order.pk:08d}"
    order.save()
    apply_transition(number=application.number, action="paid", system=SystemActor.PAYMENT)
    return Outcome.CREDITED


def _refund_later(order: PaymentOrder, reason: str) -> None:
    """Mark for refund now; the provider is called once this commits (and the sweep retries)."""
    order.status = OrderStatus.REFUNDING
    order.refund_reason = reason
    order.save()
    if order.provider != OFFLINE:
        enqueue("payments.tasks.refund_order", order.pk)


def refund_application(application: Application) -> int:
    """The application left before its meeting (rejected, withdrawn): refund what it paid.
    Runs inside the transition's transaction, the application's row locked."""
    orders = list(application.payment_orders.select_for_update().filter(status=OrderStatus.PAID))
    for order in orders:
        _refund_later(order, "left")
        if order.provider == OFFLINE:
            # Paid in person: the committee pays it back in person; recorded as refunded.
            order.status, order.refunded_at = OrderStatus.REFUNDED, timezone.now()
            order.save()
    return len(orders)


def refund_order(order_id: int) -> str:
    """Ask the provider to refund an order marked for refund; its status afterwards."""
    with transaction.atomic():
        order = PaymentOrder.objects.select_for_update().get(pk=order_id)
        if order.status != OrderStatus.REFUNDING:
            return order.status
        try:
            state = get_provider().refund(order.provider_order_id, order.amount)
        except ProviderError:
            return order.status  # the sweep tries again
        if state.status == "refunded":
            order.status, order.refunded_at = OrderStatus.REFUNDED, timezone.now()
            order.save()
        return order.status


def order_query(order_id: int) -> str:
    """Ask the provider about an open order (its notification may never have come); expire it
    when its time is over and the provider has no payment. The order's status afterwards."""
    order = PaymentOrder.objects.get(pk=order_id)
    if order.status not in OPEN_STATUSES or not order.provider_order_id:
        return order.status
    try:
        state = get_provider().query_order(order.provider_order_id)
    except ProviderError:
        return order.status
    if state.status in ("paid", "failed", "cancelled"):
        order_settle(order.pk, state)
    if state.status != "paid" and order.expires_at and order.expires_at <= timezone.now():
        with transaction.atomic():
            order = PaymentOrder.objects.select_for_update().get(pk=order_id)
            if order.status in OPEN_STATUSES:
                order.status = OrderStatus.EXPIRED
                order.save(update_fields=["status", "updated_at"])
    return PaymentOrder.objects.values_list("status", flat=True).get(pk=order_id)


def offline_payment_record(application: Application, *, user: User, reason: str) -> PaymentOrder:
    """The committee took the fee in person (线下缴费): the application moves by the table's
    `record_offline_payment` row, which books the order (payments.hooks)."""
    with transaction.atomic():
        apply_transition(
            number=application.number,
            action="record_offline_payment",
            actor=user,
            payload={"opinion": reason.strip()},
        )
        return application.payment_orders.get(provider=OFFLINE, status=OrderStatus.PAID)


def offline_order_book(application: Application, *, user: User, reason: str) -> PaymentOrder:
    """The order of a 线下缴费: provider "offline", paid, the fee, the reason and who entered it
    (in the transition's transaction)."""
    order = PaymentOrder.objects.create(
        application=application,
        amount=application.offering.fee,
        provider=OFFLINE,
        status=OrderStatus.PAID,
        paid_at=timezone.now(),
        note=reason.strip(),
        created_by=user,
    )
    order.receipt_number = f"{timezone.localdate():%Y%m%d}{order.pk:08d}"
    order.save(update_fields=["receipt_number"])
    return order
