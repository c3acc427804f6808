"""The learner's pages cost a fixed number of SQL queries, however many courses, lessons
and records there are: the dashboard with 1 and with 8 courses, the course list, a course
and a lesson page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from school import services
from school.people import person_for_user
from tests.factories import UserFactory
from tests.factories.records import attend, event_with_days
from tests.factories.school import CourseIndexPageFactory, build_course
from tests.utils import soup

DASHBOARD = "/pl/e-szkola/moje/"
# Session and user, the page chrome (menu, languages, footer settings and logos, breadcrumbs),
# then the dashboard's own: enrolments with courses and certificates, courses in the locale
# shown, modules, lessons with their modules, progress; the in-person trainings: the person in
# the register, their trainings, the days and their own attendance.
DASHBOARD_QUERIES = 25
LESSON_QUERIES = 27
INDEX_QUERIES = 20


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    # These counts are for rendering a page; a repeat view served from the personal page
    # cache is counted in tests/portal/test_personal_cache.py.
    settings.PERSONAL_PAGE_CACHE_SECONDS = 0


def _school(site, courses, learner):
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    lessons_by_course = []
    for number in range(courses):
        course, _modules, lessons = build_course(
            index, modules=(2, 2), quiz_in=(4,), publish=False, title=f"Kurs {number}"
        )
        enrolment = services.enrol(learner, course)
        # Alternate: some courses completed (with a certificate), some half done.
        done = lessons if number % 2 else lessons[:2]
        for lesson in done:
            if lesson.has_quiz:
                lesson.refresh_from_db()
                answers = {
                    block.id: [
                        str(n)
                        for n, choice in enumerate(block.value["choices"])
                        if choice["correct"]
                    ]
                    for block in lesson.quiz
                }
                services.submit_quiz(enrolment, lesson, answers)
            else:
                services.mark_read(enrolment, lesson)
        lessons_by_course.append(lessons)
    # In-person trainings, as many as courses, each attended on one of its two days.
    person = person_for_user(learner)
    for number in range(courses):
        event = event_with_days(
            [
                (datetime.date(2019, 5, 6 + 2 * number), "09:00", "15:00"),
                (datetime.date(2019, 5, 7 + 2 * number), "09:00", "15:00"),
            ]
        )
        attend(person, event.days.first())
    # Somebody else's records, which must not be fetched one by one either.
    other = UserFactory()
    services.enrol(other, course)
    return index, lessons_by_course


def _count(client, url):
    client.get(url)  # warm: Wagtail's site root paths, the locale
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("courses", [1, 8])
def test_dashboard_queries_do_not_grow_with_courses(
    site, client, courses, django_assert_max_num_queries
):
    learner = UserFactory()
    _school(site, courses, learner)
    client.force_login(learner)
    client.get(DASHBOARD)
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert len(soup(response).select("article.school-course-card")) == courses
    assert len(soup(response).select("#trainings tbody tr")) == courses


def test_dashboard_same_count_for_1_and_8_courses(site, client):
    one, eight = UserFactory(), UserFactory()
    _school(site, 8, eight)
    index = site.home_pl.get_children().get(slug="e-szkola")
    course, _m, _l = build_course(index, modules=(2, 2), publish=False, title="Jedyny")
    services.enrol(one, course)
    event = event_with_days([(datetime.date(2020, 1, 8), "09:00", "15:00")])
    attend(person_for_user(one), event.days.first())
    client.force_login(one)
    small = _count(client, DASHBOARD)
    client.force_login(eight)
    large = _count(client, DASHBOARD)
    assert small == large


def test_lesson_and_index_queries_are_fixed(site, client, django_assert_max_num_queries):
    learner = UserFactory()
    index, lessons = _school(site, 3, learner)
    client.force_login(learner)
    lesson = lessons[0][3]  # the quiz lesson, with a finished attempt
    client.get(lesson.url)
    with django_assert_max_num_queries(LESSON_QUERIES):
        assert client.get(lesson.url).status_code == 200
    client.get(index.url)
    with django_assert_max_num_queries(INDEX_QUERIES):
        assert client.get(index.url).status_code == 200


def test_course_page_queries_do_not_grow_with_lessons(site, client):
    learner = UserFactory()
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    small, _m, small_lessons = build_course(index, modules=(1,), publish=False)
    large, _m, large_lessons = build_course(index, modules=(4, 4, 4), publish=False)
    for course, lessons in ((small, small_lessons), (large, large_lessons)):
        enrolment = services.enrol(learner, course)
        services.mark_read(enrolment, lessons[0])
    client.force_login(learner)
    assert _count(client, small.url) == _count(client, large.url)
