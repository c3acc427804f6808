"""The search table (search_cases.py) on the database the suite runs on (on PostgreSQL
twice: with the LIKE search and with its Polish full-text search), and what the search
module promises besides: facet counts, filters that never fail, the index kept up
to date by signals, the log of searches that found nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from catalog import search_postgresql
from catalog.models import Institution, Service, SynonymGroup, Territory, ZeroResultSearch
from catalog.search import (
    ServiceFilters,
    institution_queryset,
    record_zero_result,
    reindex_services,
    search_services,
    teryt_q,
)
from tests.catalog import search_cases
from tests.catalog.search_cases import CASES

# The text search engines of the database: the portable LIKE search everywhere, and on
# PostgreSQL also its full-text search with the Polish configuration.
ENGINES = ["like", "fts"] if connection.vendor == "postgresql" else ["like"]
MISSING_DICTIONARY = "could not open dictionary file"


def _full_text_search():
    """Set up PostgreSQL's Polish configuration inside the module's transaction."""
    try:
        with transaction.atomic():
            search_postgresql.setup()
    except DatabaseError as error:
        if MISSING_DICTIONARY not in str(error):
            raise
        pytest.skip(
            "PostgreSQL's Polish dictionary is not installed "
            f"(see `manage.py setup_polish_search`): {str(error).splitlines()[0]}"
        )


@pytest.fixture(scope="module", params=ENGINES)
def catalog(request, django_db_setup, django_db_blocker):
    """The table's data, made once for this module (per engine) and rolled back at its
    end; each test runs inside it (in a savepoint of its own)."""
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                if request.param == "fts":
                    _full_text_search()
                services = search_cases.build()
                yield services
                transaction.set_rollback(True)
        finally:
            search_postgresql.forget()


@pytest.fixture
def data(catalog, db, request):
    engine = request.node.callspec.params["catalog"]
    assert search_postgresql.available() == (engine == "fts")
    return catalog


def names(params):
    result = search_services(ServiceFilters.from_params(params))
    return [service.name for service in result.queryset], result


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_search_table(data, case):
    if not case.synonyms:
        SynonymGroup.objects.all().delete()  # the signal reindexes every service
    found, result = names(case.params)
    assert not result.filters.errors
    if case.ordered:
        assert found == case.expected
    else:
        assert sorted(found) == sorted(case.expected)
    assert result.total == len(case.expected)
    assert len(found) == len(set(found))  # no service twice (joins must not multiply rows)


def test_the_table_covers_what_the_issue_asks_for():
    ids = {case.id.split("-")[0] for case in CASES}
    assert {"inflection", "no", "synonym", "teryt", "free", "area", "target", "kind", "sort"} <= ids


# --- facets ------------------------------------------------------------------------------


def facet(result, name):
    return {code: count for code, _label, count in result.facets[name]}


def test_facets_count_each_choice_with_the_other_filters(data):
    _, result = names({"teryt": "2602", "area": "parenting"})
    assert result.total == 2  # Poradnictwo, Świetlica
    areas = facet(result, "area")
    # The area facet ignores the chosen area (so the other areas can be picked) ...
    assert areas["parenting"] == 2
    assert areas["poverty"] == 1  # Zasiłki
    assert areas["seniors"] == 1  # Usługi opiekuńcze
    assert areas["addiction"] == 0
    # ... and every other facet counts within it.
    assert facet(result, "kind") == {**dict.fromkeys(facet(result, "kind"), 0), "pcpr": 1, "ngo": 1}
    assert facet(result, "target")["children"] == 1
    assert result.facets["free"] == 2
    # The labels follow the language of the request that shows them. Each language is set
    # here: a page in English requested by an earlier test of the same process leaves
    # English active in its thread (seen in CI with xdist, where the order varies).
    labels = {code: label for code, label, _count in result.facets["area"]}
    with translation.override("pl"):
        assert str(labels["seniors"]) == "osoby starsze"
    with translation.override("en"):
        assert str(labels["seniors"]) == "older people"


def test_facets_can_be_left_out(data):
    result = search_services(ServiceFilters.from_params({"q": "GOPS"}), facets=False)
    assert result.facets == {}
    assert result.total == 4


# Each facet count is the number of results the search would have with that choice added
# (or changed): on every engine, whichever way it counts (conditional aggregates per code,
# or PostgreSQL's one grouped query over the matching rows).
FACET_SEARCHES = [
    {},
    {"teryt": "26"},
    {"q": "spotkania", "free": "1"},
    {"teryt": "2602", "area": "parenting", "kind": "pcpr"},
    {"q": "rodzin", "target": "families", "free": "1", "teryt": "26"},
]


def _total(params):
    return search_services(ServiceFilters.from_params(params), facets=False).total


@pytest.mark.parametrize("params", FACET_SEARCHES)
def test_each_facet_count_is_the_total_with_that_choice(data, params):
    _, result = names(params)
    assert result.total == _total(params)
    for dimension in ("area", "target", "kind"):
        counts = facet(result, dimension)
        assert len(result.facets[dimension]) == len(counts)  # every choice, once
        for code, count in counts.items():
            assert count == _total({**params, dimension: code}), (dimension, code)
    assert result.facets["free"] == _total({**params, "free": "1"})


def test_a_code_listed_twice_counts_the_service_once(data):
    Service.objects.filter(name=search_cases.SWIETLICA).update(
        areas="|parenting|parenting|", target_groups="|children|children|"
    )
    _, result = names({"teryt": search_cases.OKSA})
    assert facet(result, "area")["parenting"] == _total(
        {"teryt": search_cases.OKSA, "area": "parenting"}
    )
    assert facet(result, "target")["children"] == 1


@pytest.mark.parametrize("sort", ["relevance", "name", "verified"])
def test_every_page_has_the_order_of_the_whole_list(data, monkeypatch, sort):
    # On PostgreSQL's full-text search the facet query also returns the first ids in
    # order (catalog.search.FirstIds): pages among them are read by id, later pages and
    # anything changed afterwards by the queryset's own query; all must agree.
    from catalog import search

    monkeypatch.setattr(search, "FIRST_IDS", 3)
    params = {"q": "rodzin", "sort": sort}
    whole = [s.name for s in search_services(ServiceFilters.from_params(params)).queryset]
    assert len(whole) > 4
    queryset = search_services(ServiceFilters.from_params(params)).queryset
    pages = [s.name for s in queryset[0:2]] + [s.name for s in queryset[2:4]]
    pages += [s.name for s in queryset[4:]]
    assert pages == whole
    narrowed = queryset.filter(cost="free")
    assert [s.name for s in narrowed[0:2]] == [
        name for name in whole if Service.objects.get(name=name).cost == "free"
    ][:2]
    if search_postgresql.available():  # the first page by id, the rest by the search
        with CaptureQueriesContext(connection) as first_page:
            list(queryset[0:2])
        with CaptureQueriesContext(connection) as changed:
            list(queryset.filter(cost="free")[0:2])
        by_id = '"catalog_service"."id" IN ('
        assert [by_id in query["sql"] for query in [*first_page, *changed]] == [True, False]


# --- parameters --------------------------------------------------------------------------

BAD_PARAMS = [
    ({"area": "nie-ma-takiego"}, {"area"}),
    ({"target": "<script>"}, {"target"}),
    ({"kind": "ops' OR 1=1 --"}, {"kind"}),
    ({"teryt": "12345"}, {"teryt"}),
    ({"teryt": "26a"}, {"teryt"}),
    ({"teryt": ["26", "xx"]}, {"teryt"}),
    ({"free": "maybe"}, {"free"}),
    ({"sort": "price"}, {"sort"}),
    ({"page": "-3"}, set()),
    ({"page": "99999999999999999999"}, set()),
    ({"q": "\x00\x1f" + "ą" * 5000}, set()),
    ({"q": ["jeden", "dwa"]}, set()),
    ({"q": 12}, set()),
    ({"area": ["", "seniors"]}, set()),
]


@pytest.mark.parametrize("params,errors", BAD_PARAMS)
def test_bad_parameters_never_fail(data, params, errors):
    filters = ServiceFilters.from_params(params)
    assert set(filters.errors) == errors
    assert filters.page >= 1
    assert len(filters.q) <= 200 and "\x00" not in filters.q
    result = search_services(filters)
    assert result.total == len(list(result.queryset))


def test_a_bad_value_is_left_out_and_the_good_ones_kept(data):
    filters = ServiceFilters.from_params({"area": "zzz", "teryt": "2604", "q": "spotkania"})
    assert filters.area == "" and filters.teryt == "2604"
    found, _ = names(filters.params())
    assert sorted(found) == sorted(
        [search_cases.KLUB, search_cases.TERAPIA, search_cases.GRUPA_RODZIN]
    )


def test_params_are_the_shareable_state():
    filters = ServiceFilters.from_params(
        {"q": " osoby  starsze ", "teryt": ["26", "2602", ""], "free": "on", "sort": "name"}
    )
    assert filters.querystring() == "q=osoby+starsze&teryt=2602&free=1&sort=name"
    assert filters.querystring(page=3) == "q=osoby+starsze&teryt=2602&free=1&sort=name&page=3"
    assert ServiceFilters.from_params({}).querystring() == ""
    assert not ServiceFilters.from_params({"sort": "name", "page": "2"}).active


# --- the index follows the data ----------------------------------------------------------


def test_editing_a_service_reindexes_it(data):
    service = Service.objects.get(name=search_cases.TERAPIA)
    service.description = "Zajęcia z hipoterapii dla dzieci."
    service.save()
    found, _ = names({"q": "hipoterapia"})
    assert found == [search_cases.TERAPIA]


def test_changing_coverage_moves_the_service(data):
    service = Service.objects.get(name=search_cases.INTERWENCJA)
    service.coverage.set(list(service.coverage.model.objects.filter(code="2602")))
    service.save()
    service.refresh_from_db()
    assert service.coverage_codes == "|2602|"
    assert search_cases.INTERWENCJA in names({"teryt": search_cases.OKSA})[0]
    assert names({"teryt": "20"})[0] == []


def test_renaming_an_institution_reindexes_its_services(data):
    institution = Institution.objects.get(name__startswith="Koło Gospodyń")
    institution.name = "Koło Gospodyń Wiejskich „Jarzębina”"
    institution.save()
    found, _ = names({"q": "jarzębiny"})
    assert sorted(found) == sorted([search_cases.KLUB, search_cases.PUNKT])


def test_publishing_a_revision_reindexes(data):
    service = Service.objects.get(name=search_cases.DYZUR)
    service.description = "Dyżur w remizie strażackiej."
    revision = service.save_revision()
    assert names({"q": "remiza"})[0] == []  # a draft is not public
    revision.publish()
    assert names({"q": "remiza"})[0] == [search_cases.DYZUR]


def test_a_new_synonym_group_works_at_once(data):
    assert names({"q": "świetlica"})[0] == [search_cases.SWIETLICA, search_cases.DYZUR]
    assert names({"q": "zajęcia pozalekcyjne"})[0] == []
    SynonymGroup.objects.create(terms="zajęcia pozalekcyjne\nświetlica")
    assert sorted(names({"q": "zajęcia pozalekcyjne"})[0]) == sorted(
        [search_cases.SWIETLICA, search_cases.DYZUR]
    )


def test_reindex_writes_every_service(data):
    Service.objects.update(search_text="", search_document="", coverage_codes="")
    assert names({"q": "GOPS"})[0] == []
    assert reindex_services() == len(search_cases.SERVICES)
    assert len(names({"q": "GOPS"})[0]) == 4
    assert names({"teryt": search_cases.NAREWKA})[0] == [search_cases.INTERWENCJA]


def test_reindex_costs_a_fixed_number_of_queries(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # ids, synonyms, batch, coverage, update
        reindex_services()


# --- who may be found follows the records, whichever way they change ---------------------
# (On PostgreSQL's full-text search the service's row keeps its institution's type and
# whether it is public, written by triggers: bulk updates, which send no signals, too.)


def test_withdrawing_an_institution_hides_its_services_until_it_is_published(data):
    institution = Institution.objects.get(name__startswith="Koło Gospodyń")
    ours = sorted([search_cases.KLUB, search_cases.PUNKT])
    others = sorted(names({"teryt": search_cases.LOPUSZNO})[0])
    assert set(ours) < set(others)
    institution.unpublish()
    assert sorted(names({"teryt": search_cases.LOPUSZNO})[0]) == sorted(set(others) - set(ours))
    assert names({"q": "seniorzy", "kind": "womens_circle"})[0] == []
    Institution.objects.filter(pk=institution.pk).update(live=True)
    assert sorted(names({"teryt": search_cases.LOPUSZNO})[0]) == others
    assert names({"q": "seniorzy", "kind": "womens_circle"})[0] == [search_cases.KLUB]


def test_an_institution_of_another_type_moves_its_services_between_facets(data):
    ngo = names({"teryt": search_cases.LOPUSZNO, "kind": "ngo"})[0]
    before = facet(names({"teryt": search_cases.LOPUSZNO})[1], "kind")
    assert (before["womens_circle"], before["ngo"]) == (2, len(ngo))
    Institution.objects.filter(name__startswith="Koło Gospodyń").update(type="ngo")
    found, result = names({"teryt": search_cases.LOPUSZNO, "kind": "ngo"})
    assert sorted(found) == sorted([search_cases.KLUB, search_cases.PUNKT, *ngo])
    after = facet(result, "kind")
    assert (after["womens_circle"], after["ngo"]) == (0, len(ngo) + 2)
    assert names({"kind": "womens_circle"})[0] == []


def test_the_territory_words_select_what_the_codes_select(data):
    """PostgreSQL's full-text search finds a territory through words made by the database
    from `coverage_codes` (search_postgresql.covers): for every unit of every level, and
    for codes written by a bulk update, exactly the services of teryt_q."""
    if not search_postgresql.available():
        pytest.skip("the territory words belong to PostgreSQL's full-text search")
    Service.objects.filter(name=search_cases.OPIEKA).update(coverage_codes="|2604|2001011|")
    Service.objects.filter(name=search_cases.KLUB).update(coverage_codes="")
    codes = set(Territory.objects.values_list("code", flat=True)) | {"06", "0601", "0601011"}
    for listed in Service.objects.values_list("coverage_codes", flat=True):
        for code in filter(None, listed.split("|")):
            codes |= {code, code[:2], code[:4]}
    found_any = 0
    for code in sorted(codes):
        expected = set(Service.objects.filter(teryt_q(code)).values_list("pk", flat=True))
        found = Service.objects.filter(search_postgresql.covers(code)).values_list("pk", flat=True)
        assert set(found) == expected, code
        found_any += bool(expected)
    assert found_any >= 10
    moved = Service.objects.filter(search_postgresql.covers("2001011"))
    assert search_cases.OPIEKA in moved.values_list("name", flat=True)
    assert search_cases.KLUB not in names({"teryt": search_cases.LOPUSZNO})[0]


def test_a_service_suspended_or_moved_is_found_as_it_is_now(data):
    Service.objects.filter(name=search_cases.OPIEKA).update(status="suspended")
    assert search_cases.OPIEKA not in names({"teryt": search_cases.OKSA})[0]
    Service.objects.filter(name=search_cases.OPIEKA).update(status="active")
    assert search_cases.OPIEKA in names({"kind": "ops"})[0]
    service = Service.objects.get(name=search_cases.OPIEKA)
    service.institution = Institution.objects.get(name__startswith="Ośrodek Interwencji")
    service.save()
    assert search_cases.OPIEKA in names({"kind": "crisis_centre"})[0]
    assert search_cases.OPIEKA not in names({"kind": "ops"})[0]
    hidden = Institution.objects.get(name="Instytucja w przygotowaniu")
    Service.objects.filter(name=search_cases.OPIEKA).update(institution=hidden)
    assert search_cases.OPIEKA not in names({})[0]


# --- institutions (for the API) ----------------------------------------------------------


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, ["gops", "kgw", "ngo", "oik", "pcpr", "rops"]),
        ({"kind": "ngo"}, ["ngo"]),
        ({"q": "osrodek"}, ["gops", "ngo", "oik", "rops"]),  # ngo: a service says so
        ({"q": "GOPS"}, ["gops", "kgw", "ngo"]),  # its own services, and those mentioning it
        ({"teryt": search_cases.OKSA}, ["gops", "ngo", "pcpr", "rops"]),
        ({"teryt": "20"}, ["oik"]),
        ({"area": "parenting"}, ["ngo", "pcpr"]),
    ],
)
def test_institution_queryset(data, params, expected):
    by_name = {fields["name"]: key for key, fields in search_cases.INSTITUTIONS.items()}
    found = institution_queryset(ServiceFilters.from_params(params))
    assert sorted(by_name[institution.name] for institution in found) == expected


# --- searches that found nothing ---------------------------------------------------------


def test_zero_result_searches_are_counted_per_day_without_personal_data(db):
    filters = ServiceFilters.from_params(
        {"q": "Hipoterapia  dla Jana tel. 600123456 jan@example.org", "area": "health"}
    )
    record_zero_result(filters)
    record_zero_result(filters)
    row = ZeroResultSearch.objects.get()
    assert row.query == "hipoterapia dla jana tel."
    assert (row.area, row.teryt, row.count) == ("health", "", 2)
    assert row.day == timezone.localdate()
    field_names = {f.name for f in ZeroResultSearch._meta.get_fields()}
    assert field_names == {"id", "day", "query", "area", "teryt", "count"}


def test_an_empty_search_is_not_logged(db):
    record_zero_result(ServiceFilters.from_params({"sort": "name"}))
    assert not ZeroResultSearch.objects.exists()


def test_synonyms_are_cached_per_process_and_renewed(db, monkeypatch):
    from catalog import polish

    group = SynonymGroup.objects.create(terms="DPS\ndom pomocy społecznej")
    assert polish.synonyms().query_terms(["dps"]) == [(f"syn{group.pk}",)]
    # a change that no signal reports (another process, a raw update): not seen yet ...
    SynonymGroup.objects.filter(pk=group.pk).update(terms="ŚDS\nśrodowiskowy dom samopomocy")
    assert polish.synonyms().query_terms(["dps"]) == [(f"syn{group.pk}",)]
    # ... until the shared version changes, or the local copy is old enough
    polish.forget_synonyms()
    assert polish.synonyms().query_terms(["dps"]) == [("dps",)]
    SynonymGroup.objects.filter(pk=group.pk).update(terms="DPS\ndom pomocy społecznej")
    monkeypatch.setattr(polish, "SYNONYMS_MAX_AGE", -1)
    assert polish.synonyms().query_terms(["dps"]) == [(f"syn{group.pk}",)]


# --- PostgreSQL's full-text search: set up by a command, or the LIKE search --------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's full-text search"
)


@pytest.fixture
def unchecked(db):
    """What these tests change is rolled back with their transaction; the process's
    memory of whether the configuration exists must be forgotten with it."""
    search_postgresql.forget()
    yield
    search_postgresql.forget()


@postgresql_only
def test_without_the_configuration_the_like_search_runs_and_says_so(unchecked, caplog):
    search_postgresql.teardown()  # (a module fixture of this file may have set it up)
    assert not search_postgresql.available()
    assert "not set up (run `manage.py setup_polish_search`); using the LIKE search" in (
        caplog.text
    )
    caplog.clear()
    assert not search_postgresql.available()  # said once per process, not per search
    assert caplog.text == ""
    with pytest.raises(CommandError, match="pg_config --sharedir"):
        call_command("setup_polish_search", "--check")


@postgresql_only
def test_the_command_sets_up_and_removes_the_configuration(unchecked):
    with connection.cursor() as cursor:
        # rows of this module's fixture are in the transaction: ALTER TABLE refuses
        # while their deferred foreign-key checks are pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    try:
        call_command("setup_polish_search", stdout=io.StringIO())
    except CommandError as error:
        if MISSING_DICTIONARY not in str(error):
            raise
        pytest.skip(f"the Polish dictionary is not installed: {str(error).splitlines()[0]}")
    assert search_postgresql.available()
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('kooperacja_pl', 'Ośrodkiem osób starszych')")
        assert cursor.fetchone()[0] == "'osoba':2 'osrodek':1 'starsza':3 'starszy':3"
    call_command("setup_polish_search", "--remove", stdout=io.StringIO())
    assert not search_postgresql.available()


def test_the_command_is_for_postgresql_only(db):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the command does its work (tested above)")
    with pytest.raises(CommandError, match="full-text search is for PostgreSQL"):
        call_command("setup_polish_search")
