"""Routes of the central office's catalog pages and of the public catalog API, for
config/urls_common.py to include on every host.

`api_patterns` go under /api/v1/; `page_patterns` under the site root (/central/...).
"""

from django.urls import path

from core.api.catalog import CatalogApi, FormApi, FormVersionApi
from core.views import central

api_patterns = [
    path("catalog/", CatalogApi.as_view(), name="api-catalog"),
    path("forms/<slug:key>/", FormApi.as_view(), name="api-form"),
    path("forms/<slug:key>/<int:version>/", FormVersionApi.as_view(), name="api-form-version"),
]

page_patterns = [
    path("central/catalog/", central.catalog, name="central-catalog"),
    path(
        "central/catalog/<str:kind>/<int:pk>/toggle/",
        central.catalog_toggle,
        name="central-catalog-toggle",
    ),
    path(
        "central/catalog/qualifications/<int:pk>/",
        central.qualification_edit,
        name="central-qualification",
    ),
    path(
        "central/catalog/specialties/<int:specialty_pk>/qualifications/new/",
        central.qualification_new,
        name="central-qualification-new",
    ),
    path("central/forms/", central.form_list, name="central-forms"),
    path(
        "central/forms/<slug:key>/publish/", central.form_publish_view, name="central-form-publish"
    ),
    path("central/forms/<slug:key>/<int:version>/", central.form_detail, name="central-form"),
    path("central/conditions/", central.condition_list, name="central-conditions"),
    path("central/conditions/<int:pk>/", central.condition_edit, name="central-condition"),
]
