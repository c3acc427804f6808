from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import consent, health, views

urlpatterns = [
    path("", views.root_redirect, name="root"),
    # Answered earlier by portal.health.HealthCheckMiddleware; named here for reverse().
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", views.cached_sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v1/", include("catalog.api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path(_("search/"), views.search, name="search"),
    path(_("account/security/"), include("security.urls")),
    path(_("account/"), include("portal.accounts.urls")),
    path(_("cookies/"), consent.cookie_settings, name="cookie_settings"),
    # Wagtail's page URLs, served through a view that finds the home page more cheaply.
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
