from django.core.management.base import BaseCommand

from core.audit import audit_purge, audit_retention_days


class Command(BaseCommand):
    help = (
        "Delete audit events older than AUDIT_RETENTION_DAYS (at least 180 days); the only "
        "deletion the database allows on the audit log. Run daily (deploy/systemd)."
    )

    def handle(self, *args: object, **options: object) -> None:
        deleted = audit_purge()
        self.stdout.write(
            f"Audit events older than {audit_retention_days()} days deleted: {deleted}"
        )
