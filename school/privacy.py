"""What the e-School's records of support hold about a person, and how they forget them.

`person_data(person)` is the download for one row of the participant register: for a
participant without an account (the coordinator hands it over on request) and, as the
section "support", inside the download of an account (`support_records(user)`). It holds
the person's own records only: their days at events with hours, registrations, coaching
as a coachee with the notes shared with them, supervision with the conclusions of their
own team, and the events they trained at. Never a coach's private notes, never other
participants' names.

`erase_person(person)` forgets a person of the register: the row is anonymised
(school.people.erase keeps it, so reports still count the person once) and the notes of
coaching sessions whose every coachee is now erased go, as they were about those people.
`erase_support_records(user)` is the account eraser: it erases the account's person, and
deletes the private notes of a coach, as nobody else may ever read them. The sessions themselves
stay with their hours: they point at the account, which portal.accounts.personal_data
keeps as an anonymous row, so the reports of delivered hours still add up.

Values are plain JSON (dates as ISO strings, hours as decimal strings), so that the result
goes into json.dumps as it is."""

import datetime
import json

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from school import people
from school.models import (
    Attendance,
    CoachingSession,
    Person,
    Registration,
    SupervisionMember,
    SupervisionSession,
    TrainingEvent,
)


def _date(value):
    return value.isoformat() if value is not None else None


def _hours(value):
    return str(value) if value is not None else None


def _user_name(user):
    if user is None:
        return None
    return user.get_full_name() or user.get_username()


def _project(project):
    return project.name if project is not None else None


def _register_row(person):
    institution = person.institution
    gmina = person.gmina
    return {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "position": person.position,
        "institution": (
            {"id": institution.pk, "name": institution.name} if institution is not None else None
        ),
        "institution_name": person.institution_name,
        "gmina": {"teryt": gmina.code, "name": gmina.name} if gmina is not None else None,
        "has_account": person.user_id is not None,
        "added_at": _date(person.created_at),
        "erased_at": _date(person.erased_at),
    }


def _events_attended(person):
    rows = (
        Attendance.objects.filter(person=person)
        .select_related("day__event__project")
        .order_by("day__date", "day__starts_at", "pk")
    )
    events = {}
    for row in rows:
        day = row.day
        event = day.event
        entry = events.get(event.pk)
        if entry is None:
            entry = events[event.pk] = {
                "event_id": event.pk,
                "title": event.title,
                "type": event.kind,
                "project": _project(event.project),
                "place": event.address,
                "days": [],
                "hours": 0,
            }
        hours = row.hours if row.hours is not None else day.teaching_hours
        entry["days"].append(
            {
                "date": _date(day.date),
                "starts_at": day.starts_at.strftime("%H:%M"),
                "ends_at": day.ends_at.strftime("%H:%M"),
                "teaching_hours": _hours(day.teaching_hours),
                "hours_present": _hours(hours),
                "partial": row.hours is not None,
            }
        )
        entry["hours"] += hours
    for entry in events.values():
        entry["hours"] = _hours(entry["hours"])
    return list(events.values())


def _registrations(person):
    rows = (
        Registration.objects.filter(person=person)
        .select_related("event")
        .order_by("registered_at", "pk")
    )
    return [
        {
            "event_id": row.event_id,
            "event": row.event.title,
            "status": row.status,
            "registered_at": _date(row.registered_at),
        }
        for row in rows
    ]


def _coaching(person):
    # The private notes are never read into memory here: only() leaves them in the table.
    sessions = (
        CoachingSession.objects.filter(coachees=person)
        .select_related("coach", "project")
        .only(
            "date",
            "form",
            "hours",
            "topic",
            "goals",
            "shared_notes",
            "project__name",
            "coach__first_name",
            "coach__last_name",
            "coach__username",
        )
        .order_by("date", "pk")
    )
    return [
        {
            "date": _date(session.date),
            "coach": _user_name(session.coach),
            "form": session.form,
            "project": _project(session.project),
            "topic": session.topic,
            "goals": session.goals,
            "hours": _hours(session.hours),
            "shared_notes": session.shared_notes,
        }
        for session in sessions
    ]


def _supervision(person):
    rows = (
        SupervisionMember.objects.filter(person=person)
        .select_related("session__supervisor", "session__project")
        .order_by("session__date", "pk")
    )
    return [
        {
            "date": _date(row.session.date),
            "team": row.session.team_name,
            "supervisor": _user_name(row.session.supervisor),
            "project": _project(row.session.project),
            "hours": _hours(row.session.hours),
            "consented": row.consented,
            "consent_recorded_at": _date(row.consent_recorded_at),
            # The person was in the room: the conclusions of their own team are theirs to
            # read, whatever the others consented to.
            "conclusions": row.session.conclusions,
        }
        for row in rows
    ]


def _trainer_of(person):
    events = (
        TrainingEvent.objects.filter(trainers=person)
        .select_related("project")
        .order_by("starts_on", "pk")
    )
    return [
        {
            "event_id": event.pk,
            "title": event.title,
            "type": event.kind,
            "project": _project(event.project),
            "first_day": _date(event.starts_on),
            "last_day": _date(event.ends_on),
        }
        for event in events
    ]


# What a coordinator's download says instead of the notes (it is read by the person).
NOTES_WITHHELD = (
    "Notatki i wnioski z coachingu i superwizji nie są przekazywane przez koordynatora: "
    "zalogowana osoba pobiera je ze swojego konta, a osoba bez konta otrzymuje je od coacha "
    "lub superwizora."
)


def _without_notes(entries, fields):
    return [{key: value for key, value in entry.items() if key not in fields} for entry in entries]


def person_data(person, *, with_notes=True):
    """Everything the records of support hold about one person of the register.

    `with_notes=False` is the download a coordinator makes for someone without an account:
    coordinators see hours and counts, never notes, so the topics, goals, shared notes and
    conclusions stay out of it (the person gets those from their coach or supervisor)."""
    person = (
        Person.objects.select_related("institution", "gmina")
        .only(
            "first_name",
            "last_name",
            "email",
            "position",
            "institution__name",
            "institution_name",
            "gmina__code",
            "gmina__name",
            "user",
            "created_at",
            "erased_at",
        )
        .get(pk=person.pk)
    )
    data = {
        "register": _register_row(person),
        "events_attended": _events_attended(person),
        "registrations": _registrations(person),
        "coaching": _coaching(person),
        "supervision": _supervision(person),
        "trainer_of": _trainer_of(person),
    }
    if not with_notes:
        data["coaching"] = _without_notes(data["coaching"], {"topic", "goals", "shared_notes"})
        data["supervision"] = _without_notes(data["supervision"], {"team", "conclusions"})
        data["notes"] = NOTES_WITHHELD
    return data


def person_data_json(person):
    return json.dumps(person_data(person), ensure_ascii=False, indent=2)


def person_data_filename(person):
    return f"kooperacja-dane-uczestnika-{person.pk}.json"


# Accounts -------------------------------------------------------------------------------


def _as_coach(user):
    """The sessions a coach or supervisor delivered: when, how long, on what. Not the
    names of the people they worked with, nor any notes (they are about those people)."""
    coaching = (
        CoachingSession.objects.filter(coach=user)
        .select_related("project")
        .prefetch_related(Prefetch("coachees", queryset=Person.objects.only("pk")))
        .only("date", "form", "hours", "topic", "project__name")
        .order_by("date", "pk")
    )
    supervision = (
        SupervisionSession.objects.filter(supervisor=user)
        .select_related("project")
        .prefetch_related("memberships")
        .only("date", "team_name", "hours", "project__name")
        .order_by("date", "pk")
    )
    return {
        "coaching_delivered": [
            {
                "date": _date(session.date),
                "form": session.form,
                "project": _project(session.project),
                "topic": session.topic,
                "hours": _hours(session.hours),
                "coachees": len(session.coachees.all()),
            }
            for session in coaching
        ],
        "supervision_delivered": [
            {
                "date": _date(session.date),
                "team": session.team_name,
                "project": _project(session.project),
                "hours": _hours(session.hours),
                "members": len(session.memberships.all()),
            }
            for session in supervision
        ],
    }


def _person_of(user):
    """The register's row of an account: linked, or listed under the account's e-mail (the
    same person, as recognition would find them). Looked up only: a download changes
    nothing."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        email = people.normalise_email(user.email)
        if email:
            person = Person.objects.filter(email=email, user__isnull=True).first()
    return person


def support_records(user):
    """The section "support" of an account's download."""
    person = _person_of(user)
    return {
        "participant": person_data(person) if person is not None else None,
        **_as_coach(user),
    }


@transaction.atomic
def erase_person(person):
    """school.people.erase, and the notes written about the person alone: a session whose
    every coachee is erased loses its goals and notes (shared and private), which were
    about those people; its date, topic and hours stay for the reports. Use this, not
    people.erase, wherever a person is erased on request or by retention."""
    erase_people([person])
    return person


@transaction.atomic
def erase_people(persons):
    """erase_person for many, with one query for the notes of all their sessions."""
    ids = []
    for person in persons:
        people.erase(person)
        ids.append(person.pk)
    sessions = CoachingSession.objects.filter(coachees__in=ids).exclude(
        coachees__erased_at__isnull=True
    )
    CoachingSession.objects.filter(pk__in=sessions.values("pk")).update(
        goals="", shared_notes="", private_notes=""
    )
    return ids


def erase_support_records(user):
    """Forget the account holder in the records of support, keep what reports count.
    A coach's or supervisor's sessions stay, pointing at the anonymised account, with
    their hours; the shared notes and the conclusions stay too, as the coachees and the
    team members still read them."""
    person = _person_of(user)
    if person is not None:
        erase_person(person)
    # Only the coach could ever read these, and the coach is gone.
    CoachingSession.objects.filter(coach=user).exclude(private_notes="").update(private_notes="")


# Retention ------------------------------------------------------------------------------


def retention_cutoff(today=None, years=None):
    """The day before which a project must have ended for its participants' data to go."""
    today = today or timezone.localdate()
    years = settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS if years is None else years
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February, and the year `years` back is not a leap year
        return today.replace(year=today.year - years, day=28)


def _still_needed(relation, project, date, cutoff, undated_needed=False):
    """People with a record (through `relation`) that keeps their data: its project has
    not ended before the cutoff (or has no end date yet), or, outside any project, it
    happened on or after the cutoff (an event with no days yet is still to come)."""
    project, date = f"{relation}__{project}", f"{relation}__{date}"
    own_date = Q(**{f"{date}__gte": cutoff})
    if undated_needed:
        own_date |= Q(**{f"{date}__isnull": True})
    ongoing = Q(**{f"{project}__ends_on__isnull": True}) | Q(**{f"{project}__ends_on__gte": cutoff})
    condition = (Q(**{f"{project}__isnull": False}) & ongoing) | (
        Q(**{f"{project}__isnull": True}) & own_date
    )
    # One filter() call: every lookup goes through the same row of the relation.
    return Person.objects.filter(Q(**{f"{relation}__isnull": False}) & condition).values("pk")


def expired_people(today=None):
    """People without an account whose personal data the retention period no longer
    allows: nothing recorded for them is newer than the cutoff. Each record counts by the
    end of its project, or by its own date when it belongs to no project (a day attended,
    a session, the last day of an event trained at or registered for), not by the day the
    person was added to the register (an import of an old project's lists does not
    prolong it); a person with no records at all counts by the day they were added.
    Account holders are left alone: their data lives and goes with the account."""
    cutoff = retention_cutoff(today)
    cutoff_start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    needed = [
        _still_needed("attendance", "day__event__project", "day__date", cutoff),
        _still_needed("coaching_sessions", "project", "date", cutoff),
        _still_needed("supervision_sessions", "project", "date", cutoff),
        _still_needed("trained_events", "project", "ends_on", cutoff, undated_needed=True),
        _still_needed(
            "registrations", "event__project", "event__ends_on", cutoff, undated_needed=True
        ),
        # Added recently with nothing recorded yet (a registration to come, say).
        Person.objects.filter(
            created_at__gte=cutoff_start,
            attendance__isnull=True,
            registrations__isnull=True,
            coaching_sessions__isnull=True,
            supervision_sessions__isnull=True,
            trained_events__isnull=True,
        ).values("pk"),
    ]
    people_left = Person.objects.filter(user__isnull=True, erased_at__isnull=True)
    for subquery in needed:
        people_left = people_left.exclude(pk__in=subquery)
    return people_left
