"""The parts of every page that come from the page tree: the locale's home page, the main
menu, breadcrumbs, the language switcher and the home page highlights. Each is one query
at most, so the cost of a page does not grow with the amount of content."""

import copy

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, Window
from django.db.models.functions import Length, RowNumber, Substr
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site


def locale_home(request, page=None):
    """The home page of the language being shown, cached on the request."""
    if not hasattr(request, "_portal_home"):
        home = None
        if page is not None:
            if page.depth == 2:
                home = page
            elif page.depth > 2:
                # The first breadcrumb: the page's ancestors are needed for those anyway.
                home = next(iter(breadcrumbs(page)), None)
        if home is None:
            home = home_for_request(request)
        request._portal_home = home
    return request._portal_home


def home_for_request(request):
    """The site's home page in the active language, found in one query: the translation
    of the site's root page. Wagtail's routing takes three (root page, its translation,
    its specific object); portal.views.serve_page hands it this one instead."""
    from portal.models import HomePage

    site = Site.find_for_request(request)
    if site is None:
        return None
    root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    language = translation.get_language()
    return (
        HomePage.objects.filter(translation_key__in=root_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )


def public(queryset):
    """The pages of `queryset` outside every private section, as `PageQuerySet.public()`
    gives, but checked inside the same SQL query: `public()` first fetches every view
    restriction of the site in a query of its own, each time it is called."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restricted))


def menu_pages(home):
    if home is None:
        return []
    if not hasattr(home, "_portal_menu"):
        home._portal_menu = list(
            public(home.get_children().live().in_menu().filter(locale_id=home.locale_id)).order_by(
                "path"
            )
        )
    return home._portal_menu


def breadcrumbs(page):
    """The page's ancestors from its home page down (fetched once per page object)."""
    if page is None or page.depth <= 2:
        return []
    if not hasattr(page, "_portal_breadcrumbs"):
        page._portal_breadcrumbs = list(
            Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth")
        )
    return page._portal_breadcrumbs


def route_page(page, title, route_name, *args, trail=(), **kwargs):
    """A stand-in for a routable `page` while one of its routes is shown (a service of the
    catalog, a learner's dashboard): the breadcrumbs end with the page itself, as a link,
    then any `trail` (pages or stand-ins between, e.g. the list a record belongs to), then
    `title`; the language switcher leads to the same route of the page's translation.
    Templates get it as `page`; everything else about the page stays as it is."""
    shown = copy.copy(page)
    shown.title = title
    shown.seo_title = ""
    shown._portal_breadcrumbs = [*breadcrumbs(page), page, *trail]
    shown._portal_route = (page, route_name, args, kwargs)
    return shown


def route_url(page, name, *args, request=None, **kwargs):
    """The address of the route `name` of a routable page (any Page instance of it will do:
    breadcrumbs hold plain pages), in the active language."""
    tail = page.specific_class.get_resolver().reverse(name, *args, **kwargs)
    return f"{(page.get_url(request) or '').rstrip('/')}/{tail.lstrip('/')}"


def _route_url(route, translated_page, language_code, request):
    _page, name, args, kwargs = route
    with translation.override(language_code):
        return route_url(translated_page, name, *args, request=request, **kwargs)


def live_translations(*pages):
    """The live translations of each page (itself included), in one query for all of them:
    {translation_key: {language_code: page}}."""
    keys = {page.translation_key for page in pages if page is not None and page.id}
    found = {}
    if keys:
        for other in Page.objects.filter(translation_key__in=keys).live().select_related("locale"):
            found.setdefault(other.translation_key, {})[other.locale.language_code] = other
    return found


def language_links(request, page=None, translations=None):
    """One link per language: to the live translation of this page where one exists,
    otherwise to the same view in that language (non-page views) or its home page.
    `translations` is what `live_translations(page, ...)` returned, if already fetched."""
    current = translation.get_language()
    translated = {}
    if page is not None and page.id:
        if translations is None:
            translations = live_translations(page)
        route = getattr(page, "_portal_route", None)
        translated = {
            code: (_route_url(route, other, code, request) if route else other.get_url(request))
            for code, other in translations.get(page.translation_key, {}).items()
        }
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            url = translated.get(code) or f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": page is None or code in translated,
                # No translation: the link leads to that language's home page instead,
                # and the switcher says so (templates/components/language_switcher.html).
                "fallback": page is not None and code != current and code not in translated,
            }
        )
    return links


def section_highlights(home, per_section=3):
    """The newest live pages of each section (a menu child of the home page), in menu order,
    fetched in one query however much content there is. The same query fetches the menu
    itself (each section is ranked first among its own pages), so the home page does not
    query it again."""
    prefix_length = (home.depth + 1) * Page.steplen
    section_path = Substr("path", 1, prefix_length)
    ranked = (
        public(
            Page.objects.live()
            .descendant_of(home)
            .filter(locale_id=home.locale_id)
            .filter(Q(depth=home.depth + 1, show_in_menus=True) | Q(depth=home.depth + 2))
        )
        .annotate(
            section_path=section_path,
            rank=Window(
                RowNumber(),
                partition_by=[section_path],
                order_by=[
                    F("depth").asc(),
                    F("first_published_at").desc(nulls_last=True),
                    F("path").asc(),
                ],
            ),
        )
        .filter(rank__lte=per_section + 1)
        .order_by("section_path", "rank")
    )
    sections = []
    by_section = {}
    for item in ranked:
        if item.depth == home.depth + 1:
            sections.append(item)
        else:
            by_section.setdefault(item.section_path, []).append(item)
    if not hasattr(home, "_portal_menu"):
        home._portal_menu = sections
    return [
        {"section": section, "items": by_section[section.path][:per_section]}
        for section in sections
        if section.path in by_section
    ]
