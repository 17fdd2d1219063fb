"""Routes every host answers: accounts, language, and the API under /api/v1/."""

from django.urls import include, path

from core.api.accounts import (
    ApplicantRegisterApi,
    AuthorityListApi,
    IdCardScanUploadApi,
    MyUnitApi,
    PasswordChangeApi,
    UnitRegisterApi,
    UnitSearchApi,
)
from core.api.auth import TokenApi
from core.api.me import AccessLogApi, MeApi, MyApplicationsApi
from core.api.schema import HostSchemaView, swagger_docs_view
from core.api.wechat import MyWechatApi
from core.catalog.urls import api_patterns as central_api_patterns
from core.catalog.urls import page_patterns as central_page_patterns
from core.files.urls import api_patterns as blob_api_patterns
from core.files.urls import page_patterns as blob_page_patterns
from core.identity import language
from core.identity.recovery_urls import api_patterns as recovery_api_patterns
from core.identity.recovery_urls import page_patterns as recovery_page_patterns
from core.notifications.urls import api_patterns as notification_api_patterns
from core.notifications.urls import page_patterns as notification_page_patterns
from core.views import accounts, auth, health, wechat
from core.views.help import help_page
from oversight import urls as oversight_urls
from tenants.api import RegionListApi

api_v1 = [
    path("regions/", RegionListApi.as_view(), name="api-regions"),
    path("auth/token/", TokenApi.as_view(), name="api-token"),
    path("auth/register/applicant/", ApplicantRegisterApi.as_view(), name="api-register-applicant"),
    path("auth/register/unit/", UnitRegisterApi.as_view(), name="api-register-unit"),
    path(
        "auth/register/id-card-scan/",
        IdCardScanUploadApi.as_view(),
        name="api-register-id-card-scan",
    ),
    path("me/", MeApi.as_view(), name="api-me"),
    path("me/applications/", MyApplicationsApi.as_view(), name="api-my-applications"),
    path("me/access-log/", AccessLogApi.as_view(), name="api-my-access-log"),
    path("me/password/", PasswordChangeApi.as_view(), name="api-password"),
    path("me/wechat/", MyWechatApi.as_view(), name="api-my-wechat"),
    path("my-unit/", MyUnitApi.as_view(), name="api-my-unit"),
    path("units/", UnitSearchApi.as_view(), name="api-units"),
    path("authorities/", AuthorityListApi.as_view(), name="api-authorities"),
    *blob_api_patterns,
    *notification_api_patterns,
    *recovery_api_patterns,
    *central_api_patterns,
    *oversight_urls.central_api,
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/login/", auth.login_view, name="login"),
    path("accounts/logout/", auth.logout_view, name="logout"),
    path("accounts/handoff/", auth.handoff_view, name="handoff"),
    path("accounts/wechat/login/", wechat.wechat_login_view, name="wechat-login"),
    path("accounts/wechat/callback/", wechat.wechat_callback_view, name="wechat-callback"),
    path("switch-region/", auth.switch_region_view, name="switch-region"),
    path("accounts/register/", accounts.register_choice, name="register"),
    path("accounts/register/applicant/", accounts.register_applicant, name="register-applicant"),
    path("accounts/register/unit/", accounts.register_unit, name="register-unit"),
    path("accounts/profile/", accounts.profile, name="profile"),
    path("help/", help_page, name="help"),
    path("my-unit/", accounts.my_unit, name="my-unit"),
    path("my-unit/change/", accounts.my_unit_change, name="my-unit-change"),
    *blob_page_patterns,
    *notification_page_patterns,
    *recovery_page_patterns,
    *central_page_patterns,
    *oversight_urls.central_pages,
    path("i18n/setlang/", language.set_language, name="set_language"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", HostSchemaView.as_view(), name="api-schema"),
    path("api/docs/", swagger_docs_view(), name="api-docs"),
]
