from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("共享身份与基础数据")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (connects the audit receivers)
