"""The title catalog and the section forms, for anyone (no login): what can be applied for, and
the forms a program fills in (API.md "Section forms")."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.errors import NotFound
from core.catalog.forms import form_current, form_version
from core.catalog.manage import GRADE_LABELS
from core.catalog.ordering import form_sections
from core.models import Qualification, SectionForm, Series, Specialty
from tenants.translated import schema_text


class QualificationOutput(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    label = serializers.CharField(source="local_name", help_text="name in the reader's language")
    level = serializers.CharField(help_text="junior, intermediate, deputy_senior or senior")
    level_display = serializers.CharField(source="get_level_display")
    grade = serializers.CharField(help_text="junior only: clerk (员级), assistant (助理级) or ''")
    grade_display = serializers.SerializerMethodField()

    def get_grade_display(self, qualification: Qualification) -> str:
        label = GRADE_LABELS.get(qualification.grade)
        return str(label) if label else ""


class SpecialtyOutput(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    label = serializers.CharField(source="local_name", help_text="name in the reader's language")
    group = serializers.CharField()
    qualifications = QualificationOutput(many=True, source="active_qualifications")


class SeriesOutput(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    category = serializers.CharField()
    label = serializers.CharField(source="local_name", help_text="name in the reader's language")
    category_label = serializers.CharField(source="local_category")
    form_key = serializers.CharField()
    specialties = SpecialtyOutput(many=True, source="active_specialties")


class CatalogApi(APIView):
    """Every open series → specialty → qualification, in catalog order."""

    permission_classes = [AllowAny]
    authentication_classes: list = []  # public: a stale token must not turn this into a 401

    @extend_schema(responses={200: SeriesOutput(many=True)}, auth=[])
    def get(self, request: Request) -> Response:
        series = Series.objects.filter(is_active=True).prefetch_related(
            Prefetch(
                "specialties",
                queryset=Specialty.objects.filter(is_active=True).order_by("sort_order", "code"),
                to_attr="active_specialties",
            ),
            Prefetch(
                "active_specialties__qualifications",
                queryset=Qualification.objects.filter(is_active=True).order_by(
                    "sort_order", "code"
                ),
                to_attr="active_qualifications",
            ),
        )
        return Response(SeriesOutput(series.order_by("sort_order", "code"), many=True).data)


class SectionOutput(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    label = serializers.SerializerMethodField(help_text="title in the reader's language")
    filled_by = serializers.CharField(help_text="applicant or unit")
    schema = serializers.SerializerMethodField(help_text="JSON Schema draft 2020-12")

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_schema(self, section: dict) -> dict:
        """The schema as stored: `title_en`/`title_ug`, `description_en`/`description_ug` and
        `enum_en`/`enum_ug` (labels of the `enum` values) beside the Chinese."""
        return section["schema"]

    def get_label(self, section: dict) -> str:
        return schema_text(section, "title") or section["key"]


class FormOutput(serializers.Serializer):
    key = serializers.CharField()
    version = serializers.IntegerField()
    title = serializers.CharField()
    label = serializers.CharField(help_text="title in the reader's language")
    sections = SectionOutput(many=True)


class FormApi(APIView):
    """The current version of a section form (what a new application uses)."""

    permission_classes = [AllowAny]
    authentication_classes: list = []  # public: a stale token must not turn this into a 401

    @extend_schema(responses={200: FormOutput}, auth=[], operation_id="form_current")
    def get(self, request: Request, key: str) -> Response:
        try:
            form = form_current(key)
        except SectionForm.DoesNotExist as error:
            raise NotFound from error
        return Response(_form_data(form))


class FormVersionApi(APIView):
    """One version of a section form: an application keeps the version it started with."""

    permission_classes = [AllowAny]
    authentication_classes: list = []  # public: a stale token must not turn this into a 401

    @extend_schema(responses={200: FormOutput}, auth=[], operation_id="form_version")
    def get(self, request: Request, key: str, version: int) -> Response:
        try:
            form = form_version(key, version)
        except SectionForm.DoesNotExist as error:
            raise NotFound from error
        return Response(_form_data(form))


def _form_data(form: SectionForm) -> dict:
    data = {
        "key": form.key,
        "version": form.version,
        "title": form.title,
        "label": form.local_title,
    }
    return FormOutput({**data, "sections": form_sections(form)}).data
