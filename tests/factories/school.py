"""Factories for the e-School. Pages are built under a parent given by the test
(CourseIndexPageFactory under the `site` fixture's home page, and so on down) and published
with a revision unless `publish=False`.

A lesson gets a quiz with `quiz=True` (the two questions of QUIZ below) or with its own
list of questions made by `question(...)`."""

import decimal
import uuid

import factory
from factory.django import DjangoModelFactory

from school.models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    ModulePage,
)
from tests.factories.portal import UserFactory, _PublishedPageFactory


def question(text, choices, kind=None):
    """A quiz question block. `choices`: (text, correct) or (text, correct, feedback);
    the kind is "multiple" when more than one choice is correct, unless given."""
    items = []
    for choice in choices:
        answer, correct, *rest = choice
        items.append({"text": answer, "correct": correct, "feedback": rest[0] if rest else ""})
    if kind is None:
        kind = "multiple" if sum(1 for item in items if item["correct"]) > 1 else "single"
    return {
        "type": "question",
        "id": str(uuid.uuid4()),
        "value": {"question": text, "kind": kind, "choices": items},
    }


def default_quiz():
    return [
        question(
            "Kto tworzy zespół kooperacyjny w gminie?",
            [
                ("Przedstawiciele instytucji z różnych sektorów", True),
                (
                    "Tylko pracownicy ośrodka pomocy społecznej",
                    False,
                    "Zespół jest międzysektorowy.",
                ),
                ("Wyłącznie radni gminy", False, "Radni nie tworzą zespołu."),
            ],
        ),
        question(
            "Które z poniższych są formami współpracy?",
            [
                ("Wspólne spotkania zespołu", True),
                ("Wymiana informacji między instytucjami", True),
                ("Działanie każdej instytucji osobno", False, "To brak współpracy."),
            ],
        ),
    ]


class CourseIndexPageFactory(_PublishedPageFactory):
    title = "e-Szkoła Kooperacji"
    slug = "e-szkola"
    intro = "<p>Kursy dla pracowników instytucji współpracujących w gminie.</p>"

    class Meta:
        model = CourseIndexPage
        skip_postgeneration_save = True


class CoursePageFactory(_PublishedPageFactory):
    """`prerequisites`: a list of courses (set before the page is saved)."""

    title = factory.Sequence(lambda n: f"Kurs {n}")
    summary = factory.LazyAttribute(lambda obj: f"O kursie: {obj.title}")
    description = "<p>Opis kursu.</p>"
    level = "basic"
    format = "elearning"
    hours = decimal.Decimal("8.0")
    audience = "Pracownicy instytucji pomocy i integracji społecznej."
    learning_outcomes = "<ul><li>Zna zasady współpracy.</li></ul>"
    completion_rule = "all_lessons"
    enrolment_open = True
    capacity = None
    issuer = "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    prerequisites = factory.LazyFunction(list)

    class Meta:
        model = CoursePage
        skip_postgeneration_save = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        prerequisites = kwargs.pop("prerequisites")
        instance = model_class(**kwargs)
        instance.prerequisites = list(prerequisites)
        parent.add_child(instance=instance)
        return instance

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        prerequisites = kwargs.pop("prerequisites")
        instance = super()._build(model_class, *args, **kwargs)
        instance.prerequisites = list(prerequisites)
        return instance


class ModulePageFactory(_PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Moduł {n}")
    intro = "<p>Wprowadzenie do modułu.</p>"

    class Meta:
        model = ModulePage
        skip_postgeneration_save = True


class LessonPageFactory(_PublishedPageFactory):
    """`quiz=True` gives the default two questions; a list gives those questions."""

    title = factory.Sequence(lambda n: f"Lekcja {n}")
    body = factory.LazyAttribute(
        lambda obj: [{"type": "paragraph", "value": f"<p>Treść: {obj.title}</p>"}]
    )
    estimated_minutes = 15
    quiz = False
    pass_mark = 70
    max_attempts = 3

    class Meta:
        model = LessonPage
        skip_postgeneration_save = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        quiz = kwargs.get("quiz")
        if quiz is True:
            kwargs["quiz"] = default_quiz()
        elif not quiz:
            kwargs["quiz"] = []
        return kwargs


class CohortFactory(DjangoModelFactory):
    """`members` and `coordinators`: lists of users."""

    name = factory.Sequence(lambda n: f"Zespół kooperacyjny {n}")
    description = "Grupa szkoleniowa partnerskiego zespołu kooperacyjnego."

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.members.set(extracted)

    @factory.post_generation
    def coordinators(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coordinators.set(extracted)


class EnrolmentFactory(DjangoModelFactory):
    """Made directly, past the enrolment rules of school.services.enrol (use that to test
    the rules)."""

    user = factory.SubFactory(UserFactory)
    course = None  # a CoursePage: required
    source = "self"

    class Meta:
        model = Enrolment


def build_course(index, modules=(2, 1), quiz_in=(), publish=True, **course_fields):
    """A course under `index` with modules of the given numbers of lessons; lessons whose
    number (1-based, in course order) is in `quiz_in` get the default quiz. Returns
    (course, [modules], [lessons in order])."""
    course = CoursePageFactory(parent=index, publish=publish, **course_fields)
    made_modules, lessons = [], []
    number = 0
    for module_number, count in enumerate(modules, start=1):
        module = ModulePageFactory(
            parent=course, title=f"{course.title} – moduł {module_number}", publish=publish
        )
        made_modules.append(module)
        for _ in range(count):
            number += 1
            lessons.append(
                LessonPageFactory(
                    parent=module,
                    title=f"{course.title} – lekcja {number}",
                    quiz=number in quiz_in,
                    publish=publish,
                )
            )
    return course, made_modules, lessons
