"""The information clause (Art. 13 GDPR) on every public form that collects personal data:
registration, the profile, signing up for a training and enrolling in a course. One
component fed by the site settings (controller, data protection officer) with the purpose
and legal basis of each form and a link to the full privacy page; absent where no form is."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.factories.records import event_with_days
from tests.factories.school import CourseIndexPageFactory, CoursePageFactory
from tests.trust.duties_support import site_settings
from tests.utils import soup, text

PRIVACY_PAGE = "/pl/konto/prywatnosc/"


@pytest.fixture
def settings_filled(site):
    return site_settings(
        institution_name="Regionalny Ośrodek Polityki Społecznej w Kielcach",
        data_protection_officer="Inspektor Ochrony Danych",
        data_protection_email="iod@example.org",
    )


@pytest.fixture
def forms(site, settings_filled):
    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Podstawy kooperacji", slug="podstawy")
    soon = timezone.localdate() + datetime.timedelta(days=10)
    event = event_with_days([(soon, "09:00", "15:00")], registration_open=True, capacity=10)
    return {
        "account": (
            "/pl/konto/rejestracja/",
            None,
            "Przetwarzamy Twoje imię, nazwisko i adres e-mail",
        ),
        "profile": (
            "/pl/konto/profil/",
            "user",
            "Przetwarzamy Twoje stanowisko, instytucję i gminę",
        ),
        "training": (
            f"/pl/e-szkola/szkolenia/{event.pk}/",
            "user",
            "obowiązki sprawozdawcze projektów unijnych (art. 6 ust. 1 lit. b i c RODO)",
        ),
        "enrolment": (course.url, "user", "Gdy zapiszesz się na kurs"),
    }


@pytest.mark.parametrize("purpose", ["account", "profile", "training", "enrolment"])
def test_every_personal_data_form_shows_the_clause(forms, client, purpose):
    url, who, purpose_words = forms[purpose]
    if who:
        client.force_login(UserFactory())
    html = soup(client.get(url))
    [clause] = html.select(f"[data-gdpr-clause={purpose}]")
    words = text(clause)
    assert (
        "Administratorem Twoich danych osobowych jest Regionalny Ośrodek Polityki Społecznej "
        "w Kielcach, prowadzący ten portal." in words
    )
    assert purpose_words in words
    assert "art. 6 ust. 1 lit." in words  # the legal basis
    assert "przechowujemy" in words  # how long
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in words  # rights and complaint
    assert clause.find("a", href=PRIVACY_PAGE)
    assert clause.find("a", href="mailto:iod@example.org")
    assert "Inspektor ochrony danych: Inspektor Ochrony Danych" in words
    # The clause stands in or before the form it is about.
    form = clause.find_parent("form") or clause.find_next("form", attrs={"method": "post"})
    assert form is not None and form["method"] == "post"


def test_clause_in_english(forms, client):
    html = soup(client.get("/en/account/register/"))
    words = text(html.select_one("[data-gdpr-clause=account]"))
    assert "Art. 6(1)(b) GDPR" in words and "iod@example.org" in words


def test_clause_without_an_officer_still_names_the_controller(site, client):
    site_settings(institution_name="ROPS w Kielcach")
    clause = soup(client.get("/pl/konto/rejestracja/")).select_one("[data-gdpr-clause=account]")
    assert "ROPS w Kielcach" in text(clause) and not clause.find("a", href="mailto:")


def test_no_clause_where_nothing_is_collected(forms, client):
    """Visitors who cannot sign up see no sign-up form and no clause."""
    url = forms["training"][0]
    assert not soup(client.get(url)).select("[data-gdpr-clause]")
    assert not soup(client.get("/pl/")).select("[data-gdpr-clause]")
