"""公示: the passed list published for a period, objections, and the end of the period."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ConflictError
from core.models import Level, User
from results.meetings import parse_date
from results.models import Handling, Objection, Publicity, PublicityEntry
from results.queues import committee_applications
from workflow.models import Application
from workflow.reviewers import committee_ids_of
from workflow.states import Status
from workflow.transitions import SystemActor, apply_transition

WORKING_DAYS = 5
TEXT_MAX = {"name": 64, "contact": 64, "reason": 2000}


def working_days_end(start: date, days: int = WORKING_DAYS) -> date:
    """The last day of a period of `days` working days (Monday to Friday) starting on `start`."""
    day, counted = start, 0
    while True:
        if day.weekday() < 5:
            counted += 1
            if counted == days:
                return day
        day += timedelta(days=1)


def waiting_for_publicity(user: User) -> QuerySet[Application]:
    return committee_applications(user).filter(status=Status.MEETING_PASSED)


def publicities_of(user: User) -> QuerySet[Publicity]:
    return Publicity.objects.filter(committee_id__in=committee_ids_of(user)).select_related(
        "committee"
    )


def publicity_get(user: User, pk: int) -> Publicity:
    publicity = publicities_of(user).filter(pk=pk).first()
    if publicity is None:
        raise Http404
    return publicity


@transaction.atomic
def publicity_create(user: User, data: dict[str, Any], numbers: list[str]) -> Publicity:
    """Publish the chosen passed applications of one committee (start_publicity for each)."""
    errors: dict[str, list[str]] = {}
    applications = list(waiting_for_publicity(user).filter(number__in=numbers[:500]))
    if not applications:
        errors["numbers"] = [_("请选择会议评审通过的申请书。")]
    elif len({a.offering.committee_id for a in applications}) > 1:
        errors["numbers"] = [_("一次公示只能包含同一评审委员会的申请书。")]
    title = str(data.get("title", "")).strip()
    if not title or len(title) > 200 or "\x00" in title:
        errors["title"] = [_("请填写公示标题（200字以内）。")]
    try:
        starts_on = parse_date(data.get("starts_on"), "starts_on")
        ends_text = str(data.get("ends_on", "")).strip()
        ends_on = parse_date(ends_text, "ends_on") if ends_text else working_days_end(starts_on)
        if ends_on < starts_on:
            errors["ends_on"] = [_("结束日期不能早于开始日期。")]
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    publicity = Publicity.objects.create(
        committee_id=applications[0].offering.committee_id,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=user,
    )
    for application in applications:
        apply_transition(
            number=application.number,
            action="start_publicity",
            actor=user,
            payload={"publicity": publicity.pk},
        )
    return publicity


def current_publicities(today: date | None = None) -> QuerySet[Publicity]:
    """What the public page lists: begun and not yet ended."""
    today = today or timezone.localdate()
    return Publicity.objects.filter(starts_on__lte=today, ended_at__isnull=True).select_related(
        "committee"
    )


def public_rows(publicities: list[Publicity]) -> dict[int, list[dict[str, Any]]]:
    """Per publicity: name, unit, qualification and level; nothing more personal. Those whose
    pass was revoked are no longer listed."""
    rows: dict[int, list[dict[str, Any]]] = {p.pk: [] for p in publicities}
    entries = (
        PublicityEntry.objects.filter(
            publicity__in=publicities, application__status=Status.IN_PUBLICITY
        )
        .select_related(
            "application__applicant",
            "application__unit",
            "application__qualification__specialty__series",
        )
        .order_by("publicity_id", "pk")
    )
    for entry in entries:
        application = entry.application
        rows[entry.publicity_id].append(
            {
                "entry": entry.pk,
                "name": application.applicant.display_name,
                "unit": application.unit.name,
                "qualification": str(application.qualification),
                "level": str(Level(application.qualification.level).label),
            }
        )
    return rows


def _text(data: dict[str, Any], field: str, errors: dict[str, list[str]]) -> str:
    value = data.get(field)
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > TEXT_MAX[field] or "\x00" in text:
        errors[field] = [_("请填写此项（%(max)d字以内）。") % {"max": TEXT_MAX[field]}]
    return text


def objection_file(publicity_id: int, data: dict[str, Any]) -> Objection:
    """异议: anyone, without an account, while the publicity is current."""
    publicity = current_publicities().filter(pk=publicity_id).first()
    if publicity is None:
        raise Http404
    errors: dict[str, list[str]] = {}
    fields = {field: _text(data, field, errors) for field in TEXT_MAX}
    entry = None
    chosen = str(data.get("entry") or "").strip()
    if chosen:
        entry = (
            publicity.entries.filter(pk=chosen, application__status=Status.IN_PUBLICITY).first()
            if chosen.isdecimal() and len(chosen) < 10
            else None
        )
        if entry is None:
            errors["entry"] = [_("请从公示名单中选择。")]
    if errors:
        raise ValidationError(errors)
    return Objection.objects.create(publicity=publicity, entry=entry, **fields)


@transaction.atomic
def objection_handle(user: User, pk: int, data: dict[str, Any]) -> Objection:
    """不予采纳, or 异议成立: the pass is revoked through the table, with the reason."""
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .filter(pk=pk, publicity__committee_id__in=committee_ids_of(user))
        .first()
    )
    if objection is None:
        raise Http404
    if objection.handling:
        raise ConflictError(_("该异议已处理。"), code="already_handled")
    decision = data.get("handling")
    reason = str(data.get("handling_reason", "")).strip()
    errors: dict[str, list[str]] = {}
    if decision not in Handling.values:
        errors["handling"] = [_("请选择处理结果。")]
    if not reason or len(reason) > 2000 or "\x00" in reason:
        errors["handling_reason"] = [_("请填写处理意见（2000字以内）。")]
    entry = objection.entry
    if decision == Handling.UPHELD and entry is None:
        chosen = str(data.get("entry") or "")
        entry = (
            objection.publicity.entries.filter(pk=chosen).first()
            if chosen.isdecimal() and len(chosen) < 10
            else None
        )
        if entry is None:
            errors["entry"] = [_("异议成立时请选择被撤销通过的申请人。")]
    if errors:
        raise ValidationError(errors)
    if decision == Handling.UPHELD:
        apply_transition(
            number=entry.application.number,
            action="revoke_pass",
            actor=user,
            payload={"opinion": _("公示期间异议成立：%(reason)s") % {"reason": reason}},
        )
        objection.entry = entry
    objection.handling = decision
    objection.handling_reason = reason
    objection.handled_by = user
    objection.handled_at = timezone.now()
    objection.save()
    return objection


def end_due_here(today: date | None = None) -> int:
    """In the current region: for every publicity whose period has passed, move each listed
    application without an objection waiting against it on (end_publicity, by the scheduler);
    the publicity ends once none is left in publicity. Returns how many moved."""
    today = today or timezone.localdate()
    moved = 0
    due = Publicity.objects.filter(ends_on__lt=today, ended_at__isnull=True).values_list(
        "pk", flat=True
    )
    for pk in list(due):
        with transaction.atomic():
            publicity = (
                Publicity.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, ended_at__isnull=True)
                .first()
            )
            if publicity is None:
                continue
            waiting = Objection.objects.filter(publicity=publicity, handling="")
            held_all = waiting.filter(entry__isnull=True).exists()
            entries = (
                publicity.entries.filter(application__status=Status.IN_PUBLICITY)
                .annotate(held=Exists(waiting.filter(entry=OuterRef("pk"))))
                .select_related("application")
            )
            left = 0
            for entry in entries:
                if held_all or entry.held:
                    left += 1
                    continue
                apply_transition(
                    number=entry.application.number,
                    action="end_publicity",
                    system=SystemActor.SCHEDULER,
                )
                moved += 1
            if not left:
                publicity.ended_at = timezone.now()
                publicity.save(update_fields=["ended_at"])
    return moved


def waiting_objections(user: User) -> QuerySet[Objection]:
    return Objection.objects.filter(publicity__committee_id__in=committee_ids_of(user), handling="")


def objection_publicity_id(user: User, pk: int) -> int:
    """The publicity an objection of the user's committees was filed against, else 404."""
    found = (
        Objection.objects.filter(pk=pk, publicity__committee_id__in=committee_ids_of(user))
        .values_list("publicity_id", flat=True)
        .first()
    )
    if found is None:
        raise Http404
    return found
