from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.models import User
from tenants.directory import AUTONOMOUS_REGION_CODE
from tenants.links import region_choices


class LoginForm(forms.Form):
    """Username, password and the region to work in (manual Part 1 §2)."""

    region = forms.ChoiceField(label=_("评审地区"))
    username = forms.CharField(label=_("用户名"), max_length=150)
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput, strip=False)

    error_messages = {
        "invalid_login": _("用户名或密码不正确。"),
        "inactive": _("该账号已停用。"),
        "locked_out": _("登录失败次数过多，账号已暂时锁定，请稍后再试或找回密码。"),
    }

    def __init__(self, request: HttpRequest, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["region"].choices = [(c.code, c.name) for c in region_choices(request)]
        current = getattr(request, "tenant", None)
        codes = {code for code, _name in self.fields["region"].choices}
        self.fields["region"].initial = (
            current.schema_name
            if current is not None and current.schema_name in codes
            else AUTONOMOUS_REGION_CODE
        )
        self.user: User | None = None

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        username, password = cleaned.get("username"), cleaned.get("password")
        if username and password:
            user = authenticate(self.request, username=username, password=password)
            if getattr(self.request, "axes_locked_out", False):
                raise forms.ValidationError(self.error_messages["locked_out"], code="locked_out")
            if user is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_login"], code="invalid_login"
                )
            if not user.is_active:
                raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
            self.user = user
        return cleaned
