from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.search import index

from portal.models import BasePage


class CatalogPage(RoutablePageMixin, BasePage):
    """The list of activities and services at /pl/uslugi/ (/en/services/): search with
    filters, service and institution details, cooperation teams, the help plan. Its
    routes are model-backed views; the page puts them into the tree, menus and locales."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = BasePage.search_fields + [index.SearchField("lead")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Search results and plans vary with the query string and session: not page-cached.
    cache_anonymous_views = False

    class Meta:
        verbose_name = _("list of activities and services")
        verbose_name_plural = _("lists of activities and services")
