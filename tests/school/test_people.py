"""The participant register (school/people.py): recognising the same person, the list of
possible duplicates, merging them, erasing personal data while the counts stay."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from catalog.models import Territory
from school import people
from school.models import (
    Attendance,
    Person,
    Registration,
    RegistrationStatus,
    SupervisionMember,
)
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    SupervisionSessionFactory,
    attend,
    event_with_days,
)

pytestmark = pytest.mark.django_db

MAY_6 = datetime.date(2019, 5, 6)
MAY_7 = datetime.date(2019, 5, 7)


@pytest.fixture
def oksa():
    return Territory.objects.get(code="2602052")


@pytest.fixture
def workshop():
    """Two days of 8 teaching hours each."""
    return event_with_days([(MAY_6, "09:00", "15:00"), (MAY_7, "09:00", "15:00")])


# Recognition ------------------------------------------------------------------------------


def test_recognised_by_account_and_details_only_fill_blanks(oksa):
    user = UserFactory(first_name="Anna", last_name="Nowak", email="anna@example.org")
    listed = PersonFactory(user=user, first_name="Anna", last_name="Nowak", email="")
    person, created = people.recognise(
        first_name="Ania",
        last_name="Nowakowa",
        email="inny@example.org",
        user=user,
        institution_name="GOPS w Oksie",
        gmina=oksa,
        position="",
    )
    assert (person.pk, created) == (listed.pk, False)
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Anna", "Nowak")  # never overwritten
    assert person.institution_name == "GOPS w Oksie" and person.gmina == oksa


def test_an_account_without_a_row_is_linked_to_the_row_with_its_email():
    user = UserFactory(email="Bogna.Lis@Example.org")
    listed = PersonFactory(first_name="Bogna", last_name="Lis", email="bogna.lis@example.org")
    person, created = people.recognise(first_name="Bogna", last_name="Lis", user=user)
    assert (person.pk, created) == (listed.pk, False)
    assert Person.objects.get(pk=listed.pk).user == user


@pytest.mark.parametrize(
    "typed",
    ["anna.nowak@example.org", "ANNA.NOWAK@EXAMPLE.ORG", "  Anna.Nowak@example.org  "],
)
def test_recognised_by_email_whatever_the_case_and_spaces(typed):
    listed = PersonFactory(first_name="Anna", last_name="Nowak", email="Anna.Nowak@example.org")
    person, created = people.recognise(first_name="A.", last_name="Nowak", email=typed)
    assert (person.pk, created) == (listed.pk, False)
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    ("first_email", "second_email"),
    [
        ("", ""),
        ("anna@gops-oksa.example", ""),
        ("", "anna@pcpr.example"),
        ("a@x.example", "b@y.example"),
    ],
)
def test_a_name_alone_never_joins_two_people(first_email, second_email):
    first, created_first = people.recognise(first_name="Anna", last_name="Nowak", email=first_email)
    second, created_second = people.recognise(
        first_name="Anna", last_name="Nowak", email=second_email
    )
    assert created_first and created_second
    assert first.pk != second.pk
    assert Person.objects.filter(first_name="Anna", last_name="Nowak").count() == 2


def test_new_person_is_stored_with_a_normalised_email_and_trimmed_name():
    person, created = people.recognise(
        first_name="  Celina ", last_name=" Wójcik ", email=" Celina.Wojcik@Example.ORG "
    )
    person.refresh_from_db()
    assert created
    assert (person.first_name, person.last_name) == ("Celina", "Wójcik")
    assert person.email == "celina.wojcik@example.org"


# Possible duplicates ----------------------------------------------------------------------


def test_possible_duplicates():
    anna = PersonFactory(first_name="Anna", last_name="Nowak", email="anna@example.org")
    no_email = PersonFactory(first_name="ANNA", last_name="nowak", email="")
    PersonFactory(first_name="Anna", last_name="Nowak", email="inna@example.org")
    erased = PersonFactory(first_name="Anna", last_name="Nowak", email="")
    people.erase(erased)
    PersonFactory(first_name="Anna", last_name="Nowakowska", email="")
    assert list(people.possible_duplicates(anna)) == [no_email]
    assert set(people.possible_duplicates(no_email)) == {
        anna,
        Person.objects.get(email="inna@example.org"),
    }


def test_two_accounts_are_never_possible_duplicates():
    first = PersonFactory(first_name="Jan", last_name="Kowalski", email="", user=UserFactory())
    second = PersonFactory(first_name="Jan", last_name="Kowalski", email="", user=UserFactory())
    plain = PersonFactory(first_name="Jan", last_name="Kowalski", email="")
    assert list(people.possible_duplicates(first)) == [plain]
    assert second not in people.possible_duplicates(first)


# Merging ----------------------------------------------------------------------------------


def test_merge_moves_everything_and_overlaps_leave_one_row(workshop, oksa):
    day1, day2 = workshop.days.all()
    other = event_with_days([(datetime.date(2019, 6, 3), "09:00", "12:00")])
    keep = PersonFactory(first_name="Anna", last_name="Nowak", email="")
    duplicate = PersonFactory(
        first_name="Anna",
        last_name="Nowak",
        email="anna@example.org",
        user=UserFactory(),
        institution_name="GOPS w Oksie",
        gmina=oksa,
    )
    # Day 1 under both rows: partial under `keep`, the whole day under `duplicate`.
    attend(keep, day1, hours=3)
    attend(duplicate, day1)
    attend(duplicate, day2, hours=5)
    attend(duplicate, other.days.first())
    Registration.objects.create(event=workshop, person=keep, status=RegistrationStatus.CANCELLED)
    Registration.objects.create(event=workshop, person=duplicate)
    Registration.objects.create(event=other, person=duplicate)
    group = CoachingSessionFactory(coachees=[keep, duplicate])
    single = CoachingSessionFactory(coachees=[duplicate])
    team = SupervisionSessionFactory(members=[keep, duplicate], members__consented=[False, True])
    workshop.trainers.add(duplicate)
    user = duplicate.user

    people.merge(keep, duplicate)

    assert not Person.objects.filter(pk=duplicate.pk).exists()
    rows = {row.day_id: row.hours for row in Attendance.objects.filter(person=keep)}
    # The whole day wins over the partial presence; hours are never lowered.
    assert rows == {day1.pk: None, day2.pk: Decimal("5.00"), other.days.first().pk: None}
    assert Attendance.objects.count() == 3
    registrations = {r.event_id: r.status for r in Registration.objects.filter(person=keep)}
    assert registrations == {
        workshop.pk: RegistrationStatus.REGISTERED,
        other.pk: RegistrationStatus.REGISTERED,
    }
    assert Registration.objects.count() == 2
    assert list(group.coachees.all()) == [keep]
    assert list(single.coachees.all()) == [keep]
    assert SupervisionMember.objects.filter(session=team).count() == 1
    assert list(workshop.trainers.all()) == [keep]
    keep.refresh_from_db()
    assert keep.user == user
    assert keep.email == "anna@example.org"
    assert keep.institution_name == "GOPS w Oksie" and keep.gmina == oksa
    # Unique participants of the workshop: one person, present on both days.
    present = Attendance.objects.filter(day__event=workshop).values("person").distinct()
    assert present.count() == 1


# The reasons a coordinator reads, in Polish (the default language).
REFUSALS = [
    ("self", "Nie można połączyć osoby z nią samą."),
    ("two accounts", "Obie osoby mają konta; to różne osoby."),
    ("different e-mails", "Te dwie osoby mają różne adresy e-mail."),
    ("erased", "Dane osobowe jednej z tych osób zostały usunięte."),
]


@pytest.mark.parametrize(("case", "message"), REFUSALS)
def test_merge_refusals_leave_both_rows_untouched(workshop, case, message):
    keep = PersonFactory(first_name="Jan", last_name="Nowak", email="")
    duplicate = PersonFactory(first_name="Jan", last_name="Nowak", email="")
    if case == "self":
        duplicate = keep
    elif case == "two accounts":
        for person in (keep, duplicate):
            person.user = UserFactory()
            person.save()
    elif case == "different e-mails":
        keep.email, duplicate.email = "jan@a.example", "jan@b.example"
        keep.save()
        duplicate.save()
    elif case == "erased":
        people.erase(duplicate)
    attend(duplicate, workshop.days.first())
    with pytest.raises(people.MergeError) as raised:
        people.merge(keep, duplicate)
    assert str(raised.value.message) == message
    assert people.merge_refusal(keep, duplicate) == raised.value.message
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert Attendance.objects.get().person_id == duplicate.pk


# Erasing ----------------------------------------------------------------------------------


def test_erase_forgets_the_person_and_keeps_every_row(workshop, oksa):
    user = UserFactory()
    person = PersonFactory(
        first_name="Zofia",
        last_name="Kowalczyk",
        email="zofia@example.org",
        position="pracownik socjalny",
        institution_name="OPS w Bielinach",
        gmina=oksa,
        user=user,
    )
    day1, day2 = workshop.days.all()
    attend(person, day1)
    attend(person, day2, hours=4)
    Registration.objects.create(event=workshop, person=person)
    CoachingSessionFactory(coachees=[person])
    SupervisionSessionFactory(members=[person])
    log(person, "wagtail.edit", user=UserFactory())

    people.erase(person)

    person.refresh_from_db()
    assert (person.first_name, person.last_name) == (
        people.ERASED_FIRST_NAME,
        people.ERASED_LAST_NAME,
    )
    assert person.email == "" and person.position == "" and person.institution_name == ""
    assert person.user is None and person.erased_at is not None
    assert person.gmina == oksa  # what reports group by stays
    assert Attendance.objects.filter(person=person).count() == 2
    assert Registration.objects.filter(person=person).count() == 1
    assert person.coaching_sessions.count() == 1
    assert SupervisionMember.objects.filter(person=person).count() == 1
    # The admin history no longer shows the name the person had.
    labels = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    ).values_list("label", flat=True)
    assert list(labels) == [person.full_name]
    assert not Person.objects.filter(first_name="Zofia").exists()


def test_listed_for_an_event(workshop):
    registered = PersonFactory(last_name="Adamska")
    present_only = PersonFactory(last_name="Bielska")
    cancelled = PersonFactory(last_name="Cicha")
    Registration.objects.create(event=workshop, person=registered)
    Registration.objects.create(
        event=workshop, person=cancelled, status=RegistrationStatus.CANCELLED
    )
    attend(present_only, workshop.days.first())
    PersonFactory(last_name="Dudek")  # elsewhere
    assert list(people.listed_for(workshop)) == [registered, present_only]
