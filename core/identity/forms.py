"""Forms of the account pages. They collect input; the rules live in core.identity.accounts."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.files.blobs import ID_SCAN_HINT
from core.models import Authority, UnitNature
from tenants.routing import REGION_MAP


class ServiceErrorsMixin:
    """Show a service's `ValidationError({field: [...]})` at the fields of this form."""

    def add_service_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


TRANSLATED_NAME = {
    "en": (_("英文名称"), _("可不填：英文读者看到中文名称。")),
    "ug": (_("维吾尔文名称"), _("可不填：维吾尔文读者看到中文名称。")),
}


def translated_name_field(language: str, max_length: int) -> forms.CharField:
    """The optional English or Uyghur name beside a Chinese one (catalog rows, committees)."""
    label, hint = TRANSLATED_NAME[language]
    return forms.CharField(label=label, max_length=max_length, required=False, help_text=hint)


class NewAccountForm(ServiceErrorsMixin, forms.Form):
    """Username and a password typed twice: the start of every registration form."""

    username = forms.RegexField(
        label=_("用户名"), regex=r"^[\w.@+-]{3,150}$", help_text=_("3–150 位字母、数字或 . @ + - _")
    )
    password = forms.CharField(
        label=_("密码"),
        widget=forms.PasswordInput,
        strip=False,
        help_text=_("至少8位，须包含大写字母、小写字母、数字、符号中的至少三类。"),
    )
    password_again = forms.CharField(label=_("确认密码"), widget=forms.PasswordInput, strip=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("password") and cleaned.get("password") != cleaned.get("password_again"):
            self.add_error("password_again", _("两次输入的密码不一致。"))
        return cleaned


class ApplicantRegisterForm(NewAccountForm):
    name = forms.CharField(label=_("姓名"), max_length=64)
    id_card_number = forms.CharField(label=_("身份证号码"), max_length=32)
    phone = forms.CharField(label=_("手机号码"), max_length=32)
    email = forms.EmailField(label=_("电子邮箱"))
    id_card_scan = forms.FileField(label=_("身份证扫描件"), help_text=ID_SCAN_HINT)


class UnitRegisterForm(NewAccountForm):
    name = forms.CharField(label=_("单位全称"), max_length=128)
    short_name = forms.CharField(label=_("单位简称"), max_length=64)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=32)
    region = forms.ChoiceField(label=_("单位所属地区"))
    contact_name = forms.CharField(label=_("联系人"), max_length=64)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=32)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [(r.schema_name, r.name) for r in REGION_MAP.regions()]


class UnitInfoForm(ServiceErrorsMixin, forms.Form):
    address = forms.CharField(label=_("单位地址"), max_length=200)
    nature = forms.ChoiceField(label=_("单位性质"), choices=[("", "—"), *UnitNature.choices])
    legal_representative = forms.CharField(label=_("法定代表人"), max_length=64)
    contact_name = forms.CharField(label=_("联系人"), max_length=64)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=32)
    recommending_units = forms.ModelMultipleChoiceField(
        label=_("推荐单位（最多两个）"),
        required=False,
        queryset=Authority.objects.filter(is_active=True).select_related("region"),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recommending_units"].label_from_instance = lambda a: (
            f"[{a.region.local_name}] {a.name}"
        )


class ProfileForm(ServiceErrorsMixin, forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=64)
    email = forms.EmailField(label=_("电子邮箱"))
    phone = forms.CharField(label=_("手机号码"), max_length=32, required=False)


class PasswordChangeForm(ServiceErrorsMixin, forms.Form):
    old_password = forms.CharField(label=_("原密码"), widget=forms.PasswordInput, strip=False)
    new_password = forms.CharField(label=_("新密码"), widget=forms.PasswordInput, strip=False)


class UnitChangeForm(ServiceErrorsMixin, forms.Form):
    new_name = forms.CharField(label=_("新单位全称"), max_length=128, required=False)
    new_short_name = forms.CharField(label=_("新单位简称"), max_length=64, required=False)
    new_credit_code = forms.CharField(label=_("新统一社会信用代码"), max_length=32, required=False)
    reason = forms.CharField(
        label=_("变更原因"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
