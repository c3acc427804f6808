"""Cookies: without a choice only necessary cookies and no statistics; statistics only after
an explicit "allow", withdrawn as easily (their cookies removed); the choice is a plain POST
with CSRF that works without JavaScript, kept in a necessary cookie; the banner is in the
flow of the page until a choice is made; and the anonymous page cache never serves a page
made for one choice to a visitor who made another."""

import pytest
from django.test import Client

from portal.cache import CACHE_HEADER
from portal.consent import ACCEPTED, CONSENT_COOKIE, REJECTED
from tests.factories import UserFactory
from tests.trust.duties_support import site_settings
from tests.utils import soup, text

SETTINGS_URL = "/pl/ciasteczka/"
NECESSARY = {"sessionid", "csrftoken", CONSENT_COOKIE}
STATISTICS_SCRIPT = "/static/js/statistics.js"


@pytest.fixture
def statistics(site):
    return site_settings(
        statistics_provider="matomo",
        statistics_url="https://statystyki.example.org/",
        statistics_site_id="7",
    )


def script(html):
    return html.find("script", src=lambda src: src and "js/statistics" in src)


def banner(html):
    return html.find("section", class_="cookie-banner")


def choose(client, value, next_url="/pl/"):
    """What the banner's buttons and the settings form send, token included."""
    page = soup(client.get(SETTINGS_URL))
    token = page.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    return client.post(
        SETTINGS_URL, {"statistics": value, "next": next_url, "csrfmiddlewaretoken": token}
    )


def test_without_statistics_configured_no_banner_and_no_script(site, client):
    response = client.get("/pl/")
    html = soup(response)
    assert banner(html) is None and script(html) is None
    assert not response.cookies  # nothing at all is set for a reader
    settings_page = text(soup(client.get(SETTINGS_URL)).main)
    assert "nie ma na co wyrażać zgody" in settings_page


def test_no_choice_means_banner_and_no_statistics(statistics, client):
    response = client.get("/pl/")
    html = soup(response)
    assert script(html) is None
    section = banner(html)
    assert "Ciasteczka" in text(section)
    form = section.find("form")
    assert form["method"] == "post" and form["action"] == SETTINGS_URL
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert [(b["name"], b["value"]) for b in form.find_all("button")] == [
        ("statistics", ACCEPTED),
        ("statistics", REJECTED),
    ]
    assert form.find("input", attrs={"name": "next"})["value"] == "/pl/"
    # The banner is in the page flow: first after the skip link, before the header.
    assert html.body.find("header").find_previous_sibling("section") is section
    assert set(response.cookies) <= NECESSARY


def test_allow_then_withdraw_without_javascript(statistics):
    client = Client(enforce_csrf_checks=True)
    allowed = choose(client, ACCEPTED)
    assert allowed.status_code == 302 and allowed["Location"] == "/pl/"
    cookie = allowed.cookies[CONSENT_COOKIE]
    assert cookie.value == ACCEPTED and cookie["httponly"] and cookie["samesite"] == "Lax"
    html = soup(client.get("/pl/"))
    tag = script(html)
    assert tag["src"] == STATISTICS_SCRIPT and tag["data-provider"] == "matomo"
    assert tag["data-site"] == "7" and tag["data-url"] == "https://statystyki.example.org/"
    assert banner(html) is None

    client.cookies["_pk_id.7.1fff"] = "abc"  # what the tracker would have set
    withdrawn = choose(client, REJECTED)
    assert withdrawn.cookies[CONSENT_COOKIE].value == REJECTED
    assert withdrawn.cookies["_pk_id.7.1fff"].value == ""  # deleted
    html = soup(client.get("/pl/"))
    assert script(html) is None and banner(html) is None


def test_the_choice_can_be_changed_on_the_settings_page(statistics, client):
    choose(client, ACCEPTED)
    form = soup(client.get(SETTINGS_URL)).find("form", class_="cookie-settings__form")
    checked = form.find("input", attrs={"checked": True})
    assert checked["value"] == ACCEPTED
    response = choose(client, REJECTED, next_url="")
    assert response["Location"] == SETTINGS_URL + "?saved=1"
    saved = soup(client.get(response["Location"]))
    assert "Zapisano: tylko niezbędne ciasteczka." in text(saved.main)


def test_posting_without_the_csrf_token_is_refused(statistics):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SETTINGS_URL, {"statistics": ACCEPTED})
    assert response.status_code == 403
    assert CONSENT_COOKIE not in response.cookies


BAD_POSTS = [
    ("unknown value", {"statistics": "everything"}),
    ("no value", {}),
]


@pytest.mark.parametrize("case, data", BAD_POSTS, ids=[c[0] for c in BAD_POSTS])
def test_bad_choice_sets_nothing(statistics, client, case, data):
    response = client.post(SETTINGS_URL, data)
    assert response.status_code == 200
    assert CONSENT_COOKIE not in response.cookies
    assert soup(response).find("fieldset")["aria-describedby"] == "statistics-error"


def test_redirect_only_to_this_site(statistics, client):
    response = client.post(
        SETTINGS_URL, {"statistics": REJECTED, "next": "https://evil.example.com/"}
    )
    assert response["Location"] == SETTINGS_URL + "?saved=1"


def test_a_forged_consent_value_counts_as_no_choice(statistics, client):
    client.cookies[CONSENT_COOKIE] = "yes-please"
    html = soup(client.get("/pl/"))
    assert script(html) is None and banner(html) is not None


# --- the anonymous page cache -------------------------------------------------------------


def test_pages_with_the_banner_are_never_shared(statistics):
    """The banner's form carries a CSRF token made for one visitor: such pages are not
    stored, or the next visitor would get a token that fails."""
    first, second = Client(), Client()
    first.get("/pl/")
    again = first.get("/pl/")  # now with a CSRF cookie: the response sets none
    assert again.get(CACHE_HEADER) is None
    other = second.get("/pl/")
    assert other.get(CACHE_HEADER) is None
    token_first = soup(again).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    token_other = soup(other).find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    assert token_first != token_other


@pytest.mark.parametrize("first_choice", [ACCEPTED, REJECTED])
def test_cached_pages_follow_the_visitors_choice(statistics, first_choice):
    visitors = {}
    for value in (first_choice, ACCEPTED if first_choice == REJECTED else REJECTED):
        client = Client()
        choose(client, value)
        client.cookies.pop("csrftoken", None)  # a reader with only the consent cookie
        visitors[value] = client
    for value, client in visitors.items():
        client.get("/pl/")  # fills the cache for this choice
        response = client.get("/pl/")
        assert response[CACHE_HEADER] == "hit"
        html = soup(response)
        assert (script(html) is not None) is (value == ACCEPTED), value
        assert banner(html) is None
    # A new visitor without a choice gets the banner, not a stored page of someone else.
    fresh = Client().get("/pl/")
    assert fresh.get(CACHE_HEADER) is None and banner(soup(fresh)) is not None


def test_logged_in_pages_follow_the_choice_too(statistics, client):
    client.force_login(UserFactory())
    assert banner(soup(client.get("/pl/"))) is not None
    choose(client, ACCEPTED)
    html = soup(client.get("/pl/"))
    assert banner(html) is None and script(html) is not None


def test_a_learners_cached_course_page_follows_the_choice(statistics, site, client):
    """Course pages of a logged-in learner are kept server-side (portal.personal_cache);
    a choice made after a page was kept must show at once."""
    from portal.personal_cache import CACHE_HEADER as PERSONAL_HEADER
    from tests.factories.school import CourseIndexPageFactory, CoursePageFactory

    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Podstawy kooperacji", slug="podstawy")
    client.force_login(UserFactory())
    client.get(course.url)  # gives the session its CSRF cookie, part of the key
    client.get(course.url)
    kept = client.get(course.url)
    assert kept[PERSONAL_HEADER] == "hit" and banner(soup(kept)) is not None
    choose(client, ACCEPTED)
    after = soup(client.get(course.url))
    assert banner(after) is None and script(after) is not None


def script_sources(response):
    policy = dict(
        (part.split()[0], part.split()[1:])
        for part in response["Content-Security-Policy"].split("; ")
    )
    return policy["script-src"], policy["connect-src"]


@pytest.mark.parametrize(
    ("choice", "allowed"), [(None, False), (REJECTED, False), (ACCEPTED, True)]
)
def test_the_statistics_server_is_in_the_policy_only_for_who_agreed(statistics, choice, allowed):
    """The script of statistics.js loads the tracker from the server of the site settings:
    the Content Security Policy lets it through for a visitor who agreed, and for nobody else."""
    client = Client()
    if choice:
        client.cookies[CONSENT_COOKIE] = choice
    for _attempt in range(2):  # rendered, then from the anonymous page cache
        scripts, connect = script_sources(client.get("/pl/"))
        assert ("https://statystyki.example.org" in scripts) is allowed
        assert ("https://statystyki.example.org" in connect) is allowed
