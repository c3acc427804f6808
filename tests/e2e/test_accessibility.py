"""axe-core (WCAG 2.0 and 2.1, levels A and AA) on every kind of public page, in Polish and
in English, with the site's real CSS; and reflow at 320 CSS pixels (WCAG 1.4.10)."""

from pathlib import Path

import axe_playwright_python
import pytest

pytestmark = pytest.mark.browser

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
LANGUAGES = ["pl", "en"]
SEARCH_WITH_RESULTS = {"pl": "kooperacji", "en": "cooperation"}
SEARCH_WITHOUT_RESULTS = "zzyzxqwerty"
NOT_FOUND = {"pl": "/pl/nie-ma-takiej-strony/", "en": "/en/no-such-page/"}
NARROW = {"width": 320, "height": 640}


def page_url(demo_site, kind, language):
    if kind == "not-found":
        return NOT_FOUND[language]
    if kind == "search-form":
        return demo_site.search[language]
    if kind == "search-results":
        return f"{demo_site.search[language]}?q={SEARCH_WITH_RESULTS[language]}"
    if kind == "search-no-results":
        return f"{demo_site.search[language]}?q={SEARCH_WITHOUT_RESULTS}"
    return getattr(demo_site, kind)[language]


PAGE_KINDS = [
    "home",
    "standard",
    "nested",  # two levels down, with breadcrumbs and a table
    "search-form",
    "search-results",
    "search-no-results",
    "not-found",
]


def open_page(page, demo_site, kind, language):
    response = page.goto(page_url(demo_site, kind, language))
    assert response.status == (404 if kind == "not-found" else 200)
    assert page.locator("html").get_attribute("lang") == language
    # The checks mean something only with the real stylesheet (contrast, reflow, focus).
    assert page.evaluate(
        "() => [...document.styleSheets].some(sheet => sheet.href && "
        "sheet.href.endsWith('/css/site.css') && sheet.cssRules.length > 0)"
    ), "site.css did not load"
    results = page.locator(".search-results > li")
    if kind == "search-results":
        assert results.count() > 0
    elif kind == "search-no-results":
        assert results.count() == 0
        assert page.locator("[role=status]").count() == 1


def axe_violations(page):
    page.add_script_tag(path=AXE_SCRIPT)
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"<{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_axe_violations(page, demo_site, kind, language):
    open_page(page, demo_site, kind, language)
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the viewport, and what sticks out."""
    return page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 1)
                .filter(el => !el.closest('.block-table, .visually-hidden'))
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''));
            return {scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10)};
        }"""
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_at_320_px(page, demo_site, language):
    page.set_viewport_size(NARROW)
    open_page(page, demo_site, "home", language)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url} at 320 px:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["standard", "nested", "search-results", "not-found"])
def test_reflow_at_320_px(page, demo_site, kind, language):
    """No page scrolls sideways on a 320 px screen; a wide table scrolls inside its own
    focusable region instead."""
    page.set_viewport_size(NARROW)
    open_page(page, demo_site, kind, language)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow
