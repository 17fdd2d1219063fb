"""The public index stores codes, not labels: where an application is (node index and kind),
the organization it waits at (kind and id) and its committee's id. The region-side migration
(workflow 0006) fills them from each region's rows; labels are rendered when read."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_catalog_edited_by_office"),
    ]

    operations = [
        migrations.RemoveField(model_name="applicationindex", name="current_node"),
        migrations.RemoveField(model_name="applicationindex", name="label"),
        migrations.AddField(
            model_name="applicationindex",
            name="committee_id",
            field=models.PositiveIntegerField(null=True, verbose_name="评审委员会"),
        ),
        migrations.AlterField(
            model_name="applicationindex",
            name="committee_name",
            field=models.CharField(max_length=128, verbose_name="评审委员会名称"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="node_index",
            field=models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="当前节点"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="node_kind",
            field=models.CharField(blank=True, max_length=32, verbose_name="节点类型"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="waiting_org_kind",
            field=models.CharField(blank=True, max_length=32, verbose_name="待办单位类型"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="waiting_org_id",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="待办单位"),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(
                fields=["waiting_org_kind", "waiting_org_id", "-updated_at"],
                name="core_index_waiting_at",
            ),
        ),
    ]
