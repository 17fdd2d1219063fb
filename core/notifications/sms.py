"""Sending text messages (短信) through a pluggable backend, like Django's e-mail backends.

`SMS_BACKEND` names the backend class by dotted path:

- `core.notifications.sms.ConsoleBackend` (the default): writes each message to standard output;
- `core.notifications.sms.FileBackend`: appends each message as one JSON line to `SMS_FILE_PATH`;
- `core.notifications.sms.LocmemBackend`: keeps messages in `core.notifications.sms.outbox`,
  for tests;
- a gateway's backend later: subclass `BaseSmsBackend` and implement `send_messages`.
"""

import json
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.module_loading import import_string

DEFAULT_BACKEND = "core.notifications.sms.ConsoleBackend"


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str


class BaseSmsBackend:
    """Send messages; return how many were sent. Errors raise unless `fail_silently`."""

    def __init__(self, *, fail_silently: bool = False, **kwargs: object) -> None:
        self.fail_silently = fail_silently

    def send_messages(self, messages: list[SmsMessage]) -> int:
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    """Development: the message appears in the server's output."""

    def __init__(self, *, stream: TextIO | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send_messages(self, messages: list[SmsMessage]) -> int:
        with self._lock:
            for message in messages:
                self.stream.write(f"[SMS] to {message.to}: {message.body}\n")
            self.stream.flush()
        return len(messages)


class FileBackend(BaseSmsBackend):
    """One JSON line per message appended to `SMS_FILE_PATH` (or the `file_path` given)."""

    def __init__(self, *, file_path: str | Path | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        path = file_path or getattr(settings, "SMS_FILE_PATH", None)
        if not path:
            raise ImproperlyConfigured("FileBackend needs SMS_FILE_PATH.")
        self.path = Path(path)

    def send_messages(self, messages: list[SmsMessage]) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(
            json.dumps({**asdict(m), "sent_at": timezone.now().isoformat()}, ensure_ascii=False)
            + "\n"
            for m in messages
        )
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(lines)
        return len(messages)


outbox: list[SmsMessage] = []


class LocmemBackend(BaseSmsBackend):
    """Tests: messages are kept in `core.notifications.sms.outbox` (clear it between tests)."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        outbox.extend(messages)
        return len(messages)


def get_backend(path: str | None = None, **kwargs: object) -> BaseSmsBackend:
    backend = import_string(path or getattr(settings, "SMS_BACKEND", DEFAULT_BACKEND))
    return backend(**kwargs)


def send_sms(*, to: str, body: str, fail_silently: bool = False) -> int:
    """Send one text message through the configured backend."""
    backend = get_backend(fail_silently=fail_silently)
    try:
        return backend.send_messages([SmsMessage(to=to, body=body)])
    except Exception:
        if fail_silently:
            return 0
        raise
