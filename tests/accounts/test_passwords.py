"""Password reset (Django's views, our Polish pages and e-mail) without revealing which
addresses have accounts, and the password change of a logged-in person."""

import pytest
from django.core import mail

from tests.accounts.helpers import STRONG_PASSWORD, links_in
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD
from tests.utils import soup, text

RESET = "/pl/konto/haslo/nowe/"
RESET_SENT = "/pl/konto/haslo/nowe/wyslano/"


@pytest.fixture
def person(db):
    return UserFactory(username="ewa", email="ewa.kowalska@example.org", first_name="Ewa")


def reset_path(message):
    [link] = [
        link
        for link in links_in(message)
        if link.startswith("http://testserver/pl/konto/haslo/nowe/")
    ]
    return link.removeprefix("http://testserver")


def test_reset_answers_the_same_for_every_address(client, person):
    pending = UserFactory(email="czeka@example.org", is_active=False)
    answers = {
        address: client.post(RESET, {"email": address})
        for address in ("EWA.kowalska@example.org", "nikt@example.org", pending.email)
    }
    assert {answer["Location"] for answer in answers.values()} == {RESET_SENT}
    assert len({answer.content for answer in answers.values()}) == 1
    [message] = mail.outbox
    assert message.to == ["ewa.kowalska@example.org"]
    done = soup(client.get(RESET_SENT))
    assert "Jeśli podany adres należy do aktywnego konta" in text(done.main)


def test_reset_by_link_from_the_polish_message(client, person):
    client.post(RESET, {"email": "ewa.kowalska@example.org"})
    [message] = mail.outbox
    assert message.subject == "Ustaw nowe hasło – Kooperacja"
    assert message.body.startswith("Dzień dobry,")
    assert "Link działa jeden raz." in message.body
    path = reset_path(message)

    form_page = client.get(path, follow=True)
    assert text(soup(form_page).h1) == "Wybierz nowe hasło"
    set_password_path = form_page.redirect_chain[-1][0]

    weak = client.post(set_password_path, {"new_password1": "krotkie", "new_password2": "krotkie"})
    assert "To hasło jest za krótkie" in text(soup(weak).find(id="id_new_password2_error"))

    done = client.post(
        set_password_path, {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD}
    )
    assert done["Location"] == "/pl/konto/haslo/nowe/gotowe/"
    person.refresh_from_db()
    assert person.check_password(STRONG_PASSWORD)

    used_again = client.get(path, follow=True)
    assert "Ten link jest nieprawidłowy" in text(soup(used_again).main)


def test_reset_in_english(client, person):
    client.post("/en/account/password/reset/", {"email": "ewa.kowalska@example.org"})
    [message] = mail.outbox
    assert message.subject == "Set a new password – Kooperacja"
    assert any("/en/account/password/reset/" in link for link in links_in(message))


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"email": ""}, "email", "Wpisz swój adres e-mail."),
        ({"email": "ewa@"}, "email", "Wpisz adres e-mail w postaci nazwa@example.org."),
    ],
)
def test_reset_bad_input(client, db, data, field, message):
    page = soup(client.post(RESET, data))
    assert message in text(page.find(id=f"id_{field}_error"))
    assert page.find(id=f"id_{field}").get("value", "") == data["email"]
    assert mail.outbox == []


def test_password_change(client, person):
    client.force_login(person)
    path = "/pl/konto/haslo/zmiana/"
    wrong = client.post(
        path,
        {
            "old_password": "nie-to-haslo",
            "new_password1": STRONG_PASSWORD,
            "new_password2": STRONG_PASSWORD,
        },
    )
    assert "stare hasło" in text(soup(wrong).find(id="id_old_password_error")).lower()

    changed = client.post(
        path,
        {
            "old_password": PASSWORD,
            "new_password1": STRONG_PASSWORD,
            "new_password2": STRONG_PASSWORD,
        },
    )
    assert changed["Location"] == "/pl/konto/"
    person.refresh_from_db()
    assert person.check_password(STRONG_PASSWORD)
    account = client.get("/pl/konto/")
    assert account.status_code == 200, "the session survives the change"
    assert "Hasło zostało zmienione." in text(soup(account).find(class_="account-messages"))
