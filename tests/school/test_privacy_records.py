"""Data protection in the records of support: what a person's download holds (their own
records, the notes shared with them, never a coach's private notes, never anyone else),
the "support" section of an account's download, erasure that keeps every count and hour,
and the retention command `purge_personal_data`."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from catalog.models import Territory
from portal.accounts import personal_data
from school import people
from school.models import (
    Attendance,
    CoachingForm,
    CoachingSession,
    Person,
    Registration,
    SupervisionSession,
)
from school.privacy import erase_person, expired_people, person_data, retention_cutoff
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    ProjectFactory,
    SupervisionSessionFactory,
    attend,
    event_with_days,
)

PRIVATE = "Notatka prywatna coacha: tylko do mojej wiadomości"
OTHER_PRIVATE = "Prywatna notatka innego coacha"
SHARED = "Ustalenia: harmonogram spotkań zespołu zadaniowego do końca kwartału"


def hours_recorded():
    """What reports count: attendance rows, distinct people, person-hours, session hours."""
    attendance = Attendance.objects.aggregate(
        rows=Count("pk"),
        people=Count("person", distinct=True),
        hours=Sum(Coalesce("hours", "day__teaching_hours")),
    )
    coaching = CoachingSession.objects.aggregate(
        sessions=Count("pk", distinct=True),
        hours=Sum("hours"),
        coachees=Count("coachees", distinct=True),
    )
    supervision = SupervisionSession.objects.aggregate(
        sessions=Count("pk", distinct=True), members=Count("members", distinct=True)
    )
    return attendance, coaching, supervision


@pytest.fixture
def records(db):
    """Two colleagues of one gmina in the same workshop, group coaching and supervision;
    one of them is also a trainer and coached alone by a second coach."""
    gmina = Territory.objects.get(code="2604012")
    project = ProjectFactory(name="Liderzy kooperacji", code="liderzy-2018")
    anna = PersonFactory(
        first_name="Anna",
        last_name="Przykładowa",
        email="anna.przykladowa@przyklad.example",
        position="pracownica socjalna",
        institution_name="Gminny Ośrodek Pomocy Społecznej",
        gmina=gmina,
    )
    bartosz = PersonFactory(
        first_name="Bartosz", last_name="Inny", email="bartosz.inny@przyklad.example"
    )
    workshop = event_with_days(
        [
            (datetime.date(2018, 9, 10), "09:00", "15:00"),
            (datetime.date(2018, 9, 11), "09:00", "15:00"),
        ],
        title="Szkoła Kooperacji – zasady i formy współpracy",
        project=project,
        address="ul. Szkolna 1, Bieliny",
    )
    first, second = workshop.days.all()
    attend(anna, first)
    attend(anna, second, hours=4)
    attend(bartosz, first, second)
    Registration.objects.create(event=workshop, person=anna)
    Registration.objects.create(event=workshop, person=bartosz)
    trained = event_with_days(
        [(datetime.date(2018, 10, 5), "10:00", "13:00")],
        title="Genogram w pracy z rodziną",
        project=project,
    )
    trained.trainers.add(anna)
    coach = UserFactory(first_name="Celina", last_name="Coachowa")
    group = CoachingSessionFactory(
        coach=coach,
        coachees=[anna, bartosz],
        form=CoachingForm.GROUP,
        project=project,
        date=datetime.date(2018, 10, 30),
        hours=Decimal("3"),
        topic="Planowanie pracy zespołu zadaniowego",
        shared_notes=SHARED,
        private_notes=PRIVATE,
    )
    alone = CoachingSessionFactory(
        coach=UserFactory(first_name="Dorota", last_name="Druga"),
        coachees=[bartosz],
        date=datetime.date(2018, 11, 6),
        topic="Rozmowa motywująca – przygotowanie",
        shared_notes="Notatka dla Bartosza",
        private_notes=OTHER_PRIVATE,
    )
    supervision = SupervisionSessionFactory(
        members=[anna, bartosz],
        members__consented=[True, False],
        team_name="ZZK Bieliny 1",
        conclusions="Zespół potrzebuje stałego terminu spotkań.",
        date=datetime.date(2018, 12, 3),
        project=project,
    )
    return {
        "anna": anna,
        "bartosz": bartosz,
        "workshop": workshop,
        "trained": trained,
        "coach": coach,
        "group": group,
        "alone": alone,
        "supervision": supervision,
    }


# --- the download of one person -----------------------------------------------------------


def test_person_data_holds_the_persons_own_records(records):
    anna = records["anna"]
    data = person_data(anna)
    # Plain JSON as it is: no encoder needed for dates or hours.
    dumped = json.dumps(data, ensure_ascii=False)

    register = data["register"]
    assert (register["first_name"], register["last_name"]) == ("Anna", "Przykładowa")
    assert register["email"] == "anna.przykladowa@przyklad.example"
    assert register["gmina"] == {"teryt": "2604012", "name": "Bieliny"}
    assert register["has_account"] is False

    [event] = data["events_attended"]
    assert event["title"] == "Szkoła Kooperacji – zasady i formy współpracy"
    assert event["project"] == "Liderzy kooperacji"
    # 9:00–15:00 is 8 teaching hours; the second day she stayed for 4.
    assert [(d["date"], d["hours_present"], d["partial"]) for d in event["days"]] == [
        ("2018-09-10", "8.00", False),
        ("2018-09-11", "4.00", True),
    ]
    assert event["hours"] == "12.00"

    assert [(r["event"], r["status"]) for r in data["registrations"]] == [
        ("Szkoła Kooperacji – zasady i formy współpracy", "registered")
    ]
    [coaching] = data["coaching"]
    assert coaching == {
        "date": "2018-10-30",
        "coach": "Celina Coachowa",
        "form": "group",
        "project": "Liderzy kooperacji",
        "topic": "Planowanie pracy zespołu zadaniowego",
        "goals": records["group"].goals,
        "hours": "3.00",
        "shared_notes": SHARED,
    }
    [supervision] = data["supervision"]
    assert supervision["team"] == "ZZK Bieliny 1"
    assert supervision["consented"] is True
    assert supervision["hours"] == "3.00"
    assert supervision["conclusions"] == "Zespół potrzebuje stałego terminu spotkań."
    assert [e["title"] for e in data["trainer_of"]] == ["Genogram w pracy z rodziną"]

    # Never the coach's private notes, never the colleague in the same group or team.
    assert PRIVATE not in dumped and OTHER_PRIVATE not in dumped
    for other in ("Bartosz", "Inny", "bartosz.inny", "Notatka dla Bartosza", "Rozmowa motywująca"):
        assert other not in dumped


def test_person_data_of_the_colleague_shows_their_own_consent_and_sessions(records):
    data = person_data(records["bartosz"])
    assert [s["consented"] for s in data["supervision"]] == [False]
    assert sorted(s["topic"] for s in data["coaching"]) == [
        "Planowanie pracy zespołu zadaniowego",
        "Rozmowa motywująca – przygotowanie",
    ]
    assert data["trainer_of"] == []
    dumped = json.dumps(data, ensure_ascii=False)
    assert "Anna" not in dumped and "Przykładowa" not in dumped
    assert PRIVATE not in dumped and OTHER_PRIVATE not in dumped


# --- the account's download -------------------------------------------------------------


def test_account_download_includes_the_support_section(client, records):
    anna = records["anna"]
    account = UserFactory(email="anna.przykladowa@przyklad.example")
    anna.user = account
    anna.save()
    client.force_login(account)
    response = client.get("/pl/konto/moje-dane/pobierz/")
    assert response.status_code == 200
    data = json.loads(response.content)
    support = data["support"]
    assert support["participant"]["register"]["has_account"] is True
    assert support["participant"]["events_attended"][0]["hours"] == "12.00"
    assert support["participant"]["coaching"][0]["shared_notes"] == SHARED
    assert support["coaching_delivered"] == [] and support["supervision_delivered"] == []
    assert PRIVATE not in response.content.decode()


def test_account_download_finds_the_person_by_e_mail_without_linking(records):
    anna = records["anna"]
    account = UserFactory(email="Anna.Przykladowa@przyklad.example")
    data = json.loads(personal_data.export_json(account))
    assert data["support"]["participant"]["register"]["id"] == anna.pk
    anna.refresh_from_db()
    assert anna.user_id is None  # a download changes nothing


def test_a_coach_download_lists_sessions_delivered_without_people_or_notes(records):
    data = json.loads(personal_data.export_json(records["coach"]))
    support = data["support"]
    assert support["participant"] is None
    assert support["coaching_delivered"] == [
        {
            "date": "2018-10-30",
            "form": "group",
            "project": "Liderzy kooperacji",
            "topic": "Planowanie pracy zespołu zadaniowego",
            "hours": "3.00",
            "coachees": 2,
        }
    ]
    dumped = json.dumps(support, ensure_ascii=False)
    for absent in (PRIVATE, SHARED, "Anna", "Bartosz"):
        assert absent not in dumped


# --- erasure ----------------------------------------------------------------------------


def test_erasing_a_coachee_account_keeps_every_count(records):
    anna = records["anna"]
    account = UserFactory(first_name="Anna", last_name="Przykładowa")
    anna.user = account
    anna.save()
    before = hours_recorded()

    personal_data.erase(account)

    assert hours_recorded() == before
    anna.refresh_from_db()
    assert anna.erased_at is not None and anna.user_id is None
    assert (anna.first_name, anna.last_name, anna.email) == (
        people.ERASED_FIRST_NAME,
        people.ERASED_LAST_NAME,
        "",
    )
    # Still the same row in her sessions, events and team.
    assert records["group"].coachees.filter(pk=anna.pk).exists()
    assert records["trained"].trainers.filter(pk=anna.pk).exists()
    assert Registration.objects.filter(person=anna).count() == 1
    # The coach is still there: their private notes stay theirs.
    records["group"].refresh_from_db()
    assert records["group"].private_notes == PRIVATE
    # Her download, if a coordinator ran it now, names nobody.
    dumped = json.dumps(person_data(anna), ensure_ascii=False)
    assert "Anna" not in dumped and "przyklad.example" not in dumped


def test_erasing_a_coach_keeps_the_sessions_and_their_hours_but_not_the_private_notes(records):
    coach = records["coach"]
    group = records["group"]
    before = hours_recorded()

    personal_data.erase(coach)

    assert hours_recorded() == before
    group.refresh_from_db()
    # The session still points at the (anonymised) account: the PROTECT key never fires,
    # and the hours delivered still count for "a coach".
    assert group.coach_id == coach.pk and group.hours == Decimal("3")
    assert group.coach.get_full_name() == "Użytkownik usunięty"
    assert group.private_notes == ""
    assert group.shared_notes == SHARED  # the coachees' to read
    # Another coach's notes are not touched.
    records["alone"].refresh_from_db()
    assert records["alone"].private_notes == OTHER_PRIVATE
    # The coachees now see an anonymous coach.
    assert person_data(records["anna"])["coaching"][0]["coach"] == "Użytkownik usunięty"


def test_erasing_a_register_only_person_keeps_every_count(records):
    bartosz = records["bartosz"]
    before = hours_recorded()
    erase_person(bartosz)
    assert hours_recorded() == before
    bartosz.refresh_from_db()
    assert bartosz.erased_at is not None
    assert Attendance.objects.filter(person=bartosz).count() == 2
    # His individual session keeps its date, topic and hours, not what was written about
    # him; the group session keeps its notes, as Anna still reads them.
    alone, group = records["alone"], records["group"]
    alone.refresh_from_db()
    group.refresh_from_db()
    assert (alone.goals, alone.shared_notes, alone.private_notes) == ("", "", "")
    assert alone.hours == Decimal("1.5") and alone.topic == "Rozmowa motywująca – przygotowanie"
    assert (group.shared_notes, group.private_notes) == (SHARED, PRIVATE)
    dumped = json.dumps(person_data(bartosz), ensure_ascii=False)
    assert "Bartosz" not in dumped and "bartosz.inny" not in dumped


def test_a_group_session_loses_its_notes_once_every_coachee_is_erased(records):
    erase_person(records["anna"])
    erase_person(records["bartosz"])
    group = records["group"]
    group.refresh_from_db()
    assert (group.goals, group.shared_notes, group.private_notes) == ("", "", "")
    assert group.hours == Decimal("3") and group.coachees.count() == 2


# --- retention --------------------------------------------------------------------------


def _ago(years=0, days=0):
    today = timezone.localdate()
    return today.replace(year=today.year - years) - datetime.timedelta(days=days)


@pytest.fixture
def retention(db, settings):
    """One person per rule, named after the case. The retention period is 5 years."""
    settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS = 5
    old = ProjectFactory(code="old", starts_on=_ago(8), ends_on=_ago(6))
    at_cutoff = ProjectFactory(code="cutoff", starts_on=_ago(7), ends_on=_ago(5))
    day_before = ProjectFactory(code="before", starts_on=_ago(7), ends_on=_ago(5, days=1))
    live = ProjectFactory(code="live", starts_on=_ago(1), ends_on=_ago(-1))
    open_ended = ProjectFactory(code="open", starts_on=_ago(9), ends_on=None)

    def event(project, when):
        return event_with_days([(when, "09:00", "15:00")], project=project)

    def person(case, years_added=7):
        someone = PersonFactory(first_name=case, last_name="Przypadek")
        added = timezone.now() - datetime.timedelta(days=365 * years_added)
        Person.objects.filter(pk=someone.pk).update(created_at=added)
        return someone

    old_day = event(old, _ago(7)).days.get()
    attend(person("old project only"), old_day)
    both = person("old and live project")
    attend(both, old_day)
    CoachingSessionFactory(coachees=[both], project=live, date=_ago(0, days=30))
    attend(person("project ended exactly at the cutoff"), event(at_cutoff, _ago(6)).days.get())
    attend(person("project ended the day before the cutoff"), event(day_before, _ago(6)).days.get())
    attend(person("project without an end"), event(open_ended, _ago(8)).days.get())
    holder = person("account holder")
    holder.user = UserFactory()
    holder.save()
    attend(holder, old_day)
    CoachingSessionFactory(coachees=[person("old coaching outside projects")], date=_ago(7))
    SupervisionSessionFactory(members=[person("recent supervision outside projects")], date=_ago(1))
    SupervisionSessionFactory(members=[person("old supervision in old project")], project=old)
    person("nothing recorded, added long ago")
    person("nothing recorded, added this year", years_added=0)
    attend(person("added this year to an old project", years_added=0), old_day)
    recent_talk = event_with_days([(_ago(0, days=10), "10:00", "12:00")])
    recent_talk.trainers.add(person("trainer of a recent event outside projects"))
    planned = event_with_days([])  # no days yet
    Registration.objects.create(event=planned, person=person("registered for a planned event"))
    already = person("already erased")
    attend(already, old_day)
    people.erase(already)
    return {
        "old project only",
        "project ended the day before the cutoff",
        "old coaching outside projects",
        "old supervision in old project",
        "nothing recorded, added long ago",
        "added this year to an old project",
    }


def test_retention_cutoff_is_the_same_day_years_back():
    assert retention_cutoff(datetime.date(2025, 3, 14), 5) == datetime.date(2020, 3, 14)
    assert retention_cutoff(datetime.date(2024, 2, 29), 5) == datetime.date(2019, 2, 28)


def test_expired_people_follow_the_rules(retention):
    expected = retention
    assert set(expired_people().values_list("first_name", flat=True)) == expected


def test_purge_dry_run_changes_nothing(retention):
    before = hours_recorded()
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    output = out.getvalue()
    assert "Okres przechowywania danych: 5 lat." in output
    assert "Próba (--dry-run): usunięto by dane: 6 osób" in output
    assert "Niczego nie zmieniono." in output
    assert Person.objects.filter(erased_at__isnull=False).count() == 1  # the one erased before
    assert hours_recorded() == before


def test_purge_erases_the_expired_keeps_counts_and_runs_once(retention):
    expected = retention
    names = {
        case: list(Person.objects.filter(first_name=case).values_list("pk", flat=True))
        for case in expected
    }
    before = hours_recorded()
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    output = out.getvalue()
    assert "Usunięto dane osobowe: 6 osób" in output
    ids = sorted(pk for pks in names.values() for pk in pks)
    assert f"(identyfikatory: {', '.join(map(str, ids))})" in output
    # Names never reach the output (it may end up in a log).
    assert "Przypadek" not in output

    assert hours_recorded() == before
    erased = Person.objects.filter(pk__in=ids)
    assert all(p.erased_at and p.first_name == people.ERASED_FIRST_NAME for p in erased)
    kept = set(Person.objects.filter(erased_at__isnull=True).values_list("first_name", flat=True))
    assert kept == {
        "old and live project",
        "project ended exactly at the cutoff",
        "project without an end",
        "account holder",
        "recent supervision outside projects",
        "nothing recorded, added this year",
        "trainer of a recent event outside projects",
        "registered for a planned event",
    }

    again = StringIO()
    call_command("purge_personal_data", stdout=again)
    assert "Nie ma danych osobowych do usunięcia." in again.getvalue()
    assert Person.objects.filter(erased_at__isnull=False).count() == 7
