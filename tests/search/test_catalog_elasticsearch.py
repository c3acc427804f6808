"""The catalog search table (tests/catalog/search_cases.py) on a real Elasticsearch, and
what the Elasticsearch side promises besides: the index follows the data, synonyms from
the admin count at once, facets match the database's, reading results needs a fixed
number of requests and queries."""

import csv
import io

import pytest
from django.core.paginator import Paginator
from django.db import transaction

from catalog import polish, search_elasticsearch
from catalog.exports import services_csv_response
from catalog.models import Institution, Service, SynonymGroup
from catalog.search import ServiceFilters, database_search_services, search_services
from catalog.search_elasticsearch import RankedServices
from tests.catalog import search_cases
from tests.catalog.search_cases import CASES

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(scope="module")
def catalog(elasticsearch_backend, django_db_setup, django_db_blocker):
    """The table's data in the database (rolled back at the end) and in a services index
    built from it the way `update_index` builds it."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            services = search_cases.build()
            assert search_elasticsearch.rebuild() == len(search_cases.SERVICES)
            yield services
            transaction.set_rollback(True)


@pytest.fixture
def data(catalog, db, elasticsearch_up):
    return catalog


@pytest.fixture
def fresh_index(data):
    """For a test that changes services: the index rebuilt from the database as it is
    now (the previous test's changes were rolled back in the database only)."""
    search_elasticsearch.rebuild()
    return data


def names(params):
    result = search_services(ServiceFilters.from_params(params))
    found = [service.name for service in result.queryset]
    # the answer came from Elasticsearch, not from the database fallback
    assert isinstance(result.queryset, RankedServices)
    assert search_elasticsearch.active()
    return found, result


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_search_table(data, case):
    if not case.synonyms:
        SynonymGroup.objects.all().delete()
    found, result = names(case.params)
    assert not result.filters.errors
    if case.ordered:
        assert found == case.expected
    else:
        assert sorted(found) == sorted(case.expected)
    assert result.total == len(case.expected)
    assert result.queryset.count() == len(case.expected)
    assert len(found) == len(set(found))


FACET_PARAMS = [
    {"teryt": "2602", "area": "parenting"},
    {"q": "rodzin", "free": "1"},
    {"q": "GOPS", "kind": "ops"},
    {"teryt": "26", "target": "residents"},
    {},
]


@pytest.mark.parametrize("params", FACET_PARAMS)
def test_facets_are_the_databases(data, params):
    filters = ServiceFilters.from_params(params)
    engine = search_services(filters)
    database = database_search_services(filters)
    assert isinstance(engine.queryset, RankedServices)
    assert engine.total == database.total
    assert engine.facets == database.facets


def test_a_page_costs_one_request_and_one_query(data, django_assert_num_queries):
    result = search_services(ServiceFilters.from_params({"teryt": "26", "sort": "name"}))
    with django_assert_num_queries(1):  # the rows of the page, with their related rows
        page = list(result.queryset[2:5])
    expected = [s.name for s in database_search_services(result.filters).queryset[2:5]]
    assert [service.name for service in page] == expected
    assert all(service.institution.name for service in page)  # no query: selected


def test_the_first_page_comes_with_the_counts(data, monkeypatch, settings):
    settings.CATALOG_PAGE_SIZE = 5
    requests = []
    search = search_elasticsearch._search
    monkeypatch.setattr(
        search_elasticsearch, "_search", lambda *a, **k: requests.append(a) or search(*a, **k)
    )
    filters = ServiceFilters.from_params({"teryt": "26", "sort": "name", "page": "3"})
    result = search_services(filters)
    database = [s.name for s in database_search_services(filters).queryset]
    assert len(requests) == 1
    # 12 services, pages of 5: the last page is [10:12] of the [10:15] read with the counts
    assert result.total == 12
    paginator = Paginator(result.queryset, 5)
    paginator.count = result.total
    assert [s.name for s in paginator.get_page(3).object_list] == database[10:12]
    assert len(requests) == 1
    assert [s.name for s in result.queryset[0:5]] == database[0:5]
    assert len(requests) == 2


def test_the_whole_result_is_read_in_chunks(data, monkeypatch):
    monkeypatch.setattr(search_elasticsearch, "CHUNK", 3)
    result = search_services(ServiceFilters.from_params({"sort": "name"}))
    everything = [service.name for service in result.queryset.iterator()]
    assert everything == [s.name for s in database_search_services(result.filters).queryset]


def test_saving_a_service_reindexes_it(fresh_index):
    service = Service.objects.get(name=search_cases.TERAPIA)
    service.description = "Zajęcia z hipoterapii dla dzieci."
    service.save()
    assert names({"q": "hipoterapia"})[0] == [search_cases.TERAPIA]


def test_renaming_an_institution_reindexes_its_services(fresh_index):
    institution = Institution.objects.get(name__startswith="Koło Gospodyń")
    institution.name = "Koło Gospodyń Wiejskich „Jarzębina”"
    institution.save()
    assert sorted(names({"q": "jarzębina"})[0]) == sorted([search_cases.KLUB, search_cases.PUNKT])


def test_imported_services_are_found_at_once(fresh_index):
    """An import writes in bulk, past the save signals: it indexes what it published."""
    from catalog.importer import import_services
    from tests.catalog.test_import import GOOD

    query = {"q": "poradnictwo socjalne", "teryt": "2602052"}
    assert "Poradnictwo socjalne" not in names(query)[0]
    report = import_services(GOOD)
    assert report.services_created
    assert "Poradnictwo socjalne" in names(query)[0]


def test_changing_coverage_moves_the_service(fresh_index):
    service = Service.objects.get(name=search_cases.INTERWENCJA)
    service.coverage.set(list(service.coverage.model.objects.filter(code="2602")))
    service.save()
    assert search_cases.INTERWENCJA in names({"teryt": search_cases.OKSA})[0]
    assert names({"teryt": "20"})[0] == []


def test_unpublishing_and_deleting_leave_the_results(fresh_index):
    service = Service.objects.get(name=search_cases.ZASILKI)
    service.unpublish()
    assert search_cases.ZASILKI not in names({"q": "zasiłki"})[0]
    Service.objects.get(name=search_cases.DYZUR).delete()
    assert names({"q": "dyżur"})[0] == []
    backend = search_elasticsearch.backend()
    index = backend.get_index_for_model(Service).name
    assert backend.es.count(index=index)["count"] == len(search_cases.SERVICES) - 1


def test_a_new_synonym_group_counts_at_once_without_reindexing(fresh_index, monkeypatch):
    assert names({"q": "zajęcia pozalekcyjne"})[0] == []
    # On Elasticsearch the groups act on the query only: no service needs writing.
    monkeypatch.setattr(search_elasticsearch, "index_services", lambda services: None)
    SynonymGroup.objects.create(terms="zajęcia pozalekcyjne\nświetlica")
    assert sorted(names({"q": "zajęcia pozalekcyjne"})[0]) == sorted(
        [search_cases.SWIETLICA, search_cases.DYZUR]
    )


def test_the_api_and_the_export_read_the_same_results(fresh_index, client):
    api = client.get("/api/v1/services/", {"q": "GOPS", "sort": "name"}).json()
    assert [item["name"] for item in api["results"]] == sorted(
        search_cases.GOPS_GROUP, key=polish.sort_key
    )
    assert api["count"] == len(search_cases.GOPS_GROUP)
    result = search_services(ServiceFilters.from_params({"q": "osoby starsze"}), facets=False)
    assert isinstance(result.queryset, RankedServices)
    body = b"".join(services_csv_response(result.queryset).streaming_content).decode("utf-8")
    rows = list(csv.reader(io.StringIO(body[1:], newline=""), delimiter=";"))
    names_column = rows[0].index("service_name")
    assert [row[names_column] for row in rows[1:]] == [search_cases.KLUB, search_cases.OPIEKA]
