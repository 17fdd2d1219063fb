"""Routes of account recovery and appeals, for config/urls_common.py to include on every host.

`api_patterns` go under /api/v1/; `page_patterns` are the 找回用户名或密码 and 账号申诉 pages and
the region admin's appeal review.
"""

from django.urls import path

from core.api import recovery as api
from core.views import recovery as views

api_patterns = [
    path("auth/password-reset/", api.PasswordResetApi.as_view(), name="api-password-reset"),
    path(
        "auth/password-reset/confirm/",
        api.PasswordResetConfirmApi.as_view(),
        name="api-password-reset-confirm",
    ),
    path("auth/sms-code/", api.SmsCodeApi.as_view(), name="api-sms-code"),
    path("auth/sms-reset/", api.SmsResetApi.as_view(), name="api-sms-reset"),
    path(
        "auth/recover-username/",
        api.UsernameRecoveryApi.as_view(),
        name="api-recover-username",
    ),
    path("auth/appeals/", api.AppealCreateApi.as_view(), name="api-appeal-create"),
    path("appeals/", api.AppealListApi.as_view(), name="api-appeals"),
    path("appeals/<int:pk>/", api.AppealDetailApi.as_view(), name="api-appeal"),
    path("appeals/<int:pk>/scan", api.AppealScanApi.as_view(), name="api-appeal-scan"),
    path(
        "appeals/<int:pk>/decision/",
        api.AppealDecisionApi.as_view(),
        name="api-appeal-decision",
    ),
]

page_patterns = [
    path("accounts/recover/", views.recover_choice, name="recover"),
    path("accounts/recover/email/", views.recover_email, name="recover-email"),
    path(
        "accounts/reset/<str:uidb64>/<str:token>/",
        views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path("accounts/recover/sms/", views.recover_sms, name="recover-sms"),
    path("accounts/recover/sms/verify/", views.recover_sms_verify, name="recover-sms-verify"),
    path("accounts/recover/username/", views.recover_username, name="recover-username"),
    path("accounts/appeal/", views.appeal_choice, name="appeal"),
    path(
        "accounts/appeal/person/",
        views.appeal_form,
        {"kind": "person"},
        name="appeal-person",
    ),
    path("accounts/appeal/unit/", views.appeal_form, {"kind": "unit"}, name="appeal-unit"),
    path("region-admin/appeals/", views.region_appeals, name="region-appeals"),
    path("region-admin/appeals/<int:pk>/", views.region_appeal_detail, name="region-appeal"),
    path(
        "region-admin/appeals/<int:pk>/scan",
        views.region_appeal_scan,
        name="region-appeal-scan",
    ),
]
