"""Two-factor authentication (django-otp: TOTP from an authenticator app, and single-use
backup codes).

* Editors, Moderators, Coordinators, staff and superusers (security.auth.is_privileged) must
  have a confirmed device: without one, entering the privileged area (SECURITY_2FA_PATHS: the
  Wagtail admin, Django's admin) sends them to set one up.
* Anyone with a confirmed device (required or chosen: Trainees, Coaches and Institution
  editors may turn it on) is asked for a code after the password, before any other page: a
  login is not complete until the second factor is given.

SECURITY_REQUIRE_2FA switches the first rule (on by default, production included); the second
always holds. The middleware also marks the request's user for security.auth_roles."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from security import auth, auth_roles

# Pages a half-logged-in person still reaches: the two-factor pages themselves and logout.
EXEMPT_URL_NAMES = {"accounts:logout", "wagtailadmin_logout"}
EXEMPT_NAMESPACES = {"security"}
EXEMPT_PREFIXES = ("/static/", "/media/", "/healthz", "/readyz", "/favicon")


def has_session_cookie(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def in_privileged_area(path):
    return any(path.startswith(prefix) for prefix in settings.SECURITY_2FA_PATHS)


def is_exempt(request):
    path = request.path_info
    if path.startswith(EXEMPT_PREFIXES):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    if match.view_name in EXEMPT_URL_NAMES:
        return True
    return bool(set(match.namespaces) & EXEMPT_NAMESPACES)


def is_verified(user):
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def needs(request):
    """None, "verify" (a code for the device the person has) or "setup" (a device first)."""
    user = request.user
    if not user.is_authenticated or is_verified(user):
        return None
    session = request.session
    if session.get(auth.HAS_DEVICE):
        return "verify"
    if (
        settings.SECURITY_REQUIRE_2FA
        and session.get(auth.PRIVILEGED)
        and in_privileged_area(request.path_info)
    ):
        return "setup"
    return None


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        # Without a session cookie nobody is logged in: the session is not even read (reading
        # it would add "Vary: Cookie" to pages the anonymous page cache shares).
        if user is not None and has_session_cookie(request) and user.is_authenticated:
            step = needs(request)
            if step is not None and not is_exempt(request):
                target = reverse("security:verify" if step == "verify" else "security:setup")
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{target}?{query}")
            user._security_session_key = request.session.session_key
        token = auth_roles.set_acting_user(user)
        try:
            return self.get_response(request)
        finally:
            auth_roles.reset_acting_user(token)
