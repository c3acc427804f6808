"""Shared fixtures: two locales, a site built by factories (a Polish home page and its
English translation), a clean page cache and media directory for every test."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from portal.models import SiteSettings
from tests.factories import HomePageFactory

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _compile_catalogues():
    """The .mo files are build output (gitignored, made by `make messages`). Compile any
    that are missing or older than their .po so the suite tests the current catalogue."""
    try:
        import polib
    except ImportError:  # pragma: no cover
        return
    for po_path in (PROJECT_ROOT / "locale").glob("*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        partial = mo_path.with_suffix(f".mo.{os.getpid()}")
        try:
            polib.pofile(str(po_path)).save_as_mofile(str(partial))
            os.replace(partial, mo_path)  # never a half-written catalogue for a reader
        except (OSError, ValueError):  # a catalogue being edited: leave it to the tests
            partial.unlink(missing_ok=True)


def pytest_configure(config):
    if not os.environ.get("PYTEST_XDIST_WORKER"):  # once, before any worker starts
        _compile_catalogues()
    # WhiteNoise warns that STATIC_ROOT (made by collectstatic) does not exist: not our case.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")
    config.addinivalue_line(
        "markers",
        "real_two_factor: force_login leaves the second factor to the test (tests/trust)",
    )


@pytest.fixture(autouse=True)
def _isolation(settings, tmp_path_factory):
    """Every test starts with an empty cache (the page cache, Wagtail's site cache) and
    writes uploaded files under pytest's temporary directory, not var/."""
    settings.MEDIA_ROOT = str(tmp_path_factory.getbasetemp() / "media")
    cache.clear()
    # A request for an English page leaves English active in the thread (LocaleMiddleware
    # does not switch it back): each test starts in the site's default language.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
    cache.clear()


@pytest.fixture
def locales(db):
    polish, _ = Locale.objects.get_or_create(language_code="pl")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return SimpleNamespace(pl=polish, en=english)


def publish(page):
    """Publish the page's current state as an editor would, and return it fresh."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """A published copy of `page` in `locale`, with `fields` changed (title, slug ...)."""
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    return publish(translated)


@pytest.fixture
def site(db, locales):
    """The default site, rooted at a Polish home page, with the English home page as its
    translation. Wagtail's migration-made "Welcome" page is removed."""
    root = Page.get_first_root_node()
    home_pl = HomePageFactory(
        parent=root, title="Kooperacja", slug="pl", locale=locales.pl, lead="<p>Witamy</p>"
    )
    wagtail_site = Site.objects.get(is_default_site=True)
    old_root = wagtail_site.root_page
    wagtail_site.root_page = home_pl
    wagtail_site.site_name = "Kooperacja"
    wagtail_site.save()
    if old_root.pk != home_pl.pk:
        old_root.delete()
    home_en = translate(home_pl, locales.en, title="Kooperacja EN", slug="en", lead="<p>Hi</p>")
    # Made on first use otherwise, which empties the page cache in the middle of a test.
    SiteSettings.for_site(wagtail_site)
    cache.clear()
    return SimpleNamespace(
        site=wagtail_site, home_pl=home_pl.specific, home_en=home_en.specific, locales=locales
    )


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


def verify_second_factor(client, user):
    """Give `client`'s session the second factor, as a real login with a code would: a
    confirmed TOTP device of the user's own, recorded in the session by django-otp."""
    from django.contrib.auth import SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from security import auth

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="tests", defaults={"confirmed": True}
    )
    session = client.session
    assert session.get(SESSION_KEY) == str(user.pk), "log the user in first"
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[auth.HAS_DEVICE] = True
    session.save()
    return device


@pytest.fixture(autouse=True)
def _force_login_with_second_factor(request, monkeypatch):
    """`client.force_login` skips the password; for Editors, Moderators, Coordinators and
    superusers it skips the second factor too, so that the hundreds of admin tests keep
    testing the admin. The rule itself stays on (SECURITY_REQUIRE_2FA is on in test settings
    as in production): a session logged in any other way, or in a test marked
    `real_two_factor` (tests/trust/test_security_auth_2fa.py), must give a real code."""
    if request.node.get_closest_marker("real_two_factor"):
        return
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from security.auth import is_privileged

        if is_privileged(user):
            verify_second_factor(self, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login)
