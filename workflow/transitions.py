"""The transition table: every state change of an application goes through `apply_transition`.

A transition is declared once: the states it leaves from, who may fire it, its guards, and what
it does. `apply_transition` locks the row, checks the table, applies, records the history entry,
updates the public index in the same transaction, and queues side effects after commit. The
API's `allowed_actions` and the pages' buttons are computed from the same table.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.api.errors import Conflict
from core.models import Role, User
from workflow.index import index_write
from workflow.models import Application, TransitionRecord
from workflow.nodes import node_label
from workflow.sections import incomplete_sections
from workflow.states import Status

Guard = Callable[[Application, User, dict[str, Any]], None]


@dataclass(frozen=True)
class Transition:
    action: str
    label: Any
    sources: frozenset[str]
    may: Callable[[User, Application], bool]
    apply: Callable[[Application, User, dict[str, Any]], None]
    guards: tuple[Guard, ...] = field(default_factory=tuple)


# --- who ------------------------------------------------------------------------------------


def is_applicant(user: User, application: Application) -> bool:
    return user.role == Role.APPLICANT and application.applicant_id == user.pk


# --- guards -----------------------------------------------------------------------------------


def window_open(application: Application, user: User, payload: dict[str, Any]) -> None:
    offering = application.offering
    state = offering.window_state()
    if state == "not_yet":
        raise Conflict(
            _("申报尚未开始，开始时间为%(at)s。")
            % {"at": date_format(timezone.localtime(offering.opens_at), "Y-m-d H:i")},
            code="window_not_open",
        )
    if state == "closed":
        raise Conflict(
            _("申报已截止（截止时间%(at)s），不能再提交。")
            % {"at": date_format(timezone.localtime(offering.closes_at), "Y-m-d H:i")},
            code="window_closed",
        )


def submissions_left(application: Application, user: User, payload: dict[str, Any]) -> None:
    if application.submission_count >= application.offering.max_submissions:
        raise Conflict(
            _("提交次数已达上限（%(max)d次），本年度不能再提交该申请书。")
            % {"max": application.offering.max_submissions},
            code="submission_limit",
        )


def sections_complete(application: Application, user: User, payload: dict[str, Any]) -> None:
    missing = incomplete_sections(application)
    if missing:
        raise Conflict(
            _("以下栏目尚未填写完整：%(sections)s") % {"sections": "、".join(missing)},
            code="incomplete_sections",
        )


def untouched_by_unit(application: Application, user: User, payload: dict[str, Any]) -> None:
    if application.current_node != 0 or application.unit_acted:
        raise Conflict(_("基层单位已经开始审核，不能收回。"), code="unit_acted")


# --- effects ----------------------------------------------------------------------------------


def _submit(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.status = Status.IN_REVIEW
    application.current_node = 0
    application.submission_count += 1
    application.unit_acted = False
    application.submitted_at = timezone.now()
    application.last_opinion = ""


def _withdraw(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.status = Status.DRAFT
    application.current_node = None


TABLE: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("提交"),
            frozenset({Status.DRAFT, Status.RETURNED}),
            is_applicant,
            _submit,
            (window_open, submissions_left, sections_complete),
        ),
        Transition(
            "withdraw",
            gettext_lazy("收回"),
            frozenset({Status.IN_REVIEW}),
            is_applicant,
            _withdraw,
            (untouched_by_unit,),
        ),
    ]
}


def _organization_of(user: User) -> str:
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return user.unit.name
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return user.authority.name
    return user.display_name


def allowed_actions(user: User, application: Application) -> list[str]:
    """What the user may do now, by the table (guards that need data are checked on firing)."""
    return [
        t.action
        for t in TABLE.values()
        if application.status in t.sources
        and t.may(user, application)
        and _cheap_guards_pass(t, application, user)
    ]


def _cheap_guards_pass(transition: Transition, application: Application, user: User) -> bool:
    if transition.action == "withdraw":
        try:
            untouched_by_unit(application, user, {})
        except Conflict:
            return False
    return True


def apply_transition(
    *, number: str, action: str, actor: User, payload: dict[str, Any] | None = None
) -> Application:
    """Fire `action` on the application; exactly one of concurrent callers wins."""
    payload = payload or {}
    transition = TABLE.get(action)
    if transition is None:
        raise Conflict(_("未知的操作。"), code="unknown_action")
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("offering", "flow", "offering__committee")
            .get(number=number)
        )
        if not transition.may(actor, application):
            raise PermissionDenied
        if application.status not in transition.sources:
            raise Conflict(
                _("申请书当前状态为“%(status)s”，不能%(action)s。")
                % {"status": application.get_status_display(), "action": transition.label},
                code="invalid_state",
            )
        for guard in transition.guards:
            guard(application, actor, payload)
        from_status, from_node = application.status, node_label(application)
        transition.apply(application, actor, payload)
        application.save()
        TransitionRecord.objects.create(
            application=application,
            action=action,
            actor=actor,
            organization=_organization_of(actor),
            from_status=from_status,
            to_status=application.status,
            from_node=from_node,
            to_node=node_label(application),
            opinion=payload.get("opinion", ""),
        )
        index_write(application)
    return application
