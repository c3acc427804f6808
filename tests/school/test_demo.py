"""The e-School's demo content: four courses true to the seeds, each with modules, lessons
and quizzes, in two languages; learners at every stage, certificates that verify; and a
second run that creates nothing. Built once for the module (it takes a few seconds)."""

import time

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from portal.demo import Report, ensure_demo_accounts
from school import demo
from school.certificates import verification_path
from school.models import (
    Certificate,
    CertificateEvent,
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
)
from school.permissions import can_view_enrolment
from school.services import lessons_of
from tests.utils import text

COUNTED = [
    CourseIndexPage,
    CoursePage,
    ModulePage,
    LessonPage,
    Cohort,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    Certificate,
    CertificateEvent,
]


@pytest.fixture
def built(site):
    ensure_demo_accounts(Report())
    report = Report()
    started = time.monotonic()
    demo.build(report)
    return report, time.monotonic() - started


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_the_demo_school_is_complete_and_builds_once(built, client):
    """One scenario, as the build takes seconds: what was built, then a second run."""
    report, seconds = built
    assert report.created
    print(f"school demo built in {seconds:.1f} s")

    # The index in both languages, in the menu.
    index = CourseIndexPage.objects.get(locale__language_code="pl")
    assert index.url_path.endswith("/e-szkola/") and index.show_in_menus
    english = CourseIndexPage.objects.get(locale__language_code="en")
    assert english.slug == "e-school" and english.title == "e-School of Cooperation"

    # Four courses from the seeds, each with modules, lessons with real text, and quizzes.
    courses = list(CoursePage.objects.child_of(index).live().specific())
    titles = {course.title for course in courses}
    assert {
        "Szkoła Kooperacji – poziom podstawowy",
        "Efektywna praca z rodziną",
        "Spotkania zespołu multiprofesjonalnego z udziałem osoby lub rodziny",
        "Dialog motywujący w pracy socjalnej",
    } <= titles
    lessons = lessons_of(courses, defer_body=False)
    for course in courses:
        assert course.hours > 0 and course.issuer and course.learning_outcomes
        modules = ModulePage.objects.child_of(course).live()
        assert modules.count() >= 2, course.title
        for module in modules:
            module_lessons = list(LessonPage.objects.child_of(module).live().specific())
            assert len(module_lessons) >= 2, module.title
            assert any(lesson.has_quiz for lesson in module_lessons), module.title
            for lesson in module_lessons:
                paragraphs = [b for b in lesson.body if b.block_type == "paragraph"]
                assert len(paragraphs) >= 3, lesson.title
                for question in lesson.quiz:
                    choices = question.value["choices"]
                    right = sum(1 for choice in choices if choice["correct"])
                    assert right >= 1 and (right == 1) == (question.value["kind"] == "single")
                    for choice in choices:
                        assert choice["correct"] or choice["feedback"], question.value
        assert len(lessons[course.pk]) >= 4
        translated = course.get_translation(english.locale)
        assert translated.live and translated.title != course.title
        assert translated.audience != course.audience  # English, not a copy of the Polish
        # The lessons are in Polish only: the English page says so and links there.
        assert f'href="{course.get_url_parts()[2]}"' in translated.description
    meetings = next(c for c in courses if c.slug == demo.MEETINGS)
    assert [c.slug for c in meetings.prerequisites.all()] == [demo.BASIC]

    # Learners at every stage: finished, half-way, just enrolled.
    enrolments = Enrolment.objects.select_related("course", "user")
    done = {(e.user.username, e.course.slug): e for e in enrolments}
    progress = {
        key: LessonProgress.objects.filter(enrolment=e, completed_at__isnull=False).count()
        for key, e in done.items()
    }
    completed = [key for key, e in done.items() if e.status == "completed"]
    started = [key for key, e in done.items() if e.status == "active" and progress[key]]
    not_started = [key for key, e in done.items() if e.status == "active" and not progress[key]]
    assert len(completed) >= 5 and len(started) >= 3 and len(not_started) >= 2
    assert ("uczestnik", demo.BASIC) in completed
    assert ("uczestnik", demo.FAMILY) in started
    # One learner needed a second try at each quiz of a course.
    assert QuizAttempt.objects.filter(passed=False).exists()
    # The work happened over past weeks, not all at once.
    assert all(e.enrolled_at < timezone.now() for e in done.values())
    assert len({e.enrolled_at.date() for e in done.values()}) >= 5

    # Every completed enrolment has its certificate, dated when it was completed.
    certificates = Certificate.objects.select_related("enrolment")
    assert certificates.count() == len(completed)
    for certificate in certificates:
        assert certificate.issued_on == timezone.localdate(certificate.enrolment.completed_at)
        assert certificate.issued_on < timezone.localdate()
    corrected = Certificate.objects.get(enrolment=done[("katarzyna.lecka", demo.BASIC)])
    assert corrected.learner_name == "Katarzyna Łęcka"
    assert corrected.events.get(kind="reissued").note == "Katarzyna Lecka → Katarzyna Łęcka"
    revoked = Certificate.objects.get(enrolment=done[("grzegorz.kakol", demo.BASIC)])
    assert revoked.revoked_at is not None

    # ... and they verify on the public page.
    valid = Certificate.objects.get(enrolment=done[("uczestnik", demo.BASIC)])
    for certificate, status in [(valid, "Ważny"), (revoked, "Unieważniony"), (corrected, "Ważny")]:
        response = client.get(verification_path(certificate))
        assert response.status_code == 200
        main = text(BeautifulSoup(response.content, "html.parser").main)
        assert status in main and certificate.learner_name in main

    # The demo coordinator sees their cohort, not the other one.
    koordynator = Cohort.objects.get(name__contains="Bieliny").coordinators.get()
    assert koordynator.username == "koordynator"
    assert can_view_enrolment(koordynator, done[("anna.wisniewska", demo.BASIC)])
    assert not can_view_enrolment(koordynator, done[("michal.zielinski", demo.BASIC)])

    # Course pages render in both languages; a lesson renders for the demo learner.
    for course in courses:
        assert client.get(course.url).status_code == 200, course.url
        assert client.get(course.get_translation(english.locale).url).status_code == 200
    client.force_login(valid.enrolment.user)
    lesson = lessons[valid.enrolment.course_id][-1]
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert lesson.title in response.content.decode()

    # The second run creates nothing.
    before = counts()
    again = Report()
    demo.build(again)
    assert again.created == []
    assert counts() == before
