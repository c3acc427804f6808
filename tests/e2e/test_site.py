"""The live server serves the demo site as a visitor sees it: the real CSS, the images, and
links that lead to pages of this server whatever host name it is reached by."""

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en"]


def resources_that_failed(page):
    failed = []
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    return failed


@pytest.mark.parametrize("language", LANGUAGES)
def test_stylesheet_and_images_load(page, demo_site, language):
    failed = resources_that_failed(page)
    response = page.goto(demo_site.standard[language])
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    # site.css is applied: the main menu has the brand background.
    background = page.locator(".main-menu").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(11, 79, 138)"
    images = page.locator("img")
    assert images.count() > 0
    broken = page.evaluate(
        "() => [...document.images].filter(img => !img.complete || img.naturalWidth === 0)"
        ".map(img => img.currentSrc || img.src)"
    )
    assert broken == []
    assert failed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_stay_on_this_server(page, live_server, demo_site, language):
    page.goto(demo_site.nested[language])
    hrefs = page.eval_on_selector_all(
        ".site-header a, .breadcrumbs a, .site-footer nav a, main a",
        "links => links.map(a => [a.getAttribute('href'), a.href])",
    )
    # Links to this site only: not the phone, e-mail and BIP links of the footer.
    internal = [
        (raw, absolute)
        for raw, absolute in hrefs
        if not raw.startswith(("tel:", "mailto:")) and "example.org" not in absolute
    ]
    assert internal, hrefs
    for raw, absolute in internal:
        assert raw.startswith("/"), f"{raw} is not a link relative to this server"
        assert absolute.startswith(live_server.url)
    # Every page link of the header, breadcrumbs and footer answers.
    for raw, _absolute in sorted(set(internal)):
        if raw.startswith("/sitemap.xml"):
            continue
        response = page.request.get(raw)
        assert response.status == 200, raw
    menu = page.eval_on_selector_all(
        ".main-menu a", "links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])"
    )
    assert [tuple(item) for item in menu] == demo_site.menu[language]
