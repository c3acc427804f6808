"""An uncached view of the news index or of a news item costs a fixed number of SQL queries,
however many items, photos or tags there are."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CustomImageFactory
from tests.factories.news import NewsPageFactory
from tests.utils import soup

HEADER = "X-Page-Cache"
# What the measurements below gave when this was written; a change that makes a view cost
# more should be a decision, not an accident.
INDEX_BUDGET = 21
NEWS_PAGE_BUDGET = 22


def uncached(client, url):
    """The queries of a view of `url` when nothing is cached. A first view makes the image
    renditions (once in the life of an image); then every cache is emptied."""
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response[HEADER] == "miss"
    return len(queries), response


def add_items(index, count, start, territory, project):
    for number in range(start, start + count):
        NewsPageFactory(
            parent=index,
            title=f"Wiadomość {number:02d}",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
            main_image=CustomImageFactory(),
            tags=[f"temat {number}", f"temat {number + 1}", "wspólny"],
            territory=territory,
            project=project,
            publish=False,
        )


@pytest.mark.parametrize("query", ["", "?tag=wsp%C3%B3lny&year=2019&woj=26&project=liderzy"])
def test_index_cost_does_not_grow_with_items(
    news_index, projects, territory, client, settings, django_assert_max_num_queries, query
):
    settings.PAGE_SIZE = 100  # every item on one page: the rendering cost shows
    url = f"/pl/aktualnosci/{query}"
    add_items(news_index.pl, 3, 0, territory.oksa, projects["liderzy"].pl)
    few, response = uncached(client, url)
    assert len(soup(response).select(".news-card")) == 3
    assert few <= INDEX_BUDGET, few

    add_items(news_index.pl, 27, 3, territory.oksa, projects["liderzy"].pl)
    cache.clear()  # the items were made without publishing: nothing emptied the page cache
    client.get(url)  # renditions of the new images
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get(url)
    html = soup(response)
    assert len(html.select(".news-card")) == 30
    assert len(html.select(".news-card img")) == 30
    assert len(html.select(".news-card .news-tags a")) == 90
    assert len(html.select("#news-filter-tag option")) == 1 + 32  # temat 0–30, wspólny


def test_index_pages_cost_the_same(news_index, projects, territory, client):
    add_items(news_index.pl, 25, 0, territory.narewka, projects["kooperacje-3d"].pl)
    first, _ = uncached(client, "/pl/aktualnosci/")
    last, response = uncached(client, "/pl/aktualnosci/?page=3")
    assert len(soup(response).select(".news-card")) == 5
    assert last <= first


def news_page(index, title, count, territory, project):
    return NewsPageFactory(
        parent=index,
        title=title,
        main_image=CustomImageFactory(),
        photos=count,
        tags=[f"{title} {number}" for number in range(count)],
        territory=territory,
        project=project,
        body=[{"type": "paragraph", "value": "<p>Treść.</p>"}],
    )


def test_news_page_cost_does_not_grow_with_photos_and_tags(
    news_index, projects, territory, client, django_assert_max_num_queries
):
    small = news_page(news_index.pl, "mala", 3, territory.oksa, projects["liderzy"].pl)
    large = news_page(news_index.pl, "duza", 30, territory.oksa, projects["liderzy"].pl)
    few, response = uncached(client, small.url)
    assert len(soup(response).select(".news-article__photos li")) == 3
    assert few <= NEWS_PAGE_BUDGET, few

    client.get(large.url)  # renditions
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get(large.url)
    html = soup(response)
    assert len(html.select(".news-article__photos li")) == 30
    assert len(html.select(".news-article__photos img")) == 30
    assert len(html.select(".news-article__details .news-tags a")) == 30


def test_english_news_page_cost(news_index, projects, territory, client):
    from tests.news.conftest import translate_news

    small = news_page(news_index.pl, "mala", 3, territory.oksa, projects["liderzy"].pl)
    large = news_page(news_index.pl, "duza", 30, territory.oksa, projects["liderzy"].pl)
    english_small = translate_news(small, news_index.site.locales.en, slug="small")
    english_large = translate_news(large, news_index.site.locales.en, slug="large")
    few, _ = uncached(client, english_small.url)
    many, response = uncached(client, english_large.url)
    assert len(soup(response).select(".news-article__photos li")) == 30
    assert many <= few
    # Routing /en/ looks up the translation of the site's (Polish) root page: one more.
    assert few <= NEWS_PAGE_BUDGET + 1
