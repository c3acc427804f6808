"""The anonymous page cache (portal.cache) and the cost of an uncached page."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.models import SiteSettings
from tests.conftest import publish, translate
from tests.factories import FundingLogoFactory, StandardPageFactory, UserFactory
from tests.utils import soup, text

HEADER = "X-Page-Cache"


def menu_titles(response):
    return [a.get_text() for a in soup(response).find("nav", class_="main-menu").find_all("a")]


@pytest.fixture
def section(site):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie", show_in_menus=True)
    translate(page, site.locales.en, title="About", slug="about")
    return page


@pytest.mark.parametrize("url", ["/pl/", "/en/", "/pl/o-projekcie/", "/en/about/"])
def test_second_anonymous_view_is_served_from_the_cache(
    section, client, django_assert_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_query_string_is_part_of_the_key(section, client):
    client.get("/pl/o-projekcie/")
    assert client.get("/pl/o-projekcie/?utm_source=x")[HEADER] == "miss"


def test_publishing_a_change_shows_at_once(section, client):
    assert client.get("/pl/o-projekcie/")[HEADER] == "miss"
    assert client.get("/pl/")[HEADER] == "miss"
    section.title = "Nowy tytuł"
    publish(section)
    page = client.get("/pl/o-projekcie/")
    assert page[HEADER] == "miss"
    assert soup(page).h1.get_text() == "Nowy tytuł"
    # Other pages show the section in their menu: they are fresh too.
    assert menu_titles(client.get("/pl/")) == ["Nowy tytuł"]


def test_saving_a_draft_does_not_change_the_public_page(section, client):
    client.get("/pl/o-projekcie/")
    section.title = "Szkic tytułu"
    section.save_revision()
    response = client.get("/pl/o-projekcie/")
    assert soup(response).h1.get_text() == "O projekcie"


def test_unpublishing_removes_the_page_at_once(section, client):
    assert client.get("/pl/o-projekcie/").status_code == 200
    assert menu_titles(client.get("/pl/")) == ["O projekcie"]
    section.unpublish()
    assert client.get("/pl/o-projekcie/").status_code == 404
    assert soup(client.get("/pl/")).find("nav", class_="main-menu") is None


def test_moving_a_page_shows_at_once(section, site, client):
    other = StandardPageFactory(parent=site.home_pl, title="Kontakt", show_in_menus=True)
    child = StandardPageFactory(parent=section, title="Zespół", slug="zespol")
    assert client.get("/pl/o-projekcie/zespol/").status_code == 200
    assert client.get("/pl/kontakt/zespol/").status_code == 404
    child.move(other, pos="last-child")
    # Wagtail's redirects app leads the old address to the new one (not the cached page).
    old_address = client.get("/pl/o-projekcie/zespol/")
    assert old_address.status_code == 301
    assert old_address["Location"] == "/pl/kontakt/zespol/"
    moved = client.get("/pl/kontakt/zespol/")
    assert moved.status_code == 200
    crumbs = soup(moved).find("nav", class_="breadcrumbs")
    assert "Kontakt" in text(crumbs)


def test_deleting_a_page_shows_at_once(section, client):
    assert client.get("/pl/o-projekcie/").status_code == 200
    client.get("/pl/")
    section.delete()
    assert client.get("/pl/o-projekcie/").status_code == 404
    assert soup(client.get("/pl/")).find("nav", class_="main-menu") is None


def test_changing_the_footer_settings_shows_at_once(site, client):
    client.get("/pl/")
    settings = SiteSettings.for_site(site.site)
    settings.institution_name = "Nowa nazwa instytucji"
    settings.save()
    response = client.get("/pl/")
    assert response[HEADER] == "miss"
    assert "Nowa nazwa instytucji" in text(soup(response).footer)


def test_adding_a_funding_logo_shows_at_once(site, client):
    client.get("/pl/")
    FundingLogoFactory(alt_text="Nowe logo", locale=site.locales.pl)
    assert "Nowe logo" in str(soup(client.get("/pl/")).footer)


def test_logged_in_user_never_gets_the_cache(section, client):
    anonymous = client.get("/pl/o-projekcie/")
    assert anonymous[HEADER] == "miss"
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    for _ in range(2):
        response = client.get("/pl/o-projekcie/")
        assert response.status_code == 200
        assert HEADER not in response
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-cache" in cache_control
        # What only a logged-in editor sees: Wagtail's user bar.
        assert b"wagtail-userbar" in response.content
    assert b"wagtail-userbar" not in anonymous.content
    client.logout()
    # The logged-in views were not stored either: this is the anonymous copy.
    again = client.get("/pl/o-projekcie/")
    assert again[HEADER] == "hit"
    assert b"wagtail-userbar" not in again.content


def test_logged_in_view_is_not_stored_for_anonymous_visitors(section, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.get("/pl/o-projekcie/")
    client.logout()
    response = client.get("/pl/o-projekcie/")
    assert response[HEADER] == "miss"
    assert b"wagtail-userbar" not in response.content


def test_visitor_with_a_session_is_not_served_from_the_cache(section, client):
    client.get("/pl/o-projekcie/")
    client.cookies["sessionid"] = "anything"
    response = client.get("/pl/o-projekcie/")
    assert HEADER not in response


def test_errors_and_search_are_not_cached(site, client):
    for _ in range(2):
        missing = client.get("/pl/nie-ma/")
        assert missing.status_code == 404
        assert HEADER not in missing
        search = client.get("/pl/szukaj/", {"q": "kooperacja"})
        assert HEADER not in search


def test_post_is_not_cached(section, client):
    client.get("/pl/o-projekcie/")
    response = client.post("/pl/o-projekcie/")
    assert response.get(HEADER) != "hit"


# --- the cost of an uncached page ---------------------------------------------------------

QUERY_BUDGET = 12


@contextmanager
def bulk_content():
    """Pages made here are left out of the search and reference indexes (the tests that
    use them only render pages), which makes them three times quicker to create."""
    with (
        disable_reference_index_auto_update(),
        mock.patch("modelsearch.signal_handlers.insert_or_update_object_task"),
    ):
        yield


def build_content(locale, home, sections, children, offset=0):
    """`sections` menu sections of `children` pages each, created live without revisions
    (quicker; what the page shows is the same)."""
    with bulk_content():
        for number in range(offset, offset + sections):
            section = StandardPageFactory(
                parent=home,
                title=f"Sekcja {number}",
                show_in_menus=True,
                locale=locale,
                publish=False,
            )
            for child in range(children):
                StandardPageFactory(
                    parent=section,
                    title=f"Strona {number}.{child}",
                    locale=locale,
                    publish=False,
                )


@pytest.fixture
def full_site(site):
    """A home page with a lot on it: 3 menu sections of 15 pages each (and fewer in
    English), the footer settings filled in, three funding logos in each language."""
    statement = StandardPageFactory(parent=site.home_pl, title="Deklaracja dostępności")
    translate(
        statement, site.locales.en, title="Accessibility statement", slug="accessibility-statement"
    )
    settings = SiteSettings.for_site(site.site)
    settings.institution_name = "Regionalny Ośrodek Polityki Społecznej"
    settings.institution_name_en = "Regional Social Policy Centre"
    settings.address = "ul. Przykładowa 1"
    settings.phone = "+48 41 000 00 00"
    settings.email = "kooperacja@example.org"
    settings.bip_url = "https://bip.example.org/"
    settings.accessibility_statement = statement
    settings.funding_note = "Projekt współfinansowany ze środków UE."
    settings.save()
    for order in range(3):
        logo = FundingLogoFactory(sort_order=order, locale=site.locales.pl)
        english = logo.copy_for_translation(site.locales.en)
        english.alt_text = f"Logo {order}"
        english.save()
    build_content(site.locales.pl, site.home_pl, sections=3, children=15)
    build_content(site.locales.en, site.home_en, sections=3, children=5)
    return site


def count_uncached_queries(client, url):
    """The queries of a view of `url` when nothing is cached. A first view makes the logo
    renditions (once in the life of an image); then every cache is emptied: the page
    cache and Wagtail's site root paths alike."""
    assert client.get(url).status_code == 200
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response[HEADER] == "miss"
    return len(queries), response


def test_uncached_home_pages_within_budget(full_site, client, django_assert_max_num_queries):
    assert client.get("/pl/").status_code == 200
    cache.clear()
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get("/pl/")
    html = soup(response)
    # The page did show all it should: menu, highlights, footer, logos.
    assert len(html.find("nav", class_="main-menu").find_all("a")) == 3
    assert len(html.find("div", class_="highlights").find_all("section")) == 3
    assert len(html.find(class_="funding-strip").find_all("img")) == 3
    assert html.footer.find("a", href="/pl/deklaracja-dostepnosci/")

    count, response = count_uncached_queries(client, "/en/")
    assert count <= QUERY_BUDGET
    html = soup(response)
    assert len(html.find("div", class_="highlights").find_all("section")) == 3
    assert [img["alt"] for img in html.find(class_="funding-strip").find_all("img")] == [
        "Logo 0",
        "Logo 1",
        "Logo 2",
    ]
    assert html.footer.find("a", href="/en/accessibility-statement/")


def test_query_count_does_not_grow_with_content(full_site, client):
    urls = ["/pl/", "/en/", "/pl/sekcja-0/", "/pl/sekcja-0/strona-00/", "/en/sekcja-0/"]
    before = {url: count_uncached_queries(client, url)[0] for url in urls}
    # Twice as many sections, and twice as many pages in the first section.
    locales = full_site.locales
    build_content(locales.pl, full_site.home_pl, sections=3, children=15, offset=3)
    build_content(locales.en, full_site.home_en, sections=3, children=5, offset=3)
    first = full_site.home_pl.get_children().get(slug="sekcja-0")
    with bulk_content():
        for child in range(15):
            StandardPageFactory(parent=first, title=f"Dodatkowa {child}", publish=False)
    after = {url: count_uncached_queries(client, url)[0] for url in urls}
    assert after == before
    menu = soup(client.get("/pl/")).find("nav", class_="main-menu")
    assert len(menu.find_all("a")) == 6


def test_private_page_is_never_cached(section, client):
    private = StandardPageFactory(parent=section, title="Dla zespołu", slug="dla-zespolu")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for _ in range(2):
        response = client.get("/pl/o-projekcie/dla-zespolu/")
        assert response.status_code == 302
        assert HEADER not in response
    client.force_login(UserFactory())
    assert client.get("/pl/o-projekcie/dla-zespolu/").status_code == 200
    client.logout()
    # What the logged-in user saw was not kept for anyone else.
    assert client.get("/pl/o-projekcie/dla-zespolu/").status_code == 302
