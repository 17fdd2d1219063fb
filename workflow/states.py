"""The states of an application (DESIGN.md §3). The transitions between them live in
workflow.transitions; nothing else sets a status."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("申请人编辑中")
    IN_REVIEW = "in_review", _("审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("未通过")
    FORMAL_REVIEW_PASSED = "formal_review_passed", _("通过形式审核")
    MEETING_PASSED = "meeting_passed", _("会议评审通过")
    IN_PUBLICITY = "in_publicity", _("公示中")
    APPROVED = "approved", _("已发批文")
    CERTIFIED = "certified", _("已发证书")


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
TERMINAL = frozenset({Status.REJECTED, Status.CERTIFIED})
