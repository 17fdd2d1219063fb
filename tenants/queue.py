"""Background work that remembers its region (STACK.md: django-q2 does not keep the schema).

`enqueue()` queues a task after the current transaction commits. Whatever way a task is queued,
the `pre_enqueue` hook records the schema the caller was in, and the worker re-enters it before
running the task and goes back to `public` afterwards.
"""

from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.dispatch import receiver
from django_q.signals import post_execute_in_worker, pre_enqueue, pre_execute
from django_q.tasks import async_task
from django_tenants.utils import schema_context

from .directory import PUBLIC_CODE

SCHEMA_KEY = "region_schema"


def enqueue(func: Callable[..., Any] | str, *args: Any, **kwargs: Any) -> None:
    """Queue `func(*args, **kwargs)` in the caller's region once the transaction commits."""
    schema = connection.schema_name

    def _push() -> None:
        with schema_context(schema):
            async_task(func, *args, **kwargs)

    transaction.on_commit(_push)


@receiver(pre_enqueue)
def _remember_schema(sender: object, task: dict, **kwargs: object) -> None:
    task.setdefault(SCHEMA_KEY, connection.schema_name or PUBLIC_CODE)


@receiver(pre_execute)
def _enter_schema(sender: object, func: object, task: dict, **kwargs: object) -> None:
    connection.set_schema(task.get(SCHEMA_KEY, PUBLIC_CODE))


@receiver(post_execute_in_worker)
def _leave_schema(sender: object, func: object, task: dict, **kwargs: object) -> None:
    connection.set_schema_to_public()
