"""The content types in the browser: axe-core (WCAG 2.0/2.1 A and AA) on every new page type
in Polish and English, reflow at 320 CSS pixels, and the photo viewer used with the
keyboard alone and with JavaScript turned off."""

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.e2e.conftest import DESKTOP, Translated, _path, _serve_media
from tests.e2e.test_accessibility import (
    LANGUAGES,
    NARROW,
    axe_violations,
    describe,
    horizontal_overflow,
    open_page,
)
from tests.e2e.test_keyboard import focused, tab_until

pytestmark = pytest.mark.browser

KINDS = [
    "gallery_index",
    "gallery",
    "consultation_index",
    "consultation",
    "practice_index",
    "practice_filtered",
    "practice",
    "model",
    "pilot_figures",
]
FILTER = "?area=seniors&woj=26"
BAD_FILTER = "?area=nobody&woj=99"


@pytest.fixture
def content(demo_site, live_server):
    """Root-relative URLs of one page of each content type of the demo site, both
    languages (the demo site is built by tests/e2e/conftest.py's `demo_site`)."""
    from wagtail.models import Locale

    from portal.models import (
        ConsultationIndexPage,
        ConsultationPage,
        GalleryIndexPage,
        GalleryPage,
        GoodPracticeIndexPage,
        GoodPracticePage,
        ModelPage,
        PilotFiguresPage,
    )

    english = Locale.objects.get(language_code="en")

    def pair(model, **filters):
        polish = model.objects.filter(locale__language_code="pl", **filters).order_by("path")[0]
        return Translated(pl=_path(polish), en=_path(polish.get_translation(english)))

    practices = pair(GoodPracticeIndexPage)
    return SimpleNamespace(
        gallery_index=pair(GalleryIndexPage),
        # the exchange visit: the gallery with the most photos
        gallery=pair(GalleryPage, slug="wizyta-w-narewce-2018"),
        consultation_index=pair(ConsultationIndexPage),
        consultation=pair(ConsultationPage),
        practice_index=practices,
        practice_filtered=Translated(pl=practices.pl + FILTER, en=practices.en + FILTER),
        practice=pair(GoodPracticePage, slug="pakiet-socjalny-oksa-wodzislaw"),
        model=pair(ModelPage),
        pilot_figures=pair(PilotFiguresPage),
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violations(page, content, kind, language):
    open_page(page, content, kind, language)
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violations_with_a_bad_filter(page, content, language):
    response = page.goto(content.practice_index[language] + BAD_FILTER)
    assert response.status == 400
    assert page.locator(".error-summary").is_visible()
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["gallery", "practice_index", "model", "pilot_figures"])
def test_reflow_at_320_px(page, content, kind, language):
    """Nothing scrolls sideways on a 320 px screen; the timeline and the tables scroll
    inside their own focusable regions."""
    page.set_viewport_size(NARROW)
    open_page(page, content, kind, language)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow


# --- the photo viewer --------------------------------------------------------------------

DIALOG = "dialog.lightbox"


def focus_in_dialog(page):
    return page.evaluate("() => !!document.activeElement.closest('dialog.lightbox[open]')")


def shown_image(page):
    """The path of the large image in the viewer."""
    return urlsplit(page.locator(f"{DIALOG} .lightbox__image").get_attribute("src")).path


def thumbnails(page):
    return page.eval_on_selector_all(
        ".photo-gallery__link",
        "links => links.map(a => ({href: a.getAttribute('href'),"
        " alt: a.querySelector('img').alt, caption: a.dataset.caption}))",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_photo_viewer_with_the_keyboard(page, content, language):
    open_page(page, content, "gallery", language)
    photos = thumbnails(page)
    assert len(photos) >= 3
    tab_until(page, lambda el: "photo-gallery__link" in el["className"], "the first thumbnail")
    assert focused(page)["href"] == photos[0]["href"]

    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open]")
    assert focus_in_dialog(page)
    assert page.locator(DIALOG).get_attribute("aria-label")
    assert shown_image(page) == photos[0]["href"]
    assert page.locator(f"{DIALOG} .lightbox__image").get_attribute("alt") == photos[0]["alt"]
    assert photos[0]["caption"] in page.locator(f"{DIALOG} figcaption").inner_text()
    names = page.eval_on_selector_all(
        f"{DIALOG} button", "buttons => buttons.map(b => b.textContent.trim())"
    )
    assert len(names) == 3 and all(names)
    # the large image really loads (WebP or the fallback)
    page.wait_for_function(
        "() => { const img = document.querySelector('dialog.lightbox .lightbox__image');"
        " return img.complete && img.naturalWidth > 0; }"
    )

    page.keyboard.press("ArrowRight")
    assert shown_image(page) == photos[1]["href"]
    assert photos[1]["caption"] in page.locator(f"{DIALOG} [aria-live]").inner_text()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert shown_image(page) == photos[-1]["href"]  # round from the first to the last
    page.keyboard.press("ArrowRight")
    assert shown_image(page) == photos[0]["href"]

    # Tab and Shift+Tab stay in the dialog
    for key in ["Tab"] * 4 + ["Shift+Tab"] * 4:
        page.keyboard.press(key)
        assert focus_in_dialog(page), key
    # the Next button with Enter
    page.locator(f"{DIALOG} .lightbox__next").focus()
    page.keyboard.press("Enter")
    assert shown_image(page) == photos[1]["href"]
    assert focus_in_dialog(page)

    violations = axe_violations(page)
    assert not violations, f"axe with the viewer open:\n{describe(violations)}"

    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    # focus is back on the thumbnail of the photo last shown
    assert focused(page)["href"] == photos[1]["href"]
    assert "photo-gallery__link" in focused(page)["className"]


def test_closing_returns_to_the_thumbnail_it_was_opened_from(page, content):
    open_page(page, content, "gallery", "pl")
    photos = thumbnails(page)
    third = page.locator(".photo-gallery__link").nth(2)
    third.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{DIALOG}[open]")
    assert shown_image(page) == photos[2]["href"]
    page.locator(f"{DIALOG} .lightbox__close").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    assert focused(page)["href"] == photos[2]["href"]


def test_without_javascript_a_thumbnail_leads_to_the_large_image(
    browser, demo_site, live_server, content
):
    context = browser.new_context(
        base_url=live_server.url, viewport=DESKTOP, locale="pl-PL", java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    context.route(
        re.compile(rf"^{re.escape(live_server.url)}{re.escape(settings.MEDIA_URL)}"),
        _serve_media(demo_site.media_root),
    )
    try:
        page = context.new_page()
        page.goto(content.gallery.pl)
        link = page.locator(".photo-gallery__link").first
        href = link.get_attribute("href")
        assert ".max-1600x1200." in href
        with page.expect_navigation() as navigation:
            link.click()
        response = navigation.value
        assert response.status == 200
        assert urlsplit(page.url).path == href
        assert response.headers["content-type"].startswith("image/")
        assert page.locator(DIALOG).count() == 0
    finally:
        context.close()
