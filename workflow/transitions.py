"""The transition table: every state change of an application goes through `apply_transition`.

A transition is declared once: the states it leaves from, who may fire it, its guards, and what
it does. `apply_transition` locks the row, checks the table, applies, records the history entry,
updates the public index in the same transaction, and queues side effects after commit. The
API's `allowed_actions` and the pages' buttons are computed from the same table.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ConflictError
from core.models import Role, User
from core.notifications import notify_after_commit
from core.validators import validate_mobile
from workflow.index import index_write
from workflow.models import Application, NodeKind, TransitionRecord
from workflow.nodes import node_label
from workflow.reviewers import current_node, reviewer_ids_at_current_node, reviews_node
from workflow.sections import incomplete_sections
from workflow.states import Status

UNIT_SECTION = "unit_recommendation"
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
        raise ConflictError(
            _("申报尚未开始，开始时间为%(at)s。")
            % {"at": date_format(timezone.localtime(offering.opens_at), "Y-m-d H:i")},
            code="window_not_open",
        )
    if state == "closed":
        raise ConflictError(
            _("申报已截止（截止时间%(at)s），不能再提交。")
            % {"at": date_format(timezone.localtime(offering.closes_at), "Y-m-d H:i")},
            code="window_closed",
        )


def submissions_left(application: Application, user: User, payload: dict[str, Any]) -> None:
    if application.submission_count >= application.offering.max_submissions:
        raise ConflictError(
            _("提交次数已达上限（%(max)d次），本年度不能再提交该申请书。")
            % {"max": application.offering.max_submissions},
            code="submission_limit",
        )


def sections_complete(application: Application, user: User, payload: dict[str, Any]) -> None:
    missing = incomplete_sections(application)
    if missing:
        raise ConflictError(
            _("以下栏目尚未填写完整：%(sections)s") % {"sections": "、".join(missing)},
            code="incomplete_sections",
        )


def untouched_by_unit(application: Application, user: User, payload: dict[str, Any]) -> None:
    if application.current_node != 0 or application.unit_acted:
        raise ConflictError(_("基层单位已经开始审核，不能收回。"), code="unit_acted")


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


def at_node(kind: str) -> Callable[[User, Application], bool]:
    """The reviewer of the current node, when that node is of `kind` (or any reviewer)."""

    def may(user: User, application: Application) -> bool:
        node = current_node(application)
        return (
            node is not None
            and (kind == "any" or node["kind"] == kind)
            and reviews_node(user, application, node)
        )

    return may


def at_review_node(user: User, application: Application) -> bool:
    node = current_node(application)
    return (
        node is not None
        and node["kind"] != NodeKind.COMMITTEE
        and node["kind"] != NodeKind.BASE_UNIT
        and reviews_node(user, application, node)
    )


def unit_complete(application: Application, user: User, payload: dict[str, Any]) -> None:
    node = current_node(application)
    if node and node["kind"] == NodeKind.BASE_UNIT and not application.unit.is_complete:
        raise ConflictError(
            _("单位信息不完善，不能审核申报材料。请先“完善单位信息”。"), code="unit_incomplete"
        )


def opinion_given(application: Application, user: User, payload: dict[str, Any]) -> None:
    if not str(payload.get("opinion", "")).strip():
        raise ValidationError({"opinion": [_("请填写意见。")]})


def recommendation_valid(application: Application, user: User, payload: dict[str, Any]) -> None:
    """单位推荐意见: responsible person, mobile, 10–1000 characters; and which recommending
    unit the application goes to (with only one it is used)."""
    data = {
        key: payload[key] for key in ("responsible_person", "mobile", "opinion") if key in payload
    }
    if not data:
        entry = application.sections.filter(key=UNIT_SECTION).first()
        data = dict(entry.data) if entry else {}
    errors: dict[str, list[str]] = {}
    if not str(data.get("responsible_person", "")).strip():
        errors["responsible_person"] = [_("请填写职称工作负责人。")]
    try:
        data["mobile"] = validate_mobile(str(data.get("mobile", "")))
    except ValidationError as error:
        errors["mobile"] = error.messages
    length = len(str(data.get("opinion", "")).strip())
    if not 10 <= length <= 1000:
        errors["opinion"] = [_("单位推荐意见应在10到1000字之间，当前%(n)d字。") % {"n": length}]
    choices = list(application.unit.recommending_units.filter(is_active=True))
    chosen = payload.get("recommending_unit")
    if chosen:
        match = [a for a in choices if str(a.pk) == str(chosen)]
        if not match:
            errors["recommending_unit"] = [_("请从本单位的推荐单位中选择。")]
        choices = match
    needs_recommending = any(
        n["kind"] == NodeKind.RECOMMENDING_UNIT for n in application.flow.nodes
    )
    if needs_recommending and not choices:
        errors["recommending_unit"] = [_("本单位尚未设置推荐单位，请先在单位信息中维护。")]
    elif needs_recommending and len(choices) > 1:
        errors["recommending_unit"] = [_("本单位有两个推荐单位，请选择本申请书报送的推荐单位。")]
    if errors:
        raise ValidationError(errors)
    payload["_recommendation"] = {
        "responsible_person": data["responsible_person"].strip(),
        "mobile": data["mobile"],
        "opinion": data["opinion"].strip(),
    }
    payload["_recommending_unit"] = choices[0] if needs_recommending else None


def _forward(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.current_node += 1
    if current_node(application)["kind"] == NodeKind.BASE_UNIT:  # never loops back
        raise ConflictError(_("流程配置有误。"), code="flow_error")


def _recommend(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.sections.update_or_create(
        key=UNIT_SECTION, defaults={"data": payload["_recommendation"]}
    )
    application.recommending_unit = payload["_recommending_unit"]
    application.unit_acted = True
    _forward(application, user, payload)


def _return(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.status = Status.RETURNED
    application.current_node = None
    application.last_opinion = str(payload["opinion"]).strip()
    application.unit_acted = True


def _pass(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.status = Status.FORMAL_REVIEW_PASSED
    application.current_node = None


def _reject(application: Application, user: User, payload: dict[str, Any]) -> None:
    application.status = Status.REJECTED
    application.current_node = None
    application.last_opinion = str(payload["opinion"]).strip()


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
        Transition(
            "return",
            gettext_lazy("退回"),
            frozenset({Status.IN_REVIEW}),
            at_node("any"),
            _return,
            (unit_complete, opinion_given),
        ),
        Transition(
            "recommend",
            gettext_lazy("推荐并提交"),
            frozenset({Status.IN_REVIEW}),
            at_node(NodeKind.BASE_UNIT),
            _recommend,
            (unit_complete, recommendation_valid),
        ),
        Transition(
            "forward",
            gettext_lazy("审核通过并提交"),
            frozenset({Status.IN_REVIEW}),
            at_review_node,
            _forward,
        ),
        Transition(
            "pass_formal_review",
            gettext_lazy("通过形式审核"),
            frozenset({Status.IN_REVIEW}),
            at_node(NodeKind.COMMITTEE),
            _pass,
        ),
        Transition(
            "reject",
            gettext_lazy("不予通过"),
            frozenset({Status.IN_REVIEW}),
            at_node(NodeKind.COMMITTEE),
            _reject,
            (opinion_given,),
        ),
    ]
}

# Who hears about it once the transition has committed: the applicant, or the next reviewers.
TELL_APPLICANT = {"return", "reject", "pass_formal_review"}
TELL_NEXT_NODE = {"submit", "recommend", "forward"}


def organization_of(user: User) -> str:
    """The name a user acts under in the history and in comments: unit, authority or self."""
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
    cheap = {"withdraw": untouched_by_unit}.get(transition.action)
    if cheap is None:
        return True
    try:
        cheap(application, user, {})
    except ConflictError:
        return False
    return True


def _may_ever(transition: Transition, user: User, application: Application) -> bool:
    """Whether `user` could fire `transition` at some node of this application's flow."""
    saved = application.status, application.current_node
    try:
        for index in range(len(application.flow.nodes)):
            application.status, application.current_node = Status.IN_REVIEW, index
            if transition.may(user, application):
                return True
        return False
    finally:
        application.status, application.current_node = saved


def apply_transition(
    *, number: str, action: str, actor: User, payload: dict[str, Any] | None = None
) -> Application:
    """Fire `action` on the application; exactly one of concurrent callers wins."""
    payload = payload or {}
    transition = TABLE.get(action)
    if transition is None:
        raise ConflictError(_("未知的操作。"), code="unknown_action")
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related(
                "offering", "flow", "offering__committee", "unit", "applicant", "qualification"
            )
            .get(number=number)
        )
        if not transition.may(actor, application):
            if _may_ever(transition, actor, application):
                # Theirs to do, but not now: someone else has moved it meanwhile.
                raise ConflictError(
                    _("申请书已被办理，当前为“%(status)s”（%(node)s），不能%(action)s。")
                    % {
                        "status": application.get_status_display(),
                        "node": node_label(application),
                        "action": transition.label,
                    },
                    code="already_handled",
                )
            raise PermissionDenied
        if application.status not in transition.sources:
            raise ConflictError(
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
            organization=organization_of(actor),
            from_status=from_status,
            to_status=application.status,
            from_node=from_node,
            to_node=node_label(application),
            opinion=str(payload.get("opinion", "")),
        )
        index_write(application)
        _tell(application, action)
    return application


def _tell(application: Application, action: str) -> None:
    """Queue the notifications of a transition; they leave only if it commits."""
    link = f"/applications/{application.number}/"
    label = f"{application.number} {application.qualification.name}"
    if action in TELL_APPLICANT:
        notify_after_commit(
            user_ids=[application.applicant_id],
            link=link,
            title=_("申请书%(label)s：%(status)s")
            % {"label": label, "status": application.get_status_display()},
            body=application.last_opinion,
        )
    elif action in TELL_NEXT_NODE:
        ids = reviewer_ids_at_current_node(application)
        if ids:
            notify_after_commit(
                user_ids=ids,
                link=f"/review/{application.number}/",
                title=_("有新的申请书待审核：%(label)s") % {"label": label},
                body=_("申请人：%(name)s") % {"name": application.applicant.display_name},
            )
