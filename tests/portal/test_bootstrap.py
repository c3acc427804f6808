"""`manage.py bootstrap` builds the demo site from the state migrations leave (Wagtail's
default site and "Welcome" page), and a second run changes nothing. These tests do not use
the `site` fixture: bootstrap makes its own site."""

from io import StringIO
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision, Site

from portal import roles
from portal.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from portal.management.commands import bootstrap as bootstrap_command
from portal.models import CustomImage, FundingLogo, HomePage, SiteSettings, User
from tests.utils import html_lang

COUNTED = [Page, Revision, CustomImage, User, FundingLogo, Locale, Site, SiteSettings, Group]


def bootstrap():
    out = StringIO()
    call_command("bootstrap", stdout=out)
    return out.getvalue()


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def fresh_db(db):
    # The state right after migrations: Wagtail's "Welcome" page is the default site's root.
    site = Site.objects.get(is_default_site=True)
    assert not isinstance(site.root_page.specific, HomePage)
    return site


def test_builds_the_demo_site_once(fresh_db, client):
    """One scenario, as bootstrap is slow: build, check what was built, build again."""
    welcome = fresh_db.root_page
    first = bootstrap()
    assert "created" in first

    # The site: a Polish home page with its English translation replaces "Welcome".
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "pl"
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert Site.objects.count() == 1
    assert home.get_translation(Locale.objects.get(language_code="en")).live
    footer = SiteSettings.for_site(site)
    assert footer.institution_name and footer.accessibility_statement

    # A demo account for every role, listed with the password.
    for username, role, *_names in DEMO_ACCOUNTS:
        user = User.objects.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert username in first
        if role is None:
            assert user.is_superuser
        else:
            assert list(user.groups.values_list("name", flat=True)) == [role]
            assert not user.is_superuser
    assert {role for _username, role, *_ in DEMO_ACCOUNTS if role} == set(roles.ALL)

    # Every page of the demo site renders, in its language.
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = ["/" + loc.text.split("/", 3)[3] for loc in sitemap.findall("sm:url/sm:loc", namespace)]
    assert {path.split("/")[1] for path in paths} == {"pl", "en"}
    assert len(paths) >= 10
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert html_lang(response) == path.split("/")[1]

    # The second run creates nothing.
    after_first = counts()
    assert after_first["Page"] > 2 and after_first["CustomImage"] > 0
    assert after_first["FundingLogo"] > 0
    second = bootstrap()
    assert "nothing changed" in second
    assert counts() == after_first


def test_no_demo_accounts_where_turned_off(fresh_db, settings, monkeypatch):
    settings.DEMO_ACCOUNTS = False
    # The accounts are portal.demo's; the other apps' parts only make this test slower.
    monkeypatch.setattr(bootstrap_command, "DEMO_MODULES", ["portal.demo"])
    output = bootstrap()
    usernames = [username for username, *_ in DEMO_ACCOUNTS]
    assert not User.objects.filter(username__in=usernames).exists()
    assert User.objects.count() == 0
    assert DEMO_PASSWORD not in output
    assert Page.objects.type(HomePage).count() == 2  # the rest of the demo is there
