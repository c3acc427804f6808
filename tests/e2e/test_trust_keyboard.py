"""The main tasks of the site done with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7): Tab,
Shift+Tab, Enter, Space and the arrow keys, never a click, and every element that takes the
focus on the way shows it (an outline of at least 2 px or a shadow).

* reading the news: the home page, the news list, a news item;
* a gallery: the list of galleries, a gallery, its photos one after the other;
* a lesson and its quiz as the demo trainee: from "my learning" to a lesson with a quiz,
  the answers chosen with Space and the arrow keys, the result read after sending;
* logging in on the public login form, from the header's link.

Searching the catalog and filtering it by voivodeship, powiat and gmina with the keyboard is
tests/e2e/test_catalog.py's ``test_search_with_filters_and_plan_by_keyboard``; the skip link,
the header, the language switcher and the site search are tests/e2e/test_keyboard.py's; the
photo viewer's own keys (Tab kept inside it, Escape) are tests/e2e/test_content.py's."""

from urllib.parse import urlsplit

import pytest

from portal.demo import DEMO_PASSWORD
from tests.e2e import test_trust_axe as axe
from tests.e2e.conftest import _path
from tests.e2e.test_keyboard import focused
from tests.e2e.test_trust_axe import TRAINEE

pytestmark = pytest.mark.browser

# The sweep's fixtures, made afresh for this module (one browser context of its own).
sweep_context, sweep_page, trainee_cookie = axe.sweep_context, axe.sweep_page, axe.trainee_cookie

MAX_TABS = 80


def tab_to(page, wanted, what, key="Tab"):
    """Press `key` until `wanted(focused element)` holds; every element the focus passes must
    show it. The element reached is returned."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        element = focused(page)
        if element is None:
            continue
        seen.append(element)
        assert element["outline"] or element["shadow"], f"no visible focus on {element}"
        if wanted(element):
            return element
    pytest.fail(f"{MAX_TABS} presses of {key} never reached {what}; focus went through {seen}")


def press_and_wait(page, key="Enter"):
    with page.expect_navigation():
        page.keyboard.press(key)
    page.wait_for_load_state()


def path_of(url):
    return urlsplit(url).path


@pytest.fixture
def keyboard_page(sweep_page):
    sweep_page.context.clear_cookies()
    return sweep_page


@pytest.fixture(scope="module")
def demo_pages(demo_site, django_db_blocker):
    from wagtail.models import Locale

    from news.models import NewsIndexPage
    from portal.models import GalleryIndexPage

    with django_db_blocker.unblock():
        english = Locale.objects.get(language_code="en")
        pages = {}
        for name, model in (("news", NewsIndexPage), ("galleries", GalleryIndexPage)):
            polish = model.objects.live().get(locale__language_code="pl")
            pages[name] = {"pl": _path(polish), "en": _path(polish.get_translation(english))}
    return pages


@pytest.mark.parametrize("language", ["pl", "en"])
def test_reading_the_news(keyboard_page, demo_site, demo_pages, language):
    page = keyboard_page
    news_index = demo_pages["news"][language]
    page.goto(demo_site.home[language])
    # The news section's own link on the home page, past the header and the search.
    tab_to(
        page,
        lambda el: el["region"] == "main" and el["href"] == news_index,
        "the news link in the page",
    )
    press_and_wait(page)
    assert path_of(page.url) == news_index
    first = page.locator(".news-card__title a").first
    title, href = first.inner_text(), first.get_attribute("href")
    tab_to(page, lambda el: el["href"] == href, "the first news item's title")
    press_and_wait(page)
    assert path_of(page.url) == href
    assert page.locator("h1").inner_text() == title
    assert page.locator("html").get_attribute("lang") == language
    # Shift+Tab goes back up the page the way it came: the language links are reached.
    tab_to(page, lambda el: el["region"] == "main", "the article's content")
    tab_to(page, lambda el: el["inLanguages"], "the language links", key="Shift+Tab")


def test_opening_a_gallery_and_its_photos(keyboard_page, demo_pages):
    page = keyboard_page
    page.goto(demo_pages["galleries"]["pl"])
    link = page.locator(".card__title a").first
    title, href = link.inner_text(), link.get_attribute("href")
    tab_to(page, lambda el: el["href"] == href, "the first gallery")
    press_and_wait(page)
    assert path_of(page.url) == href
    assert page.locator("h1").inner_text() == title
    thumbnails = page.eval_on_selector_all(
        ".photo-gallery__link", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(thumbnails) >= 2
    tab_to(page, lambda el: "photo-gallery__link" in el["className"], "the first photo")
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.lightbox[open]")

    def shown():
        return path_of(page.locator("dialog.lightbox .lightbox__image").get_attribute("src"))

    assert shown() == thumbnails[0]
    # Each photo in turn with the right arrow, and back to the first with the left one.
    for expected in thumbnails[1:]:
        page.keyboard.press("ArrowRight")
        assert shown() == expected
    for expected in reversed(thumbnails[:-1]):
        page.keyboard.press("ArrowLeft")
        assert shown() == expected
    # The viewer's buttons are reached with Tab and show their focus too.
    tab_to(page, lambda el: el["tag"] == "button", "a button of the viewer")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.querySelector('dialog.lightbox').open")
    assert focused(page)["href"] == thumbnails[0]


def test_a_lesson_and_its_quiz_as_the_demo_trainee(
    keyboard_page, trainee_cookie, demo_site, django_db_blocker
):
    from django.utils import translation
    from wagtail.models import Locale

    from portal.navigation import route_url
    from school.models import CourseIndexPage

    page = keyboard_page
    page.context.add_cookies([trainee_cookie])
    with django_db_blocker.unblock(), translation.override("pl"):
        index = CourseIndexPage.objects.live().get(locale=Locale.objects.get(language_code="pl"))
        dashboard = route_url(index, "dashboard")
    page.goto(dashboard)
    # "Next in your courses" lists the lessons to do; the first one with a quiz.
    quiz_link = page.locator("main li:has(.school-tag) a").first
    lesson_title, href = quiz_link.inner_text(), quiz_link.get_attribute("href")
    tab_to(page, lambda el: el["href"] == href, "the first lesson with a quiz")
    press_and_wait(page)
    assert path_of(page.url) == href
    assert lesson_title in page.locator("h1").inner_text()  # after "Lekcja 4: "

    tab_to(page, lambda el: el["text"] == "Oznacz jako przeczytaną", "mark as read")
    press_and_wait(page)
    assert "Lekcja oznaczona jako przeczytana." in page.locator(".school-messages").inner_text()

    # Each question: the first answer with Space; in a list of radio buttons the arrow key
    # then moves the choice to the next answer, as it does in any radio group.
    groups = page.eval_on_selector_all(
        ".school-quiz-form fieldset",
        "sets => sets.map(set => set.querySelector('input').name)",
    )
    assert groups
    answered = set()
    while len(answered) < len(groups):
        element = tab_to(
            page,
            lambda el: (
                el["tag"] == "input"
                and el["id"].startswith("q-")
                and el["id"].rsplit("-", 1)[0] not in answered
            ),
            "the next question's answers",
        )
        group = element["id"].rsplit("-", 1)[0]
        kind = page.evaluate("() => document.activeElement.type")
        page.keyboard.press("Space")
        if kind == "radio":
            page.keyboard.press("ArrowDown")
            assert page.evaluate("() => document.activeElement.checked")
            assert page.locator(f"input[name={group}]:checked").count() == 1
        else:
            assert page.locator(f"input[name={group}]:checked").count() == 1
        answered.add(group)
    tab_to(page, lambda el: el["text"] == "Sprawdź odpowiedzi", "the quiz's send button")
    press_and_wait(page)
    result = page.locator("#quiz-result")
    assert result.is_visible()
    text = result.inner_text()
    assert "Wynik:" in text and ("Zaliczony" in text or "Niezaliczony" in text), text
    # The review lists every question with its verdict.
    assert page.locator("#quiz-result .school-quiz-review > li").count() == len(groups)


def test_logging_in(keyboard_page, demo_site):
    page = keyboard_page
    page.goto(demo_site.home["pl"])
    tab_to(page, lambda el: el["text"] == "Zaloguj się", "the header's login link")
    press_and_wait(page)
    tab_to(page, lambda el: el["id"] == "id_username", "the user name field")
    page.keyboard.type(TRAINEE)
    tab_to(page, lambda el: el["id"] == "id_password", "the password field")
    page.keyboard.type(DEMO_PASSWORD)
    # Shift+Tab back to the user name keeps what was typed.
    page.keyboard.press("Shift+Tab")
    assert focused(page)["id"] == "id_username"
    assert page.locator("#id_username").input_value() == TRAINEE
    tab_to(page, lambda el: el["tag"] == "button" and el["region"] == "main", "the login button")
    press_and_wait(page)
    account = page.locator(".account-nav")
    assert account.get_by_role("link", name="Moje konto").count() == 1
    assert account.get_by_role("button", name="Wyloguj się").count() == 1
