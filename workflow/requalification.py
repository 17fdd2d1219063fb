"""更改资格 (requalification): an application with the applicant (`draft` or `returned`) moves
to another offering — another qualification or committee, possibly of another region — in one
transaction, keeping its number.

`workflow.transitions` owns it: the `requalify` row's guard is `requalify_valid` and its effect
is `requalify_move`; `apply_transition` locks the row, runs them, then writes the history
record and the public index in the target region, all in its one transaction. What moves to
another region's schema: the application, its sections, attachments, review comments, history
and set-aside sections (one INSERT … SELECT per table, through `tenants.crossing.copy_rows`,
so the cost does not grow with the number of rows); the index row and the attachment uses are
keyed by the number and follow by the index row's region. Blobs are content-addressed and do
not move. Printed official copies exist only after formal review, when requalification is no
longer possible; test copies leave no row.

What carries over (`carry_plan`): a section whose key exists in the new form and whose schema
is the same, or whose saved data is valid under the new schema, keeps its data and files.
Every other section is set aside (SetAsideSection, with its files), never lost, and the new
form's section of the same key shows 需重新填写.

Rules of the target: its window must be open; the submissions already made count against its
limit (a move never gives new submissions; refused when none would be left); the once-a-year
rule is checked for the target qualification against every other application of the person
(the public index's constraint decides atomically; the old qualification becomes free).
"""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.catalog.forms import form_current, form_validate_section
from core.errors import ConflictError
from core.models import ApplicationIndex, SectionForm
from tenants.crossing import copy_rows, current_region_code, in_region
from tenants.models import Region
from tenants.translated import without_translations
from workflow.models import (
    Application,
    Attachment,
    Offering,
    ReviewComment,
    SectionEntry,
    SetAsideSection,
    TransitionRecord,
)
from workflow.states import Status

# The tables whose rows belong to one application and move with it.
CHILDREN = (SectionEntry, Attachment, ReviewComment, TransitionRecord, SetAsideSection)


@dataclass(frozen=True)
class Target:
    region: Region
    offering: Offering
    form: SectionForm

    @property
    def code(self) -> str:
        return self.region.schema_name


@dataclass
class CarryPlan:
    """Which saved sections keep their data and files, and which are set aside."""

    carried: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)
    # key → title in the old form (for the preview and the set-aside rows)
    titles: dict[str, str] = field(default_factory=dict)


def _sections(form: SectionForm) -> dict[str, dict]:
    return {section["key"]: section for section in form.sections}


def carry_plan(
    old_form: SectionForm,
    new_form: SectionForm,
    entries: dict[str, dict],
    attachment_sections: set[str],
) -> CarryPlan:
    """The plan for the saved sections (`entries`: key → data) and the sections with files."""
    old, new = _sections(old_form), _sections(new_form)
    plan = CarryPlan()
    for key in [*old, *sorted((set(entries) | attachment_sections) - set(old))]:
        if key not in entries and key not in attachment_sections:
            continue
        plan.titles[key] = old.get(key, {}).get("title", key)
        there = new.get(key)
        fits = there is not None and (
            # The same form whatever its translations.
            without_translations(there.get("schema"))
            == without_translations(old.get(key, {}).get("schema"))
            or (key in entries and not form_validate_section(new_form, key, entries[key]))
        )
        (plan.carried if fits else plan.set_aside).append(key)
    return plan


def requalify_target(application: Application, payload: dict[str, Any]) -> Target:
    """The region and open offering named by the request, checked against the target's rules
    (raises ValidationError / ConflictError; writes nothing). Remembered on the object for the
    same request, so the row's guard and its effect read the target once."""
    asked = (str(payload.get("region") or ""), str(payload.get("offering")))
    remembered = getattr(application, "_requalify_target", None)
    if remembered is not None and remembered[0] == asked:
        return remembered[1]
    target = _target(application, payload)
    application._requalify_target = (asked, target)
    return target


def _target(application: Application, payload: dict[str, Any]) -> Target:
    here = current_region_code()
    code = str(payload.get("region") or here)
    region = Region.objects.regions().filter(schema_name=code).first()
    if region is None:
        raise ValidationError({"region": [_("没有这个地区。")]})
    try:
        offering_id = int(payload.get("offering"))
    except (TypeError, ValueError):
        raise ValidationError({"offering": [_("请选择申报项目。")]}) from None
    with in_region(code):
        offering = (
            Offering.objects.select_related("committee", "flow", "qualification__specialty__series")
            .filter(pk=offering_id)
            .first()
        )
    if offering is None:
        raise ValidationError({"offering": [_("该地区没有这个申报项目。")]})
    if code == here and offering.pk == application.offering_id:
        raise ConflictError(
            _("申请书已经是该资格、该评审委员会的，无需更改。"), code="same_offering"
        )
    if offering.window_state() != "open":
        raise ConflictError(_("该资格当前不在申报时间内。"), code="window_closed")
    if application.submission_count >= offering.max_submissions:
        raise ConflictError(
            _("已提交%(n)d次，达到该评审委员会的提交次数上限（%(max)d次），不能更改到该资格。")
            % {"n": application.submission_count, "max": offering.max_submissions},
            code="submission_limit",
        )
    taken = (
        ApplicationIndex.objects.filter(
            applicant_id=application.applicant_id,
            qualification_id=offering.qualification_id,
            year=offering.year,
        )
        .exclude(number=application.number)
        .exists()
    )
    if taken:
        raise ConflictError(
            _("同一资格同一年度只能申请一次：您本年度已申请过该资格。"), code="already_applied"
        )
    form = form_current(offering.qualification.specialty.series.form_key)
    return Target(region=region, offering=offering, form=form)


def requalify_valid(application: Application, user: Any, payload: dict[str, Any]) -> None:
    """The `requalify` row's guard: checks only."""
    requalify_target(application, payload)


def requalify_preview(application: Application, payload: dict[str, Any]) -> CarryPlan:
    """What would carry over (for the confirmation page and the API's preview)."""
    target = requalify_target(application, payload)
    entries = dict(application.sections.values_list("key", "data"))
    files = set(application.attachments.values_list("section", flat=True))
    return carry_plan(application.form, target.form, entries, files)


@dataclass(frozen=True)
class Moved:
    """What an effect tells apply_transition: the codes for the history record, and the
    region whose schema now holds the application ("" for where it was)."""

    details: dict[str, Any]
    region: str = ""


def requalify_move(application: Application, payload: dict[str, Any]) -> Moved:
    """The `requalify` row's effect: set aside what does not fit, point the application at the
    target offering, and — to another region — copy its rows there and delete them here. The
    caller (apply_transition) holds the row lock and the transaction, and saves `application`
    (its pk now the target's) in the region returned."""
    here = current_region_code()
    target = requalify_target(application, payload)
    entries = dict(application.sections.values_list("key", "data"))
    files = list(application.attachments.all())
    plan = carry_plan(application.form, target.form, entries, {f.section for f in files})
    old = application.offering
    details = {
        "from_region": here,
        "to_region": target.code,
        "from_offering": old.pk,
        "to_offering": target.offering.pk,
        "from_qualification": application.qualification_id,
        "to_qualification": target.offering.qualification_id,
        "from_committee": old.committee_id,
        "from_committee_name": old.committee.name,
        "to_committee": target.offering.committee_id,
        "to_committee_name": target.offering.committee.name,
        "from_form": [application.form.key, application.form.version],
        "to_form": [target.form.key, target.form.version],
        "from_flow": application.flow.nodes,
        "carried": plan.carried,
        "set_aside": plan.set_aside,
    }
    if plan.set_aside:
        SetAsideSection.objects.bulk_create(
            SetAsideSection(
                application=application,
                key=key,
                title=plan.titles[key],
                data=entries.get(key, {}),
                attachments=[
                    {"blob_sha256": f.blob_sha256, "name": f.name, "content_type": f.content_type}
                    for f in files
                    if f.section == key
                ],
                form_key=application.form.key,
                form_version=application.form.version,
            )
            for key in plan.set_aside
        )
        SectionEntry.objects.filter(application=application, key__in=plan.set_aside).delete()
        Attachment.objects.filter(application=application, section__in=plan.set_aside).delete()
    offering = target.offering
    application.offering = offering
    application.qualification = offering.qualification
    application.year = offering.year
    application.form = target.form
    application.flow = offering.flow
    application.current_node = None
    application.recommending_unit = None
    application.unit_acted = False
    if target.code == here:
        return Moved(details)
    old_pk = application.pk
    (new_pk,) = copy_rows(
        Application,
        source=here,
        target=target.code,
        where='"id" = %s',
        params=[old_pk],
        overrides={
            "offering_id": offering.pk,
            "qualification_id": offering.qualification_id,
            "year": offering.year,
            "form_id": target.form.pk,
            "flow_id": offering.flow_id,
            "current_node": None,
            "recommending_unit_id": None,
            "unit_acted": False,
            "status": Status.DRAFT,
        },
    )
    for model in CHILDREN:
        copy_rows(
            model,
            source=here,
            target=target.code,
            where='"application_id" = %s',
            params=[old_pk],
            overrides={"application_id": new_pk},
        )
    # One DELETE per table, whatever the number of rows (Django's collector would read every
    # child row first and delete them by id, 100 at a time). Nothing else points at a draft's
    # row: printed official copies exist only after formal review, flow reports keep the number.
    for model in (*CHILDREN, Application):
        field = "pk" if model is Application else "application_id"
        queryset = model.objects.filter(**{field: old_pk})
        queryset._raw_delete(queryset.db)
    application.pk = application.id = new_pk
    return Moved(details, region=target.code)


def moved_conflict(number: str) -> ConflictError | None:
    """When an application is no longer in this region because it was requalified elsewhere
    meanwhile: the 409 that says where it went (None if it does not exist at all)."""
    row = ApplicationIndex.objects.select_related("region").filter(number=number).first()
    if row is None or row.region.schema_name == current_region_code():
        return None
    return ConflictError(
        _("申请书已更改资格到%(region)s，请到%(region)s办理。") % {"region": row.region.local_name},
        code="requalified",
    )


def set_aside_sections(application: Application) -> list[SetAsideSection]:
    """What requalifications kept aside (one query)."""
    return list(SetAsideSection.objects.filter(application=application))
