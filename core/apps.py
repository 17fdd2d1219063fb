from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("共享身份与基础数据")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (connects the audit receivers)

        post_migrate.connect(_schedule_heartbeat, sender=self)


def _schedule_heartbeat(sender: AppConfig, **kwargs: object) -> None:
    """The worker's heartbeat schedule exists wherever the public schema is migrated."""
    from django.db import connection

    from tenants.directory import PUBLIC_CODE

    from .operations.health import ensure_heartbeat_schedule

    if getattr(connection, "schema_name", PUBLIC_CODE) == PUBLIC_CODE:
        ensure_heartbeat_schedule()
