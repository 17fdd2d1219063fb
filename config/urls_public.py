"""The public site on BASE_DOMAIN."""

from django.urls import include, path

from core.views.home import public_home
from printing import urls as printing_urls
from results import urls as results_urls

from .urls_common import urlpatterns as common

urlpatterns = [
    path("", public_home, name="home"),
    *printing_urls.public_pages,
    *results_urls.public_pages,
    path("api/v1/", include(results_urls.public_api)),
    *common,
]
# Under /api/, an address that matches no route and a request Django refuses answer in the
# API's error contract.
handler400 = "core.api.errors.bad_request"
handler404 = "core.api.errors.not_found"
