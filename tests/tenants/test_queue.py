"""A task queued inside a region runs in that region, whichever schema the worker started in."""

from multiprocessing import Queue, Value

from django.db import connection
from django_q.brokers import get_broker
from django_q.signing import SignedPackage
from django_q.worker import worker

from tenants.crossing import in_region
from tenants.queue import enqueue
from workflow.models import Notice


def publish_notice(title: str) -> str:
    """A task: writes into whatever schema the worker is in, and says which one that was."""
    Notice.objects.create(title=title)
    return connection.schema_name


def _run_queued_tasks_like_a_worker() -> list[dict]:
    """Take the packages off the ORM broker and run them through django-q2's own worker loop.

    The worker starts in `public`, as a real `qcluster` process does.
    """
    assert connection.schema_name == "public"
    broker = get_broker()
    tasks = []
    while packages := broker.dequeue():  # django-q2 hands out Q_CLUSTER["bulk"] at a time
        tasks += [SignedPackage.loads(pack) for _id, pack in packages]
    task_queue, result_queue = Queue(), Queue()
    for task in tasks:
        task["sync"] = True  # keep the test's connection (and its transaction) open
        task_queue.put(task)
    task_queue.put("STOP")
    worker(task_queue, result_queue, Value("f", -1))
    return [result_queue.get(timeout=5) for _ in tasks]


def test_a_task_queued_in_ili_runs_in_ili(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), in_region("ili"):
        enqueue(publish_notice, "伊犁州评审会议通知")

    results = _run_queued_tasks_like_a_worker()

    assert [r["result"] for r in results] == ["ili"]
    assert all(r["success"] for r in results)
    assert connection.schema_name == "public"
    with in_region("ili"):
        assert Notice.objects.filter(title="伊犁州评审会议通知").exists()
    with in_region("xj"):
        assert not Notice.objects.filter(title="伊犁州评审会议通知").exists()


def test_nothing_is_queued_when_the_transaction_rolls_back(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks, in_region("aksu"):
        enqueue(publish_notice, "never")
    assert len(callbacks) == 1  # held until commit; a rollback drops it
    assert get_broker().queue_size() == 0
