"""The list of activities and services of the demo site in the browser: axe-core (WCAG 2.0
and 2.1, A and AA) on the search page (plain, with filters, with nothing found, with a bad
value), on a service's and an institution's page and on the help plan, in Polish and
English; reflow at 320 CSS pixels; and a search with filters and the help plan used with
the keyboard alone, the territory lists filled by the page's script.

The map tile comes from an outside tile server; the browser is given a blank tile for it,
so the tests never leave the machine."""

import re
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import _path
from tests.e2e.test_accessibility import NARROW, axe_violations, describe, horizontal_overflow
from tests.e2e.test_keyboard import focused, tab_until

pytestmark = pytest.mark.browser

LANGUAGES = ["pl", "en"]
OKSA = "2602052"
# 1x1 transparent PNG for requests to the tile server
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def catalog(demo_site, django_db_blocker):
    """URLs of the demo catalog: the page in each language, a service with coordinates
    and its institution."""
    from wagtail.models import Locale

    from catalog.models import CatalogPage
    from catalog.search import public_services

    with django_db_blocker.unblock():
        page = CatalogPage.objects.get(locale__language_code="pl")
        english = page.get_translation(Locale.objects.get(language_code="en"))
        service = (
            public_services()
            .filter(institution__latitude__isnull=False, gmina__isnull=True)
            .order_by("pk")
            .first()
        )
        assert service is not None, "the demo catalog has no service of a placed institution"
        assert public_services().filter(coverage_codes__contains=OKSA).count() >= 2
        urls = {"pl": _path(page), "en": _path(english)}
    segments = {
        "pl": ("usluga", "instytucja"),
        "en": ("service", "institution"),
    }
    return SimpleNamespace(
        index=urls,
        service={lang: f"{urls[lang]}{segments[lang][0]}/{service.pk}/" for lang in LANGUAGES},
        institution={
            lang: f"{urls[lang]}{segments[lang][1]}/{service.institution_id}/" for lang in LANGUAGES
        },
        plan={lang: f"{urls[lang]}plan/" for lang in LANGUAGES},
        service_id=service.pk,
    )


@pytest.fixture
def browser_page(page, settings):
    settings.CATALOG_MAP_TILE_URL = "https://tiles.invalid/{z}/{x}/{y}.png"
    page.context.route(
        re.compile(r"^https://tiles\.invalid/"),
        lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"),
    )
    return page


def open_catalog_page(page, url, language):
    response = page.goto(url)
    assert response.status == 200, url
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate(
        "() => [...document.styleSheets].some(sheet => sheet.href && "
        "sheet.href.endsWith('/css/catalog.css') && sheet.cssRules.length > 0)"
    ), "catalog.css did not load"


def assert_no_violations(page):
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


SEARCHES = {
    "plain": "",
    "filtered": f"?q=osoby+starsze&teryt=26&teryt=2602&teryt={OKSA}&free=1&sort=name",
    "nothing": "?q=zzyzxqwerty",
    "bad-value": "?area=nie-ma&teryt=123",
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("state", list(SEARCHES))
def test_search_page_has_no_axe_violations(browser_page, catalog, language, state):
    open_catalog_page(browser_page, catalog.index[language] + SEARCHES[state], language)
    cards = browser_page.locator(".service-card").count()
    if state == "plain":
        assert cards > 0
    if state == "nothing":
        assert cards == 0
    if state == "bad-value":
        assert browser_page.locator(".error-summary[role=alert]").count() == 1
    assert_no_violations(browser_page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["service", "institution"])
def test_detail_pages_have_no_axe_violations(browser_page, catalog, language, kind):
    open_catalog_page(browser_page, getattr(catalog, kind)[language], language)
    assert browser_page.locator(".catalog-map img").count() == 1
    assert_no_violations(browser_page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_plan_has_no_axe_violations(browser_page, catalog, language):
    open_catalog_page(browser_page, catalog.service[language], language)
    browser_page.locator("form.plan-add button").first.click()
    browser_page.wait_for_load_state()
    open_catalog_page(browser_page, catalog.index[language] + "?sort=name", language)
    browser_page.locator(".service-card form.plan-add button").first.click()
    browser_page.wait_for_load_state()
    open_catalog_page(browser_page, catalog.plan[language], language)
    assert browser_page.locator(".plan-item").count() == 2
    assert_no_violations(browser_page)
    browser_page.locator(".plan-actions form button").first.click()  # save as a share link
    browser_page.wait_for_url(re.compile(r"/plan/[\w-]{16,}/$"))
    assert browser_page.locator(".plan-item").count() == 2
    assert_no_violations(browser_page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["index", "service"])
def test_catalog_at_320_px(browser_page, catalog, language, kind):
    browser_page.set_viewport_size(NARROW)
    open_catalog_page(browser_page, getattr(catalog, kind)[language], language)
    overflow = horizontal_overflow(browser_page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow


def choose_with_keys(page, select_id, value):
    """Move through a focused select with the arrow keys until `value` is chosen, as a
    keyboard user does."""
    options = page.eval_on_selector_all(f"#{select_id} option", "els => els.map(e => e.value)")
    assert value in options, (select_id, value, options[:5])
    for _ in range(len(options)):
        if page.eval_on_selector(f"#{select_id}", "el => el.value") == value:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"could not reach {value} in #{select_id}")


def test_search_with_filters_and_plan_by_keyboard(browser_page, catalog):
    page = browser_page
    page.goto(catalog.index["pl"])
    # the script takes over the territory lists: its button is hidden
    assert page.locator("[data-territory-update]").is_hidden()
    seen = tab_until(page, lambda el: el["id"] == "catalog-q", "the catalog's search field")
    page.keyboard.type("osoby starsze")
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "catalog-voivodeship"
    choose_with_keys(page, "catalog-voivodeship", "26")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#catalog-powiat option')]"
        ".some(o => o.value === '2602')"
    )
    status = page.locator("[data-territory-status]").text_content()
    assert "Powiat" in status
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "catalog-powiat"
    choose_with_keys(page, "catalog-powiat", "2602")
    page.wait_for_function(
        f"() => [...document.querySelectorAll('#catalog-gmina option')]"
        f".some(o => o.value === '{OKSA}')"
    )
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "catalog-gmina"
    choose_with_keys(page, "catalog-gmina", OKSA)
    element = tab_until(page, lambda el: el["id"] == "catalog-free", "the free-only checkbox")[-1]
    assert element["outline"] or element["shadow"], "no visible focus on the checkbox"
    page.keyboard.press("Space")
    button = tab_until(page, lambda el: el["tag"] == "button", "the search button")[-1]
    assert button["outline"] or button["shadow"], "no visible focus on the search button"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["osoby starsze"]
    assert query["teryt"] == [OKSA]  # the address of the state, not the form's three lists
    assert query["free"] == ["1"]
    assert page.locator("#catalog-gmina").input_value() == OKSA
    assert page.locator(".service-card").count() > 0
    invisible = [el for el in seen if el and not (el["outline"] or el["shadow"])]
    assert not invisible, f"no visible focus indicator on {invisible}"

    # add the first result to the help plan with the keyboard, and come back to it
    tab_until(
        page,
        lambda el: el["tag"] == "button" and "plan" in el["text"].lower(),
        "the first add-to-plan button",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".catalog-messages").count() == 1
    assert page.locator(".service-card .plan-state").count() == 1
    assert "#service-" in page.url
