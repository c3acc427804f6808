from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Project(TranslatableMixin, index.Indexed, models.Model):
    """An EU-funded project that content belongs to, e.g. "Liderzy kooperacji"."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("short code"), max_length=60, help_text=_("Used in filter addresses, e.g. liderzy.")
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_project_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name
