from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.access import regions_of
from core.application_index import with_positions
from core.audit import access_entries, access_log
from core.models import ApplicationIndex
from tenants.links import region_url
from tenants.routing import REGION_MAP


class MeOutput(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()
    role_display = serializers.CharField()
    email = serializers.EmailField(allow_blank=True)
    regions = serializers.ListField(
        child=serializers.CharField(), help_text="codes of the regions the user may act in"
    )
    minutes_used = serializers.FloatField()


class MeApi(APIView):
    @extend_schema(responses={200: MeOutput})
    def get(self, request: Request) -> Response:
        user = request.user
        codes = regions_of(user)
        if codes is None:
            codes = [region.schema_name for region in REGION_MAP.regions()]
        return Response(
            MeOutput(
                {
                    "username": user.username,
                    "name": user.name,
                    "role": user.role,
                    "role_display": user.get_role_display(),
                    "email": user.email,
                    "regions": codes,
                    "minutes_used": round(user.minutes_used, 1),
                }
            ).data
        )


class MyApplicationOutput(serializers.Serializer):
    number = serializers.CharField()
    region = serializers.CharField(source="region.schema_name")
    region_name = serializers.CharField(source="region.name")
    region_label = serializers.CharField(
        source="region.local_name", help_text="region in the reader's language"
    )
    year = serializers.IntegerField()
    label = serializers.CharField()
    qualification = serializers.CharField(source="qualification.code")
    unit = serializers.CharField(source="unit.name")
    committee = serializers.CharField(source="committee_name")
    committee_label = serializers.CharField(help_text="committee in the reader's language")
    status = serializers.CharField()
    status_display = serializers.CharField(source="status_label")
    current_node = serializers.CharField(source="position")
    node_kind = serializers.CharField()
    closes_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, row: ApplicationIndex) -> str:
        return region_url(
            self.context.get("request"), row.region.schema_name, f"/applications/{row.number}/"
        )


class MyApplicationsApi(APIView):
    """Every application of mine in every region, read from the public index."""

    @extend_schema(responses={200: MyApplicationOutput(many=True)})
    def get(self, request: Request) -> Response:
        rows = (
            ApplicationIndex.objects.filter(applicant=request.user)
            .select_related("region", "qualification__specialty__series", "unit")
            .order_by("-year", "-updated_at")
        )
        return Response(
            MyApplicationOutput(with_positions(rows), many=True, context={"request": request}).data
        )


class AccessLogQuery(serializers.Serializer):
    limit = serializers.IntegerField(min_value=1, max_value=500, default=100)


class AccessLogOutput(serializers.Serializer):
    at = serializers.DateTimeField()
    who = serializers.CharField()
    organization = serializers.CharField()
    organization_kind = serializers.CharField()
    what = serializers.CharField()
    kind = serializers.CharField()
    number = serializers.CharField()
    region = serializers.CharField()


class AccessLogApi(APIView):
    """查询记录: who opened my applications, their ID scan or printed forms, or exported them
    (newest first, at most `limit`)."""

    @extend_schema(parameters=[AccessLogQuery], responses={200: AccessLogOutput(many=True)})
    def get(self, request: Request) -> Response:
        query = AccessLogQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        events = access_log(request.user)[: query.validated_data["limit"]]
        return Response(AccessLogOutput(access_entries(events), many=True).data)
