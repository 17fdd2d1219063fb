from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle


class LoginRateThrottle(ScopedRateThrottle):
    """Login attempts per client address; the rate is read when used, so settings can change."""

    scope_attr = "throttle_scope"

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
