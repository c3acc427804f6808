"""Every content type goes through wagtail-localize: its texts, the texts of its inline
objects (photo captions, meetings, postulates, figures) and of its streams become strings to
translate; codes, numbers, dates and territory stay synchronised; the translation is made
with its inline objects in the new locale."""

import pytest
from wagtail_localize.models import StringSegment, TranslationSource

from tests.factories.content import (
    ConsultationMeetingFactory,
    ConsultationPageFactory,
    ConsultationPostulateFactory,
    GalleryPageFactory,
    GoodPracticePageFactory,
    GoodPracticePhotoFactory,
    ModelPageFactory,
    PilotFigureFactory,
    PilotFiguresPageFactory,
    TrainingFigureFactory,
    add_photos,
)


def gallery(site, galleries, consultations, practices):
    page = GalleryPageFactory(parent=galleries.pl, place="Narewka")
    add_photos(page, 1, caption="Spotkanie w Narewce", alt_text="Ilustracja spotkania")
    return page


def consultation(site, galleries, consultations, practices):
    page = ConsultationPageFactory(parent=consultations.pl)
    ConsultationMeetingFactory(page=page, place="Sandomierz")
    ConsultationPostulateFactory(
        page=page, text="Zmienić przepisy", status="rejected", reason="Poza modelem"
    )
    return page


def practice(site, galleries, consultations, practices):
    page = GoodPracticePageFactory(parent=practices.pl, place="Dom kultury")
    add_photos(page, 1, GoodPracticePhotoFactory, caption="Klub seniora")
    return page


def model(site, galleries, consultations, practices):
    return ModelPageFactory(parent=site.home_pl)


def pilot_figures(site, galleries, consultations, practices):
    page = PilotFiguresPageFactory(parent=ModelPageFactory(parent=site.home_pl))
    PilotFigureFactory(page=page, problem_areas="osoby starsze")
    TrainingFigureFactory(page=page, form="Warsztaty dwudniowe")
    return page


CASES = [
    # build, strings to translate, values that must stay synchronised
    (gallery, {"Narewka", "Spotkanie w Narewce", "Ilustracja spotkania"}, set()),
    (
        consultation,
        {"Sandomierz", "Zmienić przepisy", "Poza modelem", "Brak wspólnej bazy danych"},
        {"rejected", "postulate", "12"},
    ),
    (
        practice,
        {"Dom kultury", "Klub seniora", "uczestników", "Powiatowe Centrum Pomocy Rodzinie"},
        {"seniors", '["seniors"]', "40"},
    ),
    (model, {"Krok K7", "Zadanie K7", "Realizacja modelu i ewaluacja", "ROPS"}, {"7", "17"}),
    (pilot_figures, {"osoby starsze", "Warsztaty dwudniowe", "Szkolenia w pilotażu"}, {"424"}),
]


@pytest.mark.parametrize(
    "build, expected, synchronised", CASES, ids=[case[0].__name__ for case in CASES]
)
def test_content_is_translated_with_wagtail_localize(
    site, galleries, consultations, practices, build, expected, synchronised
):
    page = build(site, galleries, consultations, practices).specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert expected <= texts, expected - texts
    assert not (synchronised & texts), synchronised & texts

    translated, created = source.create_or_update_translation(
        site.locales.en, fallback=True, copy_parent_pages=True
    )
    assert created
    translated = translated.specific
    assert translated.locale == site.locales.en
    assert translated.translation_key == page.translation_key
    for relation in ("photos", "meetings", "postulates", "figures", "trainings"):
        if hasattr(page, relation):
            originals = list(getattr(page, relation).all())
            copies = list(getattr(translated, relation).all())
            assert originals and len(copies) == len(originals), relation
            assert all(copy.locale_id == site.locales.en.pk for copy in copies), relation
            assert [c.translation_key for c in copies] == [o.translation_key for o in originals]
