"""Background rendering (tenants.queue: each task runs in the region that queued it).

Tasks take ids and are idempotent: a document already stored is not rendered again.
"""

from printing import storage
from printing.batches import batch_run
from printing.documents import ensure, prepare
from workflow.models import Application

APPLICATION_RELATIONS = (
    "offering__committee",
    "qualification__specialty__series",
    "unit",
    "flow",
    "applicant",
    "form",
)


def render_document(application_id: int, kind: str, origin: str, key: str) -> None:
    """Render one long document that a request found too long to render itself."""
    try:
        application = (
            Application.objects.select_related(*APPLICATION_RELATIONS)
            .filter(pk=application_id)
            .first()
        )
        if application is not None:
            ensure(prepare(application, kind, origin=origin))
    finally:
        storage.release(storage.relative_path(kind, key))


def render_batch(batch_id: int) -> None:
    batch_run(batch_id)
