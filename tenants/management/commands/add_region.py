from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.regions import region_create


class Command(BaseCommand):
    help = "Add (or update) one region: its schema, migrations and host <code>.<BASE_DOMAIN>."

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="schema name and host label, e.g. wujiaqu")
        parser.add_argument("name", help="Chinese name, e.g. 五家渠市")
        parser.add_argument("--full-name", default="")
        parser.add_argument(
            "--south-four",
            action="store_true",
            help="the region follows the 南疆四地州 directed-review policy",
        )

    def handle(self, *args: object, **options: object) -> None:
        try:
            region = region_create(
                code=options["code"],
                name=options["name"],
                full_name=options["full_name"],
                is_south_four=options["south_four"],
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"{region.schema_name} {region.name} ready."))
