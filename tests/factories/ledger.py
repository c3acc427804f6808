"""Hand-built records with known figures for the hour ledger, its report page and the
`report_hours` command.

`small_world(site)` is a handful of events, sessions and completions in 2019 (and a few
just outside it) whose every figure is written out in EXPECTED_2019 and the filter tables
of the tests. `seed_workshops()` enters the seeds' "30 two-day workshops: 480 teaching
hours for 424 participants" in bulk, with repeated and partial attendance."""

import datetime
from decimal import Decimal

from django.utils import timezone

from catalog.models import Territory
from school.models import Attendance, CoachingForm, EnrolmentStatus, EventKind, Person
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    ProjectFactory,
    SupervisionSessionFactory,
    attend,
    event_with_days,
)
from tests.factories.school import CourseIndexPageFactory, CoursePageFactory, EnrolmentFactory

D = datetime.date
# Distinctive text in every free-text field of the sessions: it must never reach a report.
SECRET = "POUFNE-7Q"

OKSA = "2602052"  # gmina Oksa, powiat jędrzejowski, świętokrzyskie
JEDRZEJOW = "2602023"  # gmina Jędrzejów, the same powiat
CHECINY = "2604033"  # gmina Chęciny, powiat kielecki, świętokrzyskie
WARSZAWA = "1465011"  # Warszawa, mazowieckie


def gmina(code):
    return Territory.objects.get(code=code)


def completed(user, course, when):
    return EnrolmentFactory(
        user=user,
        course=course,
        status=EnrolmentStatus.COMPLETED,
        completed_at=timezone.make_aware(when),
    )


def small_world(site):
    """People A (Oksa), B (Jędrzejów), C (Chęciny), D (Warszawa); trainers T1, T2; coaches
    K1, K2 and a supervisor; projects L (liderzy) and K (kooperacje-3d).

    E1 two-day workshop (L, T1) 4-5 March 2019, 8 h a day: A both days, B day 1, C both days
    but 5 h on day 2. E2 one-day training (K, T2) 10 June 2019, 09:00-13:30 = 6 teaching
    hours: A, D. E3 two-day workshop (L, T1) 31 December 2019 and 2 January 2020, 8 h a day:
    C both days, D on 2 January only. Coaching: S1 individual (K1, L) A 1.5 h on 1 May 2019;
    S2 group (K1, L) A, B, C 3 h on 1 July 2019; S3 individual (K2) D 2 h in February 2020.
    Supervision V1 (K) A and D, 3 h on 20 November 2019. E-learning (a 12-hour course): A's
    account in September 2019, an account without a register entry (gmina Warszawa) in
    October 2019, another in January 2020."""
    from school.models import CoachingSession  # noqa: F401 (the factories import it too)

    liderzy = ProjectFactory(name="Liderzy kooperacji", code="liderzy")
    kooperacje = ProjectFactory(name="Kooperacje 3D", code="kooperacje-3d")
    a_user = UserFactory(username="ala", first_name="Alicja", last_name="Adamska")
    people = {
        "A": PersonFactory(
            first_name="Alicja", last_name="Adamska", gmina=gmina(OKSA), user=a_user
        ),
        "B": PersonFactory(first_name="Bogdan", last_name="Bielski", gmina=gmina(JEDRZEJOW)),
        "C": PersonFactory(first_name="Celina", last_name="Cicha", gmina=gmina(CHECINY)),
        "D": PersonFactory(first_name="Dariusz", last_name="Dudek", gmina=gmina(WARSZAWA)),
    }
    trainers = {
        "T1": PersonFactory(first_name="Tomasz", last_name="Trener"),
        "T2": PersonFactory(first_name="Teresa", last_name="Trenerka"),
    }
    e1 = event_with_days(
        [(D(2019, 3, 4), "09:00", "15:00", 8), (D(2019, 3, 5), "09:00", "15:00", 8)],
        title="Warsztat: zespół interdyscyplinarny",
        kind=EventKind.TWO_DAY_WORKSHOP,
        project=liderzy,
    )
    e2 = event_with_days(
        [(D(2019, 6, 10), "09:00", "13:30")],
        title="Szkolenie jednodniowe: diagnoza lokalna",
        kind=EventKind.ONE_DAY_TRAINING,
        project=kooperacje,
    )
    e3 = event_with_days(
        [(D(2019, 12, 31), "09:00", "15:00", 8), (D(2020, 1, 2), "09:00", "15:00", 8)],
        title="Warsztat na przełomie roku",
        kind=EventKind.TWO_DAY_WORKSHOP,
        project=liderzy,
    )
    e1.trainers.add(trainers["T1"])
    e3.trainers.add(trainers["T1"])
    e2.trainers.add(trainers["T2"])
    d1, d2 = e1.days.all()
    attend(people["A"], d1, d2)
    attend(people["B"], d1)
    attend(people["C"], d1)
    attend(people["C"], d2, hours=5)
    (e2_day,) = e2.days.all()
    attend(people["A"], e2_day)
    attend(people["D"], e2_day)
    y1, y2 = e3.days.all()
    attend(people["C"], y1, y2)
    attend(people["D"], y2)

    k1 = UserFactory(username="coach1", first_name="Kinga", last_name="Coach")
    k2 = UserFactory(username="coach2", first_name="Karol", last_name="Coach")
    supervisor = UserFactory(username="superwizor", first_name="Sabina", last_name="Superwizor")
    notes = {
        "topic": f"Temat {SECRET}",
        "goals": f"Cele {SECRET}",
        "shared_notes": f"Wspólne {SECRET}",
        "private_notes": f"Prywatne {SECRET}",
    }
    sessions = {
        "S1": CoachingSessionFactory(
            coach=k1,
            coachees=[people["A"]],
            form=CoachingForm.INDIVIDUAL,
            date=D(2019, 5, 1),
            hours=Decimal("1.5"),
            project=liderzy,
            **notes,
        ),
        "S2": CoachingSessionFactory(
            coach=k1,
            coachees=[people["A"], people["B"], people["C"]],
            form=CoachingForm.GROUP,
            date=D(2019, 7, 1),
            hours=Decimal("3"),
            project=liderzy,
            **notes,
        ),
        "S3": CoachingSessionFactory(
            coach=k2,
            coachees=[people["D"]],
            form=CoachingForm.INDIVIDUAL,
            date=D(2020, 2, 1),
            hours=Decimal("2"),
            **notes,
        ),
        "V1": SupervisionSessionFactory(
            supervisor=supervisor,
            members=[people["A"], people["D"]],
            members__consented=True,
            date=D(2019, 11, 20),
            hours=Decimal("3"),
            project=kooperacje,
            team_name="Zespół zadaniowy Oksa",
            conclusions=f"Wnioski {SECRET}",
        ),
    }

    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Kurs kooperacji", hours=Decimal("12.0"))
    outsider = UserFactory(username="bez-rejestru", gmina=gmina(WARSZAWA))
    later = UserFactory(username="pozniej")
    completed(a_user, course, datetime.datetime(2019, 9, 1, 12))
    completed(outsider, course, datetime.datetime(2019, 10, 1, 12))
    completed(later, course, datetime.datetime(2020, 1, 15, 12))
    # Active, not completed: counts as nothing.
    EnrolmentFactory(user=UserFactory(), course=course)

    return {
        "projects": {"L": liderzy, "K": kooperacje},
        "people": people,
        "trainers": trainers,
        "events": {"E1": e1, "E2": e2, "E3": e3},
        "coaches": {"K1": k1, "K2": k2, "supervisor": supervisor},
        "sessions": sessions,
        "course": course,
    }


# Every figure of small_world for the year 2019, written out by hand (see its docstring).
EXPECTED_2019 = {
    "events": 3,
    "teaching_hours": Decimal("30.00"),  # 16 + 6 + 8 (only 31 December of E3)
    "participations": 6,  # E1: A, B, C; E2: A, D; E3: C
    "unique_participants": 4,
    "person_hours": Decimal("57.00"),  # E1 16 + 8 + 13; E2 6 + 6; E3 8
    "coaching_individual_sessions": 1,
    "coaching_individual_hours": Decimal("1.50"),
    "coaching_group_sessions": 1,
    "coaching_group_hours": Decimal("3.00"),
    "coachee_person_hours": Decimal("10.50"),  # 1.5 + 3 x 3
    "unique_coachees": 3,
    "supervision_sessions": 1,
    "supervision_hours": Decimal("3.00"),
    "supervision_person_hours": Decimal("6.00"),
    "unique_supervised": 2,
    "elearning_completions": 2,
    "elearning_hours": Decimal("24.00"),
    "unique_learners": 2,
    "person_hours_total": Decimal("97.50"),  # 57 + 10.5 + 6 + 24
}


# The seeds' workshops ---------------------------------------------------------------------

WORKSHOPS = 30
SEATS = 16
DISTINCT = 424


def seed_workshops(project=None, first_day=None, gmina_unit=None):
    """30 two-day workshops of 8 + 8 teaching hours, 16 seats each (480 participations).
    The first 424 seats take 424 different people; the last 56 seats (workshops 27-30) are
    taken again by the people of workshops 1-4. In every workshop the 15th person comes on
    the second day only for 4 hours, and the 16th on the first day only.

    Participations 480; attendance rows 30 x (14 x 2 + 1 + 1) = 900; person-hours
    30 x (14 x 16 + 4 + 8) = 7080."""
    first_day = first_day or D(2019, 3, 4)
    people = Person.objects.bulk_create(
        [
            Person(first_name=f"Uczestniczka{n}", last_name="Warsztatowa", gmina=gmina_unit)
            for n in range(DISTINCT)
        ]
    )
    if people[0].pk is None:
        people = list(Person.objects.filter(last_name="Warsztatowa").order_by("pk"))
    events, rows = [], []
    for number in range(WORKSHOPS):
        day = first_day + datetime.timedelta(days=7 * number)
        event = event_with_days(
            [(day, "09:00", "15:00", 8), (day + datetime.timedelta(days=1), "09:00", "15:00", 8)],
            title=f"Warsztat dwudniowy {number + 1}",
            kind=EventKind.TWO_DAY_WORKSHOP,
            project=project,
        )
        events.append(event)
        first, second = event.days.all()
        for seat in range(SEATS):
            slot = number * SEATS + seat
            person = people[slot if slot < DISTINCT else slot - DISTINCT]
            if seat == 14:
                rows.append(Attendance(day=second, person=person, hours=Decimal("4")))
            elif seat == 15:
                rows.append(Attendance(day=first, person=person))
            else:
                rows.append(Attendance(day=first, person=person))
                rows.append(Attendance(day=second, person=person))
    Attendance.objects.bulk_create(rows)
    return events, people
