"""The transition table: every state change of an application goes through `apply_transition`.

Each row is the whole description of one action: the states it leaves from and the state it
reaches; who fires it (the applicant, the organization at one of the named node kinds, or a
part of the system such as a payment callback or a timer); its conditions (state checks that
decide whether it is offered at all); its guards (checks of the request, on firing; they only
check, never write); its effect; and whom it tells. `apply_transition` locks the row, checks,
applies, records the history in codes, updates the public index in the same transaction and
queues notifications after commit. The API's `allowed_actions` and the pages' buttons come from
the same rows.
"""

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from core.errors import ConflictError
from core.identity.validators import validate_mobile
from core.models import Authority, OrgKind, Role, User
from core.notifications.delivery import notify_after_commit
from core.notifications.messages import message
from tenants.crossing import in_region
from workflow.index import index_write
from workflow.models import Application, NodeKind, TransitionRecord
from workflow.nodes import node_kind_at, node_label
from workflow.requalification import Moved, moved_conflict, requalify_move, requalify_valid
from workflow.reviewers import (
    PAST_THE_FLOW,
    committee_ids_of,
    current_node,
    reviewer_ids_at_current_node,
    reviews_node,
)
from workflow.sections import incomplete_sections
from workflow.signals import transition_done
from workflow.states import Status

UNIT_SECTION = "unit_recommendation"
Check = Callable[[Application, "User | None", dict[str, Any]], None]
# An effect may return `Moved`: codes for the history record's `details`, and the region whose
# schema holds the application afterwards (requalification).
Effect = Callable[[Application, dict[str, Any]], "Moved | None"]


class By(StrEnum):
    """Who fires a transition."""

    APPLICANT = "applicant"  # the application's own applicant
    NODE = "node"  # the organization at the current node, of one of the row's node kinds
    SYSTEM = "system"  # no person: a provider's callback, the end of a period, a timer
    # Staff of the application's committee, once it has left the flow (meeting, publicity,
    # approval document, certificate): no node is current any more.
    COMMITTEE = "committee"


class Tell(StrEnum):
    """Who hears about a transition once it has committed."""

    NOBODY = ""
    APPLICANT = "applicant"
    NEXT_REVIEWERS = "next_reviewers"


class SystemActor(models.TextChoices):
    """The parts of the platform that fire transitions no person fires; the history names
    them in place of a person."""

    PAYMENT = "payment", gettext_lazy("缴费平台")
    SCHEDULER = "scheduler", gettext_lazy("定时任务")


@dataclass(frozen=True)
class Transition:
    action: str
    label: Promise
    sources: frozenset[str]
    target: str
    by: By
    node_kinds: frozenset[str] = frozenset()
    system_actor: str = ""
    conditions: tuple[Check, ...] = ()
    guards: tuple[Check, ...] = ()
    effect: Effect | None = None
    tell: Tell = Tell.NOBODY
    # States the effect may reach instead of `target` (a meeting's computed result: failed).
    alternatives: frozenset[str] = frozenset()

    def may(self, user: User | None, application: Application) -> bool:
        """Whether this person acts for this row on the application as it is now."""
        if user is None or not user.is_authenticated:
            return False
        if self.by == By.APPLICANT:
            return user.role == Role.APPLICANT and application.applicant_id == user.pk
        if self.by == By.COMMITTEE:
            return (
                user.role == Role.COMMITTEE_STAFF
                and application.offering.committee_id in committee_ids_of(user)
            )
        if self.by == By.NODE:
            if application.status in PAST_THE_FLOW and NodeKind.COMMITTEE in self.node_kinds:
                # Past the end of its flow the application is its committee's.
                return reviews_node(user, application, {"kind": NodeKind.COMMITTEE})
            node = current_node(application)
            return (
                node is not None
                and node["kind"] in self.node_kinds
                and reviews_node(user, application, node)
            )
        return False

    def could_ever(self, user: User | None, application: Application) -> bool:
        """Whether this person acts for this row at some point of the application's life (so
        a refusal now means someone moved it meanwhile: 409, not 403)."""
        if self.by != By.NODE:
            return self.may(user, application)
        return user is not None and any(
            node["kind"] in self.node_kinds and reviews_node(user, application, node)
            for node in application.flow.nodes
        )

    def offered(self, user: User | None, application: Application) -> bool:
        """Whether the action is shown to `user` now: right state, right person, conditions
        met (guards on the request are checked when it is fired)."""
        if application.status not in self.sources or not self.may(user, application):
            return False
        try:
            for condition in self.conditions:
                condition(application, user, {})
        except (ConflictError, ValidationError):
            return False
        return True


# --- conditions and guards: they check, never write --------------------------------------


def window_open(application: Application, user: User | None, payload: dict[str, Any]) -> None:
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


def submissions_left(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    if application.submission_count >= application.offering.max_submissions:
        raise ConflictError(
            _("提交次数已达上限（%(max)d次），本年度不能再提交该申请书。")
            % {"max": application.offering.max_submissions},
            code="submission_limit",
        )


def sections_complete(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    missing = incomplete_sections(application)
    if missing:
        raise ConflictError(
            _("以下栏目尚未填写完整：%(sections)s") % {"sections": "、".join(missing)},
            code="incomplete_sections",
        )


def untouched_by_unit(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    if application.current_node != 0 or application.unit_acted:
        raise ConflictError(_("基层单位已经开始审核，不能收回。"), code="unit_acted")


def unit_complete(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    node = current_node(application)
    if node and node["kind"] == NodeKind.BASE_UNIT and not application.unit.is_complete:
        raise ConflictError(
            _("单位信息不完善，不能审核申报材料。请先“完善单位信息”。"), code="unit_incomplete"
        )


def opinion_given(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    if not str(payload.get("opinion", "")).strip():
        raise ValidationError({"opinion": [_("请填写意见。")]})


def payment_due(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    if not application.offering.payment_required:
        raise ConflictError(_("该申报项目不需要在线缴费。"), code="payment_not_required")


def recommendation(
    application: Application, payload: dict[str, Any]
) -> tuple[dict[str, str], Authority | None]:
    """单位推荐意见 as the unit recommendation section stores it (responsible person, their
    mobile, 10–1000 characters) and the recommending unit it goes to (with only one, that one).

    From the request, or else from what the unit saved in the section; raises ValidationError.
    The mobile is accepted as `responsible_phone` (the form's name) or `mobile` (API.md).
    """
    fields = ("responsible_person", "responsible_phone", "mobile", "opinion")
    data = {key: payload[key] for key in fields if key in payload}
    if not data:
        entry = application.sections.filter(key=UNIT_SECTION).first()
        data = dict(entry.data) if entry else {}
    errors: dict[str, list[str]] = {}
    person = str(data.get("responsible_person", "")).strip()
    if not person:
        errors["responsible_person"] = [_("请填写职称工作负责人。")]
    phone_key = (
        "mobile" if "mobile" in data and "responsible_phone" not in data else "responsible_phone"
    )
    phone = ""
    try:
        phone = validate_mobile(str(data.get(phone_key, "")))
    except ValidationError as error:
        errors[phone_key] = error.messages
    opinion = str(data.get("opinion", "")).strip()
    if not 10 <= len(opinion) <= 1000:
        errors["opinion"] = [
            _("单位推荐意见应在10到1000字之间，当前%(n)d字。") % {"n": len(opinion)}
        ]
    choices = list(application.unit.recommending_units.filter(is_active=True))
    chosen = payload.get("recommending_unit")
    if chosen:
        choices = [a for a in choices if str(a.pk) == str(chosen)]
        if not choices:
            errors["recommending_unit"] = [_("请从本单位的推荐单位中选择。")]
    needs_recommending = any(
        n["kind"] == NodeKind.RECOMMENDING_UNIT for n in application.flow.nodes
    )
    if needs_recommending and not choices and "recommending_unit" not in errors:
        errors["recommending_unit"] = [_("本单位尚未设置推荐单位，请先在单位信息中维护。")]
    elif needs_recommending and len(choices) > 1:
        errors["recommending_unit"] = [_("本单位有两个推荐单位，请选择本申请书报送的推荐单位。")]
    if errors:
        raise ValidationError(errors)
    section = {"responsible_person": person, "responsible_phone": phone, "opinion": opinion}
    return section, (choices[0] if needs_recommending else None)


def recommendation_valid(
    application: Application, user: User | None, payload: dict[str, Any]
) -> None:
    recommendation(application, payload)


# --- effects: what changes besides the status ---------------------------------------------


def _submit(application: Application, payload: dict[str, Any]) -> None:
    application.current_node = 0
    application.submission_count += 1
    application.unit_acted = False
    application.submitted_at = timezone.now()
    application.last_opinion = ""


def _withdraw(application: Application, payload: dict[str, Any]) -> None:
    """收回 before the unit acted: "continue editing" (manual note 7), so the submission the
    unit never acted on does not count against the offering's limit."""
    application.current_node = None
    application.submission_count = max(application.submission_count - 1, 0)


def _next_node(application: Application, payload: dict[str, Any]) -> None:
    application.current_node += 1
    if node_kind_at(application, application.current_node) in ("", NodeKind.BASE_UNIT):
        raise ConflictError(_("流程配置有误。"), code="flow_error")


def _recommend(application: Application, payload: dict[str, Any]) -> None:
    section, recommending_unit = recommendation(application, payload)
    application.sections.update_or_create(key=UNIT_SECTION, defaults={"data": section})
    application.recommending_unit = recommending_unit
    application.unit_acted = True
    _next_node(application, payload)


def _back_to_applicant(application: Application, payload: dict[str, Any]) -> None:
    application.current_node = None
    application.last_opinion = str(payload["opinion"]).strip()
    application.unit_acted = True


def _leave_flow(application: Application, payload: dict[str, Any]) -> None:
    application.current_node = None


def _leave_flow_with_opinion(application: Application, payload: dict[str, Any]) -> None:
    application.current_node = None
    application.last_opinion = str(payload["opinion"]).strip()


def payment_settled(application: Application, user: User | None, payload: dict[str, Any]) -> None:
    """On a meeting list only once paid, where the offering requires online payment."""
    if application.status == Status.FORMAL_REVIEW_PASSED and application.offering.payment_required:
        raise ConflictError(_("该申请书尚未缴费，不能参加会议评审。"), code="payment_required")


# The steps after formal review keep their records (meetings, publicity, approval documents,
# certificates) in the results app, which imports workflow and never the reverse: it fills in
# their checks and effects here when it loads (results.apps), under the names the rows give.
STAGES: dict[str, Callable[..., Any]] = {}


def stage(name: str) -> Callable[..., Any]:
    """A check or effect of a later stage, looked up when the row fires."""

    def call(*args: Any) -> Any:
        return STAGES[name](*args)

    call.__name__ = call.__qualname__ = name
    return call


REVIEW_NODES = frozenset(NodeKind.values)

TABLE: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("提交"),
            frozenset({Status.DRAFT, Status.RETURNED}),
            Status.IN_REVIEW,
            By.APPLICANT,
            guards=(window_open, submissions_left, sections_complete),
            effect=_submit,
            tell=Tell.NEXT_REVIEWERS,
        ),
        Transition(
            "withdraw",
            gettext_lazy("收回"),
            frozenset({Status.IN_REVIEW}),
            Status.DRAFT,
            By.APPLICANT,
            conditions=(untouched_by_unit,),
            effect=_withdraw,
        ),
        Transition(
            "return",
            gettext_lazy("退回"),
            frozenset({Status.IN_REVIEW}),
            Status.RETURNED,
            By.NODE,
            node_kinds=REVIEW_NODES,
            guards=(unit_complete, opinion_given),
            effect=_back_to_applicant,
            tell=Tell.APPLICANT,
        ),
        Transition(
            "recommend",
            gettext_lazy("推荐并提交"),
            frozenset({Status.IN_REVIEW}),
            Status.IN_REVIEW,
            By.NODE,
            node_kinds=frozenset({NodeKind.BASE_UNIT}),
            guards=(unit_complete, recommendation_valid),
            effect=_recommend,
            tell=Tell.NEXT_REVIEWERS,
        ),
        Transition(
            "forward",
            gettext_lazy("审核通过并提交"),
            frozenset({Status.IN_REVIEW}),
            Status.IN_REVIEW,
            By.NODE,
            node_kinds=frozenset({NodeKind.RECOMMENDING_UNIT, NodeKind.AUTHORITY}),
            effect=_next_node,
            tell=Tell.NEXT_REVIEWERS,
        ),
        Transition(
            "pass_formal_review",
            gettext_lazy("通过形式审核"),
            frozenset({Status.IN_REVIEW}),
            Status.FORMAL_REVIEW_PASSED,
            By.NODE,
            node_kinds=frozenset({NodeKind.COMMITTEE}),
            effect=_leave_flow,
            tell=Tell.APPLICANT,
        ),
        # 缴费: the provider's confirmed payment (payments.services), or the committee's entry
        # of a payment taken in person, with its reason in the opinion; only where the
        # offering requires payment.
        Transition(
            "paid",
            gettext_lazy("缴费成功"),
            frozenset({Status.FORMAL_REVIEW_PASSED}),
            Status.PAID,
            By.SYSTEM,
            system_actor=SystemActor.PAYMENT,
            conditions=(payment_due,),
            tell=Tell.APPLICANT,
        ),
        Transition(
            "record_offline_payment",
            gettext_lazy("登记线下缴费"),
            frozenset({Status.FORMAL_REVIEW_PASSED}),
            Status.PAID,
            By.NODE,
            node_kinds=frozenset({NodeKind.COMMITTEE}),
            conditions=(payment_due,),
            guards=(opinion_given,),
            tell=Tell.APPLICANT,
        ),
        Transition(
            "reject",
            gettext_lazy("不予通过"),
            # After formal review, too: a paid application is refunded (payments.hooks).
            frozenset({Status.IN_REVIEW, Status.FORMAL_REVIEW_PASSED, Status.PAID}),
            Status.REJECTED,
            By.NODE,
            node_kinds=frozenset({NodeKind.COMMITTEE}),
            guards=(opinion_given,),
            effect=_leave_flow_with_opinion,
            tell=Tell.APPLICANT,
        ),
        Transition(
            "requalify",
            gettext_lazy("更改资格"),
            frozenset({Status.DRAFT, Status.RETURNED}),
            Status.DRAFT,
            By.APPLICANT,
            guards=(requalify_valid,),
            effect=requalify_move,
        ),
        # --- from the meeting to the certificate (results/) ---------------------------------
        Transition(
            "record_meeting_result",
            gettext_lazy("记录会议评审结果"),
            frozenset({Status.FORMAL_REVIEW_PASSED, Status.PAID}),
            Status.MEETING_PASSED,
            By.COMMITTEE,
            conditions=(payment_settled, stage("on_open_meeting")),
            guards=(stage("votes_valid"),),
            effect=stage("record_meeting_result"),
            tell=Tell.APPLICANT,
            alternatives=frozenset({Status.REJECTED}),  # the votes decide, by the rule
        ),
        Transition(
            "start_publicity",
            gettext_lazy("公示"),
            frozenset({Status.MEETING_PASSED}),
            Status.IN_PUBLICITY,
            By.COMMITTEE,
            guards=(stage("publicity_open"),),
            effect=stage("start_publicity"),
            tell=Tell.APPLICANT,
        ),
        Transition(
            "revoke_pass",
            gettext_lazy("撤销评审通过"),
            frozenset({Status.IN_PUBLICITY}),
            Status.REJECTED,
            By.COMMITTEE,
            guards=(opinion_given,),
            effect=_leave_flow_with_opinion,
            tell=Tell.APPLICANT,
        ),
        Transition(
            "end_publicity",
            gettext_lazy("公示期满"),
            frozenset({Status.IN_PUBLICITY}),
            Status.PUBLICITY_ENDED,
            By.SYSTEM,
            system_actor=SystemActor.SCHEDULER,
            tell=Tell.APPLICANT,
        ),
        Transition(
            "approve",
            gettext_lazy("发文批准"),
            frozenset({Status.PUBLICITY_ENDED}),
            Status.APPROVED,
            By.COMMITTEE,
            guards=(stage("approval_document_valid"),),
            effect=stage("approve"),
            tell=Tell.APPLICANT,
        ),
        Transition(
            "issue_certificate",
            gettext_lazy("发放证书"),
            frozenset({Status.APPROVED}),
            Status.CERTIFIED,
            By.COMMITTEE,
            conditions=(stage("listed_on_approval"),),
            effect=stage("issue_certificate"),
            tell=Tell.APPLICANT,
        ),
    ]
}

# Actions by which a reviewer says something about the content: offered together with the
# per-section comment boxes on the review page.
REVIEW_ACTIONS = frozenset(
    t.action
    for t in TABLE.values()
    if t.by == By.NODE and t.target not in (Status.REJECTED, Status.PAID)
)


def acting_org(user: User | None, application: Application) -> tuple[str, int | None]:
    """The organization a person acts for on this application, as (OrgKind, id): stored in the
    history and comments; its name is rendered when read."""
    if user is None:
        return OrgKind.SYSTEM, None
    if user.role == Role.UNIT_ADMIN and user.unit_id:
        return OrgKind.UNIT, user.unit_id
    if user.role == Role.AUTHORITY_REVIEWER and user.authority_id:
        return OrgKind.AUTHORITY, user.authority_id
    if user.role == Role.COMMITTEE_STAFF:
        return OrgKind.COMMITTEE, application.offering.committee_id
    if user.role == Role.REGION_ADMIN:
        return OrgKind.REGION_ADMIN, user.region_id
    if user.role == Role.CENTRAL_OFFICE:
        return OrgKind.CENTRAL_OFFICE, None
    return OrgKind.APPLICANT, user.pk


def allowed_actions(user: User, application: Application) -> list[str]:
    """What the user may do now, by the table (guards on the request are checked on firing)."""
    return [t.action for t in TABLE.values() if t.offered(user, application)]


def apply_transition(
    *,
    number: str,
    action: str,
    actor: User | None = None,
    system: str = "",
    payload: dict[str, Any] | None = None,
) -> Application:
    """Fire `action` on the application, as a person (`actor`) or as a part of the system
    (`system`, a SystemActor); exactly one of concurrent callers wins."""
    payload = payload or {}
    transition = TABLE.get(action)
    if transition is None:
        raise ConflictError(_("未知的操作。"), code="unknown_action")
    if (actor is None) == (not system):
        raise ValueError("a transition is fired by a person or by the system, exactly one")
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related(
                "offering", "flow", "offering__committee", "unit", "applicant", "qualification"
            )
            .filter(number=number)
            .first()
        )
        if application is None:
            # Requalified to another region while we waited for the lock, or never here.
            raise moved_conflict(number) or Application.DoesNotExist(number)
        if system:
            if transition.by != By.SYSTEM or transition.system_actor != system:
                raise PermissionDenied
        elif not transition.may(actor, application):
            if not transition.could_ever(actor, application):
                raise PermissionDenied
            # Theirs to do, but not now: someone else has moved it meanwhile.
            raise ConflictError(
                _("申请书已被办理，当前为“%(status)s”（%(node)s），不能%(action)s。")
                % {
                    "status": Status(application.status).label,
                    "node": node_label(application),
                    "action": transition.label,
                },
                code="already_handled",
            )
        if application.status not in transition.sources:
            raise ConflictError(
                _("申请书当前状态为“%(status)s”，不能%(action)s。")
                % {"status": Status(application.status).label, "action": transition.label},
                code="invalid_state",
            )
        for check in (*transition.conditions, *transition.guards):
            check(application, actor, payload)
        from_status, from_index = application.status, application.current_node
        from_kind = node_kind_at(application, from_index) if from_status == Status.IN_REVIEW else ""
        application.status = transition.target
        moved = transition.effect(application, payload) if transition.effect else None
        if application.status not in {transition.target, *transition.alternatives}:
            raise ValueError(f"{action} reached {application.status}, not one it declares")
        with in_region(moved.region) if moved and moved.region else nullcontext():
            _record(
                application,
                action,
                actor,
                system,
                payload,
                moved,
                (from_status, from_index, from_kind),
            )
            transition_done.send(
                sender=Transition,
                application=application,
                action=action,
                from_status=from_status,
                actor=actor,
                payload=payload,
            )
        _tell(application, transition.tell)
    return application


def _record(  # noqa: PLR0917 - the one caller is apply_transition
    application: Application,
    action: str,
    actor: User | None,
    system: str,
    payload: dict[str, Any],
    moved: Moved | None,
    source: tuple[str, int | None, str],
) -> None:
    """Save the row, its history record and its index row (in the region it is in now)."""
    from_status, from_index, from_kind = source
    application.save()
    org_kind, org_id = acting_org(actor, application)
    in_review = application.status == Status.IN_REVIEW
    TransitionRecord.objects.create(
        application=application,
        action=action,
        actor=actor,
        system_actor=system,
        org_kind=org_kind,
        org_id=org_id,
        from_status=from_status,
        to_status=application.status,
        from_node_index=from_index if from_kind else None,
        from_node_kind=from_kind,
        to_node_index=application.current_node if in_review else None,
        to_node_kind=node_kind_at(application, application.current_node) if in_review else "",
        details=moved.details if moved else {},
        opinion=str(payload.get("opinion", "")),
    )
    index_write(application)


def _tell(application: Application, tell: Tell) -> None:
    """Queue the notifications of a transition; they leave only if it commits."""
    link = f"/applications/{application.number}/"
    # Codes, put into words in each recipient's language when sent (core.notifications.messages).
    if tell == Tell.APPLICANT:
        notify_after_commit(
            user_ids=[application.applicant_id],
            link=link,
            title=message(
                gettext_noop("申请书%(number)s %(qualification)s：%(status)s"),
                number=application.number,
                qualification={"qualification": application.qualification_id},
                status={"status": application.status},
            ),
            body=application.last_opinion,
        )
    elif tell == Tell.NEXT_REVIEWERS:
        ids = reviewer_ids_at_current_node(application)
        if ids:
            notify_after_commit(
                user_ids=ids,
                link=f"/review/{application.number}/",
                title=message(
                    gettext_noop("有新的申请书待审核：%(number)s %(qualification)s"),
                    number=application.number,
                    qualification={"qualification": application.qualification_id},
                ),
                body=message(
                    gettext_noop("申请人：%(name)s"), name=application.applicant.display_name
                ),
            )
