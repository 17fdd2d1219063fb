from django.core.management.base import BaseCommand

from results.demo import load_results_demo


class Command(BaseCommand):
    help = "Demo results in 乌鲁木齐市 (after load_demo): a meeting, publicity, 批文, certificate."

    def handle(self, *args: object, **options: object) -> None:
        number = load_results_demo()
        if number:
            self.stdout.write(self.style.SUCCESS(f"Demo certificate {number} (买买提)"))
