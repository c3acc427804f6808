"""Institutions and services go through the "Moderator approval" workflow: an institution
editor's change waits as a revision until a moderator approves it."""

from django.db import migrations

# Frozen copy of portal.editorial.MODERATION_WORKFLOW.
MODERATION_WORKFLOW = "Moderator approval"
MODELS = ["institution", "service"]


def assign(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = (
        Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
        # Renamed since: the active workflow whose task the Moderator group approves.
        or Workflow.objects.filter(
            active=True,
            workflow_tasks__task__groupapprovaltask__groups__name="Moderator",
        )
        .order_by("pk")
        .first()
    )
    if workflow is None:
        return
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="catalog", model=model)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def unassign(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label="catalog", content_type__model__in=MODELS
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_role_permissions"),
        ("portal", "0003_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(assign, unassign)]
