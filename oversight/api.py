"""`GET /api/v1/central/stats/`: the central office's counts, grouped as asked (API.md)."""

from django.db.models import Count
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.models import Role
from oversight.filters import Scope

# Group names of the API and the index columns they read.
GROUPS = {
    "region": "region__schema_name",
    "status": "status",
    "series": "series__code",
    "level": "level",
    "year": "year",
    "node_kind": "node_kind",
}


class StatsQuery(serializers.Serializer):
    group_by = serializers.CharField(required=False, default="region,status", max_length=100)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)

    def validate_group_by(self, value: str) -> list[str]:
        names = [name.strip() for name in value.split(",") if name.strip()]
        unknown = sorted(set(names) - set(GROUPS))
        if unknown or not names:
            raise serializers.ValidationError(
                _("未知的分组：%(names)s。可选：%(choices)s。")
                % {"names": ", ".join(unknown) or "-", "choices": ", ".join(GROUPS)}
            )
        return list(dict.fromkeys(names))


class CentralStatsApi(APIView):
    """Counts of applications across every region from the public index, grouped by any of
    region, status, series, level, year, node_kind (`group_by=region,status`), for one `year`
    or all; the central office only (anyone else: 404)."""

    access_roles = frozenset({Role.CENTRAL_OFFICE})

    @extend_schema(parameters=[StatsQuery])
    def get(self, request: Request) -> Response:
        query = StatsQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        groups = query.validated_data["group_by"]
        rows = Scope(None).rows().order_by()
        if query.validated_data.get("year"):
            rows = rows.filter(year=query.validated_data["year"])
        counted = rows.values(*(GROUPS[g] for g in groups)).annotate(count=Count("*"))
        results = [
            {**{g: row[GROUPS[g]] for g in groups}, "count": row["count"]}
            for row in counted.order_by(*(GROUPS[g] for g in groups))
        ]
        return Response(
            {
                "group_by": groups,
                "year": query.validated_data.get("year"),
                "total": sum(r["count"] for r in results),
                "results": results,
            }
        )
