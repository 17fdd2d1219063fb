"""The public site on BASE_DOMAIN."""

from django.urls import path

from core.views.home import public_home

from .urls_common import urlpatterns as common

urlpatterns = [path("", public_home, name="home"), *common]
