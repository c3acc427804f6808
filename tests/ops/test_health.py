"""/healthz and /readyz (portal.health): liveness without the database or the cache,
readiness naming each check, on the default backends, on a real Redis and Elasticsearch
(the marked tests), and with backends that do not answer (a closed port)."""

import json

import pytest
from django.test import override_settings

from portal.settings.base import cache_settings
from tests.ops.conftest import closed_port, get, gunicorn

NO_STORE = ("no-cache", "no-store", "must-revalidate", "max-age=0")


def body(response):
    return json.loads(response.content)


def assert_never_cached(cache_control):
    for directive in NO_STORE:
        assert directive in cache_control


def test_healthz_touches_neither_database_nor_cache(client, db, django_assert_num_queries):
    # A cache that cannot be reached: liveness must not depend on it.
    with (
        override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{closed_port()}/0")),
        django_assert_num_queries(0),
    ):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert body(response) == {"status": "ok"}
    assert response["Content-Type"] == "application/json"
    assert_never_cached(response["Cache-Control"])


def test_readyz_on_the_default_backends(client, db):
    for _ in range(2):  # never served from a cache: each probe runs the checks
        response = client.get("/readyz")
        assert response.status_code == 200
        assert body(response) == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
        assert "X-Page-Cache" not in response
        assert_never_cached(response["Cache-Control"])


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_answered_over_http_by_any_host_name(client, db, settings, path):
    # A probe talks plain HTTP to the worker's own address: neither the HTTPS redirect nor
    # the host check of production may turn it away.
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["kooperacja.example.org"]
    response = client.get(path, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert client.head(path, HTTP_HOST="10.0.0.7:8000").status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_only_get_and_head(client, db, path):
    response = client.post(path)
    assert response.status_code == 405
    assert_never_cached(response["Cache-Control"])


def test_health_addresses_are_not_language_prefixed(client, site):
    from django.urls import reverse

    assert reverse("healthz") == "/healthz"
    assert reverse("readyz") == "/readyz"
    # A probe's typo is a plain 404, not a redirect to a Polish page.
    response = client.get("/healthz/")
    assert response.status_code == 404
    assert "Location" not in response


def test_readyz_names_an_unreachable_cache(client, db):
    dead = cache_settings(f"redis://127.0.0.1:{closed_port()}/0")
    with override_settings(CACHES=dead):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response) == {
        "status": "failing",
        "checks": {"database": "ok", "cache": "failing"},
        "failing": ["cache"],
    }


def test_readyz_names_an_unreachable_search_cluster(client, db):
    port = closed_port()
    dead = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{port}"],
            "INDEX_PREFIX": "kooperacja-nobody-here-",
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=dead):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert body(response)["checks"] == {"database": "ok", "cache": "ok", "search": "failing"}
    assert body(response)["failing"] == ["search"]
    assert str(port) not in response.content.decode()


def test_a_production_worker_with_every_backend_down(tmp_path):
    """A gunicorn worker under production settings whose PostgreSQL, Redis and
    Elasticsearch all refuse connections: alive (so not restarted), not ready, and the
    body names what fails without saying where it is or how to log in."""
    db_port, redis_port, es_port = closed_port(), closed_port(), closed_port()
    env = {
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "kooperacja.example.org",
        "DATABASE_URL": f"postgres://kooperacja:tajne-haslo@127.0.0.1:{db_port}/kooperacja",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "ELASTICSEARCH_URL": f"http://127.0.0.1:{es_port}",
    }
    with gunicorn(env, tmp_path / "gunicorn.log", "portal.settings.production") as base:
        status, headers, content = get(f"{base}/healthz")
        assert status == 200
        status, headers, content = get(f"{base}/readyz")
    assert status == 503
    assert_never_cached(headers["Cache-Control"])
    assert json.loads(content) == {
        "status": "failing",
        "checks": {"database": "failing", "cache": "failing", "search": "failing"},
        "failing": ["cache", "database", "search"],
    }
    for secret in ("tajne-haslo", "kooperacja:", "127.0.0.1", str(db_port)):
        assert secret not in content.decode()
    # The reasons are in the log, for the people running the site.
    log = (tmp_path / "gunicorn.log").read_text()
    assert "Readiness check 'database' failed" in log


@pytest.mark.redis
def test_readyz_on_redis(client, db, redis_cache):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert body(response)["checks"] == {"database": "ok", "cache": "ok"}
    # The probe cleans up after itself.
    assert not [key for key in redis_cache.keys("*") if "readyz" in key]


@pytest.mark.elasticsearch
def test_readyz_on_elasticsearch(client, db, elasticsearch_url):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert body(response)["checks"]["search"] == "ok"
