"""Forms of the central office's catalog pages. They collect input; the rules live in
core.catalog.manage."""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.catalog.manage import GRADE_CHOICES
from core.identity.forms import ServiceErrorsMixin, translated_name_field
from core.models import Level


class JSONTextField(forms.CharField):
    """A textarea holding JSON; cleans to the parsed value."""

    widget = forms.Textarea(
        attrs={"rows": 20, "spellcheck": "false", "style": "width:100%;font-family:monospace"}
    )

    def to_python(self, value: object) -> object:
        text = super().to_python(value)
        if not text:
            return text
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise ValidationError(
                _("不是有效的 JSON（第%(line)s行第%(column)s列）：%(message)s"),
                params={"line": error.lineno, "column": error.colno, "message": error.msg},
            ) from error


class QualificationRenameForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("资格名称"), max_length=64)
    name_en = translated_name_field("en", 96)
    name_ug = translated_name_field("ug", 96)


class QualificationCreateForm(ServiceErrorsMixin, forms.Form):
    code = forms.CharField(
        label=_("代码"),
        max_length=128,
        help_text=_(
            "小写字母、数字和连字符，如 school-teacher-chinese-intermediate；发布后不可修改。"
        ),
    )
    level = forms.ChoiceField(label=_("级别"), choices=Level.choices)
    grade = forms.ChoiceField(
        label=_("等次"),
        choices=[("", _("不区分")), *GRADE_CHOICES],
        required=False,
        help_text=_("仅初级可区分员级、助理级。"),
    )
    name = forms.CharField(label=_("资格名称"), max_length=64)
    name_en = translated_name_field("en", 96)
    name_ug = translated_name_field("ug", 96)


class FormPublishForm(ServiceErrorsMixin, forms.Form):
    definition = JSONTextField(
        label=_("表单定义（JSON）"),
        help_text=_(
            "包含 title、sections（每个栏目含 key、title、filled_by、schema）和 rule_fields；"
            "发布后成为新版本，已有版本不会被修改。"
        ),
    )


class ConditionForm(ServiceErrorsMixin, forms.Form):
    text = forms.CharField(
        label=_("条件说明"),
        widget=forms.Textarea(attrs={"rows": 8, "style": "width:100%"}),
        max_length=10000,
    )
    rules = JSONTextField(
        label=_("规则（JSON）"),
        required=False,
        help_text=_("规则列表；可用类型见下方说明。留空表示没有可自动检查的规则。"),
    )

    def clean_rules(self) -> object:
        rules = self.cleaned_data.get("rules")
        return [] if rules in ("", None) else rules
