"""Oversight routes: the central office's (every host, beside its catalog pages), the region
admin's (a region's host), and the central office's API."""

from django.urls import path

from oversight import api, views

central_pages = [
    path("central/dashboard/", views.central_dashboard, name="central-dashboard"),
    path("central/applications/", views.central_applications, name="central-applications"),
    path("central/audit/", views.central_audit, name="central-audit"),
    path("central/exports/", views.central_export_start, name="central-exports"),
    path("central/exports/<int:pk>/", views.central_export, name="central-export"),
    path("central/exports/<int:pk>/file", views.central_export_file, name="central-export-file"),
]

central_api = [
    path("central/stats/", api.CentralStatsApi.as_view(), name="api-central-stats"),
]

region_pages = [
    path(
        "region-admin/applications/",
        views.region_applications,
        name="region-admin-applications",
    ),
    path("region-admin/statistics/", views.region_statistics, name="region-admin-statistics"),
    path("region-admin/exports/", views.region_export_start, name="region-admin-exports"),
    path("region-admin/exports/<int:pk>/", views.region_export, name="region-admin-export"),
    path(
        "region-admin/exports/<int:pk>/file",
        views.region_export_file,
        name="region-admin-export-file",
    ),
]
