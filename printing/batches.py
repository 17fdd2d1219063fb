"""A committee prints every official review form of an offering as one merged PDF, built in the
background (tenants.queue) with its progress on the batch's row.

Each form of the merge is the same stored file as when printed alone (printing.documents), and
each has an even number of pages, so the merged PDF prints double-sided with every form on
sheets of its own. The merged file is content-addressed too: the same forms give the same file.
"""

import hashlib
import io
import logging
import time

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter

from core.errors import ConflictError
from core.models import Role, User
from printing import storage
from printing.copies import OFFICIAL_STATUSES
from printing.documents import ensure, prepare
from printing.models import BatchStatus, DocumentKind, PrintBatch
from tenants.queue import enqueue
from workflow.models import Application, Offering
from workflow.reviewers import committee_ids_of

logger = logging.getLogger(__name__)
BATCH_ROOT = "batches"
# The progress is written after this many forms (and after the last one).
PROGRESS_EVERY = 5
# A run of the task renders for about this long, then queues the next run (the queue's timeout
# is 120 s, and an unanswered task is handed out again after 180 s).
BATCH_SLICE_SECONDS = 60


def committees_of(user: User) -> list[int]:
    return committee_ids_of(user) if user.role == Role.COMMITTEE_STAFF else []


def printable_offerings(user: User) -> QuerySet[Offering]:
    """The offerings of the staff member's committees, with how many official forms each has."""
    return (
        Offering.objects.filter(committee_id__in=committees_of(user))
        .select_related("committee", "qualification__specialty__series")
        .annotate(
            official=Count("applications", filter=Q(applications__status__in=OFFICIAL_STATUSES))
        )
        .order_by("-year", "committee__name", "qualification__code")
    )


def batches_of(user: User) -> QuerySet[PrintBatch]:
    return PrintBatch.objects.filter(committee_id__in=committees_of(user)).select_related(
        "offering__qualification", "committee", "requested_by"
    )


def batch_get(user: User, batch_id: int) -> PrintBatch:
    """A batch of one of the user's committees; the dull 404 otherwise."""
    batch = batches_of(user).filter(pk=batch_id).first()
    if batch is None:
        raise Http404
    return batch


def batch_create(*, user: User, offering_id: int, origin: str) -> PrintBatch:
    """Queue the merged PDF of every official review form of one of the user's offerings."""
    offering = printable_offerings(user).filter(pk=offering_id).first()
    if offering is None:
        raise Http404
    numbers = list(
        Application.objects.filter(offering=offering, status__in=OFFICIAL_STATUSES)
        .order_by("number")
        .values_list("number", flat=True)
    )
    if not numbers:
        raise ConflictError(_("该申报项目还没有通过形式审核的申请书。"), code="nothing_to_print")
    q = offering.qualification
    batch = PrintBatch.objects.create(
        committee=offering.committee,
        offering=offering,
        title=_("%(year)s年 %(qualification)s 评审表（%(n)d份）")
        % {"year": offering.year, "qualification": q.label, "n": len(numbers)},
        numbers=numbers,
        total=len(numbers),
        requested_by=user,
        origin=origin,
    )
    enqueue("printing.tasks.render_batch", batch.pk)
    return batch


def _progress(batch: PrintBatch, **fields: object) -> None:
    for name, value in fields.items():
        setattr(batch, name, value)
    PrintBatch.objects.filter(pk=batch.pk).update(**fields)


def batch_run(batch_id: int) -> None:
    """Render (or take from storage) the batch's forms, then merge them.

    A run stops after BATCH_SLICE_SECONDS and queues the next one, which goes on where it
    stopped: no run comes near the queue's timeout, however many forms there are.
    """
    batch = PrintBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status in (BatchStatus.DONE, BatchStatus.FAILED):
        return
    started = time.monotonic()
    _progress(batch, status=BatchStatus.RUNNING)
    try:
        remaining = batch.numbers[batch.done :]
        applications = {
            a.number: a
            for a in Application.objects.filter(number__in=remaining).select_related(
                "offering__committee",
                "qualification__specialty__series",
                "unit",
                "flow",
                "applicant",
                "form",
            )
        }
        parts = list(batch.parts)
        done = batch.done
        for number in remaining:
            application = applications.get(number)
            if application is not None:
                prepared = prepare(application, DocumentKind.REVIEW_FORM, origin=batch.origin)
                parts.append(ensure(prepared).relative)
            done += 1
            last = done == batch.total
            if done % PROGRESS_EVERY == 0 or last:
                _progress(batch, done=done, parts=parts)
            if not last and time.monotonic() - started > BATCH_SLICE_SECONDS:
                _progress(batch, done=done, parts=parts)
                enqueue("printing.tasks.render_batch", batch.pk)
                return
        key = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        relative = storage.relative_path(BATCH_ROOT, key)
        if not storage.stored(relative):
            storage.write(relative, merge(parts))
        path = storage.absolute_path(relative)
        _progress(
            batch,
            status=BatchStatus.DONE,
            file_key=relative,
            pages=len(PdfReader(path).pages),
            size=path.stat().st_size,
            finished_at=timezone.now(),
        )
    except Exception as error:
        logger.exception("print batch %s failed", batch_id)
        _progress(
            batch, status=BatchStatus.FAILED, error=str(error)[:500], finished_at=timezone.now()
        )


def merge(relatives: list[str]) -> bytes:
    writer = PdfWriter()
    for relative in relatives:
        writer.append(PdfReader(storage.absolute_path(relative)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
