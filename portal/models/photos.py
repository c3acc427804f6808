from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class AbstractPhoto(Orderable):
    """A photo in an ordered set (a gallery page, the inline gallery of a news item).

    Caption, author and licence default to those stored with the image, so a photo used
    in several places is described once; each use may say more."""

    image = models.ForeignKey(
        "portal.CustomImage", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the image's own alternative text."),
    )
    author = models.CharField(_("author"), max_length=200, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("caption"),
        FieldPanel("alt_text"),
        FieldPanel("author"),
        FieldPanel("licence"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_caption(self):
        return self.caption or self.image.caption

    @property
    def display_alt(self):
        return self.alt_text or self.image.default_alt_text

    @property
    def credit(self):
        author = self.author or self.image.author
        licence = self.licence or self.image.licence
        return " · ".join(part for part in (author, licence) if part)
