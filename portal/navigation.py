"""The parts of every page that come from the page tree: the locale's home page, the main
menu, breadcrumbs, the language switcher and the home page highlights. Each is one query
at most, so the cost of a page does not grow with the amount of content."""

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber, Substr
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page, Site


def locale_home(request, page=None):
    """The home page of the language being shown, cached on the request."""
    if not hasattr(request, "_portal_home"):
        home = None
        if page is not None:
            if page.depth == 2:
                home = page
            else:
                home = Page.objects.filter(path=page.path[: 2 * Page.steplen]).first()
        if home is None:
            site = Site.find_for_request(request)
            if site is not None:
                root = site.root_page
                home = root.get_translation_or_none(_active_locale()) or root
        request._portal_home = home
    return request._portal_home


def _active_locale():
    from wagtail.models import Locale

    return Locale.objects.filter(language_code=translation.get_language()).first()


def menu_pages(home):
    if home is None:
        return []
    if not hasattr(home, "_portal_menu"):
        home._portal_menu = list(home.get_children().live().public().in_menu().order_by("path"))
    return home._portal_menu


def breadcrumbs(page):
    if page is None or page.depth <= 2:
        return []
    return list(Page.objects.ancestor_of(page).filter(depth__gt=1).order_by("depth"))


def language_links(request, page=None):
    """One link per language: to the live translation of this page where one exists,
    otherwise to the same view in that language (non-page views) or its home page."""
    current = translation.get_language()
    translated = {}
    if page is not None and page.id:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translated[other.locale.language_code] = other.get_url(request)
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
            }
        )
    return links


def section_highlights(home, per_section=3):
    """The newest live pages of each section (a menu child of the home page), in menu order,
    fetched in one query however much content there is."""
    prefix_length = (home.depth + 1) * Page.steplen
    ranked = (
        Page.objects.live()
        .public()
        .descendant_of(home)
        .filter(depth=home.depth + 2)
        .annotate(
            section_path=Substr("path", 1, prefix_length),
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, prefix_length)],
                order_by=[F("first_published_at").desc(nulls_last=True), F("path").asc()],
            ),
        )
        .filter(rank__lte=per_section)
        .order_by("section_path", "rank")
    )
    by_section = {}
    for item in ranked:
        by_section.setdefault(item.section_path, []).append(item)
    return [
        {"section": section, "items": by_section[section.path]}
        for section in menu_pages(home)
        if section.path in by_section
    ]
