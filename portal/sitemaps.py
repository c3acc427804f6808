from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page tree only; with one home page per
    language the other languages' trees are siblings of it, so list every translation."""

    def items(self):
        site = self.get_wagtail_site()
        homes = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in homes:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
