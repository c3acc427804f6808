"""Registration with e-mail confirmation, from the form to the first login; the answers that
must not reveal whether an address has an account; the confirmation link's limits."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Site

from portal import roles
from portal.accounts import tokens
from portal.models import SiteSettings
from tests.accounts.helpers import STRONG_PASSWORD, links_in, registration_data
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD as FACTORY_PASSWORD
from tests.utils import soup, text

User = get_user_model()
REGISTER = "/pl/konto/rejestracja/"
SENT = "/pl/konto/rejestracja/wyslano/"
LOGIN = "/pl/konto/logowanie/"


def register(client, **changes):
    return client.post(REGISTER, registration_data(**changes))


def activation_link(message):
    [link] = [link for link in links_in(message) if "/potwierdz/" in link]
    return link.removeprefix("http://testserver")


def test_full_registration_confirmation_and_login(db, client):
    page = client.get(REGISTER)
    assert page.status_code == 200

    response = register(client)
    assert response.status_code == 302
    assert response["Location"] == SENT

    user = User.objects.get(email="anna.nowak@example.org")
    assert not user.is_active
    assert user.first_name == "Anna" and user.last_name == "Nowak"
    assert user.check_password(STRONG_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEE]

    [message] = mail.outbox
    assert message.to == ["anna.nowak@example.org"]
    assert message.subject == "Potwierdź adres e-mail – Kooperacja"
    assert "Dziękujemy za rejestrację" in message.body
    assert "3 dni" in message.body

    # Not active yet: the right password is refused, with a way to a new link.
    refused = client.post(
        LOGIN, {"username": "anna.nowak@example.org", "password": STRONG_PASSWORD}
    )
    assert refused.status_code == 200
    assert "czeka na potwierdzenie" in text(soup(refused).find(class_="error-summary"))
    assert "_auth_user_id" not in client.session

    link = activation_link(message)
    assert link.startswith("/pl/konto/rejestracja/potwierdz/")
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    user.refresh_from_db()
    assert not user.is_active, "opening the link alone (a mail scanner) must not activate"

    activated = client.post(link)
    assert activated.status_code == 302 and activated["Location"] == LOGIN
    user.refresh_from_db()
    assert user.is_active

    logged_in = client.post(
        LOGIN, {"username": "Anna.Nowak@Example.org", "password": STRONG_PASSWORD}
    )
    assert logged_in.status_code == 302
    assert logged_in["Location"] == "/pl/konto/"
    assert int(client.session["_auth_user_id"]) == user.pk

    # The link has done its work.
    again = client.get(link)
    assert "już potwierdzony" in text(soup(again).main)


def test_registration_in_english_sends_english_mail(db, client):
    response = client.post("/en/account/register/", registration_data())
    assert response["Location"] == "/en/account/register/sent/"
    [message] = mail.outbox
    assert message.subject == "Confirm your e-mail address – Kooperacja"
    assert "/en/account/register/confirm/" in message.body


def test_registration_page_shows_the_information_clause(db, client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.institution_name = "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    settings.save()
    page = soup(client.get(REGISTER))
    notice = page.find("section", class_="privacy-notice")
    assert (
        "Administratorem Twoich danych osobowych jest Regionalny Ośrodek Polityki Społecznej "
        "w Kielcach, prowadzący ten portal." in text(notice)
    )
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in text(notice)
    assert notice.find("a")["href"] == "/pl/konto/prywatnosc/"
    privacy = client.get("/pl/konto/prywatnosc/")
    assert "Regionalny Ośrodek Polityki Społecznej w Kielcach" in text(soup(privacy).main)


BAD_INPUT = [
    # (case, changes, field with the error, Polish message)
    (
        "short password",
        {"password1": "Krótkie1!", "password2": "Krótkie1!"},
        "password1",
        "To hasło jest za krótkie. Musi zawierać co najmniej 12 znaków.",
    ),
    (
        "common password",
        {"password1": "password1234", "password2": "password1234"},
        "password1",
        "To hasło jest zbyt powszechne.",
    ),
    (
        "numeric password",
        {"password1": "804216937512", "password2": "804216937512"},
        "password1",
        "Hasło składa się wyłącznie z cyfr.",
    ),
    (
        "password like the name",
        {"password1": "anna.nowak@example.org", "password2": "anna.nowak@example.org"},
        "password1",
        "Hasło jest zbyt podobne do",
    ),
    (
        "passwords differ",
        {"password2": STRONG_PASSWORD + "x"},
        "password2",
        "Hasła w obu polach nie są zgodne.",
    ),
    (
        "invalid e-mail",
        {"email": "anna.nowak@"},
        "email",
        "Wpisz adres e-mail w postaci nazwa@example.org.",
    ),
    ("no first name", {"first_name": ""}, "first_name", "Wpisz swoje imię."),
    ("no last name", {"last_name": None}, "last_name", "Wpisz swoje nazwisko."),
    ("no e-mail", {"email": ""}, "email", "Wpisz swój adres e-mail."),
    ("no password", {"password1": "", "password2": ""}, "password1", "Wybierz hasło."),
    ("no repeated password", {"password2": ""}, "password2", "Wpisz hasło jeszcze raz."),
    (
        "information not read",
        {"privacy": None},
        "privacy",
        "Potwierdź, że znasz informację o przetwarzaniu danych osobowych.",
    ),
]


@pytest.mark.parametrize(
    "changes,field,message", [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_is_refused_in_polish_next_to_its_field(db, client, changes, field, message):
    response = register(client, **changes)
    assert response.status_code == 200
    assert not User.objects.exists()
    assert mail.outbox == []
    page = soup(response)

    error = page.find(id=f"id_{field}_error")
    assert error is not None, f"no error next to {field}"
    assert message in text(error)
    widget = page.find(id=f"id_{field}")
    assert widget["aria-invalid"] == "true"
    assert f"id_{field}_error" in widget["aria-describedby"].split()
    # The summary at the top leads to the field.
    summary = page.find(class_="error-summary")
    assert summary.find("a", href=f"#id_{field}") is not None

    # What was typed stays (passwords are never sent back into the page).
    typed = registration_data(**changes)
    for name in ("first_name", "last_name", "email"):
        assert page.find(id=f"id_{name}").get("value", "") == typed.get(name, "")
    assert page.find(id="id_password1").get("value") is None


def test_english_messages_on_the_english_page(db, client):
    response = client.post("/en/account/register/", registration_data(first_name=""))
    assert "Enter your first name." in text(soup(response).find(id="id_first_name_error"))


def test_existing_address_gets_the_same_answer_and_a_notice(db, client):
    owner = UserFactory(email="Anna.Nowak@example.org", first_name="Anna", last_name="Stara")
    new_address = client.post(REGISTER, registration_data(email="ktos.nowy@example.org"))
    taken_address = register(client, email="anna.nowak@EXAMPLE.org", first_name="Intruz")
    assert new_address.status_code == taken_address.status_code == 302
    assert new_address["Location"] == taken_address["Location"] == SENT
    assert new_address.content == taken_address.content

    assert User.objects.filter(email__iexact="anna.nowak@example.org").count() == 1
    owner.refresh_from_db()
    assert owner.last_name == "Stara" and owner.check_password(FACTORY_PASSWORD)
    assert owner.is_active

    activation, notice = mail.outbox
    assert activation.to == ["ktos.nowy@example.org"]
    assert notice.to == ["Anna.Nowak@example.org"]
    assert notice.subject == "Masz już konto – Kooperacja"
    assert "nowe konto nie zostało założone" in notice.body
    assert "http://testserver/pl/konto/haslo/nowe/" in links_in(notice)
    assert not any("/potwierdz/" in link for link in links_in(notice))


def test_registering_again_before_confirming_replaces_the_first_attempt(db, client):
    register(client, first_name="Ana")
    first_link = activation_link(mail.outbox[0])
    new_password = "Inne-Hasło-Bardzo-Długie"
    register(client, password1=new_password, password2=new_password)
    assert User.objects.count() == 1
    user = User.objects.get()
    assert user.first_name == "Anna" and user.check_password(new_password)

    second_link = activation_link(mail.outbox[1])
    assert client.get(first_link).status_code == 400, "the older link must stop working"
    client.post(second_link)
    user.refresh_from_db()
    assert user.is_active


def test_expired_link_is_refused_with_a_way_forward(db, client, monkeypatch):
    register(client)
    user = User.objects.get()
    four_days_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr("django.core.signing.time.time", lambda: four_days_ago)
    old_link = "/pl/konto/rejestracja/potwierdz/" + tokens.make_token(user) + "/"
    monkeypatch.undo()

    page = client.get(old_link)
    assert page.status_code == 400
    assert "Ten link wygasł: link działa przez 3 dni." in text(soup_any(page).main)
    assert soup_any(page).find("a", href="/pl/konto/rejestracja/nowy-link/")
    client.post(old_link)
    user.refresh_from_db()
    assert not user.is_active


def test_link_of_almost_three_days_still_works(db, client, monkeypatch):
    register(client)
    user = User.objects.get()
    nearly = time.time() - (3 * 24 * 3600 - 60)
    monkeypatch.setattr("django.core.signing.time.time", lambda: nearly)
    link = "/pl/konto/rejestracja/potwierdz/" + tokens.make_token(user) + "/"
    monkeypatch.undo()
    client.post(link)
    user.refresh_from_db()
    assert user.is_active


@pytest.mark.parametrize(
    "forge",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature changed
        lambda token: "e30:1tXyZa:" + token.split(":")[-1],  # another payload, old signature
        lambda token: "zupelnie-nie-token",
    ],
    ids=["signature", "payload", "garbage"],
)
def test_forged_link_activates_nothing(db, client, forge):
    register(client)
    user = User.objects.get()
    token = activation_link(mail.outbox[0]).split("/")[-2]
    response = client.post(f"/pl/konto/rejestracja/potwierdz/{forge(token)}/")
    assert response.status_code == 400
    assert "Ten link jest nieprawidłowy" in text(soup_any(response).main)
    user.refresh_from_db()
    assert not user.is_active


def test_link_signed_for_another_purpose_is_refused(db, client):
    from django.core import signing

    register(client)
    user = User.objects.get()
    token = signing.dumps({"u": user.pk, "f": "x"}, salt="something.else")
    assert tokens.check_token(token) == (tokens.Outcome.INVALID, None)


def test_new_link_on_request_and_the_same_answer_for_any_address(db, client):
    register(client)
    mail.outbox.clear()
    UserFactory(email="aktywna@example.org")
    answers = [
        client.post("/pl/konto/rejestracja/nowy-link/", {"email": address})
        for address in ("anna.nowak@example.org", "aktywna@example.org", "nikt@example.org")
    ]
    assert {answer["Location"] for answer in answers} == {SENT}
    [message] = mail.outbox
    assert message.to == ["anna.nowak@example.org"]
    client.post(activation_link(message))
    assert User.objects.get(email="anna.nowak@example.org").is_active


def test_logged_in_person_is_sent_to_the_account_page(db, client, user):
    client.force_login(user)
    assert client.get(REGISTER)["Location"] == "/pl/konto/"


def soup_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")
