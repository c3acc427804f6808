"""Coaching and supervision records, confidential by design.

Coaching: a coach works with one coachee or a group. The notes shared with the coachees
are read by the coach and the coachees; the private notes by the coach alone, never by
anyone else (not a coordinator, not a superuser), and never in search, exports, logs or
revisions. That is why these models keep no revisions: a revision would store the notes.

Supervision of a task team (zadaniowy zespół kooperacyjny): its conclusions leave the
session only with the recorded consent of every member. A supervisor may not be employed
by the institution of any supervisee.

Nothing about client families belongs here: the forms say so and free-text fields warn."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .trainings import HOURS, Person, Project


class CoachingForm(models.TextChoices):
    INDIVIDUAL = "individual", _("individual")
    GROUP = "group", _("group")


class CoachingSession(models.Model):
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        on_delete=models.PROTECT,
        related_name="coaching_sessions",
    )
    coachees = models.ManyToManyField(
        Person, verbose_name=_("coachees"), related_name="coaching_sessions"
    )
    form = models.CharField(
        _("form"), max_length=16, choices=CoachingForm.choices, default=CoachingForm.INDIVIDUAL
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coaching_sessions",
    )
    date = models.DateField(_("date"), db_index=True)
    hours = models.DecimalField(
        _("duration (hours)"),
        **{**HOURS, "validators": [MinValueValidator(0.25)]},
    )
    topic = models.CharField(_("topic"), max_length=255)
    goals = models.TextField(_("goals"), blank=True)
    shared_notes = models.TextField(
        _("notes shared with the coachee"),
        blank=True,
        help_text=_("The coachees read these. No data about client families."),
    )
    private_notes = models.TextField(
        _("private notes"),
        blank=True,
        help_text=_("Only you will ever read these. No data about client families."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        indexes = [models.Index(fields=["coach", "date"], name="school_coaching_coach_date")]

    def __str__(self):
        # No topic: this label lands in log entries and the site history, which others
        # read; a topic may say more than it should.
        return _("Coaching session of %(date)s") % {"date": f"{self.date:%Y-%m-%d}"}


class SupervisionSession(models.Model):
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("supervisor"),
        on_delete=models.PROTECT,
        related_name="supervision_sessions",
    )
    # The task team, named as the gmina names it; the partner team it works within, if any.
    team_name = models.CharField(_("task team"), max_length=255)
    cooperation_team = models.ForeignKey(
        "catalog.CooperationTeam",
        verbose_name=_("cooperation team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervision_sessions",
    )
    members = models.ManyToManyField(
        Person,
        verbose_name=_("members"),
        through="SupervisionMember",
        related_name="supervision_sessions",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervision_sessions",
    )
    date = models.DateField(_("date"), db_index=True)
    hours = models.DecimalField(
        _("duration (hours)"),
        **{**HOURS, "validators": [MinValueValidator(0.25)]},
    )
    conclusions = models.TextField(
        _("conclusions"),
        blank=True,
        help_text=_(
            "Shared outside the session only when every member has consented. "
            "No data about client families."
        ),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("supervision session")
        verbose_name_plural = _("supervision sessions")

    def __str__(self):
        # No team name: a task team is often named after the family it works with, and
        # this label lands in log entries and the site history.
        return _("Supervision session of %(date)s") % {"date": f"{self.date:%Y-%m-%d}"}

    def all_members_consented(self):
        """True only if the session has members and each of them consented."""
        consents = [member.consented for member in self.memberships.all()]
        return bool(consents) and all(consents)


class SupervisionMember(models.Model):
    session = models.ForeignKey(
        SupervisionSession,
        verbose_name=_("supervision session"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("member"), on_delete=models.PROTECT, related_name="+"
    )
    consented = models.BooleanField(_("consents to sharing the conclusions"), default=False)
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        verbose_name = _("member of a supervised team")
        verbose_name_plural = _("members of a supervised team")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="school_supervision_once")
        ]

    def __str__(self):
        return f"{self.person} – {self.session}"

    def record_consent(self, consented, by, when=None):
        """A member's consent (or its withdrawal) with who recorded it and when."""
        self.consented = consented
        self.consent_recorded_at = when or timezone.now()
        self.consent_recorded_by = by
