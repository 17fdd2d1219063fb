"""The applicant's pages: 我的申请书, 新增申请书, and the edit page (sections, attachments,
condition advice, submit / withdraw / delete)."""

from datetime import datetime
from functools import reduce
from operator import or_

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Q, QuerySet, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.access import ACTING_ROLES, Answer, route_answer
from core.application_index import with_positions
from core.caching.pages import cached_page, rows_where
from core.catalog.conditions import conditions_evaluate, conditions_for
from core.errors import ConflictError, error_messages
from core.files.blobs import (
    UploadTooLargeError,
    blob_sizes,
    blob_store,
    library_items,
    upload_limit_text,
)
from core.models import ApplicationIndex, AuditKind, LibraryItem, Role, Unit
from tenants.crossing import current_region_code
from workflow.access import access_application, applications_visible_to
from workflow.access_log import record_application_read
from workflow.applications import (
    application_create,
    application_deletable,
    application_delete,
    attachment_add,
    attachment_remove,
    section_save,
)
from workflow.cards import card_panels, card_stamps
from workflow.history import history_rows
from workflow.locality import locality_advice
from workflow.models import Application, Offering
from workflow.progress import journey_steps, rejections_from, section_count, submissions
from workflow.requalification import set_aside_sections
from workflow.review import comments_by_section
from workflow.reviewers import PAST_THE_FLOW
from workflow.schema_forms import parse_section, render_section
from workflow.sections import SectionState, section_states, section_with_account
from workflow.selectors import (
    applicant_changes,
    application_changes,
    application_flow_views,
    flow_view,
    offerings_for,
    region_home_changes,
)
from workflow.states import EDITABLE
from workflow.transitions import allowed_actions, apply_transition


class _UnitSelect(forms.Select):
    """Units whose information is incomplete are listed, marked and disabled: they cannot
    review, so an application there would wait for ever."""

    def create_option(self, *args: object, **kwargs: object) -> dict:
        option = super().create_option(*args, **kwargs)
        unit = getattr(option["value"], "instance", None)
        if isinstance(unit, Unit) and not unit.is_complete:
            option["attrs"]["disabled"] = True
        return option


def _unit_label(unit: Unit) -> str:
    label = f"{unit.name}（{unit.region.local_name}）"
    if not unit.is_complete:
        label += " — " + _("单位信息未完善，暂不能选择")
    return label


class NewApplicationForm(forms.Form):
    offering = forms.ModelChoiceField(
        label=gettext_lazy("申请资格"), queryset=Offering.objects.none()
    )
    unit = forms.ModelChoiceField(
        label=gettext_lazy("基层工作单位"),
        queryset=Unit.objects.none(),
        widget=_UnitSelect,
        help_text=gettext_lazy(
            "单位信息尚未完善的单位不能审核申请书，暂不能选择；请联系该单位管理员先完善单位信息。"
        ),
    )

    def __init__(self, *args: object, unit_search: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        offerings = offerings_for(open_only=True)
        self.fields["offering"].queryset = offerings
        self.fields["offering"].label_from_instance = lambda o: (
            f"{o.qualification.specialty.series.local_name} / "
            f"{o.qualification.specialty.local_name} / "
            f"[{o.qualification.get_level_display()}] {o.qualification.local_name}"
            + " — "
            + _("%(committee)s，%(date)s截止")
            % {
                "committee": o.committee.local_name,
                "date": f"{timezone.localtime(o.closes_at):%Y-%m-%d}",
            }
        )
        units = Unit.objects.select_related("region")
        if unit_search:
            units = (
                units.filter(name__icontains=unit_search)
                | units.filter(short_name__icontains=unit_search)
                | units.filter(credit_code=unit_search.upper())
            )
        incomplete = reduce(or_, (Q(**{name: ""}) for name in Unit.REQUIRED_FOR_REVIEW))
        units = units.annotate(
            incomplete=Case(When(incomplete, then=Value(1)), default=Value(0))
        ).order_by("incomplete", "name")  # those that can review first
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = _unit_label
        if not unit_search:
            self.fields["unit"].widget.choices = [("", _("请先搜索单位名称"))]


def _applicant_only(request: HttpRequest) -> None:
    """Organizations' accounts are told why they cannot apply (manual (6)); the region admin
    and the central office, who never act on applications, get the dull 404 as everywhere."""
    if route_answer(request.user, current_region_code(), ACTING_ROLES) != Answer.ALLOW:
        raise Http404
    if request.user.role != Role.APPLICANT:
        raise PermissionDenied(_("只有申请人可以申报职称；单位管理员等账号不能申报。"))


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    """我的申请书: full cards for this region, and a line for each one elsewhere. From the page
    cache until one of the applications, their panels' rows (payments), the index rows elsewhere,
    the offerings, flows or committees change, or a moment of their offerings passes."""
    # Before the page reads anything: it never shows an earlier moment than its key names.
    now = timezone.now()
    mine = applications_visible_to(request.user).filter(applicant=request.user)
    elsewhere = (
        ApplicationIndex.objects.filter(applicant=request.user)
        .exclude(region__schema_name=current_region_code())
        .select_related("region", "qualification__specialty__series", "unit")
    )

    def render_page(extra: dict[str, object]) -> HttpResponse:
        return _render_my_applications(request, mine, elsewhere, now, extra)

    # Direct SQL on all her applications here (what the page shows, or more): nothing to compile.
    applicant = request.user.pk
    ids = f"SELECT id FROM {Application._meta.db_table} WHERE applicant_id = %s"  # noqa: S608
    units = f"SELECT unit_id FROM {Application._meta.db_table} WHERE applicant_id = %s"  # noqa: S608
    changes = [
        rows_where(Application, "applicant_id", applicant),
        *applicant_changes(applicant, now),
        *card_stamps(ids, applicant),
        rows_where(ApplicationIndex, "applicant_id", applicant),
        rows_where(Unit.recommending_units.through, "unit_id", applicant, within=units),
    ]
    return cached_page(request, "my-applications", render_page, expressions=changes)


def _render_my_applications(
    request: HttpRequest,
    mine: QuerySet[Application],
    elsewhere: QuerySet[ApplicationIndex],
    now: datetime,
    extra: dict[str, object],
) -> HttpResponse:
    applications = list(
        mine.select_related("recommending_unit", "form")
        .prefetch_related("unit__recommending_units", "sections", "attachments")
        .order_by("-updated_at")
    )
    nodes = application_flow_views(applications)
    panels = card_panels(applications)
    rejected = rejections_from(applications)
    cards = [
        {
            "application": a,
            "steps": journey_steps(
                a,
                nodes[a.pk],
                section_count(
                    a,
                    section_states(a, entries=a.sections.all(), attachments=a.attachments.all()),
                ),
                rejected.get(a.pk),
            ),
            "submissions": submissions(a, now),
            "editable": a.status in EDITABLE,
            "actions": allowed_actions(request.user, a),
            "deletable": application_deletable(a),
            "panels": panels[a.pk],
        }
        for a in applications
    ]
    return render(
        request,
        "workflow/my_applications.html",
        # Past the flow: the result query (评审结果查询, results/) has something to say.
        {
            "cards": cards,
            "elsewhere": with_positions(elsewhere),
            "card_result_statuses": PAST_THE_FLOW,
            **extra,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def new_application(request: HttpRequest) -> HttpResponse:
    _applicant_only(request)
    # Before the form reads the open offerings: the page never shows an earlier moment than
    # the one its cache key names.
    moment = timezone.now()
    unit_search = request.GET.get("unit_q", "").strip()
    form = NewApplicationForm(
        request.POST or None, unit_search=unit_search or request.POST.get("unit_q", "")
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = application_create(
                applicant=request.user,
                offering=form.cleaned_data["offering"],
                unit=form.cleaned_data["unit"],
            )
        except ConflictError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error(None, error)  # keyed by field: {"unit": [...]}
        else:
            advice = locality_advice(unit=application.unit, qualification=application.qualification)
            if advice.message:
                messages.warning(request, advice.message)
            messages.success(request, _("申请书已新增，请逐栏填写并上传附件。"))
            return redirect("application-edit", number=application.number)
    if request.method == "GET":
        # The open offerings and the units found: from the page cache until the offerings,
        # flows or committees change or one opens or closes (the home page's moments); units,
        # people and catalog names are in the cache's reference version.
        def render_page(extra: dict[str, object]) -> HttpResponse:
            context = {"form": form, "unit_q": unit_search, **extra}
            return render(request, "workflow/new_application.html", context)

        changes = region_home_changes(moment)
        return cached_page(request, "application-new", render_page, expressions=changes)
    return render(
        request,
        "workflow/new_application.html",
        {"form": form, "unit_q": unit_search},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_application(request: HttpRequest, number: str) -> HttpResponse:
    """编辑申请书: the section list on the left, the chosen section's form on the right."""
    application = access_application(request.user, number)
    if request.method == "GET":  # someone else reading it is in the applicant's 查询记录
        record_application_read(
            AuditKind.APPLICATION_VIEWED, request.user, [application], request=request
        )
        return _editor_page(request, application)
    _states, current = _editor_section(request, application)
    editable = application.status in EDITABLE and current.filled_by == "applicant"
    key = current.key
    if not editable:
        raise PermissionDenied
    data = parse_section(current.schema, request.POST)
    try:
        saved = section_save(application=application, key=key, data=data, user=request.user)
    except (ConflictError, ValidationError) as error:
        messages.error(request, " ".join(error_messages(error)))
    else:
        if saved.errors:
            messages.warning(request, _("已保存。该栏目还有需要修改的地方，见标红处。"))
        else:
            messages.success(request, _("已保存。"))
    return redirect(f"{request.path}?section={key}")


def _editor_section(request: HttpRequest, application: Application) -> tuple[list, SectionState]:
    """The application's sections and the one asked for (`?section=`; the first by default)."""
    states = section_states(application)
    by_key = {s.key: s for s in states}
    key = request.GET.get("section") or states[0].key
    if key not in by_key:
        raise Http404
    return states, by_key[key]


def _editor_page(request: HttpRequest, application: Application) -> HttpResponse:
    # Someone else's read is recorded above on every request; the rendering comes from the page
    # cache until the application (its sections and attachments save it), its comments, set-aside
    # sections, history, the reader's 附件库 or the offering change, or a moment of it passes.
    now = timezone.now()
    library = rows_where(LibraryItem, "owner_id", request.user.pk)
    changes = [*application_changes(application, now), library]

    def render_page(extra: dict[str, object]) -> HttpResponse:
        return _render_editor(request, application, now=now, extra=extra)

    return cached_page(request, "application-edit", render_page, expressions=changes)


def _render_editor(
    request: HttpRequest, application: Application, *, now: datetime, extra: dict[str, object]
) -> HttpResponse:
    states, current = _editor_section(request, application)
    editable = application.status in EDITABLE and current.filled_by == "applicant"
    key = current.key
    condition_set = conditions_for(application.qualification)
    advice = (
        conditions_evaluate(condition_set, application.form, {s.key: s.data for s in states})
        if condition_set
        else []
    )
    library = list(library_items(owner=request.user)[:200]) if editable else []
    comments = comments_by_section(application)
    set_aside = set_aside_sections(application)
    return render(
        request,
        "workflow/edit_application.html",
        {
            "application": application,
            "states": states,
            "current": current,
            "form_html": render_section(
                current.schema,
                # What the account fills in is shown before the first save too.
                section_with_account(current.schema, current.data, application.applicant)
                if editable
                else current.data,
                current.errors,
                readonly=not editable,
            ),
            "editable": editable,
            "comments": comments.get(key, []),
            "comment_sections": set(comments),
            "library": library,
            "sizes": blob_sizes([a.blob_sha256 for a in current.attachments]),
            "crumb_tail": [current.label or current.title],
            "upload_limit": upload_limit_text(current_region_code()),
            "steps": journey_steps(
                application,
                flow_view(application.flow, application.offering.committee),
                section_count(application, states),
                rejections_from([application]).get(application.pk),
            ),
            "submissions": submissions(application, now),
            "actions": allowed_actions(request.user, application),
            "missing": [s.label for s in states if s.filled_by == "applicant" and not s.complete],
            "condition_set": condition_set,
            "advice": advice,
            "history": history_rows(application),
            # 更改资格 kept these aside: never lost; the new form's section of the same key is
            # to be filled in again.
            "set_aside": set_aside,
            "refill": {a.key for a in set_aside},
            "locality": locality_advice(
                unit=application.unit, qualification=application.qualification
            ),
            **extra,
        },
    )


@login_required
@require_POST
def attach(request: HttpRequest, number: str) -> HttpResponse:
    """Attach a file from the 附件库, or upload a new one into it and attach it."""
    application = access_application(request.user, number)
    section = request.POST.get("section", "")
    try:
        sha256 = request.POST.get("blob", "")
        if request.FILES.get("file"):
            sha256 = blob_store(
                owner=request.user, upload=request.FILES["file"], region_code=current_region_code()
            ).blob.sha256
        attachment_add(application=application, section=section, sha256=sha256, user=request.user)
    except UploadTooLargeError as error:
        messages.error(request, str(error))
    except (ConflictError, ValidationError) as error:
        messages.error(request, " ".join(error_messages(error)))
    else:
        messages.success(request, _("附件已添加。"))
    return redirect(f"/applications/{number}/?section={section}")


@login_required
@require_POST
def detach(request: HttpRequest, number: str, attachment_id: int) -> HttpResponse:
    application = access_application(request.user, number)
    section = request.POST.get("section", "")
    try:
        attachment_remove(application=application, attachment_id=attachment_id, user=request.user)
    except ConflictError as error:
        messages.error(request, str(error))
    return redirect(f"/applications/{number}/?section={section}")


@login_required
@require_POST
def transition(request: HttpRequest, number: str) -> HttpResponse:
    access_application(request.user, number, for_write=True)
    action = request.POST.get("action", "")
    try:
        apply_transition(
            number=number,
            action=action,
            actor=request.user,
            payload={"opinion": request.POST.get("opinion", "")},
        )
    except ConflictError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            {
                "submit": _("已提交至基层工作单位，请通知单位管理员审核。"),
                "withdraw": _("已收回，可以继续编辑。"),
            }.get(action, _("已办理。")),
        )
    return redirect(request.POST.get("next") or "my-applications")


@login_required
@require_POST
def delete(request: HttpRequest, number: str) -> HttpResponse:
    try:
        application_delete(application=access_application(request.user, number), user=request.user)
    except ConflictError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("申请书已删除。"))
    return redirect("my-applications")
