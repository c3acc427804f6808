"""RSS 2.0 and Atom feeds of a news index (its routes feed/ and feed/atom/), with Django's
syndication framework. Links are absolute, built from the address the feed was asked at;
the index's filters (?tag=, ?year=, ?woj=, ?project=) apply to the feed too."""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from . import filters

FEED_SIZE = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.filters = filters.NewsFilters.from_query(request.GET)
        return super().__call__(request, *args, **kwargs)

    def absolute(self, page):
        return self.request.build_absolute_uri(page.get_url(self.request))

    def title(self):
        return self.index.title

    def description(self):
        return self.index.lead or self.index.summary or self.index.title

    def subtitle(self):
        return self.description()

    def link(self):
        return self.absolute(self.index)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def author_name(self):
        from portal.models import SiteSettings

        site_settings = SiteSettings.for_request(self.request)
        return site_settings.institution_name_for(translation.get_language()) or "Kooperacja"

    def items(self):
        news = self.index.news_items().prefetch_related(None).prefetch_related("tags")
        return list(self.filters.apply(news)[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return self.absolute(item)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.published_at

    def item_categories(self, item):
        return sorted(tag.name for tag in item.tags.all())

    def item_author_name(self, item):
        return item.institution or None


class AtomNewsFeed(NewsFeed):
    feed_type = Atom1Feed
