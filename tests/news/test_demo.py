"""The news part of the demo site (news.demo, run by `manage.py bootstrap` after the portal
and the catalog): built once with both languages, true to the seed reports, and a second
run creates nothing. These tests do not use the `site` fixture: the demo makes its own."""

import datetime
from importlib import import_module

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Revision

from news.models import NewsIndexPage, NewsPage, NewsPhoto
from portal.demo import Report
from portal.management.commands.bootstrap import DEMO_MODULES
from portal.models import CustomImage
from tests.utils import soup, text


def build():
    report = Report()
    for name in DEMO_MODULES:
        import_module(name).build(report)
    return report


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, NewsPage, NewsPhoto, Revision, CustomImage)
    }


def page_text(page):
    return " ".join([page.title, page.lead, str(page.body)])


# What each item must say (seeds 000, 001 and 003), by its Polish slug.
FACTS = {
    "osiem-zespolow-kooperacji-w-swietokrzyskiem": [
        "8 gminno-powiatowych zespołów",
        "około 10 osób",
        "siedmiu spotkaniach",
        *["Oksa", "Wodzisław", "Bieliny", "Łopuszno", "Bodzechów", "Łoniów", "Mirzec", "Bogoria"],
    ],
    "badania-fokusowe-w-zespolach-kooperacji": [
        "sierpniu i wrześniu 2018",
        "samotnych osób starszych",
        "najmniej istotny – bezrobocie",
    ],
    "trwa-ii-etap-projektu-liderzy-kooperacji": [
        "18 kwietnia 2019",
        "4 czerwca 2019",
        "4 powiatami i 6 gminami",
        "pakietu socjalnego",
        "bezpłatnych szkoleniach",
        "17 czerwca 2019",
        "Tokarni",
        "września 2020",
    ],
    "kooperacje-3d-polowa-pilotazu": [
        "15 partnerskich zespołów",
        "45 spotkaniach",
        "30 dwudniowych warsztatów",
        "480 godzin dydaktycznych dla 424 uczestników",
        "ponad 500 godzin coachingu",
    ],
    "wymiana-doswiadczen-w-gminie-narewka": ["6 do 8 listopada 2018", "40 osób", "hajnowskim"],
    "coaching-grupowy-dla-animatorow": ["30 października 2018", "Kielcach"],
}


@pytest.mark.django_db
def test_demo_news_built_once_in_both_languages(client):
    assert DEMO_MODULES.index("news.demo") > DEMO_MODULES.index("portal.demo")
    assert DEMO_MODULES.index("news.demo") > DEMO_MODULES.index("catalog.demo")
    first = build()
    assert any("aktualnosci" in what for what in first.created)
    english = Locale.objects.get(language_code="en")

    index = NewsIndexPage.objects.get(
        url_path__endswith="/aktualnosci/", locale__language_code="pl"
    )
    assert index.live and index.show_in_menus
    assert index.url == "/pl/aktualnosci/"
    index_en = index.get_translation(english)
    assert index_en.url == "/en/news/" and index_en.live and index_en.show_in_menus

    items = NewsPage.objects.child_of(index).live().order_by("-date")
    assert items.count() >= 6
    assert set(FACTS) <= {item.slug for item in items}
    for item in items:
        assert item.first_published_at.date() == item.date
        assert item.tags.exists() and item.territory and item.project and item.main_image
        assert item.main_image.alt_text and item.main_image.author and item.main_image.licence
        translated = item.get_translation(english)
        assert translated.live and translated.slug != item.slug
        assert translated.date == item.date and translated.territory == item.territory
        # English projects, tags and texts of the image and photos.
        assert translated.project.locale == english
        assert translated.project.slug == item.project.slug
        assert set(translated.tags.names()).isdisjoint(set(item.tags.names()) - {"coaching"})
        assert translated.main_image_alt and translated.main_image_caption
        polish_captions = [photo.caption for photo in item.photos.all()]
        english_captions = [photo.caption for photo in translated.photos.all()]
        assert len(polish_captions) == len(english_captions)
        assert not set(polish_captions) & set(english_captions)
        assert all(photo.locale == english for photo in translated.photos.all())
    assert sum(1 for item in items if item.photos.count() >= 2) >= 3

    by_slug = {item.slug: item for item in items}
    for slug, facts in FACTS.items():
        said = page_text(by_slug[slug])
        for fact in facts:
            assert fact in said, (slug, fact)
    assert by_slug["trwa-ii-etap-projektu-liderzy-kooperacji"].date == datetime.date(2019, 7, 22)
    narewka = by_slug["wymiana-doswiadczen-w-gminie-narewka"]
    assert (narewka.date, narewka.territory.code) == (datetime.date(2018, 11, 8), "2005092")
    assert by_slug["coaching-grupowy-dla-animatorow"].date == datetime.date(2018, 10, 30)
    k3d = by_slug["kooperacje-3d-polowa-pilotazu"]
    assert (k3d.project.slug, k3d.territory.code) == ("kooperacje-3d", "24")
    assert by_slug["osiem-zespolow-kooperacji-w-swietokrzyskiem"].territory.code == "26"
    # No personal names: the seed names the voivodeship's marshals; the news does not.
    for page in NewsPage.objects.all():
        assert "Bętkowsk" not in page_text(page) and "Janik" not in page_text(page)

    # The site shows them: the lists, the menu and the home page's highlights.
    cache.clear()
    polish = soup(client.get("/pl/aktualnosci/", HTTP_HOST="localhost"))
    assert len(polish.select(".news-card")) == items.count()
    english_list = soup(client.get("/en/news/", HTTP_HOST="localhost"))
    assert len(english_list.select(".news-card")) == items.count()
    assert "Aktualności" in [text(a) for a in polish.select(".main-menu a")]
    home = soup(client.get("/pl/", HTTP_HOST="localhost"))
    sections = {text(section.h2): section for section in home.select(".highlight")}
    newest = [text(h3) for h3 in sections["Aktualności"].select("h3")]
    assert newest[0] == items.first().title
    filtered = soup(client.get("/pl/aktualnosci/?woj=20", HTTP_HOST="localhost"))
    assert [text(h2) for h2 in filtered.select(".news-card h2")] == [narewka.title]

    # A second run creates nothing.
    before = counts()
    second = build()
    assert second.created == []
    assert counts() == before
