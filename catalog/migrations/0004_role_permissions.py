"""The catalog's rights for the portal roles (see catalog/permissions.py for why the
Institution editor group holds no model permission of its own)."""

from django.db import migrations

# Frozen copies: a migration must not change when the code does.
FULL = ["add", "change", "delete", "view"]
EDITORIAL = {
    "institution": FULL + ["publish", "lock", "unlock"],
    "service": FULL + ["publish", "lock", "unlock"],
    "cooperationteam": FULL,
    "synonymgroup": FULL,
    "zeroresultsearch": ["view"],
}
VIEW_ONLY = {
    model: ["view"]
    for model in ("institution", "service", "cooperationteam", "synonymgroup", "zeroresultsearch")
}
GROUP_PERMISSIONS = {
    "Moderator": EDITORIAL,
    "Editor": EDITORIAL,
    "Coordinator": VIEW_ONLY,
    "Institution editor": {},
}
# The admin is where coordinators read the gap report and institution editors keep their
# entries current; moderators and editors have it from Wagtail's own groups.
ADMIN_ACCESS = ["Coordinator", "Institution editor"]


def catalog_permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="catalog", model=model)
    # Permissions are normally made after all migrations (post_migrate), Wagtail's publish,
    # lock and unlock ones too; a fresh database needs them now.
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {model}"},
    )
    return permission


def admin_access(apps):
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
    for group_name, models in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for model, actions in models.items():
            for action in actions:
                group.permissions.add(catalog_permission(apps, model, action))
        if group_name in ADMIN_ACCESS:
            group.permissions.add(admin_access(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="catalog"))
        if group.name in ADMIN_ACCESS:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="wagtailadmin", codename="access_admin"
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_records"),
        ("portal", "0003_roles"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
