"""The learner's side of the e-School, called from the page models: the course list, a
course with its outline and enrolment button, a lesson with its quiz, the "my learning"
dashboard, and the certificate routes (handed to school.certificate_views).

Course outlines and lesson titles are public; lesson bodies and quizzes are for enrolled
learners. Pages that show a learner's own records are private and never stored by any
cache."""

from collections import Counter
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import navigation
from school import services
from school.models import (
    CourseFormat,
    CourseLevel,
    CoursePage,
    Enrolment,
    EnrolmentStatus,
)

# --- helpers -------------------------------------------------------------------------------


def login_url():
    try:
        return reverse("accounts:login")
    except NoReverseMatch:  # the accounts app not wired yet
        return settings.LOGIN_URL


def login_link(request):
    return f"{login_url()}?{urlencode({'next': request.get_full_path()})}"


def private(response):
    """A page with the learner's own records: neither browsers nor proxies may keep it."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def _originals_by_key(courses):
    """{translation key: original CoursePage} for the courses shown, in one query."""
    keys = {course.translation_key for course in courses}
    result = {}
    for course in CoursePage.objects.filter(translation_key__in=keys).order_by("pk"):
        result.setdefault(course.translation_key, course)
    return result


def _course_of(lesson):
    """The lesson's course (lesson → module → course), in one query."""
    return CoursePage.objects.ancestor_of(lesson).get()


# --- course index --------------------------------------------------------------------------


FILTERS = {"level": CourseLevel, "format": CourseFormat}


def course_index_context(page, request):
    """The live courses of the index with their places left, filtered by level and format;
    for a logged-in learner, which of them they are enrolled in."""
    chosen = {}
    for name, choices in FILTERS.items():
        value = request.GET.get(name, "")
        chosen[name] = value if value in choices.values else ""
    courses = CoursePage.objects.child_of(page).live().public().order_by("path")
    for name, value in chosen.items():
        if value:
            courses = courses.filter(**{name: value})
    courses = list(courses)
    originals = _originals_by_key(courses)
    taken = dict(
        Enrolment.objects.filter(course__in=[course.pk for course in originals.values()])
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .values_list("course_id")
        .annotate(count=Count("pk"))
        .values_list("course_id", "count")
    )
    mine = {}
    if request.user.is_authenticated:
        mine = dict(
            Enrolment.objects.filter(user=request.user, course__translation_key__in=list(originals))
            .exclude(status=EnrolmentStatus.WITHDRAWN)
            .values_list("course__translation_key", "status")
        )
    for course in courses:
        source = originals.get(course.translation_key, course)
        course.source_course = source
        course.places_left = (
            None if source.capacity is None else max(source.capacity - taken.get(source.pk, 0), 0)
        )
        course.open_for_enrolment = source.enrolment_open and course.places_left != 0
        course.my_status = mine.get(course.translation_key)
    return {
        "courses": courses,
        "filters": chosen,
        "filters_active": any(chosen.values()),
        "level_choices": CourseLevel.choices,
        "format_choices": CourseFormat.choices,
        "dashboard_url": dashboard_url(page, request),
        "trainings_url": navigation.route_url(page, "trainings", request=request),
        "support_url": navigation.route_url(page, "my_support", request=request),
    }


def dashboard_url(index_page, request=None):
    """The "my learning" address under `index_page`, in the active language."""
    if index_page is None:
        return ""
    return navigation.route_url(index_page, "dashboard", request=request)


def index_above(page, course_depth):
    """The course index among the page's breadcrumbs (fetched once for the page chrome
    too)."""
    return next(
        (crumb for crumb in navigation.breadcrumbs(page) if crumb.depth == course_depth - 1),
        None,
    )


# --- course --------------------------------------------------------------------------------


def enrolment_block_reason(user, course, source, places_left):
    """Why `user` cannot enrol in `course` by themselves now, or "" if they can."""
    if not source.enrolment_open:
        return _("Enrolment in this course is closed. Your coordinator can enrol you.")
    if places_left == 0:
        return _("The course is full: no places are left.")
    if user.is_authenticated:
        missing = services.missing_prerequisites(user, course)
        if missing:
            titles = ", ".join(f"„{page.title}”" for page in missing)
            return _("First complete: %(titles)s.") % {"titles": titles}
    return ""


def course_context(page, request):
    user = request.user
    enrolment = services.enrolment_for(user, page)
    source = enrolment.course if enrolment else services.original(page)
    outline = services.course_outline(page, enrolment)
    places_left = services.places_left(source)
    prerequisites = list(source.prerequisites.all())
    if prerequisites:
        translated = {
            course.translation_key: course
            for course in CoursePage.objects.live().filter(
                translation_key__in=[course.translation_key for course in prerequisites],
                locale_id=page.locale_id,
            )
        }
        prerequisites = [translated.get(c.translation_key, c) for c in prerequisites]
    index_page = index_above(page, page.depth)
    return {
        "course": page,
        "enrolment": enrolment,
        "outline": outline,
        "places_left": places_left,
        "prerequisites": prerequisites,
        "block_reason": ""
        if enrolment
        else enrolment_block_reason(user, page, source, places_left),
        "login_link": login_link(request),
        "dashboard_url": dashboard_url(index_page, request),
        "certificate": getattr(enrolment, "certificate", None) if enrolment else None,
    }


def course_post(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request), login_url())
    if request.POST.get("action") == "enrol":
        try:
            services.enrol(request.user, page)
        except services.EnrolmentError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You are enrolled. Start with the first lesson."))
    elif request.POST.get("action") == "withdraw":
        try:
            services.withdraw(request.user, page)
        except services.EnrolmentError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("You have left the course. Your progress is kept if you enrol again."),
            )
    return HttpResponseRedirect(page.get_url(request))


def for_the_visitor_only(request, response):
    """A course or lesson page shows a logged-in learner their own progress."""
    if request.user.is_authenticated:
        private(response)
        # Kept server-side for this person and session until their records or the site
        # change (portal.personal_cache).
        response.cacheable_personal_view = True
    return response


# --- lesson --------------------------------------------------------------------------------


def _quiz_state(page, enrolment, source_lesson):
    """Attempts used and left, whether passed, and the results of the last attempt."""
    if not page.has_quiz or enrolment is None:
        return None
    attempts = list(
        enrolment.quiz_attempts.filter(lesson=source_lesson).order_by("submitted_at", "pk")
    )
    last = attempts[-1] if attempts else None
    passed = any(attempt.passed for attempt in attempts)
    limit = page.max_attempts
    left = None if not limit else max(limit - len(attempts), 0)
    results = None
    if last is not None:
        results, _score = services.grade(page, last.answers)
    return {
        "attempts": attempts,
        "used": len(attempts),
        "left": left,
        "limit": limit,
        "passed": passed,
        "last": last,
        "results": results,
        "can_submit": not passed and (left is None or left > 0),
        "counts": None,
    }


def lesson_context(page, request, quiz_error=None, submitted=None):
    user = request.user
    course = _course_of(page)
    enrolment = services.enrolment_for(user, course)
    outline = services.course_outline(course, enrolment)
    source_lesson = None
    if enrolment is not None:
        # Records point to the original course's lessons: the ones shown, or (reading a
        # translation) those of the original.
        if enrolment.course_id == course.pk:
            candidates = [state.lesson for state in outline.lessons]
        else:
            candidates = services.lessons_of([enrolment.course])[enrolment.course_id]
        source_lesson = next(
            (lesson for lesson in candidates if lesson.translation_key == page.translation_key),
            None,
        )
        if source_lesson is not None and request.method == "GET":
            services.note_opened(enrolment, source_lesson)
    previous, following = outline.neighbours(page)
    state = next((s for s in outline.lessons if s.lesson.pk == page.pk), None)
    module_outline = next(
        (m for m in outline.modules if any(s.lesson.pk == page.pk for s in m.lessons)), None
    )
    quiz = _quiz_state(page, enrolment, source_lesson) if source_lesson else None
    if quiz is not None:
        all_lessons = [s.lesson for s in outline.lessons]
        quiz["counts"] = services.quiz_counts(course, page, all_lessons)
    questions = []
    if page.has_quiz:
        chosen = submitted or {}
        for number, block in enumerate(services.questions(page), start=1):
            picked = {str(value) for value in chosen.get(block.id, [])}
            questions.append(
                {
                    "id": block.id,
                    "number": number,
                    "text": block.value["question"],
                    "multiple": block.value["kind"] == "multiple",
                    "choices": [
                        {
                            "position": position,
                            "text": choice["text"],
                            "checked": str(position) in picked,
                        }
                        for position, choice in enumerate(block.value["choices"])
                    ],
                    "error": quiz_error.message
                    if quiz_error is not None and quiz_error.question_id == block.id
                    else "",
                }
            )
    index_page = index_above(page, course.depth)
    return {
        "course": course,
        "enrolment": enrolment,
        "outline": outline,
        "module_outline": module_outline,
        "lesson_state": state,
        "previous_lesson": previous,
        "next_lesson": following,
        "quiz": quiz,
        "questions": questions,
        "quiz_error": quiz_error,
        "preview": getattr(request, "is_preview", False),
        "login_link": login_link(request),
        "dashboard_url": dashboard_url(index_page, request),
    }


def _quiz_answers(request, page):
    """{question id: [values]} from the POST: every q-<id> field sent, known or not, so
    that the grader can say when something was sent that the quiz does not hold."""
    answers = {}
    for key in request.POST:
        if key.startswith("q-"):
            answers[key[2:]] = request.POST.getlist(key)
    return answers


def lesson_post(request, page):
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request), login_url())
    course = _course_of(page)
    enrolment = services.enrolment_for(request.user, course)
    url = page.get_url(request)
    if enrolment is None:
        messages.error(request, _("Enrol in the course to take its lessons."))
        return HttpResponseRedirect(course.get_url(request))
    was_completed = enrolment.status == EnrolmentStatus.COMPLETED
    action = request.POST.get("action")
    if action == "read":
        services.mark_read(enrolment, page)
        messages.success(request, _("Lesson marked as read."))
        anchor = ""
    elif action == "quiz":
        answers = _quiz_answers(request, page)
        try:
            attempt = services.submit_quiz(enrolment, page, answers)
        except services.QuizError as error:
            context = Page.get_context(page, request)
            context.update(lesson_context(page, request, quiz_error=error, submitted=answers))
            response = TemplateResponse(request, page.get_template(request), context, status=200)
            return private(response)
        if attempt.passed:
            messages.success(
                request,
                _("Quiz passed: %(score)d%% (pass mark %(mark)d%%).")
                % {"score": attempt.score, "mark": page.pass_mark},
            )
        else:
            messages.warning(
                request,
                _("Quiz not passed: %(score)d%% (pass mark %(mark)d%%).")
                % {"score": attempt.score, "mark": page.pass_mark},
            )
        anchor = "#quiz-result"
    else:
        return HttpResponseRedirect(url)
    enrolment.refresh_from_db()
    if not was_completed and enrolment.status == EnrolmentStatus.COMPLETED:
        messages.success(
            request,
            _("Congratulations: you have completed the course. Your certificate is ready."),
        )
    return HttpResponseRedirect(url + anchor)


# --- dashboard -----------------------------------------------------------------------------


def dashboard(request, index_page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    outlines = services.learner_courses(request.user, index_page.locale)
    active = [o for o in outlines if o.enrolment.status == EnrolmentStatus.ACTIVE]
    completed = [o for o in outlines if o.enrolment.status == EnrolmentStatus.COMPLETED]
    certificates = []
    for outline in completed:
        certificate = getattr(outline.enrolment, "certificate", None)
        if certificate is not None:
            certificate.verify_url = certificate_route_url(
                index_page, "certificate", certificate.code, request
            )
            certificate.pdf_url = certificate_route_url(
                index_page, "certificate_pdf", certificate.code, request
            )
            certificates.append((outline, certificate))
    hours = sum((o.enrolment.course.hours for o in completed), start=0)
    next_steps = [(o, o.next_lesson) for o in active if o.next_lesson is not None]
    shown = navigation.route_page(index_page, _("My learning"), "dashboard")
    context = Page.get_context(shown, request)
    from school.training_views import trainings_of

    context.update(
        {
            "trainings": trainings_of(request.user, index_page, request),
            "trainings_url": navigation.route_url(index_page, "trainings", request=request),
            "support_url": navigation.route_url(index_page, "my_support", request=request),
            "outlines": outlines,
            "active": active,
            "completed": completed,
            "certificates": certificates,
            "hours": hours,
            "next_steps": next_steps,
            "index_url": index_page.get_url(request),
            "status_counts": Counter(o.enrolment.status for o in outlines),
        }
    )
    response = TemplateResponse(request, "school/dashboard.html", context)
    response.cacheable_personal_view = True
    return private(response)


def certificate_route_url(index_page, name, code, request=None):
    return navigation.route_url(index_page, name, request=request, code=code)


# --- certificates (views by school.certificate_views) -------------------------------------


def certificate_verify(request, index_page, code):
    from school import certificate_views

    return certificate_views.verify(request, index_page, code)


def certificate_download(request, index_page, code):
    from school import certificate_views

    return certificate_views.download(request, index_page, code)
