"""Site search: whatever a visitor types, the answer is a page (never a server error); the
results are the live public pages of the language shown."""

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.utils import html_lang, soup, text

SEARCH_URLS = {"pl": "/pl/szukaj/", "en": "/en/search/"}

HOSTILE_QUERIES = {
    "empty": {"q": ""},
    "word": {"q": "kooperacja"},
    "10 kB": {"q": "kooperacja " * 1000},
    "quote": {"q": '"'},
    "unbalanced quotes": {"q": '"kooperacja'},
    "star": {"q": "*"},
    "OR": {"q": "OR"},
    "AND NOT NEAR": {"q": "AND NOT NEAR"},
    "trailing OR": {"q": "kooperacja OR"},
    "sql": {"q": "' OR 1=1; --"},
    "drop table": {"q": "DROP TABLE wagtailcore_page"},
    "apostrophe": {"q": "'"},
    "syntax": {"q": "^~:()[]{}+-\\/<>=&|!"},
    "unicode": {"q": "zażółć gęślą jaźń Ünïcødé 漢字 🙂"},
    "control chars": {"q": "kooperacja\x00\x1f\t"},
    "NUL only": {"q": "\x00"},
    "no q": {},
    "page abc": {"q": "kooperacja", "page": "abc"},
    "page 999": {"q": "kooperacja", "page": "999"},
    "page 0": {"q": "kooperacja", "page": "0"},
    "page -1": {"q": "kooperacja", "page": "-1"},
    "two q": {"q": ["kooperacja", "gmina"]},
}


@pytest.fixture
def searchable(site):
    """The same word on a Polish page and its English translation."""
    page = StandardPageFactory(
        parent=site.home_pl,
        title="Bodzechów: zespół kooperacji",
        slug="bodzechow",
        summary="Zespół kooperacji w gminie",
    )
    translate(
        page,
        site.locales.en,
        title="Bodzechów: the cooperation team",
        slug="bodzechow",
        summary="The cooperation team of the gmina",
    )
    return page


@pytest.mark.parametrize("language", ["pl", "en"])
def test_any_query_gets_a_page(searchable, client, language):
    # One test per language rather than per query: the site is built once for them all.
    failures = {}
    for name, params in HOSTILE_QUERIES.items():
        response = client.get(SEARCH_URLS[language], params)
        if response.status_code != 200:
            failures[name] = response.status_code
            continue
        if html_lang(response) != language:
            failures[name] = f"lang={html_lang(response)}"
        field = soup(response).find("input", id="search-page-q")
        if len(field["value"]) > settings.SEARCH_QUERY_MAX_LENGTH:
            failures[name] = "query not cut"
    assert failures == {}
    # The plain word did find the page.
    found = client.get(SEARCH_URLS[language], {"q": "bodzechów"})
    assert soup(found).find("ol", class_="search-results")


def test_query_shown_back_escaped(site, client):
    response = client.get("/pl/szukaj/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert b'<script>alert("x")' not in response.content


def results(response):
    listing = soup(response).find("ol", class_="search-results")
    return [(li.a["href"], text(li.h2)) for li in listing.find_all("li")] if listing else []


def test_finds_a_live_page_in_its_own_language_only(searchable, site, client):
    StandardPageFactory(parent=site.home_pl, title="Bodzechów szkic", live=False, publish=False)
    changed = StandardPageFactory(parent=site.home_pl, title="Zmieniona strona")
    changed.title = "Bodzechów w wersji roboczej"
    changed.save_revision()  # a draft change of a live page is not searchable yet
    private = StandardPageFactory(parent=site.home_pl, title="Bodzechów tylko dla zespołu")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    polish = client.get("/pl/szukaj/", {"q": "bodzechów"})
    assert results(polish) == [("/pl/bodzechow/", "Bodzechów: zespół kooperacji")]
    assert text(soup(polish).find("ol", class_="search-results").p) == (
        "Zespół kooperacji w gminie"
    )
    assert "1 wynik" in text(soup(polish).find(class_="search-summary"))

    english = client.get("/en/search/", {"q": "bodzechów"})
    assert results(english) == [("/en/bodzechow/", "Bodzechów: the cooperation team")]
    assert "1 result" in text(soup(english).find(class_="search-summary"))

    # A word of the Polish page only is not found on the English side.
    assert results(client.get("/en/search/", {"q": "zespół"})) == []
    assert results(client.get("/pl/szukaj/", {"q": "zespół"})) == [
        ("/pl/bodzechow/", "Bodzechów: zespół kooperacji")
    ]


def test_unpublished_page_leaves_the_results(searchable, client):
    assert results(client.get("/pl/szukaj/", {"q": "bodzechów"}))
    searchable.unpublish()
    assert results(client.get("/pl/szukaj/", {"q": "bodzechów"})) == []


def test_query_of_only_syntax_asks_for_words(site, client):
    html = soup(client.get("/pl/szukaj/", {"q": "*"}))
    assert html.find(class_="search-summary") is None
    assert html.find("p", role="status")


def test_pagination(site, client):
    count = settings.PAGE_SIZE + 3
    for number in range(count):
        StandardPageFactory(parent=site.home_pl, title=f"Gmina numer {number}")

    first = soup(client.get("/pl/szukaj/", {"q": "gmina"}))
    assert len(first.find("ol", class_="search-results").find_all("li")) == settings.PAGE_SIZE
    next_link = first.find("nav", class_="pagination").find("a", rel="next")
    assert next_link["href"] == "?q=gmina&page=2"

    second = soup(client.get("/pl/szukaj/", {"q": "gmina", "page": "2"}))
    results = second.find("ol", class_="search-results")
    assert len(results.find_all("li")) == 3
    assert results["start"] == str(settings.PAGE_SIZE + 1)
    pagination = second.find("nav", class_="pagination")
    assert pagination.find("a", rel="prev")
    assert pagination.find("span", {"aria-current": "page"}).text == "2"

    first_titles = {li.h2.text for li in first.find_all("li") if li.h2}
    second_titles = {li.h2.text for li in results.find_all("li")}
    assert not first_titles & second_titles
    assert len(first_titles | second_titles) == count

    # Past the end: the last page rather than an error.
    past = soup(client.get("/pl/szukaj/", {"q": "gmina", "page": "999"}))
    assert past.find("ol", class_="search-results")["start"] == str(settings.PAGE_SIZE + 1)


def test_search_in_a_language_without_locale(db, client):
    # Right after migrations only the Polish locale exists.
    response = client.get("/en/search/", {"q": "kooperacja"})
    assert response.status_code == 200
    assert "0 results" in text(soup(response).find(class_="search-summary"))
