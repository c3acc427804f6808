"""The server-side cache of a logged-in person's own pages (portal.personal_cache): a repeat
view of the e-School dashboard or a lesson is served without running the view, and never
shows stale progress, another person's page or an old session's page."""

import pytest
from django.contrib import messages

from portal.cache import invalidate as publish_happened
from school import services
from school.certificates import revoke
from tests.factories import UserFactory
from tests.factories.school import CourseIndexPageFactory, build_course
from tests.utils import soup

HEADER = "X-Personal-Cache"
DASHBOARD = "/pl/e-szkola/moje/"


@pytest.fixture
def course(site):
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    return build_course(index, modules=(2, 2), quiz_in=(4,), publish=False, title="Kurs")


@pytest.fixture
def learner(course):
    person = UserFactory()
    services.enrol(person, course[0])
    return person


def cached(client, url):
    """GET `url` until its page is in the cache (the first view may set the CSRF cookie,
    and a response that sets a cookie is not kept); returns the last response."""
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200
        if response.get(HEADER) in ("miss", "hit"):
            return response
    raise AssertionError("the page was never stored")


def percent(response):
    return soup(response).find("progress")["value"]


def test_repeat_dashboard_view_is_a_hit_with_two_queries(
    learner, client, django_assert_max_num_queries
):
    client.force_login(learner)
    first = cached(client, DASHBOARD)
    # The session and the user: nothing else is read.
    with django_assert_max_num_queries(2):
        second = client.get(DASHBOARD)
    assert second[HEADER] == "hit"
    assert second.content == first.content
    # Still for this person only: browsers and proxies must not keep it.
    assert "private" in second["Cache-Control"]
    assert "no-store" in second["Cache-Control"]


def test_repeat_lesson_view_is_a_hit_and_resume_still_points_to_it(
    course, learner, client, django_assert_max_num_queries
):
    _course, _modules, lessons = course
    client.force_login(learner)
    cached(client, lessons[1].url)
    cached(client, lessons[0].url)
    enrolment = services.enrolment_for(learner, _course)
    assert enrolment.last_lesson_id == lessons[0].pk
    # Opening another lesson again must move "resume" back: the hit path cannot skip it.
    response = client.get(lessons[1].url)
    assert response.get(HEADER) != "hit"
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == lessons[1].pk
    with django_assert_max_num_queries(2):
        assert client.get(lessons[1].url)[HEADER] == "hit"


def test_marking_a_lesson_read_shows_on_the_next_view(course, learner, client):
    _course, _modules, lessons = course
    client.force_login(learner)
    assert percent(cached(client, DASHBOARD)) == "0"
    page = cached(client, lessons[0].url)
    client.post(lessons[0].url, {"action": "read"})
    client.get(lessons[0].url)  # shows and consumes the message: never kept
    after = client.get(DASHBOARD)
    assert after.get(HEADER) != "hit"
    assert percent(after) == "25"
    assert client.get(lessons[0].url).content != page.content


def test_passing_a_quiz_shows_on_the_next_view(course, learner, client):
    _course, _modules, lessons = course
    quiz_lesson = lessons[3]
    quiz_lesson.refresh_from_db()
    client.force_login(learner)
    before = cached(client, quiz_lesson.url)
    assert "quiz-result" not in before.content.decode()
    enrolment = services.enrolment_for(learner, _course)
    services.mark_read(enrolment, quiz_lesson)
    cached(client, DASHBOARD)
    answers = {}
    for block in quiz_lesson.quiz:
        answers[block.id] = [
            str(n) for n, choice in enumerate(block.value["choices"]) if choice["correct"]
        ]
    attempt = services.submit_quiz(enrolment, quiz_lesson, answers)
    assert attempt.passed
    after = client.get(quiz_lesson.url)
    assert after.get(HEADER) != "hit"
    assert after.context["quiz"]["passed"]
    assert percent(client.get(DASHBOARD)) == "25"


def test_enrolling_and_completing_show_at_once(site, course, client):
    _course, _modules, lessons = course
    person = UserFactory()
    client.force_login(person)
    assert soup(cached(client, DASHBOARD)).find("progress") is None
    enrolment = services.enrol(person, _course)  # e.g. by a coordinator
    shown = client.get(DASHBOARD)
    assert shown.get(HEADER) != "hit"
    assert percent(shown) == "0"
    cached(client, DASHBOARD)
    for lesson in lessons[:3]:
        services.mark_read(enrolment, lesson)
    services.mark_read(enrolment, lessons[3])
    services.submit_quiz(
        enrolment,
        lessons[3],
        {
            block.id: [str(n) for n, c in enumerate(block.value["choices"]) if c["correct"]]
            for block in lessons[3].quiz
        },
    )
    enrolment.refresh_from_db()
    certificate = enrolment.certificate
    page = client.get(DASHBOARD)
    assert certificate.code in page.content.decode()
    cached(client, DASHBOARD)
    revoke(certificate, "Błąd w danych", by=UserFactory())
    page = client.get(DASHBOARD)
    assert page.get(HEADER) != "hit"
    assert "Unieważniony" in page.content.decode() or "Revoked" in page.content.decode()


def test_a_publish_empties_the_cache(learner, client):
    client.force_login(learner)
    cached(client, DASHBOARD)
    publish_happened()
    assert client.get(DASHBOARD)[HEADER] == "miss"


def test_another_person_never_gets_the_page(course, learner, client):
    client.force_login(learner)
    mine = cached(client, DASHBOARD)
    other = UserFactory()
    client.force_login(other)
    theirs = client.get(DASHBOARD)
    assert theirs.get(HEADER) != "hit"
    assert soup(theirs).find("progress") is None
    assert soup(mine).find("progress") is not None


def test_a_new_session_does_not_reuse_the_old_entry(learner, client):
    client.force_login(learner)
    cached(client, DASHBOARD)
    client.logout()
    client.force_login(learner)
    assert client.get(DASHBOARD).get(HEADER) != "hit"


def test_a_renamed_learner_sees_the_new_name(learner, client):
    client.force_login(learner)
    cached(client, DASHBOARD)
    learner.first_name = "Zofia"
    learner.save()
    assert client.get(DASHBOARD).get(HEADER) != "hit"


def test_a_page_with_a_message_is_neither_served_nor_kept(course, learner, client):
    _course, _modules, lessons = course
    client.force_login(learner)
    cached(client, lessons[0].url)
    # A message waiting (here from a POST that changes nothing) is shown on the next page.
    response = client.post(lessons[0].url, {"action": "read"})
    assert response.status_code == 302
    shown = client.get(lessons[0].url)
    assert shown.get(HEADER) != "hit"
    assert [m.message for m in shown.context["messages"]]
    # Shown once: the next view neither repeats it nor came from the page that showed it.
    again = client.get(lessons[0].url)
    assert again.get(HEADER) in ("miss", None)
    assert not list(messages.get_messages(again.wsgi_request))


def test_anonymous_visitors_are_not_affected(course, client):
    _course, _modules, lessons = course
    for _ in range(2):
        response = client.get(lessons[0].url)
        assert HEADER not in response
    assert client.get(DASHBOARD).status_code == 302


def test_a_place_given_back_shows_to_everyone_at_once(site, client):
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    limited, _modules, _lessons = build_course(index, modules=(1,), publish=False, capacity=2)
    leaving = UserFactory()
    enrolment = services.enrol(leaving, limited)
    client.force_login(UserFactory())
    assert cached(client, limited.url).context["places_left"] == 1
    enrolment.status = "withdrawn"
    enrolment.save()
    again = client.get(limited.url)
    assert again.get(HEADER) != "hit"
    assert again.context["places_left"] == 2


def test_a_preview_is_never_served_from_the_cache(course, learner, client):
    _course, _modules, lessons = course
    client.force_login(learner)
    # The made-up request goes to the site's own host name: the live page is cached there.
    host = lessons[0].get_site().hostname
    for _ in range(3):
        live = client.get(lessons[0].url, HTTP_HOST=host)
    assert live[HEADER] == "hit"
    lessons[0].title = "Wersja robocza lekcji"
    preview = lessons[0].make_preview_request(live.wsgi_request)
    assert preview.get(HEADER) is None
    assert "Wersja robocza lekcji" in preview.content.decode()
