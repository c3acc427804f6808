"""When Elasticsearch is down or hangs: the catalog searches the database instead (same
answers), site search says so in Polish, and other pages do not notice. With the real
server: it is frozen with SIGSTOP (ELASTICSEARCH_PID, set by .ci/with-elasticsearch) and
thawed with SIGCONT; the backend's time-out (2 s here) bounds the wait. A closed port
stands for a server that is not running at all."""

import os
import signal
import socket
import time
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import override_settings

from catalog import search_elasticsearch
from catalog.search import ServiceFilters, database_search_services, search_services
from catalog.search_elasticsearch import RankedServices
from tests.catalog import search_cases
from tests.factories import StandardPageFactory
from tests.factories.catalog import CatalogPageFactory
from tests.utils import soup, text

pytestmark = pytest.mark.elasticsearch

TIMEOUT = 2  # seconds, as tests/search/conftest.py configures the backend


@pytest.fixture(scope="module")
def catalog(elasticsearch_backend, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            services = search_cases.build()
            search_elasticsearch.rebuild()
            yield services
            transaction.set_rollback(True)


@pytest.fixture
def data(catalog, db, elasticsearch_up):
    return catalog


@contextmanager
def frozen_server():
    """The real server stopped (not killed): connections open, no answer."""
    pid = os.environ.get("ELASTICSEARCH_PID")
    if not pid:
        pytest.skip("ELASTICSEARCH_PID is not set (.ci/with-elasticsearch sets it)")
    os.kill(int(pid), signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(int(pid), signal.SIGCONT)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once closed


@contextmanager
def server_gone(backend_conf):
    conf = dict(backend_conf, URLS=[f"http://127.0.0.1:{closed_port()}"])
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": conf}):
        yield


PARAMS = {"q": "osoby starsze", "teryt": "26", "sort": "relevance"}


def expected_names():
    return [s.name for s in database_search_services(ServiceFilters.from_params(PARAMS)).queryset]


def test_a_frozen_server_makes_the_catalog_search_the_database(data):
    expected = expected_names()
    assert expected == [search_cases.KLUB, search_cases.OPIEKA]  # "Seniora" in the name
    with frozen_server():
        started = time.monotonic()
        result = search_services(ServiceFilters.from_params(PARAMS))
        names = [service.name for service in result.queryset]
        first = time.monotonic() - started
        # while it is known to be down, the next search does not wait for it again
        started = time.monotonic()
        again = search_services(ServiceFilters.from_params(PARAMS))
        assert [service.name for service in again.queryset] == expected
        second = time.monotonic() - started
    assert names == expected and result.total == 2
    assert not isinstance(result.queryset, RankedServices)
    assert first < TIMEOUT + 1.5
    assert second < 0.5
    assert not search_elasticsearch.active()


def test_a_server_that_fails_between_the_counts_and_the_page(data):
    result = search_services(ServiceFilters.from_params(PARAMS))
    assert isinstance(result.queryset, RankedServices)
    with frozen_server():
        names = [service.name for service in result.queryset[0:20]]
    assert names == expected_names()


def test_the_server_is_asked_again_after_a_while(data, monkeypatch):
    with frozen_server():
        search_services(ServiceFilters.from_params(PARAMS))
    assert not search_elasticsearch.active()
    monkeypatch.setattr(search_elasticsearch, "RETRY_AFTER", 0)
    search_elasticsearch.failed(RuntimeError("test"), "test")  # a 0-second pause now
    result = search_services(ServiceFilters.from_params(PARAMS))
    assert isinstance(result.queryset, RankedServices)


def test_no_server_at_all(data, elasticsearch_backend, settings):
    conf = settings.WAGTAILSEARCH_BACKENDS["default"]
    with server_gone(conf):
        result = search_services(ServiceFilters.from_params(PARAMS))
        assert [service.name for service in result.queryset] == expected_names()
        assert not isinstance(result.queryset, RankedServices)


@pytest.fixture
def pages(data, site):
    CatalogPageFactory(parent=site.home_pl)
    StandardPageFactory(parent=site.home_pl, title="Zespół kooperacji w Oksie", slug="zespol")
    return site


def test_pages_while_the_server_is_frozen(pages, client):
    with frozen_server():
        started = time.monotonic()
        catalog = client.get("/pl/uslugi/", {"q": "osoby starsze"})
        site_search = client.get("/pl/szukaj/", {"q": "kooperacja"})
        home = client.get("/pl/")
        other = client.get("/pl/zespol/")
        elapsed = time.monotonic() - started
    assert catalog.status_code == 200
    found = [text(a) for a in soup(catalog).select(".catalog-list .service-card__title a")]
    assert sorted(found) == sorted([search_cases.OPIEKA, search_cases.KLUB])
    assert site_search.status_code == 200
    message = soup(site_search).select_one("p.search-unavailable[role=status]")
    assert text(message).startswith("Wyszukiwarka jest chwilowo niedostępna")
    assert soup(site_search).select_one(".search-summary") is None
    assert home.status_code == 200 and other.status_code == 200
    assert "Zespół kooperacji w Oksie" in text(soup(other).h1)
    # two waits at most (the catalog's, then site search's), never one per query
    assert elapsed < 2 * TIMEOUT + 3
