"""纸质材料报送: the committee records, per application, whether the paper materials arrived
(received / incomplete with a note / not yet); the applicant sees it and is told of each
change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.errors import ConflictError
from core.models import User
from core.notifications.delivery import notify_after_commit
from core.notifications.messages import message, source_text
from payments.models import PaperMaterial, PaperStatus
from workflow.models import Application
from workflow.reviewers import PAST_THE_FLOW

MAX_NOTE = 500


def paper_status_set(
    application: Application, *, user: User, status: str, note: str = ""
) -> PaperMaterial:
    """Record the paper materials' status; an incomplete one needs a note saying what lacks."""
    note = note.strip().replace("\x00", "")
    if application.status not in PAST_THE_FLOW:
        # Paper materials follow formal review (manual Part 1 §4); a draft never has any, so
        # requalification, which moves drafts, has nothing of ours to carry.
        raise ConflictError(
            _("申请书%(number)s尚未通过形式审核，不能登记纸质材料。")
            % {"number": application.number},
            code="paper_too_early",
        )
    if status not in PaperStatus.values:
        raise ValidationError({"status": [_("请选择纸质材料状态。")]})
    if status == PaperStatus.INCOMPLETE and not note:
        raise ValidationError({"note": [_("请说明缺少哪些材料。")]})
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [_("说明不能超过%(n)d字。") % {"n": MAX_NOTE}]})
    with transaction.atomic():
        paper, _created = PaperMaterial.objects.select_for_update().get_or_create(
            application=application
        )
        if (paper.status, paper.note) == (status, note):
            return paper
        paper.status, paper.note, paper.updated_by = status, note, user
        paper.save()
        notify_after_commit(
            user_ids=[application.applicant_id],
            link="/applications/",
            title=message(
                gettext_noop("申请书%(number)s：纸质材料%(status)s"),
                number=application.number,
                status={"msgid": source_text(PaperStatus(status).label)},
            ),
            body=note,
        )
    return paper
