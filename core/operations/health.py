"""Liveness and readiness (`/healthz`, `/readyz`) for load balancers and operators.

Liveness says only that the process answers. Readiness says the host can do its work: the
database answers, its schema has every migration, and a task worker ran recently. The worker
proves it is alive through a one-minute heartbeat schedule whose runs django-q2 keeps in its
task table, so no extra table or shared cache is needed.
"""

from datetime import timedelta

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _

HEARTBEAT_FUNC = "core.operations.health.heartbeat"
HEARTBEAT_NAME = "worker-heartbeat"
# The heartbeat runs every minute; three missed runs mean no worker is taking tasks.
WORKER_GRACE = timedelta(minutes=3)

# Schemas found fully migrated; migrations are never unapplied under a running process.
_migrated: set[str] = set()


def heartbeat() -> str:
    """The task the schedule runs: its stored result is the worker's sign of life."""
    return timezone.now().isoformat()


def ensure_heartbeat_schedule() -> None:
    from django_q.models import Schedule

    Schedule.objects.update_or_create(
        name=HEARTBEAT_NAME,
        defaults={
            "func": HEARTBEAT_FUNC,
            "schedule_type": Schedule.MINUTES,
            "minutes": 1,
            "repeats": -1,
        },
    )


def worker_seen(now=None) -> bool:
    from django_q.models import Task

    since = (now or timezone.now()) - WORKER_GRACE
    return Task.objects.filter(func=HEARTBEAT_FUNC, stopped__gte=since).exists()


def migrations_applied() -> bool:
    schema = connection.schema_name
    if schema in _migrated:
        return True
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    _migrated.add(schema)
    return True


def readiness_problems() -> list[str]:
    """Why this host cannot serve now, in the reader's language; empty when ready."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return [_("数据库无法连接")]
    problems = []
    if not migrations_applied():
        problems.append(_("数据库结构未更新到最新版本"))
    if not worker_seen():
        minutes = int(WORKER_GRACE.total_seconds() // 60)
        problems.append(_("后台任务进程最近%(minutes)d分钟内未运行") % {"minutes": minutes})
    return problems
