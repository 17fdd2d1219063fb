"""What the daily-page scenarios need beside the busy unit's session (issue 18): an applicant of
the busy unit logged in, one of their applications to open in the editor, an application waiting
at the busy unit for its review page, and a page of notifications for the applicant.

`seed.seed` merges `page_context(...)` into the manifest; `scenarios.context_of` reads it.
"""

import contextlib
import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from core.models import Notification, User
from tenants.crossing import in_region
from workflow.models import Application
from workflow.states import Status

NOTIFICATIONS = 60  # the applicant's, a page and more (the page shows 50)


def page_context(code: str, unit_id: int, manifest: Path) -> dict[str, str]:
    """The manifest keys `applicant_cookie`, `editor_number` and `review_number` for region
    `code` and its busy unit; each seed logs the applicant in anew and forgets the session of
    the previous seed (named in the old `manifest`)."""
    from benchmarks.seed import forget_cookie, login_cookie

    with in_region(code):
        draft = (
            Application.objects.filter(unit_id=unit_id, status=Status.DRAFT)
            .select_related("applicant")
            .order_by("number")
            .first()
        )
        waiting = (
            Application.objects.filter(unit_id=unit_id, status=Status.IN_REVIEW, current_node=0)
            .order_by("number")
            .values_list("number", flat=True)
            .first()
        )
    if draft is None or waiting is None:
        return {}
    applicant: User = draft.applicant
    have = Notification.objects.filter(recipient=applicant).count()
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            recipient=applicant,
            region_code=code,
            title=f"申请书 {draft.number} 的通知 {n}",
            body="您的申请书状态已更新。",
            link=f"/applications/{draft.number}/",
            created_at=now - timedelta(hours=n),
            read_at=None if n % 3 else now,
        )
        for n in range(have, NOTIFICATIONS)
    )
    with contextlib.suppress(OSError, ValueError):
        forget_cookie(json.loads(manifest.read_text(encoding="utf-8")).get("applicant_cookie"))
    return {
        "applicant": applicant.username,
        "applicant_cookie": login_cookie(applicant),
        "editor_number": draft.number,
        "review_number": waiting,
    }
