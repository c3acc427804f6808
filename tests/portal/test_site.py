"""Site-wide addresses: sitemap.xml, robots.txt, the error pages; and the roles."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from portal import roles, views
from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.utils import html_lang

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_pages_of_both_languages(site, client):
    about = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    translate(about, site.locales.en, title="About", slug="about")
    StandardPageFactory(parent=about, title="Liderzy")
    StandardPageFactory(parent=site.home_pl, title="Szkic", live=False, publish=False)
    private = StandardPageFactory(parent=site.home_pl, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # well-formed XML, or this raises
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    base = site.site.root_url
    assert base.startswith("http")
    assert sorted(locations) == sorted(
        f"{base}{path}"
        for path in ["/pl/", "/pl/o-projekcie/", "/pl/o-projekcie/liderzy/", "/en/", "/en/about/"]
    )
    for url in root.findall("sm:url", SITEMAP_NS):
        assert url.find("sm:lastmod", SITEMAP_NS) is not None


def test_robots_txt_names_the_sitemap(site, client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    # The named sitemap exists.
    assert client.get("/sitemap.xml").status_code == 200


def test_missing_polish_page_is_a_polish_404(site, client):
    response = client.get("/pl/nie-ma/")
    assert response.status_code == 404
    assert html_lang(response) == "pl"
    html = soup_of(response)
    assert html.h1.get_text() == "Nie znaleziono strony"
    assert html.find("a", href="/pl/")
    assert html.find("form", action="/pl/szukaj/")


def test_missing_english_page_is_an_english_404(site, client):
    response = client.get("/en/missing/")
    assert response.status_code == 404
    assert html_lang(response) == "en"
    html = soup_of(response)
    assert html.h1.get_text() == "Page not found"
    assert html.find("form", action="/en/search/")


def test_address_without_language_leads_to_polish(site, client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 302
    assert response["Location"] == "/pl/nie-ma-takiej-strony/"
    response = client.get("/nie-ma-takiej-strony/", follow=True)
    assert response.status_code == 404
    assert html_lang(response) == "pl"


def test_server_error_page_in_english(site, django_assert_num_queries):
    request = RequestFactory().get("/en/x/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    assert response.status_code == 500
    assert html_lang(response) == "en"
    html = soup_of(response)
    assert html.h1.get_text() == "Something went wrong on our side"
    assert html.find("a", href="/en/")


def test_server_error_page_in_polish(db):
    response = views.server_error(RequestFactory().get("/pl/x/"))
    assert response.status_code == 500
    assert html_lang(response) == "pl"
    assert soup_of(response).h1.get_text() == "Wystąpił błąd po naszej stronie"


def test_roles_exist_after_migrations(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editor", "Moderator", "Trainee", "Coach", "Coordinator", "Institution editor"} <= names
    assert set(roles.ALL) <= names
    # Wagtail's own groups were taken over, not left beside the roles.
    assert not names & {"Editors", "Moderators"}


def test_editor_role_keeps_wagtail_editing_permissions(db):
    editor = Group.objects.get(name="Editor")
    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert "access_admin" in codenames


def soup_of(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


def test_sitemap_is_cached_for_anonymous_visitors_until_a_page_is_published(site, client):
    first = client.get("/sitemap.xml")
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    page = StandardPageFactory(parent=site.home_pl, title="Nowa strona", slug="nowa-strona")
    fresh = client.get("/sitemap.xml")
    assert fresh["X-Page-Cache"] == "miss"
    assert page.get_full_url() in fresh.content.decode()


@pytest.mark.parametrize(
    "role, reaches_admin",
    [
        ("Editor", True),
        ("Moderator", True),
        ("Coordinator", True),
        ("Institution editor", True),
        ("Coach", True),
        ("Trainee", False),
    ],
)
def test_which_roles_reach_the_admin(db, role, reaches_admin):
    group = Group.objects.get(name=role)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert ("access_admin" in codenames) is reaches_admin
