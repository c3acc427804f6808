"""The catalog page and its routes as visitors see them, in Polish and English: the search
form and results, odd addresses, details of services, institutions and teams, the map,
freshness, the units of the cascading choice and the CSV export."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from catalog.models import CatalogPage, ZeroResultSearch
from tests.conftest import translate
from tests.factories.catalog import (
    CatalogPageFactory,
    CooperationTeamFactory,
    InstitutionFactory,
    ServiceFactory,
)
from tests.utils import html_lang, soup, text

OKSA = "2602052"
BIELINY = "2604012"


@pytest.fixture
def catalog_page(site):
    return CatalogPageFactory(parent=site.home_pl)


@pytest.fixture
def english(site, catalog_page):
    """The English translation (made only where needed: translating costs more than the
    rest of a test's data)."""
    return translate(catalog_page, site.locales.en, title="Services", slug="services")


@pytest.fixture
def gops(db):
    return InstitutionFactory(
        name="Gminny Ośrodek Pomocy Społecznej w Oksie",
        gmina=OKSA,
        latitude="50.7520",
        longitude="20.3930",
        website="https://gops.example.org",
        regon="123456789",
    )


@pytest.fixture
def services(catalog_page, gops):
    ngo = InstitutionFactory(name="Stowarzyszenie Razem", type="ngo", gmina=BIELINY)
    return {
        "opieka": ServiceFactory(
            institution=gops,
            name="Usługi opiekuńcze",
            areas=["seniors"],
            target_groups=["seniors"],
            description="Pomoc w domu dla osób starszych.",
            cost="partly",
            referral_required=True,
            referred_by="pracownik socjalny GOPS",
            step_free=True,
        ),
        "zasilki": ServiceFactory(institution=gops, name="Zasiłki", areas=["poverty"]),
        "terapia": ServiceFactory(
            institution=ngo,
            name="Terapia uzależnień",
            areas=["addiction"],
            coverage=["2604"],
            last_verified=datetime.date(2020, 1, 2),
        ),
    }


def pl(message):
    with translation.override("pl"):
        return gettext(message)


def result_names(response):
    return [text(h3) for h3 in soup(response).select(".catalog-list .service-card__title")]


# --- the search page ---------------------------------------------------------------------


def test_catalog_page_lists_services_in_polish(services, client):
    response = client.get("/pl/uslugi/")
    assert html_lang(response) == "pl"
    html = soup(response)
    assert text(html.h1) == "Lista usług"
    assert result_names(response) == ["Terapia uzależnień", "Usługi opiekuńcze", "Zasiłki"]
    assert text(html.select_one(".catalog-summary")) == "Znaleziono 3 usługi"
    assert html.select_one("#catalog-q")["name"] == "q"
    assert html.select_one("label[for=catalog-q]")
    # every card says who, where, what it costs and when it was checked
    card = html.select_one(f"#service-{services['opieka'].pk}")
    assert "Gminny Ośrodek Pomocy Społecznej w Oksie" in text(card)
    assert "gmina Oksa" in text(card)
    assert "osoby starsze" in text(card)
    link = card.select_one("h3 a")["href"]
    assert link == f"/pl/uslugi/usluga/{services['opieka'].pk}/"


def test_catalog_page_in_english(services, english, client):
    response = client.get("/en/services/?area=addiction")
    assert html_lang(response) == "en"
    html = soup(response)
    assert text(html.h1) == "Services"
    assert text(html.select_one("#catalog-search-heading")) == "Search the services"
    assert result_names(response) == ["Terapia uzależnień"]
    link = html.select_one(".service-card__title a")["href"]
    assert link == f"/en/services/service/{services['terapia'].pk}/"
    assert "addiction" in text(html.select_one("#catalog-area option[selected]"))


def test_the_state_is_in_the_address_and_in_the_form(services, client):
    # What the form sends (all three territory lists, empty fields) is redirected to the
    # one short address of the same state.
    sent = client.get(
        f"/pl/uslugi/?q=osob++starszych&teryt=26&teryt=2602&teryt={OKSA}&free=&area="
        "&sort=name&lists=1"
    )
    assert sent.status_code == 302
    assert sent["Location"] == f"/pl/uslugi/?q=osob+starszych&teryt={OKSA}&sort=name"
    response = client.get(sent["Location"])
    html = soup(response)
    assert result_names(response) == ["Usługi opiekuńcze"]
    assert html.select_one("#catalog-q")["value"] == "osob starszych"
    assert html.select_one("#catalog-voivodeship option[selected]")["value"] == "26"
    assert html.select_one("#catalog-powiat option[selected]")["value"] == "2602"
    assert html.select_one("#catalog-gmina option[selected]")["value"] == OKSA
    # the lists of the cascade: powiats of the voivodeship, gminas of the powiat
    assert len(html.select("#catalog-voivodeship option")) == 17
    assert len(html.select("#catalog-powiat option")) == 1 + 14  # świętokrzyskie
    assert len(html.select("#catalog-gmina option")) == 1 + 9  # powiat jędrzejowski
    assert html.select_one("#catalog-sort option[selected]")["value"] == "name"
    # each chosen filter can be removed by a link that keeps the others
    chips = {text(a): a["href"] for a in html.select(".catalog-chosen a")}
    assert len(chips) == 2
    removing_words = next(href for label, href in chips.items() if "osob starszych" in label)
    assert removing_words == f"/pl/uslugi/?teryt={OKSA}&sort=name"
    assert "gmina Oksa" in text(html.select_one(".catalog-summary"))


def test_facet_counts_are_in_the_choices(services, client):
    html = soup(client.get(f"/pl/uslugi/?teryt={OKSA}"))
    options = {o["value"]: text(o) for o in html.select("#catalog-area option") if o["value"]}
    assert options["seniors"].endswith("(1)")
    assert options["poverty"].endswith("(1)")
    assert options["addiction"].endswith("(0)")
    assert text(html.select_one("label[for=catalog-free]")).endswith("(1)")


BAD_ADDRESSES = [
    ("?area=nope", "area"),
    ("?target=%3Cscript%3Ealert(1)%3C/script%3E", "target"),
    ("?kind=x&kind=y", "kind"),
    ("?teryt=123", "teryt"),
    ("?teryt=9999", "teryt"),  # well formed, but no such unit
    ("?free=perhaps", "free"),
    ("?sort=random", "sort"),
    ("?page=abc", None),
    ("?page=0", None),
    ("?page=100000", None),
    ("?page=-1", None),
    ("?q=%00%01", None),
    ("?q=" + "a" * 3000, None),
    ("?q=%25%25_%5C", None),
    ("?q=%27%3B+DROP+TABLE+catalog_service%3B--", None),
    ("?teryt=26&teryt=abc", "teryt"),
    ("?q=ośrodek&q=pomocy", None),
]


def check_odd_address(client, query, error):
    response = client.get(f"/pl/uslugi/{query}", follow=True)
    assert response.status_code == 200, query
    html = soup(response)
    summary = html.select_one(".error-summary")
    if error is None:
        assert summary is None, query
        return
    assert summary is not None and summary["role"] == "alert", query
    assert summary.select_one("a")["href"] == f"#catalog-{error}", query
    assert html.select_one(f"#catalog-{error}") is not None, query
    message = html.select_one(f"#catalog-{error}-error")
    assert message is not None and text(message), query
    described = html.select(f"[aria-describedby~=catalog-{error}-error]")
    assert described and described[0].get("aria-invalid") == "true", query


def test_odd_addresses_give_a_page_not_an_error(services, client):
    """One test over the whole table: the data is the same for every address."""
    for query, error in BAD_ADDRESSES:
        check_odd_address(client, query, error)


def test_a_bad_value_is_reported_and_the_rest_kept(services, client):
    html = soup(client.get("/pl/uslugi/?area=nope&q=zasiłki"))
    assert html.select_one("#catalog-q")["value"] == "zasiłki"
    assert [text(h) for h in html.select(".service-card__title")] == ["Zasiłki"]
    assert pl("Unknown problem area: choose one from the list.") in text(
        html.select_one(".error-summary")
    )


def test_pagination_keeps_the_filters(services, client, monkeypatch):
    from catalog import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    response = client.get("/pl/uslugi/?teryt=26&sort=name")
    assert result_names(response) == ["Terapia uzależnień", "Usługi opiekuńcze"]
    next_link = soup(response).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?teryt=26&sort=name&page=2"
    response = client.get("/pl/uslugi/" + next_link)
    assert result_names(response) == ["Zasiłki"]
    assert soup(response).select_one(".catalog-list")["start"] == "3"


def test_a_search_that_finds_nothing_is_logged(services, client):
    client.get("/pl/uslugi/?q=Hipoterapia&area=health")
    # redirected to the address above, and counted there only
    client.get("/pl/uslugi/?q=Hipoterapia&area=health&page=1", follow=True)
    client.get("/pl/uslugi/?q=zasiłki")  # found: not logged
    client.get("/pl/uslugi/")  # nothing asked: not logged
    row = ZeroResultSearch.objects.get()
    assert (row.query, row.area, row.count) == ("hipoterapia", "health", 2)


def test_an_empty_catalog_says_so(catalog_page, client):
    html = soup(client.get("/pl/uslugi/"))
    assert text(html.select_one(".catalog-summary")) == pl("The list has no services yet.")


def test_hidden_services_are_not_listed(services, client, gops):
    ServiceFactory(institution=gops, name="Zawieszona", status="suspended")
    ServiceFactory(institution=gops, name="Szkic", live=False)
    draft_institution = InstitutionFactory(name="Szkic instytucji", live=False)
    ServiceFactory(institution=draft_institution, name="Usługa szkicu")
    names = result_names(client.get("/pl/uslugi/"))
    assert names == ["Terapia uzależnień", "Usługi opiekuńcze", "Zasiłki"]


# --- the cascading choice and the export -------------------------------------------------


def test_units_of_a_territory_as_json(catalog_page, english, client):
    response = client.get("/pl/uslugi/teryt/2602/")
    assert response["Content-Type"] == "application/json"
    units = response.json()["units"]
    assert units[0] == {"code": "2602012", "label": "gmina Imielno"}
    assert len(units) == 9
    powiats = client.get("/en/services/teryt/26/").json()["units"]
    assert {"code": "2661", "label": "Kielce (city with powiat rights)"} in powiats
    for bad in ["2602052", "ab", "1", "26020"]:
        assert client.get(f"/pl/uslugi/teryt/{bad}/").status_code == 404


def test_csv_export_of_the_filtered_result(services, client):
    response = client.get(f"/pl/uslugi/eksport/csv/?teryt={OKSA}&sort=name")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    content = body.decode("utf-8-sig")
    assert "Usługi opiekuńcze" in content and "Zasiłki" in content
    assert "Terapia uzależnień" not in content
    assert content.index("Usługi opiekuńcze") < content.index("Zasiłki")


def test_the_result_links_to_its_csv_export(services, client):
    html = soup(client.get(f"/pl/uslugi/?teryt={OKSA}"))
    assert html.select_one("a[download][href*='eksport/csv/']")["href"] == (
        f"/pl/uslugi/eksport/csv/?teryt={OKSA}"
    )


# --- details -----------------------------------------------------------------------------


def test_service_page(services, client, settings):
    settings.CATALOG_MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.CATALOG_MAP_ATTRIBUTION = "© autorzy OpenStreetMap"
    service = services["opieka"]
    response = client.get(f"/pl/uslugi/usluga/{service.pk}/")
    html = soup(response)
    assert text(html.h1) == "Usługi opiekuńcze"
    assert html.title.string.startswith("Usługi opiekuńcze – Gminny Ośrodek")
    facts = text(html.select_one(".catalog-detail"))
    for expected in [
        "osoby starsze",
        "częściowo płatna",
        "pracownik socjalny GOPS",
        pl("step-free access"),
        "gmina Oksa",
    ]:
        assert expected in facts
    # the map: one tile of the configured server, its attribution, a link to OSM
    tile = html.select_one(".catalog-map img")
    assert tile["src"].startswith("https://tiles.example.org/15/")
    assert tile["alt"]
    assert "© autorzy OpenStreetMap" in text(html.select_one(".catalog-map"))
    osm = html.select_one(".catalog-map a")["href"]
    assert osm.startswith("https://www.openstreetmap.org/?mlat=50.752000&mlon=20.393000")
    with translation.override("pl"):
        today = date_format(timezone.localdate(), "j E Y")
    assert text(html.select_one(".freshness")) == f"Zweryfikowano {today}"
    assert html.select_one(".freshness time")["datetime"] == timezone.localdate().isoformat()
    others = [text(a) for a in html.select(".catalog-links a")]
    assert others == ["Zasiłki"]


def test_a_page_without_coordinates_or_tile_server_is_complete(services, client, settings):
    settings.CATALOG_MAP_TILE_URL = ""
    html = soup(client.get(f"/pl/uslugi/usluga/{services['opieka'].pk}/"))
    assert html.select_one(".catalog-map img") is None
    assert html.select_one(".catalog-map a[href^='https://www.openstreetmap.org/']")
    html = soup(client.get(f"/pl/uslugi/usluga/{services['terapia'].pk}/"))
    assert html.select_one(".catalog-map") is None
    assert "ul. Przykładowa 1" in text(html.select_one(".catalog-address"))


def test_overdue_entries_are_marked_in_words(services, client):
    overdue = services["terapia"]
    html = soup(client.get(f"/pl/uslugi/usluga/{overdue.pk}/"))
    freshness = text(html.select_one(".freshness"))
    assert "2 stycznia 2020" in freshness
    assert pl("review overdue") in freshness
    html = soup(client.get("/pl/uslugi/"))
    marked = [
        text(card.select_one("h3"))
        for card in html.select(".service-card")
        if card.select_one(".freshness__overdue")
    ]
    assert marked == ["Terapia uzależnień"]


def test_service_page_in_english(services, english, client):
    response = client.get(f"/en/services/service/{services['opieka'].pk}/")
    assert html_lang(response) == "en"
    html = soup(response)
    assert "older people" in text(html.select_one(".catalog-detail"))
    assert text(html.select_one("#service-facts")) == "About the service"


@pytest.mark.parametrize(
    "path",
    [
        "usluga/{hidden}/",
        "usluga/{suspended}/",
        "usluga/999999/",
        "instytucja/{draft}/",
        "instytucja/999999/",
        "zespol/999999/",
        "usluga/abc/",
        "nie-ma/",
    ],
)
def test_hidden_or_missing_records_are_not_found(services, client, gops, path):
    hidden = ServiceFactory(institution=gops, name="Szkic", live=False)
    suspended = ServiceFactory(institution=gops, name="Zawieszona", status="ended")
    draft = InstitutionFactory(name="Szkic instytucji", live=False)
    url = "/pl/uslugi/" + path.format(hidden=hidden.pk, suspended=suspended.pk, draft=draft.pk)
    assert client.get(url).status_code == 404


def test_institution_page(services, client, gops):
    team = CooperationTeamFactory(name="PZK Oksa", coordinator=gops, members=[(gops, "lider")])
    html = soup(client.get(f"/pl/uslugi/instytucja/{gops.pk}/"))
    assert text(html.h1) == gops.name
    assert "REGON" in text(html.select_one(".catalog-detail"))
    assert [text(h) for h in html.select(".service-card__title")] == [
        "Usługi opiekuńcze",
        "Zasiłki",
    ]
    team_links = {a["href"] for a in html.select("#institution-teams ~ ul a")}
    assert team_links == {f"/pl/uslugi/zespol/{team.pk}/"}
    assert html.select_one(".catalog-map")


def test_team_page_shows_members_roles_and_services(services, client, gops):
    ngo = services["terapia"].institution
    hidden = InstitutionFactory(name="Instytucja w szkicu", live=False)
    team = CooperationTeamFactory(
        name="Partnerski Zespół Kooperacji w Oksie",
        territory=OKSA,
        coordinator=gops,
        members=[(gops, "lider"), (ngo, "członek"), (hidden, "członek")],
    )
    response = client.get(f"/pl/uslugi/zespol/{team.pk}/")
    html = soup(response)
    assert text(html.h1) == "Partnerski Zespół Kooperacji w Oksie"
    rows = html.select(".catalog-table tbody tr")
    assert [text(row.th.a) for row in rows] == [gops.name, ngo.name]
    assert text(rows[0].select("td")[0]) == "lider"
    assert [text(a) for a in rows[0].select("td a")] == ["Usługi opiekuńcze", "Zasiłki"]
    assert [text(a) for a in rows[1].select("td a")] == ["Terapia uzależnień"]
    assert "gmina Oksa" in text(html.select_one(".facts"))
    listing = soup(client.get("/pl/uslugi/zespoly/"))
    assert [a["href"] for a in listing.select(".catalog-links a")] == [
        f"/pl/uslugi/zespol/{team.pk}/"
    ]


def test_routes_have_polish_and_english_segments(catalog_page):
    page = CatalogPage.objects.get(locale__language_code="pl")
    expected = {
        "pl": ["usluga/1/", "instytucja/1/", "zespol/1/", "eksport/csv/", "plan/dodaj/"],
        "en": ["service/1/", "institution/1/", "team/1/", "export/csv/", "plan/add/"],
    }
    for language, paths in expected.items():
        with translation.override(language):
            made = [
                page.reverse_subpage("service", args=[1]),
                page.reverse_subpage("institution", args=[1]),
                page.reverse_subpage("team", args=[1]),
                page.reverse_subpage("export_csv"),
                page.reverse_subpage("plan_add"),
            ]
        assert made == paths


def chrome_of(response):
    html = soup(response)
    crumbs = [
        (text(item), item.get("href"))
        for item in html.select(".breadcrumbs li a, .breadcrumbs li [aria-current]")
    ]
    languages = {
        link["hreflang"]: link["href"] for link in html.select(".language-switcher a[hreflang]")
    }
    return crumbs, languages


def test_a_record_page_has_its_own_breadcrumb_and_language_link(
    services, english, catalog_page, client
):
    """The catalog page is a link in the trail, the record is the current item, and the
    switcher leads to the same record in the other language, not to the catalog's start."""
    pk = services["opieka"].pk
    crumbs, languages = chrome_of(client.get(f"/pl/uslugi/usluga/{pk}/"))
    assert crumbs[-2] == (catalog_page.title, "/pl/uslugi/")
    assert crumbs[-1] == (services["opieka"].name, None)
    assert languages["en"] == f"/en/services/service/{pk}/"
    crumbs, languages = chrome_of(client.get(f"/en/services/service/{pk}/"))
    assert crumbs[-2] == ("Services", "/en/services/")
    assert languages["pl"] == f"/pl/uslugi/usluga/{pk}/"
    crumbs, languages = chrome_of(
        client.get(f"/pl/uslugi/instytucja/{services['opieka'].institution_id}/")
    )
    assert crumbs[-1][0] == services["opieka"].institution.name
    assert languages["en"].startswith("/en/services/institution/")
    crumbs, languages = chrome_of(client.get("/pl/uslugi/zespoly/"))
    assert crumbs[-1] == ("Zespoły kooperacji", None)
    assert languages["en"] == "/en/services/teams/"
