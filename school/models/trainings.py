"""In-person support counted in hours: projects, training events with their days, the
register of the people who take part (many of them have no account), registrations and
attendance per day. Plain models: personal, high-volume records, never pages.

Hours are stored as decimals of teaching hours. A day's teaching hours default to its
length divided by the event's teaching hour (45 minutes unless the event says otherwise);
a coordinator may set them by hand (a lunch break is not teaching)."""

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

HOURS = {"max_digits": 7, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


def default_teaching_hour_minutes():
    return getattr(settings, "SCHOOL_TEACHING_HOUR_MINUTES", 45)


class Project(models.Model):
    """An EU project (or its stage) that support is reported to, e.g. "Liderzy kooperacji".
    Its end date starts the retention period of the personal data of its participants."""

    name = models.CharField(_("name"), max_length=255)
    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("A short fixed code used in imports and reports, e.g. liderzy-2018."),
    )
    funding_programme = models.CharField(_("funding programme"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A project cannot end before it starts.")})


class Person(models.Model):
    """Someone who takes part in support: a trainee, a coachee, a member of a task team, a
    trainer. Many take part in person only and have no account. The same person is one row
    across events: found by account, then by e-mail; a coordinator merges the rest."""

    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    institution = models.ForeignKey(
        "catalog.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    institution_name = models.CharField(
        _("institution (as given)"),
        max_length=255,
        blank=True,
        help_text=_("When the institution is not in the list of activities and services."),
    )
    # Reports by gmina, powiat and voivodeship start here.
    gmina = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "gmina"},
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    # Erased on request or after the retention period: the row stays so that reports
    # count the person once, anonymously.
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        ordering = ["last_name", "first_name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="school_person_email_once",
                violation_error_message=_("A participant with this e-mail is already listed."),
            )
        ]
        indexes = [models.Index(fields=["last_name", "first_name"], name="school_person_name")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def institution_label(self):
        if self.institution_id is not None:
            return self.institution.name
        return self.institution_name


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    ONE_DAY_TRAINING = "one_day_training", _("one-day training")
    TWO_DAY_WORKSHOP = "two_day_workshop", _("two-day workshop")
    EXCHANGE_VISIT = "exchange_visit", _("exchange visit")
    EDUCATIONAL_MEETING = "educational_meeting", _("educational meeting")
    EXPERT_VISIT = "expert_visit", _("expert visit")
    STEERING_MEETING = "steering_meeting", _("steering meeting")
    CONFERENCE = "conference", _("conference")
    OTHER = "other", _("other")


class TrainingEvent(ClusterableModel):
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("type"), max_length=32, choices=EventKind.choices)
    course = models.ForeignKey(
        "school.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="training_events",
        help_text=_("The e-School course this training belongs to, if any."),
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    description = models.TextField(_("description"), blank=True)
    address = models.CharField(_("place (address)"), max_length=255, blank=True)
    gmina = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina of the place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "gmina"},
    )
    teaching_hour_minutes = models.PositiveSmallIntegerField(
        _("teaching hour (minutes)"),
        default=default_teaching_hour_minutes,
        validators=[MinValueValidator(1)],
    )
    trainers = models.ManyToManyField(
        Person, verbose_name=_("trainers"), blank=True, related_name="trained_events"
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    # The identifier of the event in an imported file: importing the same file again
    # finds the same event instead of adding a second one.
    import_key = models.CharField(_("import identifier"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # The first and last day, kept in step with the days (EventDay.save/delete) so that
    # lists and period filters need no aggregate.
    starts_on = models.DateField(_("first day"), null=True, blank=True, db_index=True)
    ends_on = models.DateField(_("last day"), null=True, blank=True)

    class Meta:
        ordering = ["-starts_on", "title", "pk"]
        verbose_name = _("training event")
        verbose_name_plural = _("training events")
        constraints = [
            models.UniqueConstraint(
                fields=["import_key"],
                condition=~Q(import_key=""),
                name="school_event_import_key_once",
            )
        ]

    def __str__(self):
        return self.title

    def refresh_dates(self):
        # The stored days, not self.days: while the admin form saves the event with its
        # days, self.days is modelcluster's in-memory list.
        span = EventDay.objects.filter(event_id=self.pk).aggregate(
            first=models.Min("date"), last=models.Max("date")
        )
        TrainingEvent.objects.filter(pk=self.pk).update(
            starts_on=span["first"], ends_on=span["last"]
        )
        self.starts_on, self.ends_on = span["first"], span["last"]

    @property
    def teaching_hours(self):
        """The sum of the days' teaching hours (one query unless the days are prefetched)."""
        return sum((day.teaching_hours for day in self.days.all()), Decimal("0"))


def event_teaching_hours():
    """An event's teaching hours (the sum of its days', 0 without days) as an expression for
    `TrainingEvent.objects.annotate(...)`: a subquery, since a join with the days would
    multiply with any other rows joined to the event."""
    hours = (
        EventDay.objects.filter(event=models.OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(total=models.Sum("teaching_hours"))
        .values("total")
    )
    decimal = models.DecimalField(max_digits=9, decimal_places=2)
    return Coalesce(
        models.Subquery(hours, output_field=decimal), Value(Decimal("0")), output_field=decimal
    )


class EventDay(models.Model):
    # A parental key: the admin edits an event with its days in one form.
    event = ParentalKey(
        TrainingEvent, verbose_name=_("event"), on_delete=models.CASCADE, related_name="days"
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))
    teaching_hours = models.DecimalField(
        _("teaching hours"),
        blank=True,
        help_text=_("Leave empty to count the length of the day in teaching hours."),
        **HOURS,
    )

    class Meta:
        ordering = ["date", "starts_at", "pk"]
        verbose_name = _("day of an event")
        verbose_name_plural = _("days of an event")
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="school_event_day_once")
        ]
        indexes = [models.Index(fields=["date"], name="school_eventday_date")]

    def __str__(self):
        return f"{self.event} – {self.date:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.teaching_hours is None:
            self.teaching_hours = self.length_in_teaching_hours()
        super().save(*args, **kwargs)
        self.event.refresh_dates()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.event.refresh_dates()
        return result

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A day must end after it starts.")})

    def length_in_teaching_hours(self):
        minutes = (
            datetime.combine(self.date, self.ends_at) - datetime.combine(self.date, self.starts_at)
        ).total_seconds() / 60
        unit = self.event.teaching_hour_minutes or default_teaching_hour_minutes()
        return (Decimal(str(minutes)) / Decimal(unit)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("registered")
    CANCELLED = "cancelled", _("cancelled")


class Registration(models.Model):
    """A person on an event's list. Attendance is recorded per day; a registration alone
    counts as nothing in reports."""

    event = models.ForeignKey(
        TrainingEvent,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    registered_at = models.DateTimeField(_("registered on"), default=timezone.now)

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="school_registration_once")
        ]

    def __str__(self):
        return f"{self.person} – {self.event}"


class Attendance(models.Model):
    """A person present on one day of an event. Absence is the lack of a row. `hours` is set
    only for partial presence; otherwise the person has the day's teaching hours."""

    # The keys' own indexes would repeat the first column of the two below.
    day = models.ForeignKey(
        EventDay,
        verbose_name=_("day"),
        on_delete=models.CASCADE,
        related_name="attendance",
        db_index=False,
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="attendance",
        db_index=False,
    )
    hours = models.DecimalField(
        _("hours present"),
        null=True,
        blank=True,
        help_text=_("Only when the person was present for part of the day."),
        **HOURS,
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["day", "person"], name="school_attendance_once")
        ]
        # The report of hours reads a period's attendance from these alone (PostgreSQL's
        # INCLUDE; elsewhere plain indexes): by day from the days of the period, or by
        # person for the people of a territory or an institution.
        indexes = [
            models.Index(fields=["day"], include=["person", "hours"], name="school_attendance_day"),
            models.Index(
                fields=["person", "day"], include=["hours"], name="school_attendance_person_hours"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.day}"
