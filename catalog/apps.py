from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("List of activities and services")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Keeps search_text and coverage_codes up to date (see catalog/signals.py).
        from catalog import signals  # noqa: F401
