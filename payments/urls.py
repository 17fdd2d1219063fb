"""The payment routes, included by config.urls_region."""

from django.urls import path

from payments import api, views

# Under /api/v1/ on a region's host.
region_api = [
    path(
        "applications/<str:number>/payments/",
        api.PaymentListApi.as_view(),
        name="api-application-payments",
    ),
]

# Pages of a region's host.
region_pages = [
    path("applications/<str:number>/pay/", views.pay, name="application-pay"),
    path(
        "applications/<str:number>/payments/<int:order_id>/",
        views.payment_return,
        name="payment-return",
    ),
    path(
        "applications/<str:number>/payments/<int:order_id>/receipt.pdf",
        views.receipt,
        name="payment-receipt",
    ),
    path("payments/notify/", views.notify, name="payment-notify"),
    path("payments/", views.offerings, name="committee-payments"),
    path(
        "payments/offerings/<int:offering_id>/",
        views.offering_payments,
        name="committee-offering-payments",
    ),
    path(
        "payments/offerings/<int:offering_id>/reconciliation.csv",
        views.reconciliation_csv,
        name="committee-reconciliation-csv",
    ),
    path(
        "payments/applications/<str:number>/",
        views.application_payments,
        name="committee-payment",
    ),
    path("payments/paper-scan/", views.scan, name="committee-paper-scan"),
]
