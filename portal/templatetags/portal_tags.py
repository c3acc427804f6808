from django import template
from django.utils import translation

from portal import navigation
from portal.models import FundingLogo, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def page_chrome(context):
    """Everything around the content of a page: menu, breadcrumbs, languages, footer."""
    request = context["request"]
    page = context.get("page")
    if page is not None and not getattr(page, "depth", None):
        page = None
    home = navigation.locale_home(request, page)
    site_settings = SiteSettings.for_request(request)
    language = translation.get_language()
    logos = list(
        FundingLogo.objects.filter(
            period=site_settings.funding_period, locale__language_code=language
        )
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("sort_order")
    )
    # The page's translations and the accessibility statement's, in one query.
    statement = site_settings.accessibility_statement
    translations = navigation.live_translations(page, statement)
    if statement is not None:
        # Its translation in the language shown, as `statement.localized` would give.
        statement = translations.get(statement.translation_key, {}).get(language, statement)
    return {
        "home": home,
        "menu": navigation.menu_pages(home),
        "breadcrumbs": navigation.breadcrumbs(page),
        "languages": navigation.language_links(request, page, translations),
        "accessibility_statement": statement,
        "settings": site_settings,
        "institution_name": site_settings.institution_name_for(language),
        "funding_note": site_settings.funding_note_for(language),
        "funding_logos": logos,
    }
