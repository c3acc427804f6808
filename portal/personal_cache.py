"""Server-side cache of a logged-in person's own pages (the e-School dashboard, courses and
lessons), so that a repeat view does not run the view again.

A view opts in by setting `response.cacheable_personal_view = True`. An entry belongs to one
person in one session (the page holds that session's CSRF token) and carries two versions:
the site's content version (portal.cache, bumped on publishing) and the person's own,
bumped whenever their records change (enrolment, progress, quiz attempts, certificates,
their account). Entries are never shared: browsers still get `private, no-store`.

Pages that show or consume a message (django.contrib.messages) are neither served from nor
stored in the cache, so a message is shown exactly once."""

import contextvars
import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from portal import consent
from portal.cache import current_version, read_version

CACHE_HEADER = "X-Personal-Cache"
USER_VERSION_KEY = "portal:personal-version:{}"

# The versions this request itself set, so that a page whose own rendering changed the
# person's records (the lesson page notes the lesson opened) can still be stored.
_own_versions = contextvars.ContextVar("personal_cache_own_versions", default=None)


def user_version(user_id):
    return read_version(USER_VERSION_KEY.format(user_id))


def _bump(user_id):
    version = uuid.uuid4().hex
    cache.set(USER_VERSION_KEY.format(user_id), version, None)
    own = _own_versions.get()
    if own is not None:
        own.add(version)


def invalidate_user(user_id):
    """Forget every cached page of the person. Called at once, and again when the current
    transaction commits, so that a page rendered from not yet committed data in between
    is not kept."""
    if user_id is None:
        return
    _bump(user_id)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _bump(user_id))


def _digest(*parts):
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()


def cache_key(request, version):
    raw = _digest(
        request.user.pk,
        request.session.session_key,
        # The page's CSRF tokens are made from this secret (CsrfViewMiddleware's).
        request.META.get("CSRF_COOKIE", ""),
        get_language(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        # Whether the page has the cookie banner and the statistics script (portal.consent).
        consent.cache_variant(request),
    )
    return f"portal:personal:{current_version()}:{version}:{raw}"


def _has_messages(request):
    storage = getattr(request, "_messages", None)
    # len() loads the messages without marking them shown.
    return storage is not None and len(storage) > 0


def _may_use_cache(request):
    return (
        settings.PERSONAL_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and request.user.is_authenticated
        and request.session.session_key is not None
        # Wagtail's previews run the middleware on a made-up GET with the editor's cookies.
        and not getattr(request, "is_dummy", False)
        and not getattr(request, "is_preview", False)
        and not _has_messages(request)
    )


class PersonalPageCacheMiddleware:
    """Goes after the session, authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        user_id = request.user.pk
        csrf_before = request.META.get("CSRF_COOKIE", "")
        before = user_version(user_id)
        cached = cache.get(cache_key(request, before))
        if cached is not None:
            cached[CACHE_HEADER] = "hit"
            return cached

        own = set()
        token = _own_versions.set(own)
        try:
            response = self.get_response(request)
        finally:
            _own_versions.reset(token)

        storage = getattr(request, "_messages", None)
        if (
            getattr(response, "cacheable_personal_view", False)
            and response.status_code == 200
            # A new CSRF secret made for this page goes out in a cookie: the entry would
            # be under the wrong key. (The cookie is also re-sent on every rendering to
            # renew it, which is harmless: it lasts a year.)
            and request.META.get("CSRF_COOKIE", "") == csrf_before
            and not response.streaming
            and request.user.is_authenticated
            and request.user.pk == user_id
            and not getattr(storage, "used", False)
            and not getattr(storage, "added_new", False)
        ):
            after = user_version(user_id)
            # Stored only if nothing but this request changed the person's records since it
            # began: otherwise the page may not show another request's change.
            if after == before or after in own:
                patch_cache_control(response, private=True, no_store=True)
                response[CACHE_HEADER] = "miss"
                cache.set(cache_key(request, after), response, settings.PERSONAL_PAGE_CACHE_SECONDS)
        return response


def connect_user_signals():
    """The account itself: names, roles (groups) and activity show on personal pages."""
    from django.contrib.auth import get_user_model
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import PageViewRestriction

    from portal.cache import invalidate as invalidate_site

    user_model = get_user_model()

    def user_changed(sender, instance, **kwargs):
        invalidate_user(instance.pk)

    def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if reverse:  # a group's members changed
            for user_id in pk_set or ():
                invalidate_user(user_id)
        else:
            invalidate_user(instance.pk)

    def restrictions_changed(**kwargs):
        # Who may see a page decides what a cached personal page may keep showing.
        invalidate_site()

    for model in (PageViewRestriction, PageViewRestriction.groups.through):
        name = model.__name__
        post_save.connect(restrictions_changed, sender=model, dispatch_uid=f"pc-{name}", weak=False)
        post_delete.connect(
            restrictions_changed, sender=model, dispatch_uid=f"pc-{name}-del", weak=False
        )
    post_save.connect(
        user_changed, sender=user_model, dispatch_uid="personal-cache-user", weak=False
    )
    post_delete.connect(
        user_changed, sender=user_model, dispatch_uid="personal-cache-user-del", weak=False
    )
    m2m_changed.connect(
        groups_changed,
        sender=user_model.groups.through,
        dispatch_uid="personal-cache-groups",
        weak=False,
    )
