"""Editors can open the add and edit forms of every content type (their panels, inline
panels, choosers and stream blocks all build), and a practice's problem areas are check
boxes of the fixed code list."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from catalog.codes import ProblemArea
from tests.factories import UserFactory
from tests.factories.content import (
    ConsultationDocumentFactory,
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


@pytest.fixture
def editor(db, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def pages(site, galleries, consultations, practices):
    gallery = GalleryPageFactory(parent=galleries.pl)
    add_photos(gallery, 2)
    consultation = ConsultationPageFactory(parent=consultations.pl)
    ConsultationMeetingFactory(page=consultation)
    ConsultationPostulateFactory(page=consultation)
    ConsultationDocumentFactory(page=consultation)
    practice = GoodPracticePageFactory(parent=practices.pl)
    add_photos(practice, 1, GoodPracticePhotoFactory)
    model = ModelPageFactory(parent=site.home_pl)
    figures = PilotFiguresPageFactory(parent=model)
    PilotFigureFactory(page=figures)
    TrainingFigureFactory(page=figures)
    return {
        "galleryindexpage": (galleries.pl, site.home_pl),
        "gallerypage": (gallery, galleries.pl),
        "consultationindexpage": (consultations.pl, site.home_pl),
        "consultationpage": (consultation, consultations.pl),
        "goodpracticeindexpage": (practices.pl, site.home_pl),
        "goodpracticepage": (practice, practices.pl),
        "modelpage": (model, site.home_pl),
        "pilotfigurespage": (figures, model),
    }


def test_edit_and_add_forms_open(editor, pages):
    for model_name, (page, _parent) in pages.items():
        edit = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert edit.status_code == 200, model_name
    for model_name in ("gallerypage", "consultationpage", "goodpracticepage"):
        parent = pages[model_name][1]
        add = editor.get(reverse("wagtailadmin_pages:add", args=("portal", model_name, parent.pk)))
        assert add.status_code == 200, model_name
    # one section of a kind per home page: a second is refused
    home = pages["modelpage"][1]
    second = editor.get(reverse("wagtailadmin_pages:add", args=("portal", "modelpage", home.pk)))
    assert second.status_code == 302


def test_problem_areas_are_check_boxes(editor, pages):
    page, _parent = pages["goodpracticepage"]
    html = BeautifulSoup(
        editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode(),
        "html.parser",
    )
    boxes = html.find_all("input", attrs={"name": "problem_areas", "type": "checkbox"})
    assert [box["value"] for box in boxes] == list(ProblemArea.values)
    assert [box["value"] for box in boxes if box.has_attr("checked")] == ["seniors"]
