"""The audit log is append-only in PostgreSQL itself: UPDATE, DELETE and TRUNCATE are refused
from every path (the application's raw SQL included), except the retention purge deleting rows
older than 180 days — the legal minimum (等保 2.0), below any AUDIT_RETENTION_DAYS."""

from django.db import migrations, models

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.created_at < now() - interval '180 days' THEN
        RETURN OLD;  -- the retention purge
    END IF;
    RAISE EXCEPTION 'core_auditevent is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION core_auditevent_no_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only (TRUNCATE refused)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER core_auditevent_no_truncate
    BEFORE TRUNCATE ON core_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION core_auditevent_no_truncate();
"""

BACK = """
DROP TRIGGER IF EXISTS core_auditevent_no_truncate ON core_auditevent;
DROP FUNCTION IF EXISTS core_auditevent_no_truncate();
CREATE OR REPLACE FUNCTION core_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'core_auditevent is append-only';
END;
$$ LANGUAGE plpgsql;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0011_oversight_index_and_access_log"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="kind",
            field=models.CharField(choices=[("registration", "注册"), ("login", "登录"), ("login_failed", "登录失败"), ("lockout", "账号锁定"), ("logout", "退出登录"), ("tokens_revoked", "撤销令牌"), ("password_change", "修改密码"), ("password_reset", "重置密码"), ("appeal_decision", "申诉审核"), ("unit_change_decision", "单位变更审核"), ("catalog_change", "职称目录修改")], db_index=True, max_length=32, verbose_name="事件"),
        ),
        migrations.RunSQL(sql=APPEND_ONLY, reverse_sql=BACK),
    ]
