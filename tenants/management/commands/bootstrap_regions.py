from django.core.management.base import BaseCommand

from tenants.regions import bootstrap_regions


class Command(BaseCommand):
    help = "Create the public site and the 15 regions of Xinjiang with their domains (idempotent)."

    def handle(self, *args: object, **options: object) -> None:
        regions = bootstrap_regions()
        for region in regions:
            self.stdout.write(f"{region.schema_name:<12} {region.name}")
        self.stdout.write(self.style.SUCCESS(f"{len(regions)} regions ready."))
