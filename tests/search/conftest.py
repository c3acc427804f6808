"""Tests against a real Elasticsearch (marker `elasticsearch`): run them with

    .ci/with-elasticsearch .venv/bin/python -m pytest -p no:xdist -q -m elasticsearch

which starts a throwaway server and sets ELASTICSEARCH_URL; without it they are skipped.
Each test session writes to indexes of its own (prefix kooperacja_test_<pid>_), made here
and deleted at the end, with every write made searchable at once (REFRESH)."""

import os

import pytest
from django.test import override_settings

from catalog import search_elasticsearch

SKIP_REASON = (
    "ELASTICSEARCH_URL is not set: run under .ci/with-elasticsearch "
    "(it starts a real Elasticsearch server)"
)


@pytest.fixture(autouse=True)
def _needs_elasticsearch(request):
    if request.node.get_closest_marker("elasticsearch") and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.skip(SKIP_REASON)


@pytest.fixture(scope="session")
def elasticsearch_backend():
    """Our backend on the server of ELASTICSEARCH_URL, with test indexes."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip(SKIP_REASON)
    prefix = f"kooperacja_test_{os.getpid()}_"
    conf = {
        "BACKEND": "portal.search_backends",
        "URLS": [url],
        "INDEX_PREFIX": prefix,
        "TIMEOUT": 2,
        "OPTIONS": {"max_retries": 0},
        "REFRESH": True,
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": conf}):
        search_elasticsearch.reset()
        backend = search_elasticsearch.backend()
        yield backend
        # by name: the server refuses wildcard deletions (action.destructive_requires_name)
        for name in backend.es.indices.get(index=f"{prefix}*", allow_no_indices=True):
            backend.es.indices.delete(index=name)
        search_elasticsearch.reset()


@pytest.fixture
def elasticsearch_up(elasticsearch_backend):
    """Each test starts believing the server answers (a previous one may have stopped it)."""
    search_elasticsearch.reset()
    yield elasticsearch_backend
    search_elasticsearch.reset()
