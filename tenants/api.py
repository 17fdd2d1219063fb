from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .links import region_url
from .routing import REGION_MAP


class RegionOutput(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    full_name = serializers.CharField()
    label = serializers.CharField(help_text="name in the reader's language (Accept-Language)")
    full_label = serializers.CharField(help_text="full_name in the reader's language")
    is_south_four = serializers.BooleanField()
    url = serializers.URLField()


class RegionListApi(APIView):
    """The 15 regions, 自治区 first, each with the address of its site."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: RegionOutput(many=True)}, auth=[])
    def get(self, request: Request) -> Response:
        rows = [
            {
                "code": r.schema_name,
                "name": r.name,
                "full_name": r.full_name,
                "label": r.local_name,
                "full_label": r.local_full_name,
                "is_south_four": r.is_south_four,
                "url": region_url(request, r.schema_name),
            }
            for r in REGION_MAP.regions()
        ]
        return Response(RegionOutput(rows, many=True).data)
