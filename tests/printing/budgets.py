"""What the printing routes show more of, for the query budgets of
tests/workflow/test_query_budgets.py (whose `World` and helpers these use): rows of the form's
tables, attachments on the material bag, a committee's offerings and print jobs, pages of a
merged PDF. A PDF is counted by what its text shows.
"""

import io
import re
from collections.abc import Callable
from typing import Any

from django.http import HttpResponse
from pypdf import PdfReader, PdfWriter

from printing import storage
from printing.models import BatchStatus, PrintBatch
from tenants.crossing import in_region
from workflow.models import Offering, SectionEntry
from workflow.states import Status

CODE = "urumqi"
MARK = "预算考核"  # in each added row of the form's table
FILE_MARK = "预算材料"  # in the name of each added attachment


def _budgets():
    from tests.workflow import test_query_budgets

    return test_query_budgets


def _passed(world) -> Any:
    """阿丽娅's application past formal review (an official copy, with its record), every
    section filled, made on the first call."""
    budgets = _budgets()
    application = budgets.the_application(world, status=Status.FORMAL_REVIEW_PASSED, node=None)
    if "filled" not in world.made:
        budgets.complete(application, 0)
        world.made["filled"] = True
    return application


def form_rows(world, count: int) -> dict[str, Any]:
    """`count` more rows in the form's table of appraisals."""
    application = _passed(world)
    with in_region(CODE):
        entry = SectionEntry.objects.get(application=application, key="appraisals")
        records = entry.data.get("records", [])
        first = len(records)
        records += [
            {"year": 1980 + (first + i) % 100, "result": "合格", "organization": f"{MARK}{i}"}
            for i in range(count)
        ]
        entry.data = {**entry.data, "records": records}
        entry.save()
    return {"number": application.number}


def bag_files(world, count: int) -> dict[str, Any]:
    """`count` more attachments listed on the material bag."""
    application = _passed(world)
    _budgets().attachments(application, count, "other_attachments", name=FILE_MARK)
    return {"number": application.number}


def committee_offerings(world, count: int) -> dict[str, Any]:
    """`count` more offerings of the staff member's committee (one a year, long ago)."""
    offering = world.offering
    first = world.made.setdefault("years", 0)
    world.made["years"] += count
    with in_region(CODE):
        Offering.objects.bulk_create(
            Offering(
                committee=offering.committee,
                qualification=offering.qualification,
                year=1900 + first + i,  # years no real offering uses
                opens_at=offering.opens_at,
                closes_at=offering.closes_at,
                flow=offering.flow,
            )
            for i in range(count)
        )
    return {}


def print_jobs(world, count: int) -> dict[str, Any]:
    """`count` more print jobs of the committee; the route shows the first one."""
    with in_region(CODE):
        jobs = PrintBatch.objects.bulk_create(
            PrintBatch(
                committee=world.offering.committee,
                offering=world.offering,
                title=f"预算打印任务{i}",
                numbers=["BQ0000000001"],
                total=1,
                requested_by=world.people["committee"],
                origin="http://localhost",
            )
            for i in range(count)
        )
    world.made.setdefault("job", jobs[0].pk)
    return {"pk": world.made["job"]}


def merged_pages(world, count: int) -> dict[str, Any]:
    """A finished print job whose merged PDF has `count` more pages."""
    total = world.made.get("merged_pages", 0) + count
    world.made["merged_pages"] = total
    writer = PdfWriter()
    for _ in range(total):
        writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    relative = storage.relative_path("batches", f"budget{total:060d}")
    storage.write(relative, out.getvalue())
    kwargs = print_jobs(world, 1) if "job" not in world.made else {"pk": world.made["job"]}
    with in_region(CODE):
        PrintBatch.objects.filter(pk=kwargs["pk"]).update(
            status=BatchStatus.DONE, done=1, file_key=relative, pages=total
        )
    return kwargs


def _pdf(response: HttpResponse) -> bytes:
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_count(mark: str) -> Callable[[HttpResponse], int]:
    """How often `mark` is in the PDF's text (lines joined: a table cell may wrap it)."""

    def count(response: HttpResponse) -> int:
        pages = PdfReader(io.BytesIO(_pdf(response))).pages
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pages))
        return text.count(mark)

    return count


def pdf_pages(response: HttpResponse) -> int:
    return len(PdfReader(io.BytesIO(_pdf(response))).pages)


def official_copies(world, count: int) -> tuple[str, str]:
    """阿丽娅's official review form, printed (the number and its code), and `count - 1` later
    official copies of it after changes (the verification page says it was superseded)."""
    from django.utils import timezone

    from printing.models import PrintedDocument
    from tests.support import client_for

    application = _passed(world)
    client = client_for(CODE)
    client.force_login(world.people["applicant"])
    assert client.get(f"/print/{application.number}/review-form.pdf").status_code == 200
    with in_region(CODE):
        first = PrintedDocument.objects.get(application=application)
        PrintedDocument.objects.bulk_create(
            PrintedDocument(
                application=application,
                kind=first.kind,
                content_sha256=f"{i:064x}",
                code=f"LATER-{i:05d}",
                pdf_sha256=first.pdf_sha256,
                pages=first.pages,
                size=first.size,
                status=first.status,
                created_at=timezone.now(),
            )
            for i in range(1, count)
        )
    return application.number, first.code
