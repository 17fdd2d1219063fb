"""Applications of the region the host names (API.md region host). Thin: the rules live in
workflow.applications and workflow.transitions."""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from core.access import ACTING_ROLES, EVERYONE, REVIEWER_ROLES
from core.models import ApplicationIndex, AuditKind, Unit
from tenants.crossing import current_region_code, in_region
from workflow.access import access_application, applications_visible_to
from workflow.access_log import record_application_read
from workflow.applications import (
    application_create,
    application_delete,
    attachment_add,
    attachment_remove,
    section_save,
)
from workflow.history import history_rows, organization_names
from workflow.models import Application, Offering
from workflow.nodes import node_label
from workflow.progress import submissions
from workflow.review import comment_save, comments_by_section
from workflow.reviewers import waiting_for
from workflow.sections import section_states
from workflow.selectors import flow_view
from workflow.states import Status
from workflow.transitions import allowed_actions, apply_transition

LIST_LIMIT = 500


class ApplicationCreateInput(serializers.Serializer):
    offering = serializers.IntegerField()
    unit = serializers.IntegerField()


class ApplicationRow(serializers.Serializer):
    number = serializers.CharField()
    year = serializers.IntegerField()
    qualification = serializers.CharField(source="qualification.code")
    label = serializers.SerializerMethodField()
    level = serializers.CharField(source="qualification.level")
    status = serializers.CharField()
    status_display = serializers.SerializerMethodField()
    current_node = serializers.SerializerMethodField()
    unit = serializers.CharField(source="unit.name")
    committee = serializers.CharField(source="offering.committee.name")
    committee_label = serializers.CharField(
        source="offering.committee.local_name", help_text="committee in the reader's language"
    )
    closes_at = serializers.DateTimeField(source="offering.closes_at")
    submission_count = serializers.IntegerField()
    applicant = serializers.CharField(source="applicant.display_name")
    last_opinion = serializers.CharField()
    updated_at = serializers.DateTimeField()

    # Status(x).label translates one label; get_status_display() hashes (translates) them all,
    # which was most of the time of a list of 500.
    def get_status_display(self, application: Application) -> str:
        return str(Status(application.status).label)

    def get_label(self, application: Application) -> str:
        return application.qualification.label

    def get_current_node(self, application: Application) -> str:
        return node_label(application)


def application_detail(application: Application, user) -> dict:
    offering = application.offering
    nodes = flow_view(application.flow, offering.committee)
    used = submissions(application, timezone.now())
    comments = comments_by_section(application)
    return {
        **ApplicationRow(application).data,
        "region": current_region_code(),
        "flow": [
            {**node.__dict__, "current": index == application.current_node}
            for index, node in enumerate(nodes)
        ],
        "submissions_left": used.left,
        "max_submissions": used.most,
        "last_submission": used.last_one,
        "days_to_deadline": used.days_to_deadline,
        "allowed_actions": allowed_actions(user, application),
        "form": {"key": application.form.key, "version": application.form.version},
        "sections": [
            {
                "key": s.key,
                "title": s.title,
                "label": s.label,
                "filled_by": s.filled_by,
                "schema": s.schema,
                "data": s.data,
                "errors": s.errors,
                "complete": s.complete,
                "min_attachments": s.min_attachments,
                "comments": [
                    {"organization": c.organization, "text": c.text, "at": c.updated_at}
                    for c in comments.get(s.key, [])
                ],
                "attachments": [
                    {
                        "id": a.pk,
                        "blob": a.blob_sha256,
                        "name": a.name,
                        "content_type": a.content_type,
                    }
                    for a in s.attachments
                ],
            }
            for s in section_states(application)
        ],
    }


class RegionApplicationsApi(APIView):
    """The applications of the host's region (core.access.RegionAccess): read by every role
    acting in this region, each seeing what workflow.access lets it see; changed only by those
    who act on applications (region admins and the central office only read)."""

    access_roles = EVERYONE
    write_roles = ACTING_ROLES


class ListWindow(serializers.Serializer):
    """Which slice of a long list: the newest first, at most LIST_LIMIT at a time."""

    limit = serializers.IntegerField(min_value=1, max_value=LIST_LIMIT, default=LIST_LIMIT)
    # An offset past any real list, but inside what PostgreSQL's OFFSET takes (bigint).
    offset = serializers.IntegerField(min_value=0, max_value=2**31 - 1, default=0)
    waiting = serializers.BooleanField(default=False)


class ApplicationListApi(RegionApplicationsApi):
    # Creating: application_create refuses the organizations' accounts with its own 403 and
    # message, as the page 新增申请书 does; those who never act (region admin, central
    # office) get the dull 404 (RegionApplicationsApi's write_roles).

    @extend_schema(
        parameters=[
            *(
                OpenApiParameter(name, str, required=False)
                for name in ("status", "level", "qualification", "search")
            ),
            OpenApiParameter(
                "waiting", bool, required=False, description="reviewers: only those at my node"
            ),
            OpenApiParameter("limit", int, required=False, description=f"1–{LIST_LIMIT}"),
            OpenApiParameter("offset", int, required=False),
        ],
        responses={
            200: OpenApiResponse(
                ApplicationRow(many=True),
                description="newest first; the header X-Total-Count gives how many match, "
                'and Link (rel="next") the next slice when there is one',
            )
        },
    )
    def get(self, request: Request) -> Response:
        window = ListWindow(data=request.query_params)
        window.is_valid(raise_exception=True)
        limit, offset = window.validated_data["limit"], window.validated_data["offset"]
        queryset = applications_visible_to(request.user)
        if window.validated_data["waiting"]:
            queryset = waiting_for(request.user, queryset)
        params = request.query_params
        if params.get("status"):
            queryset = queryset.filter(status=params["status"])
        if params.get("level"):
            queryset = queryset.filter(qualification__level=params["level"])
        if params.get("qualification"):
            queryset = queryset.filter(qualification__code=params["qualification"])
        if params.get("search"):
            term = params["search"].strip()
            queryset = queryset.filter(
                Q(number__icontains=term)
                | Q(applicant__name__icontains=term)
                | Q(applicant__id_card_number=term.upper())
            )
        queryset = queryset.order_by("-updated_at", "-pk")
        rows = list(queryset[offset : offset + limit])
        # A short last slice tells the total; only a full one needs counting.
        full = len(rows) == limit or (offset and not rows)
        total = queryset.count() if full else offset + len(rows)
        response = Response(ApplicationRow(rows, many=True).data)
        response["X-Total-Count"] = str(total)
        if offset + limit < total:
            following = replace_query_param(request.build_absolute_uri(), "offset", offset + limit)
            response["Link"] = f'<{following}>; rel="next"'
        return response

    @extend_schema(request=ApplicationCreateInput, responses={201: ApplicationRow})
    def post(self, request: Request) -> Response:
        data = ApplicationCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        offering = get_object_or_404(
            Offering.objects.select_related(
                "qualification__specialty__series", "committee", "flow"
            ),
            pk=data.validated_data["offering"],
        )
        unit = get_object_or_404(Unit, pk=data.validated_data["unit"])
        application = application_create(applicant=request.user, offering=offering, unit=unit)
        return Response(
            application_detail(application, request.user), status=status.HTTP_201_CREATED
        )


class ApplicationDetailApi(RegionApplicationsApi):
    def get(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number)
        record_application_read(
            AuditKind.APPLICATION_VIEWED, request.user, [application], request=request
        )
        return Response(application_detail(application, request.user))

    def delete(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number, for_write=True)
        application_delete(application=application, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SectionInput(serializers.Serializer):
    data = serializers.JSONField()


class SectionApi(RegionApplicationsApi):
    @extend_schema(request=SectionInput)
    def put(self, request: Request, number: str, key: str) -> Response:
        application = access_application(request.user, number, for_write=True)
        data = SectionInput(data=request.data)
        data.is_valid(raise_exception=True)
        state = section_save(
            application=application, key=key, data=data.validated_data["data"], user=request.user
        )
        return Response(
            {"key": key, "data": state.data, "errors": state.errors, "complete": state.complete}
        )


class AttachmentInput(serializers.Serializer):
    section = serializers.CharField()
    blob = serializers.RegexField(r"^[0-9a-f]{64}$")


class AttachmentApi(RegionApplicationsApi):
    """Attach a file of my 附件库 to a section (the collection answers POST only)."""

    @extend_schema(request=AttachmentInput)
    def post(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number)
        data = AttachmentInput(data=request.data)
        data.is_valid(raise_exception=True)
        attachment = attachment_add(
            application=application,
            section=data.validated_data["section"],
            sha256=data.validated_data["blob"],
            user=request.user,
        )
        return Response(
            {
                "id": attachment.pk,
                "section": attachment.section,
                "blob": attachment.blob_sha256,
                "name": attachment.name,
            },
            status=status.HTTP_201_CREATED,
        )


class AttachmentDetailApi(RegionApplicationsApi):
    """One attachment: DELETE takes it off (it answers nothing else)."""

    def delete(self, request: Request, number: str, attachment_id: int) -> Response:
        attachment_remove(
            application=access_application(request.user, number),
            attachment_id=attachment_id,
            user=request.user,
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class TransitionInput(serializers.Serializer):
    action = serializers.CharField()
    opinion = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    # requalify: the target offering, and its region when it is another one (same number).
    offering = serializers.IntegerField(required=False, min_value=1)
    region = serializers.CharField(required=False, max_length=63)


class TransitionApi(RegionApplicationsApi):
    @extend_schema(request=TransitionInput)
    def post(self, request: Request, number: str) -> Response:
        access_application(request.user, number, for_write=True)
        data = TransitionInput(data=request.data)
        data.is_valid(raise_exception=True)
        application = apply_transition(
            number=number,
            action=data.validated_data["action"],
            actor=request.user,
            payload=dict(request.data.items()),
        )
        if data.validated_data["action"] != "requalify":
            application = access_application(request.user, number)
            return Response(application_detail(application, request.user))
        # 更改资格, maybe to another region: the application now answers on that one's host.
        with in_region(ApplicationIndex.objects.get(number=number).region.schema_name):
            application = access_application(request.user, number)
            return Response(application_detail(application, request.user))


class HistoryApi(RegionApplicationsApi):
    def get(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number)
        return Response(
            [
                {
                    "action": r.action,
                    "action_label": r.action_label,
                    "actor": r.actor,
                    "organization": r.organization,
                    "org_kind": r.org_kind,
                    "from": r.from_label,
                    "to": r.to_label,
                    "from_status": r.from_status,
                    "to_status": r.to_status,
                    "from_node_kind": r.from_node_kind,
                    "to_node_kind": r.to_node_kind,
                    "at": r.at,
                    "opinion": r.opinion,
                }
                for r in history_rows(application)
            ]
        )


class CommentInput(serializers.Serializer):
    section = serializers.CharField()
    text = serializers.CharField(allow_blank=True, max_length=2000)


class CommentApi(RegionApplicationsApi):
    """A reviewer's comment on one section (empty text removes it)."""

    write_roles = REVIEWER_ROLES  # as the review page's comment box

    @extend_schema(request=CommentInput)
    def post(self, request: Request, number: str) -> Response:
        application = access_application(request.user, number)
        data = CommentInput(data=request.data)
        data.is_valid(raise_exception=True)
        comment = comment_save(application=application, user=request.user, **data.validated_data)
        if comment is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        key = (comment.org_kind, comment.org_id)
        return Response(
            {
                "section": comment.section,
                "text": comment.text,
                "organization": organization_names(application, [key])[key],
                "org_kind": comment.org_kind,
                "org_id": comment.org_id,
            },
            status=status.HTTP_201_CREATED,
        )
