"""Login by e-mail address or user name, the `next` address kept only when it is ours,
logout by POST, and every account page in both languages."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tests.factories import UserFactory
from tests.factories.portal import PASSWORD
from tests.utils import html_lang, soup, text

User = get_user_model()
LOGIN = "/pl/konto/logowanie/"


@pytest.fixture
def person(db):
    return UserFactory(username="uczestnik", email="Urszula.S@example.org")


def logged_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return int(user_id) if user_id else None


@pytest.mark.parametrize(
    "identifier", ["uczestnik", "urszula.s@example.org", "URSZULA.S@EXAMPLE.ORG"]
)
def test_login_by_user_name_or_address(client, person, identifier):
    response = client.post(LOGIN, {"username": identifier, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/pl/konto/"
    assert logged_in_as(client) == person.pk


def test_wrong_password_is_refused_and_the_name_kept(client, person):
    response = client.post(LOGIN, {"username": "uczestnik", "password": "zle-haslo-123456"})
    page = soup(response)
    assert "nie pasują do siebie" in text(page.find(class_="error-summary"))
    assert page.find(id="id_username")["value"] == "uczestnik"
    assert page.find(id="id_password").get("value") is None
    assert logged_in_as(client) is None


def test_unknown_address_gets_the_same_message_as_a_wrong_password(client, person):
    wrong_password = client.post(
        LOGIN, {"username": "urszula.s@example.org", "password": "zle-haslo-123456"}
    )
    unknown = client.post(LOGIN, {"username": "nikt@example.org", "password": "zle-haslo-123"})
    summary = text(soup(wrong_password).find(class_="error-summary"))
    assert summary == text(soup(unknown).find(class_="error-summary"))


def test_switched_off_account_is_not_called_pending(client, person):
    person.last_login = timezone.now()
    person.is_active = False
    person.save()
    response = client.post(LOGIN, {"username": "uczestnik", "password": PASSWORD})
    summary = text(soup(response).find(class_="error-summary"))
    assert "nie pasują do siebie" in summary
    assert "potwierdzenie" not in summary


@pytest.mark.parametrize(
    "data,field,message",
    [
        ({"username": "", "password": PASSWORD}, "username", "Wpisz adres e-mail lub nazwę"),
        ({"username": "uczestnik", "password": ""}, "password", "Wpisz hasło."),
    ],
    ids=["no name", "no password"],
)
def test_missing_fields(client, person, data, field, message):
    page = soup(client.post(LOGIN, data))
    assert message in text(page.find(id=f"id_{field}_error"))
    assert page.find(id=f"id_{field}")["aria-describedby"] == f"id_{field}_error"


@pytest.mark.parametrize(
    "next_url,expected",
    [
        ("/pl/konto/profil/", "/pl/konto/profil/"),
        ("/pl/e-szkola/moje/?kurs=1", "/pl/e-szkola/moje/?kurs=1"),
        ("https://zlosliwa.example/", "/pl/konto/"),
        ("//zlosliwa.example/pl/", "/pl/konto/"),
        ("javascript:alert(1)", "/pl/konto/"),
    ],
)
def test_next_is_followed_only_within_the_site(client, person, next_url, expected):
    form = soup(client.get(LOGIN, {"next": next_url}))
    hidden = form.find("input", attrs={"name": "next"})
    if expected == next_url:
        assert hidden["value"] == next_url
    else:
        assert hidden is None, "an address elsewhere must not even be carried in the form"
    response = client.post(LOGIN, {"username": "uczestnik", "password": PASSWORD, "next": next_url})
    assert response["Location"] == expected


@pytest.mark.parametrize(
    "path,login",
    [
        ("/pl/konto/profil/", "/pl/konto/logowanie/?next=/pl/konto/profil/"),
        ("/en/account/profile/", "/en/account/login/?next=/en/account/profile/"),
        ("/pl/konto/moje-dane/pobierz/", "/pl/konto/logowanie/?next=/pl/konto/moje-dane/pobierz/"),
        ("/pl/konto/usun-konto/", "/pl/konto/logowanie/?next=/pl/konto/usun-konto/"),
        ("/pl/konto/", "/pl/konto/logowanie/?next=/pl/konto/"),
    ],
)
def test_personal_pages_ask_for_login_in_their_language(client, db, path, login):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].replace("%2F", "/") == login


def test_logged_in_person_skips_the_login_page(client, person):
    client.force_login(person)
    assert client.get(LOGIN)["Location"] == "/pl/konto/"


@pytest.mark.parametrize("language,home", [("pl", "/pl/"), ("en", "/en/")])
def test_logout_by_post_to_the_home_page_of_the_language(client, person, language, home):
    client.force_login(person)
    path = "/pl/konto/wylogowanie/" if language == "pl" else "/en/account/logout/"
    assert client.get(path).status_code == 405, "a link or an image must not log anyone out"
    assert logged_in_as(client) == person.pk
    response = client.post(path)
    assert response["Location"] == home
    assert logged_in_as(client) is None


PUBLIC_PAGES = {
    "pl": [
        ("/pl/konto/rejestracja/", "Załóż konto"),
        ("/pl/konto/rejestracja/wyslano/", "Sprawdź pocztę e-mail"),
        ("/pl/konto/rejestracja/nowy-link/", "Poproś o nowy link potwierdzający"),
        ("/pl/konto/logowanie/", "Zaloguj się"),
        ("/pl/konto/haslo/nowe/", "Ustaw nowe hasło"),
        ("/pl/konto/haslo/nowe/wyslano/", "Sprawdź pocztę e-mail"),
        ("/pl/konto/haslo/nowe/gotowe/", "Hasło zostało zmienione"),
        ("/pl/konto/prywatnosc/", "Dane osobowe w portalu"),
        ("/pl/konto/konto-usuniete/", "Twoje konto zostało usunięte"),
    ],
    "en": [
        ("/en/account/register/", "Create an account"),
        ("/en/account/register/sent/", "Check your e-mail"),
        ("/en/account/register/new-link/", "Get a new confirmation link"),
        ("/en/account/login/", "Log in"),
        ("/en/account/password/reset/", "Set a new password"),
        ("/en/account/password/reset/sent/", "Check your e-mail"),
        ("/en/account/password/reset/done/", "Your password has been changed"),
        ("/en/account/privacy/", "Personal data in the portal"),
        ("/en/account/erased/", "Your account has been erased"),
    ],
}
PERSONAL_PAGES = {
    "pl": [
        ("/pl/konto/", "Twoje konto"),
        ("/pl/konto/profil/", "Twój profil"),
        ("/pl/konto/haslo/zmiana/", "Zmień hasło"),
        ("/pl/konto/moje-dane/", "Twoje dane"),
        ("/pl/konto/usun-konto/", "Usuń swoje konto"),
    ],
    "en": [
        ("/en/account/", "Your account"),
        ("/en/account/profile/", "Your profile"),
        ("/en/account/password/change/", "Change your password"),
        ("/en/account/my-data/", "Your data"),
        ("/en/account/erase/", "Erase your account"),
    ],
}


def test_every_page_renders_in_both_languages_within_the_site(site, client, person):
    """With the real site around them: header, menu, language switcher, footer."""
    for language in ("pl", "en"):
        for path, heading in PUBLIC_PAGES[language]:
            response = client.get(path)
            assert html_lang(response) == language, path
            page = soup(response)
            assert text(page.h1) == heading, path
            assert page.find("link", href="/static/css/accounts.css"), path
            other = "en" if language == "pl" else "pl"
            switch = page.find("nav", class_="language-switcher").find("a", lang=other)
            assert switch["href"] != "/" + other + "/", f"{path}: switcher leads to the same page"
    client.force_login(person)
    for language in ("pl", "en"):
        for path, heading in PERSONAL_PAGES[language]:
            response = client.get(path)
            assert html_lang(response) == language, path
            assert text(soup(response).h1) == heading, path
            assert "no-cache" in response["Cache-Control"], path


def render_account_links(rf, user):
    request = rf.get("/pl/")
    request.user = user or AnonymousUser()
    with translation.override("pl"):
        html = render_to_string("components/account_links.html", request=request)
    return BeautifulSoup(html, "html.parser")


def test_header_links_for_a_visitor_carry_nothing_personal(rf, db):
    nav = render_account_links(rf, None).find("nav")
    assert nav["aria-label"] == "Twoje konto"
    links = {a["href"]: text(a) for a in nav.find_all("a")}
    assert links == {"/pl/konto/logowanie/": "Zaloguj się", "/pl/konto/rejestracja/": "Załóż konto"}
    # Anonymous pages are cached whole: no CSRF token may be baked into them.
    assert nav.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None


def test_header_links_for_a_logged_in_person(rf, person):
    nav = render_account_links(rf, person).find("nav")
    assert nav.find("a", href="/pl/konto/")
    form = nav.find("form")
    assert form["action"] == "/pl/konto/wylogowanie/" and form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
