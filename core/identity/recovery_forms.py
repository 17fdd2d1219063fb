"""Forms of the recovery and appeal pages. They collect input; the rules live in
core.identity.recovery."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.files.blobs import SCAN_HINT
from core.identity.forms import ServiceErrorsMixin
from core.identity.recovery import Channel
from core.models import AppealKind
from tenants.routing import REGION_MAP

PASSWORD_HELP = _("至少8位，须包含大写字母、小写字母、数字、符号中的至少三类。")
SCAN_ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"


class NewPasswordMixin:
    """A new password typed twice."""

    def clean(self) -> dict:
        cleaned = super().clean()
        password = cleaned.get("new_password")
        if password and password != cleaned.get("new_password_again"):
            self.add_error("new_password_again", _("两次输入的密码不一致。"))
        return cleaned


def _new_password_fields() -> tuple[forms.CharField, forms.CharField]:
    return (
        forms.CharField(
            label=_("新密码"), widget=forms.PasswordInput, strip=False, help_text=PASSWORD_HELP
        ),
        forms.CharField(label=_("确认新密码"), widget=forms.PasswordInput, strip=False),
    )


class EmailResetRequestForm(ServiceErrorsMixin, forms.Form):
    username_or_email = forms.CharField(label=_("用户名或电子邮箱"), max_length=254)


class SetPasswordForm(NewPasswordMixin, ServiceErrorsMixin, forms.Form):
    new_password, new_password_again = _new_password_fields()


class SmsCodeRequestForm(ServiceErrorsMixin, forms.Form):
    phone = forms.CharField(label=_("手机号码"), max_length=32)
    username = forms.CharField(
        label=_("用户名"),
        max_length=150,
        required=False,
        help_text=_("选填；一个手机号绑定了多个账号时请填写。"),
    )


class SmsResetForm(NewPasswordMixin, ServiceErrorsMixin, forms.Form):
    phone = forms.CharField(label=_("手机号码"), max_length=32)
    code = forms.RegexField(
        label=_("短信验证码"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("验证码为6位数字。")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    new_password, new_password_again = _new_password_fields()


class UsernameRecoveryForm(ServiceErrorsMixin, forms.Form):
    id_card_number = forms.CharField(label=_("身份证号码"), max_length=32)
    name = forms.CharField(label=_("真实姓名"), max_length=64)
    channel = forms.ChoiceField(
        label=_("接收方式"),
        choices=Channel.choices,
        initial=Channel.EMAIL,
        widget=forms.RadioSelect,
    )


def _region_choices() -> list[tuple[str, str]]:
    return [(region.schema_name, region.local_name) for region in REGION_MAP.regions()]


class _AppealForm(ServiceErrorsMixin, forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "—"), *_region_choices()]

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.has_error("email"):
            self.add_error("email", _("请至少填写电子邮箱或手机号码中的一项，用于接收审核结果。"))
        return cleaned


class PersonAppealForm(_AppealForm):
    kind = AppealKind.PERSON

    name = forms.CharField(label=_("真实姓名"), max_length=64)
    id_card_number = forms.CharField(label=_("身份证号码"), max_length=32)
    region = forms.ChoiceField(
        label=_("审核地区"), help_text=_("请选择您所在单位所属的地区，由该地区管理员审核。")
    )
    email = forms.EmailField(label=_("新电子邮箱"), required=False)
    phone = forms.CharField(label=_("新手机号码"), max_length=32, required=False)
    scan = forms.FileField(
        label=_("身份证扫描件"),
        help_text=SCAN_HINT,
        widget=forms.ClearableFileInput(attrs={"accept": SCAN_ACCEPT}),
    )


class UnitAppealForm(_AppealForm):
    kind = AppealKind.UNIT

    name = forms.CharField(label=_("单位全称"), max_length=128)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=32)
    region = forms.ChoiceField(label=_("单位所属地区"))
    contact_name = forms.CharField(label=_("联系人"), max_length=64)
    email = forms.EmailField(label=_("新电子邮箱"), required=False)
    phone = forms.CharField(label=_("新手机号码"), max_length=32, required=False)
    scan = forms.FileField(
        label=_("营业执照或法人证书扫描件"),
        help_text=SCAN_HINT,
        widget=forms.ClearableFileInput(attrs={"accept": SCAN_ACCEPT}),
    )


class AppealDecisionForm(ServiceErrorsMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("审核结果"),
        choices=[("approve", _("通过")), ("reject", _("驳回"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("驳回原因"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("驳回时必填，将发送给申诉人。"),
    )
