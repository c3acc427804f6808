"""Helpers shared by the listing and detail pages of the portal's content types: live
children of an index, pagination that never fails, photos and covers with their stored
renditions in a fixed number of queries, and places and periods written as people write
them."""

from django.conf import settings
from django.db.models import F, Window, prefetch_related_objects
from django.db.models.functions import RowNumber
from django.utils import translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.navigation import public

from .pages import BasePage

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


class PlacedPhotosMixin:
    """For pages with a `place`, a `territory` and ordered `photos`: the place in words,
    and the photos with their renditions in the context (a fixed number of queries)."""

    @property
    def where(self):
        return describe_place(self.place, self.territory)

    def get_context(self, request, *args, **kwargs):
        if self.territory_id:
            self.territory = with_parents(self.territory_id)
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = photos_with_renditions(self)
        return context


class SectionIndexPage(BasePage):
    """The index of one section of a home page (galleries, consultations, practices): an
    introduction above the list, one per home page, so one per language."""

    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
