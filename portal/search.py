"""Site search over the live public pages of one locale, on whichever Wagtail search
backend the settings choose."""

import re

from django.conf import settings
from wagtail.models import Page

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


def search_pages(query, locale):
    """A lazily evaluated search result: slicing it (as the paginator does) queries once."""
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(query, operator="and")
