from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = _("监督")

    def ready(self) -> None:
        from oversight import exports

        post_migrate.connect(exports.ensure_purge_schedule, sender=self)
