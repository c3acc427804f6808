"""Browser tests: Debian's chromium, driven by Playwright, against pytest-django's live server
serving the demo site (`manage.py bootstrap`) from the test database.

How the pieces fit:

* The demo site is built once for this package (``demo_site``) and only read by the tests, so
  the tests do not ask for ``transactional_db``: it would empty the database after every test
  and the demo site would have to be rebuilt each time. pytest-django's autouse helper
  ``_live_server_helper`` asks for it for every test that uses ``live_server``; it is replaced
  below for this package by one that only lets the test and the server thread reach the
  database. When the package is done the database is put back exactly as it was (as
  ``serialized_rollback`` does), so unit tests run in the same session, or later against the
  same ``--reuse-db`` file, never see the demo site.
* Uploaded images go to pytest's temporary MEDIA_ROOT (the one tests/conftest.py sets).
  Django serves no media with DEBUG off, so each browser context answers /media/ requests
  from that directory itself.
* Playwright's sync API keeps an asyncio event loop running in the main thread, which makes
  Django refuse database access there; DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser
  tests run (the server thread has no event loop and is unaffected). The browser, like the
  demo site, lives as long as this package, so neither outlasts the browser tests when the
  whole suite runs in one session.
"""

import mimetypes
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

# Pages are requested as 127.0.0.1:PORT; the demo Site is localhost:80, and Wagtail falls back
# to the default site, so page links come out relative to whatever host serves them.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}


@dataclass(frozen=True)
class Translated:
    """One page of the demo site in both languages: root-relative URLs."""

    pl: str
    en: str

    def __getitem__(self, language):
        return getattr(self, language)


@dataclass(frozen=True)
class DemoSite:
    home: Translated
    standard: Translated  # a standard page in the main menu: O projekcie / About the project
    nested: Translated  # a standard page two levels down, with a table
    search: Translated
    menu: dict  # language -> [(title, url)] of the main menu
    media_root: Path


def _path(page):
    """The root-relative URL Wagtail gives a page (the live server is not the Site's host)."""
    return page.get_url_parts()[2]


def _collect_urls(media_root):
    from wagtail.models import Locale, Site

    home_pl = Site.objects.get(is_default_site=True).root_page.specific
    english = Locale.objects.get(language_code="en")
    standard_pl = home_pl.get_children().get(slug="o-projekcie").specific
    nested_pl = standard_pl.get_children().get(slug="pilotaz-w-gminach-wiejskich").specific
    pairs = {
        name: Translated(pl=_path(page), en=_path(page.get_translation(english)))
        for name, page in [("home", home_pl), ("standard", standard_pl), ("nested", nested_pl)]
    }
    search = {}
    for language in ("pl", "en"):
        with translation.override(language):
            search[language] = reverse("search")
    menu = {}
    for home in (home_pl, home_pl.get_translation(english)):
        children = home.get_children().live().public().in_menu().order_by("path")
        menu[home.locale.language_code] = [(page.title, _path(page)) for page in children]
    return DemoSite(search=Translated(**search), menu=menu, media_root=media_root, **pairs)


@pytest.fixture(scope="package")
def _async_unsafe_allowed():
    """Playwright's sync API runs an event loop in this thread; Django's async-safety check
    would otherwise refuse every database query made here (demo site, URL look-ups)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def demo_site(_async_unsafe_allowed, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site in the test database, built once for the browser tests and removed
    afterwards: the database is restored to what it held before."""
    from wagtail.models import Page

    # The same directory tests/conftest.py gives every test as MEDIA_ROOT.
    media_root = tmp_path_factory.getbasetemp() / "media"
    media_root.mkdir(exist_ok=True)
    media = override_settings(MEDIA_ROOT=str(media_root))
    with django_db_blocker.unblock():
        if Page.get_first_root_node() is None:
            pytest.fail(
                "The test database has no Wagtail root page: an earlier transactional test "
                "emptied it. Run again with --create-db."
            )
        before = connection.creation.serialize_db_to_string()
    media.enable()
    try:
        with django_db_blocker.unblock():
            call_command("bootstrap", verbosity=0)
            site = _collect_urls(media_root)
        cache.clear()
        yield site
    finally:
        with django_db_blocker.unblock():
            call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(before)
        cache.clear()
        media.disable()


@pytest.fixture(autouse=True)
def _live_server_helper(request, django_db_blocker):
    """Replaces pytest-django's helper of the same name for the browser tests: no
    ``transactional_db`` (see the module docstring), only database access for the test and
    the live server thread, and the live server's ALLOWED_HOSTS while the test runs."""
    if "live_server" not in request.fixturenames:
        yield
        return
    live_server = request.getfixturevalue("live_server")
    live_server._live_server_modified_settings.enable()
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="package")
def browser(_async_unsafe_allowed):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _serve_media(media_root):
    prefix = settings.MEDIA_URL

    def handle(route):
        relative = unquote(urlsplit(route.request.url).path)[len(prefix) :]
        target = (media_root / relative).resolve()
        if target.is_file() and target.is_relative_to(media_root.resolve()):
            content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            route.fulfill(path=target, content_type=content_type)
        else:
            route.fulfill(status=404, body="Not found")

    return handle


@pytest.fixture
def context(browser, demo_site, live_server):
    # bypass_csp: the accessibility tests inject axe-core as an inline script, which the
    # site's Content Security Policy refuses; tests/e2e/test_csp.py opens pages without it.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=DESKTOP,
        locale="pl-PL",
        reduced_motion="reduce",
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    context.route(
        re.compile(rf"^{re.escape(live_server.url)}{re.escape(settings.MEDIA_URL)}"),
        _serve_media(demo_site.media_root),
    )
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()
