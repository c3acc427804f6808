"""Wagtail's frontend-cache invalidation (wagtail.contrib.frontend_cache) as configured in
base.py: a real HTTP server on 127.0.0.1, standing in for Varnish, records the PURGE
requests Wagtail sends when pages are published and unpublished."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import publish
from tests.factories import StandardPageFactory
from tests.ops.conftest import settings_from_env

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    """A purge-recording HTTP server, and the settings base.py makes when
    FRONTEND_CACHE_VARNISH_URL names it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": HTTP_BACKEND, "LOCATION": url}}
    yield server.purged
    server.shutdown()
    server.server_close()
    thread.join()


def test_publishing_and_unpublishing_purge_the_page(site, varnish):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie", slug="o-projekcie")
    varnish.clear()
    page.title = "O projekcie Kooperacja"
    publish(page)
    host = site.site.hostname
    # Only the page's own address: a translation is a page of its own, purged when it is
    # published (WAGTAILFRONTENDCACHE_LANGUAGES is empty).
    assert varnish == [(host, "/pl/o-projekcie/")]
    varnish.clear()
    page.unpublish()
    assert varnish == [(host, "/pl/o-projekcie/")]


def test_publishing_a_translation_purges_its_own_address(site, varnish):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie", slug="o-projekcie")
    english = page.copy_for_translation(site.locales.en)
    english.title, english.slug = "About", "about"
    varnish.clear()
    publish(english)
    assert varnish == [(site.site.hostname, "/en/about/")]


def test_saving_a_draft_purges_nothing(site, varnish):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    varnish.clear()
    page.title = "Szkic"
    page.save_revision()
    assert varnish == []


def test_nothing_is_sent_without_a_frontend_cache(site, settings):
    # The default: no backends, and publishing works as ever.
    assert settings.WAGTAILFRONTENDCACHE == {}
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    publish(page)


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, {}),
        (
            {"FRONTEND_CACHE_VARNISH_URL": "http://varnish.internal:6081"},
            {"varnish": {"BACKEND": HTTP_BACKEND, "LOCATION": "http://varnish.internal:6081"}},
        ),
        (
            {"FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone1", "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "t"},
            {
                "cloudflare": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
                    "BEARER_TOKEN": "t",
                    "ZONEID": "zone1",
                }
            },
        ),
        (
            {"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"},
            {
                "cloudfront": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
                    "DISTRIBUTION_ID": "E123",
                }
            },
        ),
    ],
)
def test_backends_from_the_environment(monkeypatch, env, expected):
    names = [
        "FRONTEND_CACHE_VARNISH_URL",
        "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
        "FRONTEND_CACHE_CLOUDFLARE_TOKEN",
        "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
    ]
    settings = settings_from_env(monkeypatch, clear=names, **env)
    assert settings["WAGTAILFRONTENDCACHE"] == expected
