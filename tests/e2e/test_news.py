"""The news section of the demo site in the browser: axe-core (WCAG 2.0/2.1 A and AA) on the
news index (plain, filtered, filtered to nothing) and on a news item with its gallery, in
Polish and English; reflow at 320 CSS pixels; and the filter form used with the keyboard
alone. The checks and helpers are those of test_accessibility.py and test_keyboard.py."""

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import Translated, _path
from tests.e2e.test_accessibility import (
    NARROW,
    axe_violations,
    describe,
    horizontal_overflow,
    open_page,
)
from tests.e2e.test_keyboard import focused, path_of, tab_until

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en"]
# The demo's 2018 news about Świętokrzyskie tagged "cooperation teams", in each language.
FILTERS = {
    "pl": "?tag=zespo%C5%82y-kooperacji&year=2018&woj=26",
    "en": "?tag=cooperation-teams&year=2018&woj=26",
}
NOTHING = "?year=1999"
# The first letter of the "Leaders of Cooperation" project's name: typing it in the project
# list chooses it, as in any select.
PROJECT_KEY = {"pl": "L", "en": "L"}


@pytest.fixture(scope="module")
def news(demo_site, django_db_blocker):
    """The demo's news pages as open_page() wants them: kind -> Translated URLs."""
    from wagtail.models import Locale

    from news.models import NewsIndexPage, NewsPage

    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        index = NewsIndexPage.objects.get(locale__language_code="pl")
        item = NewsPage.objects.get(slug="wymiana-doswiadczen-w-gminie-narewka")
        index_urls = Translated(pl=_path(index), en=_path(index.get_translation(english)))
        item_urls = Translated(pl=_path(item), en=_path(item.get_translation(english)))
    return SimpleNamespace(
        news_index=index_urls,
        news_filtered=Translated(
            pl=index_urls.pl + FILTERS["pl"], en=index_urls.en + FILTERS["en"]
        ),
        news_nothing=Translated(pl=index_urls.pl + NOTHING, en=index_urls.en + NOTHING),
        news_item=item_urls,
    )


KINDS = ["news_index", "news_filtered", "news_nothing", "news_item"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations(page, news, kind, language):
    open_page(page, news, kind, language)
    cards = page.locator(".news-card")
    if kind == "news_index":
        assert cards.count() >= 6
    elif kind == "news_filtered":
        assert cards.count() >= 1
        assert page.locator("#news-filter-year").input_value() == "2018"
        assert page.locator("#news-filter-woj").input_value() == "26"
    elif kind == "news_nothing":
        assert cards.count() == 0
        assert page.locator(".news-summary[role=status]").count() == 1
    else:
        assert page.locator(".news-article__photos img").count() >= 2
        assert page.locator(".news-article__image img").count() == 1
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["news_filtered", "news_item"])
def test_reflow_at_320_px(page, news, kind, language):
    page.set_viewport_size(NARROW)
    open_page(page, news, kind, language)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url} at 320 px:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_the_news_with_the_keyboard(page, news, language):
    index = news.news_index[language]
    page.goto(index)
    tab_until(page, lambda el: el["id"] == "news-filter-tag", "the topic filter")
    # The fields come in the order they are shown, each a labelled select.
    order = [focused(page)["id"]]
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(focused(page)["id"])
    assert order == [
        "news-filter-tag",
        "news-filter-year",
        "news-filter-woj",
        "news-filter-project",
    ]
    for field in order:
        assert page.locator(f"label[for={field}]").is_visible()

    # Back to the year: choose 2018 by typing it, then the project by its first letter.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == "news-filter-year"
    page.keyboard.type("2018")
    assert page.locator("#news-filter-year").input_value() == "2018"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "news-filter-project"
    page.keyboard.type(PROJECT_KEY[language])
    assert page.locator("#news-filter-project").input_value() == "liderzy"

    page.keyboard.press("Tab")
    button = focused(page)
    assert button["tag"] == "button", button
    assert button["outline"] or button["shadow"], "the submit button shows no focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url("**?*")
    page.wait_for_load_state()

    assert path_of(page.url) == index
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"year": ["2018"], "project": ["liderzy"]}
    assert page.locator("html").get_attribute("lang") == language
    dates = page.locator(".news-card time").evaluate_all(
        "els => els.map(el => el.getAttribute('datetime'))"
    )
    assert dates and all(date.startswith("2018-") for date in dates), dates
    assert page.locator("#news-filter-year").input_value() == "2018"
    assert page.locator("#news-filter-project").input_value() == "liderzy"

    # "Clear filters" comes right after the button, and leads back to the whole list.
    tab_until(page, lambda el: el["id"] == "news-filter-project", "the project filter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    link = focused(page)
    assert link["tag"] == "a" and path_of(link["href"]) == index, link
    assert link["outline"] or link["shadow"], "the clear-filters link shows no focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{index}")
    page.wait_for_load_state()
    assert urlsplit(page.url).query == ""
    assert page.locator(".news-card").count() > len(dates)
