"""The catalog's pages cost a fixed number of SQL queries, however many services,
members or plan items they show."""

import pytest
from django.core.cache import cache

from catalog.models import TeamMember
from tests.factories.catalog import (
    CatalogPageFactory,
    CooperationTeamFactory,
    InstitutionFactory,
    ServiceFactory,
)
from tests.utils import soup

# What the measurements gave when this was written (with the site's chrome: menu, footer,
# settings, translations); a view that costs more should be a decision, not an accident.
SEARCH_BUDGET = 17
DETAIL_BUDGET = 17


@pytest.fixture
def catalog(site, monkeypatch):
    from catalog import views

    monkeypatch.setattr(views, "PAGE_SIZE", 50)  # everything on one page: rendering shows
    return CatalogPageFactory(parent=site.home_pl)


def add_services(count, start, **fields):
    made = []
    for number in range(start, start + count):
        institution = InstitutionFactory(name=f"Ośrodek {number:02d}")
        made.append(
            ServiceFactory(
                institution=institution,
                name=f"Klub seniora {number:02d}",
                areas=["seniors", "community"],
                description="Spotkania dla osób starszych.",
                coverage=["2602"] if number % 2 else [],
                **fields,
            )
        )
    return made


def measure(client, url, budget, expected_items, selector):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(soup(response).select(selector)) == expected_items
    assert len(queries) <= budget, len(queries)
    return len(queries)


@pytest.mark.parametrize(
    "query",
    ["", "?q=osoby+starsze&area=seniors&teryt=2602052&sort=name", "?teryt=26&free=1"],
)
def test_search_page_cost_does_not_grow(catalog, client, django_assert_max_num_queries, query):
    url = f"/pl/uslugi/{query}"
    add_services(5, 0)
    few = measure(client, url, SEARCH_BUDGET, 5, ".service-card")
    add_services(25, 5)
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert len(soup(response).select(".service-card")) == 30


def test_a_search_that_finds_nothing_costs_a_fixed_number_too(
    catalog, client, django_assert_max_num_queries
):
    add_services(3, 0)
    url = "/pl/uslugi/?q=hipoterapia"
    # and three to count it in the log of searches without results (update, then insert
    # inside a savepoint)
    measure(client, url, SEARCH_BUDGET + 3, 0, ".service-card")


def test_institution_page_cost(catalog, client, django_assert_max_num_queries):
    institution = InstitutionFactory(name="GOPS")
    for number in range(3):
        ServiceFactory(institution=institution, name=f"Usługa {number}")
    CooperationTeamFactory(coordinator=institution, members=[(institution, "lider")])
    url = f"/pl/uslugi/instytucja/{institution.pk}/"
    few = measure(client, url, DETAIL_BUDGET, 3, ".service-card")
    for number in range(3, 20):
        ServiceFactory(institution=institution, name=f"Usługa {number}")
    for _ in range(4):
        CooperationTeamFactory(members=[(institution, "członek")])
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert len(soup(response).select(".service-card")) == 20


def test_team_page_cost(catalog, client, django_assert_max_num_queries):
    members = [InstitutionFactory(name=f"Członek {number}") for number in range(2)]
    for member in members:
        ServiceFactory(institution=member)
    team = CooperationTeamFactory(members=members)
    url = f"/pl/uslugi/zespol/{team.pk}/"
    few = measure(client, url, DETAIL_BUDGET, 2, "tbody tr")
    for number in range(2, 12):
        member = InstitutionFactory(name=f"Członek {number}")
        ServiceFactory(institution=member)
        ServiceFactory(institution=member)
        TeamMember.objects.create(team=team, institution=member, role="członek", sort_order=number)
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get(url)
    assert len(soup(response).select("tbody tr")) == 12


def test_service_page_and_plan_cost(catalog, client, django_assert_max_num_queries):
    services = add_services(12, 0)
    url = f"/pl/uslugi/usluga/{services[0].pk}/"
    measure(client, url, DETAIL_BUDGET, 1, "h1")
    for service in services[:2]:
        client.post("/pl/uslugi/plan/dodaj/", {"service": service.pk})
    few = measure(client, "/pl/uslugi/plan/", DETAIL_BUDGET, 2, ".plan-item")
    for service in services[2:]:
        client.post("/pl/uslugi/plan/dodaj/", {"service": service.pk})
    cache.clear()
    with django_assert_max_num_queries(few):
        response = client.get("/pl/uslugi/plan/")
    assert len(soup(response).select(".plan-item")) == 12
