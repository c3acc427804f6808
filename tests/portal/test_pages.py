"""The page tree rules, and what the home page and standard pages render: every body block,
the skip link and landmarks, breadcrumbs, the main menu, the footer and the highlights."""

import datetime

import pytest
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from portal.models import HomePage, SiteSettings, StandardPage
from portal.navigation import section_highlights
from tests.conftest import publish, translate
from tests.factories import (
    CustomImageFactory,
    DocumentFactory,
    FundingLogoFactory,
    StandardPageFactory,
)
from tests.utils import html_lang, soup, text


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_subpage_types(self):
        from catalog.models import CatalogPage
        from news.models import NewsIndexPage
        from portal.models import (
            AccessibilityStatementPage,
            ConsultationIndexPage,
            EasyReadPage,
            GalleryIndexPage,
            GoodPracticeIndexPage,
            ModelPage,
        )
        from school.models import CourseIndexPage

        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                NewsIndexPage,
                GalleryIndexPage,
                ConsultationIndexPage,
                GoodPracticeIndexPage,
                ModelPage,
                CatalogPage,
                CourseIndexPage,
                AccessibilityStatementPage,
                EasyReadPage,
            },
        )
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


# --- rendering ---------------------------------------------------------------------------


def test_home_page_renders_in_both_languages(site, client):
    polish = client.get("/pl/")
    english = client.get("/en/")
    assert html_lang(polish) == "pl"
    assert html_lang(english) == "en"
    assert soup(polish).h1.get_text() == "Kooperacja"
    assert soup(english).h1.get_text() == "Kooperacja EN"
    assert "Witamy" in text(soup(polish).find(class_="lead"))
    assert "Hi" in text(soup(english).find(class_="lead"))


def test_standard_page_renders_in_both_languages(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="O projekcie", summary="Streszczenie")
    translate(page, site.locales.en, title="About the project", slug="about", summary="Summary")
    polish = client.get("/pl/o-projekcie/")
    english = client.get("/en/about/")
    assert html_lang(polish) == "pl"
    assert html_lang(english) == "en"
    assert soup(polish).h1.get_text() == "O projekcie"
    assert soup(english).h1.get_text() == "About the project"
    assert soup(english).find("p", class_="lead").get_text() == "Summary"
    assert soup(polish).title.get_text().startswith("O projekcie")


TABLE = {
    "caption": "Osoby objęte współpracą",
    "first_column_is_header": True,
    "table": {
        "columns": [
            {"type": "text", "heading": "Województwo"},
            {"type": "number", "heading": "Liczba"},
        ],
        "rows": [{"values": ["lubelskie", 35]}, {"values": ["podlaskie", 33]}],
    },
}
VIDEO_URL = "https://www.youtube.com/watch?v=portal-test"


@pytest.fixture
def every_block_page(site):
    image = CustomImageFactory(
        title="Spotkanie", alt_text="Ludzie przy stole", author="Anna Nowak", licence="CC BY 4.0"
    )
    document = DocumentFactory(title="Raport roczny 2020")
    target = StandardPageFactory(parent=site.home_pl, title="Cel", slug="cel")
    body = [
        {"type": "heading", "value": {"text": "Po co kooperacja", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Akapit z <b>pogrubieniem</b>.</p>"},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt_text": "Pięć okręgów",
                "caption": "Ilustracja",
                "credit": "",
            },
        },
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "", "caption": "", "credit": ""},
        },
        {"type": "quote", "value": {"text": "Pierwsza linia\ndruga linia", "attribution": "ROPS"}},
        {"type": "document", "value": {"document": document.pk, "title": ""}},
        {"type": "table", "value": TABLE},
        {
            "type": "cta",
            "value": {
                "title": "Dołącz do nas",
                "text": "Zapraszamy.",
                "page": target.pk,
                "url": "",
                "link_text": "Przejdź dalej",
            },
        },
        {
            "type": "embed",
            "value": {
                "embed": VIDEO_URL,
                "title": "Film o modelu",
                "transcript": "<p>Transkrypcja filmu</p>",
            },
        },
    ]
    page = StandardPageFactory(parent=site.home_pl, title="Wszystkie bloki", body=body)
    return page, image, document


def test_every_body_block_renders(every_block_page, client):
    page, image, document = every_block_page
    # The embed is already known (as after its first fetch), so nothing goes to the network.
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        title="Film",
        html='<iframe src="https://www.youtube.com/embed/portal-test" title="Film"></iframe>',
        width=640,
        height=360,
        last_updated=timezone.now(),
    )
    html = soup(client.get(page.url))
    body = html.find("div", class_="body")

    assert body.find("h3").get_text() == "Po co kooperacja"
    assert body.find("b").get_text() == "pogrubieniem"

    figures = body.find_all("figure", class_="block-image")
    assert len(figures) == 2
    first, second = (figure.img for figure in figures)
    assert first["alt"] == "Pięć okręgów"
    assert second["alt"] == "Ludzie przy stole"  # the image's own alternative text
    assert first["src"].startswith("/media/images/")
    assert len(first["srcset"].split(",")) == 3
    assert first["width"] and first["height"]
    assert text(figures[0].figcaption) == "Ilustracja Anna Nowak · CC BY 4.0"
    assert figures[0].figcaption.find("small", class_="credit")

    quote = body.find("figure", class_="block-quote")
    assert quote.blockquote.find("br") is not None
    assert text(quote.blockquote) == "Pierwsza linia druga linia"
    assert text(quote.figcaption) == "— ROPS"

    link = body.find("p", class_="block-document").a
    assert link["href"] == document.url
    assert link.get_text() == "Raport roczny 2020"  # the document's title by default
    assert "(PDF" in text(body.find("p", class_="block-document"))

    table = body.find("table")
    assert table.caption.get_text() == "Osoby objęte współpracą"
    assert [th.get_text() for th in table.thead.find_all("th", scope="col")] == [
        "Województwo",
        "Liczba",
    ]
    rows = table.tbody.find_all("tr")
    assert text(rows[0].find("th", scope="row")) == "lubelskie"
    assert text(rows[0].td) == "35"
    assert body.find("div", class_="block-table")["aria-label"] == "Osoby objęte współpracą"

    cta = body.find("aside", class_="block-cta")
    assert cta["aria-label"] == "Dołącz do nas"
    assert cta.find("a", class_="button")["href"] == "/pl/cel/"
    assert cta.find("a", class_="button").get_text() == "Przejdź dalej"

    embed = body.find("figure", class_="block-embed")
    assert embed.figcaption.get_text() == "Film o modelu"
    assert embed.find("iframe")["src"] == "https://www.youtube.com/embed/portal-test"
    assert text(embed.find("details")) == "Transkrypcja Transkrypcja filmu"


def test_failing_embed_does_not_break_the_page(every_block_page, client, monkeypatch):
    import requests

    def unreachable(*args, **kwargs):
        raise requests.ConnectionError("provider unreachable")

    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", unreachable)
    page, _image, _document = every_block_page
    response = client.get(page.url)
    assert response.status_code == 200
    embed = soup(response).find("figure", class_="block-embed")
    assert embed.figcaption.get_text() == "Film o modelu"
    assert embed.find("iframe") is None
    assert "Transkrypcja filmu" in text(embed)


def test_external_call_to_action(site, client):
    page = StandardPageFactory(
        parent=site.home_pl,
        body=[
            {
                "type": "cta",
                "value": {
                    "title": "BIP",
                    "text": "",
                    "page": None,
                    "url": "https://bip.example.org/",
                    "link_text": "BIP",
                },
            }
        ],
    )
    cta = soup(client.get(page.url)).find("aside", class_="block-cta")
    assert cta.find("a")["href"] == "https://bip.example.org/"


# --- page chrome -------------------------------------------------------------------------


def test_skip_link_and_landmarks(site, client):
    StandardPageFactory(parent=site.home_pl, title="Menu", show_in_menus=True)
    html = soup(client.get("/pl/"))
    skip = html.body.find("a")  # the first link on the page
    assert "skip-link" in skip["class"]
    assert skip["href"] == "#main"
    assert len(html.find_all("main")) == 1
    assert html.main["id"] == "main"
    assert html.find("header", class_="site-header")
    assert html.find("footer", class_="site-footer")
    assert html.header.find("nav", class_="main-menu")["aria-label"]
    assert html.find("form", role="search")


def test_breadcrumbs_on_a_nested_page(site, client):
    section = StandardPageFactory(parent=site.home_pl, title="O projekcie")
    child = StandardPageFactory(parent=section, title="Liderzy")
    grandchild = StandardPageFactory(parent=child, title="Gmina Oksa")
    crumbs = soup(client.get(grandchild.url)).find("nav", class_="breadcrumbs")
    items = crumbs.ol.find_all("li")
    assert [(li.a["href"] if li.a else None, text(li)) for li in items] == [
        ("/pl/", "Kooperacja"),
        ("/pl/o-projekcie/", "O projekcie"),
        ("/pl/o-projekcie/liderzy/", "Liderzy"),
        (None, "Gmina Oksa"),
    ]
    assert items[-1].span["aria-current"] == "page"
    assert soup(client.get("/pl/")).find("nav", class_="breadcrumbs") is None


def test_main_menu_lists_live_public_menu_children(site, client):
    first = StandardPageFactory(parent=site.home_pl, title="O projekcie", show_in_menus=True)
    StandardPageFactory(parent=site.home_pl, title="Kontakt", show_in_menus=True)
    StandardPageFactory(parent=site.home_pl, title="Ukryta", show_in_menus=False)
    StandardPageFactory(
        parent=site.home_pl, title="Szkic", show_in_menus=True, live=False, publish=False
    )
    private = StandardPageFactory(parent=site.home_pl, title="Prywatna", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    nested = StandardPageFactory(parent=first, title="Głębiej", show_in_menus=True)

    menu = soup(client.get(nested.url)).find("nav", class_="main-menu")
    links = menu.find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/pl/o-projekcie/", "O projekcie"),
        ("/pl/kontakt/", "Kontakt"),
    ]
    assert links[0]["aria-current"] == "true"  # the section of the current page
    section_menu = soup(client.get(first.url)).find("nav", class_="main-menu")
    assert section_menu.find("a", href="/pl/o-projekcie/")["aria-current"] == "page"


def test_english_menu_lists_english_pages(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="Kontakt", show_in_menus=True)
    translate(page, site.locales.en, title="Contact", slug="contact")
    menu = soup(client.get("/en/")).find("nav", class_="main-menu")
    assert [(a["href"], a.get_text()) for a in menu.find_all("a")] == [("/en/contact/", "Contact")]


@pytest.fixture
def footer_settings(site):
    statement = StandardPageFactory(
        parent=site.home_pl, title="Deklaracja dostępności", slug="deklaracja-dostepnosci"
    )
    translate(
        statement, site.locales.en, title="Accessibility statement", slug="accessibility-statement"
    )
    settings = SiteSettings.for_site(site.site)
    settings.institution_name = "Regionalny Ośrodek Polityki Społecznej"
    settings.institution_name_en = "Regional Social Policy Centre"
    settings.address = "ul. Przykładowa 1\n25-001 Kielce"
    settings.phone = "+48 41 000 00 00"
    settings.email = "kooperacja@example.org"
    settings.bip_url = "https://bip.example.org/"
    settings.accessibility_statement = statement
    settings.funding_period = "2021-2027"
    settings.funding_note = "Projekt współfinansowany ze środków UE."
    settings.funding_note_en = "Co-financed by the EU."
    settings.save()
    alt_texts = [
        ("Fundusze Europejskie", "European Funds"),
        ("Rzeczpospolita Polska", "Republic of Poland"),
    ]
    for order, (alt_pl, alt_en) in enumerate(alt_texts):
        logo = FundingLogoFactory(
            period="2021-2027", alt_text=alt_pl, sort_order=order, locale=site.locales.pl
        )
        english = logo.copy_for_translation(site.locales.en)
        english.alt_text = alt_en
        english.save()
    FundingLogoFactory(period="2014-2020", alt_text="Logo starego okresu", locale=site.locales.pl)
    return settings


def test_footer_in_polish(footer_settings, client):
    footer = soup(client.get("/pl/")).find("footer")
    assert text(footer.find(class_="site-footer__institution")) == (
        "Regionalny Ośrodek Polityki Społecznej"
    )
    address = footer.find("address")
    assert "ul. Przykładowa 1" in text(address) and "25-001 Kielce" in text(address)
    assert address.find("a", href="tel:+48410000000")
    assert address.find("a", href="mailto:kooperacja@example.org")
    assert footer.find("a", href="https://bip.example.org/")
    assert footer.find("a", href="/pl/deklaracja-dostepnosci/")
    logos = footer.find(class_="funding-strip").find_all("img")
    assert [img["alt"] for img in logos] == ["Fundusze Europejskie", "Rzeczpospolita Polska"]
    assert all(img["src"].startswith("/media/images/") for img in logos)
    assert "Logo starego okresu" not in str(footer)
    assert text(footer.find(class_="funding-strip__note")) == (
        "Projekt współfinansowany ze środków UE."
    )


def test_footer_in_english(footer_settings, client):
    footer = soup(client.get("/en/")).find("footer")
    assert text(footer.find(class_="site-footer__institution")) == "Regional Social Policy Centre"
    assert footer.find("a", href="/en/accessibility-statement/")
    assert not footer.find("a", href="/pl/deklaracja-dostepnosci/")
    logos = footer.find(class_="funding-strip").find_all("img")
    assert [img["alt"] for img in logos] == ["European Funds", "Republic of Poland"]
    assert text(footer.find(class_="funding-strip__note")) == "Co-financed by the EU."


def test_footer_statement_without_translation_links_to_polish(footer_settings, site, client):
    statement = footer_settings.accessibility_statement
    statement.get_translation(site.locales.en).unpublish()
    footer = soup(client.get("/en/")).find("footer")
    assert footer.find("a", href="/pl/deklaracja-dostepnosci/")


def test_footer_follows_the_chosen_funding_period(footer_settings, client):
    footer_settings.funding_period = "2014-2020"
    footer_settings.save()
    logos = soup(client.get("/pl/")).find(class_="funding-strip").find_all("img")
    assert [img["alt"] for img in logos] == ["Logo starego okresu"]


# --- home page highlights ----------------------------------------------------------------


def _published_at(page, days_ago):
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)


@pytest.fixture
def sections(site):
    about = StandardPageFactory(parent=site.home_pl, title="O projekcie", show_in_menus=True)
    news = StandardPageFactory(parent=site.home_pl, title="Aktualności", show_in_menus=True)
    hidden = StandardPageFactory(parent=site.home_pl, title="Poza menu", show_in_menus=False)
    StandardPageFactory(parent=site.home_pl, title="Kontakt", show_in_menus=True)  # no children
    for parent, count in ((about, 5), (news, 2), (hidden, 2)):
        for number in range(count):
            child = StandardPageFactory(parent=parent, title=f"{parent.title} {number}")
            _published_at(child, days_ago=10 - number)  # higher number: newer
    StandardPageFactory(parent=about, title="Szkic", live=False, publish=False)
    private = StandardPageFactory(parent=news, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    StandardPageFactory(parent=about.get_children().first(), title="Wnuk")  # too deep
    return about, news


def test_highlights_list_newest_children_of_each_menu_section_in_one_query(
    sections, site, django_assert_num_queries
):
    home = HomePage.objects.get(pk=site.home_pl.pk)
    with django_assert_num_queries(1):
        highlights = section_highlights(home)
        menu = home._portal_menu  # the menu comes with them, for the page chrome
    assert [(h["section"].title, [item.title for item in h["items"]]) for h in highlights] == [
        ("O projekcie", ["O projekcie 4", "O projekcie 3", "O projekcie 2"]),
        ("Aktualności", ["Aktualności 1", "Aktualności 0"]),
    ]
    assert [page.title for page in menu] == ["O projekcie", "Aktualności", "Kontakt"]


def test_highlights_render_on_the_home_page(sections, client):
    html = soup(client.get("/pl/"))
    blocks = html.find("div", class_="highlights").find_all("section")
    assert [text(section.h2) for section in blocks] == ["O projekcie", "Aktualności"]
    cards = blocks[0].find_all("li", class_="card")
    assert [text(card.h3) for card in cards] == ["O projekcie 4", "O projekcie 3", "O projekcie 2"]
    assert cards[0].h3.a["href"] == "/pl/o-projekcie/o-projekcie-4/"
    assert cards[0].time["datetime"]
    menu = html.find("nav", class_="main-menu")
    assert [a.get_text() for a in menu.find_all("a")] == ["O projekcie", "Aktualności", "Kontakt"]


def test_new_page_is_highlighted_after_publishing(sections, client):
    about, _news = sections
    client.get("/pl/")
    page = StandardPageFactory(parent=about, title="Najnowsza", publish=False, live=False)
    publish(page)
    cards = soup(client.get("/pl/")).find("div", class_="highlights").find_all("li")
    assert text(cards[0].h3) == "Najnowsza"
