"""Account recovery and appeals (API.md public host): thin views over core.identity.recovery.

The anonymous endpoints answer the same neutral body whether or not an account matched, and
are throttled like the login (scope "login").
"""

from django.http import Http404, HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import Throttled
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.blobs import FILE_RESPONSES, MULTIPART_ALLOWANCE, AnyAcceptNegotiation
from core.api.throttling import LoginRateThrottle
from core.errors import TooLargeError
from core.files.blobs import blob_response, too_large_message, upload_limit_for
from core.identity.recovery import (
    APPEAL_RECEIVED,
    EMAIL_SENT,
    PASSWORD_RESET_DONE,
    SMS_SENT,
    USERNAME_SENT,
    Channel,
    SmsRateLimitedError,
    appeal_decide,
    appeal_get,
    appeal_scan_open,
    appeal_submit,
    appeals_for,
    is_region_admin,
    password_reset_complete,
    password_reset_request,
    sms_code_request,
    sms_password_reset,
    username_recover,
)
from core.models import AccountAppeal, AppealKind, ChangeStatus


class DetailOutput(serializers.Serializer):
    detail = serializers.CharField()


def _detail(message: object, code: int = status.HTTP_200_OK) -> Response:
    return Response({"detail": str(message)}, status=code)


class _AnonymousApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [LoginRateThrottle]
    throttle_scope = "login"


# --- 1. e-mail link ---------------------------------------------------------------------------


class PasswordResetInput(serializers.Serializer):
    username_or_email = serializers.CharField(label=_("用户名或电子邮箱"), max_length=254)


class PasswordResetApi(_AnonymousApi):
    """Send a reset link to the account's e-mail; the same answer for unknown accounts."""

    @extend_schema(request=PasswordResetInput, responses={200: DetailOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = PasswordResetInput(data=request.data)
        data.is_valid(raise_exception=True)
        password_reset_request(**data.validated_data, request=request)
        return _detail(EMAIL_SENT)


class PasswordResetConfirmInput(serializers.Serializer):
    uid = serializers.CharField(max_length=32)
    token = serializers.CharField(max_length=64)
    new_password = serializers.CharField(label=_("新密码"), trim_whitespace=False)


class PasswordResetConfirmApi(_AnonymousApi):
    """Set a new password with the `uid` and `token` of an e-mailed link (once)."""

    @extend_schema(request=PasswordResetConfirmInput, responses={200: DetailOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = PasswordResetConfirmInput(data=request.data)
        data.is_valid(raise_exception=True)
        password_reset_complete(
            uidb64=data.validated_data["uid"],
            token=data.validated_data["token"],
            new_password=data.validated_data["new_password"],
            request=request,
        )
        return _detail(PASSWORD_RESET_DONE)


# --- 2. SMS code ------------------------------------------------------------------------------


class SmsCodeInput(serializers.Serializer):
    phone = serializers.CharField(label=_("手机号码"), max_length=32)
    username = serializers.CharField(
        label=_("用户名"), max_length=150, required=False, allow_blank=True, default=""
    )


class SmsCodeApi(_AnonymousApi):
    """Text a 6-digit code to the number (one a minute per number); the same answer always."""

    @extend_schema(
        request=SmsCodeInput,
        responses={200: DetailOutput, 429: OpenApiResponse(description="too soon")},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        data = SmsCodeInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            sms_code_request(**data.validated_data, request=request)
        except SmsRateLimitedError as error:
            raise Throttled(wait=error.wait, detail=error.message) from error
        return _detail(SMS_SENT)


class SmsResetInput(serializers.Serializer):
    phone = serializers.CharField(label=_("手机号码"), max_length=32)
    code = serializers.RegexField(r"^\s*\d{6}\s*$", label=_("短信验证码"))
    new_password = serializers.CharField(label=_("新密码"), trim_whitespace=False)


class SmsResetApi(_AnonymousApi):
    """Set a new password with the texted code: once, within 10 minutes, 5 tries."""

    @extend_schema(request=SmsResetInput, responses={200: DetailOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = SmsResetInput(data=request.data)
        data.is_valid(raise_exception=True)
        sms_password_reset(**data.validated_data, request=request)
        return _detail(PASSWORD_RESET_DONE)


# --- 3. username ------------------------------------------------------------------------------


class UsernameRecoveryInput(serializers.Serializer):
    id_card_number = serializers.CharField(label=_("身份证号码"), max_length=32)
    name = serializers.CharField(label=_("真实姓名"), max_length=64)
    channel = serializers.ChoiceField(label=_("接收方式"), choices=Channel.choices)


class UsernameRecoveryApi(_AnonymousApi):
    """Send the username to the bound e-mail or phone; never in the answer."""

    @extend_schema(request=UsernameRecoveryInput, responses={200: DetailOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = UsernameRecoveryInput(data=request.data)
        data.is_valid(raise_exception=True)
        username_recover(**data.validated_data, request=request)
        return _detail(USERNAME_SENT)


# --- 4. appeals -------------------------------------------------------------------------------


class AppealCreateInput(serializers.Serializer):
    kind = serializers.ChoiceField(label=_("申诉类型"), choices=AppealKind.choices)
    name = serializers.CharField(label=_("姓名或单位名称"), max_length=128)
    id_card_number = serializers.CharField(max_length=32, required=False, allow_blank=True)
    credit_code = serializers.CharField(max_length=32, required=False, allow_blank=True)
    contact_name = serializers.CharField(max_length=64, required=False, allow_blank=True)
    region = serializers.CharField(label=_("地区"), max_length=63)
    email = serializers.EmailField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    scan = serializers.FileField(label=_("证件扫描件"))


class AppealCreateApi(_AnonymousApi):
    """账号申诉: a person with an ID scan, a unit with its business licence (multipart)."""

    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": AppealCreateInput},
        responses={201: DetailOutput, 413: OpenApiResponse(description="scan too large")},
        auth=[],
    )
    def post(self, request: Request) -> Response:
        limit = upload_limit_for(request.tenant.schema_name)
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > limit + MULTIPART_ALLOWANCE:
            raise TooLargeError(too_large_message(limit, declared))
        data = AppealCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        appeal_submit(**data.validated_data, request=request)
        return _detail(APPEAL_RECEIVED, status.HTTP_201_CREATED)


class AppealOutput(serializers.ModelSerializer):
    region = serializers.CharField(source="region.schema_name")
    decided_by = serializers.CharField(source="decided_by.username", default=None, allow_null=True)
    account = serializers.CharField(source="account.username", default=None, allow_null=True)
    scan_url = serializers.SerializerMethodField()

    class Meta:
        model = AccountAppeal
        fields = [
            "id",
            "kind",
            "name",
            "id_card_number",
            "credit_code",
            "contact_name",
            "email",
            "phone",
            "region",
            "status",
            "reason",
            "account",
            "decided_by",
            "decided_at",
            "created_at",
            "scan_url",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_scan_url(self, appeal: AccountAppeal) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api-appeal-scan", kwargs={"pk": appeal.pk})
        )


class AppealRowOutput(AppealOutput):
    """An appeal in a list: the ID number masked (full on the appeal itself, where the admin
    compares it with the scan)."""

    id_card_number = serializers.CharField(source="id_card_masked")


class AppealPageOutput(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = AppealRowOutput(many=True)


class AppealPagination(PageNumberPagination):
    page_size = 50


class _RegionAdminApi(APIView):
    def initial(self, request: Request, *args: object, **kwargs: object) -> None:
        super().initial(request, *args, **kwargs)
        if not is_region_admin(request.user):
            raise Http404  # the pages' dull 404 (core.access), never "it exists, not yours"


class AppealListApi(_RegionAdminApi):
    """The appeals of my region (region admin), pending ones unless `?status=` says otherwise."""

    @extend_schema(responses={200: AppealPageOutput})
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status", ChangeStatus.PENDING)
        appeals = appeals_for(admin=request.user)
        if wanted in ChangeStatus.values:
            appeals = appeals.filter(status=wanted)
        paginator = AppealPagination()
        page = paginator.paginate_queryset(appeals, request, view=self)
        data = AppealRowOutput(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)


class AppealDetailApi(_RegionAdminApi):
    @extend_schema(responses={200: AppealOutput})
    def get(self, request: Request, pk: int) -> Response:
        appeal = appeal_get(user=request.user, appeal_id=pk)
        return Response(AppealOutput(appeal, context={"request": request}).data)


class AppealScanApi(_RegionAdminApi):
    """The ID scan or licence of an appeal, for its region's admin only."""

    content_negotiation_class = AnyAcceptNegotiation

    @extend_schema(responses=FILE_RESPONSES)
    def get(self, request: Request, pk: int) -> HttpResponseBase:
        appeal = appeal_get(user=request.user, appeal_id=pk)
        blob, name = appeal_scan_open(user=request.user, appeal=appeal)
        return blob_response(request, blob, filename=name)


class AppealDecisionInput(serializers.Serializer):
    approve = serializers.BooleanField()
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class AppealDecisionApi(_RegionAdminApi):
    """Approve (contact updated, reset sent) or reject with a reason; 409 if already decided
    or no account matches."""

    @extend_schema(request=AppealDecisionInput, responses={200: AppealOutput})
    def post(self, request: Request, pk: int) -> Response:
        appeal = appeal_get(user=request.user, appeal_id=pk)
        data = AppealDecisionInput(data=request.data)
        data.is_valid(raise_exception=True)
        appeal = appeal_decide(
            appeal=appeal, admin=request.user, request=request, **data.validated_data
        )
        appeal = appeal_get(user=request.user, appeal_id=appeal.pk)
        return Response(AppealOutput(appeal, context={"request": request}).data)
