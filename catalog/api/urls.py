"""The read-only JSON API of the catalog at /api/v1/ (included by portal/urls.py).

The OpenAPI schema is generated from these patterns only, under their public prefix, so it
documents this API and nothing else of the site (Wagtail's admin API included)."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from catalog.api import views

app_name = "catalog_api"
PREFIX = "api/v1/"

router = SimpleRouter()
router.register("services", views.ServiceViewSet, basename="service")
router.register("institutions", views.InstitutionViewSet, basename="institution")

api_patterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    *router.urls,
    path("hsds/", views.HsdsView.as_view(), name="hsds"),
]
schema_patterns = [path(PREFIX, include((api_patterns, app_name)))]

urlpatterns = [
    *api_patterns,
    path("schema/", views.SchemaView.as_view(patterns=schema_patterns), name="schema"),
    re_path(r"^.*/$", views.not_found),
]
