"""The account's WeChat through the API: whether one is bound, and unbinding it (with the
password). Binding itself needs a browser (WeChat's QR page) and happens on 个人资料."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.throttling import LoginRateThrottle
from core.identity.wechat.services import wechat_unbind
from core.models import WechatBinding


class WechatOutput(serializers.Serializer):
    bound = serializers.BooleanField()
    nickname = serializers.CharField(allow_blank=True)
    bound_at = serializers.DateTimeField(allow_null=True)


class WechatUnbindInput(serializers.Serializer):
    password = serializers.CharField(label=_("登录密码"), trim_whitespace=False, max_length=4096)


class MyWechatApi(APIView):
    """GET: my WeChat binding. DELETE: unbind it, with the password; wrong passwords are
    throttled and locked out like logins (429)."""

    throttle_scope = "login"

    def get_throttles(self) -> list:
        return [LoginRateThrottle()] if self.request.method == "DELETE" else []

    @extend_schema(responses={200: WechatOutput})
    def get(self, request: Request) -> Response:
        binding = WechatBinding.objects.filter(user=request.user).first()
        return Response(
            WechatOutput(
                {
                    "bound": binding is not None,
                    "nickname": binding.nickname if binding else "",
                    "bound_at": binding.bound_at if binding else None,
                }
            ).data
        )

    @extend_schema(request=WechatUnbindInput, responses={204: None})
    def delete(self, request: Request) -> Response:
        data = WechatUnbindInput(data=request.data)
        data.is_valid(raise_exception=True)
        wechat_unbind(user=request.user, request=request._request, **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
