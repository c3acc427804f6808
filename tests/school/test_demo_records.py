"""The demo's records of support give the seeds' figures, counted straight from the
database: events per type, teaching hours and distinct participants per group of events,
the steering meetings and the exchange visit on their days and in their gminas, coaching
hours, supervision; invented people only; and a second run that changes nothing. Built
once for the module, on top of the portal's and the catalog's demo."""

import datetime
import time
from decimal import Decimal
from importlib import import_module

import pytest
from django.db import transaction
from django.db.models import Count, Sum

from portal.demo import Report
from portal.management.commands.bootstrap import DEMO_MODULES
from school import demo_records
from school.models import (
    Attendance,
    CoachingSession,
    EventDay,
    Person,
    Project,
    Registration,
    SupervisionMember,
    SupervisionSession,
    TrainingEvent,
)

COUNTED = [
    Project,
    Person,
    TrainingEvent,
    EventDay,
    Attendance,
    Registration,
    CoachingSession,
    CoachingSession.coachees.through,
    SupervisionSession,
    SupervisionMember,
]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            for name in ["portal.demo", "catalog.demo"]:
                import_module(name).build(Report())
            report = Report()
            started = time.monotonic()
            demo_records.build(report)
            seconds = time.monotonic() - started
            print(f"\nschool.demo_records built in {seconds:.2f} s")
            yield report
            transaction.set_rollback(True)


@pytest.fixture
def demo(built, db):
    return built


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def events(project, **filters):
    return TrainingEvent.objects.filter(project__code=project, **filters)


def teaching_hours(queryset):
    return EventDay.objects.filter(event__in=queryset).aggregate(total=Sum("teaching_hours"))[
        "total"
    ]


def participants(queryset):
    return Attendance.objects.filter(day__event__in=queryset).values("person").distinct().count()


def test_runs_after_the_school_demo():
    assert DEMO_MODULES.index("school.demo_records") == DEMO_MODULES.index("school.demo") + 1


def test_events_per_type(demo):
    by_type = {
        (row["project__code"], row["kind"]): row["n"]
        for row in TrainingEvent.objects.values("project__code", "kind").annotate(n=Count("pk"))
    }
    assert by_type == {
        ("kooperacje-3d", "two_day_workshop"): 30,
        ("kooperacje-3d", "educational_meeting"): 9,  # 5 one-day and 4 two-day
        ("kooperacje-3d", "steering_meeting"): 2,
        ("liderzy-2018", "one_day_training"): 16,  # two trainings in each of 8 gminas
        ("liderzy-2018", "exchange_visit"): 1,
    }


@pytest.mark.parametrize(
    "kind,title,events_n,hours,people,days",
    [
        ("two_day_workshop", "Razem znaczy lepiej", 30, 480, 424, 2),
        ("educational_meeting", "Organizowanie i prowadzenie spotkań", 5, 40, 84, 1),
        ("educational_meeting", "Dialog motywujący", 4, 64, 73, 2),
    ],
    ids=["two-day workshops", "one-day meetings", "motivational interviewing"],
)
def test_kooperacje_3d_training_figures(demo, kind, title, events_n, hours, people, days):
    group = events("kooperacje-3d", kind=kind, title__startswith=title)
    assert group.count() == events_n
    assert teaching_hours(group) == Decimal(hours)
    assert participants(group) == people
    assert {event.days.count() for event in group} == {days}
    # Every day is 9:00–15:00: 360 minutes of 45 = 8 teaching hours.
    assert set(
        EventDay.objects.filter(event__in=group).values_list("teaching_hours", flat=True)
    ) == {Decimal("8.00")}
    # In the pilot cities, in 2019, in the project's span.
    assert set(group.values_list("gmina__code", flat=True)) <= set(demo_records.K3D_CITIES)
    dates = EventDay.objects.filter(event__in=group).values_list("date", flat=True)
    assert all(datetime.date(2019, 4, 1) <= date <= datetime.date(2019, 12, 31) for date in dates)


def test_workshops_have_repeat_and_partial_attendance(demo):
    workshops = events("kooperacje-3d", kind="two_day_workshop")
    rows = Attendance.objects.filter(day__event__in=workshops)
    participations = rows.values("person", "day__event").distinct().count()
    assert participations > 424  # some people came to both workshops of their city
    assert rows.filter(hours__isnull=False).exists()  # some left early
    one_day_only = rows.values("person", "day__event").annotate(n=Count("pk")).filter(n=1).count()
    assert one_day_only > 0


@pytest.mark.parametrize(
    "title,gmina,dates",
    [
        ("Katowice", "2469011", [datetime.date(2019, 6, 26), datetime.date(2019, 6, 27)]),
        ("Ustroń", "2403021", [datetime.date(2019, 11, 14), datetime.date(2019, 11, 15)]),
    ],
)
def test_steering_meetings(demo, title, gmina, dates):
    meeting = events("kooperacje-3d", kind="steering_meeting", title__endswith=title).get()
    assert meeting.gmina.code == gmina
    assert list(meeting.days.values_list("date", flat=True)) == dates
    assert participants(TrainingEvent.objects.filter(pk=meeting.pk)) > 20
    # Attended, not taught: no teaching hours added to the reports.
    assert teaching_hours(TrainingEvent.objects.filter(pk=meeting.pk)) == 0


def test_liderzy_trainings_and_the_exchange_visit(demo):
    project = Project.objects.get(code="liderzy-2018")
    assert (project.starts_on, project.ends_on) == (
        datetime.date(2018, 4, 1),
        datetime.date(2018, 12, 31),
    )
    trainings = events("liderzy-2018", kind="one_day_training")
    assert set(trainings.values_list("gmina__code", flat=True)) == set(demo_records.LIDERZY_GMINAS)
    assert {t.split(": ")[1] for t in trainings.values_list("title", flat=True)} == {
        "zasady i formy współpracy",
        "efektywna praca z rodziną",
    }
    visit = events("liderzy-2018", kind="exchange_visit").get()
    assert visit.gmina.code == "2005092"  # Narewka
    assert list(visit.days.values_list("date", flat=True)) == [
        datetime.date(2018, 11, 6),
        datetime.date(2018, 11, 7),
        datetime.date(2018, 11, 8),
    ]
    assert participants(TrainingEvent.objects.filter(pk=visit.pk)) == 40
    every_day = Attendance.objects.filter(day__event=visit).values("day").annotate(n=Count("pk"))
    assert {row["n"] for row in every_day} == {40}
    assert visit.trainers.count() == 3  # two advisors and the moderator
    everything = EventDay.objects.filter(event__project=project).values_list("date", flat=True)
    assert all(project.starts_on <= date <= project.ends_on for date in everything)


def test_coaching_and_supervision(demo):
    k3d = CoachingSession.objects.filter(project__code="kooperacje-3d")
    total = k3d.aggregate(total=Sum("hours"))["total"]
    assert Decimal("500") < total < Decimal("550")  # "ponad 500 godzin coachingu"
    assert set(k3d.values_list("form", flat=True)) == {"individual", "group"}
    dates = k3d.values_list("date", flat=True)
    assert min(dates) >= datetime.date(2019, 4, 1) and max(dates) <= datetime.date(2019, 12, 31)
    assert "coach" in set(k3d.values_list("coach__username", flat=True))

    group = CoachingSession.objects.get(project__code="liderzy-2018", form="group")
    assert group.date == datetime.date(2018, 10, 30)
    assert "Urzędu Marszałkowskiego" in group.shared_notes
    assert group.coachees.count() == 8  # the animators of the eight teams

    supervision = SupervisionSession.objects.filter(project__code="kooperacje-3d")
    assert supervision.exists()
    dates = supervision.values_list("date", flat=True)
    assert min(dates) >= datetime.date(2019, 11, 1) and max(dates) <= datetime.date(2019, 12, 31)
    for session in supervision:
        # The supervisor works for none of the members' institutions.
        assert session.supervisor.institution_id is None
        assert session.members.count() == 5
    # One member of one team has not consented: the rule has something to hold back.
    assert SupervisionMember.objects.filter(consented=False).count() == 1


def test_the_demo_learner_is_a_participant_and_a_coachee(demo):
    person = Person.objects.get(user__username="uczestnik")
    assert person.coaching_sessions.filter(project__code="liderzy-2018").exists()
    assert Attendance.objects.filter(person=person).exists()


def test_people_are_invented_professionals(demo):
    people = Person.objects.all()
    assert people.count() > 550
    emails = people.exclude(user__isnull=False).values_list("email", flat=True)
    assert all(email.endswith("@przyklad.example") for email in emails)
    # The seeds name real officials: their names never appear.
    for surname in ("Bętkowski", "Bętkowska", "Janik"):
        assert not people.filter(last_name=surname).exists()
    # Workplaces come from the demo catalog; positions are filled in.
    assert not people.filter(institution__isnull=False, institution__is_demo=False).exists()
    assert people.filter(institution__isnull=False).count() > 550
    assert not people.filter(position="").exists()
    workshop_people = people.filter(attendance__day__event__kind="two_day_workshop").distinct()
    assert all(p.gmina.code in demo_records.K3D_CITIES for p in workshop_people)


def test_a_second_run_changes_nothing(demo):
    before = counts()
    report = Report()
    started = time.monotonic()
    demo_records.build(report)
    assert report.created == []
    assert counts() == before
    assert time.monotonic() - started < 2


def test_the_plan_is_deterministic():
    first, second = demo_records.plan_all(), demo_records.plan_all()
    assert list(first.people) == list(second.people)
    assert [e.attendance for e in first.events] == [e.attendance for e in second.events]


def test_the_ledger_reports_the_seeds_figures(demo):
    from school import ledger

    k3d = Project.objects.get(code="kooperacje-3d")
    workshops = ledger.report(
        ledger.LedgerFilters(
            date_from=datetime.date(2019, 1, 1),
            date_to=datetime.date(2019, 12, 31),
            project=k3d,
            support="two_day_workshop",
        )
    )
    assert (workshops.events, workshops.teaching_hours, workshops.unique_participants) == (
        30,
        Decimal("480.00"),
        424,
    )
    whole = ledger.report(ledger.LedgerFilters(project=k3d))
    coaching = whole.coaching_individual_hours + whole.coaching_group_hours
    assert Decimal("500") < coaching < Decimal("550")
    visit = ledger.report(ledger.LedgerFilters(support="exchange_visit"))
    assert (visit.events, visit.unique_participants) == (1, 40)
