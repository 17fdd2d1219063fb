"""Reviewing: per-section comments. Moving the application on is done by workflow.transitions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ConflictError
from core.models import User
from workflow.history import organization_names
from workflow.models import Application, ReviewComment
from workflow.reviewers import current_node, reviews_now
from workflow.sections import section_definition
from workflow.transitions import acting_org, unit_complete

MAX_COMMENT = 2000


@transaction.atomic
def comment_save(
    *, application: Application, section: str, text: str, user: User
) -> ReviewComment | None:
    """Save (or clear, with empty text) this organization's comment on one section.

    Only the reviewer of the current node may comment; a comment by the base unit ends the
    applicant's right to withdraw (manual note 7).
    """
    application = (
        Application.objects.select_for_update(of=("self",))
        .select_related("flow", "unit", "offering")
        .get(pk=application.pk)
    )
    if not reviews_now(user, application):
        if current_node(application) is None:
            raise ConflictError(_("申请书当前不在审核中。"), code="invalid_state")
        raise PermissionDenied
    unit_complete(application, user, {})
    if section_definition(application, section) is None:
        raise ValidationError({"section": [_("没有这个栏目。")]})
    text = text.strip()
    if len(text) > MAX_COMMENT:
        raise ValidationError({"text": [_("意见不能超过%(n)d字。") % {"n": MAX_COMMENT}]})
    org_kind, org_id = acting_org(user, application)
    key = {
        "application": application,
        "section": section,
        "round": application.submission_count,
        "org_kind": org_kind,
        "org_id": org_id,
    }
    if not text:
        ReviewComment.objects.filter(**key).delete()
        return None
    comment, _created = ReviewComment.objects.update_or_create(
        **key, defaults={"text": text, "author": user}
    )
    if current_node(application)["kind"] == "base_unit" and not application.unit_acted:
        application.unit_acted = True
        application.save(update_fields=["unit_acted", "updated_at"])
    return comment


def comments_by_section(application: Application) -> dict[str, list[ReviewComment]]:
    """The comments of the latest round, by section (what the applicant sees in red), each
    with its organization's name (`organization`) rendered for the reader."""
    comments = list(application.comments.filter(round=application.submission_count))
    names = organization_names(application, [(c.org_kind, c.org_id) for c in comments])
    grouped: dict[str, list[ReviewComment]] = {}
    for comment in comments:
        comment.organization = names[(comment.org_kind, comment.org_id)]
        grouped.setdefault(comment.section, []).append(comment)
    return grouped
