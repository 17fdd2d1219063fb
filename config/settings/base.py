"""Settings shared by every environment. Secrets and hosts come from the environment only."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """Read a setting from the environment; `NAME_FILE` points at a file holding the secret."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value not in (None, "") else default


SECRET_KEY = env("DJANGO_SECRET_KEY", "insecure-development-key-never-use-in-production")
DEBUG = env_bool("DJANGO_DEBUG", default=False)

# The parent domain: the public site answers on it, each region on <code>.<BASE_DOMAIN>.
BASE_DOMAIN = env("BASE_DOMAIN", "localhost")
ALLOWED_HOSTS = [BASE_DOMAIN, f".{BASE_DOMAIN}"]

SHARED_APPS = [
    "django_tenants",
    "tenants",
    "core",
    "oversight",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "template_partials",
    "django_q",
    "axes",
]
TENANT_APPS = [
    "django.contrib.contenttypes",
    "workflow",
    "printing",
    "payments",
    "results",
]
INSTALLED_APPS = list(SHARED_APPS) + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenants.Region"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_NAME = "public"
PUBLIC_SCHEMA_URLCONF = "config.urls_public"
ROOT_URLCONF = "config.urls_region"
# The search_path is issued once per request by our router, not before every cursor.
TENANT_LIMIT_SET_CALLS = True
# How often each process asks whether regions or domains changed (one tiny query).
ROUTING_RECHECK_SECONDS = float(env("ROUTING_RECHECK_SECONDS", "2"))
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]

MIDDLEWARE = [
    "tenants.routing.RegionRoutingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.identity.language.AccountLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.request_guard.RequestGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.identity.activity.ActivityMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tenants.context.region_context",
                "core.notifications.context.notifications_context",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", "postgres://postgres@127.0.0.1:54329/zhicheng"),
        engine="django_tenants.postgresql_backend",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling and lockout (django-axes): 5 failures for one username from one address lock
# it for 15 minutes; the API answers 429, the pages a translated message.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
# The API answers a lockout in its error contract (JSON), the pages with the template.
AXES_LOCKOUT_CALLABLE = "core.identity.lockout.lockout_response"
AXES_VERBOSE = False
# How many reverse proxies stand in front of the application
# (core.identity.network.client_ip): 0 when clients connect directly (development, tests), 1
# behind the shipped nginx. The login throttle, the lockout and the audit log all take the
# client's address from it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "core.identity.network.client_ip"
# The audit log (core.audit) keeps events this many days; never fewer than 180 (等保 2.0: six
# months), which the database itself enforces. `manage.py purge_audit_log` removes older ones.
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 180)
# Files of oversight exports (lists with names and masked ID numbers) are deleted this many
# days after they were written; the job stays, marked expired (oversight.exports.export_purge).
EXPORT_RETENTION_DAYS = env_int("EXPORT_RETENTION_DAYS", 7)
# Session inactivity: a session idle this long is logged out (core.identity.activity).
SESSION_IDLE_TIMEOUT_SECONDS = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60)
# API tokens (core.api.tokens, django-rest-knox): idle this long, or this old, they stop working.
API_TOKEN_IDLE_SECONDS = env_int("API_TOKEN_IDLE_SECONDS", SESSION_IDLE_TIMEOUT_SECONDS)
API_TOKEN_MAX_AGE_SECONDS = env_int("API_TOKEN_MAX_AGE_SECONDS", 8 * 60 * 60)
REST_KNOX = {
    "TOKEN_TTL": timedelta(seconds=API_TOKEN_IDLE_SECONDS),
    "AUTO_REFRESH": True,
    "AUTO_REFRESH_MAX_TTL": timedelta(seconds=API_TOKEN_MAX_AGE_SECONDS),
    "MIN_REFRESH_INTERVAL": 60,
    "AUTH_HEADER_PREFIX": "Token",
}
# Active time is added to the account at most this often per session.
ACTIVITY_WRITE_EVERY_SECONDS = 60
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "core.identity.passwords.CharacterClassValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"

# Sessions live in the public schema. In production SESSION_COOKIE_DOMAIN may name the parent
# domain; the signed hand-off (core.identity.handoff) works with or without it.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Rendered pages (core.caching.pages), in each process's memory: their keys hold version stamps
# read from the database on every request, so no worker serves a page older than the data.
# Entries of superseded versions are never read again and leave by age or when the cache is full.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": env_int("PAGE_CACHE_SECONDS", 600),
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 1000)},
    },
}
SESSION_COOKIE_DOMAIN = env("SESSION_COOKIE_DOMAIN") or None
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN
LANGUAGE_COOKIE_DOMAIN = SESSION_COOKIE_DOMAIN
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3600)
# Text messages (account recovery): a pluggable sender, like Django's mail backends.
SMS_BACKEND = env("SMS_BACKEND", "core.notifications.sms.ConsoleBackend")
SMS_FILE_PATH = env("SMS_FILE_PATH", str(BASE_DIR / "var" / "sms.jsonl"))
# A hand-off ticket is good for this many seconds, once.
HANDOFF_TTL_SECONDS = env_int("HANDOFF_TTL_SECONDS", 60)
# The token an anonymous ID-scan upload returns is good this long, for one registration.
SCAN_TOKEN_TTL_SECONDS = env_int("SCAN_TOKEN_TTL_SECONDS", 30 * 60)

# Security headers of every response (tests/core/test_security_headers.py). Pages run only
# scripts and styles of this origin (static/js, static/css: no inline <script>, on*= or style=);
# scans and PDFs are shown in <object>/<iframe> from the same origin. A stored file answers
# with its own `sandbox` policy (core.files.blobs), which the middleware leaves alone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("ug", "ئۇيغۇرچە"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.api.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Signed in, and for views that name their roles, one of them acting in the host's region
    # (core.access: the same rule as the pages'); views open to anyone say AllowAny.
    "DEFAULT_PERMISSION_CLASSES": ["core.access.RegionAccess"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        "login": env("THROTTLE_LOGIN", "10/min"),
        # ID scans sent by people registering, before they have an account.
        "anonymous_upload": env("THROTTLE_ANONYMOUS_UPLOAD", "20/hour"),
        # Certificate verification (number + name) by anyone: enough for an HR office checking
        # a pile by hand, too few to guess names.
        "verify": env("THROTTLE_VERIFY", "30/min"),
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Our throttles ask core.identity.network; DRF's own ones read this.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "新疆职称管理平台 API",
    "DESCRIPTION": (
        "REST API of the Xinjiang professional-title platform. The host decides the region."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "ENUM_NAME_OVERRIDES": {"AppealKindEnum": "core.models.recovery.AppealKind"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_error_responses",
    ],
}

# django-q2: the ORM broker lives in the public schema; tenants.queue records the region of
# every task and re-enters it in the worker.
Q_CLUSTER = {
    "name": "zhicheng",
    "orm": "default",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": 120,
    "retry": 180,
    "catch_up": False,
    "poll": 0.5,
    "save_limit": 1000,
}

# 缴费: the provider adapter and its settings (payments.providers); the sandbox of `make run`.
PAYMENT_PROVIDER = env("PAYMENT_PROVIDER", "payments.providers.sandbox.SandboxProvider")
PAYMENT_SANDBOX_URL = env("PAYMENT_SANDBOX_URL", "http://localhost:8700")
PAYMENT_SANDBOX_SECRET = env("PAYMENT_SANDBOX_SECRET", "sandbox-secret")
# How long an order may be paid; unpaid orders are queried before that (payments.tasks).
PAYMENT_ORDER_MINUTES = env_int("PAYMENT_ORDER_MINUTES", 30)

# 微信扫码登录 (core.identity.wechat): the provider and WeChat Open Platform's website
# application. The defaults are the sandbox of `make run` (port 8701); the real WeChat is
# WECHAT_CONNECT_URL=https://open.weixin.qq.com, WECHAT_API_URL=https://api.weixin.qq.com and
# the application's appid and secret (deploy/README.md). An empty appid hides WeChat login.
WECHAT_PROVIDER = env("WECHAT_PROVIDER", "core.identity.wechat.providers.OpenPlatformProvider")
WECHAT_SANDBOX_URL = env("WECHAT_SANDBOX_URL", "http://localhost:8701")
WECHAT_CONNECT_URL = env("WECHAT_CONNECT_URL", WECHAT_SANDBOX_URL)
WECHAT_API_URL = env("WECHAT_API_URL", WECHAT_SANDBOX_URL)
WECHAT_APPID = env("WECHAT_APPID", "wxsandbox00000001")
WECHAT_SECRET = env("WECHAT_SECRET", "sandbox-wechat-secret")
# How long a started scan (its state in the session) may take before the callback.
WECHAT_STATE_SECONDS = env_int("WECHAT_STATE_SECONDS", 600)

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
