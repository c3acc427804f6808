"""Possible duplicates: a table of name pairs, the rules for institutions and services, and
the warning (with links) after creating an entry in the admin; the entry is saved."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from catalog.duplicates import find_duplicates, normalise, similar_names
from catalog.models import Institution, Service
from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory, ServiceFactory


@pytest.mark.parametrize(
    "first, second, similar",
    [
        # the same name, written differently
        (
            "Gminny Ośrodek Pomocy Społecznej w Oksie",
            "GMINNY OSRODEK POMOCY SPOLECZNEJ W OKSIE",
            True,
        ),
        ("Klub Seniora „Złota Jesień”", "Klub seniora - Złota jesień", True),
        ("Koło Gospodyń Wiejskich w Łopusznie", "Kolo Gospodyn Wiejskich w Lopusznie", True),
        # an acronym and the name it stands for
        ("GOPS", "Gminny Ośrodek Pomocy Społecznej w Bogorii", True),
        ("PCPR", "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie", True),
        # one name inside the other
        ("Biblioteka Publiczna", "Biblioteka Publiczna Gminy Mirzec", True),
        # a typo
        ("Poradnia Psychologiczno-Pedagogiczna", "Poradnia Psychologiczno-Pedagogicza", True),
        # different numbers are different places, however alike
        ("Szkoła Podstawowa nr 1 w Wodzisławiu", "Szkoła Podstawowa nr 2 w Wodzisławiu", False),
        # different things
        ("Punkt interwencji kryzysowej", "Poradnia rodzinna", False),
        ("GOPS", "Powiatowy Urząd Pracy", False),
        ("Klub", "Klub Seniora", False),  # one word is too little to say "the same"
        ("", "Klub Seniora", False),
    ],
)
def test_similar_names(first, second, similar):
    assert similar_names(first, second) is similar
    assert similar_names(second, first) is similar


def test_normalise_folds_case_diacritics_and_punctuation():
    assert normalise("  Żłobek „Mały Łoś” — Łódź! ") == "zlobek maly los lodz"


@pytest.fixture
def oksa(db):
    gops = InstitutionFactory(
        name="Gminny Ośrodek Pomocy Społecznej w Oksie",
        gmina="2602052",
        regon="291010101",
        nip="6561010101",
    )
    school = InstitutionFactory(name="Szkoła Podstawowa w Oksie", gmina="2602052")
    far = InstitutionFactory(name="Gminny Ośrodek Pomocy Społecznej w Oksie", gmina="2661011")
    return {"gops": gops, "school": school, "far": far}


@pytest.mark.parametrize(
    "fields, expected",
    [
        # similar name in the same gmina
        (
            {"name": "GMINNY OŚRODEK POMOCY SPOŁECZNEJ W OKSIE", "gmina": "2602052"},
            {"gops": ["name_gmina"]},
        ),
        ({"name": "GOPS", "gmina": "2602052"}, {"gops": ["name_gmina"]}),
        # the same identifier anywhere, whatever the name
        (
            {"name": "Ośrodek w Oksie", "gmina": "2612013", "regon": "291010101"},
            {"gops": ["regon"]},
        ),
        (
            {"name": "Inna nazwa", "nip": "6561010101", "regon": "291010101", "gmina": "2602052"},
            {"gops": ["regon", "nip"]},
        ),
        # the same name elsewhere is another institution
        ({"name": "Szkoła Podstawowa w Oksie", "gmina": "2661011"}, {}),
        # no gmina: the locality is the place
        (
            {"name": "Szkoła Podstawowa w Oksie", "gmina": None, "locality": "oksa"},
            {"school": ["name_locality"]},
        ),
    ],
)
def test_institution_duplicates(oksa, fields, expected):
    fields = dict(fields)
    gmina = fields.pop("gmina", None)
    candidate = Institution(type="ops", **fields)
    if gmina:
        from catalog.models import Territory

        candidate.gmina = Territory.objects.get(code=gmina)
    found = {d.entry.pk: d.reasons for d in find_duplicates(candidate)}
    assert found == {oksa[key].pk: reasons for key, reasons in expected.items()}


def test_institution_is_not_its_own_duplicate(oksa):
    assert find_duplicates(oksa["gops"]) == []


def test_identifier_matches_come_first_and_limit_holds(oksa):
    for branch in "ABCDEF":
        InstitutionFactory(name=f"Szkoła Podstawowa w Oksie, filia {branch}", gmina="2602052")
    candidate = Institution(name="Szkoła Podstawowa w Oksie", regon="291010101")
    candidate.gmina = oksa["school"].gmina
    found = find_duplicates(candidate, limit=3)
    assert len(found) == 3
    assert found[0].entry == oksa["gops"] and found[0].reasons == ["regon"]


def test_service_duplicates(oksa):
    club = ServiceFactory(institution=oksa["gops"], name="Klub Seniora")
    elsewhere = ServiceFactory(institution=oksa["far"], name="Klub Seniora")
    in_gmina = ServiceFactory(institution=oksa["school"], name="Klub seniora przy szkole")
    ServiceFactory(institution=oksa["gops"], name="Poradnia rodzinna")
    candidate = Service(institution=oksa["gops"], name="KLUB SENIORA")
    found = {d.entry.pk: d.reasons for d in find_duplicates(candidate)}
    assert found == {club.pk: ["name_institution"], in_gmina.pk: ["name_gmina"]}
    assert elsewhere.pk not in found
    # Candidates can be narrowed, e.g. to what an institution editor may see.
    narrowed = find_duplicates(candidate, Service.objects.filter(institution=oksa["gops"]))
    assert [d.entry for d in narrowed] == [club]


def test_admin_create_warns_with_links_and_saves(client, oksa):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
    client.force_login(moderator)
    url = reverse("wagtailsnippets_catalog_institution:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        {
            "name": "GOPS",
            "type": "ops",
            "gmina": str(oksa["gops"].gmina_id),
            "regon": "",
            "review_interval_days": "365",
            "action-publish": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Institution.objects.filter(name="GOPS").exists()  # saved, not blocked
    warnings = [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    text = str(warnings[0].message)
    assert "Gminny Ośrodek Pomocy Społecznej w Oksie" in text
    edit = reverse("wagtailsnippets_catalog_institution:edit", args=[oksa["gops"].pk])
    assert f'href="{edit}"' in text
    assert str(oksa["far"].pk) not in text.split("href=")[-1]


def test_no_warning_without_duplicates(client, oksa):
    moderator = UserFactory(is_superuser=True)
    client.force_login(moderator)
    url = reverse("wagtailsnippets_catalog_service:add")
    data = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        {
            "institution": str(oksa["gops"].pk),
            "name": "Zupełnie nowa usługa",
            "kind": "service",
            "status": "active",
            "cost": "free",
            "review_interval_days": "365",
            "action-publish": "1",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
