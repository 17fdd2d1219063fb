import time

from django.core.management.base import BaseCommand

from core.catalog.sync import catalog_sync


class Command(BaseCommand):
    help = (
        "Load the title catalog, the section forms and the qualification conditions from the "
        "data files (idempotent; stored form versions are never changed)."
    )

    def handle(self, *args: object, **options: object) -> None:
        started = time.perf_counter()
        result = catalog_sync()
        elapsed = time.perf_counter() - started
        for part, counts in result.items():
            summary = ", ".join(f"{name} {value}" for name, value in counts.items())
            self.stdout.write(f"{part}: {summary}")
        self.stdout.write(self.style.SUCCESS(f"Catalog loaded in {elapsed:.2f} s"))
