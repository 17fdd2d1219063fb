from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.operations.backup import BackupError, region_backup


class Command(BaseCommand):
    help = (
        "Write one region's backup (its schema and the public rows it needs) as one SQL script; "
        "restore it with region_restore."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("code", help="the region's code, e.g. urumqi")
        parser.add_argument("output", type=Path, help="the script to write, e.g. urumqi.sql")

    def handle(self, *args: object, code: str, output: Path, **options: object) -> None:
        try:
            region_backup(code, output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"{code}: {output} ({output.stat().st_size} bytes)"))
