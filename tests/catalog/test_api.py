"""The read-only JSON API: the page's filters and order, pagination, errors as 400 (never
500), published entries only, a fixed number of queries and the OpenAPI schema."""

import re

import pytest

from catalog.codes import ServiceStatus
from catalog.search import ServiceFilters, search_services
from tests.factories.catalog import CatalogPageFactory, InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

OKSA, JEDRZEJOW, BIELINY = "2602052", "2602023", "2604012"


@pytest.fixture
def catalog(db):
    """A small list: two institutions in the powiat jędrzejowski and one near Kielce."""
    ops = InstitutionFactory(name="Gminny Ośrodek Pomocy Społecznej w Oksie", gmina=OKSA)
    pcpr = InstitutionFactory(
        name="Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie", type="pcpr", gmina=JEDRZEJOW
    )
    kgw = InstitutionFactory(name="Koło Gospodyń Wiejskich", type="womens_circle", gmina=BIELINY)
    services = {
        "club": ServiceFactory(
            institution=ops,
            name="Klub seniora",
            areas=["seniors", "community"],
            target_groups=["seniors"],
            description="Spotkania dla osób starszych.",
        ),
        "advice": ServiceFactory(
            institution=ops, name="Poradnictwo socjalne", areas=["poverty"], cost="free"
        ),
        "family": ServiceFactory(
            institution=pcpr,
            name="Poradnictwo rodzinne",
            areas=["parenting", "violence"],
            target_groups=["families"],
            coverage=["2602"],
        ),
        "duty": ServiceFactory(
            institution=pcpr, name="Dyżur psychologa w Oksie", areas=["crisis"], gmina=OKSA
        ),
        "cooking": ServiceFactory(
            institution=kgw,
            name="Warsztaty kulinarne dla seniorów",
            areas=["seniors"],
            cost="partly",
            kind="activity",
        ),
    }
    return services


def ids(response):
    return [item["id"] for item in response.json()["results"]]


def page_ids(params):
    filters = ServiceFilters.from_params(params)
    return list(search_services(filters, facets=False).queryset.values_list("pk", flat=True))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "poradnictwo"},
        {"q": "seniorow"},  # no diacritics, another form
        {"area": "seniors"},
        {"target": "families"},
        {"kind": "pcpr"},
        {"teryt": OKSA},  # also the powiat-wide family advice of the PCPR
        {"teryt": "2604"},
        {"free": "1"},
        {"sort": "name"},
        {"sort": "verified"},
        {"q": "poradnictwo", "teryt": "26", "sort": "name"},
    ],
)
def test_the_list_of_services_is_the_page_s_list(client, catalog, params):
    response = client.get("/api/v1/services/", params)
    assert response.status_code == 200
    assert ids(response) == page_ids(params)
    assert response.json()["count"] == len(page_ids(params))


def test_a_gmina_finds_the_services_covering_it(client, catalog):
    names = {
        item["name"] for item in client.get("/api/v1/services/?teryt=2602052").json()["results"]
    }
    assert names == {
        "Klub seniora",
        "Poradnictwo socjalne",
        "Poradnictwo rodzinne",
        "Dyżur psychologa w Oksie",
    }


def test_pages_have_count_next_and_previous(client):
    ServiceFactory.create_batch(25, institution=InstitutionFactory())
    first = client.get("/api/v1/services/").json()
    assert (first["count"], len(first["results"]), first["previous"]) == (25, 20, None)
    assert first["next"] == "http://testserver/api/v1/services/?page=2"
    second = client.get(first["next"]).json()
    assert (len(second["results"]), second["next"]) == (5, None)
    assert second["previous"] == "http://testserver/api/v1/services/"
    small = client.get("/api/v1/services/?page_size=10&page=3").json()
    assert len(small["results"]) == 5
    assert not set(ids_of(first)) & set(ids_of(second))


def ids_of(data):
    return [item["id"] for item in data["results"]]


BAD_PARAMS = [
    ("area", "seniorzy", "Unknown problem area"),
    ("target", "dzieci", "Unknown target group"),
    ("kind", "gops", "Unknown type of institution"),
    ("teryt", "26020", "a TERC code has 2, 4 or 7 digits"),
    ("teryt", "abc", "a TERC code has 2, 4 or 7 digits"),
    ("free", "maybe", "free services only"),
    ("sort", "price", "Unknown order"),
    ("page", "0", "whole number from 1"),
    ("page", "pierwsza", "whole number from 1"),
    ("page_size", "1000", "whole number from 1 to 100"),
    ("page_size", "-5", "whole number from 1 to 100"),
]


@pytest.mark.parametrize("endpoint", ["services", "institutions"])
@pytest.mark.parametrize(("name", "value", "message"), BAD_PARAMS)
def test_a_bad_parameter_is_a_400_naming_it(client, catalog, endpoint, name, value, message):
    response = client.get(f"/api/v1/{endpoint}/", {name: value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [name]
    assert message in response.json()[name][0]


def test_the_messages_are_polish_by_default(client, catalog):
    response = client.get("/api/v1/services/?area=seniorzy&page_size=0")
    assert response.status_code == 400
    assert list(response.json()) == ["area"]  # the page's filters are checked first
    assert response.json()["area"][0].startswith("Nieznany obszar problemowy")
    response = client.get("/api/v1/services/?page_size=0")
    assert response.json() == {"page_size": ["Podaj liczbę całkowitą od 1 do 100."]}


def test_a_page_after_the_last_is_404(client, catalog):
    response = client.get("/api/v1/services/?page=9", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no page 9: the last page is 1."}


def test_only_published_active_entries_are_shown(client, catalog):
    hidden_institution = InstitutionFactory(live=False)
    hidden = [
        ServiceFactory(live=False, name="Szkic"),
        ServiceFactory(status=ServiceStatus.ENDED, name="Zakończona"),
        ServiceFactory(institution=hidden_institution, name="Usługa ukrytej instytucji"),
    ]
    listed = ids(client.get("/api/v1/services/?page_size=100"))
    assert sorted(listed) == sorted(s.pk for s in catalog.values())
    for service in hidden:
        assert client.get(f"/api/v1/services/{service.pk}/").status_code == 404
    assert client.get(f"/api/v1/institutions/{hidden_institution.pk}/").status_code == 404
    assert hidden_institution.pk not in ids(client.get("/api/v1/institutions/"))

    # Every missing thing under /api/v1/ is a JSON 404, never a redirect to a page.
    for path in (f"/api/v1/services/{hidden[0].pk}/", "/api/v1/services/abc/", "/api/v1/nic/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/json"
        assert list(response.json()) == ["detail"]
    assert client.get("/api/v1/services").status_code == 301  # to the path with a slash


def test_the_api_is_read_only_and_anonymous(client, catalog):
    assert client.post("/api/v1/services/", {"name": "x"}).status_code == 405
    service = catalog["club"]
    assert client.delete(f"/api/v1/services/{service.pk}/").status_code == 405
    assert client.put(f"/api/v1/services/{service.pk}/", {}).status_code == 405


def test_a_service_in_detail(client, site, catalog):
    CatalogPageFactory(parent=site.home_pl)
    duty = catalog["duty"]
    data = client.get(f"/api/v1/services/{duty.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["name"] == "Dyżur psychologa w Oksie"
    assert data["url"] == f"http://testserver/api/v1/services/{duty.pk}/"
    assert data["web_url"] == f"http://testserver/pl/uslugi/usluga/{duty.pk}/"
    assert data["areas"] == [{"code": "crisis", "label": "crisis situations"}]
    assert data["kind"] == {"code": "service", "label": "service"}
    assert data["institution"] == {
        "id": duty.institution_id,
        "name": "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
        "url": f"http://testserver/api/v1/institutions/{duty.institution_id}/",
    }
    assert data["place"]["gmina"] == {"code": OKSA, "name": "Oksa", "level": "gmina"}
    assert data["coverage"] == [{"code": OKSA, "name": "Oksa", "level": "gmina"}]

    family = client.get(f"/api/v1/services/{catalog['family'].pk}/").json()
    assert family["areas"][0] == {"code": "parenting", "label": "trudności wychowawcze"}
    assert family["place"]["gmina"]["code"] == JEDRZEJOW  # the institution's place
    assert family["coverage"] == [{"code": "2602", "name": "jędrzejowski", "level": "powiat"}]


def test_an_institution_in_detail_lists_its_public_services(client, catalog):
    ops = catalog["club"].institution
    ServiceFactory(institution=ops, live=False, name="Szkic")
    data = client.get(f"/api/v1/institutions/{ops.pk}/").json()
    assert data["type"]["code"] == "ops"
    assert data["place"]["gmina"]["code"] == OKSA
    assert [s["name"] for s in data["services"]] == ["Klub seniora", "Poradnictwo socjalne"]
    assert data["services"][0]["url"] == f"http://testserver/api/v1/services/{catalog['club'].pk}/"


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({}, ["Gminny Ośrodek", "Koło Gospodyń", "Powiatowe Centrum"]),
        ({"kind": "pcpr"}, ["Powiatowe Centrum"]),
        ({"area": "seniors"}, ["Gminny Ośrodek", "Koło Gospodyń"]),
        ({"teryt": "2604"}, ["Koło Gospodyń"]),
        ({"q": "osrodek"}, ["Gminny Ośrodek"]),
        ({"free": "1", "area": "seniors"}, ["Gminny Ośrodek"]),
    ],
)
def test_the_list_of_institutions_has_the_same_filters(client, catalog, params, names):
    results = client.get("/api/v1/institutions/", params).json()["results"]
    assert [item["name"][: len(name)] for item, name in zip(results, names, strict=False)] == names
    assert len(results) == len(names)


def add_services(count):
    for index in range(count):
        institution = InstitutionFactory(gmina=OKSA if index % 2 else JEDRZEJOW)
        ServiceFactory(institution=institution, coverage=["2602"] if index % 3 else None)


@pytest.mark.parametrize("endpoint", ["services", "institutions"])
def test_a_list_page_costs_a_fixed_number_of_queries(
    client, site, endpoint, django_assert_max_num_queries
):
    """Count, rows, coverage (services) and the catalog page for the public links."""
    CatalogPageFactory(parent=site.home_pl)
    url = f"/api/v1/{endpoint}/?page_size=100&teryt=26"
    client.get(url)  # the site's root paths are cached on first use
    used = []
    for count in (5, 40):
        add_services(count - sum(used and [5]))
        with django_assert_max_num_queries(5) as queries:
            response = client.get(url)
        assert response.json()["count"] == count
        used.append(len(queries.captured_queries))
    assert used[0] == used[1]


def test_the_root_links_to_everything(client):
    data = client.get("/api/v1/").json()
    assert data == {
        "services": "http://testserver/api/v1/services/",
        "institutions": "http://testserver/api/v1/institutions/",
        "hsds": "http://testserver/api/v1/hsds/",
        "schema": "http://testserver/api/v1/schema/",
    }


def test_the_schema_documents_the_api_and_nothing_else(client, catalog):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/services/",
        "/api/v1/services/{id}/",
        "/api/v1/institutions/",
        "/api/v1/institutions/{id}/",
        "/api/v1/hsds/",
    }
    for path in ("/api/v1/services/", "/api/v1/institutions/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert set(parameters) == {
            "q", "area", "target", "kind", "teryt", "free", "sort", "page", "page_size"
        }  # fmt: skip
        assert "seniors" in parameters["area"]["schema"]["enum"]
        assert set(schema["paths"][path]["get"]["responses"]) == {"200", "400"}
    assert client.get("/api/v1/schema/?format=yaml").content.startswith(b"openapi: 3")


def test_every_documented_path_answers(client, catalog):
    schema = client.get("/api/v1/schema/").json()
    service, institution = catalog["club"], catalog["club"].institution
    for path, operations in schema["paths"].items():
        assert set(operations) == {"get"}
        example = path.replace(
            "{id}", str(institution.pk if "institutions" in path else service.pk)
        )
        response = client.get(example)
        assert response.status_code == 200, path
        if "hsds" not in path:
            assert re.match(r"application/json", response["Content-Type"])
