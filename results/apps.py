from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("评审结果")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from results import stages, tasks

        stages.register()
        post_migrate.connect(tasks.ensure_schedule, sender=self)
