"""Who counts as privileged, what a login writes into its session, the registry of a person's
sessions (for "log out everywhere") and the page shown when django-axes locks a login out.

Receivers are connected from security/models.py, which Django imports for every process."""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse
from django_otp import user_has_device

from portal import roles

# The roles whose accounts must confirm their login with a second factor.
PRIVILEGED_ROLES = (roles.EDITOR, roles.MODERATOR, roles.COORDINATOR)

# Session keys (security.* so that nobody else's key is overwritten).
LOGIN_AT = "security.login_at"
SEEN_AT = "security.seen_at"
PRIVILEGED = "security.privileged"
HAS_DEVICE = "security.has_device"
REGISTERED_KEY = "security.registered_key"
EXPIRED = "security.expired"


def is_privileged(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    return user.groups.filter(name__in=PRIVILEGED_ROLES).exists()


def remember_account_state(session, user):
    """What the middlewares need on every request, worked out once per login (they would
    otherwise ask the database each time). A change of role ends the person's sessions
    (security.auth_roles), so a promotion is never judged by an old value."""
    now = time.time()
    session[LOGIN_AT] = now
    session[SEEN_AT] = now
    session[PRIVILEGED] = is_privileged(user)
    session[HAS_DEVICE] = user_has_device(user, confirmed=True)


def register_session(session, user):
    from security.models import UserSession

    if not session.session_key:
        session.save()
    UserSession.objects.get_or_create(session_key=session.session_key, defaults={"user": user})
    session[REGISTERED_KEY] = session.session_key


def end_sessions(user, keep=None):
    """End every session of `user` known to the registry, except the session key `keep`.
    Returns how many were ended."""
    from security.models import UserSession

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    ended = 0
    for record in UserSession.objects.filter(user=user).exclude(session_key=keep or ""):
        store.delete(record.session_key)
        record.delete()
        ended += 1
    return ended


@receiver(user_logged_in, dispatch_uid="security.on_login")
def _on_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    remember_account_state(request.session, user)
    register_session(request.session, user)


@receiver(user_logged_out, dispatch_uid="security.on_logout")
def _on_logout(sender, request, user, **kwargs):
    from security.models import UserSession

    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def lockout_response(request, original_response=None, credentials=None):
    """django-axes: too many failed logins for this name from this address. The same page
    for an existing and an unknown name (it says nothing about the account)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "security/lockout.html",
        {
            "minutes": minutes,
            "reset_url": reverse("accounts:password_reset"),
            "login_url": request.path,
        },
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
