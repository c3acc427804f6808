"""What coordinators see: who may coordinate, the participant list of a course with its
filters and sort orders, and the completion figures per course.

A coordinator is a member of the Coordinator role (or a superuser); what they see is limited
to the learners of the cohorts they coordinate (school.permissions.visible_enrolments). Every
query here costs the same number of SQL statements whatever the number of learners: the
participant list is one query for its page, one to count, one for the learners' cohorts."""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from portal import roles
from school.models import Cohort, CoursePage, Enrolment, EnrolmentStatus, LessonProgress
from school.permissions import visible_enrolments
from school.services import lessons_of


def is_coordinator(user):
    """May open the e-School part of the admin. Coordinating a cohort is not enough on its
    own: a person who loses the role loses access even if a cohort still names them."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    # Asked by every menu item and view of a request: remembered on the user object.
    if not hasattr(user, "_school_is_coordinator"):
        user._school_is_coordinator = user.groups.filter(name=roles.COORDINATOR).exists()
    return user._school_is_coordinator


def managed_cohorts(user):
    if not is_coordinator(user):
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(coordinators=user)


def coordinator_enrolments(user):
    if not is_coordinator(user):
        return Enrolment.objects.none()
    return visible_enrolments(user)


def original_courses():
    """Courses as records know them: the first page of each set of translations."""
    firsts = CoursePage.objects.values("translation_key").annotate(first=Min("pk")).values("first")
    return CoursePage.objects.filter(pk__in=Subquery(firsts)).order_by("path")


def lesson_ids(course):
    """The lessons that count towards the course, as the learner's progress counts them."""
    return [lesson.pk for lesson in lessons_of([course])[course.pk]]


class Status:
    COMPLETED = "completed"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    WITHDRAWN = "withdrawn"

    choices = [
        ("", pgettext_lazy("course status", "all enrolled")),
        (COMPLETED, pgettext_lazy("course status", "completed")),
        (IN_PROGRESS, pgettext_lazy("course status", "in progress")),
        (NOT_STARTED, pgettext_lazy("course status", "not started")),
        (WITHDRAWN, pgettext_lazy("course status", "withdrawn")),
    ]
    labels = dict(choices)


SORTS = {
    "name": ("user__last_name", "user__first_name", "pk"),
    "institution": ("workplace", "user__last_name", "pk"),
    "gmina": ("user__gmina__name", "user__last_name", "pk"),
    "enrolled": ("enrolled_at", "pk"),
    "progress": ("lessons_done", "pk"),
    "completed": ("completed_at", "pk"),
}
DEFAULT_SORT = "name"


@dataclass
class ParticipantFilters:
    cohort: Cohort | None = None
    status: str = ""
    q: str = ""
    sort: str = DEFAULT_SORT


def _with_progress(queryset, lessons):
    done = (
        LessonProgress.objects.filter(
            enrolment=OuterRef("pk"), completed_at__isnull=False, lesson_id__in=lessons
        )
        .order_by()
        .values("enrolment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    started = LessonProgress.objects.filter(enrolment=OuterRef("pk"))
    return queryset.annotate(
        lessons_done=Coalesce(Subquery(done, output_field=IntegerField()), Value(0)),
        has_started=Exists(started),
        # A typed name is "" when absent: NULL, so that it sorts with the missing ones.
        workplace=Coalesce("user__institution__name", NullIf("user__institution_name", Value(""))),
    )


def _filter_by_status(queryset, status):
    if status == Status.WITHDRAWN:
        return queryset.filter(status=EnrolmentStatus.WITHDRAWN)
    queryset = queryset.exclude(status=EnrolmentStatus.WITHDRAWN)
    if status == Status.COMPLETED:
        return queryset.filter(status=EnrolmentStatus.COMPLETED)
    if status == Status.IN_PROGRESS:
        return queryset.exclude(status=EnrolmentStatus.COMPLETED).filter(has_started=True)
    if status == Status.NOT_STARTED:
        return queryset.exclude(status=EnrolmentStatus.COMPLETED).filter(has_started=False)
    return queryset


def _search(queryset, text):
    """Every word must match the learner's name, institution or gmina."""
    for word in text.split():
        queryset = queryset.filter(
            Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(user__institution__name__icontains=word)
            | Q(user__institution_name__icontains=word)
            | Q(user__gmina__name__icontains=word)
        )
    return queryset


def in_cohort(cohort):
    """Members of the cohort and enrolments made with it. Subqueries, not joins: a learner
    in several cohorts must still be one row."""
    members = Cohort.members.through.objects.filter(cohort=cohort).values("user_id")
    return Q(user_id__in=members) | Q(cohort=cohort)


def course_enrolments(viewer, course, filters):
    """The viewer's learners of a course with the list's filters but its status: what the
    figures above the list are about. No annotations, so that counting stays cheap."""
    queryset = coordinator_enrolments(viewer).filter(course=course)
    if filters.cohort is not None:
        queryset = queryset.filter(in_cohort(filters.cohort))
    if filters.q.strip():
        queryset = _search(queryset, filters.q.strip())
    return queryset


def participants(viewer, course, filters, lessons):
    queryset = _with_progress(course_enrolments(viewer, course, filters), lessons)
    queryset = _filter_by_status(queryset, filters.status)
    sort = filters.sort or DEFAULT_SORT
    descending = sort.startswith("-")
    names = SORTS.get(sort.lstrip("-"), SORTS[DEFAULT_SORT])
    # The column sorted flips; ties stay by name. Empty values (no institution, not
    # completed) come last either way, on every database.
    first, *ties = names
    fields = [
        F(first).desc(nulls_last=True) if descending else F(first).asc(nulls_last=True),
        *(F(name).asc(nulls_last=True) for name in ties),
    ]
    return (
        queryset.select_related("user", "user__institution", "user__gmina", "cohort", "certificate")
        .prefetch_related(
            Prefetch(
                "user__cohorts",
                queryset=managed_cohorts(viewer).order_by("name"),
                to_attr="visible_cohorts",
            )
        )
        .order_by(*fields)
    )


# The figures ---------------------------------------------------------------------------


@dataclass
class CourseFigures:
    enrolled: int = 0
    completed: int = 0
    median: datetime.timedelta | None = None

    @property
    def completion_rate(self):
        """Per cent of everyone enrolled (withdrawn learners count as not completed)."""
        if not self.enrolled:
            return None
        return round(100 * self.completed / self.enrolled, 1)


def median_duration(pairs):
    durations = [completed - enrolled for enrolled, completed in pairs if completed and enrolled]
    if not durations:
        return None
    return statistics.median(durations)


def figures(enrolments):
    """Completion rate and median time to complete of a set of enrolments: two queries."""
    counts = enrolments.order_by().aggregate(
        enrolled=Count("pk"), completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED))
    )
    pairs = enrolments.filter(status=EnrolmentStatus.COMPLETED).values_list(
        "enrolled_at", "completed_at"
    )
    return CourseFigures(counts["enrolled"], counts["completed"], median_duration(pairs))


@dataclass
class CourseSummary:
    course: CoursePage
    figures: CourseFigures

    @property
    def median_text(self):
        return format_duration(self.figures.median)


def summary(viewer):
    """One row per course with the viewer's learners in it (plus every live course with
    none, so that a new course is reachable too): three queries in all."""
    enrolments = coordinator_enrolments(viewer)
    per_course = {
        row["course"]: CourseFigures(row["enrolled"], row["completed"])
        for row in enrolments.order_by()
        .values("course")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
        )
    }
    pairs = {}
    for course_id, enrolled_at, completed_at in enrolments.filter(
        status=EnrolmentStatus.COMPLETED
    ).values_list("course", "enrolled_at", "completed_at"):
        pairs.setdefault(course_id, []).append((enrolled_at, completed_at))
    for course_id, course_pairs in pairs.items():
        if course_id in per_course:
            per_course[course_id].median = median_duration(course_pairs)
    rows = []
    for course in original_courses().filter(Q(live=True) | Q(pk__in=list(per_course))):
        rows.append(CourseSummary(course, per_course.get(course.pk, CourseFigures())))
    return rows


def format_duration(duration):
    """A median time as a coordinator would say it: hours under two days, then days."""
    if duration is None:
        return "–"
    hours = duration.total_seconds() / 3600
    if hours < 48:
        count = max(1, round(hours))
        return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}
    count = round(hours / 24)
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def progress_percent(done, total):
    if not total:
        return 0
    return min(100, round(100 * done / total))


def status_of(enrolment):
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        return Status.WITHDRAWN
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return Status.COMPLETED
    return Status.IN_PROGRESS if enrolment.has_started else Status.NOT_STARTED


def cohorts_shown(enrolment):
    """The learner's cohorts the viewer coordinates, and the cohort of the enrolment."""
    cohorts = {cohort.pk: cohort for cohort in getattr(enrolment.user, "visible_cohorts", [])}
    if enrolment.cohort_id and enrolment.cohort_id not in cohorts:
        cohorts[enrolment.cohort_id] = enrolment.cohort
    return sorted(cohorts.values(), key=lambda cohort: cohort.name)


# Rows of the list and its exports ----------------------------------------------------------


def learner_name(user):
    return user.get_full_name().strip() or user.get_username()


def _local_date(moment):
    return timezone.localtime(moment).date() if moment else None


@dataclass
class ParticipantRow:
    enrolment: Enrolment
    name: str
    institution: str
    gmina: str
    cohorts: list
    enrolled_on: datetime.date
    status: str
    done: int
    total: int
    completed_on: datetime.date | None
    certificate_code: str
    certificate_revoked: bool

    @property
    def percent(self):
        return progress_percent(self.done, self.total)

    @property
    def status_label(self):
        return Status.labels[self.status]


def participant_row(enrolment, total):
    user = enrolment.user
    certificate = getattr(enrolment, "certificate", None)
    return ParticipantRow(
        enrolment=enrolment,
        name=learner_name(user),
        institution=enrolment.workplace or "",
        gmina=user.gmina.name if user.gmina_id else "",
        cohorts=[cohort.name for cohort in cohorts_shown(enrolment)],
        enrolled_on=_local_date(enrolment.enrolled_at),
        status=status_of(enrolment),
        done=min(enrolment.lessons_done, total),
        total=total,
        completed_on=_local_date(enrolment.completed_at),
        certificate_code=certificate.code if certificate else "",
        certificate_revoked=bool(certificate and certificate.revoked_at),
    )


EXPORT_HEADER = [
    _("Name"),
    _("Institution"),
    _("Gmina"),
    _("Cohort"),
    _("Enrolled on"),
    _("Status"),
    _("Progress (%)"),
    _("Lessons completed"),
    _("Lessons in the course"),
    _("Completed on"),
    _("Certificate code"),
    _("Certificate revoked"),
]


def export_values(row):
    return [
        row.name,
        row.institution,
        row.gmina,
        ", ".join(row.cohorts),
        row.enrolled_on,
        str(row.status_label),
        row.percent,
        row.done,
        row.total,
        row.completed_on,
        row.certificate_code,
        str(_("yes")) if row.certificate_revoked else "",
    ]
