"""News: an index page per language (with its RSS and Atom feeds) and the news items under it.

A news item has a publication date (the order of the list), a lead, a body, a main image,
an inline photo gallery, tags, the territorial unit it concerns (a voivodeship, powiat or
gmina of the TERYT register), the project it belongs to and the institution that wrote it."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from catalog.models import Territory
from portal.blocks import BodyBlock
from portal.models import AbstractPhoto, BasePage, CustomImage

from . import filters


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The list of news of one language, filterable, with its feeds at feed/ and
    feed/atom/."""

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=600,
        help_text=_("A sentence or two above the list."),
    )

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = BasePage.search_fields + [index.SearchField("lead")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["news.NewsPage"]

    # News is published through the "Moderator approval" workflow (see portal.roles).
    requires_moderation = True

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def serve(self, request, view=None, args=None, kwargs=None):
        # RoutablePageMixin calls the route's view directly, past BasePage.serve: mark the
        # list (and the feeds, whose content depends on published pages only, as the list's
        # does) for the anonymous page cache here. Publishing anything empties that cache.
        response = super().serve(request, view, args, kwargs)
        if self.cache_anonymous_views and response.status_code == 200:
            response.cacheable_page_view = True
        return response

    def news_items(self):
        """The live, public news items of this index (and so of its language), newest first,
        with what a listing shows fetched in a fixed number of queries."""
        from portal.navigation import public

        if not self.depth:  # the preview of an index not yet in the tree
            return NewsPage.objects.none()
        return (
            public(NewsPage.objects.child_of(self).live().filter(locale_id=self.locale_id))
            .select_related("main_image", "listing_image", "territory", "project")
            .prefetch_related(
                "main_image__renditions",
                "listing_image__renditions",
                "tags",
            )
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chosen = filters.NewsFilters.from_query(request.GET)
        items = chosen.apply(self.news_items())
        page_obj = filters.paginate(items, request.GET.get("page"))
        context.update(
            {
                "filters": chosen,
                "filter_options": filters.options(self) if self.depth else {},
                "filter_query": chosen.querystring(),
                "page_obj": page_obj,
                "news_items": page_obj.object_list,
                "feed_url": self.feed_url(request, chosen),
                "atom_feed_url": self.feed_url(request, chosen, atom=True),
            }
        )
        return context

    def feed_url(self, request, chosen=None, atom=False):
        url = self.get_url(request)
        if not url:  # not routable (yet): no feed to point at
            return ""
        url += self.reverse_subpage("atom_feed" if atom else "rss_feed")
        query = chosen.querystring() if chosen else ""
        return f"{url}?{query}" if query else url

    @path("feed/", name="rss_feed")
    def rss_feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from .feeds import AtomNewsFeed

        return AtomNewsFeed(self)(request)


class NewsTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")


class NewsPage(BasePage):
    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("News is listed newest first by this date."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        help_text=_("The gist of the news in one or two sentences: shown in lists and feeds."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    main_image = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("alternative text of the main image"),
        max_length=300,
        blank=True,
        help_text=_("Leave empty to use the image's own alternative text."),
    )
    main_image_caption = models.CharField(
        _("caption of the main image"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the image's own caption."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=NewsTag,
        blank=True,
        help_text=_("Topics, e.g. seniors, training, coaching. Readers filter the news by them."),
    )
    territory = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The voivodeship, powiat or gmina the news concerns."),
    )
    project = models.ForeignKey(
        "portal.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    institution = models.CharField(
        _("authoring institution"),
        max_length=255,
        blank=True,
        help_text=_("The institution that wrote the news, e.g. PCPR Jędrzejów."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_caption"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("territory"),
                FieldPanel("project"),
                FieldPanel("institution"),
            ],
            heading=_("What the news concerns"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("institution"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def published_at(self):
        """The publication date as an aware datetime at noon, Polish time (for the feeds)."""
        noon = datetime.datetime.combine(self.date, datetime.time(12, 0))
        return timezone.make_aware(noon, timezone.get_default_timezone())

    def card_image(self):
        """The image of the news item in lists: the listing image, else the main image."""
        return self.listing_image or self.main_image

    def card_image_alt(self):
        if self.listing_image_id or not self.main_image_id:
            return self.listing_image.default_alt_text if self.listing_image else ""
        return self.main_image_alt or self.main_image.default_alt_text

    def get_context(self, request, *args, **kwargs):
        from portal.navigation import breadcrumbs

        context = super().get_context(request, *args, **kwargs)
        # A fixed number of queries however many photos and tags: each relation once, the
        # images and their renditions with it. (In a preview the photos and tags are the
        # draft's, held in memory; select_related and prefetch_related do nothing there.)
        photos = self.photos.select_related("image").prefetch_related("image__renditions")
        territory = None
        if self.territory_id:
            territory = (
                Territory.objects.select_related("parent__parent")
                .filter(pk=self.territory_id)
                .first()
            )
        main_image = None
        if self.main_image_id:
            main_image = (
                CustomImage.objects.prefetch_related("renditions")
                .filter(pk=self.main_image_id)
                .first()
            )
        # The index is this page's parent: the last of its breadcrumbs, which the page
        # fetches for the breadcrumbs anyway. (A new page's preview has no place yet.)
        crumbs = breadcrumbs(self) if self.depth else []
        context.update(
            {
                "photos": list(photos),
                "tags": sorted(self.tags.all(), key=lambda tag: tag.name),
                "territory": territory,
                "voivodeship": filters.voivodeship_of(territory),
                "main_image": main_image,
                "index_page": crumbs[-1] if crumbs else None,
            }
        )
        return context


class NewsPhoto(TranslatableMixin, AbstractPhoto):
    """A photo of a news item's gallery; translatable, so captions exist in each language."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="photos")

    class Meta(TranslatableMixin.Meta, AbstractPhoto.Meta):
        verbose_name = _("news photo")
        verbose_name_plural = _("news photos")
