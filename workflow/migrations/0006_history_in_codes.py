"""History, comments and the public index in codes (status, node index and kind, the acting
organization's kind and id), not in the labels of whoever acted. Existing rows are converted:
node positions are replayed from each application's history, organizations are read from the
actor's account."""

from django.conf import settings
from django.db import migrations, models

# What each action does to the node index (workflow.transitions at the time of writing).
MOVES = {"submit": "first", "recommend": "next", "forward": "next"}


def _org_of(user, application) -> tuple[str, int | None]:
    role = user.role if user else ""
    if role == "unit_admin" and user.unit_id:
        return "unit", user.unit_id
    if role == "authority_reviewer" and user.authority_id:
        return "authority", user.authority_id
    if role == "committee_staff":
        return "committee", application.offering.committee_id
    if role == "region_admin":
        return "region_admin", user.region_id
    if role == "central_office":
        return "central_office", None
    return "applicant", user.pk if user else None


def _kind(application, index) -> str:
    if index is None:
        return ""
    nodes = application.flow.nodes
    return nodes[index]["kind"] if 0 <= index < len(nodes) else ""


def forwards(apps, schema_editor):
    Application = apps.get_model("workflow", "Application")
    TransitionRecord = apps.get_model("workflow", "TransitionRecord")
    ReviewComment = apps.get_model("workflow", "ReviewComment")
    ApplicationIndex = apps.get_model("core", "ApplicationIndex")
    for application in Application.objects.select_related("flow", "offering").iterator():
        index = None
        for record in TransitionRecord.objects.filter(application=application).select_related(
            "actor"
        ).order_by("created_at", "pk"):
            move = MOVES.get(record.action)
            to_index = 0 if move == "first" else (index or 0) + 1 if move == "next" else None
            record.from_node_index, record.from_node_kind = index, _kind(application, index)
            record.to_node_index, record.to_node_kind = to_index, _kind(application, to_index)
            record.org_kind, record.org_id = _org_of(record.actor, application)
            record.save()
            index = to_index
        for comment in ReviewComment.objects.filter(application=application).select_related(
            "author"
        ):
            comment.org_kind, comment.org_id = _org_of(comment.author, application)
            comment.save()
        kind = _kind(application, application.current_node)
        node = (
            application.flow.nodes[application.current_node]
            if application.current_node is not None and application.status == "in_review"
            else None
        )
        waiting = ("", None)
        if node is not None:
            waiting = {
                "base_unit": ("unit", application.unit_id),
                "recommending_unit": ("authority", application.recommending_unit_id),
                "authority": ("authority", node.get("authority_id")),
                "committee": ("committee", application.offering.committee_id),
            }.get(node["kind"], ("", None))
        ApplicationIndex.objects.filter(number=application.number).update(
            committee_id=application.offering.committee_id,
            node_index=application.current_node if node is not None else None,
            node_kind=kind if node is not None else "",
            waiting_org_kind=waiting[0],
            waiting_org_id=waiting[1],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_index_in_codes"),
        ("workflow", "0005_unit_recent_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="reviewcomment", name="one_comment_per_section_round_org"
        ),
        migrations.AddField(
            model_name="reviewcomment",
            name="org_kind",
            field=models.CharField(default="", max_length=32),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="reviewcomment",
            name="org_id",
            field=models.PositiveIntegerField(null=True),
        ),
        migrations.AlterField(
            model_name="transitionrecord",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="system_actor",
            field=models.CharField(blank=True, max_length=32, verbose_name="系统操作者"),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="org_kind",
            field=models.CharField(default="", max_length=32, verbose_name="单位类型"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="org_id",
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="from_node_index",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="from_node_kind",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="to_node_index",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="to_node_kind",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AddField(
            model_name="transitionrecord",
            name="details",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="reviewcomment", name="organization"),
        migrations.RemoveField(model_name="transitionrecord", name="organization"),
        migrations.RemoveField(model_name="transitionrecord", name="from_node"),
        migrations.RemoveField(model_name="transitionrecord", name="to_node"),
        migrations.AlterField(
            model_name="reviewcomment",
            name="org_id",
            field=models.PositiveIntegerField(),
        ),
        migrations.AddConstraint(
            model_name="reviewcomment",
            constraint=models.UniqueConstraint(
                fields=("application", "section", "round", "org_kind", "org_id"),
                name="one_comment_per_section_round_org",
            ),
        ),
        migrations.AddConstraint(
            model_name="transitionrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(actor__isnull=False) | ~models.Q(system_actor=""),
                name="transition_has_an_actor",
            ),
        ),
    ]
