"""The participant register: recognising the same person across events, merging the
duplicates a coordinator confirms, and erasing a person while keeping what reports count.

Recognition is deliberately cautious: an account, then an e-mail address. Two people with
the same name in different gminas are common in Poland, so a name alone never joins two
rows; it only puts them on the list of possible duplicates for a coordinator to confirm."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry

from school.models import (
    Attendance,
    CoachingSession,
    Person,
    Registration,
    RegistrationStatus,
    SupervisionMember,
    TrainingEvent,
)

ERASED_FIRST_NAME = "Uczestnik"
ERASED_LAST_NAME = "usunięty"


def normalise_email(email):
    return (email or "").strip().lower()


def person_for_user(user, *, create=True):
    """The register's row for an account: linked already, or found by the account's e-mail
    (and linked now), or made from the profile. None for anonymous users."""
    if user is None or not user.is_authenticated:
        return None
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    email = normalise_email(user.email)
    if email:
        person = Person.objects.filter(email=email, user__isnull=True).first()
        if person is not None:
            person.user = user
            person.save(update_fields=["user"])
            return person
    if not create:
        return None
    return Person.objects.create(
        user=user,
        first_name=user.first_name or user.get_username(),
        last_name=user.last_name,
        email=email,
        position=getattr(user, "position", ""),
        institution_id=getattr(user, "institution_id", None),
        institution_name=getattr(user, "institution_name", ""),
        gmina_id=getattr(user, "gmina_id", None),
    )


def recognise(*, first_name, last_name, email="", user=None, **details):
    """Find the person by account or e-mail, or add them. Returns (person, created).
    `details` (position, institution, institution_name, gmina) fill empty fields of a
    person found, and describe a person added; they never overwrite what is recorded."""
    if user is not None:
        person = person_for_user(user)
        _fill_blanks(person, details)
        return person, False
    email = normalise_email(email)
    if email:
        person = Person.objects.filter(email=email).first()
        if person is not None:
            _fill_blanks(person, details)
            return person, False
    person = Person.objects.create(
        first_name=first_name.strip(), last_name=last_name.strip(), email=email, **details
    )
    return person, True


def _fill_blanks(person, details):
    changed = []
    for field, value in details.items():
        if value in (None, ""):
            continue
        attname = Person._meta.get_field(field).attname
        if getattr(person, attname) in (None, ""):
            setattr(person, field, value)
            changed.append(attname)
    if changed:
        person.save(update_fields=changed)


def possible_duplicates(person):
    """Other live rows with the same name (case-insensitive) whose e-mail does not
    contradict this one: candidates for a coordinator to confirm or reject."""
    same_name = Person.objects.annotate(
        first_lower=Lower("first_name"), last_lower=Lower("last_name")
    ).filter(
        first_lower=person.first_name.lower(),
        last_lower=person.last_name.lower(),
        erased_at__isnull=True,
    )
    candidates = same_name.exclude(pk=person.pk)
    if person.email:
        candidates = candidates.filter(Q(email="") | Q(email=person.email))
    if person.user_id is not None:
        candidates = candidates.filter(user__isnull=True)
    return candidates


def listed_for(event):
    """The people on an event's list: registered (and not cancelled) or present on one of
    its days (an imported attendance list need not register anyone), by name."""
    registered = Registration.objects.filter(
        event=event, status=RegistrationStatus.REGISTERED
    ).values("person_id")
    present = Attendance.objects.filter(day__event=event).values("person_id")
    return Person.objects.filter(Q(pk__in=registered) | Q(pk__in=present)).order_by(
        "last_name", "first_name", "pk"
    )


class MergeError(ValueError):
    """Why two rows cannot be one person; `message` is translatable, for the coordinator."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def merge_refusal(keep, duplicate):
    """Why the two rows cannot be merged (a translatable message), or None: asked before
    a coordinator is offered the merge, and by merge itself."""
    if keep.pk == duplicate.pk:
        return _("A person cannot be merged with themselves.")
    if keep.erased_at or duplicate.erased_at:
        # Joining an erased row to a named one would tell again who it was.
        return _("The personal data of one of them has been erased.")
    if keep.user_id and duplicate.user_id:
        return _("Both people have accounts; they are different people.")
    if keep.email and duplicate.email and keep.email != duplicate.email:
        return _("The two people have different e-mail addresses.")
    return None


@transaction.atomic
def merge(keep, duplicate):
    """Move everything recorded for `duplicate` to `keep` and delete `duplicate`. Where both
    were present on the same day (or registered for the same event), one row stays.
    Returns the number of rows moved."""
    refusal = merge_refusal(keep, duplicate)
    if refusal is not None:
        raise MergeError(refusal)
    moved = 0
    # Present on the same day under both rows: the longer presence stands (None = the
    # whole day), so that a merge never lowers the hours reported.
    kept_days = Attendance.objects.filter(person=keep).values("day_id")
    overlap = Attendance.objects.filter(person=duplicate, day_id__in=kept_days)
    longer = {row.day_id: row.hours for row in overlap}
    for row in Attendance.objects.filter(person=keep, day_id__in=list(longer)):
        theirs = longer[row.day_id]
        if row.hours is not None and (theirs is None or theirs > row.hours):
            row.hours = theirs
            row.save(update_fields=["hours"])
    overlap.delete()
    moved += Attendance.objects.filter(person=duplicate).update(person=keep)
    kept_events = Registration.objects.filter(person=keep).values("event_id")
    overlapping = Registration.objects.filter(person=duplicate, event_id__in=kept_events)
    still_registered = overlapping.filter(status=RegistrationStatus.REGISTERED).values("event_id")
    Registration.objects.filter(person=keep, event_id__in=still_registered).update(
        status=RegistrationStatus.REGISTERED
    )
    overlapping.delete()
    moved += Registration.objects.filter(person=duplicate).update(person=keep)
    kept_sessions = SupervisionMember.objects.filter(person=keep).values("session_id")
    SupervisionMember.objects.filter(person=duplicate, session_id__in=kept_sessions).delete()
    moved += SupervisionMember.objects.filter(person=duplicate).update(person=keep)
    for session in CoachingSession.objects.filter(coachees=duplicate):
        session.coachees.remove(duplicate)
        session.coachees.add(keep)
        moved += 1
    for event in TrainingEvent.objects.filter(trainers=duplicate):
        event.trainers.remove(duplicate)
        event.trainers.add(keep)
        moved += 1
    details = {
        field: getattr(duplicate, field)
        for field in ("position", "institution", "institution_name", "gmina")
    }
    user = duplicate.user
    email = duplicate.email
    duplicate.delete()
    if user is not None and keep.user_id is None:
        keep.user = user
        keep.save(update_fields=["user"])
    if email and not keep.email:
        keep.email = email
        keep.save(update_fields=["email"])
    _fill_blanks(keep, details)
    return moved


@transaction.atomic
def erase(person):
    """Forget who the person is; keep the row, so that reports still count their
    attendance, hours and sessions once, anonymously. The gmina and institution stay:
    they are what reports group by, and say nothing on their own about who it was."""
    person.first_name = ERASED_FIRST_NAME
    person.last_name = ERASED_LAST_NAME
    person.email = ""
    person.position = ""
    person.institution_name = ""
    person.user = None
    person.erased_at = timezone.now()
    person.save()
    # The admin history labels its entries with the name the person had then.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)
    ).update(label=person.full_name)
    return person
