"""The site search tests (tests/portal/test_search.py) on a real Elasticsearch: the same
functions, collected here again under the `elasticsearch` marker, each on empty indexes
(the database rolls back after a test; an index does not)."""

import pytest
from wagtail.models import Page
from wagtail.search.index import get_indexed_models

from tests.portal.test_search import *  # noqa: F403 (the tests and their fixtures)

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(autouse=True)
def empty_page_index(elasticsearch_up):
    """Before the site is built: Wagtail's signal handlers then index every page saved."""
    backend = elasticsearch_up
    index = backend.get_index_for_model(Page)
    index.reset()
    for model in get_indexed_models():
        if issubclass(model, Page):
            index.add_model(model)
    yield
