"""更改资格 for the applicant, as the manual's steps: the region (with the 属地化 advice for
the applicant's unit), then the qualification with its open offering and committee, then a
preview of what carries over and what is set aside, then confirm. The move itself is the
`requalify` row of workflow.transitions (workflow.requalification)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.access import region_role_required
from core.errors import ConflictError
from core.models import Role
from core.views.auth import go_to_region
from tenants.crossing import current_region_code, in_region
from tenants.models import Region
from workflow.access import access_application
from workflow.locality import locality_advice
from workflow.requalification import requalify_preview
from workflow.selectors import offerings_for
from workflow.transitions import TABLE, apply_transition


def reverse_my_applications() -> str:
    return "/applications/"


def _errors(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error)]


@region_role_required(Role.APPLICANT)
@require_http_methods(["GET", "POST"])
def requalify(request: HttpRequest, number: str) -> HttpResponse:
    application = access_application(request.user, number, for_write=True)
    row = TABLE["requalify"]
    if not row.offered(request.user, application):
        messages.error(request, _("申请书已提交，当前不能更改资格。如需更改，请在单位审核前收回。"))
        return redirect("my-applications")
    data = request.POST if request.method == "POST" else request.GET
    regions = list(Region.objects.regions())
    code = data.get("region", "")
    region = next((r for r in regions if r.schema_name == code), None)
    context: dict = {
        "application": application,
        "regions": regions,
        "region": region,
        "home": application.unit.region,
        "here_advice": locality_advice(
            unit=application.unit, qualification=application.qualification
        ),
    }
    if region is None:
        return render(request, "workflow/requalify.html", context)
    same_region = region.schema_name == current_region_code()
    with in_region(region.schema_name):
        offerings = [
            o
            for o in offerings_for(year=application.year, open_only=True)
            if not (same_region and o.pk == application.offering_id)
        ]
        context["advice"] = locality_advice(
            unit=application.unit, qualification=application.qualification
        )
    context["offerings"] = offerings
    chosen = next((o for o in offerings if str(o.pk) == data.get("offering", "")), None)
    context["offering"] = chosen
    if chosen is None:
        return render(request, "workflow/requalify.html", context)
    payload = {"region": region.schema_name, "offering": chosen.pk}
    try:
        if request.method == "POST" and data.get("confirm"):
            apply_transition(number=number, action="requalify", actor=request.user, payload=payload)
            messages.success(
                request,
                _("已更改资格到%(region)s：%(qualification)s。请在%(region)s继续编辑并提交。")
                % {"region": region.local_name, "qualification": chosen.qualification.label},
            )
            return go_to_region(request, region.schema_name, reverse_my_applications())
        plan = requalify_preview(application, payload)
    except (ConflictError, ValidationError) as error:
        context["errors"] = _errors(error)
        return render(request, "workflow/requalify.html", context, status=409)
    context["plan"] = plan
    context["carried"] = [plan.titles[k] for k in plan.carried]
    context["set_aside"] = [plan.titles[k] for k in plan.set_aside]
    return render(request, "workflow/requalify.html", context)
