#!/usr/bin/env python
"""Made-up records of support at the scale of the issue, for benchmarks/school_report.py:
50,000 people of the participant register in gminas all over Poland (a third in
świętokrzyskie), four projects in 2019-2022, training events of every type with their
days and exactly 1,000,000 attendance rows (some partial), 20,000 coaching sessions
(individual and group), 2,000 supervision sessions and 30,000 e-learning completions of
three courses by 10,000 people with accounts.

Everything is written in bulk: people, events, days and sessions with bulk_create,
attendance with COPY on PostgreSQL and executemany on SQLite. Rows are marked (person
e-mails and account names start with `bench-`, project codes with `bench-`); a database
already holding them is left as it is unless --rebuild is given.

    .venv/bin/python benchmarks/school_records_data.py             # var/bench-records.sqlite3
    .venv/bin/python benchmarks/school_records_data.py --rebuild
    DATABASE_URL=postgres://postgres@127.0.0.1:5433/bench \\
        .venv/bin/python benchmarks/school_records_data.py

About 2 minutes on SQLite on a 2-core machine. Nothing but the chosen database is
touched."""

import argparse
import datetime
import os
import random
import secrets
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PREFIX = "bench-"
PEOPLE = 50_000
ATTENDANCE_ROWS = 1_000_000
COACHING_SESSIONS = 20_000
SUPERVISION_SESSIONS = 2_000
LEARNERS = 10_000
COMPLETIONS = 30_000
TRAINERS = 300
COACHES = 120
SEED = 2019
BATCH = 5_000
FIRST_DAY = datetime.date(2019, 1, 1)
DAYS = 4 * 365
FIRST_NAMES = [
    "Agnieszka", "Aleksandra", "Anna", "Barbara", "Beata", "Dorota", "Elżbieta", "Ewa",
    "Joanna", "Katarzyna", "Magdalena", "Małgorzata", "Monika", "Renata", "Zofia",
    "Adam", "Andrzej", "Grzegorz", "Jakub", "Krzysztof", "Łukasz", "Marek", "Paweł",
    "Piotr", "Tomasz",
]  # fmt: skip
LAST_NAMES = [
    "Adamczyk", "Bąk", "Chmiel", "Dudek", "Gołąb", "Jaworski", "Kaczmarek", "Kowalczyk",
    "Krawczyk", "Lis", "Mazur", "Nowicki", "Ostrowski", "Pawlak", "Sikora", "Sowa",
    "Szewczyk", "Walczak", "Wróbel", "Zając", "Żak", "Ślusarczyk",
]  # fmt: skip
# (kind, days, share of events)
KINDS = [
    ("two_day_workshop", 2, 30),
    ("one_day_training", 1, 30),
    ("workshop", 1, 15),
    ("educational_meeting", 1, 10),
    ("exchange_visit", 2, 5),
    ("expert_visit", 1, 5),
    ("conference", 1, 5),
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def default_database():
    return f"sqlite:///{ROOT / 'var' / 'bench-records.sqlite3'}"


def setup_django(database_url=None):
    """The production settings (benchmarks.settings: DEBUG off) on the chosen database,
    with a throwaway secret; no Elasticsearch or Redis."""
    url = database_url or os.environ.get("DATABASE_URL") or default_database()
    (ROOT / "var").mkdir(exist_ok=True)
    os.chdir(ROOT)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(48)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    for name in ("ELASTICSEARCH_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    return url


def describe_database():
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version} ({connection.settings_dict['NAME']})"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return f"PostgreSQL {version}"


def generated():
    from school.models import Project

    return Project.objects.filter(code__startswith=PREFIX).exists()


def remove():
    """Delete what an earlier run made (in dependency order)."""
    from django.db import connection

    log("removing the earlier benchmark records ...")
    statements = [
        "DELETE FROM school_attendance WHERE person_id IN "
        "(SELECT id FROM school_person WHERE email LIKE 'bench-%%')",
        "DELETE FROM school_supervisionmember WHERE person_id IN "
        "(SELECT id FROM school_person WHERE email LIKE 'bench-%%')",
    ]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    from portal.models import User
    from school.models import (
        CoachingSession,
        Enrolment,
        EventDay,
        Person,
        Project,
        SupervisionSession,
        TrainingEvent,
    )

    projects = Project.objects.filter(code__startswith=PREFIX)
    CoachingSession.objects.filter(project__in=projects).delete()
    SupervisionSession.objects.filter(project__in=projects).delete()
    EventDay.objects.filter(event__project__in=projects).delete()
    TrainingEvent.objects.filter(project__in=projects).delete()
    Enrolment.objects.filter(user__username__startswith=PREFIX).delete()
    Person.objects.filter(email__startswith=PREFIX).delete()
    User.objects.filter(username__startswith=PREFIX).delete()
    projects.delete()


def random_day(rng):
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def courses():
    """Three e-learning courses of 8, 16 and 24 hours under a course index of their own."""
    from wagtail.models import Page

    from school.models import CourseIndexPage, CoursePage

    index = CourseIndexPage.objects.filter(slug="bench-e-szkola").first()
    if index is None:
        root = Page.get_first_root_node()
        index = root.add_child(
            instance=CourseIndexPage(title="e-Szkoła (benchmark)", slug="bench-e-szkola")
        )
    made = []
    for number, hours in enumerate((8, 16, 24), start=1):
        course = CoursePage.objects.filter(slug=f"bench-kurs-{number}").first()
        if course is None:
            course = index.add_child(
                instance=CoursePage(
                    title=f"Kurs kooperacji {number} (benchmark)",
                    slug=f"bench-kurs-{number}",
                    hours=Decimal(hours),
                    issuer="Regionalny Ośrodek Polityki Społecznej (benchmark)",
                )
            )
        made.append(course)
    return made


def write_attendance(rows):
    """(day_id, person_id, hours or None, recorded_at) rows, by the fastest way there is."""
    from django.db import connection

    columns = "day_id, person_id, hours, recorded_at"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY school_attendance ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(
                f"INSERT INTO school_attendance ({columns}) VALUES (%s, %s, %s, %s)",
                [(d, p, None if h is None else str(h), r) for d, p, h, r in rows],
            )


def generate(seed=SEED):
    from django.db import transaction
    from django.utils import timezone

    from catalog.models import Territory
    from portal.models import User
    from school.models import (
        CoachingSession,
        Enrolment,
        EventDay,
        Person,
        Project,
        SupervisionMember,
        SupervisionSession,
        TrainingEvent,
    )

    rng = random.Random(seed)
    now = timezone.now()
    started = time.monotonic()
    gminas = list(Territory.objects.filter(level="gmina", active=True).values_list("id", "code"))
    local = [pk for pk, code in gminas if code.startswith("26")]
    anywhere = [pk for pk, _code in gminas]

    with transaction.atomic():
        projects = [
            Project.objects.create(
                name=f"Projekt kooperacji {year} (benchmark)",
                code=f"{PREFIX}{year}",
                starts_on=datetime.date(year, 1, 1),
                ends_on=datetime.date(year, 12, 31),
            )
            for year in (2019, 2020, 2021, 2022)
        ]
        project_of_year = {2019 + n: project for n, project in enumerate(projects)}

        log(f"{PEOPLE:,} people ...")
        people = Person.objects.bulk_create(
            [
                Person(
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    email=f"{PREFIX}{n:05d}@example.org",
                    gmina_id=rng.choice(local) if rng.random() < 0.33 else rng.choice(anywhere),
                    created_at=now,
                )
                for n in range(PEOPLE)
            ],
            batch_size=BATCH,
        )
        person_ids = [person.pk for person in people]
        trainer_ids = person_ids[:TRAINERS]

        log("events and their days ...")
        kinds = [kind for kind, _days, share in KINDS for _ in range(share)]
        length = {kind: days for kind, days, _share in KINDS}
        # Participants per event: 10-40 people, 90% on each day of a two-day event; the
        # events are made until the rows reach ATTENDANCE_ROWS exactly.
        plans, total = [], 0
        while total < ATTENDANCE_ROWS:
            kind = rng.choice(kinds)
            first = random_day(rng)
            size = rng.randint(10, 40)
            plans.append((kind, first, size))
            total += size * length[kind]
        events = TrainingEvent.objects.bulk_create(
            [
                TrainingEvent(
                    title=f"Szkolenie kooperacji nr {n + 1}",
                    kind=kind,
                    project=project_of_year[first.year],
                    gmina_id=rng.choice(local),
                    teaching_hour_minutes=45,
                    created_at=now,
                    starts_on=first,
                    ends_on=first + datetime.timedelta(days=length[kind] - 1),
                    import_key=f"{PREFIX}{n}",
                )
                for n, (kind, first, _size) in enumerate(plans)
            ],
            batch_size=BATCH,
        )
        TrainingEvent.trainers.through.objects.bulk_create(
            [
                TrainingEvent.trainers.through(trainingevent_id=event.pk, person_id=trainer)
                for event in events
                for trainer in rng.sample(trainer_ids, rng.choice((1, 1, 2)))
            ],
            batch_size=BATCH,
        )
        days = EventDay.objects.bulk_create(
            [
                EventDay(
                    event=event,
                    date=first + datetime.timedelta(days=offset),
                    starts_at=datetime.time(9, 0),
                    ends_at=datetime.time(15, 0),
                    teaching_hours=Decimal("8.00"),
                )
                for event, (kind, first, _size) in zip(events, plans, strict=True)
                for offset in range(length[kind])
            ],
            batch_size=BATCH,
        )
        days_of = {}
        for day in days:
            days_of.setdefault(day.event_id, []).append(day.pk)

        log(f"{ATTENDANCE_ROWS:,} attendance rows ...")
        recorded = now.isoformat()
        written, batch = 0, []
        attendees = person_ids[TRAINERS:]
        for event, (_kind, _first, size) in zip(events, plans, strict=True):
            for person in rng.sample(attendees, size):
                for day in days_of[event.pk]:
                    if written + len(batch) >= ATTENDANCE_ROWS:
                        break
                    partial = Decimal(rng.choice((2, 4, 6))) if rng.random() < 0.05 else None
                    batch.append((day, person, partial, recorded))
            if len(batch) >= BATCH * 10:
                write_attendance(batch)
                written += len(batch)
                batch = []
        write_attendance(batch)
        written += len(batch)

        log(f"{COACHING_SESSIONS:,} coaching and {SUPERVISION_SESSIONS:,} supervision sessions ...")
        coaches = User.objects.bulk_create(
            [
                User(
                    username=f"{PREFIX}coach-{n:03d}",
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    password="!",
                    date_joined=now,
                )
                for n in range(COACHES)
            ]
        )
        dates = [random_day(rng) for _ in range(COACHING_SESSIONS)]
        sessions = CoachingSession.objects.bulk_create(
            [
                CoachingSession(
                    coach=rng.choice(coaches),
                    form="group" if rng.random() < 0.3 else "individual",
                    project=project_of_year[date.year],
                    date=date,
                    hours=Decimal(rng.choice(("1", "1.5", "2", "3"))),
                    topic="Sesja coachingowa (benchmark)",
                    shared_notes="Notatka wspólna (benchmark).",
                    private_notes="Notatka prywatna (benchmark).",
                    created_at=now,
                )
                for date in dates
            ],
            batch_size=BATCH,
        )
        Through = CoachingSession.coachees.through
        Through.objects.bulk_create(
            [
                Through(coachingsession_id=session.pk, person_id=person)
                for session in sessions
                for person in rng.sample(
                    attendees, 1 if session.form == "individual" else rng.randint(3, 8)
                )
            ],
            batch_size=BATCH,
        )
        supervision_dates = [random_day(rng) for _ in range(SUPERVISION_SESSIONS)]
        supervisions = SupervisionSession.objects.bulk_create(
            [
                SupervisionSession(
                    supervisor=rng.choice(coaches),
                    team_name=f"Zespół zadaniowy nr {n + 1}",
                    project=project_of_year[date.year],
                    date=date,
                    hours=Decimal("3"),
                    conclusions="Wnioski (benchmark).",
                    created_at=now,
                )
                for n, date in enumerate(supervision_dates)
            ],
            batch_size=BATCH,
        )
        SupervisionMember.objects.bulk_create(
            [
                SupervisionMember(session=session, person_id=person, consented=True)
                for session in supervisions
                for person in rng.sample(attendees, rng.randint(4, 10))
            ],
            batch_size=BATCH,
        )

        log(f"{LEARNERS:,} accounts with {COMPLETIONS:,} e-learning completions ...")
        course_pages = courses()
        learners = User.objects.bulk_create(
            [
                User(
                    username=f"{PREFIX}learner-{n:05d}",
                    first_name="Uczestnik",
                    last_name=f"{n:05d}",
                    password="!",
                    date_joined=now,
                )
                for n in range(LEARNERS)
            ],
            batch_size=BATCH,
        )
        # Each account belongs to one of the people (its register entry).
        linked = rng.sample(attendees, LEARNERS)
        Person.objects.bulk_update(
            [
                Person(pk=person, user_id=user.pk)
                for user, person in zip(learners, linked, strict=True)
            ],
            ["user"],
            batch_size=BATCH,
        )
        pairs = [(user, course) for user in learners for course in course_pages]
        rng.shuffle(pairs)
        Enrolment.objects.bulk_create(
            [
                Enrolment(
                    user=user,
                    course=course,
                    source="self",
                    enrolled_at=completed - datetime.timedelta(days=30),
                    status="completed",
                    completed_at=completed,
                )
                for user, course in pairs[:COMPLETIONS]
                for completed in [
                    datetime.datetime.combine(random_day(rng), datetime.time(12), datetime.UTC)
                ]
            ],
            batch_size=BATCH,
        )
    log(
        f"  {len(people):,} people, {len(events):,} events with {len(days):,} days, "
        f"{written:,} attendance rows, {len(sessions):,} coaching and {len(supervisions):,} "
        f"supervision sessions, {COMPLETIONS:,} completions in {time.monotonic() - started:.0f} s"
    )


def prepare(database_url=None, rebuild=False):
    """Migrate when needed and generate the records unless they are there."""
    url = setup_django(database_url)
    from django.core.management import call_command
    from django.db import connection

    log(f"database: {describe_database()}")
    if "school_attendance" not in connection.introspection.table_names():
        log("migrating ...")
        call_command("migrate", verbosity=0)
    if rebuild and generated():
        remove()
    if not generated():
        generate()
        if connection.vendor == "postgresql":
            # What autovacuum soon does to fresh rows: statistics for the planner, and the
            # visibility map that lets the report read attendance from its indexes alone.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
    return url


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", help="database URL (default: DATABASE_URL or var/)")
    parser.add_argument("--rebuild", action="store_true", help="make the records again")
    args = parser.parse_args(argv)
    prepare(args.database, rebuild=args.rebuild)
    return 0


if __name__ == "__main__":
    sys.exit(main())
