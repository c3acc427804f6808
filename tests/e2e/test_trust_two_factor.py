"""Two-step login in the browser, with a real password login (not force_login, which would
hand the session its second factor): the demo Editor logs in on the admin's login page, is
sent to set up an authenticator app, reads the key shown as text under the QR code, types
the code it gives, sees the backup codes once and goes on to the admin; at the next login
the admin asks for a code first. The steps on the portal's own pages are done with the
keyboard alone, and axe checks the setup page (also with its error), the backup codes and
the code page."""

import base64
import time
from urllib.parse import urlsplit

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.demo import DEMO_PASSWORD
from tests.e2e.test_accessibility import axe_violations, describe
from tests.e2e.test_keyboard import focused

pytestmark = pytest.mark.browser

EDITOR = "redaktor"
ADMIN_LOGIN = "/admin/login/"
SETUP = "/pl/konto/bezpieczenstwo/dwuetapowe/konfiguracja/"
VERIFY = "/pl/konto/bezpieczenstwo/dwuetapowe/kod/"
SECURITY = "/pl/konto/bezpieczenstwo/"
MAX_TABS = 40


def _remove_devices(username):
    from django_otp import devices_for_user

    from portal.models import User

    user = User.objects.get(username=username)
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    return user


@pytest.fixture
def editor(page, django_db_blocker):
    """The demo Editor without any device, as bootstrap makes them; the devices this test
    adds go again afterwards: the demo site is shared by every browser test of the run."""
    with django_db_blocker.unblock():
        user = _remove_devices(EDITOR)
    yield user
    with django_db_blocker.unblock():
        _remove_devices(EDITOR)


def code_from_key(key_text, steps_ahead=0):
    """What an authenticator app shows for the key as the page prints it (base32 in groups
    of four): RFC 6238 with the app defaults django-otp uses, 30 s steps and 6 digits."""
    key = key_text.replace(" ", "").upper()
    key += "=" * (-len(key) % 8)
    totp = TOTP(base64.b32decode(key), step=30, t0=0, digits=6)
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    assert not violations, f"axe on {page.url}:\n{describe(violations)}"


def tab_to(page, wanted, what):
    """Tab until `wanted(focused element)`; each element on the way shows its focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        element = focused(page)
        if element is None or element["tag"] == "wagtail-userbar":
            # Wagtail's userbar (shown to editors) keeps its focus styles in its shadow root.
            continue
        assert element["outline"] or element["shadow"], f"no visible focus on {element}"
        if wanted(element):
            return element
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {what}")


def press_enter_and_wait(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()


def admin_password_login(page):
    """The Wagtail admin's own login form, typed in (its focus styles are Wagtail's)."""
    page.goto(ADMIN_LOGIN)
    page.focus("#id_username")
    page.keyboard.type(EDITOR)
    page.focus("#id_password")
    page.keyboard.type(DEMO_PASSWORD)
    press_enter_and_wait(page)


def type_code_by_keyboard(page, code):
    tab_to(page, lambda el: el["id"] == "id_code", "the code field")
    page.keyboard.type(code)
    press_enter_and_wait(page)


def path_of(page):
    """The path and query of the page the browser is on."""
    parts = urlsplit(page.url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_editor_sets_up_two_step_login_and_is_asked_for_a_code_next_time(page, editor):
    admin_password_login(page)
    # The admin is not reached with the password alone: first the setup, then back.
    assert path_of(page) == f"{SETUP}?next=%2Fadmin%2F"
    assert page.locator("h1").inner_text() == "Skonfiguruj logowanie dwuetapowe"
    assert page.locator(".two-step-qr svg title").count() == 1
    assert_no_axe_violations(page)

    # A wrong code: the error is told in Polish, tied to the field, and axe still passes.
    type_code_by_keyboard(page, "000000")
    assert path_of(page) == SETUP
    described = page.locator("#id_code").get_attribute("aria-describedby") or ""
    assert any(
        "nie zgadza" in page.locator(f"#{part}").inner_text() for part in described.split()
    ), "the error is not tied to the field"
    assert_no_axe_violations(page)
    time.sleep(1.2)  # django-otp lets the next try in one second after a wrong code

    key = page.locator(".two-step-secret").inner_text()
    type_code_by_keyboard(page, code_from_key(key))

    # The backup codes, once, before the admin.
    assert path_of(page) == f"{SECURITY}?next=%2Fadmin%2F"
    shown = page.locator(".backup-codes__list code").all_inner_texts()
    assert len(shown) == 10
    assert set(shown) == set(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert_no_axe_violations(page)
    tab_to(page, lambda el: el["id"] == "continue-link", "the link on to the admin")
    press_enter_and_wait(page)
    assert path_of(page) == "/admin/"
    assert page.locator("aside#wagtail-sidebar").count() == 1  # the admin itself

    # The next login: the password, then a code, then the admin.
    page.context.clear_cookies()
    admin_password_login(page)
    assert path_of(page) == f"{VERIFY}?next=%2Fadmin%2F"
    assert page.locator("h1").inner_text() == "Wpisz kod"
    assert_no_axe_violations(page)
    # The code of this 30 seconds was spent on the setup and works once; the app's next one
    # is within the step of leeway django-otp allows.
    type_code_by_keyboard(page, code_from_key(key, steps_ahead=1))
    assert path_of(page) == "/admin/"
    assert page.locator("aside#wagtail-sidebar").count() == 1
