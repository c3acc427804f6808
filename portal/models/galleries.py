"""Photo galleries of events: an index of galleries and a gallery page per event, with
ordered, captioned photos. Renditions are made once and stored by Wagtail; every page here
fetches its photos, images and renditions in a fixed number of queries."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from portal.navigation import public

from .pages import BasePage
from .photos import AbstractPhoto

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def live_children(index_page, page_class):
    """The live, public pages of `page_class` right under `index_page` (so in its locale)."""
    return public(page_class.objects.child_of(index_page).live())


def paginate(request, queryset, per_page=None):
    """A page of results; a missing, non-numeric or out-of-range `?page=` gives the
    nearest page rather than an error."""
    from django.core.paginator import Paginator

    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def photos_with_renditions(page, relation="photos"):
    """The page's ordered photos with their images and stored renditions: two queries
    however many photos. A preview or an old revision holds its photos in memory; they
    are used as they are."""
    manager = getattr(page, relation)
    if page.pk is None or manager.is_deferring:
        return list(manager.all())
    return list(manager.all().select_related("image").prefetch_related("image__renditions"))


def attach_covers(pages, photo_model):
    """Sets `cover` on each page: its listing image (select_related by the caller), or else
    the image of its first photo. Two queries for all the pages, whatever they hold: the
    first photos with their images, then the stored renditions of every cover."""
    pages = list(pages)
    missing = [page.pk for page in pages if page.listing_image_id is None]
    first_images = {}
    if missing:
        ranked = (
            photo_model.objects.filter(page_id__in=missing)
            .annotate(rank=Window(RowNumber(), partition_by=[F("page_id")], order_by="sort_order"))
            .filter(rank=1)
            .select_related("image")
        )
        first_images = {photo.page_id: photo.image for photo in ranked}
    for page in pages:
        page.cover = page.listing_image or first_images.get(page.pk)
    prefetch_related_objects([page.cover for page in pages if page.cover], "renditions")
    return pages


def territory_label(unit):
    """A unit of the register as written in running text: "gmina Łopuszno", "powiat
    jędrzejowski", "województwo podlaskie" (and their English forms)."""
    if unit is None:
        return ""
    english = translation.get_language() != "pl"
    name = capfirst(unit.name) if english else unit.name
    if unit.level == "voivodeship":
        return _("%(name)s voivodeship") % {"name": name}
    if unit.kind == "powiat":
        return _("powiat %(name)s") % {"name": unit.name}
    if unit.kind in ("city_powiat", "urban"):
        return unit.name  # a town is named by its name alone
    return _("%(name)s gmina") % {"name": unit.name}


def describe_place(place, unit):
    """Where something happened: the place as written, then the unit of the register and
    its voivodeship (through parents the caller fetched), without saying a name twice."""
    parts = [place] if place else []
    written = (place or "").lower()
    chain = []
    while unit is not None:
        chain.append(unit)
        unit = unit.parent if unit.level != "voivodeship" else None
    if chain:
        first, voivodeship = chain[0], chain[-1]
        if first.name.lower() not in written:
            parts.append(territory_label(first))
        if voivodeship.level == "voivodeship" and voivodeship is not first:
            if voivodeship.name.lower() not in written:
                parts.append(territory_label(voivodeship))
    return ", ".join(str(part) for part in parts)


def with_parents(unit_id):
    """A unit of the register with its powiat and voivodeship, in one query."""
    from catalog.models import Territory

    if not unit_id:
        return None
    return Territory.objects.select_related("parent__parent").filter(pk=unit_id).first()


def _month_name(day):
    name = date_format(day, "F")
    # Polish month names are common nouns: lower case in running text.
    return name.lower() if translation.get_language() == "pl" else name


def format_period(start, end=None, month_only=False):
    """A date or a range, as people write it: "6–8 listopada 2018", "sierpień–grudzień
    2018", "6–8 November 2018"."""
    if start is None:
        return ""
    if end is not None and end < start:
        end = None
    if month_only:
        if end is None or (end.year, end.month) == (start.year, start.month):
            return f"{_month_name(start)} {start.year}"
        if end.year == start.year:
            return f"{_month_name(start)}–{_month_name(end)} {end.year}"
        return f"{_month_name(start)} {start.year} – {_month_name(end)} {end.year}"
    if end is None or end == start:
        return date_format(start, "j E Y")
    if (end.year, end.month) == (start.year, start.month):
        return f"{start.day}–{date_format(end, 'j E Y')}"
    if end.year == start.year:
        return f"{date_format(start, 'j E')} – {date_format(end, 'j E Y')}"
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact day")
    MONTH = "month", _("month only")


class GalleryIndexPage(BasePage):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.GalleryPage"]
    # One per home page, so one per language.
    max_count_per_parent = 1
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


class GalleryPage(BasePage):
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

    @property
    def where(self):
        return describe_place(self.place, self.territory)

    def get_context(self, request, *args, **kwargs):
        if self.territory_id:
            self.territory = with_parents(self.territory_id)
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = photos_with_renditions(self)
        return context


class GalleryPhoto(TranslatableMixin, AbstractPhoto):
    """A photo of a gallery. Translatable: the caption and alternative text are written
    in each language of the page."""

    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")

    class Meta(TranslatableMixin.Meta, AbstractPhoto.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
