"""The test suite: a real PostgreSQL, fast hashing, no outgoing mail."""

from .base import *

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "login": "1000/min",
        "anonymous_upload": "1000/min",
        "verify": "1000/min",
    },
}
# Tests roll back region and domain changes: re-read the routing version on every request.
ROUTING_RECHECK_SECONDS = 0
SMS_BACKEND = "core.notifications.sms.LocmemBackend"
# Query-count tests must not see the once-a-minute activity write on a slow machine; the
# activity tests set it back.
ACTIVITY_WRITE_EVERY_SECONDS = 24 * 3600
