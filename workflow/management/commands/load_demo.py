from django.core.management.base import BaseCommand

from core.demo import DEMO_PASSWORD
from workflow.demo import load_demo


class Command(BaseCommand):
    help = "Create the regions and the demo accounts of API.md (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        users = load_demo()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready: {len(users)} accounts, password {DEMO_PASSWORD}")
        )
