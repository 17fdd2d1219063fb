from django import forms
from django.utils.translation import gettext_lazy as _

from core.identity.forms import ServiceErrorsMixin


class WechatUnbindForm(ServiceErrorsMixin, forms.Form):
    """解除绑定 asks for the account's password: a borrowed phone must not undo a binding."""

    password = forms.CharField(label=_("登录密码"), widget=forms.PasswordInput, strip=False)
