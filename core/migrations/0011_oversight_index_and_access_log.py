"""What the oversight pages read from the public index (series, level, offering, applicant's
name, created/submitted, waiting since), and the 查询记录 fields of the audit log.

Existing index rows are filled in one statement: series and level from the catalog, the name
from the account; the times the index never kept are taken from `updated_at` (a row's last
change is the best known moment it reached where it waits), `submitted_at` only for rows that
left the draft. The offering's id stays empty until the row is next written."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

FILL = """
UPDATE core_applicationindex AS i SET
    series_id = s.series_id,
    level = q.level,
    applicant_name = LEFT(COALESCE(NULLIF(u.name, ''), u.username), 64),
    created_at = i.updated_at,
    waiting_since = i.updated_at,
    submitted_at = CASE WHEN i.status = 'draft' THEN NULL ELSE i.updated_at END
FROM core_qualification AS q, core_specialty AS s, core_user AS u
WHERE q.id = i.qualification_id AND s.id = q.specialty_id AND u.id = i.applicant_id
"""


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0010_user_language"),
        ("tenants", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="applicationindex",
            name="applicant_name",
            field=models.CharField(blank=True, max_length=64, verbose_name="申请人"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="created_at",
            field=models.DateTimeField(null=True, verbose_name="创建时间"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="level",
            field=models.CharField(blank=True, max_length=16, verbose_name="级别"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="offering_id",
            field=models.PositiveIntegerField(null=True, verbose_name="申报项目"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="series",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.series",
            ),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="submitted_at",
            field=models.DateTimeField(null=True, verbose_name="提交时间"),
        ),
        migrations.AddField(
            model_name="applicationindex",
            name="waiting_since",
            field=models.DateTimeField(null=True, verbose_name="到达时间"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="application_number",
            field=models.CharField(blank=True, max_length=20, verbose_name="申请书编号"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="org_id",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="单位"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="org_kind",
            field=models.CharField(blank=True, max_length=32, verbose_name="单位类型"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="org_name",
            field=models.CharField(blank=True, max_length=128, verbose_name="单位名称"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("registration", "注册"),
                    ("login", "登录"),
                    ("login_failed", "登录失败"),
                    ("lockout", "账号锁定"),
                    ("logout", "退出登录"),
                    ("password_change", "修改密码"),
                    ("password_reset", "重置密码"),
                    ("appeal_decision", "申诉审核"),
                    ("unit_change_decision", "单位变更审核"),
                    ("catalog_change", "职称目录修改"),
                    ("application_viewed", "查看申请书"),
                    ("id_scan_viewed", "查看身份证扫描件"),
                    ("form_viewed", "查看打印表格"),
                    ("application_exported", "导出申请书"),
                    ("export_created", "导出数据"),
                ],
                db_index=True,
                max_length=32,
                verbose_name="事件",
            ),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(
                fields=["year", "region", "status", "series", "level"], name="core_index_dashboard"
            ),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(
                fields=[
                    "status",
                    "year",
                    "node_kind",
                    "waiting_org_kind",
                    "waiting_org_id",
                    "region",
                    "waiting_since",
                ],
                name="core_index_waits",
            ),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(fields=["year", "submitted_at"], name="core_index_submitted"),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(fields=["region", "-updated_at"], name="core_index_region_recent"),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(fields=["unit", "-updated_at"], name="core_index_unit_recent"),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(fields=["-updated_at", "number"], name="core_index_recent"),
        ),
        migrations.AddIndex(
            model_name="applicationindex",
            index=models.Index(
                fields=["applicant_name"],
                name="core_index_applicant_name",
                opclasses=["varchar_pattern_ops"],
            ),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                condition=models.Q(("owner__isnull", False)),
                fields=["owner", "-created_at"],
                name="core_audit_owner_recent",
            ),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["actor", "-created_at"], name="core_audit_actor_recent"),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
