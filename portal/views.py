from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.models import Locale

from portal.navigation import home_for_request
from portal.search import clean_query, search_pages
from portal.sitemaps import LocalisedSitemap


def serve_page(request, path):
    """Wagtail's page view, routed from the home page of the active language found in
    one query (see navigation.home_for_request). A site whose root is not a HomePage
    is routed by Wagtail as usual."""
    home = home_for_request(request)
    if home is not None:
        request._portal_home = home
        components = [component for component in path.split("/") if component]
        try:
            request._wagtail_route_for_request = home.route(request, components)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def cached_sitemap(request):
    """The sitemap lists every page, so it costs as much as a search; it changes only when
    pages do, so it goes through the anonymous page cache like a page."""
    response = sitemap(request, {"pages": LocalisedSitemap})
    response.render()
    response.cacheable_page_view = True
    return response


def root_redirect(request):
    """Polish first: the bare address always leads to the Polish home page."""
    return HttpResponseRedirect(f"/{settings.LANGUAGE_CODE}/")


@require_GET
def search(request):
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    page_obj = None
    if query:
        # A language of the settings whose locale is not made yet has nothing to find.
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
        results = search_pages(query, locale) if locale else []
        paginator = Paginator(results, settings.PAGE_SIZE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "raw_query": raw_query[: settings.SEARCH_QUERY_MAX_LENGTH],
            "page_obj": page_obj,
        },
    )


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /pl/szukaj/",
        "Disallow: /en/search/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _language_from_path(request):
    for code, _name in settings.LANGUAGES:
        if request.path.startswith(f"/{code}/"):
            return code
    return settings.LANGUAGE_CODE


def page_not_found(request, exception=None):
    with translation.override(_language_from_path(request)):
        return render(request, "404.html", {"request_path": request.path}, status=404)


def server_error(request):
    # No context processors, no database: whatever broke must not break this page too.
    with translation.override(_language_from_path(request)):
        html = loader.get_template("500.html").render({"language": translation.get_language()})
    return HttpResponse(html, status=500)
