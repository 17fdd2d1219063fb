"""The adapter for the sandbox platform (payments.sandbox), over HTTP with signed bodies."""

import json
import urllib.error
import urllib.request
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings

from payments.providers import CreatedOrder, InvalidNotification, OrderState, ProviderError
from payments.sandbox.signing import HEADER, sign, valid

TIMEOUT = 10


class SandboxProvider:
    name = "sandbox"
    acknowledgement = b"success"

    def __init__(self) -> None:
        self.base = settings.PAYMENT_SANDBOX_URL.rstrip("/")
        self.secret = settings.PAYMENT_SANDBOX_SECRET

    def _call(self, method: str, path: str, data: dict | None = None) -> dict:
        body = json.dumps(data).encode() if data is not None else None
        request = urllib.request.Request(  # noqa: S310 - the configured http(s) base
            self.base + path,
            data=body,
            method=method,
            headers={
                "Content-Type": "application/json",
                HEADER: sign(self.secret, body if body is not None else path.encode()),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                answer, signature = response.read(), response.headers.get(HEADER, "")
        except urllib.error.HTTPError as error:
            raise ProviderError(f"{error.code} {error.read()[:200]!r}") from error
        except OSError as error:
            raise ProviderError(str(error)) from error
        if not valid(self.secret, answer, signature):
            raise ProviderError("unsigned answer")
        return json.loads(answer)

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
    ) -> CreatedOrder:
        data = self._call(
            "POST",
            "/api/orders",
            {
                "merchant_order_id": merchant_order_id,
                "amount": f"{amount:.2f}",
                "currency": currency,
                "subject": subject,
                "notify_url": notify_url,
                "return_url": return_url,
                "expires_at": expires_at.isoformat(),
            },
        )
        return CreatedOrder(data["provider_order_id"], data["pay_url"])

    def verify_notification(self, body: bytes, headers: dict[str, str]) -> OrderState:
        if not valid(self.secret, body, headers.get(HEADER, "")):
            raise InvalidNotification("signature")
        try:
            return _state(json.loads(body))
        except (ValueError, KeyError, TypeError, InvalidOperation) as error:
            raise InvalidNotification("body") from error

    def query_order(self, provider_order_id: str) -> OrderState:
        return _state(self._call("GET", f"/api/orders/{provider_order_id}"))

    def refund(self, provider_order_id: str, amount: Decimal) -> OrderState:
        return _state(
            self._call(
                "POST", f"/api/orders/{provider_order_id}/refund", {"amount": f"{amount:.2f}"}
            )
        )


def _state(data: dict) -> OrderState:
    return OrderState(
        merchant_order_id=str(data["merchant_order_id"]),
        provider_order_id=str(data["provider_order_id"]),
        status=str(data["status"]),
        amount=Decimal(str(data["amount"])),
        currency=str(data["currency"]),
    )
