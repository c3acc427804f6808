from django import template
from django.utils import translation

from portal import consent, navigation
from portal.models import FundingLogo, SiteSettings
from portal.models.site_settings import strip_order

register = template.Library()


def _localized(page, translations, language):
    """The translation of `page` in the language shown, as `page.localized` would give,
    from translations already fetched."""
    if page is None:
        return None
    return translations.get(page.translation_key, {}).get(language, page)


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
    logos = strip_order(
        FundingLogo.objects.filter(
            period=site_settings.funding_period, locale__language_code=language
        )
        .select_related("image")
        .prefetch_related("image__renditions")
    )
    # The page's translations and those of the pages every footer links to, in one query.
    statement = site_settings.accessibility_statement
    easy_read = site_settings.easy_read_page
    translations = navigation.live_translations(page, statement, easy_read)
    statement = _localized(statement, translations, language)
    easy_read = _localized(easy_read, translations, language)
    choice = consent.choice(request)
    statistics = site_settings.statistics_enabled
    return {
        "home": home,
        "menu": navigation.menu_pages(home),
        "breadcrumbs": navigation.breadcrumbs(page),
        "languages": navigation.language_links(request, page, translations),
        "accessibility_statement": statement,
        # The technical conditions of the statement ask for its absolute address in a meta tag.
        "accessibility_statement_url": (
            statement.get_full_url(request) if statement is not None else None
        ),
        "easy_read": easy_read if easy_read is not None and easy_read.live else None,
        "settings": site_settings,
        "institution_name": site_settings.institution_name_for(language),
        "funding_note": site_settings.funding_note_for(language),
        "funding_logos": logos,
        # Ask only when there is something to ask about: without statistics the portal sets
        # necessary cookies only.
        "cookie_banner": statistics and choice is None,
        "statistics": site_settings if statistics and choice == consent.ACCEPTED else None,
    }


# What each form collects personal data for and on what legal basis; the rest of the
# information clause (controller, rights, officer, retention) is the same everywhere.
GDPR_PURPOSES = {"account", "profile", "training", "enrolment"}


@register.inclusion_tag("components/gdpr_clause.html", takes_context=True)
def gdpr_clause(context, purpose, level=2):
    if purpose not in GDPR_PURPOSES:
        raise template.TemplateSyntaxError(f"gdpr_clause: unknown purpose {purpose!r}")
    request = context["request"]
    site_settings = SiteSettings.for_request(request)
    return {
        "purpose": purpose,
        "controller": site_settings.institution_name_for(translation.get_language()),
        "site_settings": site_settings,
        "heading_level": level,
    }
