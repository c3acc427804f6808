"""Progress and completion, computed at once: a lesson is completed when read and its quiz
passed; the course when its rule is met, and its certificate exists right after the last
lesson. Resume where you left off."""

import pytest

from school import services
from school.models import Certificate, EnrolmentStatus, LessonProgress
from tests.factories import UserFactory
from tests.factories.school import CourseIndexPageFactory, LessonPageFactory, build_course
from tests.utils import soup, text


@pytest.fixture
def index(site):
    return CourseIndexPageFactory(parent=site.home_pl, publish=False)


def _answers(lesson, right=True):
    lesson.refresh_from_db()
    answers = {}
    for block in lesson.quiz:
        correct = [str(n) for n, c in enumerate(block.value["choices"]) if c["correct"]]
        wrong = [str(n) for n, c in enumerate(block.value["choices"]) if not c["correct"]][:1]
        answers[block.id] = correct if right else wrong
    return answers


def _done(enrolment):
    return set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )


def test_a_lesson_without_quiz_is_completed_when_read(index):
    course, _modules, lessons = build_course(index, modules=(2,), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    progress = services.mark_read(enrolment, lessons[0])
    assert progress.read_at is not None
    assert progress.completed_at is not None
    assert _done(enrolment) == {lessons[0].pk}
    # Reading again changes nothing.
    again = services.mark_read(enrolment, lessons[0])
    assert again.read_at == progress.read_at


def test_a_quiz_lesson_needs_the_quiz_passed_too(index):
    course, _modules, lessons = build_course(index, modules=(1,), quiz_in=(1,), publish=False)
    lesson = lessons[0]
    enrolment = services.enrol(UserFactory(), course)
    services.mark_read(enrolment, lesson)
    assert _done(enrolment) == set()
    services.submit_quiz(enrolment, lesson, _answers(lesson, right=False))
    assert _done(enrolment) == set()
    services.submit_quiz(enrolment, lesson, _answers(lesson))
    assert _done(enrolment) == {lesson.pk}


def test_passing_the_quiz_counts_as_having_read_the_lesson(index):
    course, _modules, lessons = build_course(index, modules=(1, 1), quiz_in=(1,), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    services.submit_quiz(enrolment, lessons[0], _answers(lessons[0]))
    progress = LessonProgress.objects.get(enrolment=enrolment, lesson=lessons[0])
    assert progress.read_at is not None and progress.completed_at is not None


def test_course_completed_and_certificate_issued_right_after_the_last_lesson(index, client):
    course, _modules, lessons = build_course(
        index, modules=(1, 2), quiz_in=(3,), publish=False, title="Dialog motywujący"
    )
    learner = UserFactory(first_name="Anna", last_name="Nowak")
    enrolment = services.enrol(learner, course)
    client.force_login(learner)
    for lesson in lessons[:2]:
        client.post(lesson.url, {"action": "read"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    assert not Certificate.objects.exists()
    last = lessons[2]
    fields = {"action": "quiz"}
    fields.update({f"q-{key}": value for key, value in _answers(last).items()})
    response = client.post(last.url, fields, follow=True)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.learner_name == "Anna Nowak"
    assert certificate.course_title == "Dialog motywujący"
    assert "Gratulacje: kurs ukończony. Certyfikat jest gotowy." in text(soup(response))


def test_the_order_of_work_does_not_matter(index):
    course, _modules, lessons = build_course(index, modules=(1, 1), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    services.mark_read(enrolment, lessons[1])
    services.mark_read(enrolment, lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_final_quiz_rule_makes_earlier_quizzes_practice(index):
    course, _modules, lessons = build_course(
        index,
        modules=(2, 1),
        quiz_in=(1, 3),
        publish=False,
        completion_rule="all_lessons_final_quiz",
    )
    enrolment = services.enrol(UserFactory(), course)
    # The practice quiz in lesson 1 is not needed: reading completes the lesson.
    services.mark_read(enrolment, lessons[0])
    services.mark_read(enrolment, lessons[1])
    services.mark_read(enrolment, lessons[2])
    assert _done(enrolment) == {lessons[0].pk, lessons[1].pk}
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    services.submit_quiz(enrolment, lessons[2], _answers(lessons[2]))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert Certificate.objects.filter(enrolment=enrolment).exists()


def test_all_lessons_rule_needs_every_quiz(index):
    course, _modules, lessons = build_course(index, modules=(2,), quiz_in=(1,), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    for lesson in lessons:
        services.mark_read(enrolment, lesson)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.ACTIVE
    services.submit_quiz(enrolment, lessons[0], _answers(lessons[0]))
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_a_draft_lesson_does_not_count(index):
    course, modules, lessons = build_course(index, modules=(1,), publish=False)
    LessonPageFactory(parent=modules[0], live=False, publish=False)
    enrolment = services.enrol(UserFactory(), course)
    services.mark_read(enrolment, lessons[0])
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED


def test_a_lesson_of_another_course_is_refused(index):
    course, _m, _lessons = build_course(index, modules=(1,), publish=False)
    _other, _m2, other_lessons = build_course(index, modules=(1,), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    with pytest.raises(ValueError):
        services.mark_read(enrolment, other_lessons[0])
    assert not LessonProgress.objects.exists()


def test_progress_per_module_and_course(index):
    course, _modules, lessons = build_course(index, modules=(2, 2), publish=False)
    enrolment = services.enrol(UserFactory(), course)
    services.mark_read(enrolment, lessons[0])
    services.mark_read(enrolment, lessons[1])
    services.mark_read(enrolment, lessons[2])
    outline = services.course_outline(course, enrolment)
    assert [(m.done, m.total, m.percent) for m in outline.modules] == [(2, 2, 100), (1, 2, 50)]
    assert (outline.done, outline.total, outline.percent) == (3, 4, 75)
    assert outline.next_lesson.pk == lessons[3].pk


def test_resume_where_you_left_off(index, client):
    course, _modules, lessons = build_course(index, modules=(2, 2), publish=False)
    learner = UserFactory()
    enrolment = services.enrol(learner, course)
    client.force_login(learner)
    client.post(lessons[0].url, {"action": "read"})
    client.get(lessons[2].url)  # opened, not finished
    enrolment.refresh_from_db()
    assert enrolment.last_lesson_id == lessons[2].pk
    outline = services.course_outline(course, enrolment)
    assert outline.next_lesson.pk == lessons[2].pk
    page = soup(client.get(course.url))
    button = page.find("section", class_="school-enrol").find("a", class_="button")
    assert button["href"] == lessons[2].url
    assert "Kontynuuj:" in text(button)
    # Once that lesson is done, carry on with the first one not completed.
    client.post(lessons[2].url, {"action": "read"})
    outline = services.course_outline(course, enrolment)
    assert outline.next_lesson.pk == lessons[1].pk


def test_mark_read_through_the_page(index, client):
    course, _modules, lessons = build_course(index, modules=(2,), publish=False)
    learner = UserFactory()
    services.enrol(learner, course)
    client.force_login(learner)
    response = client.post(lessons[0].url, {"action": "read"}, follow=True)
    page = soup(response)
    assert "Lekcja oznaczona jako przeczytana." in text(page.find(class_="school-messages"))
    read = page.find(class_="school-read")
    assert "Przeczytana" in text(read)
    assert read.find("form") is None
    assert page.find("progress", id="course-progress")["value"] == "50"
