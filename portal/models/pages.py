from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock


class BasePage(Page):
    """Fields every public page has for listings and search results."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=500,
        help_text=_("One or two sentences shown in listings and search results."),
    )
    listing_image = models.ForeignKey(
        "portal.CustomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = Page.promote_panels + [FieldPanel("summary"), FieldPanel("listing_image")]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    # Served from the anonymous page cache (portal.cache) unless a page type says otherwise.
    cache_anonymous_views = True

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.cache_anonymous_views:
            response.cacheable_page_view = True
        return response


class HomePage(BasePage):
    lead = RichTextField(_("lead"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.StandardPage",
        "news.NewsIndexPage",
        "portal.GalleryIndexPage",
        "portal.ConsultationIndexPage",
        "portal.GoodPracticeIndexPage",
        "portal.ModelPage",
        "catalog.CatalogPage",
        "school.CourseIndexPage",
        "portal.AccessibilityStatementPage",
        "portal.EasyReadPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from portal.navigation import section_highlights

        context = super().get_context(request, *args, **kwargs)
        context["highlights"] = section_highlights(self)
        return context


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
