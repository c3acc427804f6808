"""Factories for the content types of portal.models.galleries, consultations, practices and
model_pages. Pages go under a parent the test gives (the `site` fixture's home page, or an
index made by these factories) and are published with a revision, as an editor would.
Inline objects (photos, meetings, ...) are made after the page, on its live version."""

import datetime

import factory
from factory.django import DjangoModelFactory

from catalog.codes import ProblemArea
from catalog.models import Territory
from portal.models import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    ConsultationPostulate,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticePhoto,
    ModelPage,
    PilotFigure,
    PilotFiguresPage,
    PostulateStatus,
    TrainingFigure,
)

from .portal import CustomImageFactory, DocumentFactory, _PublishedPageFactory


def territory(code):
    """A unit of the TERC register (loaded by catalog's migrations)."""
    return Territory.objects.get(code=code)


# --- galleries ---------------------------------------------------------------------------


class GalleryIndexPageFactory(_PublishedPageFactory):
    title = "Galerie"
    intro = "<p>Zdjęcia ze spotkań i warsztatów.</p>"

    class Meta:
        model = GalleryIndexPage
        skip_postgeneration_save = True


class GalleryPageFactory(_PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Galeria {n}")
    event_date = factory.Sequence(lambda n: datetime.date(2018, 8, 1) + datetime.timedelta(n))
    place = "Kielce"
    summary = factory.LazyAttribute(lambda obj: f"Streszczenie: {obj.title}")

    class Meta:
        model = GalleryPage
        skip_postgeneration_save = True


class GalleryPhotoFactory(DjangoModelFactory):
    page = None  # give the gallery
    image = factory.SubFactory(CustomImageFactory)
    caption = factory.Sequence(lambda n: f"Podpis zdjęcia {n}")
    alt_text = factory.Sequence(lambda n: f"Ilustracja {n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = GalleryPhoto


def add_photos(page, count, factory_class=GalleryPhotoFactory, **fields):
    """`count` more photos at the end of the page's photos."""
    start = factory_class._meta.model.objects.filter(page=page).count()
    return [factory_class(page=page, sort_order=start + index, **fields) for index in range(count)]


# --- consultations -----------------------------------------------------------------------


class ConsultationIndexPageFactory(_PublishedPageFactory):
    title = "Konsultacje"

    class Meta:
        model = ConsultationIndexPage
        skip_postgeneration_save = True


class ConsultationPageFactory(_PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Konsultacje {n}")
    intro = "<p>Spotkania konsultacyjne modelu.</p>"
    participants = factory.LazyFunction(
        lambda: [
            {"type": "participant", "value": {"institution": "pracownicy GOPS", "number": 12}},
            {
                "type": "participant",
                "value": {"institution": "organizacje pozarządowe", "number": None},
            },
        ]
    )
    issues = factory.LazyFunction(
        lambda: [
            {"type": "issue", "value": "Brak wspólnej bazy danych"},
            {"type": "issue", "value": "Przeciążenie pracą członków zespołów"},
        ]
    )

    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True


class ConsultationMeetingFactory(DjangoModelFactory):
    page = None
    date = datetime.date(2019, 1, 25)
    place = "Sandomierz"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ConsultationMeeting


class ConsultationPostulateFactory(DjangoModelFactory):
    page = None
    text = factory.Sequence(lambda n: f"Postulat {n}")
    status = PostulateStatus.OPEN
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ConsultationPostulate


class ConsultationDocumentFactory(DjangoModelFactory):
    page = None
    document = factory.SubFactory(DocumentFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ConsultationDocument


# --- good practices ----------------------------------------------------------------------


class GoodPracticeIndexPageFactory(_PublishedPageFactory):
    title = "Dobre praktyki"

    class Meta:
        model = GoodPracticeIndexPage
        skip_postgeneration_save = True


class GoodPracticePageFactory(_PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Praktyka {n}")
    summary = factory.LazyAttribute(lambda obj: f"Streszczenie: {obj.title}")
    problem_areas = factory.LazyFunction(lambda: [ProblemArea.SENIORS.value])
    territory = factory.LazyFunction(lambda: territory("2604083"))  # gmina Łopuszno
    contact_institution = "Gminny Ośrodek Pomocy Społecznej"
    partners = factory.LazyFunction(
        lambda: [{"type": "partner", "value": "Powiatowe Centrum Pomocy Rodzinie"}]
    )
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Co zrobiono w gminie.</p>"}]
    )
    results = factory.LazyFunction(
        lambda: [{"type": "result", "value": {"value": "40", "label": "uczestników"}}]
    )

    class Meta:
        model = GoodPracticePage
        skip_postgeneration_save = True


class GoodPracticePhotoFactory(GalleryPhotoFactory):
    class Meta:
        model = GoodPracticePhoto


# --- the Model ---------------------------------------------------------------------------

# month numbers of each step, as in the 18-month schedule of seed 002
SCHEDULE = {
    "K1": [1],
    "K2": [2],
    "K3": [2],
    "K4": [3],
    "K5": [4],
    "K6": [4],
    "K7": list(range(5, 18)),
    "K8": [3, 6, 9, 12, 15, 18],
    "K9": [17],
    "K10": [18],
}
STAGES = [
    ("I", "Upowszechnianie modelu", ["K1"]),
    ("II", "Organizacja", ["K2", "K3", "K4", "K5"]),
    ("III", "Realizacja modelu i ewaluacja", ["K6", "K7", "K8"]),
    ("IV", "Ewaluacja końcowa", ["K9", "K10"]),
]


def model_stages(title_prefix="Krok"):
    return [
        {
            "type": "stage",
            "value": {
                "numeral": numeral,
                "title": title,
                "description": "",
                "steps": [
                    {
                        "code": code,
                        "title": f"{title_prefix} {code}",
                        "description": "",
                        "substeps": [{"code": f"{code[1:]}.1", "text": f"Zadanie {code}"}],
                        "responsible": ["ROPS", "PCPR"],
                        "months": [str(month) for month in SCHEDULE[code]],
                    }
                    for code in codes
                ],
            },
        }
        for numeral, title, codes in STAGES
    ]


class ModelPageFactory(_PublishedPageFactory):
    title = "Model kooperacji"
    intro = "<p>Etapy i kroki modelu.</p>"
    schedule_start = datetime.date(2019, 4, 1)
    schedule_months = 18
    schedule_caption = "Harmonogram pracy modelem, kwiecień 2019 – wrzesień 2020"
    stages = factory.LazyFunction(model_stages)

    class Meta:
        model = ModelPage
        skip_postgeneration_save = True


class PilotFiguresPageFactory(_PublishedPageFactory):
    title = "Pilotaż w liczbach"
    figures_caption = "Osoby i rodziny objęte współpracą, marzec 2020"
    target = 150
    training_caption = "Szkolenia w pilotażu"

    class Meta:
        model = PilotFiguresPage
        skip_postgeneration_save = True


class PilotFigureFactory(DjangoModelFactory):
    page = None
    territory = factory.LazyFunction(lambda: territory("26"))
    count = 39
    problem_areas = "osoby starsze, rodziny z wieloma trudnościami"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = PilotFigure


class TrainingFigureFactory(DjangoModelFactory):
    page = None
    form = factory.Sequence(lambda n: f"Warsztaty {n}")
    events = 30
    hours = 480
    participants = 424
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = TrainingFigure
