"""The catalog's part of the demo site (catalog.demo, run by `manage.py bootstrap` after
portal.demo): the page of the list, the institutions and services of the pilot gminas, the
synonyms, the cooperation teams. Built once for the module (portal.demo and catalog.demo
only) and rolled back at its end; each test runs in a savepoint of its own."""

import csv
import datetime
import re
from collections import Counter
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from wagtail.models import Locale, Page

from catalog.codes import InstitutionType, ProblemArea, ServiceStatus, TargetGroup
from catalog.demo_catalog import PILOT_CSV
from catalog.models import (
    CatalogPage,
    CooperationTeam,
    Institution,
    Service,
    SynonymGroup,
    TeamMember,
)
from catalog.search import ServiceFilters, search_services
from portal.demo import Report
from portal.management.commands.bootstrap import DEMO_MODULES
from portal.models import User

MODULES = ["portal.demo", "catalog.demo"]
PILOT_START, PILOT_END = datetime.date(2019, 4, 1), datetime.date(2020, 9, 30)
# Gminas listed in full: every kind of local institution the seeds name.
LOCAL_TYPES = {
    "ops",
    "school",
    "library",
    "culture",
    "police",
    "parish",
    "womens_circle",
    "ngo",
    "day_centre",
    "health",
    "local_government",
    "alcohol_commission",
}


def build():
    report = Report()
    for name in MODULES:
        import_module(name).build(report)
    return report


def counts():
    return {
        "pages": Page.objects.count(),
        "institutions": Institution.objects.count(),
        "services": Service.objects.count(),
        "coverage": Service.coverage.through.objects.count(),
        "synonyms": SynonymGroup.objects.count(),
        "teams": CooperationTeam.objects.count(),
        "members": TeamMember.objects.count(),
        "editors": Institution.editors.through.objects.count(),
    }


def pilot_rows():
    with open(PILOT_CSV, encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def pilot_codes(voivodeship=None, role=None):
    return [
        row["terc_2024"].split("|")[0]
        for row in pilot_rows()
        if (voivodeship is None or row["voivodeship"] == voivodeship)
        and (role is None or row["confirmed_role"] == role)
    ]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            report = build()
            yield report
            transaction.set_rollback(True)


@pytest.fixture
def demo(built, db):
    return built


def test_runs_between_the_portal_and_the_content():
    assert DEMO_MODULES.index("portal.demo") < DEMO_MODULES.index("catalog.demo")
    assert DEMO_MODULES.index("catalog.demo") < DEMO_MODULES.index("portal.demo_content")


def test_catalog_page_in_both_languages(demo):
    page = CatalogPage.objects.get(locale__language_code="pl")
    assert page.url_path.endswith("/uslugi/") and page.live and page.show_in_menus
    assert page.title == "Lista działań i usług"
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.slug == "services" and english.live
    assert english.title == "List of activities and services"


def test_at_least_300_live_services(demo):
    services = Service.objects.filter(is_demo=True)
    assert services.count() >= 300
    assert not services.exclude(live=True).exists()
    assert not services.exclude(status=ServiceStatus.ACTIVE).exists()
    assert not services.filter(institution__live=False).exists()
    assert Institution.objects.filter(is_demo=True, live=True).count() >= 100
    assert services.filter(kind="activity").exists() and services.filter(kind="service").exists()
    assert set(services.values_list("cost", flat=True)) == {"free", "partly"}


def test_every_problem_area_and_target_group(demo):
    areas, targets = Counter(), Counter()
    for service in Service.objects.filter(is_demo=True).only("areas", "target_groups"):
        areas.update(service.areas)
        targets.update(service.target_groups)
    assert set(areas) == set(ProblemArea.values)
    assert min(areas.values()) >= 10, areas
    assert set(targets) == set(TargetGroup.values)
    # Lonely older people were the main problem the Świętokrzyskie teams named (seed 000).
    seniors = Service.objects.filter(
        is_demo=True, areas__contains="|seniors|", institution__gmina__code__startswith="26"
    )
    assert seniors.count() >= 40


def test_every_pilot_gmina_has_its_social_assistance_centre(demo):
    codes = pilot_codes()
    assert len(codes) == 48
    with_ops = set(
        Institution.objects.filter(type=InstitutionType.OPS, gmina__code__in=codes).values_list(
            "gmina__code", flat=True
        )
    )
    assert with_ops == set(codes)
    assert Institution.objects.get(gmina__code="2602052", type="ops").name == (
        "Gminny Ośrodek Pomocy Społecznej w Oksie"
    )
    assert Institution.objects.get(gmina__code="2602093", type="ops").name == (
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Wodzisławiu"
    )
    assert Institution.objects.get(gmina__code="2470011", type="ops").name == (
        "Centrum Usług Społecznych w Mysłowicach"
    )


@pytest.mark.parametrize("code", pilot_codes("świętokrzyskie"))
def test_swietokrzyskie_gminas_listed_in_full(demo, code):
    types = set(Institution.objects.filter(gmina__code=code).values_list("type", flat=True))
    assert LOCAL_TYPES <= types, LOCAL_TYPES - types
    assert Service.objects.filter(institution__gmina__code=code).count() >= 20


@pytest.mark.parametrize("powiat", sorted({code[:4] for code in pilot_codes("świętokrzyskie")}))
def test_swietokrzyskie_powiats_serve_the_whole_powiat(demo, powiat):
    """The powiat bodies stand in the seat (Kielce for the powiat kielecki) and their
    services cover the whole powiat, so that a search in any of its gminas finds them."""
    powiat_wide = Service.objects.filter(coverage_codes=f"|{powiat}|")
    types = set(powiat_wide.values_list("institution__type", flat=True))
    assert {"pcpr", "labour_office", "police", "clinic", "court", "health"} <= types


def test_coverage_codes_are_those_of_the_model(demo):
    services = Service.objects.filter(is_demo=True).select_related("institution")
    services = services.prefetch_related("coverage")
    for service in services:
        stored = service.coverage_codes
        assert stored and stored == service.refresh_coverage(), service.external_id
    assert Service.objects.filter(coverage_codes="|26|").count() >= 15  # voivodeship-wide


def test_search_text_is_filled(demo):
    assert not Service.objects.filter(is_demo=True, search_text="").exists()


SEARCHES = [
    # query and filters, a type of institution that must be among the results
    ({"q": "osoby starsze"}, "ops"),
    ({"q": "seniorzy"}, "day_centre"),
    ({"q": "senior"}, "library"),
    ({"q": "uzależnienia"}, "alcohol_commission"),
    ({"q": "uzależnień"}, "health"),
    ({"q": "ośrodek pomocy społecznej"}, "ops"),
    ({"q": "osrodek pomocy"}, "ops"),
    ({"q": "GOPS", "teryt": "2602052"}, "ops"),
    ({"q": "przemoc w rodzinie"}, "police"),
    ({"q": "przemoc w rodzinie"}, "crisis_centre"),
    ({"q": "powiatowe centrum pomocy rodzinie"}, "pcpr"),
    ({"q": "PCPR", "teryt": "2604012"}, "pcpr"),
    ({"q": "bezdomność"}, "ngo"),
    ({"q": "praca", "area": "unemployment", "teryt": "2612013"}, "labour_office"),
    ({"area": "seniors", "teryt": "2602052"}, "ngo"),  # the voivodeship's helpline
    ({"q": "cudzoziemcy"}, "ngo"),
]


@pytest.mark.parametrize(("params", "institution_type"), SEARCHES, ids=str)
def test_search_examples_find_the_demo(demo, params, institution_type):
    result = search_services(ServiceFilters.from_params(params))
    assert not result.filters.errors
    found = {service.institution.type for service in result.queryset}
    assert institution_type in found, found


def test_gmina_search_includes_powiat_and_voivodeship_services(demo):
    found = search_services(ServiceFilters.from_params({"teryt": "2602052"})).queryset
    coverage = {service.coverage_codes for service in found}
    assert {"|2602052|", "|2602|", "|26|"} <= coverage
    names = {service.institution.name for service in found}
    assert "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie" in names
    assert "Regionalny Ośrodek Polityki Społecznej w Kielcach" in names
    assert "Gminny Ośrodek Pomocy Społecznej w Wodzisławiu" not in names


def test_synonym_groups(demo):
    groups = [
        set(term.lower() for term in group.term_list()) for group in SynonymGroup.objects.all()
    ]
    for pair in [
        {"gops", "ośrodek pomocy społecznej"},
        {"mops", "cus"},
        {"pcpr", "powiatowe centrum pomocy rodzinie"},
        {"senior", "osoba starsza"},
        {"oik", "ośrodek interwencji kryzysowej"},
        {"pup", "powiatowy urząd pracy"},
        {"gkrpa", "gminna komisja rozwiązywania problemów alkoholowych"},
        {"śds", "środowiskowy dom samopomocy"},
        {"kgw", "koło gospodyń wiejskich"},
        {"ppp", "poradnia psychologiczno-pedagogiczna"},
        {"wtz", "warsztaty terapii zajęciowej"},
        {"dps", "dom pomocy społecznej"},
        {"rops", "regionalny ośrodek polityki społecznej"},
    ]:
        assert any(pair <= group for group in groups), pair


@pytest.mark.parametrize("code", pilot_codes("świętokrzyskie", "testing"))
def test_partner_team_of_each_testing_gmina(demo, code):
    team = CooperationTeam.objects.get(kind="pzk", territory__code=code)
    assert team.coordinator.type == "ops" and team.coordinator.gmina.code == code
    assert PILOT_START <= team.agreement_date <= PILOT_END
    members = list(team.members.select_related("institution"))
    assert len(members) >= 10
    assert members[0].institution == team.coordinator
    assert all(member.role for member in members)
    types = {member.institution.type for member in members}
    assert {"ops", "pcpr", "police", "school", "clinic", "health"} <= types
    pcpr = next(m.institution for m in members if m.institution.type == "pcpr")
    assert pcpr.external_id == f"demo-pcpr-{code[:4]}"
    assert "trzon" in next(m.role for m in members if m.institution.type == "pcpr")


def test_only_the_six_testing_gminas_have_partner_teams(demo):
    territories = set(
        CooperationTeam.objects.filter(kind="pzk").values_list("territory__code", flat=True)
    )
    assert territories == set(pilot_codes("świętokrzyskie", "testing"))
    assert len(territories) == 6
    assert (
        "Gminy Oksa i Powiatu Jędrzejowskiego"
        in CooperationTeam.objects.get(territory__code="2602052").name
    )


def test_voivodeship_team(demo):
    team = CooperationTeam.objects.get(kind="wzk")
    assert team.territory.code == "26"
    assert team.coordinator.name == "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    assert team.agreement_date == datetime.date(2019, 4, 18)
    names = set(team.members.values_list("institution__name", flat=True))
    # The bodies that signed the agreement of 18 April 2019 (seed 001).
    assert {
        "Wojewódzki Urząd Pracy w Kielcach",
        "Wojewódzka Stacja Sanitarno-Epidemiologiczna w Kielcach",
        "Kuratorium Oświaty w Kielcach",
        "Sąd Okręgowy w Kielcach",
        "Komenda Wojewódzka Policji w Kielcach",
        "Urząd Marszałkowski Województwa Świętokrzyskiego",
    } <= names


def test_institution_editor_edits_one_centre(demo):
    user = User.objects.get(username="instytucja")
    assert [i.external_id for i in user.edited_institutions.all()] == ["demo-ops-2602052"]


PHONE = re.compile(r"^\+48 \d{2} 000 \d{2} \d{2}$")


def test_contact_data_is_invented_and_marked(demo):
    institutions = Institution.objects.filter(is_demo=True)
    assert institutions.count() == Institution.objects.count()
    for institution in institutions:
        assert "dane demonstracyjne" in institution.description, institution.name
        assert PHONE.match(institution.phone), institution.phone
        assert institution.email.endswith(".example"), institution.email
        if institution.website:
            assert urlsplit(institution.website).hostname.endswith(".example")
        assert not institution.regon and not institution.nip and not institution.krs
        assert institution.has_coordinates
        assert 49.0 < institution.latitude < 54.9 and 14.1 < institution.longitude < 24.2
    assert CooperationTeam.objects.filter(is_demo=False).count() == 0
    text = " ".join(Service.objects.values_list("description", flat=True)).lower()
    assert "lorem" not in text and "{" not in text


def test_rows_pass_the_models_validation(demo):
    for institution in Institution.objects.filter(is_demo=True).order_by("pk")[::25]:
        institution.full_clean()
    for service in Service.objects.filter(is_demo=True).order_by("pk")[::40]:
        service.full_clean()


def test_names_do_not_repeat_within_an_institution_or_a_gmina(demo):
    names = Counter(Institution.objects.values_list("gmina__code", "name"))
    assert max(names.values()) == 1
    services = Counter(Service.objects.values_list("institution_id", "name"))
    assert max(services.values()) == 1
    # The same offer is worded differently from gmina to gmina.
    social_work = Service.objects.filter(external_id__endswith="-praca-socjalna")
    assert social_work.values("description").distinct().count() >= 3
    assert social_work.values("name").distinct().count() >= 2


def test_some_entries_are_overdue(demo):
    services = list(Service.objects.filter(is_demo=True).only("last_verified"))
    overdue = sum(service.is_overdue for service in services)
    assert 0.05 < overdue / len(services) < 0.4
    assert all(service.last_verified for service in services)


def test_second_run_creates_nothing(demo):
    before = counts()
    again = build()
    assert again.created == []
    assert counts() == before
