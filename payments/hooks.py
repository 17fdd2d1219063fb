"""Payments' side of the transition table, in the transition's transaction: an application that
leaves after formal review, before its meeting (rejected, or sent back), is refunded; the
committee's 线下缴费 (`record_offline_payment`, from its page or the API) is booked as an
order of its own, with the reason and who entered it."""

from typing import Any

from django.dispatch import receiver

from payments.services import offline_order_book, refund_application
from workflow.signals import transition_done
from workflow.states import Status

AFTER_FORMAL_REVIEW = frozenset({Status.FORMAL_REVIEW_PASSED, Status.PAID})
LEFT = frozenset({Status.REJECTED, Status.DRAFT, Status.RETURNED})


@receiver(transition_done)
def on_transition(
    sender: object, application: Any, action: str, from_status: str, **kwargs: Any
) -> None:
    if action == "record_offline_payment":
        offline_order_book(
            application, user=kwargs["actor"], reason=str(kwargs["payload"].get("opinion", ""))
        )
    elif from_status in AFTER_FORMAL_REVIEW and application.status in LEFT:
        refund_application(application)
