from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    verbose_name = _("缴费")

    def ready(self) -> None:
        from payments import hooks  # noqa: F401 - connects the workflow signals
        from payments.panels import payment_panels, payment_stamps
        from workflow.cards import CARD_PANELS, CARD_STAMPS

        if payment_panels not in CARD_PANELS:
            CARD_PANELS.append(payment_panels)
        if payment_stamps not in CARD_STAMPS:
            CARD_STAMPS.append(payment_stamps)
