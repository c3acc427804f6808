"""Polish first, English second: the root redirect, the language switcher and the Polish
user interface strings (locale/pl/LC_MESSAGES/django.po)."""

import pytest

from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.utils import html_lang, soup, text


def switcher(response):
    nav = soup(response).find("nav", class_="language-switcher")
    return {a["lang"]: a for a in nav.find_all("a")}


def alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in soup(response).head.find_all("link", rel="alternate")
    }


def test_root_redirects_to_polish(site, client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_root_redirects_to_polish_whatever_the_browser_prefers(site, client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/pl/"


def test_switcher_links_to_the_translation(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    translate(page, site.locales.en, title="About", slug="about")

    polish = client.get("/pl/o-projekcie/")
    links = switcher(polish)
    assert links["en"]["href"] == "/en/about/"
    assert links["pl"]["href"] == "/pl/o-projekcie/"
    assert links["pl"]["aria-current"] == "true"
    assert "aria-current" not in links["en"].attrs
    assert alternates(polish) == {"en": "/en/about/"}

    english = client.get("/en/about/")
    links = switcher(english)
    assert links["pl"]["href"] == "/pl/o-projekcie/"
    assert links["en"]["aria-current"] == "true"
    assert alternates(english) == {"pl": "/pl/o-projekcie/"}


def test_switcher_without_translation_links_to_the_other_home(site, client):
    StandardPageFactory(parent=site.home_pl, title="Tylko po polsku")
    response = client.get("/pl/tylko-po-polsku/")
    assert switcher(response)["en"]["href"] == "/en/"
    assert alternates(response) == {}  # no hreflang to a page that does not exist


def test_switcher_ignores_a_draft_translation(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    english = page.copy_for_translation(site.locales.en)  # created as a draft
    english.title = "About"
    english.save_revision()
    assert not english.live
    assert switcher(client.get("/pl/o-projekcie/"))["en"]["href"] == "/en/"


def test_switcher_on_the_home_pages(site, client):
    assert switcher(client.get("/pl/"))["en"]["href"] == "/en/"
    assert switcher(client.get("/en/"))["pl"]["href"] == "/pl/"


def test_switcher_on_the_search_page(site, client):
    assert switcher(client.get("/pl/szukaj/"))["en"]["href"] == "/en/search/"
    assert switcher(client.get("/en/search/"))["pl"]["href"] == "/pl/szukaj/"
    links = switcher(client.get("/pl/szukaj/", {"q": "kooperacja"}))
    assert links["en"]["href"] == "/en/search/?q=kooperacja"


def test_search_urls_are_translated(site, client):
    assert client.get("/pl/szukaj/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/pl/search/").status_code == 404
    assert client.get("/en/szukaj/").status_code == 404


# The Polish catalogue is compiled to .mo by `make messages` (tests/conftest.py compiles it
# when it is missing or stale). These fail if the catalogue is missing or incomplete.
POLISH_UI = [
    ("skip link", "Przejdź do treści głównej", "Skip to main content"),
    ("search button", "Szukaj", "Search"),
    ("language switcher label", "Język", "Language"),
    ("footer heading", "Kontakt", "Contact"),
    ("site name", "Model kooperacji", "Model of cooperation"),
    ("home search label", "Czego szukasz?", "What are you looking for?"),
]


@pytest.mark.parametrize(("where", "polish", "english"), POLISH_UI, ids=[w for w, *_ in POLISH_UI])
def test_interface_strings_in_polish_and_english(site, client, where, polish, english):
    polish_page = client.get("/pl/").content.decode()
    english_page = client.get("/en/").content.decode()
    assert polish in polish_page
    assert english in english_page
    assert polish not in english_page


def test_skip_link_text(site, client):
    # The project's own wording. Wagtail's admin catalogue also translates this msgid
    # ("Pomiń do głównej zawartości"), and that is what shows when the project catalogue
    # is missing or not compiled: this tells the two apart.
    assert text(soup(client.get("/pl/")).find("a", class_="skip-link")) == (
        "Przejdź do treści głównej"
    )
    assert text(soup(client.get("/en/")).find("a", class_="skip-link")) == "Skip to main content"


def test_landmark_labels_in_polish(site, client):
    StandardPageFactory(parent=site.home_pl, title="Sekcja", show_in_menus=True)
    html = soup(client.get("/pl/sekcja/"))
    assert html.find("nav", class_="main-menu")["aria-label"] == "Menu główne"
    assert html.find("nav", class_="breadcrumbs")["aria-label"] == "Ścieżka nawigacji"
    assert html.find("nav", class_="language-switcher")["aria-label"] == "Język"


def test_dates_in_polish(site, client):
    section = StandardPageFactory(parent=site.home_pl, title="Sekcja", show_in_menus=True)
    StandardPageFactory(parent=section, title="Wpis")
    card_date = soup(client.get("/pl/")).find("li", class_="card").time
    english_section = translate(section, site.locales.en, title="Section", slug="section")
    translate(section.get_children().first().specific, site.locales.en, title="Entry")
    english_date = soup(client.get("/en/")).find("li", class_="card").time
    assert english_section.live
    months_pl = (
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    )
    assert any(month in card_date.get_text() for month in months_pl)
    assert not any(month in english_date.get_text() for month in months_pl)


def test_html_lang_follows_the_url(site, client):
    assert html_lang(client.get("/pl/szukaj/")) == "pl"
    assert html_lang(client.get("/en/search/")) == "en"
