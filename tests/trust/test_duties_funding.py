"""The EU funds logo strip: on every page, in the order the funding rules set whatever the
editors' sort order (2021–2027: European Funds, flag of Poland, EU emblem, region; 2014–2020:
the EU emblem last), one sign of each main kind per period and language, alt texts required."""

import pytest
from django.core.exceptions import ValidationError

from portal.models import FundingLogo
from portal.models.site_settings import LogoKind
from tests.factories import FundingLogoFactory, StandardPageFactory
from tests.trust.duties_support import site_settings
from tests.utils import soup

# Given to the database in the wrong order on purpose: the strip must not follow it.
LOGOS = [
    (LogoKind.REGIONAL, "Świętokrzyskie"),
    (LogoKind.EU, "Dofinansowane przez Unię Europejską"),
    (LogoKind.FLAG, "Rzeczpospolita Polska"),
    (LogoKind.FUNDS, "Fundusze Europejskie dla Rozwoju Społecznego"),
]


def make_strip(site, period):
    for order, (kind, alt) in enumerate(LOGOS):
        logo = FundingLogoFactory(
            period=period, kind=kind, alt_text=alt, sort_order=order, locale=site.locales.pl
        )
        english = logo.copy_for_translation(site.locales.en)
        english.alt_text = f"EN {alt}"
        english.save()
    site_settings(funding_period=period)


def strip(client, url):
    return [
        img["alt"] for img in soup(client.get(url)).find(class_="funding-strip").find_all("img")
    ]


def test_2021_2027_order_on_every_page_in_both_languages(site, client):
    make_strip(site, "2021-2027")
    StandardPageFactory(parent=site.home_pl, title="O nas", slug="o-nas")
    expected = [
        "Fundusze Europejskie dla Rozwoju Społecznego",
        "Rzeczpospolita Polska",
        "Dofinansowane przez Unię Europejską",
        "Świętokrzyskie",
    ]
    for url in ["/pl/", "/pl/o-nas/", "/pl/szukaj/", "/pl/konto/rejestracja/", "/pl/ciasteczka/"]:
        assert strip(client, url) == expected, url
    assert strip(client, "/en/") == [f"EN {alt}" for alt in expected]


def test_2014_2020_puts_the_eu_emblem_last(site, client):
    make_strip(site, "2014-2020")
    assert strip(client, "/pl/") == [
        "Fundusze Europejskie dla Rozwoju Społecznego",
        "Rzeczpospolita Polska",
        "Świętokrzyskie",
        "Dofinansowane przez Unię Europejską",
    ]


def test_sort_order_orders_signs_of_the_same_kind(site, client):
    site_settings(funding_period="2021-2027")
    FundingLogoFactory(
        period="2021-2027", kind="other", alt_text="Partner B", sort_order=2, locale=site.locales.pl
    )
    FundingLogoFactory(
        period="2021-2027", kind="other", alt_text="Partner A", sort_order=1, locale=site.locales.pl
    )
    FundingLogoFactory(
        period="2021-2027", kind="eu", alt_text="UE", sort_order=9, locale=site.locales.pl
    )
    assert strip(client, "/pl/") == ["UE", "Partner A", "Partner B"]


def test_every_logo_has_its_alt_text(site, client):
    make_strip(site, "2021-2027")
    images = soup(client.get("/pl/")).find(class_="funding-strip").find_all("img")
    assert all(img.get("alt", "").strip() for img in images)


BAD_LOGOS = [
    ("no alt text", {"alt_text": ""}, "alt_text", "To pole nie może być puste."),
    ("alt text of spaces", {"alt_text": "   "}, "alt_text", "Wpisz tekst logo."),
    (
        "a second EU emblem",
        {"kind": "eu"},
        "kind",
        "Zestawienie znaków tego okresu ma już znak tego rodzaju.",
    ),
]


@pytest.mark.parametrize("case, changes, field, message", BAD_LOGOS, ids=[c[0] for c in BAD_LOGOS])
def test_logo_validation(site, case, changes, field, message):
    existing = FundingLogoFactory(period="2021-2027", kind="eu", locale=site.locales.pl)
    logo = FundingLogo(
        period="2021-2027",
        name="Nowy znak",
        image=existing.image,
        alt_text="Tekst",
        locale=site.locales.pl,
        kind="funds",
    )
    for name, value in changes.items():
        setattr(logo, name, value)
    with pytest.raises(ValidationError) as error:
        logo.full_clean()
    assert message in error.value.message_dict[field]


def test_same_kind_allowed_in_another_language_and_period(site):
    existing = FundingLogoFactory(period="2021-2027", kind="eu", locale=site.locales.pl)
    for period, locale in [("2014-2020", site.locales.pl), ("2021-2027", site.locales.en)]:
        FundingLogo(
            period=period, kind="eu", name="UE", image=existing.image, alt_text="UE", locale=locale
        ).full_clean()
