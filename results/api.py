"""The public API of the results: a region's current 公示 and objections to it (no login), and
the verification of a certificate on the public site (no login)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.throttling import LoginRateThrottle
from core.certificates.register import verify
from core.identity.network import client_ip
from core.models import CertificateStatus, Level
from results.publicity import current_publicities, objection_file, public_rows

LIST_SIZE = 20


class PublicityPersonOutput(serializers.Serializer):
    entry = serializers.IntegerField(help_text="name it as `entry` in an objection")
    name = serializers.CharField()
    unit = serializers.CharField()
    qualification = serializers.CharField()
    level = serializers.CharField()


class PublicityOutput(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    committee = serializers.CharField()
    committee_label = serializers.CharField(help_text="committee in the reader's language")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    people = PublicityPersonOutput(many=True)


class PublicityListApi(APIView):
    """公示: what the region publishes now; name, unit, qualification and level only."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(responses=PublicityOutput(many=True), auth=[])
    def get(self, request: Request) -> Response:
        publicities = list(current_publicities()[:LIST_SIZE])
        rows = public_rows(publicities)
        return Response(
            [
                {
                    "id": p.pk,
                    "title": p.title,
                    "committee": p.committee.name,
                    "committee_label": p.committee.local_name,
                    "starts_on": p.starts_on,
                    "ends_on": p.ends_on,
                    "people": rows[p.pk],
                }
                for p in publicities
            ]
        )


class ObjectionInput(serializers.Serializer):
    name = serializers.CharField(label=_("姓名"), max_length=64)
    contact = serializers.CharField(label=_("联系方式"), max_length=64)
    reason = serializers.CharField(label=_("异议内容"), max_length=2000)
    entry = serializers.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class ObjectionApi(APIView):
    """异议: anyone may object, without an account, while the publicity is current."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [LoginRateThrottle]
    throttle_scope = "anonymous_upload"

    @extend_schema(request=ObjectionInput, responses={201: None}, auth=[])
    def post(self, request: Request, pk: int) -> Response:
        data = ObjectionInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            objection = objection_file(pk, data.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return Response({"id": objection.pk}, status=status.HTTP_201_CREATED)


class VerifyOutput(serializers.Serializer):
    valid = serializers.BooleanField()
    status = serializers.ChoiceField(choices=CertificateStatus.choices)
    qualification = serializers.CharField()
    level = serializers.CharField()
    issued_on = serializers.DateField()
    approval_number = serializers.CharField()
    revoked_at = serializers.DateTimeField(allow_null=True)


class CertificateVerifyApi(APIView):
    """证书核验: number and name → the certificate's state; unknown (or a wrong name) → 404.
    Every attempt is logged."""

    permission_classes = [AllowAny]
    authentication_classes: list = []
    throttle_classes = [LoginRateThrottle]
    throttle_scope = "verify"

    @extend_schema(
        parameters=[
            OpenApiParameter("number", str, required=True),
            OpenApiParameter("name", str, required=True),
        ],
        responses=VerifyOutput,
        auth=[],
    )
    def get(self, request: Request) -> Response:
        number = str(request.query_params.get("number", ""))
        name = str(request.query_params.get("name", ""))
        entry = verify(number, name, client_ip(request)) if number and name else None
        if entry is None:
            raise Http404
        return Response(
            {
                "valid": entry.status == CertificateStatus.VALID,
                "status": entry.status,
                "qualification": str(entry.qualification),
                "level": entry.qualification.level,
                "level_label": str(Level(entry.qualification.level).label),
                "issued_on": entry.issued_on,
                "approval_number": entry.approval_number,
                "revoked_at": entry.revoked_at,
            }
        )
