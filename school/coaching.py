"""Who may see which coaching and supervision records: the one place that says so.

Every view of these records (the coach's admin, the coordinators' hours, the coachee's and
member's pages, the administrator's audited reading) asks here, so that a rule changes in
one place. The rules:

- A coaching session is the coach's: only they list, edit, delete and inspect it, and only
  they ever read its private notes (not a coordinator, not a superuser, nobody).
- The notes shared with the coachees are read by the coach and the coachees; a superuser
  only through the audited "show notes" action (see `read_notes`).
- A supervision session is the supervisor's; its conclusions are read by the supervisor
  and the members, and by a superuser (audited) only when every member has consented.
- Coordinators see dates, people counts and hours, never a topic or a note: reports and
  exports read `hours_rows` and the ledger, which carry no text at all."""

from django.db.models import Count, Exists, OuterRef
from wagtail.log_actions import log

from portal import roles
from school.models import CoachingSession, Person, SupervisionMember, SupervisionSession

NOTES_READ = "school.notes_read"


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def is_coach(user):
    """Coaches and supervisors share the Coach role."""
    if not _active(user):
        return False
    if not hasattr(user, "_school_is_coach"):
        user._school_is_coach = user.groups.filter(name=roles.COACH).exists()
    return user._school_is_coach


def may_record_sessions(user):
    """Opens the coach's part of the admin: the Coach role, or a superuser (who records
    their own sessions there, never anyone else's)."""
    return _active(user) and (user.is_superuser or is_coach(user))


# Querysets --------------------------------------------------------------------------------


def coaching_for_coach(user):
    if not may_record_sessions(user):
        return CoachingSession.objects.none()
    return CoachingSession.objects.filter(coach=user)


def _person_ids(user):
    return Person.objects.filter(user=user).values("pk")


def coaching_for_coachee(user):
    """The sessions the user took part in as a coachee, through their row in the register."""
    if not _active(user):
        return CoachingSession.objects.none()
    return CoachingSession.objects.filter(coachees__in=_person_ids(user)).distinct()


def supervision_for_supervisor(user):
    if not may_record_sessions(user):
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(supervisor=user)


def supervision_for_member(user):
    if not _active(user):
        return SupervisionSession.objects.none()
    return SupervisionSession.objects.filter(
        Exists(
            SupervisionMember.objects.filter(session=OuterRef("pk"), person__in=_person_ids(user))
        )
    )


# Single sessions --------------------------------------------------------------------------


def is_coach_of(user, session):
    return _active(user) and session.coach_id == user.pk


def is_coachee_of(user, session):
    return _active(user) and session.coachees.filter(user=user).exists()


def is_supervisor_of(user, session):
    return _active(user) and session.supervisor_id == user.pk


def is_member_of(user, session):
    return _active(user) and session.memberships.filter(person__user=user).exists()


def can_read_private_notes(user, session):
    """The coach, and nobody else: not a superuser, not a coordinator."""
    return is_coach_of(user, session)


def can_read_shared_notes(user, session, *, audited=False):
    """The coach and the coachees by right; a superuser only when the reading is audited
    (`read_notes` writes the record first)."""
    if is_coach_of(user, session) or is_coachee_of(user, session):
        return True
    return audited and _active(user) and user.is_superuser


def can_read_conclusions(user, session, *, audited=False):
    """The supervisor and the members by right. Anyone else only when every member has
    consented, and then only a superuser whose reading is audited: coordinators read
    hours, and reports and exports never carry conclusions."""
    if is_supervisor_of(user, session) or is_member_of(user, session):
        return True
    return audited and _active(user) and user.is_superuser and session.all_members_consented()


def may_audit_read(user, session):
    """May a superuser open the shared notes (coaching) or conclusions (supervision) of a
    session that is not theirs through the audited action?"""
    if not (_active(user) and user.is_superuser):
        return False
    if isinstance(session, SupervisionSession):
        return session.all_members_consented()
    return True


def read_notes(user, session):
    """The audited reading: writes who read which session's notes and when (never the
    text), and returns what may be shown. Raises PermissionError when not allowed."""
    if not may_audit_read(user, session):
        raise PermissionError("not allowed to read these notes")
    kind = "supervision" if isinstance(session, SupervisionSession) else "coaching"
    log(
        instance=session,
        action=NOTES_READ,
        user=user,
        data={"session": session.pk, "kind": kind},
    )
    if kind == "coaching":
        return {"shared_notes": session.shared_notes}
    return {"conclusions": session.conclusions}


# Figures for coordinators -----------------------------------------------------------------


def coaching_hours_rows(sessions=None):
    """Rows for the coordinators' hours list: date, coach, form, number of coachees, hours.
    Values only: no topic, goals or notes are ever read from the database here."""
    sessions = CoachingSession.objects.all() if sessions is None else sessions
    return (
        sessions.order_by("-date", "-pk")
        .annotate(coachee_count=Count("coachees", distinct=True))
        .values(
            "pk",
            "date",
            "form",
            "hours",
            "coachee_count",
            "coach_id",
            "coach__first_name",
            "coach__last_name",
            "coach__username",
        )
    )


def supervision_hours_rows(sessions=None):
    """Rows for the coordinators' hours list: date, supervisor, number of members, whether
    all consented, hours. No team name (a task team may be named after the family it
    works with) and no conclusions."""
    sessions = SupervisionSession.objects.all() if sessions is None else sessions
    return (
        sessions.order_by("-date", "-pk")
        .annotate(
            member_count=Count("memberships", distinct=True),
        )
        .values(
            "pk",
            "date",
            "hours",
            "member_count",
            "supervisor_id",
            "supervisor__first_name",
            "supervisor__last_name",
            "supervisor__username",
        )
    )


def format_hours(value):
    """1.50 → "1,5", 2.00 → "2", 0.25 → "0,25" (in the active language): hours as people
    write them, never rounded."""
    from decimal import Decimal

    from django.utils.formats import number_format

    value = Decimal(value or 0)
    if value == value.to_integral_value():
        return number_format(value.quantize(Decimal(1)))
    return number_format(value.normalize())
