"""Coaches record their coaching and supervision sessions in the admin (school.admin_coaching),
so the Coach role gets into the admin. What they see there is decided by those views: their
own sessions only."""

from django.db import migrations


def access_admin(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name="Coach")
    group.permissions.add(access_admin(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Coach"):
        group.permissions.remove(access_admin(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_user_profile"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
