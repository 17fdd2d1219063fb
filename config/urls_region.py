"""A region's site on <code>.BASE_DOMAIN."""

from django.urls import path

from core.views import region_admin
from workflow.views.home import region_home

from .urls_common import urlpatterns as common

urlpatterns = [
    path("", region_home, name="home"),
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
    *common,
]
