"""The results' routes, included by config.urls_region and config.urls_public."""

from django.urls import path

from results import api
from results.views import applicant, committee, organization, public

# Under /api/v1/ on a region's host.
region_api = [
    path("publicity/", api.PublicityListApi.as_view(), name="api-publicity"),
    path(
        "publicity/<int:pk>/objections/",
        api.ObjectionApi.as_view(),
        name="api-publicity-objections",
    ),
]

# Under /api/v1/ on the public site.
public_api = [
    path("certificates/verify/", api.CertificateVerifyApi.as_view(), name="api-certificate-verify"),
]

# Pages of a region's host.
region_pages = [
    path("results/", committee.home, name="results-home"),
    path("results/meetings/", committee.meeting_list, name="results-meetings"),
    path("results/meetings/<int:pk>/", committee.meeting_page, name="results-meeting"),
    path(
        "results/meetings/<int:pk>/entries/<int:entry_id>/votes/",
        committee.meeting_votes,
        name="results-meeting-votes",
    ),
    path(
        "results/meetings/<int:pk>/entries/<int:entry_id>/remove/",
        committee.meeting_remove,
        name="results-meeting-remove",
    ),
    path("results/meetings/<int:pk>/close/", committee.meeting_close, name="results-meeting-close"),
    path("results/publicity/", committee.publicity_list, name="results-publicities"),
    path("results/publicity/<int:pk>/", committee.publicity_page, name="results-publicity"),
    path("results/objections/<int:pk>/", committee.objection_handle, name="results-objection"),
    path("results/approvals/", committee.approval_list, name="results-approvals"),
    path("results/approvals/<int:pk>/", committee.approval_page, name="results-approval"),
    path(
        "results/approvals/<int:pk>/document.pdf",
        committee.approval_file,
        name="results-approval-pdf",
    ),
    path("results/certificates/", committee.certificate_list, name="results-certificates"),
    path(
        "results/certificates/<int:pk>/revoke/",
        committee.certificate_revoke,
        name="results-certificate-revoke",
    ),
    path("results/sent/", organization.result_list, name="results-organization"),
    path("applications/<str:number>/result/", applicant.result_page, name="application-result"),
    path(
        "applications/<str:number>/certificate.pdf",
        applicant.certificate_file,
        name="application-certificate",
    ),
    path("publicity/", public.publicity_page, name="publicity"),
    path("publicity/<int:pk>/objection/", public.objection_page, name="publicity-objection"),
    path("approvals/", public.approval_lookup, name="approval-lookup"),
]

# Pages of the public site.
public_pages = [
    path("certificates/verify/", public.certificate_verify, name="certificate-verify"),
]
