from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("地区")

    def ready(self) -> None:
        from . import queue, routing  # noqa: F401  (connects the routing and queue signals)
