"""Personal data: the download holds the profile and every registered provider's section;
erasure anonymises the account, calls every registered eraser and logs the person out for
good."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client

from catalog.models import Institution, Territory
from portal import roles
from portal.accounts import personal_data
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD
from tests.utils import soup, text

User = get_user_model()


@pytest.fixture
def person(db):
    bieliny = Territory.objects.get(code="2604012")
    gops = Institution.objects.create(
        name="Gminny Ośrodek Pomocy Społecznej w Bielinach", type="ops", gmina=bieliny
    )
    user = UserFactory(
        username="jan.kowalski@example.org",
        email="jan.kowalski@example.org",
        first_name="Jan",
        last_name="Kowalski",
        position="pracownik socjalny",
        institution=gops,
        gmina=bieliny,
    )
    user.groups.add(Group.objects.get(name=roles.TRAINEE))
    return user


@pytest.fixture
def notes_app():
    """A stand-in app with records about people: what it was asked, and what it erased."""
    calls = {"provided": [], "erased": []}

    def provide(user):
        calls["provided"].append(user.pk)
        return {"notes": [{"text": f"notatka {user.first_name}", "hours": 2.5}]}

    def forget(user):
        # It sees the person as they were, before the account itself is anonymised.
        calls["erased"].append((user.pk, user.first_name))

    personal_data.register_provider("notes", provide)
    personal_data.register_eraser(forget)
    yield calls
    personal_data.unregister_provider("notes")
    personal_data.unregister_eraser(forget)


def test_download_has_the_profile_and_each_provider(client, person, notes_app):
    client.force_login(person)
    response = client.get("/pl/konto/moje-dane/pobierz/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kooperacja-moje-dane-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"] == {
        "username": "jan.kowalski@example.org",
        "email": "jan.kowalski@example.org",
        "first_name": "Jan",
        "last_name": "Kowalski",
        "position": "pracownik socjalny",
        "institution": {
            "id": person.institution.pk,
            "name": "Gminny Ośrodek Pomocy Społecznej w Bielinach",
        },
        "institution_name": "",
        "gmina": {"teryt": "2604012", "name": "Bieliny", "type": "rural"},
        "roles": ["Trainee"],
        "date_joined": data["profile"]["date_joined"],
        "last_login": data["profile"]["last_login"],
        "is_active": True,
    }
    assert data["notes"] == {"notes": [{"text": "notatka Jan", "hours": 2.5}]}
    assert notes_app["provided"] == [person.pk]
    # Polish letters as they are, not \u escapes: the file is for people to read.
    assert "Ośrodek" in response.content.decode()


def test_download_is_only_ones_own(client, person, notes_app):
    other = UserFactory(first_name="Inna", last_name="Osoba")
    client.force_login(other)
    data = json.loads(client.get("/pl/konto/moje-dane/pobierz/").content)
    assert data["profile"]["first_name"] == "Inna"
    assert data["notes"] == {"notes": [{"text": "notatka Inna", "hours": 2.5}]}
    assert "Kowalski" not in json.dumps(data)


def test_the_data_page_lists_download_and_erasure(client, person):
    client.force_login(person)
    page = soup(client.get("/pl/konto/moje-dane/"))
    assert page.find("a", href="/pl/konto/moje-dane/pobierz/")
    assert page.find("a", href="/pl/konto/usun-konto/")


def test_a_provider_name_is_taken_once(notes_app):
    with pytest.raises(ValueError):
        personal_data.register_provider("notes", lambda user: {})
    with pytest.raises(ValueError):
        personal_data.register_provider("profile", lambda user: {})


def test_erasure_anonymises_calls_erasers_and_logs_out(client, person, notes_app):
    person.edited_institutions.add(person.institution)
    client.force_login(person)
    response = client.post("/pl/konto/usun-konto/", {"password": PASSWORD})
    assert response["Location"] == "/pl/konto/konto-usuniete/"
    assert "_auth_user_id" not in client.session

    assert notes_app["erased"] == [(person.pk, "Jan")]
    erased = User.objects.get(pk=person.pk)
    assert erased.get_full_name() == "Użytkownik usunięty"
    assert erased.email == f"usuniety-{person.pk}@usuniety.invalid"
    assert erased.username == f"usuniety-{person.pk}"
    assert not erased.has_usable_password()
    assert not erased.is_active
    assert erased.erased_at is not None
    assert (erased.position, erased.institution, erased.institution_name, erased.gmina) == (
        "",
        None,
        "",
        None,
    )
    assert not erased.groups.exists()
    assert not erased.edited_institutions.exists()
    # The row stays, for the records that point at it.
    assert User.objects.count() == 1
    assert "Twoje konto zostało usunięte" in text(soup(client.get(response["Location"])).h1)


def test_erased_person_cannot_log_in(client, person):
    personal_data.erase(person)
    for identifier in ("jan.kowalski@example.org", f"usuniety-{person.pk}"):
        response = client.post(
            "/pl/konto/logowanie/", {"username": identifier, "password": PASSWORD}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    # Nor reset a password: the address is gone.
    client.post("/pl/konto/haslo/nowe/", {"email": "jan.kowalski@example.org"})
    assert mail.outbox == []


def test_erasure_ends_other_sessions_too(client, person):
    other_browser = Client()
    other_browser.force_login(person)
    client.force_login(person)
    client.post("/pl/konto/usun-konto/", {"password": PASSWORD})
    assert other_browser.get("/pl/konto/").status_code == 302


@pytest.mark.parametrize(
    "password,message",
    [("", "Wpisz hasło, aby potwierdzić."), ("nie-to-haslo", "Hasło jest nieprawidłowe.")],
    ids=["no password", "wrong password"],
)
def test_erasure_needs_the_password(client, person, notes_app, password, message):
    client.force_login(person)
    page = soup(client.post("/pl/konto/usun-konto/", {"password": password}))
    assert message in text(page.find(id="id_password_error"))
    person.refresh_from_db()
    assert person.erased_at is None and person.first_name == "Jan"
    assert notes_app["erased"] == []


def test_a_superuser_cannot_erase_themselves_here(client, db):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post("/pl/konto/usun-konto/", {"password": PASSWORD})
    assert response.status_code == 403
    admin.refresh_from_db()
    assert admin.erased_at is None and admin.is_active


def test_erasure_rolls_back_when_an_eraser_fails(person):
    def broken(user):
        raise RuntimeError("no database")

    personal_data.register_eraser(broken)
    try:
        with pytest.raises(RuntimeError):
            personal_data.erase(person)
    finally:
        personal_data.unregister_eraser(broken)
    person.refresh_from_db()
    assert person.first_name == "Jan" and person.erased_at is None
