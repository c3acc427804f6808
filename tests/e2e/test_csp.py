"""The Content Security Policy in a real browser, WITHOUT Playwright's bypass_csp (which the
other browser tests use to inject axe): the main kinds of public page report no
`securitypolicyviolation` event and no CSP error on the console, and their scripts still
work under the policy (the photo viewer opens, the catalog fills its territory lists). A
control test shows that an inline script without the nonce is indeed refused, so the
listener would see a violation if a page had one."""

import re

import pytest
from django.conf import settings

from tests.e2e.conftest import DESKTOP, _serve_media
from tests.e2e.test_catalog import BLANK_PNG, OKSA
from tests.e2e.test_catalog import catalog as catalog  # noqa: F401 (fixture)
from tests.e2e.test_content import content as content  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

# Collects the violations of the page from its very first script on.
LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.__cspViolations.push(
        event.violatedDirective + ' ' + (event.blockedURI || '') + ' ' + (event.sample || '')
    );
});
"""


@pytest.fixture
def strict_page(browser, demo_site, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="pl-PL", reduced_motion="reduce"
    )
    context.set_default_timeout(10_000)
    context.add_init_script(LISTEN)
    # Outside hosts (the map tiles) get a blank image; the requests still go out under the
    # page's policy, so a host the policy does not allow would be reported.
    context.route(
        re.compile(rf"^(?!{re.escape(live_server.url)}/)https?://"),
        lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"),
    )
    context.route(
        re.compile(rf"^{re.escape(live_server.url)}{re.escape(settings.MEDIA_URL)}"),
        _serve_media(demo_site.media_root),
    )
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    yield page
    context.close()


def violations(page):
    csp_console = [
        text for text in page.console_errors if "Content Security Policy" in text or "CSP" in text
    ]
    return page.evaluate("() => window.__cspViolations") + csp_console


def open_strict(page, url):
    # A gallery's many images may take long on a busy machine: more time than the default.
    response = page.goto(url, timeout=30_000)
    assert response.status == 200, url
    assert "'nonce-" in response.headers["content-security-policy"] or "<script" not in (
        page.content()
    )
    page.wait_for_load_state("load")


def test_the_listener_sees_an_inline_script_without_the_nonce(strict_page, demo_site):
    open_strict(strict_page, demo_site.home.pl)
    strict_page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    strict_page.wait_for_function("() => window.__cspViolations.length > 0")
    assert strict_page.evaluate("() => window.__ran === undefined")
    assert any("script-src" in item for item in violations(strict_page))


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize(
    "kind", ["home", "standard", "nested", "search", "gallery", "consultation", "practice"]
)
def test_public_pages_cause_no_csp_violation(strict_page, demo_site, content, kind, language):
    source = getattr(demo_site, kind, None) or getattr(content, kind)
    url = source[language]
    if kind == "search":
        url += "?q=kooperacja"
    open_strict(strict_page, url)
    assert violations(strict_page) == [], url


def test_the_photo_viewer_works_under_the_policy(strict_page, content):
    open_strict(strict_page, content.gallery.pl)
    strict_page.locator(".photo-gallery__link").first.click()
    strict_page.wait_for_selector("dialog.lightbox[open]")
    assert strict_page.locator("dialog.lightbox .lightbox__image").is_visible()
    assert violations(strict_page) == []


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_catalog_and_its_territory_choice_work_under_the_policy(strict_page, catalog, language):
    for url in (catalog.index[language], catalog.service[language], catalog.plan[language]):
        open_strict(strict_page, url)
        assert violations(strict_page) == [], url
    open_strict(strict_page, catalog.index[language])
    # catalog.js ran: it hides the no-script button and fills the lists on a choice.
    assert strict_page.locator("[data-territory-update]").is_hidden()
    strict_page.select_option("#catalog-voivodeship", "26")
    strict_page.wait_for_function(
        "() => [...document.querySelectorAll('#catalog-powiat option')]"
        ".some(o => o.value === '2602')"
    )
    strict_page.select_option("#catalog-powiat", "2602")
    strict_page.wait_for_function(
        f"() => [...document.querySelectorAll('#catalog-gmina option')]"
        f".some(o => o.value === '{OKSA}')"
    )
    assert violations(strict_page) == []


def test_the_service_map_tile_host_is_allowed(strict_page, catalog):
    open_strict(strict_page, catalog.service["pl"])
    if strict_page.locator(".catalog-map img").count():
        strict_page.wait_for_function(
            "() => [...document.querySelectorAll('.catalog-map img')].every(i => i.complete)"
        )
    assert violations(strict_page) == []
