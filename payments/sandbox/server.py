"""The sandbox platform: a plain WSGI application on the standard library's threaded server.

Server-to-server calls (create, query, refund) carry a JSON body signed in the `X-Sandbox-
Signature` header (for a GET, the path is signed); answers are signed the same way. The pay
page is for a person's browser. Notifications are POSTed to the order's `notify_url` from
background threads.

`/control` (GET, or POST with JSON) reads and changes how notifications behave:
`deliver` (false: keep them in `/control/outbox` instead of sending), `duplicates` (extra copies
of each), `jitter` (each copy waits a random 0..jitter seconds, so copies and successive
notifications arrive out of order), `backoff` (the waits between attempts, seconds).
"""

import html
import http.client
import json
import random
import secrets
import socketserver
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from payments.sandbox.signing import HEADER, sign, valid

MAX_BODY = 64 * 1024
OUTCOMES = {"success": "paid", "fail": "failed", "cancel": "cancelled"}


@dataclass
class Delivery:
    url: str
    body: bytes
    signature: str
    attempts: list[int] = field(default_factory=list)  # HTTP status per attempt (0: no answer)
    answered: bool = False


class Sandbox:
    """The platform's state: orders in memory, the notification settings and the deliveries."""

    def __init__(
        self,
        secret: str,
        *,
        public_url: str,
        duplicates: int = 0,
        jitter: float = 0.0,
        deliver: bool = True,
        backoff: tuple[float, ...] = (0.2, 0.5, 1, 2, 4, 8, 16),
    ) -> None:
        self.secret = secret
        self.public_url = public_url.rstrip("/")
        self.settings = {
            "deliver": deliver,
            "duplicates": duplicates,
            "jitter": jitter,
            "backoff": list(backoff),
        }
        self.orders: dict[str, dict] = {}
        self.deliveries: list[Delivery] = []
        self.outbox: list[Delivery] = []
        self.lock = threading.Lock()

    # --- the WSGI application ----------------------------------------------------------------

    def __call__(self, environ: dict, start_response):
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "/")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY:
            return self._answer(start_response, 413, {"error": "too large"})
        body = environ["wsgi.input"].read(length) if length else b""
        parts = [p for p in path.split("/") if p]
        signature = environ.get("HTTP_" + HEADER.upper().replace("-", "_"), "")
        try:
            if parts[:1] == ["pay"] and len(parts) == 2:
                if method == "GET":
                    return self._pay_page(start_response, parts[1])
                return self._pay(start_response, parts[1], body)
            if parts[:1] == ["control"]:
                return self._control(start_response, method, parts[1:], body)
            if parts[:2] == ["api", "orders"]:
                signed = body if method == "POST" else path.encode()
                if not valid(self.secret, signed, signature):
                    return self._answer(start_response, 401, {"error": "bad signature"})
                if method == "POST" and len(parts) == 2:
                    return self._create(start_response, json.loads(body))
                if method == "GET" and len(parts) == 3:
                    return self._query(start_response, parts[2])
                if method == "POST" and len(parts) == 4 and parts[3] == "refund":
                    return self._refund(start_response, parts[2], json.loads(body))
        except (ValueError, KeyError, TypeError):
            return self._answer(start_response, 400, {"error": "bad request"})
        return self._answer(start_response, 404, {"error": "not found"})

    def _answer(self, start_response, status: int, data: dict):
        body = json.dumps(data, ensure_ascii=False).encode()
        start_response(
            f"{status} {http.client.responses.get(status, '')}",
            [
                ("Content-Type", "application/json; charset=utf-8"),
                (HEADER, sign(self.secret, body)),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]

    # --- the server-to-server API -------------------------------------------------------------

    def _create(self, start_response, data: dict):
        order_id = "SB" + secrets.token_hex(8).upper()
        order = {
            "provider_order_id": order_id,
            "merchant_order_id": str(data["merchant_order_id"]),
            "amount": str(data["amount"]),
            "currency": str(data["currency"]),
            "subject": str(data.get("subject", "")),
            "notify_url": str(data["notify_url"]),
            "return_url": str(data["return_url"]),
            "status": "created",
            "paid_at": None,
            "refunded_at": None,
        }
        with self.lock:
            self.orders[order_id] = order
        return self._answer(
            start_response,
            201,
            {"provider_order_id": order_id, "pay_url": f"{self.public_url}/pay/{order_id}"},
        )

    def _query(self, start_response, order_id: str):
        order = self.orders.get(order_id)
        if order is None:
            return self._answer(start_response, 404, {"error": "no such order"})
        return self._answer(start_response, 200, self._public(order))

    def _refund(self, start_response, order_id: str, data: dict):
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                return self._answer(start_response, 404, {"error": "no such order"})
            if order["status"] not in ("paid", "refunded"):
                return self._answer(start_response, 409, {"error": "not paid"})
            if str(data.get("amount")) != order["amount"]:
                return self._answer(start_response, 400, {"error": "amount"})
            if order["status"] == "paid":
                order["status"] = "refunded"
                order["refunded_at"] = _now()
        return self._answer(start_response, 200, self._public(order))

    @staticmethod
    def _public(order: dict) -> dict:
        keys = ("provider_order_id", "merchant_order_id", "amount", "currency", "status")
        return {key: order[key] for key in (*keys, "paid_at", "refunded_at")}

    # --- the payer's pages --------------------------------------------------------------------

    def _pay_page(self, start_response, order_id: str):
        order = self.orders.get(order_id)
        if order is None:
            return self._html(start_response, 404, "<p>订单不存在</p>")
        done = order["status"] in ("paid", "refunded")
        buttons = (
            "<p>该订单已支付。</p>"
            if done
            else "".join(
                f'<button name="outcome" value="{value}">{label}</button> '
                for value, label in (
                    ("success", "支付成功"),
                    ("fail", "支付失败"),
                    ("cancel", "取消"),
                )
            )
        )
        page = (
            "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width'><title>缴费沙箱</title></head>"
            "<body><h1>非税缴费（沙箱）</h1>"
            f"<p>订单号：{html.escape(order_id)}</p>"
            f"<p>缴费项目：{html.escape(order['subject'])}</p>"
            f"<p>金额：<strong>{html.escape(order['amount'])}</strong> 元</p>"
            f"<form method='post'>{buttons}</form></body></html>"
        )
        return self._html(start_response, 200, page)

    def _html(self, start_response, status: int, page: str):
        body = page.encode()
        start_response(
            f"{status} {http.client.responses.get(status, '')}",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]

    def _pay(self, start_response, order_id: str, body: bytes):
        outcome = parse_qs(body.decode()).get("outcome", [""])[0]
        with self.lock:
            order = self.orders.get(order_id)
            if order is None or outcome not in OUTCOMES:
                return self._html(start_response, 400, "<p>请求无效</p>")
            if order["status"] in ("paid", "refunded"):
                outcome = ""
            else:
                order["status"] = OUTCOMES[outcome]
                if outcome == "success":
                    order["paid_at"] = _now()
        if outcome:
            self.notify(order)
        start_response(
            "303 See Other", [("Location", order["return_url"]), ("Content-Length", "0")]
        )
        return [b""]

    # --- notifications ------------------------------------------------------------------------

    def notify(self, order: dict) -> None:
        """Send the order's present state to the platform (plus duplicates), in the background."""
        body = json.dumps(
            {
                "notification_id": secrets.token_hex(8),
                **self._public(order),
                "sent_at": _now(),
            }
        ).encode()
        for _copy in range(1 + int(self.settings["duplicates"])):
            delivery = Delivery(order["notify_url"], body, sign(self.secret, body))
            with self.lock:
                self.deliveries.append(delivery)
                if not self.settings["deliver"]:
                    self.outbox.append(delivery)
                    continue
            threading.Thread(target=self._deliver, args=(delivery,), daemon=True).start()

    def _deliver(self, delivery: Delivery) -> None:
        jitter = float(self.settings["jitter"])
        if jitter:
            time.sleep(random.uniform(0, jitter))
        waits = [0.0, *self.settings["backoff"]]
        for wait in waits:
            time.sleep(wait)
            status = _post(delivery.url, delivery.body, delivery.signature)
            delivery.attempts.append(status)
            if status == 200:
                delivery.answered = True
                return

    # --- control ------------------------------------------------------------------------------

    def _control(self, start_response, method: str, rest: list[str], body: bytes):
        if rest == ["outbox"]:
            with self.lock:
                items, self.outbox = self.outbox, []
            data = [
                {"url": d.url, "body": d.body.decode(), "signature": d.signature} for d in items
            ]
            return self._answer(start_response, 200, {"outbox": data})
        if rest == ["deliveries"]:
            data = [
                {"url": d.url, "attempts": d.attempts, "answered": d.answered}
                for d in self.deliveries
            ]
            return self._answer(start_response, 200, {"deliveries": data})
        if rest and rest[0] == "pay" and len(rest) == 3 and method == "POST":
            # Pay (or fail) an order as its payer would, without a browser: for tests and demos.
            return self._pay(start_response, rest[1], f"outcome={rest[2]}".encode())
        if method == "POST" and not rest:
            changes = json.loads(body or b"{}")
            with self.lock:
                for key in self.settings.keys() & changes.keys():
                    self.settings[key] = changes[key]
        return self._answer(start_response, 200, dict(self.settings))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _post(url: str, body: bytes, signature: str) -> int:
    """POST to the platform; a `*.localhost` host is reached on the loopback (as browsers do)."""
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    address = "127.0.0.1" if host == "localhost" or host.endswith(".localhost") else host
    connection = http.client.HTTPConnection(address, parts.port or 80, timeout=10)
    try:
        connection.request(
            "POST",
            parts.path + (f"?{parts.query}" if parts.query else ""),
            body=body,
            headers={
                "Host": parts.netloc,
                "Content-Type": "application/json",
                HEADER: signature,
            },
        )
        response = connection.getresponse()
        answer = response.read()
        return response.status if answer.strip() == b"success" else 0
    except OSError:
        return 0
    finally:
        connection.close()


class _ThreadingServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        return


def serve(sandbox: Sandbox, host: str, port: int) -> WSGIServer:
    """A threaded server for `sandbox`; call serve_forever() (or run it in a thread)."""
    return make_server(
        host, port, sandbox, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
