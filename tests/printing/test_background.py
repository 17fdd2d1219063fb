"""Long renders leave the request: a single long form, and a committee's merged PDF, are
rendered by the region-aware queue while the page says so."""

import io

from pypdf import PdfReader

from core.models import Role
from printing import documents
from printing.models import BatchStatus, PrintBatch
from tenants.crossing import in_region
from tests.printing.support import body, pages_text
from tests.support import client_for
from tests.tenants.test_queue import _run_queued_tasks_like_a_worker


def test_a_long_form_renders_in_the_background(
    at_committee, monkeypatch, django_capture_on_commit_callbacks
):
    number, people = at_committee
    monkeypatch.setattr(documents, "BACKGROUND_WEIGHT", 0)  # every form counts as long
    client = client_for("urumqi")
    client.force_login(people["applicant"])
    path = f"/print/{number}/review-form.pdf"

    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(path)
        again = client.get(path)
    assert waiting.status_code == 202 and again.status_code == 202
    assert waiting["Retry-After"] == "3"
    assert 'data-testid="rendering"' in waiting.content.decode()
    api = client.get(f"/api/v1/applications/{number}/documents/review-form.pdf")
    assert api.status_code == 202 and api.json()["code"] == "rendering"

    results = _run_queued_tasks_like_a_worker()
    assert len(results) == 1, "asking again while it renders queues nothing more"
    assert results[0]["success"], results[0]["result"]
    ready = client.get(path)
    assert ready.status_code == 200
    assert number in "".join(pages_text(body(ready)))


def test_a_committee_merges_every_official_form_of_an_offering(
    passed, offering, make_user, django_capture_on_commit_callbacks
):
    number, people = passed
    staff = client_for("urumqi")
    staff.force_login(people["committee"])
    listing = staff.get("/print/batches/").content.decode()
    assert f'data-offering="{offering.pk}"' in listing

    with django_capture_on_commit_callbacks(execute=True):
        started = staff.post("/print/batches/", {"offering": offering.pk})
    assert started.status_code == 302
    with in_region("urumqi"):
        batch = PrintBatch.objects.get()
    assert (batch.status, batch.total, batch.numbers) == (BatchStatus.QUEUED, 1, [number])
    progress = staff.get(f"/print/batches/{batch.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in progress and "<html" not in progress

    results = _run_queued_tasks_like_a_worker()
    assert all(r["success"] for r in results)
    with in_region("urumqi"):
        batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 1)
    page = staff.get(f"/print/batches/{batch.pk}/").content.decode()
    assert 'data-testid="batch-download"' in page and "hx-trigger" not in page
    merged = body(staff.get(f"/print/batches/{batch.pk}/merged.pdf"))
    single = body(staff.get(f"/print/{number}/review-form.pdf"))
    assert len(PdfReader(io.BytesIO(merged)).pages) == len(PdfReader(io.BytesIO(single)).pages)
    assert batch.pages % 2 == 0

    other = client_for("urumqi")
    other.force_login(make_user(Role.COMMITTEE_STAFF, region=people["committee"].region))
    assert other.get(f"/print/batches/{batch.pk}/").status_code == 404
    assert other.get(f"/print/batches/{batch.pk}/merged.pdf").status_code == 404
    assert other.post("/print/batches/", {"offering": offering.pk}).status_code == 404
    applicant = client_for("urumqi")
    applicant.force_login(people["applicant"])
    assert applicant.get("/print/batches/").status_code == 404


def test_a_batch_goes_on_in_slices(
    passed, offering, monkeypatch, django_capture_on_commit_callbacks
):
    """A run that reaches its time slice queues the next run, which finishes the job."""
    from printing import batches

    number, people = passed
    monkeypatch.setattr(batches, "BATCH_SLICE_SECONDS", -1)
    with in_region("urumqi"):
        batch = PrintBatch.objects.create(
            committee=offering.committee,
            offering=offering,
            title="两份",
            numbers=[number, number],
            total=2,
            requested_by=people["committee"],
            origin="http://localhost",
        )
        with django_capture_on_commit_callbacks(execute=True):
            batches.batch_run(batch.pk)
        batch.refresh_from_db()
        assert (batch.status, batch.done) == (BatchStatus.RUNNING, 1)
    results = _run_queued_tasks_like_a_worker()
    assert [r["success"] for r in results] == [True]
    with in_region("urumqi"):
        batch.refresh_from_db()
    assert (batch.status, batch.done, len(batch.parts)) == (BatchStatus.DONE, 2, 2)
