"""Notifications API, on every host: my list with the unread count, and marking read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.models import Notification
from core.notifications.delivery import LIST_LIMIT, mark_read, notifications_for, unread_count
from tenants.links import region_url

MAX_LIMIT = 200
MAX_IDS = 500


class NotificationListInput(serializers.Serializer):
    limit = serializers.IntegerField(
        label=_("数量"), min_value=1, max_value=MAX_LIMIT, default=LIST_LIMIT, required=False
    )


class NotificationOutput(serializers.Serializer):
    id = serializers.IntegerField()
    region = serializers.CharField(source="region_code", help_text="code of the region")
    title = serializers.CharField()
    body = serializers.CharField()
    link = serializers.CharField(help_text="a path on the region's host")
    url = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)
    unread = serializers.BooleanField(source="is_unread")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item: Notification) -> str:
        return region_url(self.context.get("request"), item.region_code, item.link or "/")


class NotificationListOutput(serializers.Serializer):
    unread = serializers.IntegerField(help_text="how many of mine are unread, in all")
    results = NotificationOutput(many=True)


class NotificationListApi(APIView):
    """My notifications from every region, newest first, with the unread count."""

    @extend_schema(parameters=[NotificationListInput], responses={200: NotificationListOutput})
    def get(self, request: Request) -> Response:
        params = NotificationListInput(data=request.query_params)
        params.is_valid(raise_exception=True)
        rows = notifications_for(request.user, limit=params.validated_data["limit"])
        return Response(
            NotificationListOutput(
                {"unread": unread_count(request.user), "results": rows},
                context={"request": request},
            ).data
        )


class NotificationReadInput(serializers.Serializer):
    ids = serializers.ListField(
        label=_("通知编号"),
        child=serializers.IntegerField(min_value=1),
        max_length=MAX_IDS,
        required=False,
    )
    all = serializers.BooleanField(label=_("全部"), required=False, default=False)

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("ids")) == attrs["all"]:
            raise serializers.ValidationError(_("请提供要标为已读的通知编号，或选择全部。"))
        return attrs


class NotificationReadOutput(serializers.Serializer):
    marked = serializers.IntegerField(help_text="how many changed from unread to read")
    unread = serializers.IntegerField()


class NotificationReadApi(APIView):
    """Mark some of mine (`ids`) or all of mine (`all: true`) read; others' ids are ignored."""

    @extend_schema(request=NotificationReadInput, responses={200: NotificationReadOutput})
    def post(self, request: Request) -> Response:
        data = NotificationReadInput(data=request.data)
        data.is_valid(raise_exception=True)
        ids = "all" if data.validated_data["all"] else data.validated_data["ids"]
        marked = mark_read(request.user, ids)
        return Response(
            NotificationReadOutput({"marked": marked, "unread": unread_count(request.user)}).data
        )
