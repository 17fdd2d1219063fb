"""A region's site on <code>.BASE_DOMAIN."""

from django.urls import path

from workflow.views.home import region_home

from .urls_common import urlpatterns as common

urlpatterns = [path("", region_home, name="home"), *common]
