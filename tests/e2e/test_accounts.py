"""The account pages in the browser: axe-core (WCAG 2.1 A and AA) on registration, login and
the profile, also with errors shown, and a registration done with the keyboard alone."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from portal.demo import DEMO_PASSWORD
from tests.e2e.test_accessibility import NARROW, axe_violations, describe, horizontal_overflow
from tests.e2e.test_keyboard import focused, tab_until

pytestmark = pytest.mark.browser

REGISTER = {"pl": "/pl/konto/rejestracja/", "en": "/en/account/register/"}
LOGIN = {"pl": "/pl/konto/logowanie/", "en": "/en/account/login/"}
PROFILE = {"pl": "/pl/konto/profil/", "en": "/en/account/profile/"}


def assert_no_violations(page):
    assert page.evaluate(
        "() => [...document.styleSheets].some(sheet => sheet.href && "
        "sheet.href.endsWith('/css/accounts.css') && sheet.cssRules.length > 0)"
    ), "accounts.css did not load"
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


def log_in(page, language="pl"):
    page.goto(LOGIN[language])
    page.fill("#id_username", "uczestnik")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/{language}/**")


@pytest.mark.parametrize("language", ["pl", "en"])
def test_registration_page(page, demo_site, language):
    page.goto(REGISTER[language])
    assert_no_violations(page)
    # Sent empty: the error summary and every field's error.
    page.click("main form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert page.locator(".field-error").count() >= 5
    assert_no_violations(page)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_login_page(page, demo_site, language):
    page.goto(LOGIN[language])
    assert_no_violations(page)
    page.fill("#id_username", "uczestnik")
    page.fill("#id_password", "to-nie-jest-haslo")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert_no_violations(page)


@pytest.mark.parametrize("language", ["pl", "en"])
def test_profile_page(page, demo_site, language):
    log_in(page, language)
    page.goto(PROFILE[language] + "?gmina_q=Bieliny&institution_q=o")
    assert page.locator("#id_gmina option").count() >= 2
    assert_no_violations(page)
    # Sent back with an error next to the field.
    page.goto(PROFILE[language])
    page.fill("#id_first_name", "")
    page.click("section[aria-labelledby=details-title] button[type=submit]")
    page.wait_for_selector("#id_first_name_error")
    assert_no_violations(page)


@pytest.mark.parametrize("kind", ["register", "profile"])
def test_account_pages_at_320_px(page, demo_site, kind):
    path = REGISTER["pl"]
    if kind == "profile":
        log_in(page)
        path = PROFILE["pl"] + "?gmina_q=Nowa&institution_q=o"
    page.set_viewport_size(NARROW)
    page.goto(path)
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow


def test_registration_with_the_keyboard_alone(page, demo_site):
    address = "klawiatura.test@example.org"
    User = get_user_model()
    mail.outbox = []
    try:
        page.goto(REGISTER["pl"])
        # The skip link, then into the form.
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        values = {
            "id_first_name": "Klara",
            "id_last_name": "Klawiaturowa",
            "id_email": address,
            # Not made of the name or the e-mail address: the password rules refuse that.
            "id_password1": "Zielony-Most-Nad-Rzeka-7",
            "id_password2": "Zielony-Most-Nad-Rzeka-7",
        }
        for field_id, value in values.items():
            tab_until(page, lambda element, wanted=field_id: element["id"] == wanted, field_id)
            element = focused(page)
            assert element["outline"] or element["shadow"], f"{field_id} shows no focus"
            page.keyboard.type(value)
        tab_until(page, lambda element: element["id"] == "id_privacy", "the privacy checkbox")
        page.keyboard.press("Space")
        assert page.is_checked("#id_privacy")
        tab_until(
            page,
            lambda element: element["tag"] == "button" and element["region"] == "main",
            "the submit button",
        )
        page.keyboard.press("Enter")
        page.wait_for_url("**/pl/konto/rejestracja/wyslano/")
        assert page.locator("h1").inner_text() == "Sprawdź pocztę e-mail"

        user = User.objects.get(email=address)
        assert user.first_name == "Klara" and not user.is_active
        assert [message.to for message in mail.outbox] == [[address]]
    finally:
        User.objects.filter(email=address).delete()
