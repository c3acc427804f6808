"""Login throttling, no account enumeration, Polish password rules, session timeouts and
"log out everywhere" (security.auth, security.sessions, portal/accounts)."""

import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from security import auth
from tests.accounts.helpers import STRONG_PASSWORD, registration_data
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD
from tests.utils import soup, text


def page_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


User = get_user_model()
LOGIN = "/pl/konto/logowanie/"
ADMIN_LOGIN = "/admin/login/"
REGISTER = "/pl/konto/rejestracja/"
RESET = "/pl/konto/haslo/nowe/"


@pytest.fixture
def person(site):
    return UserFactory(username="uczestnik", email="urszula@example.org")


def logged_in(client):
    return client.session.get("_auth_user_id")


def fail(client, url, username, times, ip="10.0.0.1"):
    for _ in range(times):
        response = client.post(
            url, {"username": username, "password": "nie-to-haslo-123"}, REMOTE_ADDR=ip
        )
    return response


# --- Throttling -------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_lockout_after_the_failure_limit_with_a_polish_message(client, person, settings, url):
    assert fail(client, url, "uczestnik", settings.AXES_FAILURE_LIMIT - 1).status_code == 200
    locked = fail(client, url, "uczestnik", 1)
    assert locked.status_code == 429
    page = text(page_of(locked))
    assert "Zbyt wiele nieudanych prób logowania" in page
    assert "15 minut" in page
    # Locked out even with the right password, from that address.
    again = client.post(
        url, {"username": "uczestnik", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert again.status_code == 429
    assert not logged_in(client)


def test_lockout_is_per_name_and_address(client, person, settings):
    fail(client, LOGIN, "uczestnik", settings.AXES_FAILURE_LIMIT)
    # The real person, from their own address, still gets in.
    other_ip = Client().post(
        LOGIN, {"username": "uczestnik", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_ip.status_code == 302
    # Another account from the attacker's address is not locked either.
    UserFactory(username="koordynator2")
    other_name = Client().post(
        LOGIN, {"username": "koordynator2", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert other_name.status_code == 302


def test_forwarded_for_header_does_not_give_a_fresh_address(client, person, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            LOGIN,
            {"username": "uczestnik", "password": "nie-to-haslo-123"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    assert response.status_code == 429


def test_lockout_ends_after_the_cool_off(client, person, settings):
    from axes.models import AccessAttempt

    fail(client, LOGIN, "uczestnik", settings.AXES_FAILURE_LIMIT)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME * 2
    )
    ok = client.post(LOGIN, {"username": "uczestnik", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert ok.status_code == 302


def test_success_resets_the_failures(client, person, settings):
    fail(client, LOGIN, "uczestnik", settings.AXES_FAILURE_LIMIT - 1)
    assert (
        client.post(
            LOGIN, {"username": "uczestnik", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
        ).status_code
        == 302
    )
    client.logout()
    # A fresh allowance: limit - 1 more failures do not lock.
    assert fail(client, LOGIN, "uczestnik", settings.AXES_FAILURE_LIMIT - 1).status_code == 200


def test_lockout_of_an_unknown_name_looks_the_same(client, person, settings):
    known = fail(Client(), LOGIN, "uczestnik", settings.AXES_FAILURE_LIMIT)
    unknown = fail(Client(), LOGIN, "nikt-taki", settings.AXES_FAILURE_LIMIT)
    assert known.status_code == unknown.status_code == 429
    assert text(page_of(known).main) == text(page_of(unknown).main)


# --- No account enumeration --------------------------------------------------------------


def test_login_answers_alike_for_a_known_and_an_unknown_address(client, person):
    known = client.post(LOGIN, {"username": "urszula@example.org", "password": "zle-haslo-1234"})
    unknown = client.post(LOGIN, {"username": "nikt@example.org", "password": "zle-haslo-1234"})
    assert known.status_code == unknown.status_code == 200
    assert text(soup(known).find(class_="error-summary")) == text(
        soup(unknown).find(class_="error-summary")
    )


def test_login_does_as_much_hashing_for_an_unknown_name(client, person, monkeypatch):
    from django.contrib.auth.hashers import MD5PasswordHasher

    calls = []
    original = MD5PasswordHasher.encode
    monkeypatch.setattr(
        MD5PasswordHasher,
        "encode",
        lambda self, *a, **k: calls.append(1) or original(self, *a, **k),
    )
    client.post(LOGIN, {"username": "uczestnik", "password": "zle-haslo-1234"})
    known = len(calls)
    calls.clear()
    client.post(LOGIN, {"username": "nikt-taki", "password": "zle-haslo-1234"})
    assert len(calls) == known > 0


def test_registration_of_a_taken_address_answers_alike_and_tells_the_owner(client, person):
    fresh = client.post(REGISTER, registration_data(email="nowa@example.org"))
    taken = client.post(REGISTER, registration_data(email="URSZULA@example.org"))
    assert fresh.status_code == taken.status_code == 302
    assert fresh["Location"] == taken["Location"]
    assert [m.to for m in mail.outbox] == [["nowa@example.org"], ["urszula@example.org"]]
    notice = mail.outbox[1]
    assert "konto" in notice.body.lower()
    assert "/pl/konto/haslo/nowe/" in notice.body
    # Nothing changed on the existing account.
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert User.objects.filter(email__iexact="urszula@example.org").count() == 1


def test_password_reset_answers_alike_for_a_known_and_an_unknown_address(client, person):
    known = client.post(RESET, {"email": "urszula@example.org"})
    unknown = client.post(RESET, {"email": "nikt@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [m.to for m in mail.outbox] == [["urszula@example.org"]]


# --- Password rules ------------------------------------------------------------------------

WEAK = [
    ("Kochanie2024!!", "password_polish_common"),
    ("HASŁO123456789", "password_polish_common"),
    ("qwertyuiop12", "password_polish_common"),
    ("Kooperacja2025", "password_polish_common"),
    ("zaq1@WSX3edc!", None),  # a keyboard run: letters "zaqwsxedc" are on the list
    ("Moja-Nowakowa-99", "password_personal_data"),
    ("annanowak12345", "password_personal_data"),
    ("krótkie1!", "password_too_short"),
]


@pytest.mark.parametrize(("password", "code"), WEAK)
def test_weak_passwords_are_refused(password, code):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    candidate = User(first_name="Anna", last_name="Nowak", email="anna.nowak@example.org")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, candidate)
    if code:
        assert code in {error.code for error in refused.value.error_list}


def test_a_passphrase_is_accepted():
    from django.contrib.auth.password_validation import validate_password

    candidate = User(first_name="Anna", last_name="Nowak", email="anna.nowak@example.org")
    validate_password(STRONG_PASSWORD, candidate)
    validate_password("rower stoi pod lipą 7", candidate)


def test_registration_refuses_a_common_polish_password_in_polish(client, site):
    response = client.post(
        REGISTER, registration_data(password1="Kochanie2024!!", password2="Kochanie2024!!")
    )
    assert response.status_code == 200
    error = text(
        soup(response).find(id="id_password2_error") or soup(response).find(id="id_password1_error")
    )
    assert "popularne słowo" in error
    assert not User.objects.filter(email="anna.nowak@example.org").exists()


def test_password_change_refuses_the_persons_name(client, person):
    person.first_name, person.last_name = "Urszula", "Szkoleniowa"
    person.save()
    client.force_login(person)
    response = client.post(
        "/pl/konto/haslo/zmiana/",
        {
            "old_password": PASSWORD,
            "new_password1": "Szkoleniowa#2024",
            "new_password2": "Szkoleniowa#2024",
        },
    )
    assert response.status_code == 200
    assert "nie może zawierać twojego imienia" in text(soup(response)).lower()
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


def test_password_reset_refuses_a_common_password(client, person):
    client.post(RESET, {"email": "urszula@example.org"})
    link = next(word for word in mail.outbox[0].body.split() if "/haslo/nowe/" in word)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url, {"new_password1": "Polska123456!", "new_password2": "Polska123456!"}
    )
    assert response.status_code == 200
    assert "popularne słowo" in text(soup(response))
    person.refresh_from_db()
    assert person.check_password(PASSWORD)


# --- Sessions ------------------------------------------------------------------------------


def age_session(client, **seconds):
    session = client.session
    for key, ago in seconds.items():
        session[key] = time.time() - ago
    session.save()


def test_idle_session_ends_and_the_login_page_says_why(client, person, settings):
    client.force_login(person)
    age_session(client, **{auth.SEEN_AT: settings.SECURITY_SESSION_IDLE_TIMEOUT + 5})
    response = client.get("/pl/konto/")
    assert response.status_code == 302 and "/logowanie/" in response["Location"]
    assert not logged_in(client)
    login_page = client.get(response["Location"])
    assert "zbyt długo" in text(soup(login_page))


def test_privileged_sessions_have_a_shorter_idle_limit(client, site, settings):
    editor = UserFactory(is_superuser=True)
    client.force_login(editor)
    idle = settings.SECURITY_SESSION_IDLE_TIMEOUT_PRIVILEGED + 5
    assert idle < settings.SECURITY_SESSION_IDLE_TIMEOUT
    age_session(client, **{auth.SEEN_AT: idle})
    assert client.get("/pl/konto/").status_code == 302
    assert not logged_in(client)


def test_an_active_session_within_limits_stays(client, person, settings):
    client.force_login(person)
    age_session(client, **{auth.SEEN_AT: settings.SECURITY_SESSION_IDLE_TIMEOUT - 120})
    assert client.get("/pl/konto/").status_code == 200
    # The request counted as activity.
    assert time.time() - client.session[auth.SEEN_AT] < 5


def test_absolute_timeout_ends_even_a_busy_session(client, person, settings):
    client.force_login(person)
    age_session(client, **{auth.LOGIN_AT: settings.SECURITY_SESSION_ABSOLUTE_TIMEOUT + 5})
    assert client.get("/pl/konto/").status_code == 302
    assert not logged_in(client)


def two_sessions(person):
    first, second = Client(), Client()
    for client in (first, second):
        assert (
            client.post(LOGIN, {"username": "uczestnik", "password": PASSWORD}).status_code == 302
        )
    return first, second


def test_log_out_everywhere_ends_every_session(person):
    first, second = two_sessions(person)
    response = first.post("/pl/konto/bezpieczenstwo/wyloguj-wszedzie/")
    assert response.status_code == 302
    assert first.get("/pl/konto/").status_code == 302
    assert second.get("/pl/konto/").status_code == 302


def test_log_out_everywhere_needs_post(person):
    first, second = two_sessions(person)
    assert first.get("/pl/konto/bezpieczenstwo/wyloguj-wszedzie/").status_code == 405
    assert second.get("/pl/konto/").status_code == 200


def test_a_superuser_logs_someone_else_out_everywhere(person):
    first, second = two_sessions(person)
    admin = UserFactory(is_superuser=True)
    boss = Client()
    boss.force_login(admin)
    url = f"/pl/konto/bezpieczenstwo/uzytkownicy/{person.pk}/wyloguj-wszedzie/"
    assert boss.post(url).status_code == 302
    assert first.get("/pl/konto/").status_code == 302
    assert second.get("/pl/konto/").status_code == 302
    assert boss.get("/admin/").status_code == 200, "the superuser's own session stays"


def test_only_a_superuser_logs_someone_else_out(person):
    first, _second = two_sessions(person)
    other = Client()
    other.force_login(UserFactory())
    url = f"/pl/konto/bezpieczenstwo/uzytkownicy/{person.pk}/wyloguj-wszedzie/"
    assert other.post(url).status_code == 403
    assert first.get("/pl/konto/").status_code == 200


def test_password_change_ends_the_other_sessions(person):
    first, second = two_sessions(person)
    changed = first.post(
        "/pl/konto/haslo/zmiana/",
        {
            "old_password": PASSWORD,
            "new_password1": STRONG_PASSWORD,
            "new_password2": STRONG_PASSWORD,
        },
    )
    assert changed.status_code == 302
    assert first.get("/pl/konto/").status_code == 200
    assert second.get("/pl/konto/").status_code == 302


def test_password_reset_ends_every_session(client, person):
    first, second = two_sessions(person)
    client.post(RESET, {"email": "urszula@example.org"})
    link = next(word for word in mail.outbox[0].body.split() if "/haslo/nowe/" in word)
    form_url = client.get(link)["Location"]
    done = client.post(
        form_url, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
    )
    assert done.status_code == 302
    assert first.get("/pl/konto/").status_code == 302
    assert second.get("/pl/konto/").status_code == 302


def test_the_account_page_leads_to_login_security(client, person):
    """ "Log out everywhere" and two-step login must be reachable without typing an address."""
    client.force_login(person)
    links = {a["href"]: text(a) for a in soup(client.get("/pl/konto/")).select(".account-links a")}
    assert links.get("/pl/konto/bezpieczenstwo/") == "Bezpieczeństwo logowania"
    page = client.get("/pl/konto/bezpieczenstwo/").content.decode()
    assert "/pl/konto/bezpieczenstwo/wyloguj-wszedzie/" in page
