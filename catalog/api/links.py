"""Absolute links to the public pages of services and institutions, for the API and the
HSDS export: through the catalog page of the active language (or of the default language
when it has no translation), with the route segments in that page's language."""

from django.conf import settings
from django.utils import translation

from catalog.models import CatalogPage


class PublicLinks:
    def __init__(self, page, request=None):
        from catalog.views import Links

        self.links = Links(page, request)
        self.language = page.locale.language_code
        self.request = request
        if request is None:
            full_url = page.get_full_url() or ""
            self.links.base = full_url if full_url.endswith("/") else full_url + "/"

    def _absolute(self, url):
        return self.request.build_absolute_uri(url) if self.request is not None else url

    def service(self, pk):
        with translation.override(self.language):
            return self._absolute(self.links.service(pk))

    def institution(self, pk):
        with translation.override(self.language):
            return self._absolute(self.links.institution(pk))


def public_links(request=None):
    """None when the site has no live catalog page."""
    pages = CatalogPage.objects.live().select_related("locale").order_by("-pk")
    by_language = {page.locale.language_code: page for page in pages}
    page = by_language.get(translation.get_language()) or by_language.get(settings.LANGUAGE_CODE)
    page = page or next(iter(by_language.values()), None)
    return PublicLinks(page, request) if page else None
