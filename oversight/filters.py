"""The oversight lists' conditions, read from the query string, applied to the public index.

Every figure of the dashboard links to the list behind it with these parameters, so a count
and its list are the same condition. Only index columns are filtered on (and the account's
unique ID number, and the units' names), so a list answers without entering any region."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ApplicationIndex, Level, Unit
from core.models.applications import Status
from tenants.models import Region
from tenants.routing import REGION_MAP

UNITS_MATCHED = 200  # a unit condition matching more names is too vague to be a search
ID_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15})$")
# Statuses an application left the main line to; for the funnel they stand where it left it.
SIDE_STATUSES = {Status.RETURNED: Status.IN_REVIEW, Status.REJECTED: Status.IN_REVIEW}


def funnel_statuses() -> list[str]:
    """The main line from draft to certificate, in the order Status declares (new states of
    other features join by being declared)."""
    return [s.value for s in Status if s not in SIDE_STATUSES]


def reached(status: str) -> list[str]:
    """The statuses of applications that reached `status` or beyond on the main line."""
    line = funnel_statuses()
    if status not in line:
        return []
    rank = line.index(status)
    return [s.value for s in Status if line.index(SIDE_STATUSES.get(s, s.value)) >= rank]


@dataclass(frozen=True)
class Scope:
    """Whose applications: every region's (the central office) or one region's."""

    region: Region | None

    def rows(self) -> QuerySet[ApplicationIndex]:
        rows = ApplicationIndex.objects.all()
        return rows if self.region is None else rows.filter(region_id=self.region.pk)


def _choices(pairs) -> list[tuple[str, str]]:
    return [("", "—"), *pairs]


class ListFilter(forms.Form):
    q = forms.CharField(label=_("条件"), required=False, max_length=64)
    unit = forms.CharField(label=_("基层工作单位"), required=False, max_length=64)
    region = forms.CharField(label=_("地区"), required=False, max_length=63)
    status = forms.ChoiceField(label=_("状态"), required=False)
    reached = forms.ChoiceField(label=_("已到达"), required=False)
    series = forms.CharField(label=_("系列"), required=False, max_length=64)
    level = forms.ChoiceField(label=_("级别"), required=False, choices=_choices(Level.choices))
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100)
    node_kind = forms.CharField(label=_("节点类型"), required=False, max_length=32)
    org_kind = forms.CharField(required=False, max_length=32)
    org_id = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    committee = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    offering = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    week = forms.DateField(label=_("提交周"), required=False)
    sort = forms.ChoiceField(
        required=False, choices=[("", _("最近更新")), ("waiting", _("等待最久"))]
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _choices(Status.choices)
        self.fields["reached"].choices = _choices([(s, Status(s).label) for s in funnel_statuses()])

    def params(self) -> dict[str, str]:
        """The cleaned conditions as query-string values (an export keeps them)."""
        return {
            name: value.isoformat() if hasattr(value, "isoformat") else str(value)
            for name, value in self.cleaned_data.items()
            if value not in ("", None)
        }


def apply(scope: Scope, data: dict) -> QuerySet[ApplicationIndex]:
    """The index rows of `scope` meeting the cleaned conditions `data`."""
    rows = scope.rows()
    if data.get("region"):
        region = next((r for r in REGION_MAP.regions() if r.schema_name == data["region"]), None)
        rows = rows.filter(region_id=region.pk) if region else rows.none()
    for name, column in (
        ("status", "status"),
        ("level", "level"),
        ("year", "year"),
        ("node_kind", "node_kind"),
        ("org_kind", "waiting_org_kind"),
        ("org_id", "waiting_org_id"),
        ("committee", "committee_id"),
        ("offering", "offering_id"),
    ):
        if data.get(name) not in ("", None):
            rows = rows.filter(**{column: data[name]})
    if data.get("reached"):
        rows = rows.filter(status__in=reached(data["reached"]))
    if data.get("series"):
        rows = rows.filter(series__code=data["series"])
    if data.get("week"):
        start = timezone.make_aware(datetime.combine(data["week"], time.min))
        rows = rows.filter(submitted_at__gte=start, submitted_at__lt=start + timedelta(days=7))
    if data.get("unit"):
        # The units first (a small table), then their rows by the index of a unit's newest:
        # a join would walk the whole index newest first, filtering.
        units = Unit.objects.filter(name__icontains=data["unit"]).values_list("pk", flat=True)
        rows = rows.filter(unit_id__in=list(units[:UNITS_MATCHED]))
    term = (data.get("q") or "").strip()
    if term:
        if ID_NUMBER.match(term.upper()):
            # Exact: the account's unique number (one index lookup), never a pattern.
            rows = rows.filter(applicant__id_card_number=term.upper())
        else:
            rows = rows.filter(Q(number=term.upper()) | Q(applicant_name__startswith=term))
    if data.get("sort") == "waiting":
        return rows.order_by("waiting_since", "number")
    return rows.order_by("-updated_at", "number")
