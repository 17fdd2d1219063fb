from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.operations.backup import BackupError, region_restore


class Command(BaseCommand):
    help = (
        "Restore a region from a region_backup script in one transaction: its schema is "
        "replaced, the public rows it needs are added where missing. On a fresh database, run "
        "`migrate_schemas --shared` first and `bootstrap_regions` afterwards."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("script", type=Path)
        parser.add_argument("--database", help="another database name on the same server")

    def handle(self, *args: object, script: Path, database: str | None, **options: object) -> None:
        if not script.is_file():
            raise CommandError(f"{script}: no such file")
        try:
            region_restore(script, database)
        except BackupError as error:
            raise CommandError(f"nothing was restored: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"restored {script}"))
