from django.db import migrations, models

from core.caching.triggers import BUMP_FUNCTION, table_triggers, user_triggers

TABLES = ("core_unit", "core_authority", "core_qualification", "core_specialty", "core_series")


def _triggers() -> list[migrations.RunSQL]:
    pairs = [user_triggers(), *(table_triggers(table) for table in TABLES)]
    return [migrations.RunSQL(create, drop) for create, drop in pairs]


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0016_user_language_database_default"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReferenceVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunSQL(
            BUMP_FUNCTION, "DROP FUNCTION IF EXISTS public.pagecache_reference_bump() CASCADE;"
        ),
        *_triggers(),
    ]
