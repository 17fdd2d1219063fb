"""Registration, my unit, unit search, authorities, password change (API.md public host)."""

from django.contrib.auth import update_session_auth_hash
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.blobs import BlobUploadInput, refuse_oversized_body
from core.api.errors import NotFound
from core.api.throttling import LoginRateThrottle
from core.identity.accounts import (
    applicant_register,
    id_scan_upload,
    password_change,
    scan_token_ttl,
    unit_register,
    unit_update_info,
)
from core.models import Authority, Role, Unit, UnitNature


class ApplicantRegisterInput(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]{3,150}$", label=_("用户名"))
    password = serializers.CharField(label=_("密码"), trim_whitespace=False)
    name = serializers.CharField(label=_("姓名"), max_length=64)
    id_card_number = serializers.CharField(label=_("身份证号码"), max_length=32)
    phone = serializers.CharField(label=_("手机号码"), max_length=32)
    email = serializers.EmailField(label=_("电子邮箱"))
    id_card_scan = serializers.RegexField(
        r"^[0-9a-f]{64}$",
        required=False,
        allow_blank=True,
        label=_("身份证扫描件"),
        help_text="SHA-256 of the scan sent to POST /api/v1/auth/register/id-card-scan/; "
        "only together with id_card_scan_token (a hash alone is refused)",
    )
    id_card_scan_token = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=512,
        label=_("身份证扫描件上传凭据"),
        help_text="upload_token of that upload: single-use, expires, bound to that file",
    )


class UnitRegisterInput(serializers.Serializer):
    username = serializers.RegexField(r"^[\w.@+-]{3,150}$", label=_("用户名"))
    password = serializers.CharField(label=_("密码"), trim_whitespace=False)
    name = serializers.CharField(label=_("单位全称"), max_length=128)
    short_name = serializers.CharField(label=_("单位简称"), max_length=64)
    credit_code = serializers.CharField(label=_("统一社会信用代码"), max_length=32)
    region = serializers.CharField(label=_("所属地区"), max_length=63)
    contact_name = serializers.CharField(label=_("联系人"), max_length=64)
    contact_phone = serializers.CharField(label=_("联系电话"), max_length=32)


class RegisteredOutput(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()


class _RegisterApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [LoginRateThrottle]
    throttle_scope = "login"


class ApplicantRegisterApi(_RegisterApi):
    @extend_schema(request=ApplicantRegisterInput, responses={201: RegisteredOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = ApplicantRegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = applicant_register(**data.validated_data, request=request)
        return Response(RegisteredOutput(user).data, status=status.HTTP_201_CREATED)


class IdCardScanOutput(serializers.Serializer):
    sha256 = serializers.CharField(source="blob.sha256", help_text="the file's identity")
    size = serializers.IntegerField(source="blob.size")
    content_type = serializers.CharField(source="blob.content_type")
    upload_token = serializers.CharField(
        help_text="give it to POST /api/v1/auth/register/applicant/ as id_card_scan_token"
    )
    expires_in = serializers.IntegerField(help_text="seconds the token stays valid")


class IdCardScanUploadApi(_RegisterApi):
    """The ID scan of someone registering (no account yet): checked and stored privately, in
    nobody's 附件库, and answered with a single-use token the registration must present."""

    parser_classes = [MultiPartParser, FormParser]
    throttle_scope = "anonymous_upload"

    @extend_schema(
        request={"multipart/form-data": BlobUploadInput},
        responses={
            201: IdCardScanOutput,
            400: OpenApiResponse(description="not a sound JPEG, PNG or PDF"),
            413: OpenApiResponse(description="over the upload limit"),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        region_code = request.tenant.schema_name
        refuse_oversized_body(request, region_code)
        data = BlobUploadInput(data=request.data)
        data.is_valid(raise_exception=True)
        blob, token = id_scan_upload(upload=data.validated_data["file"], region_code=region_code)
        output = IdCardScanOutput(
            {"blob": blob, "upload_token": token, "expires_in": scan_token_ttl()}
        )
        return Response(output.data, status=status.HTTP_201_CREATED)


class UnitRegisterApi(_RegisterApi):
    @extend_schema(request=UnitRegisterInput, responses={201: RegisteredOutput}, auth=[])
    def post(self, request: Request) -> Response:
        data = UnitRegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = unit_register(**data.validated_data, request=request)
        return Response(RegisteredOutput(user).data, status=status.HTTP_201_CREATED)


class AuthorityOutput(serializers.ModelSerializer):
    region = serializers.CharField(source="region.schema_name")
    region_name = serializers.CharField(source="region.name")
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = Authority
        fields = [
            "id",
            "name",
            "kind",
            "kind_display",
            "region",
            "region_name",
            "contact_name",
            "contact_phone",
        ]


class AuthorityListApi(ListAPIView):
    """Authorities a unit may choose as recommending units; `?region=` narrows to one region."""

    serializer_class = AuthorityOutput
    pagination_class = None

    @extend_schema(parameters=[OpenApiParameter("region", str, required=False)])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Authority.objects.filter(is_active=True).select_related("region")
        region = self.request.query_params.get("region")
        if region:
            queryset = queryset.filter(region__schema_name=region)
        return queryset


class UnitOutput(serializers.ModelSerializer):
    region = serializers.CharField(source="region.schema_name")

    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "credit_code", "region"]


class UnitSearchApi(ListAPIView):
    """Base units to pick from when applying (searchable by name, short name or credit code)."""

    serializer_class = UnitOutput

    @extend_schema(parameters=[OpenApiParameter("search", str, required=False)])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = Unit.objects.select_related("region").order_by("name")
        term = self.request.query_params.get("search", "").strip()
        if term:
            queryset = (
                queryset.filter(name__icontains=term)
                | queryset.filter(short_name__icontains=term)
                | queryset.filter(credit_code=term.upper())
            )
        return queryset[:50]


class MyUnitOutput(serializers.ModelSerializer):
    region = serializers.CharField(source="region.schema_name")
    recommending_units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    is_complete = serializers.BooleanField(read_only=True)
    missing_fields = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Unit
        fields = [
            "id",
            "name",
            "short_name",
            "credit_code",
            "region",
            "address",
            "nature",
            "legal_representative",
            "contact_name",
            "contact_phone",
            "recommending_units",
            "is_complete",
            "missing_fields",
        ]


class MyUnitInput(serializers.Serializer):
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    nature = serializers.ChoiceField(choices=UnitNature.choices, required=False, allow_blank=True)
    legal_representative = serializers.CharField(max_length=64, required=False, allow_blank=True)
    contact_name = serializers.CharField(max_length=64, required=False)
    contact_phone = serializers.CharField(max_length=32, required=False)
    recommending_units = serializers.ListField(
        child=serializers.IntegerField(), required=False, max_length=10
    )


class MyUnitApi(APIView):
    """The unit admin's own unit: 完善单位信息 and 推荐单位."""

    def _unit(self, request: Request) -> Unit:
        user = request.user
        if user.role != Role.UNIT_ADMIN or user.unit_id is None:
            raise NotFound
        return (
            Unit.objects.select_related("region")
            .prefetch_related(Prefetch("recommending_units", queryset=Authority.objects.only("id")))
            .get(pk=user.unit_id)
        )

    @extend_schema(responses={200: MyUnitOutput})
    def get(self, request: Request) -> Response:
        return Response(MyUnitOutput(self._unit(request)).data)

    @extend_schema(request=MyUnitInput, responses={200: MyUnitOutput})
    def patch(self, request: Request) -> Response:
        unit = self._unit(request)
        data = MyUnitInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        unit_update_info(unit=unit, **data.validated_data)
        return Response(MyUnitOutput(self._unit(request)).data)


class PasswordChangeInput(serializers.Serializer):
    old_password = serializers.CharField(trim_whitespace=False)
    new_password = serializers.CharField(trim_whitespace=False)


class PasswordChangeApi(APIView):
    """A new password. Every API token of the user ends, the caller's too (log in again for a
    new one); a browser session that made the change stays logged in, every other one ends.
    Wrong old passwords are throttled and locked out like logins (429)."""

    throttle_classes = [LoginRateThrottle]
    throttle_scope = "login"

    @extend_schema(request=PasswordChangeInput, responses={204: None})
    def post(self, request: Request) -> Response:
        data = PasswordChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        password_change(user=request.user, request=request, **data.validated_data)
        if request.auth is None:  # a session, not a token
            update_session_auth_hash(request._request, request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
