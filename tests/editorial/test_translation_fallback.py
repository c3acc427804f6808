"""A page without a live translation: the language switcher says so, in the language of
those who would follow the link, and leads to that language's home page instead of a 404.
Pages with a translation and non-page views keep their plain links (tests/portal/test_i18n.py
covers those addresses). Menus and home page highlights never show another locale's pages."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.utils import soup, text

NOTE = "this page is not translated; go to the home page"


def switcher_items(response):
    nav = soup(response).find("nav", class_="language-switcher")
    return {li.a["lang"]: li for li in nav.find_all("li")}


def polish(message):
    with translation.override("pl"):
        return translation.gettext(message)


def test_untranslated_polish_page_explains_the_english_link(site, client):
    StandardPageFactory(parent=site.home_pl, title="Tylko po polsku")
    items = switcher_items(client.get("/pl/tylko-po-polsku/"))

    english = items["en"]
    link = english.a
    assert link["href"] == "/en/"
    assert link["hreflang"] == "en"
    assert "aria-current" not in link.attrs
    # The note is part of the link's text (its accessible name), visible, in English: it
    # speaks to those who would choose English.
    note = link.find(class_="language-switcher__note")
    assert text(note) == f"– {NOTE}"
    assert text(link) == f"English – {NOTE}"
    assert link["lang"] == "en"
    # The Polish entry is the current page, without a note.
    assert items["pl"].a["aria-current"] == "true"
    assert items["pl"].find(class_="language-switcher__note") is None


def test_the_fallback_link_leads_to_the_english_home_page(site, client):
    StandardPageFactory(parent=site.home_pl, title="Tylko po polsku")
    href = switcher_items(client.get("/pl/tylko-po-polsku/"))["en"].a["href"]
    response = client.get(href)
    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == "en"
    assert text(document.find("h1")) == "Kooperacja EN"


def test_untranslated_english_page_explains_the_polish_link_in_polish(site, client):
    StandardPageFactory(parent=site.home_en, title="Only in English", slug="only-in-english")
    items = switcher_items(client.get("/en/only-in-english/"))

    link = items["pl"].a
    assert link["href"] == "/pl/"
    assert link["lang"] == "pl"
    assert text(link.find(class_="language-switcher__note")) == f"– {polish(NOTE)}"
    assert items["en"].a["aria-current"] == "true"
    assert client.get(link["href"]).status_code == 200


@pytest.mark.parametrize("draft_translation", [False, True], ids=["none", "draft"])
def test_translated_page_has_no_note_only_when_the_translation_is_live(
    site, client, draft_translation
):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    if draft_translation:
        english = page.copy_for_translation(site.locales.en)
        english.title = "About"
        english.save_revision()
    else:
        translate(page, site.locales.en, title="About", slug="about")

    items = switcher_items(client.get("/pl/o-projekcie/"))
    has_note = items["en"].find(class_="language-switcher__note") is not None
    assert has_note is draft_translation
    assert items["en"].a["href"] == ("/en/" if draft_translation else "/en/about/")


def test_home_pages_have_no_note(site, client):
    for url, other in (("/pl/", "en"), ("/en/", "pl")):
        item = switcher_items(client.get(url))[other]
        assert item.find(class_="language-switcher__note") is None


def test_search_keeps_linking_to_the_same_view(site, client):
    items = switcher_items(client.get("/pl/szukaj/", {"q": "gops"}))
    assert items["en"].a["href"] == "/en/search/?q=gops"
    assert items["en"].find(class_="language-switcher__note") is None


def test_not_found_page_links_to_the_same_address_in_the_other_language(site, client):
    response = client.get("/pl/nie-ma-takiej-strony/")
    assert response.status_code == 404
    nav = BeautifulSoup(response.content.decode(), "html.parser").find(
        "nav", class_="language-switcher"
    )
    links = {a["lang"]: a for a in nav.find_all("a")}
    assert links["en"]["href"] == "/en/nie-ma-takiej-strony/"
    assert nav.find(class_="language-switcher__note") is None


def test_no_hreflang_alternate_for_a_missing_translation(site, client):
    StandardPageFactory(parent=site.home_pl, title="Tylko po polsku")
    head = soup(client.get("/pl/tylko-po-polsku/")).head
    assert head.find_all("link", rel="alternate") == []


# Locales never mix ------------------------------------------------------------------------


@pytest.fixture
def stray_english_page(site):
    """An English page saved by code under the Polish home page (the admin never does
    this: a new page takes its parent's locale)."""
    section = StandardPageFactory(parent=site.home_pl, title="Sekcja", show_in_menus=True)
    StandardPageFactory(parent=section, title="Wpis polski")
    StandardPageFactory(
        parent=site.home_pl, title="Stray section", locale=site.locales.en, show_in_menus=True
    )
    StandardPageFactory(parent=section, title="Stray entry", locale=site.locales.en)
    return section


def test_menu_shows_only_the_pages_of_its_locale(site, client, stray_english_page):
    menu = soup(client.get("/pl/")).find("nav", class_="main-menu")
    assert "Sekcja" in text(menu)
    assert "Stray" not in text(menu)


def test_highlights_show_only_the_pages_of_their_locale(site, client, stray_english_page):
    highlights = soup(client.get("/pl/")).find(class_="highlights")
    assert "Wpis polski" in text(highlights)
    assert "Stray" not in text(highlights)
