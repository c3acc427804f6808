"""Page cache for anonymous visitors.

Anonymous views of CMS pages are kept in the Django cache (Redis when REDIS_URL is set).
Every key carries a content version; publishing, unpublishing, moving or deleting any page,
or changing the footer settings, bumps the version, so the whole site is fresh at once
(menus, highlights and breadcrumbs depend on more than the page itself). Logged-in users
never read from or write to this cache, and their responses are marked private."""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.cache import patch_cache_control

VERSION_KEY = "portal:page-cache-version"
CACHE_HEADER = "X-Page-Cache"


def read_version(key):
    """The version stored under `key`, made (once, even with concurrent requests) when
    missing. Changing it to a new random value makes every entry built on it unreachable."""
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(key, version, None)
        version = cache.get(key, version)
    return version


def current_version():
    return read_version(VERSION_KEY)


def invalidate(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def cache_key(request, version):
    from portal.consent import cache_variant

    # The scheme too: pages and feeds carry absolute links. The cookie choice too: it decides
    # whether the page has the cookie banner and the statistics script.
    raw = (
        f"{request.scheme}|{request.get_host()}|{request.get_full_path()}|{cache_variant(request)}"
    ).encode()
    return f"portal:page:{version}:{hashlib.sha256(raw).hexdigest()}"


def _may_use_cache(request):
    if request.method not in ("GET", "HEAD"):
        return False
    # A session or message cookie means there may be a user or a message to show.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not request.user.is_authenticated


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        usable = _may_use_cache(request)
        key = None
        if usable:
            key = cache_key(request, current_version())
            cached = cache.get(key)
            if cached is not None:
                cached[CACHE_HEADER] = "hit"
                return cached

        response = self.get_response(request)

        if (
            usable
            and getattr(response, "cacheable_page_view", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
            # A page with a CSRF token in a form (the cookie banner) belongs to one visitor.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.user.is_authenticated
        ):
            response[CACHE_HEADER] = "miss"
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        return response


def connect_signals():
    from wagtail.models import Locale, Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.models import FundingLogo, SiteSettings

    page_published.connect(invalidate, dispatch_uid="portal-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="portal-cache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="portal-cache-moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="portal-cache-deleted")
    for model in (SiteSettings, FundingLogo, Locale):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"portal-cache-{model.__name__}")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"portal-cache-del-{model.__name__}"
        )
