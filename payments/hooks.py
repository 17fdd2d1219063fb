"""Payments' side of the transition table: an application that leaves after formal review,
before its meeting (rejected, or sent back), is refunded in the transition's transaction."""

from typing import Any

from django.dispatch import receiver

from payments.services import refund_application
from workflow.signals import transition_done
from workflow.states import Status

AFTER_FORMAL_REVIEW = frozenset({Status.FORMAL_REVIEW_PASSED, Status.PAID})
LEFT = frozenset({Status.REJECTED, Status.DRAFT, Status.RETURNED})


@receiver(transition_done)
def refund_on_leaving(sender: object, application: Any, from_status: str, **kwargs: Any) -> None:
    if from_status in AFTER_FORMAL_REVIEW and application.status in LEFT:
        refund_application(application)
