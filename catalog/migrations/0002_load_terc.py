from django.db import migrations


def load(apps, schema_editor):
    from catalog.territory import load_shipped_register

    load_shipped_register(apps.get_model("catalog", "Territory"))


def unload(apps, schema_editor):
    Territory = apps.get_model("catalog", "Territory")
    # Children first: parent links are protected.
    for level in ("gmina", "powiat", "voivodeship"):
        Territory.objects.filter(level=level).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_territory")]

    operations = [migrations.RunPython(load, unload)]
