"""The public list of trainings and a training's page with registration: what the list shows
(upcoming and past, dates, place, teaching hours, places left) in both languages, and
registering and cancelling — login, CSRF, capacity, closed, started and past events, and a
double click that must not register anyone twice."""

import datetime
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils import timezone, translation

from portal.cache import CACHE_HEADER
from school.models import Registration, RegistrationStatus
from school.training_views import RegistrationRefused, register
from tests.conftest import translate
from tests.factories import UserFactory
from tests.factories.catalog import OKSA, unit
from tests.factories.records import PersonFactory, ProjectFactory, event_with_days
from tests.factories.school import CourseIndexPageFactory, CoursePageFactory
from tests.utils import html_lang, soup, text

LIST = "/pl/e-szkola/szkolenia/"


def detail(event, language="pl"):
    base = "/pl/e-szkola/szkolenia/" if language == "pl" else "/en/e-school/trainings/"
    return f"{base}{event.pk}/"


def days_from_today(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def trainings(site):
    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Dialog motywujący", slug="dialog")
    project = ProjectFactory(name="Kooperacje 3D", code="kooperacje-3d")
    trainer = PersonFactory(first_name="Ewa", last_name="Trenerska")
    soon = event_with_days(
        [
            (days_from_today(10), "09:00", "15:00"),
            (days_from_today(11), "09:00", "12:00", 4),
        ],
        title="Warsztat: dialog motywujący w pracy socjalnej",
        capacity=2,
        registration_open=True,
        address="ul. Źródlana 5",
        gmina=unit(OKSA),
        project=project,
        course=course,
    )
    soon.trainers.add(trainer)
    unlimited = event_with_days(
        [(days_from_today(20), "10:00", "13:00")],
        title="Spotkanie edukacyjne w Łopusznie",
        kind="educational_meeting",
        registration_open=True,
    )
    closed = event_with_days(
        [(days_from_today(30), "10:00", "14:00")],
        title="Wizyta studyjna",
        kind="exchange_visit",
        registration_open=False,
    )
    past = event_with_days(
        [(datetime.date(2019, 11, 14), "09:00", "15:00")],
        title="Superwizja zespołów zadaniowych 2019",
        registration_open=True,
    )
    return {
        "index": index,
        "course": course,
        "soon": soon,
        "unlimited": unlimited,
        "closed": closed,
        "past": past,
    }


def cards(response):
    return {
        text(card.find("h3")): card for card in soup(response).select(".trainings-list article")
    }


def facts(card):
    return {text(dt): text(dt.find_next_sibling("dd")) for dt in card.select("dl.school-facts dt")}


# The list ----------------------------------------------------------------------------------


def test_list_shows_upcoming_trainings_with_their_facts(client, trainings):
    response = client.get(LIST)
    assert html_lang(response) == "pl"
    page = soup(response)
    assert text(page.h1) == "Szkolenia"
    shown = cards(response)
    assert list(shown) == [
        "Warsztat: dialog motywujący w pracy socjalnej",
        "Spotkanie edukacyjne w Łopusznie",
        "Wizyta studyjna",
    ]
    soon = facts(shown["Warsztat: dialog motywujący w pracy socjalnej"])
    assert soon["Godziny dydaktyczne"] == "12"  # 8 counted from the times + 4 set by hand
    assert soon["Miejsce"] == "ul. Źródlana 5, gmina Oksa"
    assert soon["Miejsca"] == "Zostały 2 miejsca z 2"
    assert soon["Zapisy"] == "Otwarte"
    assert facts(shown["Spotkanie edukacyjne w Łopusznie"])["Miejsca"] == "bez limitu"
    assert facts(shown["Wizyta studyjna"])["Zapisy"] == "Zamknięte"
    link = shown["Wizyta studyjna"].find("a")["href"]
    assert link == detail(trainings["closed"])
    # The breadcrumbs lead back through the e-School.
    crumbs = [text(li) for li in page.select("nav.breadcrumbs li")]
    assert crumbs[-2:] == ["e-Szkoła Kooperacji", "Szkolenia"]
    current = page.select_one(".trainings-tabs [aria-current=page]")
    assert text(current) == "Nadchodzące"


def test_past_trainings_are_on_their_own_tab(client, trainings):
    response = client.get(LIST + "?when=past")
    assert list(cards(response)) == ["Superwizja zespołów zadaniowych 2019"]
    card = cards(response)["Superwizja zespołów zadaniowych 2019"]
    assert facts(card)["Zapisy"] == "Odbyło się"
    assert text(soup(response).select_one(".trainings-tabs [aria-current=page]")) == "Minione"


def test_list_in_english(client, trainings, site):
    translate(trainings["index"], site.locales.en, title="e-School", slug="e-school")
    response = client.get("/en/e-school/trainings/")
    assert html_lang(response) == "en"
    page = soup(response)
    assert text(page.h1) == "Trainings"
    card = cards(response)["Warsztat: dialog motywujący w pracy socjalnej"]
    assert facts(card)["Places"] == "2 places left of 2"
    assert card.find("a")["href"] == detail(trainings["soon"], "en")
    response = client.get(detail(trainings["soon"], "en"))
    assert html_lang(response) == "en"
    assert text(soup(response).find(id="days-heading")) == "Days"


def test_list_is_cached_for_anonymous_visitors_only(client, trainings):
    assert client.get(LIST)[CACHE_HEADER] == "miss"
    assert client.get(LIST)[CACHE_HEADER] == "hit"
    client.force_login(UserFactory())
    response = client.get(LIST)
    assert CACHE_HEADER not in response
    assert "private" in response["Cache-Control"]


# One training ------------------------------------------------------------------------------


def test_detail_shows_days_trainers_course_and_a_login_link(client, trainings):
    soon = trainings["soon"]
    response = client.get(detail(soon))
    page = soup(response)
    assert text(page.h1) == "Warsztat: dialog motywujący w pracy socjalnej"
    rows = [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in page.select("tbody tr")]
    first, second = soon.days.all()
    assert rows == [
        [text(soup_date(first.date)), "09:00 – 15:00", "8"],
        [text(soup_date(second.date)), "09:00 – 12:00", "4"],
    ]
    info = facts(page)
    assert info["Osoba prowadząca"] == "Ewa Trenerska"
    assert page.find("a", string="Dialog motywujący")["href"] == trainings["course"].url
    registration = page.find(id="registration")
    login = registration.find("a")
    assert login["href"] == "/pl/konto/logowanie/?" + urlencode({"next": detail(soon)})
    assert text(login) == "Zaloguj się, aby się zapisać"
    assert registration.find("button") is None
    assert "Projekt: Kooperacje 3D" in text(page)


def soup_date(date):
    from bs4 import BeautifulSoup
    from django.template.defaultfilters import date as date_filter

    with translation.override("pl"):
        return BeautifulSoup(date_filter(date, "l, j E Y"), "html.parser")


def test_unknown_or_dayless_event_is_not_found(client, trainings):
    assert client.get("/pl/e-szkola/szkolenia/999999/").status_code == 404
    dayless = event_with_days([], title="Bez dni", registration_open=True)
    assert client.get(detail(dayless)).status_code == 404


# Registration ------------------------------------------------------------------------------


def register_post(client, event, action="register"):
    return client.post(detail(event), {"action": action})


def test_register_and_cancel(client, trainings):
    soon = trainings["soon"]
    user = UserFactory(first_name="Maria", last_name="Zając", email="maria@example.org")
    client.force_login(user)
    page = soup(client.get(detail(soon)))
    button = page.find(id="registration").find("button")
    assert (text(button), button["value"]) == ("Zapisz się", "register")
    response = register_post(client, soon)
    assert response.status_code == 302 and response["Location"] == detail(soon)
    registration = Registration.objects.get(event=soon)
    assert registration.person.user == user
    assert registration.person.email == "maria@example.org"
    response = client.get(detail(soon))
    assert "private" in response["Cache-Control"]
    page = soup(response)
    assert "Zapisano Cię na to szkolenie." in text(page.select_one(".school-messages"))
    assert facts(page)["Miejsca"] == "Zostało 1 miejsce z 2"
    button = page.find(id="registration").find("button")
    assert (text(button), button["value"]) == ("Wypisz się", "cancel")
    register_post(client, soon, "cancel")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    # Signing up again brings the same row back.
    register_post(client, soon)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.REGISTERED
    assert Registration.objects.filter(event=soon).count() == 1


def test_an_imported_person_is_linked_to_the_account_by_e_mail(client, trainings):
    imported = PersonFactory(first_name="Jan", last_name="Wiśniewski", email="jan@example.org")
    user = UserFactory(email="JAN@example.org")
    client.force_login(user)
    register_post(client, trainings["unlimited"])
    imported.refresh_from_db()
    assert imported.user == user
    assert Registration.objects.get(event=trainings["unlimited"]).person == imported


def test_double_post_registers_once(client, trainings):
    client.force_login(UserFactory())
    register_post(client, trainings["unlimited"])
    response = register_post(client, trainings["unlimited"])
    assert Registration.objects.filter(event=trainings["unlimited"]).count() == 1
    page = soup(client.get(response["Location"]))
    assert "Masz już zapis na to szkolenie." in text(page.select_one(".school-messages"))


def test_capacity_is_respected(client, trainings):
    soon = trainings["soon"]
    for _n in range(2):
        other = Client()
        other.force_login(UserFactory())
        register_post(other, soon)
    client.force_login(UserFactory())
    page = soup(client.get(detail(soon)))
    registration = page.find(id="registration")
    assert registration.find("button") is None
    assert "Szkolenie jest pełne: brak wolnych miejsc." in text(registration)
    assert facts(page)["Zapisy"] == "Brak wolnych miejsc"
    register_post(client, soon)
    assert Registration.objects.filter(event=soon).count() == 2
    # A cancelled place is free again.
    Registration.objects.filter(event=soon).first().delete()
    register_post(client, soon)
    assert Registration.objects.filter(event=soon).count() == 2


REFUSALS = [
    # (event, why, the Polish words on the page)
    ("closed", "registration closed", "Zapisy na to szkolenie są zamknięte."),
    ("past", "already took place", "To szkolenie już się odbyło."),
]


@pytest.mark.parametrize(("name", "why", "words"), REFUSALS, ids=[r[1] for r in REFUSALS])
def test_closed_and_past_trainings_refuse_registration(client, trainings, name, why, words):
    event = trainings[name]
    client.force_login(UserFactory())
    page = soup(client.get(detail(event)))
    registration = page.find(id="registration")
    assert registration.find("button") is None
    assert words in text(registration)
    response = register_post(client, event)
    assert response.status_code == 302
    assert not Registration.objects.filter(event=event).exists()
    assert words in text(soup(client.get(detail(event))).select_one(".school-messages"))


def test_a_started_training_takes_no_registrations_and_no_cancellations(trainings):
    started = event_with_days(
        [(days_from_today(-1), "09:00", "15:00"), (days_from_today(1), "09:00", "15:00")],
        registration_open=True,
    )
    with translation.override("pl"), pytest.raises(RegistrationRefused, match="już się rozpoczęło"):
        register(started.pk, PersonFactory())


def test_anonymous_post_goes_to_the_login_page(client, trainings):
    response = register_post(client, trainings["soon"])
    assert response.status_code == 302
    assert response["Location"].startswith("/pl/konto/logowanie/?next=")
    assert not Registration.objects.exists()


def test_registration_needs_the_csrf_token(trainings):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    assert register_post(client, trainings["soon"]).status_code == 403
    assert not Registration.objects.exists()


def test_registering_empties_the_anonymous_page_cache(client, trainings):
    assert client.get(LIST)[CACHE_HEADER] == "miss"
    assert client.get(LIST)[CACHE_HEADER] == "hit"
    learner = Client()
    learner.force_login(UserFactory())
    register_post(learner, trainings["soon"])
    response = client.get(LIST)
    assert response[CACHE_HEADER] == "miss"
    assert (
        facts(cards(response)["Warsztat: dialog motywujący w pracy socjalnej"])["Miejsca"]
        == "Zostało 1 miejsce z 2"
    )


def test_any_change_of_a_training_empties_the_anonymous_page_cache(client, trainings):
    """Coordinators edit trainings in the admin, a day at a time: each change shows at once."""
    event = trainings["soon"]
    assert client.get(LIST)[CACHE_HEADER] == "miss"
    event.title = "Warsztat: komunikacja w zespole"
    event.save()
    response = client.get(LIST)
    assert response[CACHE_HEADER] == "miss"
    assert "Warsztat: komunikacja w zespole" in cards(response)
    assert client.get(LIST)[CACHE_HEADER] == "hit"
    event.days.last().delete()
    assert client.get(LIST)[CACHE_HEADER] == "miss"


def test_the_language_switcher_leads_to_the_same_training(client, trainings, site):
    translate(trainings["index"], site.locales.en, title="e-School", slug="e-school")
    response = client.get(detail(trainings["soon"]))
    links = {a["hreflang"]: a["href"] for a in soup(response).select(".language-switcher a")}
    assert links["en"] == detail(trainings["soon"], "en")
    crumbs = [text(li) for li in soup(response).select(".breadcrumbs li")]
    assert crumbs[-2:] == ["Szkolenia", "Warsztat: dialog motywujący w pracy socjalnej"]


def test_teaching_hours_of_the_list_and_the_event_agree(trainings):
    assert trainings["soon"].teaching_hours == Decimal("12")


def test_trainings_of_a_person_for_the_dashboard(trainings, django_assert_max_num_queries):
    from school.people import person_for_user
    from school.training_views import trainings_of
    from tests.factories.records import attend

    user = UserFactory()
    person = person_for_user(user)
    register(trainings["soon"].pk, person)
    past_day = trainings["past"].days.get()
    attend(person, past_day, hours=2)
    Registration.objects.create(event=trainings["closed"], person=person, status="cancelled")
    with translation.override("pl"), django_assert_max_num_queries(6):
        mine = trainings_of(user, trainings["index"])
    assert [(m["event"].title, m["upcoming"], m["days_attended"], m["hours"]) for m in mine] == [
        ("Warsztat: dialog motywujący w pracy socjalnej", True, 0, 0),
        ("Superwizja zespołów zadaniowych 2019", False, 1, Decimal("2")),
    ]
    assert mine[0]["url"] == detail(trainings["soon"])
    assert trainings_of(UserFactory(), trainings["index"]) == []
