"""The scheduled end of publicity: every hour, each region's due publicities are ended by the
system actor (SystemActor.SCHEDULER), not by someone remembering."""

from typing import Any

from results.publicity import end_due_here
from tenants.crossing import each_region, in_public
from tenants.queue import enqueue

SCHEDULE_NAME = "results.end_due_publicities"


def end_due_publicities() -> None:
    """The schedule's task (public): queue the end of due publicities in every region, each
    run by the region-aware queue inside its schema."""
    for _region in each_region():
        enqueue("results.tasks.end_due_in_region")


def end_due_in_region() -> int:
    return end_due_here()


def ensure_schedule(**kwargs: Any) -> None:
    """After migrating: the hourly schedule exists (once, in the public schema)."""
    from django_q.models import Schedule

    with in_public():
        Schedule.objects.update_or_create(
            name=SCHEDULE_NAME,
            defaults={
                "func": "results.tasks.end_due_publicities",
                "schedule_type": Schedule.HOURLY,
            },
        )
