"""An operator's load balancer asks every host whether it is up and whether it can serve."""

from multiprocessing import Queue, Value

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import Schedule, Task
from django_q.monitor import save_task
from django_q.scheduler import scheduler
from django_q.signing import SignedPackage
from django_q.worker import worker

from core.operations import health
from core.operations.health import HEARTBEAT_FUNC, ensure_heartbeat_schedule
from tenants.crossing import in_region
from tests.support import client_for


@pytest.fixture
def worker_runs(monkeypatch):
    """django-q2's own scheduler, worker and result saving, in this process (its sync mode
    keeps the test's connection and transaction open)."""
    monkeypatch.setattr(Conf, "SYNC", True)
    return _a_worker_takes_its_scheduled_tasks


def _a_worker_takes_its_scheduled_tasks() -> None:
    broker = get_broker()
    scheduler(broker)
    tasks = []
    while packages := broker.dequeue():
        tasks += [SignedPackage.loads(pack) for _id, pack in packages]
    task_queue, result_queue = Queue(), Queue()
    for task in tasks:
        task["sync"] = True
        task_queue.put(task)
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    for _ in tasks:
        save_task(result_queue.get(timeout=5), broker)


@pytest.mark.parametrize("code", ["public", "urumqi"])
def test_every_host_says_it_is_up(db, code):
    response = client_for(code).get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_host_without_a_working_task_worker_is_not_ready_and_says_why(db):
    Task.objects.filter(func=HEARTBEAT_FUNC).delete()
    response = client_for("urumqi").get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not_ready"
    assert body["problems"] == ["后台任务进程最近3分钟内未运行"]
    assert "后台任务进程".encode() in response.content  # readable by a person reading the probe


def test_once_the_worker_runs_its_heartbeat_every_host_is_ready(db, worker_runs):
    ensure_heartbeat_schedule()
    assert Schedule.objects.filter(name=health.HEARTBEAT_NAME).count() == 1
    worker_runs()
    assert Task.objects.filter(func=HEARTBEAT_FUNC, success=True).exists()
    for code in ("public", "urumqi", "kashgar"):
        response = client_for(code).get("/readyz")
        assert (response.status_code, response.json()) == (200, {"status": "ready"}), code


def test_a_worker_silent_for_longer_than_the_grace_period_makes_the_host_not_ready(db, worker_runs):
    ensure_heartbeat_schedule()
    worker_runs()
    Task.objects.filter(func=HEARTBEAT_FUNC).update(
        stopped=Task.objects.get(func=HEARTBEAT_FUNC).stopped - health.WORKER_GRACE
    )
    assert client_for("urumqi").get("/readyz").status_code == 503


def test_a_region_behind_its_migrations_is_not_ready_while_the_others_are(
    db, monkeypatch, worker_runs
):
    monkeypatch.setattr(health, "_migrated", set())
    worker_runs()
    with in_region("kashgar"), connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'workflow' AND name = %s",
            [MigrationLoader(connection).graph.leaf_nodes("workflow")[0][1]],
        )
    response = client_for("kashgar", HTTP_ACCEPT_LANGUAGE="en").get("/readyz")
    assert response.status_code == 503
    assert len(response.json()["problems"]) == 1
    assert client_for("urumqi").get("/readyz").status_code == 200


def test_a_migrated_schema_is_ready_by_django_s_own_migration_plan(db, monkeypatch):
    monkeypatch.setattr(health, "_migrated", set())
    assert health.migrations_applied()


def test_probes_take_no_writes(db):
    assert client_for("urumqi").post("/healthz").status_code == 405
    assert client_for("urumqi").post("/readyz").status_code == 405
