"""Two-step login (security.twofactor): required for Editors, Moderators, Coordinators and
superusers before the admin, voluntary for the other roles, with real TOTP codes computed
from the device's key and single-use backup codes. These tests log in with the password
form (force_login would give the second factor, tests/conftest.py)."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import roles
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD

pytestmark = pytest.mark.real_two_factor

LOGIN = "/pl/konto/logowanie/"
SETUP = "/pl/konto/bezpieczenstwo/dwuetapowe/konfiguracja/"
VERIFY = "/pl/konto/bezpieczenstwo/dwuetapowe/kod/"
SECURITY = "/pl/konto/bezpieczenstwo/"


def code_for(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def person_with(role=None, **fields):
    user = UserFactory(**fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def log_in(user):
    client = Client()
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


PRIVILEGED = [
    ("editor", {"role": roles.EDITOR}),
    ("moderator", {"role": roles.MODERATOR}),
    ("coordinator", {"role": roles.COORDINATOR}),
    ("superuser", {"is_superuser": True}),
]
VOLUNTARY = [roles.TRAINEE, roles.COACH, roles.INSTITUTION_EDITOR]


@pytest.mark.parametrize(("label", "kwargs"), PRIVILEGED, ids=[p[0] for p in PRIVILEGED])
@pytest.mark.parametrize("area", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_privileged_without_a_device_are_sent_to_set_one_up(site, label, kwargs, area):
    client = log_in(person_with(**kwargs))
    response = client.get(area)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert f"next={area.replace('/', '%2F')}" in response["Location"]


@pytest.mark.parametrize(("label", "kwargs"), PRIVILEGED, ids=[p[0] for p in PRIVILEGED])
def test_privileged_with_a_device_are_asked_for_a_code(site, label, kwargs):
    user = person_with(**kwargs)
    confirmed_device(user)
    client = log_in(user)
    for path in ("/admin/", "/pl/konto/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(VERIFY)


@pytest.mark.parametrize("role", VOLUNTARY)
def test_other_roles_are_not_forced(site, role):
    client = log_in(person_with(role=role))
    assert client.get("/pl/konto/").status_code == 200
    admin = client.get("/admin/")
    assert not admin.get("Location", "").startswith(SETUP)


def test_the_rule_can_be_switched_off_but_is_on_by_default(site, settings):
    from portal.settings import base

    assert base.SECURITY_REQUIRE_2FA is True
    settings.SECURITY_REQUIRE_2FA = False
    client = log_in(person_with(role=roles.EDITOR))
    assert client.get("/admin/").status_code == 200


def test_setup_with_a_real_code_lets_the_editor_in_and_shows_backup_codes(site):
    editor = person_with(role=roles.EDITOR)
    client = log_in(editor)
    page = client.get(f"{SETUP}?next=/admin/")
    assert page.status_code == 200
    html = BeautifulSoup(page.content.decode(), "html.parser")
    svg = html.find(class_="two-step-qr").find("svg")
    assert svg is not None and svg.find("title"), "QR code as inline SVG with a title"
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = html.find(class_="two-step-secret").get_text().replace(" ", "")
    assert secret and secret in device.config_url

    wrong = client.post(SETUP, {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "nie zgadza" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp's wait after a wrong code

    done = client.post(SETUP, {"code": code_for(device), "next": "/admin/"})
    # First to the backup codes, shown once, with the way on to the admin.
    assert done.status_code == 302 and done["Location"] == f"{SECURITY}?next=%2Fadmin%2F"
    assert client.get("/admin/").status_code == 200
    overview = client.get(done["Location"]).content.decode()
    assert BeautifulSoup(overview, "html.parser").find(id="continue-link")["href"] == "/admin/"
    codes = re.findall(r"<code>([a-z0-9]+)</code>", overview)
    assert len(codes) == 10
    assert set(codes) == set(
        StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    )
    # Shown once only.
    assert "<code>" not in client.get(SECURITY).content.decode()


def test_verify_accepts_a_current_code_and_refuses_a_wrong_or_reused_one(site):
    editor = person_with(role=roles.MODERATOR)
    device = confirmed_device(editor)
    client = log_in(editor)
    assert client.post(VERIFY, {"code": "123456", "next": "/admin/"}).status_code == 200
    assert client.get("/admin/").status_code == 302
    # django-otp makes the next try after a failure wait (1 s, doubling): not a test's pace.
    device.refresh_from_db()
    device.throttle_reset()
    good = code_for(device)
    assert client.post(VERIFY, {"code": good, "next": "/admin/"})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # The same code cannot open a second session.
    other = log_in(editor)
    assert other.post(VERIFY, {"code": good}).status_code == 200
    assert other.get("/admin/").status_code == 302


def test_a_backup_code_works_once(site):
    coordinator = person_with(role=roles.COORDINATOR)
    confirmed_device(coordinator)
    from django_otp.plugins.otp_static.models import StaticDevice

    backup = StaticDevice.objects.create(user=coordinator, name="backup", confirmed=True)
    backup.token_set.create(token="abcd1234")
    first = log_in(coordinator)
    assert first.post(VERIFY, {"code": "abcd1234", "next": "/admin/"}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = log_in(coordinator)
    assert second.post(VERIFY, {"code": "abcd1234"}).status_code == 200
    assert second.get("/admin/").status_code == 302


def test_verify_keeps_next_on_our_site_only(site):
    editor = person_with(role=roles.EDITOR)
    device = confirmed_device(editor)
    client = log_in(editor)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == SECURITY


def test_a_trainee_may_turn_it_on_and_is_then_asked_at_login(site):
    trainee = person_with(role=roles.TRAINEE)
    client = log_in(trainee)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=trainee)
    assert client.post(SETUP, {"code": code_for(device)}).status_code == 302
    later = log_in(trainee)
    assert later.get("/pl/konto/")["Location"].startswith(VERIFY)
    assert later.post(VERIFY, {"code": code_for(device, steps_ahead=1)}).status_code == 302
    assert later.get("/pl/konto/").status_code == 200
    # ... and may turn it off from a verified session.
    assert later.post(SECURITY + "dwuetapowe/wylacz/").status_code == 302
    assert not TOTPDevice.objects.filter(user=trainee).exists()
    assert log_in(trainee).get("/pl/konto/").status_code == 200


def test_a_privileged_account_cannot_turn_it_off(site):
    editor = person_with(role=roles.EDITOR)
    device = confirmed_device(editor)
    client = log_in(editor)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.post(SECURITY + "dwuetapowe/wylacz/").status_code == 403
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_force_login_helper_gives_a_real_device_only_outside_this_module(site):
    """The conftest helper is off here (marker): force_login alone does not pass the rule."""
    editor = person_with(role=roles.EDITOR)
    client = Client()
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith(SETUP)
