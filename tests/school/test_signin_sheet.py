"""The sign-in sheet of a day: parsed back with pypdf."""

import datetime
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from catalog.models import Territory
from school.models import EventKind, Registration, RegistrationStatus
from school.signin_sheet import LATE_ROWS, signin_sheet
from tests.factories.records import PersonFactory, ProjectFactory, attend, event_with_days


def pdf_text(content):
    """The reader and each page's text with runs of white space as one space (the footer
    wraps where the width ends)."""
    reader = PdfReader(io.BytesIO(content))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def event(db):
    oksa = Territory.objects.get(code="2602052")
    project = ProjectFactory(
        name="Liderzy kooperacji",
        funding_programme="Program Operacyjny Wiedza Edukacja Rozwój 2014–2020",
    )
    event = event_with_days(
        [
            (datetime.date(2019, 5, 6), "09:00", "15:00"),
            (datetime.date(2019, 5, 7), "09:00", "13:30"),
        ],
        title="Szkoła kooperacji: komunikacja i negocjacje",
        kind=EventKind.TWO_DAY_WORKSHOP,
        project=project,
        gmina=oksa,
        address="ul. Włoszczowska 22, Oksa",
    )
    for first, last, institution in [
        ("Żaneta", "Łukasiewicz", "GOPS w Oksie"),
        ("Józef", "Ściegienny", "PCPR w Jędrzejowie"),
    ]:
        person = PersonFactory(first_name=first, last_name=last, institution_name=institution)
        Registration.objects.create(event=event, person=person)
    cancelled = PersonFactory(first_name="Cezary", last_name="Odwołany")
    Registration.objects.create(event=event, person=cancelled, status=RegistrationStatus.CANCELLED)
    return event


def test_sheet_has_the_day_the_place_the_people_and_empty_signatures(event):
    day = event.days.first()
    with translation.override("pl"):
        reader, pages = pdf_text(signin_sheet(day))
    text = "\n".join(pages)
    assert reader.metadata.title == (
        "Lista obecności: Szkoła kooperacji: komunikacja i negocjacje, 6 maja 2019"
    )
    for expected in [
        "Lista obecności",
        "Szkoła kooperacji: komunikacja i negocjacje",
        "warsztat dwudniowy",
        "6 maja 2019, 09:00–15:00 (dzień 1 z 2)",
        "ul. Włoszczowska 22, Oksa, gmina Oksa",
        "Liderzy kooperacji",
        "8 (godzina dydaktyczna to 45 minut)",
        "Żaneta Łukasiewicz",
        "GOPS w Oksie",
        "Józef Ściegienny",
        "PCPR w Jędrzejowie",
        "Podpis",
        "Strona 1 z 1",
    ]:
        assert expected in text, expected
    assert "Odwołany" not in text  # a cancelled registration is not on the list
    # Numbered rows: the two people, then the empty rows for late additions.
    for number in range(1, 2 + LATE_ROWS + 1):
        assert f"{number}." in text
    assert f"{2 + LATE_ROWS + 1}." not in text


def test_funding_note_only_with_a_funding_programme(event):
    day = event.days.first()
    with translation.override("pl"):
        _reader, pages = pdf_text(signin_sheet(day))
    assert "współfinansowany ze środków Unii Europejskiej" in pages[0]
    assert "Program Operacyjny Wiedza Edukacja Rozwój 2014–2020" in pages[0]
    event.project.funding_programme = ""
    event.project.save()
    with translation.override("pl"):
        _reader, pages = pdf_text(signin_sheet(event.days.first()))
    assert "Unii Europejskiej" not in pages[0]


def test_long_list_runs_over_pages_with_numbers_and_headings_on_each(event):
    for number in range(40):
        person = PersonFactory(first_name=f"Łucja{number:02d}", last_name="Bąk")
        Registration.objects.create(event=event, person=person)
    with translation.override("pl"):
        _reader, pages = pdf_text(signin_sheet(event.days.first()))
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert f"Strona {number} z {len(pages)}" in text
        assert "Imię i nazwisko" in text and "Podpis" in text  # the heading row repeats
        assert "współfinansowany" in text  # the funding note is on every page
    everything = "\n".join(pages)
    assert all(f"Łucja{number:02d} Bąk" in everything for number in range(40))
    assert f"{42 + LATE_ROWS}." in everything  # 42 people, then the empty rows


def test_people_present_without_registration_are_listed(event):
    imported = PersonFactory(first_name="Irena", last_name="Importowana")
    attend(imported, event.days.last())
    with translation.override("pl"):
        _reader, pages = pdf_text(signin_sheet(event.days.first()))
    assert "Irena Importowana" in pages[0]


def test_sheet_in_english(event):
    day = event.days.last()
    with translation.override("en"):
        reader, pages = pdf_text(signin_sheet(day))
    assert reader.metadata.title.startswith("Sign-in sheet: ")
    assert "two-day workshop" in pages[0]
    assert "(day 2 of 2)" in pages[0]
    assert "6 (a teaching hour is 45 minutes)" in pages[0]
    assert "Page 1 of 1" in pages[0]


def test_partial_teaching_hours_use_a_decimal_comma_in_polish(db):
    event = event_with_days([(datetime.date(2019, 6, 3), "10:00", "14:00", "4.5")])
    with translation.override("pl"):
        _reader, pages = pdf_text(signin_sheet(event.days.first()))
    assert "4,5 (godzina dydaktyczna to 45 minut)" in pages[0]
    assert "Strona 1 z 1" in pages[0]


def test_trainer_downloads_the_sheet_of_their_event(client, event):
    from tests.factories.trainings import trainer_of

    user, trainer = trainer_of(event, first_name="Tomasz", last_name="Świątek")
    client.force_login(user)
    day = event.days.last()
    response = client.get(f"/admin/school/events/{event.pk}/days/{day.pk}/sign-in-sheet.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="lista-obecnosci-szkola-kooperacji-komunikacja-i-negocjacje-'
        '2019-05-07.pdf"'
    )
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    _reader, pages = pdf_text(response.content)
    assert "7 maja 2019, 09:00–13:30 (dzień 2 z 2)" in pages[0]
    assert "Trenerzy Tomasz Świątek" in pages[0]
    assert "Żaneta Łukasiewicz" in pages[0]
    # A day of another event under this event's address is not found.
    other = event_with_days([(datetime.date(2019, 6, 3), "09:00", "12:00")])
    url = f"/admin/school/events/{event.pk}/days/{other.days.first().pk}/sign-in-sheet.pdf"
    assert client.get(url).status_code == 404
