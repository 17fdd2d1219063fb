"""Production: refuses to start with DEBUG or without a real secret key."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

if DEBUG:
    raise ImproperlyConfigured("DJANGO_DEBUG must be off in production.")
if not SECRET_KEY or SECRET_KEY.startswith("insecure-") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (40+ random characters) in production.")
if not env("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL in production.")

DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 600)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the shipped nginx (deploy/nginx.conf sets X-Forwarded-For to the address it saw).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXIES", 1)
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": TRUSTED_PROXY_COUNT}
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True  # the pages send the token from the form / hx-headers, not JS
# HTTPS only, for a year, on every region's subdomain (deploy/nginx.conf redirects port 80).
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
STATIC_ROOT = Path(env("STATIC_ROOT", str(STATIC_ROOT)))
LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")
# Private files are handed to nginx through X-Accel-Redirect (deploy/nginx.conf).
PRIVATE_FILES_ACCEL_PREFIX = env("PRIVATE_FILES_ACCEL_PREFIX", "/_private/")
# 微信扫码登录 talks to the real WeChat Open Platform, and only once its website application's
# appid and secret are set (deploy/README.md); without an appid the pages do not offer it.
WECHAT_CONNECT_URL = env("WECHAT_CONNECT_URL", "https://open.weixin.qq.com")
WECHAT_API_URL = env("WECHAT_API_URL", "https://api.weixin.qq.com")
WECHAT_APPID = env("WECHAT_APPID", "")
WECHAT_SECRET = env("WECHAT_SECRET", "")
if WECHAT_APPID and not WECHAT_SECRET:
    raise ImproperlyConfigured("Set WECHAT_SECRET (or WECHAT_SECRET_FILE) with WECHAT_APPID.")
