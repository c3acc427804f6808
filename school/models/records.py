"""Learners' records: cohorts, enrolments, lesson progress and quiz attempts. Plain models
(personal, high-volume data), never pages. Course and lesson foreign keys point to the
original page of a translated course (see school.models.pages.original)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    """A group enrolled together, e.g. the members of a partner cooperation team."""

    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_cohorts",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="cohorts",
    )
    cooperation_team = models.ForeignKey(
        "catalog.CooperationTeam",
        verbose_name=_("cooperation team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("self-enrolment")
    COORDINATOR = "coordinator", _("by a coordinator")
    CSV = "csv", _("from a CSV list")
    COHORT = "cohort", _("with a cohort")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("in progress")
    COMPLETED = "completed", _("completed")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    # A course with learners is not deleted by accident: unpublish it instead.
    course = models.ForeignKey(
        "school.CoursePage",
        verbose_name=_("course"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    source = models.CharField(
        _("enrolled"), max_length=16, choices=EnrolmentSource.choices, default=EnrolmentSource.SELF
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enrolled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(_("enrolled on"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ACTIVE,
    )
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        "school.LessonPage",
        verbose_name=_("last lesson opened"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at", "-pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="school_enrolment_once")
        ]
        indexes = [models.Index(fields=["course", "status"], name="school_enrol_course_status")]

    def __str__(self):
        return f"{self.user} – {self.course}"

    @property
    def is_completed(self):
        return self.status == EnrolmentStatus.COMPLETED


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    # Progress on a lesson an editor removed means nothing any more.
    lesson = models.ForeignKey(
        "school.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    read_at = models.DateTimeField(_("read on"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="school_progress_once")
        ]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson}"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    lesson = models.ForeignKey(
        "school.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="quiz_attempts",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    # {question block id: [chosen choice positions]}
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        indexes = [models.Index(fields=["enrolment", "lesson"], name="school_attempt_lesson")]

    def __str__(self):
        return f"{self.enrolment} – {self.lesson} ({self.score}%)"
