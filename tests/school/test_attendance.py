"""Recording attendance in the admin: the grid of people × days, partial hours and their
validation, adding people (from the register, or new through recognition), and the
trainer of the event doing the same for their own event only."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import ModelLogEntry

from catalog.models import Territory
from school.models import Attendance, Person, Registration, RegistrationStatus
from tests.factories.records import PersonFactory, attend, event_with_days
from tests.factories.trainings import coordinator_user, trainer_of
from tests.utils import soup, text

MAY_6 = datetime.date(2019, 5, 6)
MAY_7 = datetime.date(2019, 5, 7)


def url(event):
    return f"/admin/school/events/{event.pk}/attendance/"


@pytest.fixture
def world(db):
    """A two-day workshop (8 and 6 teaching hours): Anna present both days, Bartosz on the
    first day for 4 hours, Celina registered and absent so far."""
    event = event_with_days(
        [(MAY_6, "09:00", "15:00"), (MAY_7, "09:00", "13:30")],
        title="Praca z rodziną: metody systemowe",
    )
    day1, day2 = event.days.all()
    anna = PersonFactory(first_name="Anna", last_name="Nowak", institution_name="GOPS w Oksie")
    bartosz = PersonFactory(first_name="Bartosz", last_name="Zieliński")
    celina = PersonFactory(first_name="Celina", last_name="Wójcik")
    for person in (anna, bartosz, celina):
        Registration.objects.create(event=event, person=person)
    attend(anna, day1, day2)
    attend(bartosz, day1, hours=4)
    return {
        "event": event,
        "day1": day1,
        "day2": day2,
        "anna": anna,
        "bartosz": bartosz,
        "celina": celina,
        "coordinator": coordinator_user(),
    }


def grid_data(world, **changes):
    """The form as it was shown (every current tick and hours), with `changes`."""
    data = {}
    for person in ("anna", "bartosz", "celina"):
        for day in ("day1", "day2"):
            key = f"{world[person].pk}-{world[day].pk}"
            row = Attendance.objects.filter(person=world[person], day=world[day]).first()
            if row is not None:
                data[f"present-{key}"] = "on"
                if row.hours is not None:
                    data[f"hours-{key}"] = str(row.hours)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def key(world, person, day):
    return f"{world[person].pk}-{world[day].pk}"


def present(world):
    return {
        (row.person.first_name, row.day.date.day): row.hours
        for row in Attendance.objects.filter(day__event=world["event"]).select_related(
            "person", "day"
        )
    }


# The grid ---------------------------------------------------------------------------------


def test_grid_has_headed_rows_and_columns_and_labelled_checkboxes(client, world):
    client.force_login(world["coordinator"])
    page = soup(client.get(url(world["event"])))
    table = page.select_one("table.trainings-grid")
    columns = [text(th) for th in table.select("thead th[scope=col]")]
    assert columns[0] == "Uczestnik"
    assert columns[1].startswith("6 maja 2019") and "8 godz. dydakt." in columns[1]
    assert columns[2].startswith("7 maja 2019") and "6 godz. dydakt." in columns[2]
    rows = [
        text(th.contents[0] if th.a is None else th.a) for th in table.select("tbody th[scope=row]")
    ]
    assert rows == ["Anna Nowak", "Celina Wójcik", "Bartosz Zieliński"]
    anna_day1 = page.find(id=f"id_present-{key(world, 'anna', 'day1')}")
    assert anna_day1.has_attr("checked")
    label = page.find("label", attrs={"for": anna_day1["id"]})
    assert "Anna Nowak, 6 maja 2019" in text(label)
    assert not page.find(id=f"id_present-{key(world, 'celina', 'day1')}").has_attr("checked")
    hours = page.find(id=f"id_hours-{key(world, 'bartosz', 'day1')}")
    assert hours["value"] == "4,00"
    hours_label = page.find("label", attrs={"for": hours["id"]})
    assert "Bartosz Zieliński, 6 maja 2019" in text(hours_label)
    # Each day's sign-in sheet is one link away.
    links = [a["href"] for a in page.select("a[href$='sign-in-sheet.pdf']")]
    assert links == [
        f"/admin/school/events/{world['event'].pk}/days/{world['day1'].pk}/sign-in-sheet.pdf",
        f"/admin/school/events/{world['event'].pk}/days/{world['day2'].pk}/sign-in-sheet.pdf",
    ]


def test_saving_writes_ticks_partial_hours_and_deletes_unticked(client, world):
    client.force_login(world["coordinator"])
    data = grid_data(
        world,
        **{
            # Celina came on the second day for two and a half hours (Polish comma).
            f"present-{key(world, 'celina', 'day2')}": "on",
            f"hours-{key(world, 'celina', 'day2')}": "2,5",
            # Anna left early on day 2 (a dot works too).
            f"hours-{key(world, 'anna', 'day2')}": "3.25",
            # Bartosz was not there after all: unticked.
            f"present-{key(world, 'bartosz', 'day1')}": None,
            f"hours-{key(world, 'bartosz', 'day1')}": None,
        },
    )
    response = client.post(url(world["event"]), data)
    assert response.status_code == 302
    assert present(world) == {
        ("Anna", 6): None,
        ("Anna", 7): Decimal("3.25"),
        ("Celina", 7): Decimal("2.50"),
    }
    entry = ModelLogEntry.objects.get(action="school.event.attendance")
    assert entry.object_id == str(world["event"].pk)
    assert entry.data == {"people": 3, "attendance": 3}


def test_the_whole_day_typed_as_hours_is_a_whole_day(client, world):
    client.force_login(world["coordinator"])
    data = grid_data(world, **{f"hours-{key(world, 'bartosz', 'day1')}": "8"})
    client.post(url(world["event"]), data)
    assert present(world)[("Bartosz", 6)] is None


def test_removing_a_person_takes_them_off_the_list_with_their_attendance(client, world):
    client.force_login(world["coordinator"])
    data = grid_data(world, **{f"remove-{world['anna'].pk}": "on"})
    client.post(url(world["event"]), data)
    assert ("Anna", 6) not in present(world)
    assert not Registration.objects.filter(event=world["event"], person=world["anna"]).exists()
    assert Person.objects.filter(pk=world["anna"].pk).exists()  # still in the register


def test_people_present_without_registration_are_listed_and_registered_on_save(client, world):
    imported = PersonFactory(first_name="Irena", last_name="Adamczyk")
    attend(imported, world["day2"])
    client.force_login(world["coordinator"])
    page = soup(client.get(url(world["event"])))
    assert "Irena Adamczyk" in text(page.select_one("table.trainings-grid"))
    data = grid_data(world, **{f"present-{imported.pk}-{world['day2'].pk}": "on"})
    client.post(url(world["event"]), data)
    assert Registration.objects.filter(event=world["event"], person=imported).exists()


BAD_HOURS = [
    ("0", "Wpisz liczbę większą od 0 i nie większą niż 8"),
    ("-1", "Wpisz liczbę większą od 0 i nie większą niż 8"),
    ("8,5", "Wpisz liczbę większą od 0 i nie większą niż 8"),
    ("cztery", "Wpisz liczbę."),
    ("1,234", "Upewnij się, że liczba ma nie więcej niż 2 cyfry po przecinku."),
]


@pytest.mark.parametrize(("typed", "message"), BAD_HOURS)
def test_bad_hours_are_refused_at_the_field_and_nothing_is_saved(client, world, typed, message):
    client.force_login(world["coordinator"])
    before = present(world)
    field = f"hours-{key(world, 'celina', 'day1')}"
    data = grid_data(
        world,
        **{
            f"present-{key(world, 'celina', 'day1')}": "on",
            field: typed,
            f"present-{key(world, 'anna', 'day2')}": None,  # a change that must not be saved
        },
    )
    response = client.post(url(world["event"]), data)
    page = soup(response)
    assert present(world) == before
    box = page.find(id=f"id_{field}")
    assert box["value"] == typed  # what was typed stays
    assert box["aria-invalid"] == "true"
    error = page.find(id=box["aria-describedby"])
    assert message in text(error)
    # The other edits stay as typed too: Anna's second day is still unticked.
    assert not page.find(id=f"id_present-{key(world, 'anna', 'day2')}").has_attr("checked")
    assert page.find(id=f"id_present-{key(world, 'celina', 'day1')}").has_attr("checked")


def test_hours_without_the_tick_are_refused(client, world):
    client.force_login(world["coordinator"])
    field = f"hours-{key(world, 'celina', 'day1')}"
    page = soup(client.post(url(world["event"]), grid_data(world, **{field: "2"})))
    box = page.find(id=f"id_{field}")
    assert "Zaznacz też „obecność”" in text(page.find(id=box["aria-describedby"]))
    assert ("Celina", 6) not in present(world)


# Adding people ----------------------------------------------------------------------------


def add_new(client, event, **fields):
    data = {"action": "add-new"}
    data.update({f"new-{name}": value for name, value in fields.items()})
    return client.post(url(event), data)


def test_a_new_person_is_added_to_the_register_and_the_list(client, world):
    client.force_login(world["coordinator"])
    oksa = Territory.objects.get(code="2602052")
    response = add_new(
        client,
        world["event"],
        first_name="Dorota",
        last_name="Łęcka",
        email="Dorota.Lecka@Example.org ",
        institution_name="Szkoła Podstawowa w Oksie",
        gmina=oksa.pk,
    )
    assert response.status_code == 302
    person = Person.objects.get(last_name="Łęcka")
    assert person.email == "dorota.lecka@example.org"
    assert person.gmina == oksa and person.institution_name == "Szkoła Podstawowa w Oksie"
    assert Registration.objects.filter(event=world["event"], person=person).exists()


def test_the_same_email_is_recognised_not_added_twice(client, world):
    world["celina"].email = "celina@example.org"
    world["celina"].save()
    other = event_with_days([(datetime.date(2019, 6, 3), "09:00", "12:00")])
    client.force_login(world["coordinator"])
    response = add_new(
        client, other, first_name="Celina", last_name="Wójcik", email=" CELINA@example.org"
    )
    assert response.status_code == 302
    assert Person.objects.filter(last_name="Wójcik").count() == 1
    assert Registration.objects.filter(event=other, person=world["celina"]).exists()
    page = soup(client.get(response["Location"]))
    assert "ten sam adres e-mail" in text(page)


def test_a_name_alone_adds_a_second_person(client, world):
    client.force_login(world["coordinator"])
    add_new(client, world["event"], first_name="Anna", last_name="Nowak")
    assert Person.objects.filter(first_name="Anna", last_name="Nowak").count() == 2


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"first_name": "", "last_name": "Nowak"}, "first_name", "To pole jest wymagane."),
        ({"first_name": "Ola", "last_name": ""}, "last_name", "To pole jest wymagane."),
        (
            {"first_name": "Ola", "last_name": "Nowak", "email": "ola@"},
            "email",
            "Podaj poprawny adres e-mail.",
        ),
    ],
)
def test_a_new_person_with_bad_input_is_refused_and_kept(client, world, fields, field, message):
    client.force_login(world["coordinator"])
    count = Person.objects.count()
    page = soup(add_new(client, world["event"], **fields))
    assert Person.objects.count() == count
    box = page.find(id=f"id_new-{field}")
    described = " ".join(text(page.find(id=ref)) for ref in box["aria-describedby"].split())
    assert message in described
    for name, value in fields.items():
        if value:
            assert page.find(id=f"id_new-{name}")["value"] == value


def test_coordinator_finds_people_in_the_register_and_adds_them(client, world):
    elsewhere = PersonFactory(
        first_name="Ewa", last_name="Kamińska", institution_name="PCPR w Jędrzejowie"
    )
    client.force_login(world["coordinator"])
    page = soup(client.get(url(world["event"]), {"q": "kamińska pcpr"}))
    found = [text(th) for th in page.select("section.trainings-add tbody th[scope=row]")]
    assert found == [f"Ewa Kamińska {elsewhere.email}"]
    # People on the list already are not offered again.
    page = soup(client.get(url(world["event"]), {"q": "nowak"}))
    assert not page.select("section.trainings-add tbody th[scope=row]")
    client.post(url(world["event"]), {"action": "add-existing", "person": elsewhere.pk})
    assert Registration.objects.filter(event=world["event"], person=elsewhere).exists()


def test_a_cancelled_registration_is_renewed_when_added_again(client, world):
    Registration.objects.filter(person=world["celina"]).update(status=RegistrationStatus.CANCELLED)
    client.force_login(world["coordinator"])
    client.post(url(world["event"]), {"action": "add-existing", "person": world["celina"].pk})
    registration = Registration.objects.get(person=world["celina"])
    assert registration.status == RegistrationStatus.REGISTERED


# The trainer ------------------------------------------------------------------------------


def test_trainer_records_attendance_of_their_event_only(client, world):
    other = event_with_days([(datetime.date(2019, 6, 3), "09:00", "12:00")])
    user, _person = trainer_of(world["event"])
    client.force_login(user)
    assert client.get(url(world["event"])).status_code == 200
    assert client.get(url(other)).status_code == 404
    data = grid_data(world, **{f"present-{key(world, 'celina', 'day1')}": "on"})
    assert client.post(url(world["event"]), data).status_code == 302
    assert ("Celina", 6) in present(world)
    assert client.post(url(other), {}).status_code == 404


def test_trainer_adds_new_people_but_does_not_search_the_register(client, world):
    PersonFactory(first_name="Ewa", last_name="Kamińska", email="ewa@example.org")
    user, _person = trainer_of(world["event"])
    client.force_login(user)
    page = soup(client.get(url(world["event"]), {"q": "kamińska"}))
    assert "ewa@example.org" not in page.get_text()
    assert page.find(id="register-q") is None
    ewa = Person.objects.get(last_name="Kamińska")
    response = client.post(url(world["event"]), {"action": "add-existing", "person": ewa.pk})
    # Wagtail answers a refusal in the admin with its home page and a message.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not Registration.objects.filter(person=ewa).exists()
    add_new(client, world["event"], first_name="Filip", last_name="Mazur")
    assert Registration.objects.filter(event=world["event"], person__last_name="Mazur").exists()
