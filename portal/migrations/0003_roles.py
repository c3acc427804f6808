from django.db import migrations

# Frozen copies of portal.roles: a migration must not change when the code does.
WAGTAIL_GROUPS = {"Editors": "Editor", "Moderators": "Moderator"}
NEW_GROUPS = ["Trainee", "Coach", "Coordinator", "Institution editor"]


WORKFLOW_NAMES = {"Moderators approval": "Moderator approval"}


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    # Wagtail's default workflow (a moderator approves before anything is published) keeps
    # its group through the group rename below; its name follows the role's.
    for model in ("Workflow", "Task"):
        for old, new in WORKFLOW_NAMES.items():
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)
    for old, new in WAGTAIL_GROUPS.items():
        if not Group.objects.filter(name=new).exists():
            updated = Group.objects.filter(name=old).update(name=new)
            if not updated:
                Group.objects.create(name=new)
    for name in NEW_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for model in ("Workflow", "Task"):
        for old, new in WORKFLOW_NAMES.items():
            apps.get_model("wagtailcore", model).objects.filter(name=new).update(name=old)
    Group.objects.filter(name__in=NEW_GROUPS).delete()
    for old, new in WAGTAIL_GROUPS.items():
        Group.objects.filter(name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_cms"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
