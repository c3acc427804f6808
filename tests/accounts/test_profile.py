"""The profile: name and position, and the place of work chosen without JavaScript: a search
by gmina name or TERYT code and by institution name fills the lists, any gmina and any
published institution is accepted."""

import pytest
from django.contrib.auth import get_user_model

from catalog.models import Institution, Territory
from tests.factories import UserFactory
from tests.utils import soup, text

User = get_user_model()
PROFILE = "/pl/konto/profil/"


@pytest.fixture
def person(db, client):
    user = UserFactory(first_name="Jan", last_name="Kowalski")
    client.force_login(user)
    return user


@pytest.fixture
def places(db):
    bieliny = Territory.objects.get(code="2604012")
    kielce = Territory.objects.get(code="2661011")
    gops = Institution.objects.create(
        name="Gminny Ośrodek Pomocy Społecznej w Bielinach",
        type="ops",
        gmina=bieliny,
        locality="Bieliny",
    )
    rops = Institution.objects.create(
        name="Regionalny Ośrodek Polityki Społecznej w Kielcach",
        type="ops",
        gmina=kielce,
        locality="Kielce",
    )
    draft = Institution.objects.create(
        name="Ośrodek w przygotowaniu", type="ngo", gmina=bieliny, live=False
    )
    return {"bieliny": bieliny, "kielce": kielce, "gops": gops, "rops": rops, "draft": draft}


def options(page, field):
    select = page.find("select", id=f"id_{field}")
    return {option["value"]: text(option) for option in select.find_all("option")}


def test_details_are_saved(client, person):
    response = client.post(
        PROFILE,
        {
            "section": "details",
            "first_name": "Janina",
            "last_name": "Kowalska-Nowak",
            "position": "asystentka rodziny",
        },
    )
    assert response["Location"] == PROFILE
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.position) == (
        "Janina",
        "Kowalska-Nowak",
        "asystentka rodziny",
    )
    assert "Dane zostały zapisane." in text(soup(client.get(PROFILE)).find(role="status"))


def test_details_errors_keep_what_was_typed(client, person):
    page = soup(
        client.post(
            PROFILE,
            {"section": "details", "first_name": "", "last_name": "Nowak", "position": "kierownik"},
        )
    )
    assert "Wpisz swoje imię." in text(page.find(id="id_first_name_error"))
    assert page.find(id="id_last_name")["value"] == "Nowak"
    assert page.find(id="id_position")["value"] == "kierownik"
    person.refresh_from_db()
    assert person.last_name == "Kowalski"


def test_fields_have_labels_and_autocomplete(client, person):
    page = soup(client.get(PROFILE))
    for field, autocomplete in [
        ("first_name", "given-name"),
        ("last_name", "family-name"),
        ("position", "organization-title"),
        ("institution_name", "organization"),
    ]:
        assert page.find(id=f"id_{field}")["autocomplete"] == autocomplete
    for control in page.main.find_all(["input", "select"]):
        if control.get("type") in ("hidden", "submit"):
            continue
        assert page.find("label", attrs={"for": control["id"]}), control["id"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Bieliny", "Bieliny – gmina wiejska, powiat kielecki, TERYT 2604012"),
        ("bieliny", "Bieliny – gmina wiejska, powiat kielecki, TERYT 2604012"),
        ("łopuszno", "Łopuszno – gmina miejsko-wiejska, powiat kielecki, TERYT 2604083"),
        ("2604012", "Bieliny – gmina wiejska, powiat kielecki, TERYT 2604012"),
        ("2661", "Kielce – gmina miejska, miasto na prawach powiatu Kielce, TERYT 2661011"),
    ],
)
def test_gmina_search_by_name_or_teryt_code(client, person, query, expected):
    page = soup(client.get(PROFILE, {"gmina_q": query}))
    assert expected in options(page, "gmina").values()
    assert page.find(id="id_gmina_q")["value"] == query
    assert "pasuj" in text(page.find(class_="search-outcome"))


def test_gmina_search_by_powiat_code_lists_all_its_gminas(client, person):
    page = soup(client.get(PROFILE, {"gmina_q": "2604"}))
    listed = [label for value, label in options(page, "gmina").items() if value]
    assert len(listed) == Territory.objects.filter(level="gmina", code__startswith="2604").count()
    assert "19 gmin pasuje do „2604”." in text(page.find(class_="search-outcome"))


def test_a_long_list_is_cut_and_says_so(client, person):
    page = soup(client.get(PROFILE, {"gmina_q": "a"}))
    assert len(options(page, "gmina")) == 30 + 1
    assert "Lista pokazuje pierwsze 30" in text(page.find(class_="search-outcome"))


def test_without_search_the_lists_hold_only_the_current_choice(client, person, places):
    person.gmina = places["bieliny"]
    person.save()
    page = soup(client.get(PROFILE))
    assert list(options(page, "gmina")) == ["", str(places["bieliny"].pk)]
    # The institutions of one's gmina are offered; drafts are not.
    assert set(options(page, "institution")) == {"", str(places["gops"].pk)}


def test_institution_search_and_save(client, person, places):
    page = soup(client.get(PROFILE, {"institution_q": "regionalny"}))
    assert options(page, "institution")[str(places["rops"].pk)] == (
        "Regionalny Ośrodek Polityki Społecznej w Kielcach (Kielce)"
    )
    response = client.post(
        PROFILE,
        {
            "section": "workplace",
            "gmina": "",
            "institution": places["rops"].pk,
            "institution_name": "",
        },
    )
    assert response["Location"] == PROFILE + "#workplace"
    person.refresh_from_db()
    assert person.institution == places["rops"]
    assert person.gmina == places["kielce"], "the institution's gmina when none was chosen"
    assert person.workplace == "Regionalny Ośrodek Polityki Społecznej w Kielcach"


def test_gmina_and_an_institution_outside_the_catalog(client, person, places):
    client.post(
        PROFILE,
        {
            "section": "workplace",
            "gmina": places["bieliny"].pk,
            "institution": "",
            "institution_name": "Klub Seniora „Pod Łysicą”",
        },
    )
    person.refresh_from_db()
    assert person.gmina == places["bieliny"]
    assert person.institution is None
    assert person.workplace == "Klub Seniora „Pod Łysicą”"


WORKPLACE_ERRORS = [
    (
        "both a catalog institution and a typed name",
        lambda p: {"institution": p["gops"].pk, "institution_name": "Coś innego"},
        "institution_name",
        "Wybrano instytucję z katalogu",
    ),
    (
        "a powiat instead of a gmina",
        lambda p: {"gmina": Territory.objects.get(code="2604").pk},
        "gmina",
        "Wybierz gminę z listy",
    ),
    (
        "an unpublished institution",
        lambda p: {"institution": p["draft"].pk},
        "institution",
        "Wybierz instytucję z listy",
    ),
    ("no such gmina", lambda p: {"gmina": "999999"}, "gmina", "Wybierz gminę z listy"),
]


@pytest.mark.parametrize(
    "changes,field,message", [c[1:] for c in WORKPLACE_ERRORS], ids=[c[0] for c in WORKPLACE_ERRORS]
)
def test_workplace_bad_input(client, person, places, changes, field, message):
    data = {"section": "workplace", "gmina": "", "institution": "", "institution_name": ""}
    data.update(changes(places))
    data["gmina_q"] = "Bieliny"
    page = soup(client.post(PROFILE, data))
    assert message in text(page.find(id=f"id_{field}_error"))
    assert page.find(id=f"id_{field}")["aria-invalid"] == "true"
    # The lists still hold the search's results and what was posted.
    assert str(places["bieliny"].pk) in options(page, "gmina")
    assert page.find(id="id_gmina_q")["value"] == "Bieliny"
    person.refresh_from_db()
    assert person.gmina is None and person.institution is None


def test_a_former_institution_stays_selectable_after_it_is_unpublished(client, person, places):
    person.institution = places["gops"]
    person.save()
    Institution.objects.filter(pk=places["gops"].pk).update(live=False)
    response = client.post(
        PROFILE,
        {
            "section": "workplace",
            "gmina": places["bieliny"].pk,
            "institution": places["gops"].pk,
            "institution_name": "",
        },
    )
    assert response.status_code == 302
