"""The control: production settings without tenant routing.

Plain `django.db.backends.postgresql` (no search_path handling), no RegionRoutingMiddleware and
only the benchmark's routes. Everything else — DEBUG off, persistent connections, health checks,
the rest of the middleware, DRF — is production's, so control and routed differ only in routing.
"""

from config.settings.production import *  # noqa: F403
from config.settings.production import DATABASES, MIDDLEWARE

DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
MIDDLEWARE = [name for name in MIDDLEWARE if name != "tenants.routing.RegionRoutingMiddleware"]
ROOT_URLCONF = "benchmarks.control_urls"
PUBLIC_SCHEMA_URLCONF = ROOT_URLCONF
