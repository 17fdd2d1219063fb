"""Committees' names and contacts are printed on cached pages: each change bumps the public
reference version (core.caching), in every region's schema."""

from django.db import migrations

from core.caching.triggers import BUMP_FUNCTION, table_triggers

CREATE, DROP = table_triggers("workflow_committee")


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0011_status_publicity_ended"),
    ]

    operations = [
        # The function lives in public; creating it again here keeps this migration whole.
        migrations.RunSQL(BUMP_FUNCTION, migrations.RunSQL.noop),
        migrations.RunSQL(CREATE, DROP),
    ]
