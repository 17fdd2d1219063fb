"""The public site on BASE_DOMAIN."""

from django.urls import path

from core.views.home import public_home
from printing import urls as printing_urls

from .urls_common import urlpatterns as common

urlpatterns = [path("", public_home, name="home"), *printing_urls.public_pages, *common]
# An /api/ address that matches no route answers in the API error contract.
handler404 = "core.api.errors.not_found"
