"""Factories for the e-School's records of support: projects, people, training events with
their days and attendance, coaching and supervision sessions.

`event_with_days(days=[(date, "09:00", "15:00"), ...], **event_fields)` makes an event and
its days (teaching hours counted from the times unless a fourth item gives them);
`attend(person, *days, hours=None)` records presence."""

import datetime
import decimal

import factory
from factory.django import DjangoModelFactory

from school.models import (
    Attendance,
    CoachingSession,
    EventDay,
    EventKind,
    Person,
    Project,
    SupervisionMember,
    SupervisionSession,
    TrainingEvent,
)
from tests.factories.portal import UserFactory


class ProjectFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Projekt kooperacji {n}")
    code = factory.Sequence(lambda n: f"projekt-{n}")
    starts_on = datetime.date(2019, 1, 1)
    ends_on = datetime.date(2020, 12, 31)

    class Meta:
        model = Project


class PersonFactory(DjangoModelFactory):
    first_name = factory.Sequence(lambda n: f"Imię{n}")
    last_name = factory.Sequence(lambda n: f"Nazwisko{n}")
    email = factory.Sequence(lambda n: f"osoba{n}@przyklad.example")

    class Meta:
        model = Person


class TrainingEventFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Warsztat kooperacji {n}")
    kind = EventKind.TWO_DAY_WORKSHOP

    class Meta:
        model = TrainingEvent


def _time(value):
    if isinstance(value, datetime.time):
        return value
    hours, minutes = value.split(":")
    return datetime.time(int(hours), int(minutes))


def event_with_days(days, **event_fields):
    event = TrainingEventFactory(**event_fields)
    for item in days:
        date, starts, ends = item[:3]
        hours = decimal.Decimal(str(item[3])) if len(item) > 3 else None
        EventDay.objects.create(
            event=event,
            date=date,
            starts_at=_time(starts),
            ends_at=_time(ends),
            teaching_hours=hours,
        )
    event.refresh_from_db()
    return event


def attend(person, *days, hours=None):
    return [
        Attendance.objects.create(
            day=day,
            person=person,
            hours=None if hours is None else decimal.Decimal(str(hours)),
        )
        for day in days
    ]


class CoachingSessionFactory(DjangoModelFactory):
    """`coachees`: a list of people (one for individual coaching)."""

    coach = factory.SubFactory(UserFactory)
    date = datetime.date(2019, 6, 3)
    hours = decimal.Decimal("1.5")
    topic = factory.Sequence(lambda n: f"Praca w zespole zadaniowym, spotkanie {n}")
    goals = "Uporządkowanie ról w zespole."
    shared_notes = "Ustalenia wspólne z coachem."
    private_notes = "Notatka wyłącznie dla coacha."

    class Meta:
        model = CoachingSession
        skip_postgeneration_save = True

    @factory.post_generation
    def coachees(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coachees.set(extracted)


class SupervisionSessionFactory(DjangoModelFactory):
    """`members`: a list of people; `consented`: True, False or a list of booleans."""

    supervisor = factory.SubFactory(UserFactory)
    team_name = factory.Sequence(lambda n: f"Zadaniowy zespół kooperacyjny {n}")
    date = datetime.date(2019, 11, 20)
    hours = decimal.Decimal("3")
    conclusions = "Wnioski z superwizji zespołu."

    class Meta:
        model = SupervisionSession
        skip_postgeneration_save = True

    @factory.post_generation
    def members(obj, create, extracted, consented=False, **kwargs):
        if not (create and extracted):
            return
        flags = consented if isinstance(consented, list) else [consented] * len(extracted)
        for person, flag in zip(extracted, flags, strict=True):
            SupervisionMember.objects.create(session=obj, person=person, consented=flag)
