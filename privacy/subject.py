"""A data subject's rights over every app: the download of all a person's data, and the
erasure of their account, both driven by the privacy register (privacy.register).

`export_subject(user)` returns one JSON-ready dict: "generated_at", then a key per section
of the register ("profile", "school", "support", "catalog", "activity", "security"), each
built by the section's own function or, without one, from the register's entries (the
values the entry lists of the rows that point at the person). Confidentiality holds: the
support section carries only notes shared with the person, never a coach's private notes;
two-factor devices appear by name, never with their keys.

`erase_subject(user)` calls every section's eraser, deletes the rows the register marks
"delete" (logins logged by django-axes, two-factor devices, subscriptions, drafts in the
admin...), ends the account's sessions, and last anonymises the account itself; the rows
that reports count stay, anonymous. One transaction, one audit entry.

Sections can still be added at run time (`register_provider`, `register_eraser`, kept for
portal.accounts.personal_data's callers); a name the register declares is taken."""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from privacy import audit, register

_extra_providers = {}
_extra_erasers = []


# Run-time additions ----------------------------------------------------------------------


def _declared(name):
    for section in register.sections():
        if section.name == name:
            return section
    return None


def register_provider(name, func):
    """Add a section to the download. A section of the register may be registered again
    with its own function (apps did so before the register existed): nothing changes."""
    section = _declared(name)
    if section is not None:
        export, _ = register.section_functions(section)
        if export is func:
            return
        raise ValueError(f"The section {name!r} is declared in the privacy register.")
    existing = _extra_providers.get(name)
    if existing is not None and existing is not func:
        raise ValueError(f"A personal data provider named {name!r} is already registered.")
    _extra_providers[name] = func


def unregister_provider(name):
    _extra_providers.pop(name, None)


def register_eraser(func):
    if any(register.section_functions(s)[1] is func for s in register.sections()):
        return
    if func not in _extra_erasers:
        _extra_erasers.append(func)


def unregister_eraser(func):
    if func in _extra_erasers:
        _extra_erasers.remove(func)


def section_names():
    """The names of the download's sections besides the account itself."""
    names = [s.name for s in register.sections() if s.name != "profile"]
    return sorted({*names, *_extra_providers})


def section_titles():
    return [section.title for section in register.sections()]


# Export ----------------------------------------------------------------------------------


def _entry_rows(entry, user):
    model = entry.get_model()
    rows = (
        model._default_manager.filter(entry.subject_filter(user))
        .order_by("pk")
        .values(*entry.export)
        .distinct()
    )
    return [dict(row) for row in rows]


def entries_export(section_name, user):
    """The rows of a person in every entry of a section that can find them."""
    return {
        entry.model: _entry_rows(entry, user)
        for entry in register.entries()
        if entry.section == section_name and entry.subject and entry.export
    }


def _section_export(section, user):
    export, _ = register.section_functions(section)
    if export is not None:
        return export(user)
    data = entries_export(section.name, user)
    if section.name == "security":
        data["open_sessions"] = len(user_session_keys(user))
    return data


def export_subject(user):
    """Everything the portal holds about `user`, ready for json.dumps with
    DjangoJSONEncoder."""
    data = {"generated_at": timezone.now()}
    for section in register.sections():
        data[section.name] = _section_export(section, user)
    for name, func in sorted(_extra_providers.items()):
        data[name] = func(user)
    return data


# Sessions --------------------------------------------------------------------------------


def user_session_keys(user):
    """The keys of the unexpired sessions logged in as `user`. Sessions are stored
    encoded, so each is decoded: a full reading of the table, fine for an erasure or a
    download, which are rare."""
    engine = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    keys = []
    wanted = str(user.pk)
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = engine().decode(session.session_data)
        if data.get("_auth_user_id") == wanted:
            keys.append(session.session_key)
    return keys


def end_sessions(user):
    """Log the account out everywhere: through the session engine, so a cached session
    goes from the cache as well as from the table."""
    engine = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    keys = user_session_keys(user)
    for key in keys:
        engine(session_key=key).delete()
    return len(keys)


# Erasure ---------------------------------------------------------------------------------


def _delete_registered_rows(user):
    for entry in register.entries():
        if entry.on_erase != register.DELETE or not entry.subject:
            continue
        model = entry.get_model()
        model._default_manager.filter(entry.subject_filter(user)).delete()


@transaction.atomic
def erase_subject(user, *, by=None, now=None):
    """Forget `user` in every app, keep the anonymous counts. `by` is who asked for it
    (the person themselves when None), for the audit log."""
    from portal.accounts.personal_data import anonymise_account

    for section in register.sections():
        _, erase = register.section_functions(section)
        if erase is not None:
            erase(user)
    for func in list(_extra_erasers):
        func(user)
    # Before the account is anonymised: axes logs are found by the name used to log in.
    _delete_registered_rows(user)
    end_sessions(user)
    anonymise_account(user, now=now)
    audit.record(by or user, audit.ERASE, user, action="privacy.erase_subject")
    return user


# The register's participants without an account ------------------------------------------


def export_person(person, *, by):
    """A coordinator's download for a person of the register (hours and counts, never
    notes); audited."""
    from school.privacy import person_data

    data = person_data(person, with_notes=False)
    audit.record(by, audit.PERSONAL_DATA_DOWNLOAD, person, action="school.people.personal_data")
    return data


def erase_person(person, *, by):
    """A coordinator's erasure of a person of the register; audited."""
    from school.privacy import erase_person as erase

    with transaction.atomic():
        erase(person)
        audit.record(by, audit.ERASE, person, action="school.people.erase")
    return person
