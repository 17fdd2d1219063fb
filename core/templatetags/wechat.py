"""`{% wechat_login_enabled as wechat %}`: whether the login form offers 微信扫码登录."""

from django import template

from core.identity.wechat.providers import wechat_enabled

register = template.Library()


@register.simple_tag
def wechat_login_enabled() -> bool:
    return wechat_enabled()
