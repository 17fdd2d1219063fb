"""The printing routes, included by config.urls_region and config.urls_public."""

from django.urls import path

from printing import api, views
from printing.models import DocumentKind

REVIEW_FORM = {"kind": DocumentKind.REVIEW_FORM}
MATERIAL_BAG = {"kind": DocumentKind.MATERIAL_BAG}

# Under /api/v1/ on a region's host.
region_api = [
    path(
        "applications/<str:number>/documents/review-form.pdf",
        api.DocumentApi.as_view(),
        REVIEW_FORM,
        name="api-document-review-form",
    ),
    path(
        "applications/<str:number>/documents/material-bag.pdf",
        api.DocumentApi.as_view(),
        MATERIAL_BAG,
        name="api-document-material-bag",
    ),
]

# Pages of a region's host.
region_pages = [
    path(
        "print/<str:number>/review-form.pdf",
        views.document_page,
        REVIEW_FORM,
        name="print-review-form",
    ),
    path(
        "print/<str:number>/material-bag.pdf",
        views.document_page,
        MATERIAL_BAG,
        name="print-material-bag",
    ),
    path("print/batches/", views.batches_page, name="print-batches"),
    path("print/batches/<int:pk>/", views.batch_page, name="print-batch"),
    path("print/batches/<int:pk>/merged.pdf", views.batch_file, name="print-batch-file"),
]

# Pages of the public site: is a printed official copy genuine?
public_pages = [
    path("verify/", views.verify_form, name="verify"),
    path("verify/<str:number>/<str:code>/", views.verify_page, name="verify-document"),
    path(
        "verify/<str:number>/<str:code>/original.pdf",
        views.verify_original,
        name="verify-original",
    ),
]
