"""The accessibility statement (deklaracja dostępności): the structure and element ids of the
technical conditions (version 2.0, 2024), dates as YYYY-MM-DD, the footer link and the
`deklaracja-dostępności` meta tag on every page in both languages, the editors' checks, and
the yearly review reminder in the admin before and after the review date."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from portal import roles
from portal.models import AccessibilityStatementPage
from tests.conftest import translate
from tests.factories import StandardPageFactory, UserFactory
from tests.trust.duties_support import (
    STATEMENT_FIELDS,
    TREE_FIELDS,
    add_statement,
    site_settings,
)
from tests.utils import soup, text

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
# The ids the technical conditions name, all present in every statement of this site.
REQUIRED_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]


@pytest.fixture
def statement(site):
    page = add_statement(site.home_pl)
    english = translate(
        page,
        site.locales.en,
        title="Accessibility statement",
        slug="accessibility-statement",
        entity_name="Regional Social Policy Centre in Kielce",
    )
    site_settings(accessibility_statement=page)
    return page, english


def test_statement_has_every_id_of_the_technical_conditions_once(statement, client):
    html = soup(client.get("/pl/deklaracja-dostepnosci/"))
    for element_id in REQUIRED_IDS:
        assert len(html.find_all(id=element_id)) == 1, element_id
    assert html.find(id="a11y-deklaracja").name == "h1"
    assert text(html.find(id="a11y-podmiot")) == "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    assert html.find(id="a11y-url")["href"] == "http://localhost/"
    assert html.find(id="a11y-podmiot").parent["id"] == "a11y-wstep"
    assert "ustawą z dnia 4 kwietnia 2019 r." in text(html.find(id="a11y-wstep"))


def test_statement_dates_are_spans_in_iso_form(statement, client):
    html = soup(client.get("/pl/deklaracja-dostepnosci/"))
    dates = {
        "a11y-data-publikacja": "2019-04-01",
        "a11y-data-aktualizacja": "2025-03-10",
        "a11y-data-sporzadzenie": "2020-09-22",
        "a11y-data-przeglad": "2026-03-20",
    }
    for element_id, expected in dates.items():
        element = html.find(id=element_id)
        assert element.name == "span" and text(element) == expected, element_id
    # The same in English: the machine form does not follow the language.
    english = soup(client.get("/en/accessibility-statement/"))
    assert text(english.find(id="a11y-data-publikacja")) == "2019-04-01"


@pytest.mark.parametrize(
    "status, words",
    [
        ("full", "jest zgodna z ustawą"),
        ("partial", "jest częściowo zgodna z ustawą"),
        ("none", "jest niezgodna z ustawą"),
    ],
)
def test_compliance_status_sentence(site, client, status, words):
    add_statement(site.home_pl, status=status)
    status_text = text(soup(client.get("/pl/deklaracja-dostepnosci/")).find(id="a11y-status"))
    assert words in status_text
    assert ("z powodu niezgodności lub wyłączeń" in status_text) is (status != "full")


def test_non_accessible_content_exemptions_and_contact_are_shown(statement, client):
    html = soup(client.get("/pl/deklaracja-dostepnosci/"))
    main = text(html.main)
    assert "Skany dokumentów z 2018 r." in main and "Filmy sprzed 23 września 2020 r." in main
    assert text(html.find(id="a11y-osoba")) == "Anna Dostępna"
    assert html.find(id="a11y-email").find("a")["href"] == "mailto:dostepnosc@example.org"
    assert html.find(id="a11y-telefon").find("a")["href"] == "tel:+48410000001"
    procedure = text(html.find(id="a11y-procedura"))
    assert "7 dni" in procedure and "2 miesięcy" in procedure
    assert "Rzecznika Praw Obywatelskich" in procedure
    assert html.find(id="a11y-procedura").find("a", href="https://bip.brpo.gov.pl/")
    assert "Wejście bez schodów" in text(html.find(id="a11y-architektura"))
    assert "nie udostępnia aplikacji mobilnych" in text(html.find(id="a11y-aplikacje"))
    assert "samooceny" in main and html.find(id="a11y-audytor") is None
    assert html.find(id="a11y-ocena") is None  # no disproportionate burden claimed


def test_external_assessment_and_burden_assessment(site, client):
    add_statement(
        site.home_pl,
        assessment_method="external",
        auditor="Fundacja Dostępności Przykładowej",
        burden_assessment_url="https://bip.example.org/analiza",
        mobile_apps="<p>Aplikacja „Kooperacja” na Androida.</p>",
    )
    html = soup(client.get("/pl/deklaracja-dostepnosci/"))
    assert text(html.find(id="a11y-audytor")) == "Fundacja Dostępności Przykładowej"
    assert html.find(id="a11y-ocena")["href"] == "https://bip.example.org/analiza"
    assert "na Androida" in text(html.find(id="a11y-aplikacje"))


BAD_STATEMENTS = [
    # (case, changes, field with the error, Polish message)
    (
        "external body not named",
        {"assessment_method": "external", "auditor": ""},
        "auditor",
        "Podaj podmiot, który ocenił stronę.",
    ),
    (
        "partial compliance without a list",
        {"status": "partial", "non_accessible_content": "", "exemptions": ""},
        "non_accessible_content",
        "Wymień treści niedostępne: status nie oznacza pełnej zgodności.",
    ),
    (
        "review before preparation",
        {"reviewed_on": datetime.date(2020, 1, 1)},
        "reviewed_on",
        "Przegląd nie może być wcześniejszy niż sporządzenie deklaracji.",
    ),
    ("no contact e-mail", {"contact_email": ""}, "contact_email", "To pole nie może być puste."),
    ("no architecture", {"architecture": ""}, "architecture", "To pole nie może być puste."),
]


@pytest.mark.parametrize(
    "case, changes, field, message", BAD_STATEMENTS, ids=[c[0] for c in BAD_STATEMENTS]
)
def test_statement_validation(site, case, changes, field, message):
    page = AccessibilityStatementPage(**{**STATEMENT_FIELDS, **changes})
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=TREE_FIELDS)
    assert message in error.value.message_dict[field]


def test_full_compliance_needs_no_list_and_review_date_defaults_to_a_year(site):
    page = AccessibilityStatementPage(
        **{**STATEMENT_FIELDS, "status": "full", "non_accessible_content": "", "exemptions": ""}
    )
    page.full_clean(exclude=TREE_FIELDS)
    assert page.next_review_on == datetime.date(2027, 3, 20)  # a year after the last review


# --- on every page: footer link and meta tag -----------------------------------------------

PAGES = {
    "pl": ["/pl/", "/pl/o-nas/", "/pl/szukaj/", "/pl/konto/rejestracja/", "/pl/ciasteczka/"],
    "en": ["/en/", "/en/about/", "/en/search/", "/en/account/register/", "/en/cookies/"],
}


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_page_links_and_announces_the_statement(statement, site, client, language):
    about = StandardPageFactory(parent=site.home_pl, title="O nas", slug="o-nas")
    translate(about, site.locales.en, title="About", slug="about")
    polish, english = statement
    expected = (polish if language == "pl" else english).get_full_url()
    assert expected.startswith("http://")
    for url in PAGES[language]:
        html = soup(client.get(url))
        [meta] = html.find_all("meta", attrs={"name": "deklaracja-dostępności"})
        assert meta["content"] == expected, url
        assert html.footer.find("a", href=expected.removeprefix("http://localhost")), url


def test_no_meta_tag_without_a_statement(site, client):
    assert soup(client.get("/pl/")).find("meta", attrs={"name": "deklaracja-dostępności"}) is None


# --- the yearly review reminder -----------------------------------------------------------


def _staff(role):
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory()
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def overdue(site):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return add_statement(site.home_pl, next_review_on=yesterday)


@pytest.fixture
def not_due(site):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return add_statement(site.home_pl, next_review_on=tomorrow)


REMINDER = "Deklaracja dostępności: czas na przegląd"


@pytest.mark.parametrize(
    "role, reminded",
    [
        ("superuser", True),
        (roles.EDITOR, True),
        (roles.MODERATOR, True),
        (roles.INSTITUTION_EDITOR, False),
        (roles.COORDINATOR, False),
    ],
)
def test_admin_home_reminds_editors_after_the_review_date(overdue, client, role, reminded):
    client.force_login(_staff(role))
    response = client.get("/admin/")
    if response.status_code != 200:  # roles without the admin: nothing to remind them of
        assert not reminded
        return
    panel = soup(response).find("section", class_="statement-review")
    assert (panel is not None) is reminded
    if reminded:
        assert REMINDER in text(panel)
        assert panel.find("a", href=f"/admin/pages/{overdue.pk}/edit/")
        assert overdue.next_review_on.isoformat() in text(panel)


def test_admin_home_is_quiet_before_the_review_date(not_due, admin_client):
    html = soup(admin_client.get("/admin/"))
    assert html.find("section", class_="statement-review") is None


def _messages(response):
    return [text(item) for item in soup(response).select(".messages li")]


def test_edit_view_and_listing_warn_after_the_review_date(overdue, site, admin_client):
    edit = _messages(admin_client.get(f"/admin/pages/{overdue.pk}/edit/"))
    assert any("corocznego przeglądu" in message for message in edit), edit
    listing = _messages(admin_client.get(f"/admin/pages/{site.home_pl.pk}/"))
    assert any("corocznego przeglądu" in message for message in listing), listing


def test_edit_view_and_listing_quiet_before_the_review_date(not_due, site, admin_client):
    edit = _messages(admin_client.get(f"/admin/pages/{not_due.pk}/edit/"))
    assert not any("przeglądu" in message for message in edit)
    listing = _messages(admin_client.get(f"/admin/pages/{site.home_pl.pk}/"))
    assert not any("przeglądu" in message for message in listing)


def test_review_due_follows_the_date_exactly(overdue):
    due = overdue.next_review_on
    assert overdue.review_overdue(on=due + datetime.timedelta(days=1))
    assert not overdue.review_overdue(on=due)


def test_both_page_types_live_right_under_the_home_page(site):
    from portal.models import EasyReadPage, HomePage, StandardPage

    for page_type in (AccessibilityStatementPage, EasyReadPage):
        assert page_type.allowed_parent_page_models() == [HomePage]
        assert page_type.can_create_at(site.home_pl)
        assert not page_type.can_create_at(StandardPage(title="x"))
        assert page_type.allowed_subpage_models() == []


@pytest.mark.parametrize("model", ["accessibilitystatementpage", "easyreadpage"])
def test_editors_can_open_the_new_page_forms(site, admin_client, model):
    response = admin_client.get(f"/admin/pages/add/portal/{model}/{site.home_pl.pk}/")
    assert response.status_code == 200


def test_site_settings_form_offers_only_the_right_page_types(site, admin_client):
    response = admin_client.get(f"/admin/settings/portal/sitesettings/{site.site.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "portal.accessibilitystatementpage" in html and "portal.easyreadpage" in html
