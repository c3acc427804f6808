"""The API alone, as a URL configuration set on API requests (request.urlconf).

The site's language-prefixed patterns end in Wagtail's catch-all page route, so Django's
LocaleMiddleware would answer any 404 of the API with a redirect to /pl/api/v1/...; with
this configuration on the request it sees no language prefixes and leaves the API's 404s
alone."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("catalog.api.urls"))]
