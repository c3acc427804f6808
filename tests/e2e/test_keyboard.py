"""The site with the keyboard alone: skip link, focus order and visible focus in the header,
the language switcher and the search form (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7)."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en"]
OTHER = {"pl": "en", "en": "pl"}
QUERY = {"pl": "kooperacji", "en": "cooperation"}
MAX_TABS = 40

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        className: typeof el.className === 'string' ? el.className : '',
        href: el.getAttribute('href'),
        lang: el.getAttribute('lang'),
        text: (el.innerText || el.value || '').trim(),
        region: el.closest('.skip-link, .site-header, .breadcrumbs, main, footer')?.tagName
            .toLowerCase() || null,
        inMenu: !!el.closest('.main-menu'),
        inLanguages: !!el.closest('.language-switcher'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
    };
}"""


def focused(page):
    return page.evaluate(FOCUSED)


def tab_until(page, wanted, what):
    """Press Tab until `wanted(focused element)` holds; every element passed on the way."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        seen.append(element)
        if element and wanted(element):
            return seen
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {what}; focus went through {seen}")


def path_of(url):
    return urlsplit(url).path


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_tab_shows_the_skip_link(page, demo_site, language):
    page.goto(demo_site.home[language])
    page.keyboard.press("Tab")
    element = focused(page)
    assert element and "skip-link" in element["className"], element
    assert element["href"] == "#main"
    assert element["outline"] or element["shadow"], "the skip link shows no focus indicator"
    box = page.locator(".skip-link").bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"], box
    assert box["y"] + box["height"] <= viewport["height"], box


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "nested"])
def test_skip_link_moves_focus_to_main(page, demo_site, kind, language):
    page.goto(getattr(demo_site, kind)[language])
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'main'")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    # The next Tab continues inside the content, past the header and the menu.
    page.keyboard.press("Tab")
    element = focused(page)
    assert element and element["region"] == "main", element


@pytest.mark.parametrize("language", LANGUAGES)
def test_tab_reaches_menu_and_language_links_in_order(page, demo_site, language):
    page.goto(demo_site.nested[language])
    header_links = page.eval_on_selector_all(
        ".skip-link, .site-header a[href], .site-header input, .site-header button",
        "els => els.map(el => el.getAttribute('href') || el.id || el.textContent.trim())",
    )
    seen = tab_until(page, lambda el: el["region"] not in ("a", "header"), "the end of the header")
    in_header = seen[:-1]
    reached = [el["href"] or el["id"] or el["text"] for el in in_header]
    # Every header control in the order it is read, and nothing skipped.
    assert reached == header_links
    menu = [url for _title, url in demo_site.menu[language]]
    assert [el["href"] for el in in_header if el["inMenu"]] == menu
    languages = [el["lang"] for el in in_header if el["inLanguages"]]
    assert languages == ["pl", "en"]
    invisible = [el for el in in_header if not (el["outline"] or el["shadow"])]
    assert not invisible, f"no visible focus indicator on {invisible}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_link_leads_to_the_translation(page, demo_site, language):
    other = OTHER[language]
    page.goto(demo_site.nested[language])
    tab_until(
        page, lambda el: el["inLanguages"] and el["lang"] == other, f"the {other} language link"
    )
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{demo_site.nested[other]}")
    page.wait_for_load_state()
    assert path_of(page.url) == demo_site.nested[other]
    assert page.locator("html").get_attribute("lang") == other
    current = page.locator(".language-switcher a[aria-current]")
    assert current.get_attribute("lang") == other


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("submit", ["enter-in-field", "button"])
def test_search_with_the_keyboard(page, demo_site, language, submit):
    page.goto(demo_site.home[language])
    tab_until(page, lambda el: el["id"] == "site-search-q", "the search field")
    page.keyboard.type(QUERY[language])
    if submit == "button":
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["tag"] == "button", element
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{demo_site.search[language]}?*")
    page.wait_for_load_state()
    assert path_of(page.url) == demo_site.search[language]
    assert parse_qs(urlsplit(page.url).query)["q"] == [QUERY[language]]
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".search-results > li").count() > 0
    assert page.locator("#search-page-q").input_value() == QUERY[language]
