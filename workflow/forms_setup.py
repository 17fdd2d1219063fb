"""Forms of the region admin's set-up pages; the rules live in workflow.setup."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.identity.forms import ServiceErrorsMixin, translated_name_field
from core.models import LEVEL_ORDER, Authority, Level, Qualification, Series
from tenants.crossing import current_region_code
from workflow.models import Committee


def _level_choices() -> list[tuple[str, str]]:
    return [(level, Level(level).label) for level in LEVEL_ORDER]


class CommitteeForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("名称"), max_length=128)
    name_en = translated_name_field("en", 128)
    name_ug = translated_name_field("ug", 128)
    address = forms.CharField(label=_("地址"), max_length=200)
    contacts = forms.CharField(
        label=_("联系人及电话"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("每行一位：姓名 电话，例如：阿不都 0991-3000001"),
    )
    reviews = forms.MultipleChoiceField(
        label=_("评审范围（系列 × 级别）"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviews"].choices = [
            (f"{series.code}:{level}", f"{series.local_name} · {label}")
            for series in Series.objects.filter(is_active=True)
            for level, label in _level_choices()
        ]

    def parsed_contacts(self) -> list[dict]:
        rows = []
        for line in self.cleaned_data["contacts"].splitlines():
            parts = line.split()
            if parts:
                rows.append({"name": parts[0], "phone": " ".join(parts[1:])})
        return rows

    def parsed_reviews(self) -> list[dict]:
        scope: dict[str, list[str]] = {}
        for value in self.cleaned_data["reviews"]:
            series, level = value.split(":", 1)
            scope.setdefault(series, []).append(level)
        return [{"series": series, "levels": levels} for series, levels in scope.items()]

    @staticmethod
    def initial_for(committee: Committee) -> dict:
        return {
            "name": committee.name,
            "name_en": committee.name_en,
            "name_ug": committee.name_ug,
            "address": committee.address,
            "contacts": "\n".join(f"{c['name']} {c['phone']}" for c in committee.contacts),
            "reviews": [
                f"{r['series']}:{level}" for r in committee.reviews for level in r["levels"]
            ],
        }


class OfferingForm(ServiceErrorsMixin, forms.Form):
    committee = forms.ModelChoiceField(label=_("评审委员会"), queryset=Committee.objects.none())
    qualification = forms.ModelChoiceField(label=_("资格"), queryset=Qualification.objects.none())
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100)
    opens_at = forms.DateTimeField(
        label=_("开始提交时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label=_("截止提交时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    max_submissions = forms.IntegerField(
        label=_("提交次数上限"), min_value=1, max_value=10, initial=3
    )
    fee = forms.DecimalField(
        label=_("评审费（元）"), min_value=0, max_digits=8, decimal_places=2, initial=0
    )
    payment_required = forms.BooleanField(label=_("需在线缴费"), required=False)
    payment_opens_at = forms.DateTimeField(
        label=_("缴费开始时间"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    payment_closes_at = forms.DateTimeField(
        label=_("缴费截止时间"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    paper_instructions = forms.CharField(
        label=_("纸质材料报送要求"),
        help_text=_("报送哪些材料、装订要求等。"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    paper_deadline = forms.DateField(
        label=_("纸质材料报送截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    paper_address = forms.CharField(label=_("纸质材料报送地址"), required=False, max_length=200)
    with_recommending_unit = forms.BooleanField(
        label=_("经推荐单位审核"), required=False, initial=True
    )
    authority_1 = forms.ModelChoiceField(
        label=_("其后经指定单位审核（可选）"), required=False, queryset=Authority.objects.none()
    )
    authority_2 = forms.ModelChoiceField(
        label=_("再经指定单位审核（可选）"), required=False, queryset=Authority.objects.none()
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(is_active=True)
        self.fields["qualification"].queryset = Qualification.objects.filter(
            is_active=True
        ).select_related("specialty__series")
        self.fields["qualification"].label_from_instance = lambda q: (
            f"{q.specialty.series.local_name}/{q.specialty.local_name}/{q.local_name}"
            f"（{Level(q.level).label}）"
        )
        authorities = Authority.objects.filter(
            region__schema_name=current_region_code(), is_active=True
        )
        self.fields["authority_1"].queryset = authorities
        self.fields["authority_2"].queryset = authorities

    def flow_nodes(self) -> list[dict]:
        nodes: list[dict] = [{"kind": "base_unit"}]
        if self.cleaned_data.get("with_recommending_unit"):
            nodes.append({"kind": "recommending_unit"})
        for field in ("authority_1", "authority_2"):
            if self.cleaned_data.get(field):
                nodes.append({"kind": "authority", "authority_id": self.cleaned_data[field].pk})
        nodes.append({"kind": "committee"})
        return nodes


class NoticeForm(ServiceErrorsMixin, forms.Form):
    title = forms.CharField(label=_("标题"), max_length=200)
    body = forms.CharField(label=_("正文"), widget=forms.Textarea(attrs={"rows": 6}))
    pinned = forms.BooleanField(label=_("置顶"), required=False)
    attachment = forms.FileField(
        label=_("添加附件"),
        required=False,
        help_text=_("JPG、PNG 或 PDF，不超过 2MB；保存后可继续添加。"),
    )
