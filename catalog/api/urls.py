"""The read-only JSON API of the catalog at /api/v1/ (filled in by the API work)."""

app_name = "catalog_api"
urlpatterns = []
