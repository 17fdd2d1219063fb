"""Exports of a filtered oversight list as CSV or XLSX, built in the background.

`export_create` records the export in the audit log and queues `export_run` through the
region-aware queue (tenants.queue); the worker writes the file in chunks, counting progress,
then records one 查询记录 event per exported application in ONE statement. Only the person who
asked downloads it (`export_for`)."""

import csv
import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook

from core.audit import audit_record, reader_of, record_reads_of_index
from core.identity.validators import mask_id_card_number
from core.models import AuditKind, Level, User
from core.models.applications import Status
from oversight.filters import ListFilter, Scope, apply
from oversight.models import ExportFormat, ExportJob, ExportStatus
from tenants.crossing import in_public
from tenants.queue import enqueue
from tenants.routing import REGION_MAP
from workflow.models import NodeKind

ROOT = "exports"
CHUNK = 2000
PROGRESS_EVERY = 5000
PURGE_SCHEDULE = "oversight: delete expired export files"
CONTENT_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_create(
    *, user: User, scope: Scope, params: dict[str, str], fmt: str, request: HttpRequest
) -> ExportJob:
    """Queue an export of the list `params` (cleaned ListFilter values) in `scope`."""
    with transaction.atomic():
        job = ExportJob.objects.create(
            requested_by=user, region=scope.region, params=params, format=fmt
        )
        audit_record(
            AuditKind.EXPORT_CREATED,
            request=request,
            actor=user,
            export=job.pk,
            format=fmt,
            scope=scope.region.schema_name if scope.region else "all",
            conditions=params,
        )
        enqueue("oversight.exports.export_run", job.pk)
    return job


def export_for(user: User, pk: int) -> ExportJob:
    """The user's own export, else the dull 404 (another person's export does not exist)."""
    job = ExportJob.objects.filter(pk=pk, requested_by=user).first()
    if job is None:
        raise Http404
    return job


def _header() -> list[str]:
    return [
        _("申请书编号"),
        _("地区"),
        _("申请人"),
        _("身份证号码"),
        _("基层工作单位"),
        _("系列"),
        _("申请资格"),
        _("级别"),
        _("年度"),
        _("状态"),
        _("当前节点"),
        _("到达时间"),
        _("提交时间"),
        _("更新时间"),
    ]


def _lines(rows) -> Iterator[list[str]]:
    regions = {r.pk: r.local_name for r in REGION_MAP.regions()}
    statuses = dict(Status.choices)
    levels = dict(Level.choices)
    kinds = dict(NodeKind.choices)

    def when(value) -> str:
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    for row in rows.iterator(chunk_size=CHUNK):
        yield [
            row.number,
            regions.get(row.region_id, ""),
            row.applicant_name,
            mask_id_card_number(row.applicant.id_card_number or ""),
            row.unit.name,
            row.series.local_name if row.series else "",
            row.qualification.local_name,
            str(levels.get(row.level, row.level)),
            str(row.year),
            str(statuses.get(row.status, row.status)),
            str(kinds.get(row.node_kind, "")),
            when(row.waiting_since),
            when(row.submitted_at),
            when(row.updated_at),
        ]


def _path(key: str) -> Path:
    return Path(settings.MEDIA_ROOT) / key


def export_run(job_id: int) -> str:
    """The worker's part: write the file, count progress, record the reads. Idempotent: a
    finished job is left as it is; a failure is shown on the job's page."""
    job = ExportJob.objects.select_related("requested_by", "region").filter(pk=job_id).first()
    if job is None or job.status == ExportStatus.DONE:
        return ""
    try:
        # Headers, regions, series and qualifications in the requester's language.
        with translation.override(job.requested_by.language or settings.LANGUAGE_CODE):
            return _write(job)
    except Exception as error:
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error=str(error)[:300]
        )
        raise


def _write(job: ExportJob) -> str:
    form = ListFilter(job.params)
    if not form.is_valid():
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportStatus.FAILED, error="invalid conditions"
        )
        return ""
    rows = apply(Scope(job.region), form.cleaned_data)
    job.total = rows.count()
    job.status = ExportStatus.RUNNING
    job.save(update_fields=["total", "status"])
    key = f"{ROOT}/{job.pk}-{secrets.token_hex(8)}.{job.format}"
    path = _path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    listed = rows.select_related("applicant", "unit", "series", "qualification")
    done = 0

    def progress() -> None:
        ExportJob.objects.filter(pk=job.pk).update(done=done)

    try:
        if job.format == ExportFormat.XLSX:
            book = Workbook(write_only=True)
            sheet = book.create_sheet(_("申请书"))
            sheet.append(_header())
            for line in _lines(listed):
                sheet.append(line)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    progress()
            book.save(path)
        else:
            with path.open("w", encoding="utf-8-sig", newline="") as handle:  # Excel reads the BOM
                writer = csv.writer(handle)
                writer.writerow(_header())
                for line in _lines(listed):
                    writer.writerow(line)
                    done += 1
                    if done % PROGRESS_EVERY == 0:
                        progress()
        with transaction.atomic():
            record_reads_of_index(
                AuditKind.APPLICATION_EXPORTED, reader_of(job.requested_by), rows, export=job.pk
            )
            ExportJob.objects.filter(pk=job.pk).update(
                status=ExportStatus.DONE, done=done, file_key=key, finished_at=timezone.now()
            )
    except BaseException:
        path.unlink(missing_ok=True)  # a half-written or unrecorded file is nobody's export
        raise
    return key


def export_purge(now: datetime | None = None) -> int:
    """Delete the files of exports finished more than EXPORT_RETENTION_DAYS ago and mark their
    jobs expired (the scheduled daily task; the job's page then says so). Returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.EXPORT_RETENTION_DAYS)
    due = list(
        ExportJob.objects.filter(status=ExportStatus.DONE, finished_at__lt=cutoff).only(
            "pk", "file_key"
        )
    )
    for job in due:
        if job.file_key:
            _path(job.file_key).unlink(missing_ok=True)
    ExportJob.objects.filter(pk__in=[job.pk for job in due]).update(
        status=ExportStatus.EXPIRED, file_key=""
    )
    return len(due)


def ensure_purge_schedule(**kwargs: Any) -> None:
    """After migrating: the daily purge exists (once, in the public schema)."""
    from django_q.models import Schedule

    with in_public():
        Schedule.objects.update_or_create(
            name=PURGE_SCHEDULE,
            defaults={"func": "oversight.exports.export_purge", "schedule_type": Schedule.DAILY},
        )


def export_path(job: ExportJob) -> Path:
    return _path(job.file_key)


def export_filename(job: ExportJob) -> str:
    return f"申请书-{job.pk}.{job.format}"
