"""The e-School's rules: enrolment, reading, quizzes and completion, and the learner's
progress as pages show it.

Records point to the original page of a course or lesson (school.models.original), so a
learner who reads in Polish and in English has one enrolment and one progress. Progress is
matched to the pages of the language being shown through their translation keys.

Completion is computed at once: every change of progress calls update_completion, which
completes the enrolment and issues the certificate when the course's rule is met."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from school.blocks import QuestionKind
from school.models import (
    CompletionRule,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    EnrolmentStatus,
    LessonPage,
    LessonProgress,
    ModulePage,
    QuizAttempt,
    original,
)


class EnrolmentError(Exception):
    """An enrolment the rules refuse. `code` says which rule (closed, full, prerequisites,
    already_enrolled, unavailable); the message is for the person, in their language."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


class QuizError(Exception):
    """A quiz submission that cannot be graded; nothing is recorded and no attempt used."""

    def __init__(self, message, code, question_id=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.question_id = question_id


# --- the course's lessons ------------------------------------------------------------------


def course_tree(courses, defer_body=True):
    """({course pk: [live modules]}, {course pk: [live lessons]}), both in page order, for
    any number of courses, in two queries. A lesson counts only if its module is live too:
    a draft module hides its lessons."""
    courses = [course for course in courses if course is not None]
    modules = {course.pk: [] for course in courses}
    lessons = {course.pk: [] for course in courses}
    if not courses:
        return modules, lessons
    by_path = {course.path: course.pk for course in courses}
    step = Page.steplen
    under = reduce(or_, (Q(path__startswith=course.path) for course in courses))
    depths = {course.depth for course in courses}
    live_modules = set()
    for module in (
        ModulePage.objects.live()
        .filter(under, depth__in=[depth + 1 for depth in depths])
        .order_by("path")
    ):
        course_pk = by_path.get(module.path[:-step])
        if course_pk is not None:
            modules[course_pk].append(module)
            live_modules.add(module.path)
    lessons_query = (
        LessonPage.objects.live()
        .filter(under, depth__in=[depth + 2 for depth in depths])
        .order_by("path")
    )
    if defer_body:  # outlines and completion need titles, order and quizzes only
        lessons_query = lessons_query.defer("body")
    for lesson in lessons_query:
        if lesson.path[:-step] not in live_modules:
            continue
        lessons[by_path[lesson.path[: -2 * step]]].append(lesson)
    return modules, lessons


def lessons_of(courses, defer_body=True):
    """{course pk: [live lessons in page order]}, in two queries."""
    return course_tree(courses, defer_body=defer_body)[1]


def quiz_counts(course, lesson, lessons):
    """Whether passing the lesson's quiz is needed to complete the lesson: always under
    the "all lessons" rule; under the final-quiz rule only in the course's last lesson
    (earlier quizzes are for practice)."""
    if not lesson.has_quiz:
        return False
    if course.completion_rule == CompletionRule.ALL_LESSONS_FINAL_QUIZ:
        return bool(lessons) and lessons[-1].translation_key == lesson.translation_key
    return True


# --- enrolment -----------------------------------------------------------------------------


def _titles(pages):
    return ", ".join(f"„{page.title}”" for page in pages)


def missing_prerequisites(user, course):
    """The prerequisite courses `user` has not completed, in the locale of `course` where
    a translation exists."""
    source = original(course)
    required = list(source.prerequisites.all())
    if not required:
        return []
    keys = {page.translation_key for page in required}
    done = set(
        Enrolment.objects.filter(
            user=user,
            status=EnrolmentStatus.COMPLETED,
            course__translation_key__in=keys,
        ).values_list("course__translation_key", flat=True)
    )
    missing_keys = keys - done
    if not missing_keys:
        return []
    shown = {
        page.translation_key: page
        for page in CoursePage.objects.filter(
            translation_key__in=missing_keys, locale_id=course.locale_id
        )
    }
    return [
        shown.get(page.translation_key, page)
        for page in required
        if page.translation_key in missing_keys
    ]


def places_taken(source_course):
    """Enrolments holding a place in the course (its original page)."""
    return (
        Enrolment.objects.filter(course=source_course)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .count()
    )


def places_left(source_course):
    """Places left in the course (its original page), None when there is no limit."""
    if source_course.capacity is None:
        return None
    return max(source_course.capacity - places_taken(source_course), 0)


def enrol(user, course, *, by=None, source=EnrolmentSource.SELF, cohort=None):
    """Enrol `user` in `course` (any translation of it) or raise EnrolmentError.

    Self-enrolment needs the course open; a coordinator (any other source) may enrol into
    a closed course. Capacity and prerequisites bind everyone. A withdrawn enrolment is
    taken up again with its progress."""
    source_course = original(course)
    self_enrolment = source == EnrolmentSource.SELF
    if not source_course.live:
        raise EnrolmentError(_("This course is not published."), "unavailable")
    with transaction.atomic():
        # One enrolment at a time per course, so the last place is not given twice.
        list(Page.objects.select_for_update().filter(pk=source_course.pk).values("pk"))
        existing = Enrolment.objects.filter(user=user, course=source_course).first()
        if existing and existing.status != EnrolmentStatus.WITHDRAWN:
            if self_enrolment:
                message = _("You are already enrolled in this course.")
            else:
                message = _("%(name)s is already enrolled in this course.") % {
                    "name": user.get_full_name() or user.get_username()
                }
            raise EnrolmentError(message, "already_enrolled")
        if self_enrolment and not source_course.enrolment_open:
            raise EnrolmentError(
                _("Enrolment in this course is closed. Your coordinator can enrol you."),
                "closed",
            )
        if source_course.capacity is not None:
            if places_taken(source_course) >= source_course.capacity:
                raise EnrolmentError(
                    ngettext(
                        "The course is full: its %(capacity)d place is taken.",
                        "The course is full: all its %(capacity)d places are taken.",
                        source_course.capacity,
                    )
                    % {"capacity": source_course.capacity},
                    "full",
                )
        missing = missing_prerequisites(user, course)
        if missing:
            message = ngettext(
                "First complete the course %(titles)s.",
                "First complete the courses %(titles)s.",
                len(missing),
            ) % {"titles": _titles(missing)}
            raise EnrolmentError(message, "prerequisites")
        now = timezone.now()
        if existing:
            existing.status = EnrolmentStatus.ACTIVE
            existing.source = source
            existing.enrolled_by = by
            existing.cohort = cohort or existing.cohort
            existing.enrolled_at = now
            existing.save()
            enrolment = existing
        else:
            try:
                with transaction.atomic():
                    enrolment = Enrolment.objects.create(
                        user=user,
                        course=source_course,
                        source=source,
                        enrolled_by=by,
                        cohort=cohort,
                        enrolled_at=now,
                    )
            except IntegrityError:  # the same person, twice at once
                raise EnrolmentError(
                    _("You are already enrolled in this course."), "already_enrolled"
                ) from None
    if source_course.capacity is not None:
        # The course list shows places left to anonymous visitors from the page cache.
        from portal.cache import invalidate

        invalidate()
    # A course may have been completed before the withdrawal: see where it stands now.
    update_completion(enrolment)
    return enrolment


def withdraw(user, course):
    """The learner leaves `course` (any translation of it). Their progress is kept, so
    enrolling again carries on where they stopped; a place in a limited course is given
    back. A completed course is not left: its certificate stands. Returns the enrolment."""
    enrolment = enrolment_for(user, course)
    if enrolment is None:
        raise EnrolmentError(_("You are not enrolled in this course."), "not_enrolled")
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise EnrolmentError(
            _("You have completed this course; it stays on your record."), "completed"
        )
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save(update_fields=["status"])
    return enrolment


def enrolment_for(user, course):
    """The user's enrolment in any translation of `course` (withdrawn ones excluded)."""
    if user is None or not user.is_authenticated:
        return None
    return (
        Enrolment.objects.filter(user=user, course__translation_key=course.translation_key)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("course", "certificate")
        .first()
    )


# --- progress ------------------------------------------------------------------------------


def _course_and_lessons(enrolment):
    course = enrolment.course
    lessons = lessons_of([course])[course.pk]
    return course, lessons


def _source_lesson(enrolment, lesson, lessons):
    for candidate in lessons:
        if candidate.translation_key == lesson.translation_key:
            return candidate
    raise ValueError("The lesson is not a live lesson of the enrolment's course.")


def _lesson_done(progress, needs_quiz, enrolment, lesson):
    if progress.read_at is None:
        return False
    if not needs_quiz:
        return True
    return QuizAttempt.objects.filter(enrolment=enrolment, lesson=lesson, passed=True).exists()


def _record(enrolment, lesson, *, read=False):
    """Note that the learner worked on `lesson` (the original page): reading it, or taking
    its quiz, which can only be done with the lesson open. Completes the lesson when its
    rule is met, then the course."""
    course, lessons = _course_and_lessons(enrolment)
    lesson = _source_lesson(enrolment, lesson, lessons)
    now = timezone.now()
    progress, _created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    changed = []
    if read and progress.read_at is None:
        progress.read_at = now
        changed.append("read_at")
    if progress.completed_at is None and _lesson_done(
        progress, quiz_counts(course, lesson, lessons), enrolment, lesson
    ):
        progress.completed_at = now
        changed.append("completed_at")
    if changed:
        progress.save(update_fields=changed)
    enrolment.last_lesson = lesson
    enrolment.last_activity_at = now
    enrolment.save(update_fields=["last_lesson", "last_activity_at"])
    update_completion(enrolment, lessons=lessons)
    return progress


def mark_read(enrolment, lesson):
    """The learner marks `lesson` (any translation) read. Returns its LessonProgress."""
    return _record(enrolment, lesson, read=True)


def note_opened(enrolment, source_lesson):
    """Remember the lesson (the original page) the learner opened last, for "resume where
    you left off"."""
    if enrolment.last_lesson_id != source_lesson.pk:
        enrolment.last_lesson_id = source_lesson.pk
        enrolment.last_activity_at = timezone.now()
        enrolment.save(update_fields=["last_lesson", "last_activity_at"])


def update_completion(enrolment, lessons=None):
    """Complete the enrolment if its course's rule is now met, and issue its certificate.
    Returns True when the enrolment is (now or already) completed."""
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return False
    course = enrolment.course
    if lessons is None:
        lessons = lessons_of([course])[course.pk]
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return True
    if not lessons:
        return False
    completed = set(
        LessonProgress.objects.filter(
            enrolment=enrolment,
            lesson__in=[lesson.pk for lesson in lessons],
            completed_at__isnull=False,
        ).values_list("lesson_id", flat=True)
    )
    if len(completed) < len(lessons):
        return False
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.save(update_fields=["status", "completed_at"])
    issue = _certificate_issuer()
    issue(enrolment)
    return True


def _certificate_issuer():
    try:
        from school.certificates import issue_certificate
    except ImportError as error:  # pragma: no cover - only while the app is being built
        raise RuntimeError(
            "school.certificates.issue_certificate is missing: completed enrolments "
            "cannot get their certificates."
        ) from error
    return issue_certificate


# --- quizzes -------------------------------------------------------------------------------


@dataclass
class ChoiceResult:
    text: str
    chosen: bool
    correct: bool
    feedback: str

    @property
    def wrong(self):
        """Chosen but not correct: what the learner is told about."""
        return self.chosen and not self.correct


@dataclass
class QuestionResult:
    id: str
    number: int
    text: str
    kind: str
    correct: bool
    choices: list = field(default_factory=list)

    @property
    def missed(self):
        """A correct answer left out (multiple choice): said without naming it."""
        return any(choice.correct and not choice.chosen for choice in self.choices)


def questions(lesson):
    return [block for block in lesson.quiz if block.block_type == "question"]


def clean_answers(lesson, raw):
    """{question id: sorted choice positions} from what a form sent, checked against the
    quiz. Raises QuizError for unanswered questions, unknown questions or choices, and more
    than one answer to a single-choice question."""
    if not isinstance(raw, dict):
        raise QuizError(_("The answers could not be read. Please try again."), "invalid")
    blocks = questions(lesson)
    known = {block.id for block in blocks}
    unknown = [key for key in raw if key not in known]
    if unknown:
        raise QuizError(
            _("The quiz has changed since the page was opened. Reload it and answer again."),
            "unknown_question",
        )
    answers = {}
    for block in blocks:
        chosen = raw.get(block.id) or []
        if isinstance(chosen, (str, int)):
            chosen = [chosen]
        positions = set()
        for value in chosen:
            try:
                position = int(value)
            except (TypeError, ValueError):
                position = -1
            if not 0 <= position < len(block.value["choices"]):
                raise QuizError(
                    _("An answer that is not in the quiz was sent. Choose from the list."),
                    "unknown_choice",
                    block.id,
                )
            positions.add(position)
        if not positions:
            raise QuizError(_("Answer this question."), "unanswered", block.id)
        if block.value["kind"] == QuestionKind.SINGLE and len(positions) > 1:
            raise QuizError(_("Choose one answer."), "too_many", block.id)
        answers[block.id] = sorted(positions)
    return answers


def grade(lesson, answers):
    """([QuestionResult], score in percent) for cleaned answers. A question scores only
    when exactly its correct answers are chosen: half right is not right."""
    results = []
    for number, block in enumerate(questions(lesson), start=1):
        chosen = set(answers.get(block.id, []))
        choices = [
            ChoiceResult(
                text=choice["text"],
                chosen=position in chosen,
                correct=bool(choice["correct"]),
                feedback=choice["feedback"] or "",
            )
            for position, choice in enumerate(block.value["choices"])
        ]
        correct = all(choice.chosen == choice.correct for choice in choices)
        results.append(
            QuestionResult(
                id=block.id,
                number=number,
                text=block.value["question"],
                kind=block.value["kind"],
                correct=correct,
                choices=choices,
            )
        )
    if not results:
        return results, 0
    right = sum(1 for result in results if result.correct)
    return results, round(100 * right / len(results))


def attempts_used(enrolment, lesson):
    return QuizAttempt.objects.filter(
        enrolment=enrolment, lesson__translation_key=lesson.translation_key
    ).count()


def submit_quiz(enrolment, lesson, answers):
    """Grade the answers on the server against the original lesson's quiz (the source of
    the right answers; translations share its question ids) and record the attempt.
    Raises QuizError without recording anything when it cannot be taken or graded."""
    course, lessons = _course_and_lessons(enrolment)
    source = _source_lesson(enrolment, lesson, lessons)
    if not source.has_quiz:
        raise QuizError(_("This lesson has no quiz."), "no_quiz")
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise QuizError(_("You are not enrolled in this course."), "not_enrolled")
    with transaction.atomic():
        list(Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values("pk"))
        previous = QuizAttempt.objects.filter(enrolment=enrolment, lesson=source)
        if previous.filter(passed=True).exists():
            raise QuizError(_("You have already passed this quiz."), "passed")
        used = previous.count()
        if source.max_attempts and used >= source.max_attempts:
            raise QuizError(_("You have used all your attempts at this quiz."), "no_attempts_left")
        cleaned = clean_answers(source, answers)
        _results, score = grade(source, cleaned)
        attempt = QuizAttempt.objects.create(
            enrolment=enrolment,
            lesson=source,
            answers=cleaned,
            score=score,
            passed=score >= source.pass_mark,
        )
    _record(enrolment, source, read=True)
    return attempt


# --- what pages show -------------------------------------------------------------------


@dataclass
class LessonState:
    lesson: LessonPage
    number: int
    read: bool = False
    completed: bool = False
    current: bool = False


class LessonCounts:
    """Lessons done out of all, for anything with a `lessons` list of lesson states."""

    @property
    def total(self):
        return len(self.lessons)

    @property
    def done(self):
        return sum(1 for state in self.lessons if state.completed)

    @property
    def percent(self):
        return percent(self.done, self.total)


@dataclass
class ModuleOutline(LessonCounts):
    module: ModulePage
    lessons: list = field(default_factory=list)


@dataclass
class CourseOutline(LessonCounts):
    course: CoursePage
    enrolment: Enrolment | None
    modules: list = field(default_factory=list)

    @property
    def lessons(self):
        return [state for module in self.modules for state in module.lessons]

    @property
    def next_lesson(self):
        """Where to carry on: the lesson last opened if it is not completed, else the
        first lesson not completed (None when all are)."""
        states = self.lessons
        for state in states:
            if state.current and not state.completed:
                return state.lesson
        for state in states:
            if not state.completed:
                return state.lesson
        return None

    def neighbours(self, lesson):
        """(previous, next) lesson in page order around `lesson`."""
        states = self.lessons
        for position, state in enumerate(states):
            if state.lesson.pk == lesson.pk:
                previous = states[position - 1].lesson if position > 0 else None
                following = states[position + 1].lesson if position + 1 < len(states) else None
                return previous, following
        return None, None


def percent(done, total):
    return round(100 * done / total) if total else 0


def _progress_by_key(enrolments):
    """{enrolment pk: {lesson translation key: (read, completed)}} in one query."""
    result = defaultdict(dict)
    rows = LessonProgress.objects.filter(enrolment__in=[e.pk for e in enrolments]).values_list(
        "enrolment_id", "lesson__translation_key", "read_at", "completed_at"
    )
    for enrolment_id, key, read_at, completed_at in rows:
        result[enrolment_id][key] = (read_at is not None, completed_at is not None)
    return result


def _outline(course, enrolment, modules, lessons, progress, last_key):
    by_module = defaultdict(list)
    for lesson in lessons:
        by_module[lesson.path[: -Page.steplen]].append(lesson)
    outline = CourseOutline(course=course, enrolment=enrolment)
    number = 0
    for module in modules:
        item = ModuleOutline(module=module)
        for lesson in by_module.get(module.path, []):
            number += 1
            read, completed = progress.get(lesson.translation_key, (False, False))
            item.lessons.append(
                LessonState(
                    lesson=lesson,
                    number=number,
                    read=read,
                    completed=completed,
                    current=lesson.translation_key == last_key,
                )
            )
        outline.modules.append(item)
    return outline


def course_outline(course, enrolment=None):
    """The modules and lessons of `course` (as shown: any locale) with the progress of
    `enrolment`, in three queries (four when the last lesson opened is in another
    language)."""
    modules, lessons = course_tree([course])
    lessons = lessons[course.pk]
    progress = _progress_by_key([enrolment])[enrolment.pk] if enrolment else {}
    last_key = None
    if enrolment and enrolment.last_lesson_id:
        last_key = next(
            (lesson.translation_key for lesson in lessons if lesson.pk == enrolment.last_lesson_id),
            None,
        )
        if last_key is None:
            last_key = (
                LessonPage.objects.filter(pk=enrolment.last_lesson_id)
                .values_list("translation_key", flat=True)
                .first()
            )
    return _outline(course, enrolment, modules[course.pk], lessons, progress, last_key)


def learner_courses(user, locale):
    """The user's enrolments (withdrawn left out) as CourseOutlines in `locale` where the
    course is translated, newest first. A fixed number of queries however many courses."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("course", "last_lesson", "certificate")
        .order_by("-enrolled_at", "-pk")
    )
    if not enrolments:
        return []
    keys = {enrolment.course.translation_key for enrolment in enrolments}
    shown = {
        course.translation_key: course
        for course in CoursePage.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    courses = [shown.get(e.course.translation_key, e.course) for e in enrolments]
    live_courses = [course for course in courses if course.live]
    if not live_courses:
        return []
    modules, lessons = course_tree(live_courses)
    progress = _progress_by_key(enrolments)
    outlines = []
    for enrolment, course in zip(enrolments, courses, strict=True):
        if not course.live:
            continue
        last_key = enrolment.last_lesson.translation_key if enrolment.last_lesson else None
        outlines.append(
            _outline(
                course,
                enrolment,
                modules[course.pk],
                lessons[course.pk],
                progress.get(enrolment.pk, {}),
                last_key,
            )
        )
    return outlines
