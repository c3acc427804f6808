"""Browser checks of the public-duties pages of the demo site: axe (WCAG 2.1 A/AA) on the
accessibility statement, the easy-to-read page and the cookie settings in both languages and
on a page with the cookie banner; the banner used with the keyboard alone, and without
JavaScript; the statistics script running only after consent."""

import pytest

from tests.e2e.test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

PAGES = {
    "statement": {"pl": "/pl/deklaracja-dostepnosci/", "en": "/en/accessibility-statement/"},
    "easy-read": {"pl": "/pl/tekst-latwy-do-czytania/", "en": "/en/easy-to-read/"},
    "cookie-settings": {"pl": "/pl/ciasteczka/", "en": "/en/cookies/"},
}
STATISTICS_HOST = "https://statystyki.example.org/"


@pytest.fixture
def statistics(demo_site):
    """Statistics configured in the site settings for one test, as an administrator would;
    the tracker's own script is answered by the browser context (no network)."""
    from django.core.cache import cache
    from wagtail.models import Site

    from portal.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.statistics_provider = "matomo"
    settings.statistics_url = STATISTICS_HOST
    settings.statistics_site_id = "3"
    settings.save()
    cache.clear()
    yield settings
    settings.statistics_provider = settings.statistics_url = settings.statistics_site_id = ""
    settings.save()
    cache.clear()


def stub_tracker(context):
    loaded = []

    def handle(route):
        loaded.append(route.request.url)
        route.fulfill(body="window.trackerLoaded = true;", content_type="text/javascript")

    context.route(f"{STATISTICS_HOST}**", handle)
    return loaded


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violations_on_duties_pages(page, demo_site, kind, language):
    response = page.goto(PAGES[kind][language])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    if kind == "statement":
        assert page.locator("#a11y-status").count() == 1
    violations = axe_violations(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_no_axe_violations_with_the_cookie_banner(page, statistics, language):
    page.goto(f"/{language}/")
    assert page.locator(".cookie-banner").is_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_statement_and_easy_read_reached_from_the_home_page(page, demo_site):
    page.goto("/pl/")
    meta = page.locator('meta[name="deklaracja-dostępności"]')
    assert meta.get_attribute("content").endswith("/pl/deklaracja-dostepnosci/")
    page.locator("main").get_by_role("link", name="Tekst łatwy do czytania i język migowy").click()
    assert page.url.endswith("/pl/tekst-latwy-do-czytania/")
    page.locator("footer").get_by_role("link", name="Deklaracja dostępności").click()
    assert page.url.endswith("/pl/deklaracja-dostepnosci/")


def test_cookie_banner_with_the_keyboard_alone(page, context, statistics):
    loaded = stub_tracker(context)
    page.goto("/pl/o-projekcie/")
    banner = page.locator(".cookie-banner")
    # The banner is in the flow of the page: it does not cover the header below it.
    assert banner.evaluate("node => getComputedStyle(node).position") == "static"
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Zgadzam się na ciasteczka statystyczne"
    # The page is reloaded at the same address: wait for that navigation itself (waiting for
    # the URL would return at once, before the choice was posted).
    with page.expect_navigation(url="**/pl/o-projekcie/"):
        page.keyboard.press("Enter")
    assert page.locator(".cookie-banner").count() == 0
    page.wait_for_function("() => window.trackerLoaded === true")
    assert loaded and loaded[0].startswith(STATISTICS_HOST)

    # Withdraw on the settings page, keyboard only: the radio buttons and the save button.
    page.goto("/pl/ciasteczka/")
    page.locator("input[value=necessary]").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pl/ciasteczka/?saved=1")
    assert "Zapisano: tylko niezbędne ciasteczka." in page.locator("main").inner_text()
    loaded.clear()
    page.goto("/pl/")
    assert page.locator("script[src*='statistics']").count() == 0
    assert page.locator(".cookie-banner").count() == 0
    assert loaded == []


def test_cookie_banner_without_javascript(browser, live_server, statistics):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/pl/")
        page.get_by_role("button", name="Tylko niezbędne ciasteczka").click()
        page.wait_for_url("**/pl/")
        assert page.locator(".cookie-banner").count() == 0
        cookies = {cookie["name"]: cookie["value"] for cookie in context.cookies()}
        assert cookies["kooperacja_consent"] == "necessary"
        assert set(cookies) <= {"kooperacja_consent", "csrftoken", "sessionid"}
        page.goto("/pl/ciasteczka/")
        page.get_by_label("Zgadzam się na ciasteczka statystyczne").check()
        page.get_by_role("button", name="Zapisz mój wybór").click()
        page.goto("/pl/")
        assert page.locator("script[src*='statistics']").count() == 1
    finally:
        context.close()
