#!/usr/bin/env python
"""Scale benchmark of the e-School: do the learner's dashboard and a coordinator's
participant list stay within a fixed number of SQL queries, and fast, when the database
holds 10,000 learners and 100,000 lesson-progress rows?

One run, in a database of its own (var/school_scale.sqlite3, or DATABASE_URL):

1. a fresh file is migrated and gets the demo site (portal.demo, catalog.demo and
   school.demo: the four demo courses, the demo learner "uczestnik" and coordinator
   "koordynator");
2. the pages are measured at demo size, so the query counts can be compared;
3. 10,000 invented learners in 20 cohorts are generated with bulk_create (half of the
   cohorts coordinated by "koordynator"), enrolled in 1 to 4 courses, with exactly
   100,000 lesson-progress rows, passed quiz attempts where a completed lesson has a quiz,
   completed enrolments and their certificates;
4. the same pages are measured again with Django's test client, logged in: median and
   95th percentile in ms and the number of SQL queries of each request.

    .venv/bin/python benchmarks/school_scale.py               # about 2 minutes the first time
    .venv/bin/python benchmarks/school_scale.py --requests 100
    .venv/bin/python benchmarks/school_scale.py --rebuild     # start from an empty file

A second run reuses the generated database and only measures. The figures are in-process
(no HTTP server, no network): they are what the view and the database cost."""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.school_settings")

LEARNERS = 10_000
PROGRESS_ROWS = 100_000
COHORTS = 20
BATCH = 2_000
TARGET_MS = 100.0
PREFIX = "bench-learner-"
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


def log(message):
    print(message, file=sys.stderr, flush=True)


def database_path():
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return Path(database["NAME"])
    return None


# Building -------------------------------------------------------------------------------


def prepare_site():
    from importlib import import_module

    from django.core.management import call_command
    from django.db import transaction

    from portal.demo import Report

    log("migrating ...")
    call_command("migrate", verbosity=0)
    log("building the demo site (portal, catalog, e-School) ...")
    started = time.monotonic()
    report = Report()
    with transaction.atomic():
        for name in ["portal.demo", "catalog.demo", "school.demo"]:
            import_module(name).build(report)
    log(f"  {len(report.created)} objects in {time.monotonic() - started:.1f} s")


def generate(seed=2019):
    """Learners, cohorts, enrolments and exactly PROGRESS_ROWS progress rows, in bulk."""
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from portal import roles
    from portal.models import User
    from school import services
    from school.models import (
        Certificate,
        CertificateEvent,
        Cohort,
        CoursePage,
        Enrolment,
        LessonProgress,
        QuizAttempt,
        new_code,
    )

    rng = random.Random(seed)
    now = timezone.now()
    started = time.monotonic()
    courses = list(CoursePage.objects.filter(locale__language_code="pl").order_by("path"))
    lessons = services.lessons_of(courses)
    quiz_lessons = {
        lesson.pk: {
            block.id: [n for n, c in enumerate(block.value["choices"]) if c["correct"]]
            for block in services.questions(lesson)
        }
        for course in courses
        for lesson in lessons[course.pk]
        if lesson.has_quiz
    }
    coordinator = User.objects.get(username="koordynator")
    other_coordinator, _created = User.objects.get_or_create(
        username="bench-coordinator",
        defaults={"first_name": "Druga", "last_name": "Koordynatorka", "password": "!"},
    )
    coordinators_group = Group.objects.get(name=roles.COORDINATOR)
    other_coordinator.groups.add(coordinators_group)
    trainees = Group.objects.get(name=roles.TRAINEE)

    with transaction.atomic():
        log(f"generating {LEARNERS:,} learners ...")
        users = User.objects.bulk_create(
            [
                User(
                    username=f"{PREFIX}{n:05d}",
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    email=f"{PREFIX}{n:05d}@example.org",
                    password="!",  # unusable: nobody signs in as them
                    date_joined=now,
                )
                for n in range(LEARNERS)
            ],
            batch_size=BATCH,
        )
        if users[0].pk is None:  # a backend that does not return keys
            users = list(User.objects.filter(username__startswith=PREFIX).order_by("pk"))
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=trainees.pk) for u in users],
            batch_size=BATCH,
        )

        cohorts = []
        for n in range(COHORTS):
            cohort = Cohort.objects.create(
                name=f"Kohorta testowa {n + 1:02d}",
                description="Wygenerowana przez benchmarks/school_scale.py.",
            )
            cohort.coordinators.add(coordinator if n < COHORTS // 2 else other_coordinator)
            cohorts.append(cohort)
        per_cohort = LEARNERS // COHORTS
        membership = []
        cohort_of = {}
        for i, user in enumerate(users):
            cohort = cohorts[min(i // per_cohort, COHORTS - 1)]
            cohort_of[user.pk] = cohort
            membership.append(Cohort.members.through(cohort_id=cohort.pk, user_id=user.pk))
        Cohort.members.through.objects.bulk_create(membership, batch_size=BATCH)

        log("enrolling ...")
        plans = []  # (user, course, enrolled_at)
        for user in users:
            for course in rng.sample(courses, rng.randint(1, len(courses))):
                days = rng.randint(1, 365)
                plans.append((user, course, now - datetime.timedelta(days=days)))
        # Lessons done per enrolment: random, then nudged until the total is exact.
        sizes = [len(lessons[course.pk]) for _u, course, _at in plans]
        if sum(sizes) < PROGRESS_ROWS:
            raise SystemExit("Not enough lessons to hold the progress rows; add courses.")
        done = [rng.randint(0, size) for size in sizes]
        total = sum(done)
        while total != PROGRESS_ROWS:
            i = rng.randrange(len(done))
            if total < PROGRESS_ROWS and done[i] < sizes[i]:
                done[i] += 1
                total += 1
            elif total > PROGRESS_ROWS and done[i] > 0:
                done[i] -= 1
                total -= 1

        enrolments = []
        for (user, course, enrolled_at), count, size in zip(plans, done, sizes, strict=True):
            course_lessons = lessons[course.pk]
            last = enrolled_at + datetime.timedelta(days=2 * count) if count else None
            enrolments.append(
                Enrolment(
                    user=user,
                    course=course,
                    cohort=cohort_of[user.pk],
                    source="cohort",
                    enrolled_by=coordinator,
                    enrolled_at=enrolled_at,
                    status="completed" if count == size else "active",
                    completed_at=last if count == size else None,
                    last_lesson=course_lessons[count - 1] if count else None,
                    last_activity_at=last,
                )
            )
        enrolments = Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
        if enrolments[0].pk is None:
            enrolments = list(
                Enrolment.objects.filter(user__username__startswith=PREFIX).order_by("pk")
            )

        log(f"writing {PROGRESS_ROWS:,} lesson-progress rows ...")
        progress, attempts = [], []
        for enrolment, (_user, course, enrolled_at), count in zip(
            enrolments, plans, done, strict=True
        ):
            for step, lesson in enumerate(lessons[course.pk][:count], start=1):
                when = enrolled_at + datetime.timedelta(days=2 * step)
                progress.append(
                    LessonProgress(
                        enrolment=enrolment, lesson=lesson, read_at=when, completed_at=when
                    )
                )
                if lesson.pk in quiz_lessons:
                    attempts.append(
                        QuizAttempt(
                            enrolment=enrolment,
                            lesson=lesson,
                            submitted_at=when,
                            answers=quiz_lessons[lesson.pk],
                            score=100,
                            passed=True,
                        )
                    )
            if len(progress) >= BATCH * 5:
                LessonProgress.objects.bulk_create(progress, batch_size=BATCH)
                QuizAttempt.objects.bulk_create(attempts, batch_size=BATCH)
                progress, attempts = [], []
        LessonProgress.objects.bulk_create(progress, batch_size=BATCH)
        QuizAttempt.objects.bulk_create(attempts, batch_size=BATCH)

        log("issuing certificates of the completed enrolments ...")
        taken = set(Certificate.objects.values_list("code", flat=True))
        certificates = []
        for enrolment in enrolments:
            if enrolment.status != "completed":
                continue
            code = new_code()
            while code in taken:
                code = new_code()
            taken.add(code)
            course = enrolment.course
            certificates.append(
                Certificate(
                    code=code,
                    enrolment=enrolment,
                    learner_name=f"{enrolment.user.first_name} {enrolment.user.last_name}",
                    course_title=course.title,
                    hours=course.hours,
                    issuer=course.issuer,
                    issued_on=enrolment.completed_at.date(),
                )
            )
        certificates = Certificate.objects.bulk_create(certificates, batch_size=BATCH)
        if certificates and certificates[0].pk is None:
            certificates = list(
                Certificate.objects.filter(enrolment__user__username__startswith=PREFIX)
            )
        CertificateEvent.objects.bulk_create(
            [
                CertificateEvent(certificate=c, kind="issued", at=now, note=c.learner_name)
                for c in certificates
            ],
            batch_size=BATCH,
        )
    log(
        f"  {len(users):,} learners, {len(enrolments):,} enrolments, "
        f"{LessonProgress.objects.count():,} progress rows in all, "
        f"{len(certificates):,} certificates, in {time.monotonic() - started:.1f} s"
    )


# Measuring ------------------------------------------------------------------------------


def targets():
    """(label, user name, URL) of what is measured."""
    from django.urls import reverse
    from django.utils import translation

    from school.models import CourseIndexPage, CoursePage
    from school.services import lessons_of

    with translation.override("pl"):
        index = CourseIndexPage.objects.get(locale__language_code="pl")
        dashboard = index.url + index.reverse_subpage("dashboard")
        basic = CoursePage.objects.get(slug="szkola-kooperacji-poziom-podstawowy")
        lesson = lessons_of([basic])[basic.pk][-1]
        participants = reverse("school_coordinator:participants", args=[basic.pk])
    return [
        ("dashboard (demo learner)", "uczestnik", dashboard),
        ("lesson page (demo learner)", "uczestnik", lesson.url),
        ("participant list (coordinator)", "koordynator", participants),
        ("participant list, completed", "koordynator", participants + "?status=completed"),
        # For reference: what any page of the Wagtail admin costs (menu, sidebar) here.
        ("admin home (coordinator)", "koordynator", reverse("wagtailadmin_home")),
    ]


def measure(requests):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.models import User

    rows = []
    for label, username, url in targets():
        client = Client()
        client.force_login(User.objects.get(username=username))
        for _ in range(3):  # warm-up: caches, the first connection, compiled templates
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code} for {username}")
        times, sql_times, queries = [], [], set()
        for _ in range(requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            queries.add(len(captured.captured_queries))
            sql_times.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        rows.append(
            (label, url, statistics.median(times), p95, statistics.median(sql_times), queries)
        )
    return rows


def print_table(title, rows):
    print(f"\n{title}")
    print(f"  {'page':<32} {'median ms':>9} {'p95 ms':>7} {'SQL ms':>7} {'queries':>8}  url")
    for label, url, median, p95, sql, queries in rows:
        counted = "/".join(str(q) for q in sorted(queries))
        flag = "" if median < TARGET_MS else "  (over 100 ms)"
        print(f"  {label:<32} {median:>9.1f} {p95:>7.1f} {sql:>7.1f} {counted:>8}  {url}{flag}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=30, help="measured requests per page")
    parser.add_argument("--rebuild", action="store_true", help="delete the database first")
    args = parser.parse_args()

    import warnings

    import django

    # WhiteNoise warns that there is no collected static directory: not needed here.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db import connection

    from portal.models import User
    from school.models import Enrolment, LessonProgress

    path = database_path()
    if args.rebuild:
        if path is None:
            raise SystemExit("--rebuild deletes a SQLite file only; empty the database yourself.")
        path.unlink(missing_ok=True)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    log(f"database: {path or connection.settings_dict['NAME']} ({connection.vendor})")

    before = None
    if "school_enrolment" not in connection.introspection.table_names() or not (
        User.objects.filter(username="koordynator").exists()
    ):
        prepare_site()
    if not User.objects.filter(username__startswith=PREFIX).exists():
        before = measure(args.requests)
        generate()
    after = measure(args.requests)

    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(
        f"Load average at the end: {load} on {os.cpu_count()} cores (a busy machine slows every "
        "figure but the query counts; SQL ms is the database's share of the median)."
    )
    print(
        f"e-School at scale: {User.objects.count():,} users, "
        f"{Enrolment.objects.count():,} enrolments, "
        f"{LessonProgress.objects.count():,} lesson-progress rows ({connection.vendor}); "
        f"{args.requests} requests per page, in-process, logged in"
    )
    if before:
        print_table("Demo size (before generating):", before)
    print_table("At scale:", after)
    if before:
        grew = [a[0] for a, b in zip(after, before, strict=True) if max(a[5]) > max(b[5])]
        print(
            "\nQuery counts grew with the data for: " + ", ".join(grew)
            if grew
            else "\nQuery counts are the same at demo size and at scale."
        )
    measured = ("dashboard", "participant list")
    slow = [row[0] for row in after if row[2] >= TARGET_MS and row[0].startswith(measured)]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
