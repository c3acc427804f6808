"""Language selection without the redirect of unknown admin and API addresses.

Django's LocaleMiddleware answers a 404 outside the language prefix with a redirect to the
same path under /pl/ when that path resolves; Wagtail's catch-all page URL resolves every
path, so `/admin/no-such-thing/` became a redirect to `/pl/admin/no-such-thing/` and only
then a 404. Paths that are never language-prefixed keep their own 404."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

UNPREFIXED = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/documents/",
    "/static/",
    "/media/",
    # The health endpoints (portal.health): a probe's typo gets a 404, not a Polish page.
    "/healthz",
    "/readyz",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED):
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
