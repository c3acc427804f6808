"""The e-School in a browser: axe (WCAG 2.1 A and AA) on the course list, a course, a lesson
with its quiz (before and after an attempt) and the "my learning" dashboard; a learner
taking a lesson and its quiz with the keyboard alone; the pages at 320 CSS pixels."""

import decimal
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.test_accessibility import axe_violations, describe, horizontal_overflow
from tests.e2e.test_keyboard import focused

pytestmark = pytest.mark.browser

MAX_TABS = 80
NARROW = {"width": 320, "height": 640}


@dataclass
class SchoolSite:
    index: dict
    course: str
    lesson: str
    quiz_lesson: str
    dashboard: dict
    learner_pk: int
    keyboard_learner_pk: int


@pytest.fixture(scope="module")
def school_site(demo_site, django_db_blocker):
    """A course of two modules (the last lesson with a quiz) under the demo site's course
    index (made here if the demo has none), a learner part-way through it and with one
    completed course and its certificate, and a second learner enrolled but not started."""
    from django.utils import translation
    from wagtail.models import Locale, Site

    from school import services
    from school.models import CourseIndexPage
    from tests.conftest import translate
    from tests.factories import UserFactory
    from tests.factories.school import CourseIndexPageFactory, build_course

    with django_db_blocker.unblock():
        home = Site.objects.get(is_default_site=True).root_page.specific
        english = Locale.objects.get(language_code="en")
        index = CourseIndexPage.objects.child_of(home).first()
        if index is None:
            index = CourseIndexPageFactory(parent=home)
        index_en = index.get_translation_or_none(english)
        if index_en is None:
            index_en = translate(index, english, title="e-School of Cooperation", slug="e-school")
        course, _modules, lessons = build_course(
            index,
            modules=(1, 2),
            quiz_in=(3,),
            title="Kurs sprawdzany w przeglądarce",
            slug="kurs-w-przegladarce",
            hours=decimal.Decimal("6"),
        )
        done, _m, done_lessons = build_course(
            index, modules=(1,), title="Kurs już ukończony", slug="kurs-ukonczony"
        )
        learner = UserFactory(first_name="Alicja", last_name="Testowa")
        enrolment = services.enrol(learner, course)
        services.mark_read(enrolment, lessons[0])
        finished = services.enrol(learner, done)
        services.mark_read(finished, done_lessons[0])
        keyboard_learner = UserFactory(first_name="Bartosz", last_name="Klawiatura")
        services.enrol(keyboard_learner, course)
        urls = {}
        for language, page in (("pl", index), ("en", index_en)):
            with translation.override(language):
                urls[language] = page.url + page.reverse_subpage("dashboard").lstrip("/")
        return SchoolSite(
            index={"pl": index.url, "en": index_en.url},
            course=course.url,
            lesson=lessons[0].url,
            quiz_lesson=lessons[2].url,
            dashboard=urls,
            learner_pk=learner.pk,
            keyboard_learner_pk=keyboard_learner.pk,
        )


def log_in(context, live_server, user_pk):
    """A session for the user, given to the browser as its cookie (the login form is the
    accounts app's own business, tested there)."""
    from portal.models import User

    client = Client()
    client.force_login(User.objects.get(pk=user_pk))
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def check_axe(page, url):
    response = page.goto(url)
    assert response.status == 200, url
    assert page.evaluate(
        "() => [...document.styleSheets].some(s => s.href && s.href.endsWith('/css/school.css')"
        " && s.cssRules.length > 0)"
    ), "school.css did not load"
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_course_index_has_no_axe_violations(page, school_site, language):
    check_axe(page, school_site.index[language])


def test_course_and_lesson_for_anonymous_visitors(page, school_site):
    check_axe(page, school_site.course)
    check_axe(page, school_site.quiz_lesson)
    assert page.locator(".school-locked a").count() == 1


@pytest.mark.parametrize("language", ["pl", "en"])
def test_dashboard_has_no_axe_violations(page, context, live_server, school_site, language):
    log_in(context, live_server, school_site.learner_pk)
    check_axe(page, school_site.dashboard[language])
    assert page.locator("#certificates tbody tr").count() >= 1
    assert page.locator("progress").count() >= 2


def test_course_and_quiz_lesson_for_a_learner(page, context, live_server, school_site):
    log_in(context, live_server, school_site.learner_pk)
    check_axe(page, school_site.course)
    check_axe(page, school_site.quiz_lesson)
    # After a wrong attempt the page shows the results and the feedback: checked too.
    page.locator(".school-quiz-form input[type=radio]").nth(1).check()
    page.locator(".school-quiz-form input[type=checkbox]").nth(2).check()
    page.locator(".school-quiz-form button[type=submit]").click()
    page.wait_for_selector("#quiz-result")
    violations = axe_violations(page)
    assert not violations, f"axe after a quiz attempt:\n{describe(violations)}"
    # An unanswered submission: the error is tied to its question.
    page.locator(".school-quiz-form button[type=submit]").click()
    page.wait_for_selector(".school-question.has-error")
    described = page.locator(".school-question.has-error").first.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text().strip() == "Odpowiedz na to pytanie."
    violations = axe_violations(page)
    assert not violations, f"axe with a quiz error:\n{describe(violations)}"


@pytest.mark.parametrize("kind", ["index", "dashboard", "quiz_lesson"])
def test_school_pages_at_320_px(page, context, live_server, school_site, kind):
    log_in(context, live_server, school_site.learner_pk)
    page.set_viewport_size(NARROW)
    url = getattr(school_site, kind)
    page.goto(url["pl"] if isinstance(url, dict) else url)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow


def tab_to(page, wanted, what):
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        seen.append(element)
        if element and wanted(element):
            assert element["outline"] or element["shadow"], f"no visible focus on {element}"
            return element
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {what}; focus went through {seen}")


def test_a_lesson_and_its_quiz_with_the_keyboard_alone(page, context, live_server, school_site):
    log_in(context, live_server, school_site.keyboard_learner_pk)
    page.goto(school_site.course)
    # Start the course from its page: the "Start" link is a link, reached with Tab.
    tab_to(page, lambda e: e["tag"] == "a" and "button" in e["className"], "the start link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(school_site.lesson)
    tab_to(
        page,
        lambda e: e["tag"] == "button" and e["text"] == "Oznacz jako przeczytaną",
        "mark as read",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".school-message--success")
    assert "Lekcja oznaczona jako przeczytana." in page.locator(".school-messages").inner_text()
    # On to the next lessons by the "next lesson" link, until the one with the quiz.
    for _ in range(2):
        tab_to(
            page,
            lambda e: e["tag"] == "a" and (e["text"] or "").startswith("Następna lekcja"),
            "next lesson",
        )
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.url.endswith(school_site.quiz_lesson)
    # First question (radios): one Tab stop for the group; Space chooses the first answer.
    first = tab_to(page, lambda e: e["tag"] == "input" and e["id"].endswith("-0"), "the answers")
    page.keyboard.press("Space")
    # Second question (checkboxes), its own Tab stops: the first two answers are right.
    page.keyboard.press("Tab")
    second = focused(page)
    assert second["id"].endswith("-0") and second["id"] != first["id"], second
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused(page)["id"].endswith("-1")
    page.keyboard.press("Space")
    tab_to(page, lambda e: e["tag"] == "button" and e["text"] == "Sprawdź odpowiedzi", "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector("#quiz-result")
    result = page.locator("#quiz-result").inner_text()
    assert "Zaliczony" in result
    assert "100%" in result
