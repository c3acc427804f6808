"""Quizzes are graded on the server: a table of answers and scores, the pass mark, the
limit on attempts, what the learner sees after submitting, and tampered submissions that
must give a clear error (and use no attempt), never a server error."""

import pytest

from school import services
from school.models import QuizAttempt
from tests.factories import UserFactory
from tests.factories.school import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    question,
)
from tests.utils import soup, text

QUIZ = [
    question(
        "Kto koordynuje zespół kooperacyjny?",
        [
            ("Koordynator z ośrodka pomocy społecznej", True),
            ("Każdy członek po kolei", False, "Zespół ma jednego koordynatora."),
            ("Wójt osobiście", False, "Wójt powołuje zespół, ale go nie koordynuje."),
        ],
    ),
    question(
        "Które instytucje mogą należeć do zespołu?",
        [
            ("Szkoła", True),
            ("Powiatowy urząd pracy", True),
            ("Prywatna firma bez związku z usługami", False, "Liczą się usługi dla mieszkańców."),
            ("Ośrodek zdrowia", True),
        ],
    ),
    question(
        "Czy rodzina może uczestniczyć w spotkaniu zespołu?",
        [("Tak", True), ("Nie", False, "Spotkania z udziałem rodziny są częścią Modelu.")],
    ),
]


@pytest.fixture
def quiz_lesson(site):
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    course = CoursePageFactory(parent=index, publish=False, title="Kurs z testem")
    module = ModulePageFactory(parent=course, publish=False)
    lesson = LessonPageFactory(
        parent=module, publish=False, quiz=QUIZ, pass_mark=60, max_attempts=2, title="Test"
    )
    lesson.refresh_from_db()
    learner = UserFactory()
    enrolment = services.enrol(learner, course)
    ids = [block.id for block in lesson.quiz]
    return lesson, enrolment, ids


@pytest.mark.parametrize(
    ("answers", "score", "passed", "right"),
    [
        # all right
        ({0: [0], 1: [0, 1, 3], 2: [0]}, 100, True, [True, True, True]),
        # single choice wrong
        ({0: [1], 1: [0, 1, 3], 2: [0]}, 67, True, [False, True, True]),
        # multiple: a correct answer left out is not right
        ({0: [0], 1: [0, 1], 2: [0]}, 67, True, [True, False, True]),
        # multiple: a wrong answer added is not right
        ({0: [0], 1: [0, 1, 2, 3], 2: [0]}, 67, True, [True, False, True]),
        # only one right: below the pass mark of 60
        ({0: [2], 1: [2], 2: [0]}, 33, False, [False, False, True]),
        ({0: [1], 1: [2], 2: [1]}, 0, False, [False, False, False]),
    ],
)
def test_grading_table(quiz_lesson, answers, score, passed, right):
    lesson, enrolment, ids = quiz_lesson
    raw = {ids[number]: [str(choice) for choice in chosen] for number, chosen in answers.items()}
    attempt = services.submit_quiz(enrolment, lesson, raw)
    assert attempt.score == score
    assert attempt.passed is passed
    assert attempt.answers == {ids[n]: sorted(chosen) for n, chosen in answers.items()}
    results, graded = services.grade(lesson, attempt.answers)
    assert graded == score
    assert [result.correct for result in results] == right


def test_pass_mark_is_inclusive(quiz_lesson):
    lesson, enrolment, ids = quiz_lesson
    lesson.pass_mark = 67
    lesson.save()
    attempt = services.submit_quiz(
        enrolment, lesson, {ids[0]: ["1"], ids[1]: ["0", "1", "3"], ids[2]: ["0"]}
    )
    assert (attempt.score, attempt.passed) == (67, True)


def test_attempts_are_limited(quiz_lesson):
    lesson, enrolment, ids = quiz_lesson
    wrong = {ids[0]: ["1"], ids[1]: ["2"], ids[2]: ["1"]}
    services.submit_quiz(enrolment, lesson, wrong)
    services.submit_quiz(enrolment, lesson, wrong)
    with pytest.raises(services.QuizError) as error:
        services.submit_quiz(enrolment, lesson, wrong)
    assert error.value.code == "no_attempts_left"
    assert QuizAttempt.objects.filter(enrolment=enrolment).count() == 2


def test_zero_means_no_limit_and_passing_ends_the_quiz(quiz_lesson):
    lesson, enrolment, ids = quiz_lesson
    lesson.max_attempts = 0
    lesson.save()
    wrong = {ids[0]: ["1"], ids[1]: ["2"], ids[2]: ["1"]}
    for _ in range(5):
        assert not services.submit_quiz(enrolment, lesson, wrong).passed
    right = {ids[0]: ["0"], ids[1]: ["0", "1", "3"], ids[2]: ["0"]}
    assert services.submit_quiz(enrolment, lesson, right).passed
    with pytest.raises(services.QuizError) as error:
        services.submit_quiz(enrolment, lesson, right)
    assert error.value.code == "passed"


def _post(client, lesson, fields):
    data = {"action": "quiz"}
    data.update(fields)
    return client.post(lesson.url, data)


def test_learner_sees_which_answers_were_wrong_with_feedback(quiz_lesson, client):
    lesson, enrolment, ids = quiz_lesson
    client.force_login(enrolment.user)
    response = _post(
        client, lesson, {f"q-{ids[0]}": "2", f"q-{ids[1]}": ["0", "1"], f"q-{ids[2]}": "0"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{lesson.url}#quiz-result"
    page = soup(client.get(lesson.url))
    messages = text(page.find(class_="school-messages"))
    assert "Test zaliczony: 33%" not in messages
    assert "Test niezaliczony: 33% (próg zaliczenia 60%)." in messages
    result = page.find(id="quiz-result")
    items = result.select(".school-quiz-review > li")
    assert "źle" in text(items[0])
    assert (
        "Twoja odpowiedź „Wójt osobiście” jest błędna. Wójt powołuje zespół, ale go nie koordynuje."
        in text(items[0])
    )
    # Left out a correct answer: said, without giving the answer away.
    assert "Nie zaznaczono wszystkich poprawnych odpowiedzi." in text(items[1])
    assert "Ośrodek zdrowia" not in text(items[1])
    assert "dobrze" in text(items[2])
    assert "źle" not in text(items[2])
    # One attempt left: the form is there again, and says so.
    assert "Wykorzystane podejścia: 1 z 2." in text(page.find(id="quiz"))
    assert page.find("form", class_="school-quiz-form")


def test_no_form_after_the_last_attempt(quiz_lesson, client):
    lesson, enrolment, ids = quiz_lesson
    client.force_login(enrolment.user)
    wrong = {f"q-{ids[0]}": "1", f"q-{ids[1]}": "2", f"q-{ids[2]}": "1"}
    _post(client, lesson, wrong)
    _post(client, lesson, wrong)
    page = soup(client.get(lesson.url))
    assert page.find("form", class_="school-quiz-form") is None
    assert "Wykorzystano wszystkie podejścia do tego testu." in text(page.find(id="quiz"))
    third = _post(client, lesson, wrong)
    assert third.status_code == 200
    assert "Wykorzystano wszystkie podejścia" in text(soup(third))
    assert QuizAttempt.objects.count() == 2


def _unknown_question(ids):
    return {f"q-{ids[0]}": "0", f"q-{ids[1]}": "0", f"q-{ids[2]}": "0", "q-nie-ma-takiego": "0"}


@pytest.mark.parametrize(
    ("make_fields", "message", "marked"),
    [
        (
            lambda ids: {f"q-{ids[0]}": "7", f"q-{ids[1]}": "0", f"q-{ids[2]}": "0"},
            "Przesłano odpowiedź, której nie ma w teście.",
            0,
        ),
        (
            lambda ids: {f"q-{ids[0]}": "-1", f"q-{ids[1]}": "0", f"q-{ids[2]}": "0"},
            "Przesłano odpowiedź, której nie ma w teście.",
            0,
        ),
        (
            lambda ids: {f"q-{ids[0]}": "0", f"q-{ids[1]}": "jeden", f"q-{ids[2]}": "0"},
            "Przesłano odpowiedź, której nie ma w teście.",
            1,
        ),
        (
            lambda ids: {f"q-{ids[0]}": ["0", "1"], f"q-{ids[1]}": "0", f"q-{ids[2]}": "0"},
            "Wybierz jedną odpowiedź.",
            0,
        ),
        (
            lambda ids: {f"q-{ids[0]}": "0", f"q-{ids[2]}": "0"},
            "Odpowiedz na to pytanie.",
            1,
        ),
        (
            _unknown_question,
            "Test zmienił się od otwarcia strony.",
            None,
        ),
    ],
    ids=[
        "choice-out-of-range",
        "negative-choice",
        "not-a-number",
        "two-for-single",
        "unanswered",
        "unknown-question",
    ],
)
def test_bad_submissions_get_a_clear_error_and_use_no_attempt(
    quiz_lesson, client, make_fields, message, marked
):
    lesson, enrolment, ids = quiz_lesson
    client.force_login(enrolment.user)
    fields = make_fields(ids)
    response = _post(client, lesson, fields)
    assert response.status_code == 200
    page = soup(response)
    assert message in text(page.find(id="quiz"))
    assert QuizAttempt.objects.count() == 0
    if marked is not None:
        fieldset = page.find("form", class_="school-quiz-form").find_all("fieldset")[marked]
        error = page.find(id=fieldset["aria-describedby"])
        assert message in text(error)
    # What was typed is kept: the first question's valid choice stays checked.
    if fields.get(f"q-{ids[2]}") == "0":
        kept = page.find("input", attrs={"name": f"q-{ids[2]}", "value": "0"})
        assert kept.has_attr("checked")


def test_quiz_needs_an_enrolled_learner(quiz_lesson, client):
    lesson, _enrolment, ids = quiz_lesson
    anonymous = _post(client, lesson, {f"q-{ids[0]}": "0"})
    assert anonymous.status_code == 302
    assert "next=" in anonymous["Location"]
    client.force_login(UserFactory())
    stranger = client.post(lesson.url, {"action": "quiz", f"q-{ids[0]}": "0"}, follow=True)
    assert "Zapisz się na kurs, aby przechodzić jego lekcje." in text(soup(stranger))
    assert QuizAttempt.objects.count() == 0


def test_the_form_does_not_give_the_answers_away(quiz_lesson, client):
    lesson, enrolment, ids = quiz_lesson
    client.force_login(enrolment.user)
    form = soup(client.get(lesson.url)).find("form", class_="school-quiz-form")
    for box in form.find_all("input", attrs={"type": ["radio", "checkbox"]}):
        assert set(box.attrs) == {"type", "id", "name", "value"}
        assert box["value"].isdigit()
