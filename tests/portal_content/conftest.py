"""Fixtures for the content types: their index pages under the `site` fixture's home pages,
in Polish with English translations."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import translate
from tests.factories.content import (
    ConsultationIndexPageFactory,
    GalleryIndexPageFactory,
    GoodPracticeIndexPageFactory,
)


def both_languages(factory_class, site, slug_pl, slug_en, title_en, **fields):
    polish = factory_class(parent=site.home_pl, slug=slug_pl, **fields)
    english = translate(polish, site.locales.en, slug=slug_en, title=title_en)
    return SimpleNamespace(pl=polish, en=english.specific)


@pytest.fixture
def galleries(site):
    return both_languages(GalleryIndexPageFactory, site, "galerie", "galleries", "Galleries")


@pytest.fixture
def consultations(site):
    return both_languages(
        ConsultationIndexPageFactory, site, "konsultacje", "consultations", "Consultations"
    )


@pytest.fixture
def practices(site):
    return both_languages(
        GoodPracticeIndexPageFactory, site, "dobre-praktyki", "good-practices", "Good practices"
    )


def uncached_queries(client, url):
    """How many SQL queries an anonymous, uncached view of `url` takes."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def warm(client, *urls):
    """View each page once: its renditions are made and stored, as after a first visit."""
    for url in urls:
        cache.clear()
        assert client.get(url).status_code == 200, url
    cache.clear()
