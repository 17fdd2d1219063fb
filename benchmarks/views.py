"""The views the routing ratio is measured with, served alike with and without tenant routing."""

import os

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.models import User


def hello(request: HttpRequest) -> HttpResponse:
    """No database: what the middleware stack and gunicorn cost on their own."""
    return HttpResponse(b"hello", content_type="text/plain")


class OneRowOutput(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    name = serializers.CharField()
    role = serializers.CharField()


class OneRowApi(APIView):
    """One indexed row (a user by its unique username) through DRF: one query."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def get(self, request: Request, username: str) -> Response:
        rows = User.objects.only("id", "username", "name", "role")
        return Response(OneRowOutput(get_object_or_404(rows, username=username)).data)


def whoami(request: HttpRequest) -> JsonResponse:
    """What the server under test really runs, checked and recorded by the harness."""
    database = settings.DATABASES["default"]
    return JsonResponse(
        {
            "settings": settings.SETTINGS_MODULE,
            "debug": settings.DEBUG,
            "engine": database["ENGINE"],
            "database": database["NAME"],
            "conn_max_age": database["CONN_MAX_AGE"],
            "conn_health_checks": database.get("CONN_HEALTH_CHECKS", False),
            "routing": "tenants.routing.RegionRoutingMiddleware" in settings.MIDDLEWARE,
            "middleware": len(settings.MIDDLEWARE),
            "schema": getattr(connection, "schema_name", None),
            "pid": os.getpid(),
        }
    )
