"""What the portal holds about a person, and how it forgets them.

Each app that keeps records about people registers, usually in its AppConfig.ready():

* a provider, `register_provider("school", func)`: func(user) returns that app's records of
  the user as JSON-serialisable data (dates and decimals are fine too); it becomes the
  section "school" of the file the person downloads;
* an eraser, `register_eraser(func)`: func(user) anonymises that app's records of the user
  while keeping the rows that reports count (an enrolment stays, a certificate's learner
  name goes).

`export(user)` builds the download; `erase(user)` calls every eraser and then anonymises
the account itself, all in one transaction."""

import json

from django.contrib.auth.hashers import make_password
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

ERASED_FIRST_NAME = "Użytkownik"
ERASED_LAST_NAME = "usunięty"

_providers = {}
_erasers = []


def register_provider(name, func):
    """Add a section to the download. A name is taken once; registering the same function
    again (a second ready() call in tests) changes nothing."""
    if name == "profile":
        raise ValueError("The section 'profile' is the account itself.")
    existing = _providers.get(name)
    if existing is not None and existing is not func:
        raise ValueError(f"A personal data provider named {name!r} is already registered.")
    _providers[name] = func


def unregister_provider(name):
    _providers.pop(name, None)


def register_eraser(func):
    if func not in _erasers:
        _erasers.append(func)


def unregister_eraser(func):
    if func in _erasers:
        _erasers.remove(func)


def providers():
    return dict(_providers)


def erasers():
    return list(_erasers)


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
    """Everything registered about `user`, ready for json.dumps with DjangoJSONEncoder."""
    data = {
        "generated_at": timezone.now(),
        "profile": profile(user),
    }
    for name, func in sorted(_providers.items()):
        data[name] = func(user)
    return data


def export_json(user):
    return json.dumps(export(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def export_filename(today=None):
    today = today or timezone.localdate()
    return f"kooperacja-moje-dane-{today.isoformat()}.json"


@transaction.atomic
def erase(user, now=None):
    """Anonymise `user` and every app's records of them. The row stays, so that what
    reports count (enrolments, attendance, certificates issued) still adds up."""
    now = now or timezone.now()
    for func in list(_erasers):
        func(user)
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
    _delete_admin_profile(user)
    return user


def _delete_admin_profile(user):
    # Wagtail's own profile row keeps the avatar photo and preferences: personal, not needed.
    from wagtail.users.models import UserProfile

    for admin_profile in UserProfile.objects.filter(user=user):
        if admin_profile.avatar:
            admin_profile.avatar.delete(save=False)
        admin_profile.delete()
