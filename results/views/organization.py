"""评审结果 for the units and authorities that sent applications: one list of what the meetings,
公示, 批文 and certificates decided about them (manual 6: 会议结果和批文结果可通过网上进行查询)."""

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.access import region_role_required
from results.query import ORGANIZATION_ROLES, Outcome, organization_results
from results.rules import FailReason
from workflow.models import Application

PAGE_SIZE = 50
OUTCOMES = [
    (Outcome.PENDING, _("待评审")),
    (Outcome.PASSED, _("会议评审通过")),
    (Outcome.FAILED, _("会议评审未通过")),
    (Outcome.CERTIFIED, _("已发证书")),
]


class ResultFilter(forms.Form):
    year = forms.IntegerField(label=_("申请年度"), required=False, min_value=2000, max_value=2100)
    outcome = forms.ChoiceField(label=_("结果"), required=False, choices=[("", "—"), *OUTCOMES])
    page = forms.IntegerField(required=False, min_value=1, max_value=100_000)


@region_role_required(*ORGANIZATION_ROLES)
def result_list(request: HttpRequest) -> HttpResponse:
    form = ResultFilter(request.GET)
    conditions = form.cleaned_data if form.is_valid() else {}
    rows = organization_results(
        request.user, year=conditions.get("year"), outcome=conditions.get("outcome") or ""
    )
    page = Paginator(rows, PAGE_SIZE).get_page(conditions.get("page") or 1)
    return render(
        request,
        "results/organization_results.html",
        {
            "form": form,
            "page": page,
            "rows": [_row(application) for application in page],
            "params": {k: v for k, v in request.GET.items() if k in ("year", "outcome")},
        },
        status=200 if form.is_valid() else 400,
    )


def _stage(application: Application, name: str):
    """The application's row of one stage, or None (a reverse one-to-one left empty)."""
    try:
        return getattr(application, name)
    except ObjectDoesNotExist:
        return None


def _row(application: Application) -> dict:
    entry = application.meeting_entry
    return {
        "application": application,
        "meeting": entry,
        "reason": FailReason(entry.reason).label if entry.reason else "",
        "publicity": _stage(application, "publicity_entry"),
        "approval": _stage(application, "approval_entry"),
        "certificate": _stage(application, "certificate"),
    }
