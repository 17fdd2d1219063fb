"""Committees and offerings of the region the host names (API.md region host)."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.models import Level
from workflow.selectors import committees_directory, flow_views, offerings_for


class ContactOutput(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()


class ReviewScopeOutput(serializers.Serializer):
    series = serializers.CharField()
    series_name = serializers.CharField()
    series_label = serializers.CharField(help_text="series_name in the reader's language")
    levels = serializers.ListField(child=serializers.CharField())


class CommitteeOutput(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    name_en = serializers.CharField()
    name_ug = serializers.CharField()
    label = serializers.CharField(
        help_text="name in the reader's language (Chinese if untranslated)"
    )
    address = serializers.CharField()
    contacts = ContactOutput(many=True)
    reviews = ReviewScopeOutput(many=True)


class CommitteeListApi(APIView):
    """评审委员会目录: names, addresses and contacts (manual, 其他常见问题 (1))."""

    permission_classes = [AllowAny]

    @extend_schema(responses={200: CommitteeOutput(many=True)}, auth=[])
    def get(self, request: Request) -> Response:
        committees, series = committees_directory()
        rows = [
            {
                "id": c.pk,
                "name": c.name,
                "name_en": c.name_en,
                "name_ug": c.name_ug,
                "label": c.local_name,
                "address": c.address,
                "contacts": c.contacts,
                "reviews": [
                    {
                        "series": r["series"],
                        "series_name": series[r["series"]].name if r["series"] in series else "",
                        "series_label": series[r["series"]].local_name
                        if r["series"] in series
                        else "",
                        "levels": r["levels"],
                    }
                    for r in c.reviews
                ],
            }
            for c in committees
        ]
        return Response(CommitteeOutput(rows, many=True).data)


class FlowNodeOutput(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    contact_name = serializers.CharField()
    contact_phone = serializers.CharField()


class OfferingOutput(serializers.Serializer):
    id = serializers.IntegerField()
    year = serializers.IntegerField()
    qualification = serializers.CharField(help_text="catalog qualification code")
    qualification_name = serializers.CharField()
    qualification_label = serializers.CharField(help_text="in the reader's language")
    specialty = serializers.CharField()
    specialty_label = serializers.CharField(help_text="in the reader's language")
    level = serializers.CharField()
    level_display = serializers.CharField()
    series = serializers.CharField()
    series_name = serializers.CharField()
    series_label = serializers.CharField(help_text="in the reader's language")
    committee = serializers.CharField()
    committee_label = serializers.CharField(help_text="in the reader's language")
    committee_id = serializers.IntegerField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    state = serializers.ChoiceField(choices=["open", "not_yet", "closed"])
    days_to_deadline = serializers.IntegerField(allow_null=True)
    max_submissions = serializers.IntegerField()
    fee = serializers.DecimalField(max_digits=8, decimal_places=2)
    paper_instructions = serializers.CharField()
    flow = FlowNodeOutput(many=True)


def offering_row(offering, nodes, now) -> dict:
    qualification = offering.qualification
    state = offering.window_state(now)
    days = (offering.closes_at - now).days if state == "open" else None
    return {
        "id": offering.pk,
        "year": offering.year,
        "qualification": qualification.code,
        "qualification_name": qualification.name,
        "qualification_label": qualification.local_name,
        "specialty": qualification.specialty.name,
        "specialty_label": qualification.specialty.local_name,
        "level": qualification.level,
        "level_display": Level(qualification.level).label,
        "series": qualification.specialty.series.code,
        "series_name": qualification.specialty.series.name,
        "series_label": qualification.specialty.series.local_name,
        "committee": offering.committee.name,
        "committee_label": offering.committee.local_name,
        "committee_id": offering.committee_id,
        "opens_at": offering.opens_at,
        "closes_at": offering.closes_at,
        "state": state,
        "days_to_deadline": days,
        "max_submissions": offering.max_submissions,
        "fee": offering.fee,
        "paper_instructions": offering.paper_instructions,
        "flow": [node.__dict__ for node in nodes[offering.flow_id]],
    }


class OfferingListApi(APIView):
    """This region's offerings; `?year=` and `?open=true` narrow them."""

    permission_classes = [AllowAny]

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=False),
            OpenApiParameter("open", bool, required=False),
        ],
        responses={200: OfferingOutput(many=True)},
        auth=[],
    )
    def get(self, request: Request) -> Response:
        year = request.query_params.get("year")
        open_only = request.query_params.get("open", "").lower() in {"1", "true", "yes"}
        now = timezone.now()
        offerings = list(
            offerings_for(
                year=int(year) if year and year.isdigit() else None, open_only=open_only, moment=now
            )
        )
        nodes = flow_views(offerings)
        rows = [offering_row(o, nodes, now) for o in offerings]
        return Response(OfferingOutput(rows, many=True).data)
