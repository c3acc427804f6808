"""portal.demo_content builds the content types of the demo site true to the seeds, in
Polish with English translations, and a second run makes nothing. The site itself comes
from portal.demo, the territory from the catalog's migrations."""

import datetime

import pytest
from wagtail.models import Locale, Page, Revision

from catalog import demo as catalog_demo
from portal import demo, demo_content
from portal.models import (
    ConsultationPage,
    CustomImage,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    GoodPracticePage,
    ModelPage,
    PilotFiguresPage,
    PostulateStatus,
)
from tests.utils import soup

COUNTED = [Page, Revision, CustomImage, GalleryPhoto]


def counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture
def built(db):
    report = demo.Report()
    demo.build(report)
    catalog_demo.build(report)
    content = demo.Report()
    demo_content.build(content)
    return content


def test_demo_content_is_true_to_the_seeds_and_built_once(built, client):
    english = Locale.objects.get(language_code="en")
    assert built.created, "the first run makes the content"

    # galleries: seed 000's captions on drawn images that say they are illustrations
    galleries = GalleryPage.objects.filter(locale__language_code="pl").live()
    assert galleries.count() >= 3
    captions = set(
        GalleryPhoto.objects.filter(locale__language_code="pl").values_list("caption", flat=True)
    )
    assert {
        "Spotkanie G-PZK w Gminie Wodzisław",
        "Spotkanie G-PZK w Gminie Bodzechów",
        "Spotkanie G-PZK w Gminie Łoniów",
        "Warsztaty w ramach G-PZK w Gminie Bogoria",
        "Badania focus w Gminie Łopuszno",
    } <= captions
    for photo in GalleryPhoto.objects.all():
        assert "ilustracja" in photo.alt_text.lower() or "illustration" in photo.alt_text
    for gallery in galleries:
        translated = gallery.get_translation(english)
        assert translated.live
        assert [p.translation_key for p in translated.specific.photos.all()] == [
            p.translation_key for p in gallery.photos.all()
        ]
        assert all(p.locale_id == english.pk for p in translated.specific.photos.all())
    narewka = GalleryPage.objects.get(slug="wizyta-w-narewce-2018")
    assert (narewka.event_date, narewka.end_date) == (
        datetime.date(2018, 11, 6),
        datetime.date(2018, 11, 8),
    )

    # consultations: seed 004's three meetings, issues and postulates
    consultation = ConsultationPage.objects.get(locale__language_code="pl")
    assert [(m.date, m.place) for m in consultation.meetings.all()] == [
        (datetime.date(2019, 1, 25), "Sandomierz"),
        (datetime.date(2019, 1, 29), "Skarżysko-Kamienna"),
        (datetime.date(2019, 2, 6), "Kielce"),
    ]
    issues = " ".join(block.value for block in consultation.issues)
    for phrase in ["osób starszych", "wspólnej bazy danych", "diagnozy", "lidera", "zasobami"]:
        assert phrase in issues, phrase
    assert "Przeciążenie" in issues and "gratyfikacji" in issues
    postulates = " ".join(p.text for p in consultation.postulates.all())
    assert "ewaluacji" in postulates and "przepisów prawnych" in postulates
    assert all(
        p.reason for p in consultation.postulates.all() if p.status == PostulateStatus.REJECTED
    )
    # the participants are named without invented numbers
    assert all(block.value["number"] is None for block in consultation.participants)

    # good practices from seeds 000 and 001
    practices = GoodPracticePage.objects.filter(locale__language_code="pl")
    assert practices.count() >= 3
    assert {p.territory.code for p in practices} >= {"2005092", "2604033"}

    # the Model: all ten steps, K8 quarterly, in the 18-month schedule from April 2019
    model = ModelPage.objects.get(locale__language_code="pl")
    assert (model.schedule_start, model.schedule_months) == (datetime.date(2019, 4, 1), 18)
    steps = {row["code"]: row for group in model.timeline()["groups"] for row in group["rows"]}
    assert list(steps) == [f"K{n}" for n in range(1, 11)]
    k8 = [n for n, active in enumerate(steps["K8"]["cells"], start=1) if active]
    assert k8 == [3, 6, 9, 12, 15, 18]
    assert [n for n, active in enumerate(steps["K10"]["cells"], start=1) if active] == [18]

    # the pilot figures of seeds 002 and 003
    figures = PilotFiguresPage.objects.get(locale__language_code="pl")
    assert [(f.territory.name, f.count) for f in figures.figures.all()] == [
        ("lubelskie", 35),
        ("mazowieckie", 29),
        ("podlaskie", 33),
        ("podkarpackie", 35),
        ("świętokrzyskie", 39),
    ]
    assert sum(f.count for f in figures.figures.all()) == 171 and figures.target == 150
    assert [(t.events, t.hours, t.participants) for t in figures.trainings.all()] == [
        (30, 480, 424),
        (5, 40, 84),
        (4, 64, 73),
    ]
    english_figures = figures.get_translation(english).specific
    assert [f.display_name for f in english_figures.figures.all()][0] == "Lubelskie"

    # the sections are in the main menu of both languages
    for index in (GalleryIndexPage, ModelPage):
        for page in index.objects.all():
            assert page.show_in_menus, page

    # they render, in their language
    for page in [figures, model, consultation, *practices[:1]]:
        for version in (page, page.get_translation(english)):
            html = soup(client.get(version.url))
            assert html.h1.get_text() == version.title
            assert html.html["lang"] == version.locale.language_code

    # the second run makes nothing
    before = counts()
    again = demo.Report()
    demo_content.build(again)
    assert again.created == []
    assert counts() == before
