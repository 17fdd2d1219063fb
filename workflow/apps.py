from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("地区业务")

    def ready(self) -> None:
        from core.caching.pages import connect_reference_models

        from .models import Committee

        connect_reference_models(Committee)  # its name and contacts are on cached pages
