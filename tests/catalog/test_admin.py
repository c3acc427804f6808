"""The catalog's admin screens: every page renders, cooperation teams are built with their
members inline, listings filter and search, "nothing changed" is offered to those who may
use it, and the log of searches without results is read-only."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

from catalog.models import CooperationTeam, SynonymGroup, Territory, ZeroResultSearch
from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import CooperationTeamFactory, InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def member_of(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def url(model, view, *args):
    return reverse(f"wagtailsnippets_catalog_{model}:{view}", args=args)


@pytest.fixture
def catalog(db):
    gops = InstitutionFactory(name="GOPS w Oksie", gmina="2602052")
    pup = InstitutionFactory(name="PUP w Jędrzejowie", type="labour_office", gmina="2602023")
    library = InstitutionFactory(name="Biblioteka w Lublinie", type="library", gmina="0663011")
    services = {
        "club": ServiceFactory(
            institution=gops, name="Klub seniora", areas=["seniors"], coverage=["2602052"]
        ),
        "job": ServiceFactory(
            institution=pup,
            name="Pośrednictwo pracy",
            kind="service",
            areas=["unemployment"],
            coverage=["2602"],
        ),
        "reading": ServiceFactory(
            institution=library,
            name="Spotkania czytelnicze",
            kind="activity",
            areas=["community", "seniors"],
            coverage=["0663011"],
        ),
        "ended": ServiceFactory(
            institution=gops, name="Dawny punkt", status="ended", coverage=["2602052"]
        ),
        "draft": ServiceFactory(institution=gops, name="Nowy szkic", live=False),
    }
    team = CooperationTeamFactory(
        name="PZK Oksa", coordinator=gops, members=[(gops, "lider"), (pup, "członek")]
    )
    SynonymGroup.objects.create(terms="GOPS\nOPS\nMOPS", note="ośrodki pomocy")
    ZeroResultSearch.objects.create(
        day=timezone.localdate(), query="hipoterapia", area="disability", teryt="2602052"
    )
    return {"gops": gops, "pup": pup, "library": library, "team": team, **services}


@pytest.mark.parametrize(
    "model, view, key",
    [
        ("institution", "list", None),
        ("institution", "add", None),
        ("institution", "edit", "gops"),
        ("institution", "inspect", "gops"),
        ("institution", "history", "gops"),
        ("institution", "confirm", "gops"),
        ("institution", "editors", "gops"),
        ("service", "list", None),
        ("service", "add", None),
        ("service", "edit", "club"),
        ("service", "inspect", "club"),
        ("service", "confirm", "club"),
        ("cooperationteam", "list", None),
        ("cooperationteam", "add", None),
        ("cooperationteam", "edit", "team"),
        ("synonymgroup", "list", None),
        ("synonymgroup", "add", None),
        ("zeroresultsearch", "list", None),
    ],
)
def test_pages_render_for_a_moderator(client, catalog, model, view, key):
    client.force_login(member_of(roles.MODERATOR))
    args = [catalog[key].pk] if key else []
    response = client.get(url(model, view, *args))
    assert response.status_code == 200


def test_menu_group_is_the_list_of_services(client, catalog):
    client.force_login(member_of(roles.MODERATOR))
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '"name": "catalog"' in page
    assert "Lista usług" in page or "Lista us\\u0142ug" in page  # in the sidebar's JSON


def test_a_cooperation_team_is_built_with_members_inline(client, catalog):
    client.force_login(member_of(roles.EDITOR))
    add = url("cooperationteam", "add")
    form = client.get(add)
    assert form.status_code == 200
    powiat = Territory.objects.get(code="2602")
    data = nested_form_data(
        {
            "kind": "pzk",
            "name": "PZK Jędrzejów",
            "territory": powiat.pk,
            "coordinator": catalog["pup"].pk,
            "agreement_date": "2019-06-04",
            "description": "",
            "members": inline_formset(
                [
                    {"institution": catalog["pup"].pk, "role": "lider"},
                    {"institution": catalog["gops"].pk, "role": "członek"},
                ]
            ),
        }
    )
    response = client.post(add, data)
    assert response.status_code == 302, response.context["form"].errors
    team = CooperationTeam.objects.get(name="PZK Jędrzejów")
    assert team.territory == powiat and team.coordinator == catalog["pup"]
    assert team.agreement_date == datetime.date(2019, 6, 4)
    assert [(m.institution.name, m.role) for m in team.members.order_by("sort_order")] == [
        ("PUP w Jędrzejowie", "lider"),
        ("GOPS w Oksie", "członek"),
    ]


def test_the_same_institution_twice_in_a_team_is_refused(client, catalog):
    client.force_login(member_of(roles.EDITOR))
    edit = url("cooperationteam", "edit", catalog["team"].pk)
    data = querydict_from_html(client.get(edit).content.decode(), form_id="w-editor-form")
    data["members-TOTAL_FORMS"] = "3"
    data.update({"members-2-institution": str(catalog["gops"].pk), "members-2-role": "znowu"})
    data.update({"members-2-ORDER": "3", "members-2-id": "", "members-2-DELETE": ""})
    response = client.post(edit, data)
    assert response.status_code == 200
    assert catalog["team"].members.count() == 2


SERVICE_FILTER_CASES = [
    (
        {},
        {
            "Klub seniora",
            "Pośrednictwo pracy",
            "Spotkania czytelnicze",
            "Dawny punkt",
            "Nowy szkic",
        },
    ),
    ({"area": "seniors"}, {"Klub seniora", "Spotkania czytelnicze"}),
    ({"kind": "activity"}, {"Spotkania czytelnicze"}),
    ({"status": "ended"}, {"Dawny punkt"}),
    ({"live": "false"}, {"Nowy szkic"}),
    ({"institution_type": "labour_office"}, {"Pośrednictwo pracy"}),
    ({"voivodeship": "06"}, {"Spotkania czytelnicze"}),
    (
        {"teryt": "2602", "status": "active", "live": "true"},
        {"Klub seniora", "Pośrednictwo pracy"},
    ),
    # the draft has no coverage of its own: its institution's gmina
    ({"teryt": "2602052"}, {"Klub seniora", "Dawny punkt", "Nowy szkic"}),
    ({"q": "czytelnicze"}, {"Spotkania czytelnicze"}),
    ({"q": "Biblioteka"}, {"Spotkania czytelnicze"}),  # the institution's name
]


def test_service_listing_filters_and_search(client, catalog):
    """A table of cases over one catalog (built once: the cases only read)."""
    client.force_login(member_of(roles.MODERATOR))
    got = {}
    for params, _expected in SERVICE_FILTER_CASES:
        response = client.get(url("service", "list_results"), params)
        assert response.status_code == 200
        got[str(params)] = {str(service) for service in response.context["object_list"]}
    assert got == {str(params): expected for params, expected in SERVICE_FILTER_CASES}


def test_team_listing_filters(client, catalog):
    CooperationTeamFactory(name="WZK świętokrzyski", kind="wzk", territory="26")
    CooperationTeamFactory(name="PZK Lublin", territory="0663011")
    client.force_login(member_of(roles.COORDINATOR))
    listing = url("cooperationteam", "list_results")
    names = {str(t) for t in client.get(listing, {"kind": "wzk"}).context["object_list"]}
    assert names == {"WZK świętokrzyski"}
    names = {str(t) for t in client.get(listing, {"voivodeship": "26"}).context["object_list"]}
    assert names == {"WZK świętokrzyski", "PZK Oksa"}


def test_nothing_changed_is_offered_to_those_who_may_change(client, catalog):
    confirm = url("service", "confirm", catalog["club"].pk)
    client.force_login(member_of(roles.MODERATOR))
    assert confirm in client.get(url("service", "list")).content.decode()
    assert confirm in client.get(url("service", "edit", catalog["club"].pk)).content.decode()
    client.force_login(member_of(roles.COORDINATOR))
    page = client.get(url("service", "list")).content.decode()
    assert "Klub seniora" in page and confirm not in page


def test_editors_link_only_for_rops(client, catalog):
    editors = url("institution", "editors", catalog["gops"].pk)
    client.force_login(member_of(roles.MODERATOR))
    assert editors in client.get(url("institution", "edit", catalog["gops"].pk)).content.decode()
    institution_editor = member_of(roles.INSTITUTION_EDITOR)
    catalog["gops"].editors.add(institution_editor)
    client.force_login(institution_editor)
    page = client.get(url("institution", "edit", catalog["gops"].pk)).content.decode()
    assert editors not in page


def test_searches_without_results_are_listed_read_only(client, catalog):
    client.force_login(member_of(roles.MODERATOR))
    page = client.get(url("zeroresultsearch", "list")).content.decode()
    assert "hipoterapia" in page
    assert url("zeroresultsearch", "add") not in page
    row = ZeroResultSearch.objects.get()
    assert client.get(url("zeroresultsearch", "edit", row.pk)).status_code != 200
    assert client.post(url("zeroresultsearch", "delete", row.pk)).status_code != 200
    assert ZeroResultSearch.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize(
    "typed, codes, error",
    [
        ("26, Oksa", ["26", "2602052"], None),
        ("2602052 Oksa\n2602 jędrzejowski", ["2602", "2602052"], None),
        ("OKSA", ["2602052"], None),
        ("łopuszno", ["2604083"], None),  # lower case with a Polish capital letter
        ("busko-zdrój", ["2601013"], None),
        ("powiat jędrzejowski", ["2602"], None),
        ("województwo świętokrzyskie", ["26"], None),
        ("gmina Kielce", ["2661011"], None),
        ("", [], None),
        ("Kielce", None, "2661"),  # a city with powiat rights: powiat and gmina
        ("9999999", None, "9999999"),
        ("12345", None, "12345"),
        ("Oksa, Atlantyda", None, "Atlantyda"),
    ],
)
def test_area_covered_is_typed_as_codes_or_names(db, typed, codes, error):
    from django import forms

    from catalog.admin_views import TerritoryListField

    field = TerritoryListField(required=False)
    if error is None:
        assert [unit.code for unit in field.clean(typed)] == codes
    else:
        with pytest.raises(forms.ValidationError) as raised:
            field.clean(typed)
        assert error in " ".join(raised.value.messages)
