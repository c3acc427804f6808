"""The coordinator's admin for trainings and the participant register: who may open what
(a matrix of roles × views), events with their days, the filtered event listing and the
register with a fixed number of queries, a person's page, merging, erasing, exporting."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from catalog.models import Territory
from school.models import (
    Attendance,
    CoachingForm,
    EventDay,
    EventKind,
    Person,
    Registration,
    TrainingEvent,
)
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    ProjectFactory,
    SupervisionSessionFactory,
    attend,
    event_with_days,
)
from tests.factories.trainings import admin_user_without_role, coordinator_user, trainer_of
from tests.utils import soup, text

MAY_6 = datetime.date(2019, 5, 6)
MAY_7 = datetime.date(2019, 5, 7)
OKSA = "2602052"
PRIVATE_NOTE = "Notatka wyłącznie dla coacha."
SHARED_NOTE = "Ustalenia wspólne z coachem."


@pytest.fixture
def world(db):
    """Two projects; a two-day workshop in Oksa (8 + 6 teaching hours) and a one-day
    training elsewhere; Anna at both days of the workshop, Bartosz at the training; a
    possible duplicate of Anna; coaching and supervision for Anna."""
    oksa = Territory.objects.get(code=OKSA)
    katowice = Territory.objects.filter(level="gmina", name="Katowice").first()
    liderzy = ProjectFactory(name="Liderzy kooperacji", code="liderzy")
    kooperacje = ProjectFactory(name="Kooperacje 3D", code="kooperacje-3d")
    workshop = event_with_days(
        [(MAY_6, "09:00", "15:00"), (MAY_7, "09:00", "13:30")],
        title="Warsztat: praca zespołu kooperacyjnego",
        kind=EventKind.TWO_DAY_WORKSHOP,
        project=liderzy,
        gmina=oksa,
    )
    training = event_with_days(
        [(datetime.date(2019, 11, 14), "10:00", "16:00")],
        title="Szkolenie: dialog motywujący",
        kind=EventKind.ONE_DAY_TRAINING,
        project=kooperacje,
        gmina=katowice,
    )
    anna = PersonFactory(first_name="Anna", last_name="Nowak", email="anna@example.org", gmina=oksa)
    bartosz = PersonFactory(first_name="Bartosz", last_name="Zieliński", email="")
    duplicate = PersonFactory(first_name="Anna", last_name="Nowak", email="")
    day1, day2 = workshop.days.all()
    attend(anna, day1)
    attend(anna, day2, hours=4)
    attend(duplicate, day1)
    attend(bartosz, training.days.first())
    for person, event in [(anna, workshop), (bartosz, training)]:
        Registration.objects.create(event=event, person=person)
    CoachingSessionFactory(coachees=[anna], hours=Decimal("1.5"))
    CoachingSessionFactory(coachees=[anna, bartosz], form=CoachingForm.GROUP, hours=3)
    SupervisionSessionFactory(members=[anna], hours=2)
    return {
        "oksa": oksa,
        "liderzy": liderzy,
        "kooperacje": kooperacje,
        "workshop": workshop,
        "training": training,
        "anna": anna,
        "bartosz": bartosz,
        "duplicate": duplicate,
        "coordinator": coordinator_user(),
    }


def outcome(client, url, method="get", data=None):
    """What a user meets, in words: the page, Wagtail's refusal (its home page with a
    message), the login page, or "not found"."""
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and response["Location"] == f"/pl{url}":
        response = client.get(response["Location"])
    if response.status_code in (200, 404):
        return {200: "ok", 404: "missing"}[response.status_code]
    if response.status_code == 302:
        location = response["Location"]
        if location == "/admin/":
            return "denied"
        if location.startswith("/admin/login/"):
            return "login"
        return "redirect"
    return str(response.status_code)


# Who may open what ------------------------------------------------------------------------


def views(world):
    workshop, training, anna = world["workshop"], world["training"], world["anna"]
    day = workshop.days.first()
    return {
        "event list": "/admin/school/events/",
        "event create": "/admin/school/events/new/",
        "event edit": f"/admin/school/events/edit/{workshop.pk}/",
        "event history": f"/admin/school/events/history/{workshop.pk}/",
        "attendance (own)": f"/admin/school/events/{workshop.pk}/attendance/",
        "attendance (other)": f"/admin/school/events/{training.pk}/attendance/",
        "sign-in PDF (own)": f"/admin/school/events/{workshop.pk}/days/{day.pk}/sign-in-sheet.pdf",
        "sign-in PDF (other)": (
            f"/admin/school/events/{training.pk}/days/{training.days.first().pk}/sign-in-sheet.pdf"
        ),
        "register": "/admin/school/people/",
        "person page": f"/admin/school/people/{anna.pk}/",
        "person edit": f"/admin/school/people/edit/{anna.pk}/",
        "person history": f"/admin/school/people/history/{anna.pk}/",
        "merge": f"/admin/school/people/{anna.pk}/merge/{world['duplicate'].pk}/",
        "erase": f"/admin/school/people/{anna.pk}/erase/",
        "personal data": f"/admin/school/people/{anna.pk}/personal-data.json",
        "projects": "/admin/school/projects/",
        "project edit": f"/admin/school/projects/edit/{world['liderzy'].pk}/",
        "my trainings": "/admin/school/my-trainings/",
    }


EVERYTHING = "ok"
TRAINER = {
    "attendance (own)": "ok",
    "sign-in PDF (own)": "ok",
    "attendance (other)": "missing",
    "sign-in PDF (other)": "missing",
    "my trainings": "ok",
}


def expected(role, view):
    if role == "anonymous":
        return "login"
    if role == "trainee":  # an account without the admin
        return "login"
    if role in ("coordinator", "superuser"):
        return "denied" if view == "my trainings" else "ok"
    if role == "trainer":
        return TRAINER.get(view, "denied")
    return "denied"  # an editor or a coach in the admin without the role


def login(client, role, world):
    if role == "anonymous":
        return
    users = {
        "trainee": lambda: UserFactory(),
        "editor": lambda: admin_user_without_role(),
        "coordinator": lambda: world["coordinator"],
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "trainer": lambda: trainer_of(world["workshop"])[0],
    }
    client.force_login(users[role]())


@pytest.mark.parametrize(
    "role", ["anonymous", "trainee", "editor", "trainer", "coordinator", "superuser"]
)
def test_role_matrix(client, world, role):
    login(client, role, world)
    seen = {name: outcome(client, url) for name, url in views(world).items()}
    assert seen == {name: expected(role, name) for name in seen}


@pytest.mark.parametrize("role", ["editor", "trainer"])
def test_refused_before_any_lookup(client, world, role):
    """A record that does not exist is refused like one that does: nothing is given away."""
    login(client, role, world)
    for url in [
        "/admin/school/events/edit/999999/",
        "/admin/school/events/history/999999/",
        "/admin/school/people/999999/",
        "/admin/school/people/999999/merge/999998/",
        "/admin/school/people/999999/erase/",
        "/admin/school/people/edit/999999/",
    ]:
        assert outcome(client, url) == "denied", url
    if role == "editor":
        assert outcome(client, "/admin/school/events/999999/attendance/") == "denied"


@pytest.mark.parametrize("role", ["editor", "trainer"])
def test_refused_posts_change_nothing(client, world, role):
    login(client, role, world)
    anna, duplicate = world["anna"], world["duplicate"]
    assert outcome(client, f"/admin/school/people/{anna.pk}/erase/", "post") == "denied"
    merge = f"/admin/school/people/{anna.pk}/merge/{duplicate.pk}/"
    assert outcome(client, merge, "post") == "denied"
    other = world["training"]
    expected_other = "missing" if role == "trainer" else "denied"
    assert outcome(client, f"/admin/school/events/{other.pk}/attendance/", "post") == (
        expected_other
    )
    assert Person.objects.filter(pk=duplicate.pk).exists()
    anna.refresh_from_db()
    assert anna.erased_at is None


def test_menu_shows_trainings_to_coordinators_and_my_trainings_to_trainers(client, world):
    client.force_login(world["coordinator"])
    page = client.get("/admin/").content.decode()
    assert "/admin/school/events/" in page and "/admin/school/people/" in page
    assert "/admin/school/my-trainings/" not in page
    user, _person = trainer_of(world["workshop"])
    client.force_login(user)
    page = client.get("/admin/").content.decode()
    assert "/admin/school/my-trainings/" in page
    assert "/admin/school/people/" not in page


# Events with their days -------------------------------------------------------------------


def event_form(**overrides):
    data = {
        "title": "Warsztat: diagnoza lokalna",
        "kind": EventKind.WORKSHOP,
        "course": "",
        "project": "",
        "description": "",
        "address": "ul. Szkolna 3",
        "gmina": "",
        "teaching_hour_minutes": "45",
        "capacity": "20",
        "registration_open": "on",
        "days-TOTAL_FORMS": "2",
        "days-INITIAL_FORMS": "0",
        "days-MIN_NUM_FORMS": "1",
        "days-MAX_NUM_FORMS": "1000",
        "days-0-date": "2019-10-30",
        "days-0-starts_at": "09:00",
        "days-0-ends_at": "15:00",
        "days-0-teaching_hours": "",
        "days-1-date": "2019-10-31",
        "days-1-starts_at": "09:00",
        "days-1-ends_at": "15:00",
        "days-1-teaching_hours": "7",
    }
    data.update(overrides)
    return data


def test_create_an_event_with_days_place_and_trainers(client, world):
    user, trainer = trainer_of()
    coordinator = world["coordinator"]
    client.force_login(coordinator)
    response = client.post(
        "/admin/school/events/new/",
        event_form(gmina=world["oksa"].pk, project=world["liderzy"].pk, trainers=[trainer.pk]),
    )
    assert response.status_code == 302, soup(response).select(".error-message")
    event = TrainingEvent.objects.get(title="Warsztat: diagnoza lokalna")
    hours = [day.teaching_hours for day in event.days.all()]
    assert hours == [Decimal("8.00"), Decimal("7.00")]  # empty = computed (6 h / 45 min)
    assert event.teaching_hours == Decimal("15.00")
    assert (event.starts_on, event.ends_on) == (
        datetime.date(2019, 10, 30),
        datetime.date(2019, 10, 31),
    )
    assert event.gmina == world["oksa"] and event.project == world["liderzy"]
    assert list(event.trainers.all()) == [trainer]
    assert event.created_by == coordinator
    assert event.capacity == 20 and event.registration_open
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(event.pk)).exists()


BAD_EVENTS = [
    ({"days-0-ends_at": "08:00"}, "days-0-ends_at", "Dzień musi się kończyć po rozpoczęciu."),
    (
        {"days-1-date": "2019-10-30"},
        "days-1-date",
        "Dwa dni wydarzenia nie mogą mieć tej samej daty.",
    ),
    ({"title": ""}, "title", "To pole jest wymagane."),
    ({"teaching_hour_minutes": "0"}, "teaching_hour_minutes", "większa lub równa 1"),
    ({"gmina": "", "days-TOTAL_FORMS": "0"}, None, "1"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_EVENTS)
def test_bad_events_are_refused_and_kept(client, world, changes, field, message):
    """Bad input, table of cases: nothing is saved, the form keeps what was typed."""
    client.force_login(world["coordinator"])
    count = TrainingEvent.objects.count()
    response = client.post("/admin/school/events/new/", event_form(**changes))
    page = soup(response)
    assert TrainingEvent.objects.count() == count
    assert message in page.get_text()
    if field:
        box = page.find(attrs={"name": field})
        assert box.get("aria-invalid") == "true" or "error" in str(box.find_parent("div"))
    assert page.find(attrs={"name": "address"})["value"] == "ul. Szkolna 3"


def test_changing_the_teaching_hour_recounts_days_left_empty(client, world):
    """A day whose hours were computed shows them empty and is recounted; hours typed by
    hand stay."""
    client.force_login(world["coordinator"])
    client.post("/admin/school/events/new/", event_form())
    event = TrainingEvent.objects.get(title="Warsztat: diagnoza lokalna")
    first, second = event.days.all()
    edit = f"/admin/school/events/edit/{event.pk}/"
    page = soup(client.get(edit))
    assert page.find(attrs={"name": "days-0-teaching_hours"}).get("value") in (None, "")
    assert page.find(attrs={"name": "days-1-teaching_hours"})["value"] in ("7,00", "7.00")
    data = event_form(
        teaching_hour_minutes="60",
        **{
            "days-INITIAL_FORMS": "2",
            "days-0-id": str(first.pk),
            "days-1-id": str(second.pk),
            "days-1-teaching_hours": "7,00",
        },
    )
    response = client.post(edit, data)
    assert response.status_code == 302, soup(response).select(".error-message")
    hours = [day.teaching_hours for day in EventDay.objects.filter(event=event)]
    assert hours == [Decimal("6.00"), Decimal("7.00")]


def test_removing_a_day_moves_the_event_dates(client, world):
    client.force_login(world["coordinator"])
    client.post("/admin/school/events/new/", event_form())
    event = TrainingEvent.objects.get(title="Warsztat: diagnoza lokalna")
    first, second = event.days.all()
    data = event_form(
        **{
            "days-INITIAL_FORMS": "2",
            "days-0-id": str(first.pk),
            "days-1-id": str(second.pk),
            "days-1-DELETE": "on",
        }
    )
    response = client.post(f"/admin/school/events/edit/{event.pk}/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.days.count() == 1
    assert (event.starts_on, event.ends_on) == (first.date, first.date)


def test_gmina_chooser_offers_gminas_only(client, world):
    client.force_login(world["coordinator"])
    response = client.get("/admin/school/gmina-chooser/results/", {"q": "jędrzejów"})
    page = soup(response)
    codes = [text(td) for td in page.select("td") if text(td).isdigit()]
    assert codes and all(len(code) == 7 for code in codes)
    powiat = Territory.objects.get(code="2602")
    assert powiat.code not in codes
    client.post("/admin/school/events/new/", event_form(title="Zły poziom", gmina=powiat.pk))
    assert not TrainingEvent.objects.filter(title="Zły poziom").exists()


# The event listing ------------------------------------------------------------------------


def listed_events(client, query=None):
    page = soup(client.get("/admin/school/events/", query or {}))
    rows = {}
    for tr in page.select("table.listing tbody tr"):
        cells = tr.find_all("td")
        title = text(cells[0].find("a"))
        rows[title] = [text(cell) for cell in cells]
    return rows


def test_event_listing_shows_teaching_hours_and_participants(client, world):
    client.force_login(world["coordinator"])
    rows = listed_events(client)
    workshop = rows["Warsztat: praca zespołu kooperacyjnego"]
    assert "warsztat dwudniowy" in workshop
    assert "2019-05-06 – 2019-05-07" in workshop
    assert "Liderzy kooperacji" in workshop
    assert f"Oksa ({OKSA})" in workshop
    assert "14" in workshop  # 8 + 6 teaching hours
    assert "2" in workshop  # Anna and her unmerged duplicate
    training = rows["Szkolenie: dialog motywujący"]
    assert "8" in training and "1" in training


EVENT_FILTERS = [
    ({}, {"Warsztat: praca zespołu kooperacyjnego", "Szkolenie: dialog motywujący"}),
    ({"project": "liderzy"}, {"Warsztat: praca zespołu kooperacyjnego"}),
    ({"kind": EventKind.ONE_DAY_TRAINING}, {"Szkolenie: dialog motywujący"}),
    (
        {"period_from": "2019-05-07", "period_to": "2019-05-07"},
        {"Warsztat: praca zespołu kooperacyjnego"},
    ),
    ({"period_from": "2019-05-08", "period_to": "2019-11-13"}, set()),
    ({"period_from": "2019-11-01"}, {"Szkolenie: dialog motywujący"}),
    ({"place": "26"}, {"Warsztat: praca zespołu kooperacyjnego"}),  # świętokrzyskie
    ({"place": OKSA}, {"Warsztat: praca zespołu kooperacyjnego"}),
    ({"place": "oksa"}, {"Warsztat: praca zespołu kooperacyjnego"}),
    ({"place": "katowice"}, {"Szkolenie: dialog motywujący"}),
    ({"q": "motywujący"}, {"Szkolenie: dialog motywujący"}),
]


def test_event_listing_filters(client, world):
    client.force_login(world["coordinator"])
    projects = {"liderzy": world["liderzy"].pk}
    for query, titles in EVENT_FILTERS:
        query = {k: projects.get(v, v) for k, v in query.items()}
        assert set(listed_events(client, query)) == titles, query


def make_events(count, project, gmina):
    for number in range(count):
        event = event_with_days(
            [(datetime.date(2019, 9, 1 + number % 28), "09:00", "15:00")],
            project=project,
            gmina=gmina,
        )
        person = PersonFactory()
        attend(person, *event.days.all())


def count_queries(client, url, query=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, query or {})
    assert response.status_code == 200
    return len(queries)


def test_event_listing_takes_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["coordinator"])
    query = {"project": world["liderzy"].pk, "period_from": "2019-01-01", "place": "26"}
    make_events(3, world["liderzy"], world["oksa"])  # with the workshop: 4, then 5 below
    make_events(1, world["liderzy"], world["oksa"])
    count_queries(client, "/admin/school/events/", query)  # warm caches (content types)
    with_five = count_queries(client, "/admin/school/events/", query)
    assert len(listed_events(client, query)) == 5
    make_events(25, world["liderzy"], world["oksa"])
    assert len(listed_events(client, query)) == 30
    with django_assert_max_num_queries(with_five):
        client.get("/admin/school/events/", query)
    assert count_queries(client, "/admin/school/events/", query) == with_five


# The register -----------------------------------------------------------------------------


def listed_people(client, query=None):
    page = soup(client.get("/admin/school/people/", query or {}))
    return [text(tr.find("td").find("a")) for tr in page.select("table.listing tbody tr")]


REGISTER_FILTERS = [
    ({"q": "anna nowak"}, ["Anna Nowak", "Anna Nowak"]),
    ({"q": "anna@example"}, ["Anna Nowak"]),
    ({"q": "zielińsk"}, ["Bartosz Zieliński"]),
    ({"place": OKSA}, ["Anna Nowak"]),
    ({"place": "26"}, ["Anna Nowak"]),
    ({"project": "kooperacje"}, ["Bartosz Zieliński"]),
    ({"account": "yes"}, ["Teresa Trenerska"]),
    ({"status": "erased"}, []),
]


def test_register_search_and_filters(client, world):
    trainer_of(world["workshop"])
    client.force_login(world["coordinator"])
    projects = {"kooperacje": world["kooperacje"].pk}
    for query, names in REGISTER_FILTERS:
        query = {k: projects.get(v, v) for k, v in query.items()}
        assert listed_people(client, query) == names, query


def test_register_search_by_institution(client, world):
    PersonFactory(first_name="Ewa", last_name="Lis", institution_name="PCPR w Jędrzejowie")
    client.force_login(world["coordinator"])
    assert listed_people(client, {"q": "pcpr jędrzej"}) == ["Ewa Lis"]


def test_register_takes_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world["coordinator"])
    for _number in range(2):
        PersonFactory(institution=None, gmina=world["oksa"])
    count_queries(client, "/admin/school/people/")
    with_five = count_queries(client, "/admin/school/people/")
    assert len(listed_people(client)) == 5
    for _number in range(25):
        person = PersonFactory(gmina=world["oksa"], institution_name="GOPS")
        attend(person, world["workshop"].days.first())
    assert len(listed_people(client)) == 30
    with django_assert_max_num_queries(with_five):
        client.get("/admin/school/people/")


# A person's page --------------------------------------------------------------------------


def test_person_page_shows_events_hours_and_support_counts_never_notes(client, world):
    client.force_login(world["coordinator"])
    anna = world["anna"]
    response = client.get(f"/admin/school/people/{anna.pk}/")
    page = soup(response)
    events = page.select_one("section[aria-labelledby=events-heading] table")
    assert "1 wydarzenie, razem godzin dydaktycznych: 12" in text(events.caption)
    row = text(events.select_one("tbody tr"))
    assert "Warsztat: praca zespołu kooperacyjnego" in row
    assert "2019-05-06" in row and "2019-05-07 – część dnia: 4 godz." in row
    support = {
        text(tr.th): [text(td) for td in tr.find_all("td")]
        for tr in page.select("section[aria-labelledby=support-heading] tbody tr")
    }
    assert support == {
        "Coaching indywidualny": ["1", "1,5"],
        "Coaching grupowy": ["1", "3"],
        "Superwizja": ["1", "2"],
    }
    html = response.content.decode()
    assert PRIVATE_NOTE not in html and SHARED_NOTE not in html
    assert "Wnioski z superwizji" not in html
    duplicates = page.select("section[aria-labelledby=duplicates-heading] tbody tr")
    assert len(duplicates) == 1
    merge_link = duplicates[0].select_one("a[href*=merge]")["href"]
    assert merge_link == f"/admin/school/people/{anna.pk}/merge/{world['duplicate'].pk}/"


# Merging, erasing, exporting --------------------------------------------------------------


def test_merge_is_confirmed_then_done_and_logged(client, world):
    client.force_login(world["coordinator"])
    anna, duplicate = world["anna"], world["duplicate"]
    url = f"/admin/school/people/{anna.pk}/merge/{duplicate.pk}/"
    page = soup(client.get(url))
    assert page.select_one("form[method=post] button")
    assert Person.objects.filter(pk=duplicate.pk).exists()  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 302
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    # Both were present on 6 May: one row stays.
    assert Attendance.objects.filter(day__event=world["workshop"]).count() == 2
    entry = ModelLogEntry.objects.get(action="school.person.merge")
    assert entry.object_id == str(anna.pk)
    assert entry.data["merged_person_id"] == duplicate.pk
    history = soup(client.get(f"/admin/school/people/history/{anna.pk}/"))
    assert "Scal uczestników" in history.get_text()


def test_merge_refusal_is_shown_in_polish_and_changes_nothing(client, world):
    client.force_login(world["coordinator"])
    other = PersonFactory(first_name="Anna", last_name="Nowak", email="anna.n@example.org")
    url = f"/admin/school/people/{world['anna'].pk}/merge/{other.pk}/"
    page = soup(client.get(url))
    alert = page.select_one("[role=alert]")
    assert "Te dwie osoby mają różne adresy e-mail." in text(alert)
    assert not page.select("form[method=post] button")
    page = soup(client.post(url))
    assert "Te dwie osoby mają różne adresy e-mail." in text(page.select_one("[role=alert]"))
    assert Person.objects.filter(pk=other.pk).exists()


def test_erase_asks_then_erases_and_keeps_the_hours(client, world):
    client.force_login(world["coordinator"])
    anna = world["anna"]
    url = f"/admin/school/people/{anna.pk}/erase/"
    page = soup(client.get(url))
    assert "Anna Nowak" in text(page.select_one("main"))
    anna.refresh_from_db()
    assert anna.erased_at is None
    response = client.post(url)
    assert response["Location"] == f"/admin/school/people/{anna.pk}/"
    anna.refresh_from_db()
    assert anna.erased_at is not None and anna.email == ""
    assert Attendance.objects.filter(person=anna).count() == 2
    assert ModelLogEntry.objects.filter(
        action="school.person.erase", object_id=str(anna.pk)
    ).exists()
    page = soup(client.get(response["Location"]))
    assert "anna@example.org" not in page.get_text()
    assert "12" in text(page.select_one("section[aria-labelledby=events-heading] caption"))


def test_erasing_someone_clears_the_notes_written_about_them_alone(client, world):
    """Individual coaching notes are about the one coachee: they go with the name."""
    anna = world["anna"]
    session = CoachingSessionFactory(coachees=[anna], shared_notes="O Annie", private_notes="Tylko")
    client.force_login(world["coordinator"])
    client.post(f"/admin/school/people/{anna.pk}/erase/")
    session.refresh_from_db()
    assert (session.shared_notes, session.private_notes, session.goals) == ("", "", "")
    assert session.hours == Decimal("1.5")


def test_personal_data_download(client, world):
    client.force_login(world["coordinator"])
    anna = world["anna"]
    response = client.get(f"/admin/school/people/{anna.pk}/personal-data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert "Nowak" not in response["Content-Disposition"]
    data = json.loads(response.content)
    assert "anna@example.org" in json.dumps(data, ensure_ascii=False)
    dumped = json.dumps(data, ensure_ascii=False)
    assert PRIVATE_NOTE not in dumped
    assert ModelLogEntry.objects.filter(
        action="school.person.export", object_id=str(anna.pk)
    ).exists()


def test_a_person_with_records_is_not_deleted_but_one_without_is(client, world):
    client.force_login(world["coordinator"])
    anna = world["anna"]
    response = client.post(f"/admin/school/people/delete/{anna.pk}/")
    assert response["Location"] == f"/admin/school/people/{anna.pk}/"
    assert Person.objects.filter(pk=anna.pk).exists()
    mistake = PersonFactory()
    client.post(f"/admin/school/people/delete/{mistake.pk}/")
    assert not Person.objects.filter(pk=mistake.pk).exists()


def test_person_edit_refuses_an_email_already_listed(client, world):
    client.force_login(world["coordinator"])
    bartosz = world["bartosz"]
    data = {
        "first_name": "Bartosz",
        "last_name": "Zieliński",
        "email": "ANNA@example.org",
        "position": "",
        "institution": "",
        "institution_name": "",
        "gmina": "",
    }
    page = soup(client.post(f"/admin/school/people/edit/{bartosz.pk}/", data))
    assert "Uczestnik z tym adresem e-mail jest już w rejestrze." in page.get_text()
    bartosz.refresh_from_db()
    assert bartosz.email == ""
