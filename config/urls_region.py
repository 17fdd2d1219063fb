"""A region's site on <code>.BASE_DOMAIN."""

from django.urls import include, path

from core.views import region_admin
from oversight import urls as oversight_urls
from payments import urls as payment_urls
from printing import urls as printing_urls
from results import urls as results_urls
from workflow.api import applications
from workflow.api.setup import CommitteeListApi, OfferingListApi
from workflow.views import applications as application_pages
from workflow.views import flow_reports, setup_admin
from workflow.views import requalification as requalification_pages
from workflow.views import review as review_pages
from workflow.views.home import (
    committees_page,
    notice_file,
    notice_page,
    offerings_page,
    region_home,
)

from .urls_common import urlpatterns as common

region_api = [
    path("applications/", applications.ApplicationListApi.as_view(), name="api-applications"),
    path(
        "applications/<str:number>/",
        applications.ApplicationDetailApi.as_view(),
        name="api-application",
    ),
    path(
        "applications/<str:number>/sections/<slug:key>/",
        applications.SectionApi.as_view(),
        name="api-application-section",
    ),
    path(
        "applications/<str:number>/attachments/",
        applications.AttachmentApi.as_view(),
        name="api-application-attachments",
    ),
    path(
        "applications/<str:number>/attachments/<int:attachment_id>/",
        applications.AttachmentDetailApi.as_view(),
        name="api-application-attachment",
    ),
    path(
        "applications/<str:number>/transitions/",
        applications.TransitionApi.as_view(),
        name="api-application-transitions",
    ),
    path(
        "applications/<str:number>/history/",
        applications.HistoryApi.as_view(),
        name="api-application-history",
    ),
    path(
        "applications/<str:number>/comments/",
        applications.CommentApi.as_view(),
        name="api-application-comments",
    ),
    path("committees/", CommitteeListApi.as_view(), name="api-committees"),
    path("offerings/", OfferingListApi.as_view(), name="api-offerings"),
    *printing_urls.region_api,
    *payment_urls.region_api,
    *results_urls.region_api,
]

urlpatterns = [
    path("", region_home, name="home"),
    path("api/v1/", include(region_api)),
    path("committees/", committees_page, name="committees"),
    path("notices/<int:pk>/", notice_page, name="notice"),
    path("notices/<int:pk>/files/<str:sha256>", notice_file, name="notice-file"),
    path("review/", review_pages.queue, name="review-queue"),
    path("review/all/", review_pages.query, name="review-query"),
    path("review/<str:number>/", review_pages.review_page, name="review-page"),
    path("review/<str:number>/comment/", review_pages.review_comment, name="review-comment"),
    path("review/<str:number>/action/", review_pages.review_action, name="review-action"),
    path("review/<str:number>/id-card", review_pages.review_id_scan, name="review-id-scan"),
    path(
        "review/<str:number>/files/<int:attachment_id>",
        review_pages.review_file,
        name="review-file",
    ),
    path("applications/", application_pages.my_applications, name="my-applications"),
    path("applications/new/", application_pages.new_application, name="application-new"),
    path("applications/<str:number>/", application_pages.edit_application, name="application-edit"),
    path("applications/<str:number>/attach/", application_pages.attach, name="application-attach"),
    path(
        "applications/<str:number>/attachments/<int:attachment_id>/remove/",
        application_pages.detach,
        name="application-detach",
    ),
    path(
        "applications/<str:number>/transition/",
        application_pages.transition,
        name="application-transition",
    ),
    path("applications/<str:number>/delete/", application_pages.delete, name="application-delete"),
    path(
        "applications/<str:number>/requalify/",
        requalification_pages.requalify,
        name="application-requalify",
    ),
    path(
        "applications/<str:number>/flow-report/",
        flow_reports.report,
        name="application-flow-report",
    ),
    path("region-admin/flow-reports/", flow_reports.report_list, name="region-admin-flow-reports"),
    path(
        "region-admin/flow-reports/<int:pk>/",
        flow_reports.report_answer,
        name="region-admin-flow-report",
    ),
    path("offerings/", offerings_page, name="offerings"),
    path("setup/", setup_admin.setup_home, name="setup"),
    path("setup/committees/new/", setup_admin.committee_edit, name="setup-committee-new"),
    path("setup/committees/<int:pk>/", setup_admin.committee_edit, name="setup-committee"),
    path("setup/offerings/new/", setup_admin.offering_edit, name="setup-offering-new"),
    path("setup/offerings/<int:pk>/", setup_admin.offering_edit, name="setup-offering"),
    path(
        "setup/offerings/<int:pk>/close/",
        setup_admin.offering_close_view,
        name="setup-offering-close",
    ),
    path("setup/notices/new/", setup_admin.notice_edit, name="setup-notice-new"),
    path("setup/notices/<int:pk>/", setup_admin.notice_edit, name="setup-notice"),
    path("region-admin/", region_admin.dashboard, name="region-admin"),
    path(
        "region-admin/authorities/new/",
        region_admin.authority_edit,
        name="region-admin-authority-new",
    ),
    path(
        "region-admin/authorities/<int:pk>/",
        region_admin.authority_edit,
        name="region-admin-authority",
    ),
    path(
        "region-admin/authorities/<int:pk>/toggle/",
        region_admin.authority_toggle,
        name="region-admin-authority-toggle",
    ),
    path(
        "region-admin/authorities/<int:pk>/reviewers/",
        region_admin.authority_reviewers,
        name="region-admin-reviewers",
    ),
    path("region-admin/unit-changes/", region_admin.unit_changes, name="region-admin-unit-changes"),
    path(
        "region-admin/unit-changes/<int:pk>/decide/",
        region_admin.unit_change_decide,
        name="region-admin-unit-change-decide",
    ),
    *printing_urls.region_pages,
    *payment_urls.region_pages,
    *oversight_urls.region_pages,
    *results_urls.region_pages,
    *common,
]
# Under /api/, an address that matches no route and a request Django refuses answer in the
# API's error contract.
handler400 = "core.api.errors.bad_request"
handler404 = "core.api.errors.not_found"
