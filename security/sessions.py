"""Session timeouts: a login ends after a time without requests (idle; shorter for privileged
accounts) and, however busy, after SECURITY_SESSION_ABSOLUTE_TIMEOUT seconds.

The times are kept in the session itself (security.auth writes them at login), so no request
costs a database query; the time of the last request is written back at most once a minute,
not on every request. The session also registers its key in security.models.UserSession
when its key changes (a password change gives the session a new key), so that "log out
everywhere" always finds it."""

import time

from django.conf import settings
from django.contrib.auth import logout

from security import auth

# Seconds between two writes of the last-seen time (the idle timeout is this much coarse).
SEEN_RESOLUTION = 60


def idle_limit(session):
    if session.get(auth.PRIVILEGED):
        return settings.SECURITY_SESSION_IDLE_TIMEOUT_PRIVILEGED
    return settings.SECURITY_SESSION_IDLE_TIMEOUT


def expired(session, now):
    login_at = session.get(auth.LOGIN_AT)
    seen_at = session.get(auth.SEEN_AT, login_at)
    if login_at is None:
        return False
    if now - login_at > settings.SECURITY_SESSION_ABSOLUTE_TIMEOUT:
        return True
    return now - seen_at > idle_limit(session)


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        cookie = settings.SESSION_COOKIE_NAME in request.COOKIES
        if session is not None and user is not None and cookie and user.is_authenticated:
            now = time.time()
            if auth.LOGIN_AT not in session:
                # A session from before these rules: it starts counting now.
                auth.remember_account_state(session, user)
            elif expired(session, now):
                logout(request)
                # Read by the login page, which says why the person was logged out.
                request.session[auth.EXPIRED] = True
            elif now - session.get(auth.SEEN_AT, 0) > SEEN_RESOLUTION:
                session[auth.SEEN_AT] = now
        response = self.get_response(request)
        self._register(request)
        return response

    @staticmethod
    def _register(request):
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is None or user is None or not user.is_authenticated:
            return
        if session.session_key and session.get(auth.REGISTERED_KEY) != session.session_key:
            auth.register_session(session, user)
