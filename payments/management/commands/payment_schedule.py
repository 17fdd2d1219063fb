"""`manage.py payment_schedule`: the django-q2 schedule of the payment sweep (idempotent)."""

from django.core.management.base import BaseCommand
from django_q.models import Schedule

NAME = "payments.sweep"


class Command(BaseCommand):
    help = "Schedule the payment sweep (query open orders, retry refunds) every minute."

    def handle(self, *args: object, **options: object) -> None:
        Schedule.objects.update_or_create(
            name=NAME,
            defaults={
                "func": "payments.tasks.sweep_all_regions",
                "schedule_type": Schedule.MINUTES,
                "minutes": 1,
            },
        )
