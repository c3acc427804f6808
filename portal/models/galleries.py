"""Photo galleries of events: an index of galleries and a gallery page per event, with
ordered, captioned photos. Renditions are made once and stored by Wagtail; every page here
fetches its photos, images and renditions in a fixed number of queries."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .listing import (
    INTRO_FEATURES,
    PlacedPhotosMixin,
    SectionIndexPage,
    attach_covers,
    format_period,
    live_children,
    paginate,
)
from .pages import BasePage
from .photos import AbstractPhoto


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")


class GalleryIndexPage(SectionIndexPage):
    subpage_types = ["portal.GalleryPage"]
    per_page = 12

    class Meta:
        verbose_name = _("gallery index")
        verbose_name_plural = _("gallery indexes")

    def galleries(self):
        """Newest event first."""
        return (
            live_children(self, GalleryPage)
            .select_related("listing_image", "territory")
            .annotate(photo_count=Count("photos"))
            .order_by("-event_date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, self.galleries(), self.per_page)
        page_obj.object_list = attach_covers(page_obj.object_list, GalleryPhoto)
        context["page_obj"] = page_obj
        return context


class GalleryPage(PlacedPhotosMixin, BasePage):
    event_date = models.DateField(
        _("date of the event"),
        help_text=_("The day of the event, or its first day if it lasted longer."),
    )
    end_date = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("For an event of several days, or a series of meetings."),
    )
    date_precision = models.CharField(
        _("date shown as"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Choose “month only” when the exact day is not known."),
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    territory = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina, powiat or voivodeship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("description"), features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_date"), FieldPanel("end_date")]),
                FieldPanel("date_precision"),
                FieldPanel("place"),
                FieldPanel("territory"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo"), min_num=1),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("place"),
        index.FilterField("event_date"),
    ]

    parent_page_types = ["portal.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("gallery")
        verbose_name_plural = _("galleries")

    def clean(self):
        super().clean()
        if self.end_date and self.event_date and self.end_date < self.event_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first.")})

    @property
    def date_display(self):
        return format_period(
            self.event_date, self.end_date, self.date_precision == DatePrecision.MONTH
        )

    @property
    def date_iso(self):
        if not isinstance(self.event_date, datetime.date):
            return ""
        if self.date_precision == DatePrecision.MONTH:
            return self.event_date.strftime("%Y-%m")
        return self.event_date.isoformat()


class GalleryPhoto(TranslatableMixin, AbstractPhoto):
    """A photo of a gallery. Translatable: the caption and alternative text are written
    in each language of the page."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")

    class Meta(TranslatableMixin.Meta, AbstractPhoto.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
