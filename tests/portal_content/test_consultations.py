"""Consultation pages: meetings, participants, issues, postulates and recommendations with
their status in words, documents with format and size; a rejection needs a reason, in the
model and in the admin form; the index lists the latest meetings first."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.models import ConsultationPage, ConsultationPostulate, PostulateKind, PostulateStatus
from tests.conftest import translate
from tests.factories import DocumentFactory, UserFactory
from tests.factories.content import (
    ConsultationDocumentFactory,
    ConsultationMeetingFactory,
    ConsultationPageFactory,
    ConsultationPostulateFactory,
)
from tests.utils import html_lang, soup, text


def status_label(status, language):
    with translation.override(language):
        return str(PostulateStatus(status).label)


@pytest.fixture
def consultation(consultations):
    page = ConsultationPageFactory(
        parent=consultations.pl,
        title="Konsultacje modelu 2019",
        slug="konsultacje-2019",
        body=[{"type": "paragraph", "value": "<p>Powstaną zbiorcze wnioski.</p>"}],
    )
    for date, place in [
        (datetime.date(2019, 1, 25), "Sandomierz"),
        (datetime.date(2019, 1, 29), "Skarżysko-Kamienna"),
        (datetime.date(2019, 2, 6), "Kielce"),
    ]:
        ConsultationMeetingFactory(page=page, date=date, place=place)
    ConsultationPostulateFactory(
        page=page,
        text="Włączyć instrumenty ewaluacji",
        status=PostulateStatus.ADOPTED,
        reason="Kroki 9 i 10",
    )
    ConsultationPostulateFactory(page=page, text="Zmienić przepisy", status=PostulateStatus.OPEN)
    ConsultationPostulateFactory(
        page=page,
        kind=PostulateKind.RECOMMENDATION,
        text="Płacić członkom zespołów",
        status=PostulateStatus.REJECTED,
        reason="Poza zakresem modelu",
    )
    document = DocumentFactory(title="Podsumowanie konsultacji")
    ConsultationDocumentFactory(page=page, document=document)
    return page


def test_consultation_page_in_polish(consultation, client):
    response = client.get(consultation.url)
    html = soup(response)
    assert html_lang(response) == "pl"
    assert html.h1.get_text() == "Konsultacje modelu 2019"
    meetings = [text(li) for li in html.find("ul", class_="meetings").find_all("li")]
    assert meetings == [
        "25 stycznia 2019 – Sandomierz",
        "29 stycznia 2019 – Skarżysko-Kamienna",
        "6 lutego 2019 – Kielce",
    ]
    assert html.find("ul", class_="meetings").time["datetime"] == "2019-01-25"
    participants = [text(li) for li in html.find("ul", class_="participants").find_all("li")]
    assert participants[0].startswith("pracownicy GOPS: 12")
    assert participants[1] == "organizacje pozarządowe"  # number not known: none shown
    issues = [text(li) for li in html.find("ul", class_="issues").find_all("li")]
    assert issues == ["Brak wspólnej bazy danych", "Przeciążenie pracą członków zespołów"]

    postulates = html.find(id="consultation-postulates").find_parent("section")
    items = postulates.find_all("li", class_="postulate")
    assert [text(item.find(class_="postulate__text")) for item in items] == [
        "Włączyć instrumenty ewaluacji",
        "Zmienić przepisy",
    ]
    # the status is said in words, not by colour alone
    assert status_label("adopted", "pl") in text(items[0].find(class_="status-tag"))
    assert status_label("open", "pl") in text(items[1].find(class_="status-tag"))
    assert "Kroki 9 i 10" in text(items[0].find(class_="postulate__reason"))
    assert items[1].find(class_="postulate__reason") is None
    recommendations = html.find(id="consultation-recommendations").find_parent("section")
    rejected = recommendations.find("li", class_="postulate")
    assert status_label("rejected", "pl") in text(rejected.find(class_="status-tag"))
    assert "Poza zakresem modelu" in text(rejected.find(class_="postulate__reason"))

    conclusions = html.find(id="consultation-conclusions").find_parent("section")
    assert text(conclusions.find(class_="body")) == "Powstaną zbiorcze wnioski."

    document = html.find("ul", class_="documents").li
    assert document.a.get_text() == "Podsumowanie konsultacji"
    assert document.a["href"].startswith("/documents/")
    meta = text(document.find(class_="documents__meta"))
    assert meta.startswith("(PDF, ") and "bajt" in meta


def test_consultation_page_in_english(consultation, site, client):
    english = translate(consultation, site.locales.en, title="Consultations 2019", slug="c-2019")
    for postulate in english.specific.postulates.all():
        postulate.text = f"EN {postulate.text}"
        postulate.save()
    response = client.get(english.url)
    html = soup(response)
    assert html_lang(response) == "en"
    assert html.h1.get_text() == "Consultations 2019"
    assert "25 January 2019 – Sandomierz" in text(html.find("ul", class_="meetings"))
    tags = [text(tag) for tag in html.select(".status-tag")]
    assert tags == [
        "Status: taken into the model",
        "Status: open",
        "Status: rejected",
    ]
    assert text(html.select(".postulate__text")[0]) == "EN Włączyć instrumenty ewaluacji"
    assert "bytes" in text(html.find(class_="documents__meta"))
    # the Polish page keeps its own texts
    polish = soup(client.get(consultation.url))
    assert text(polish.select(".postulate__text")[0]) == "Włączyć instrumenty ewaluacji"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejection_without_reason_is_refused(consultation, reason):
    postulate = ConsultationPostulate(
        page=consultation, text="Coś", status=PostulateStatus.REJECTED, reason=reason
    )
    with pytest.raises(ValidationError) as error:
        postulate.full_clean(exclude=["page", "locale"])
    assert list(error.value.message_dict) == ["reason"]


@pytest.mark.parametrize("status", [PostulateStatus.OPEN, PostulateStatus.ADOPTED])
def test_other_statuses_need_no_reason(consultation, status):
    ConsultationPostulate(page=consultation, text="Coś", status=status).full_clean(
        exclude=["page", "locale"]
    )


def admin_form_data(postulate):
    return nested_form_data(
        {
            "title": "Konsultacje testowe",
            "slug": "konsultacje-testowe",
            "intro": rich_text("<p>Wstęp</p>"),
            "meetings": inline_formset(
                [{"date": "2019-01-25", "place": "Sandomierz", "territory": "", "description": ""}]
            ),
            "participants": streamfield([]),
            "issues": streamfield([("issue", "Brak lidera")]),
            "postulates": inline_formset([postulate]),
            "body": streamfield([]),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
            "summary": "",
            "seo_title": "",
            "search_description": "",
        }
    )


def test_admin_form_says_a_rejection_needs_a_reason(consultations, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse(
        "wagtailadmin_pages:add", args=("portal", "consultationpage", consultations.pl.pk)
    )
    rejected = {"kind": "postulate", "text": "Zmienić prawo", "status": "rejected", "reason": ""}
    response = client.post(url, admin_form_data(rejected))
    assert response.status_code == 200  # the form again, not a redirect
    assert not ConsultationPage.objects.filter(slug="konsultacje-testowe").exists()
    html = BeautifulSoup(response.content.decode(), "html.parser")
    field = html.find(attrs={"name": "postulates-0-reason"})
    # the error is shown at the reason field itself, in the editor's language
    errors = field.find_parent(attrs={"data-field": True}).find(attrs={"data-field-errors": True})
    with translation.override("pl"):
        expected = str(ConsultationPostulate.REASON_REQUIRED)
    assert text(errors) == expected
    assert (
        html.find(attrs={"name": "postulates-0-status"}).find("option", selected=True)["value"]
        == "rejected"
    )

    rejected["reason"] = "Wykracza poza zadania gminy."
    response = client.post(url, admin_form_data(rejected))
    assert response.status_code == 302
    page = ConsultationPage.objects.get(slug="konsultacje-testowe")
    saved = page.get_latest_revision_as_object().postulates.all()[0]
    assert saved.status == "rejected" and saved.reason == "Wykracza poza zadania gminy."


# --- the index -----------------------------------------------------------------------------


def test_index_lists_latest_meetings_first(consultations, consultation, site, client):
    older = ConsultationPageFactory(parent=consultations.pl, title="Konsultacje 2018")
    ConsultationMeetingFactory(page=older, date=datetime.date(2018, 5, 10), place="Kielce")
    ConsultationPageFactory(parent=consultations.pl, title="Szkic", live=False, publish=False)
    private = ConsultationPageFactory(parent=consultations.pl, title="Prywatne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate(older, site.locales.en, title="Consultations 2018", slug="c-2018")

    html = soup(client.get(consultations.pl.url))
    cards = html.select(".card-list > li")
    assert [text(card.find(class_="card__title")) for card in cards] == [
        "Konsultacje modelu 2019",
        "Konsultacje 2018",
    ]
    assert text(cards[0].find(class_="card__meta")) == "25 stycznia – 6 lutego 2019"
    assert text(cards[1].find(class_="card__meta")) == "10 maja 2018"
    english = soup(client.get(consultations.en.url))
    assert [text(h) for h in english.select(".card__title")] == ["Consultations 2018"]
