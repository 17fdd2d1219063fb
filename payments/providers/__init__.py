"""Payment providers behind one small interface, chosen in settings (`PAYMENT_PROVIDER`, a
dotted path; its settings beside it). A real 非税 platform is one more adapter here."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class ProviderError(Exception):
    """The provider could not be reached or refused the call."""


class InvalidNotification(Exception):  # noqa: N818 - the name reads as the condition
    """A notification whose signature or body does not hold."""


@dataclass(frozen=True)
class CreatedOrder:
    provider_order_id: str
    pay_url: str


@dataclass(frozen=True)
class OrderState:
    """An order as the provider sees it: from a notification or a query."""

    merchant_order_id: str
    provider_order_id: str
    status: str  # "created", "paid", "failed", "cancelled", "refunded"
    amount: Decimal
    currency: str


class Provider(Protocol):
    name: str

    def create_order(
        self,
        *,
        merchant_order_id: str,
        amount: Decimal,
        currency: str,
        subject: str,
        notify_url: str,
        return_url: str,
        expires_at: datetime,
    ) -> CreatedOrder: ...

    def verify_notification(self, body: bytes, headers: dict[str, str]) -> OrderState:
        """The notification's content if its signature holds; else InvalidNotification."""

    def query_order(self, provider_order_id: str) -> OrderState: ...

    def refund(self, provider_order_id: str, amount: Decimal) -> OrderState: ...

    # What the provider wants to hear once a notification is handled (it stops retrying).
    acknowledgement: bytes


@cache
def _provider_class(path: str) -> type:
    return import_string(path)


def get_provider() -> Provider:
    return _provider_class(settings.PAYMENT_PROVIDER)()
