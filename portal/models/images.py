from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """An image with the facts a public body must publish beside it."""

    caption = models.CharField(_("caption"), max_length=500, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    licence = models.CharField(
        _("licence"), max_length=200, blank=True, help_text=_("e.g. CC BY 4.0")
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "author", "licence", "alt_text")

    @property
    def default_alt_text(self):
        return self.alt_text or self.title

    @property
    def credit(self):
        return " · ".join(part for part in (self.author, self.licence) if part)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
