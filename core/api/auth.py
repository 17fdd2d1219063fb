"""Token authentication: a token issued on any host works on every host, until it has been
idle too long or its user logs out everywhere or changes the password (core.api.tokens)."""

from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.throttling import LoginRateThrottle
from core.api.tokens import token_issue
from core.audit import audit_record
from core.identity.lockout import LOCKED_OUT_MESSAGE
from core.models import AuditKind


class TokenInput(serializers.Serializer):
    username = serializers.CharField(label=_("用户名"))
    password = serializers.CharField(
        label=_("密码"), style={"input_type": "password"}, trim_whitespace=False
    )

    def validate(self, attrs: dict) -> dict:
        # django-axes tracks attempts on Django's own request object, not DRF's wrapper.
        request = getattr(self.context["request"], "_request", self.context["request"])
        user = authenticate(request, username=attrs["username"], password=attrs["password"])
        if getattr(request, "axes_locked_out", False):
            raise Throttled(detail=LOCKED_OUT_MESSAGE)
        if user is None or not user.is_active:
            raise serializers.ValidationError(
                {"non_field_errors": [_("用户名或密码不正确。")]}, code="authorization"
            )
        attrs["user"] = user
        return attrs


class TokenOutput(serializers.Serializer):
    token = serializers.CharField()


class TokenApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [LoginRateThrottle]
    throttle_scope = "login"

    @extend_schema(request=TokenInput, responses={200: TokenOutput}, auth=[])
    def post(self, request: Request) -> Response:
        serializer = TokenInput(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        key = token_issue(user=user)
        audit_record(AuditKind.LOGIN, request=request, actor=user, via="token")
        return Response(TokenOutput({"token": key}).data)
