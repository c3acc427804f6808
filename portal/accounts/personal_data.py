"""What the portal holds about a person, and how it forgets them: the account's part, and
the entry points the account pages use.

The apps are known to one place, the privacy register (privacy.register): it names each
section of the download and the functions that build and erase it; privacy.subject runs
them. This module keeps the account itself (`profile`, `anonymise_account`) and the
functions the views call, which also write the audit log (privacy.audit):

* `export(user)` builds the download, `export_json(user)` is the file (audited);
* `erase(user)` forgets the person in every app and anonymises the account, in one
  transaction (audited).

`register_provider` and `register_eraser` still add a section at run time (a test's
stand-in app); the register's own sections cannot be replaced."""

import json
from contextlib import contextmanager

from django.contrib.auth.hashers import make_password
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from privacy import audit, subject

ERASED_FIRST_NAME = "Użytkownik"
ERASED_LAST_NAME = "usunięty"

register_provider = subject.register_provider
unregister_provider = subject.unregister_provider
register_eraser = subject.register_eraser
unregister_eraser = subject.unregister_eraser


def providers():
    """The names of the download's sections besides the profile."""
    return subject.section_names()


def profile(user):
    """The account's own data, as the person sees it in their profile and beyond."""
    gmina = user.gmina
    institution = user.institution
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "position": user.position,
        "institution": (
            {"id": institution.pk, "name": institution.name} if institution is not None else None
        ),
        "institution_name": user.institution_name,
        "gmina": (
            {"teryt": gmina.code, "name": gmina.name, "type": gmina.kind}
            if gmina is not None
            else None
        ),
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "is_active": user.is_active,
    }


def export(user):
    """Everything the portal holds about `user`, ready for json.dumps with
    DjangoJSONEncoder."""
    return subject.export_subject(user)


def export_json(user):
    """The file of the "my data" download: recorded in the audit log as the person's
    download of their own data."""
    content = json.dumps(export(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    audit.record(user, audit.PERSONAL_DATA_DOWNLOAD, user, action="accounts.my_data_download")
    return content


def export_filename(today=None):
    today = today or timezone.localdate()
    return f"kooperacja-moje-dane-{today.isoformat()}.json"


def erase(user, now=None):
    """Anonymise `user` and every app's records of them. The row stays, so that what
    reports count (enrolments, attendance, certificates issued) still adds up."""
    return subject.erase_subject(user, now=now)


def anonymise_account(user, now=None):
    """The account's own part of an erasure, called by privacy.subject after every app's
    eraser (they still see the person as they were)."""
    now = now or timezone.now()
    with _by_the_portal():
        _anonymise(user, now)
    _delete_admin_profile(user)
    return user


@contextmanager
def _by_the_portal():
    """Taking roles away from an erased account is not granting them: security.auth_roles
    refuses changes of roles and flags asked by anyone but a superuser during a request,
    and the erasure is done by the portal itself, whoever asked for it."""
    try:
        from security.auth_roles import reset_acting_user, set_acting_user
    except ImportError:
        yield
        return
    token = set_acting_user(None)
    try:
        yield
    finally:
        reset_acting_user(token)


def _anonymise(user, now):
    user.first_name = ERASED_FIRST_NAME
    user.last_name = ERASED_LAST_NAME
    # The id alone: unique, and it says nothing about the person. ".invalid" is a domain
    # that can never receive mail (RFC 2606).
    user.username = f"usuniety-{user.pk}"
    user.email = f"usuniety-{user.pk}@usuniety.invalid"
    user.password = make_password(None)
    user.is_active = False
    user.is_staff = False
    user.position = ""
    user.institution = None
    user.institution_name = ""
    user.gmina = None
    user.erased_at = now
    user.save()
    # Roles and editing rights go with the person; they are access, not history.
    user.groups.clear()
    user.user_permissions.clear()
    user.edited_institutions.clear()


def _delete_admin_profile(user):
    # Wagtail's own profile row keeps the avatar photo and preferences: personal, not needed.
    from wagtail.users.models import UserProfile

    for admin_profile in UserProfile.objects.filter(user=user):
        if admin_profile.avatar:
            admin_profile.avatar.delete(save=False)
        admin_profile.delete()
