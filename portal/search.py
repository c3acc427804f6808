"""Site search over the live public pages of one locale, on whichever Wagtail search
backend the settings choose."""

import logging
import re

from django.conf import settings
from wagtail.models import Page

logger = logging.getLogger("portal.search")

# Characters that some backends treat as query syntax; a visitor means them as text.
_SYNTAX = re.compile(r"[\"*:()\[\]{}^~!+\-\\/<>=&|]+")
# Control characters: nobody types them, and a NUL ends the query early in SQLite's full
# text search ("unterminated string": a server error) and is refused by PostgreSQL.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean_query(raw):
    text = _CONTROL.sub(" ", raw or "")
    text = _SYNTAX.sub(" ", text)
    text = " ".join(text.split())
    return text[: settings.SEARCH_QUERY_MAX_LENGTH].strip()


def _backend_errors():
    """What a search server that is down or too slow raises (Elasticsearch's client);
    a database backend raises none of these."""
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError
    except ImportError:  # pragma: no cover - the client is a dependency
        return (ConnectionError, TimeoutError)
    return (TransportError, ApiError, ConnectionError, TimeoutError)


class PageResults:
    """The search's results for a paginator: counted and sliced lazily (one request each).
    When the search server fails, it holds nothing and `unavailable` is true, so the page
    says so instead of failing (the rest of the site does not depend on the server)."""

    def __init__(self, results):
        self._results = results
        self.unavailable = False

    def _guarded(self, read, empty):
        if self.unavailable:
            return empty
        try:
            return read()
        except _backend_errors() as exc:
            logger.warning("Site search failed (%s: %s)", type(exc).__name__, str(exc)[:200])
            self.unavailable = True
            return empty

    def count(self):
        return self._guarded(self._results.count, 0)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, (slice, int)):
            # templates look attributes up as keys first: `unavailable` must reach getattr
            raise TypeError(key)
        return self._guarded(lambda: self._results[key], [] if isinstance(key, slice) else None)


def search_pages(query, locale):
    """A lazily evaluated search result: slicing it (as the paginator does) queries once."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return PageResults(pages.search(query, operator="and"))
