"""Certificates: issued at once on completion, a PDF that says what it should (read back with
pypdf), a QR code and a public page that confirm or deny it, name corrections and
revocations on record, a ZIP for coordinators, and who may download what."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import resolve_url
from django.utils import timezone, translation
from pypdf import PdfReader

from portal import roles
from school import certificates
from school.certificates import (
    CODE_PATTERN,
    CertificateError,
    course_zip,
    hours_phrase,
    issue_certificate,
    normalise_code,
    qr_drawing,
    reissue,
    render_pdf,
    revoke,
    verification_path,
    verification_url,
)
from school.models import Certificate, CertificateEvent
from school.services import mark_read
from tests.factories import UserFactory
from tests.factories.school import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.utils import text

BASE_URL = "https://kooperacja.example.org"
ISSUER = "Regionalny Ośrodek Polityki Społecznej w Kielcach"


@pytest.fixture
def school(site):
    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(
        parent=index,
        title="Efektywna praca z rodziną",
        hours=Decimal("16.0"),
        issuer=ISSUER,
    )
    module = ModulePageFactory(parent=course, title="Rodzina jako system")
    lesson = LessonPageFactory(parent=module, title="Ujęcie systemowe rodziny")
    return index, course, lesson


def complete(course, lesson, user=None, cohort=None):
    """A learner who read the course's one lesson: the course is complete."""
    user = user or UserFactory(first_name="Łucja", last_name="Żółkiewska-Gęś")
    enrolment = EnrolmentFactory(user=user, course=course, cohort=cohort)
    mark_read(enrolment, lesson)
    enrolment.refresh_from_db()
    return enrolment


@pytest.fixture
def certificate(school):
    _index, course, lesson = school
    return complete(course, lesson).certificate


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


# Issuing ---------------------------------------------------------------------------------


def test_completing_the_course_issues_the_certificate_at_once(school):
    _index, course, lesson = school
    enrolment = complete(course, lesson)

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert CODE_PATTERN.match(certificate.code)
    assert certificate.learner_name == "Łucja Żółkiewska-Gęś"
    assert certificate.course_title == "Efektywna praca z rodziną"
    assert certificate.hours == Decimal("16.0")
    assert certificate.issuer == ISSUER
    assert certificate.issued_on == timezone.localdate(enrolment.completed_at)
    assert list(certificate.events.values_list("kind", flat=True)) == ["issued"]


def test_issuing_again_returns_the_same_certificate(certificate):
    again = issue_certificate(certificate.enrolment)
    assert again.pk == certificate.pk and again.code == certificate.code
    assert Certificate.objects.count() == 1
    assert CertificateEvent.objects.filter(kind="issued").count() == 1


def test_the_certificate_keeps_what_it_said_when_issued(certificate, school):
    _index, course, _lesson = school
    course.title = "Nowy tytuł kursu"
    course.hours = Decimal("4.0")
    course.save_revision().publish()
    user = certificate.enrolment.user
    user.last_name = "Inna"
    user.save()

    certificate.refresh_from_db()
    assert certificate.course_title == "Efektywna praca z rodziną"
    assert certificate.hours == Decimal("16.0")
    assert certificate.learner_name == "Łucja Żółkiewska-Gęś"


def test_codes_differ_and_use_no_ambiguous_characters(school):
    _index, course, lesson = school
    codes = {complete(course, lesson).certificate.code for _ in range(12)}
    assert len(codes) == 12
    for code in codes:
        assert not set(code[5:]) & set("01ILO")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("KOOP-7Q4M-9XTR", "KOOP-7Q4M-9XTR"),
        ("koop-7q4m-9xtr", "KOOP-7Q4M-9XTR"),
        (" KOOP 7Q4M 9XTR ", "KOOP-7Q4M-9XTR"),
        ("KOOP7Q4M9XTR", "KOOP-7Q4M-9XTR"),
        ("KOOP-7Q4M-9XT", None),  # too short
        ("KOOP-7Q4M-9XTRA", None),  # too long
        ("KOOP-7Q4M-0XTR", None),  # 0 is never used
        ("ABCD-7Q4M-9XTR", None),  # not our prefix
        ("", None),
        ("<script>", None),
    ],
)
def test_typed_codes_are_normalised_or_refused(typed, expected):
    assert normalise_code(typed) == expected


# The PDF ---------------------------------------------------------------------------------


def test_the_pdf_says_who_completed_what_when_and_how_to_check_it(certificate):
    certificate.issued_on = date(2025, 3, 12)
    certificate.save()

    data = render_pdf(certificate, BASE_URL)
    reader, content = pdf_text(data)

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    assert "ZAŚWIADCZENIE" in content
    assert "Certyfikat ukończenia" in content
    assert "Łucja Żółkiewska-Gęś" in content
    assert "„Efektywna praca z rodziną”" in content
    assert "w wymiarze 16 godzin dydaktycznych" in content
    assert "Data wydania: 12 marca 2025" in content
    assert f"Wystawca: {ISSUER}" in content
    assert f"Kod weryfikacyjny: {certificate.code}" in content
    assert f"{BASE_URL}/pl/e-szkola/certyfikat/{certificate.code}/" in content
    assert "UNIEWAŻNIONY" not in content
    assert reader.metadata.title == "Certyfikat ukończenia: Efektywna praca z rodziną"
    assert reader.metadata.author == ISSUER


def test_the_pdf_carries_the_eu_funding_note_of_the_site(certificate, site):
    from portal.models import SiteSettings

    settings_ = SiteSettings.for_site(site.site)
    settings_.funding_note = "Projekt współfinansowany ze środków Unii Europejskiej."
    settings_.save()
    _reader, content = pdf_text(render_pdf(certificate, BASE_URL))
    assert "Projekt współfinansowany ze środków Unii Europejskiej." in content


@pytest.mark.parametrize(
    "hours, polish, english",
    [
        ("1", "w wymiarze 1 godziny dydaktycznej", "for 1 teaching hour"),
        ("2", "w wymiarze 2 godzin dydaktycznych", "for 2 teaching hours"),
        ("5", "w wymiarze 5 godzin dydaktycznych", "for 5 teaching hours"),
        ("16.0", "w wymiarze 16 godzin dydaktycznych", "for 16 teaching hours"),
        ("22", "w wymiarze 22 godzin dydaktycznych", "for 22 teaching hours"),
        ("12.5", "w wymiarze 12,5 godziny dydaktycznej", "for 12.5 teaching hours"),
    ],
)
def test_hours_are_said_in_correct_polish(hours, polish, english):
    with translation.override("pl"):
        assert hours_phrase(Decimal(hours)) == polish
    with translation.override("en"):
        assert hours_phrase(Decimal(hours)) == english


def test_the_qr_code_points_to_the_public_verification_page(certificate, client, monkeypatch):
    expected = f"{BASE_URL}/pl/e-szkola/certyfikat/{certificate.code}/"
    assert verification_url(certificate, BASE_URL + "/") == expected
    assert verification_path(certificate) == f"/pl/e-szkola/certyfikat/{certificate.code}/"
    assert qr_drawing(expected, 90).contents[0].value == expected

    # The renderer encodes that address (the real QR widget, observed on its way in).
    encoded = []
    real = certificates.qr_drawing

    def observed(url, size):
        encoded.append(url)
        return real(url, size)

    monkeypatch.setattr(certificates, "qr_drawing", observed)
    render_pdf(certificate, BASE_URL)
    assert encoded == [expected]

    # ... and the address answers.
    response = client.get(verification_path(certificate))
    assert response.status_code == 200
    assert "Łucja Żółkiewska-Gęś" in response.content.decode()


# The verification page -------------------------------------------------------------------


def facts(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    terms = [text(node) for node in page.select("dl.facts dt")]
    values = [text(node) for node in page.select("dl.facts dd")]
    return page, dict(zip(terms, values, strict=True))


def test_a_valid_certificate_is_confirmed_with_what_it_shows_and_no_more(certificate, client):
    user = certificate.enrolment.user
    response = client.get(verification_path(certificate))

    assert response.status_code == 200
    page, shown = facts(response)
    assert shown == {
        "Kod weryfikacyjny": certificate.code,
        "Uczestnik": "Łucja Żółkiewska-Gęś",
        "Kurs": "Efektywna praca z rodziną",
        "Liczba godzin dydaktycznych": "16",
        "Data wydania": shown["Data wydania"],
        "Wystawca": ISSUER,
    }
    assert "Ważny" in text(page.find("main"))
    body = response.content.decode()
    assert user.email not in body and user.username not in body
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"]


def test_a_revocation_shows_at_once_without_the_reason(certificate, client):
    assert client.get(verification_path(certificate)).status_code == 200
    revoke(certificate, "Zaświadczenie wydane omyłkowo: dwa zapisy tej samej osoby.", by=None)

    response = client.get(verification_path(certificate))
    assert response.status_code == 200
    page, shown = facts(response)
    main = text(page.find("main"))
    assert "Unieważniony" in main and "Ważny" not in main
    assert "omyłkowo" not in response.content.decode()
    assert shown["Uczestnik"] == "Łucja Żółkiewska-Gęś"


def test_an_unknown_code_gets_a_clear_not_found_page(certificate, client):
    # A well-formed code never issued, one with characters codes never use, and junk.
    for code in ["KOOP-2345-6789", "koop-zzzz-zzz0", "nie-ma-takiego"]:
        response = client.get(f"/pl/e-szkola/certyfikat/{code}/")
        assert response.status_code == 404, code
        page = BeautifulSoup(response.content.decode(), "html.parser")
        main = text(page.find("main"))
        assert "Nie znaleziono" in main
        assert code in main
        assert not page.select("dl.facts")
        assert certificate.learner_name not in main
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_code_typed_in_lower_case_leads_to_the_certificate(certificate, client):
    response = client.get(f"/pl/e-szkola/certyfikat/{certificate.code.lower()}/")
    assert response.status_code == 302
    assert response["Location"] == verification_path(certificate)


def test_the_english_page_confirms_the_same_certificate(certificate, site, client):
    from tests.conftest import translate

    index = certificate.enrolment.course.get_parent()
    translate(index, site.locales.en, title="e-School of Cooperation", slug="e-school")
    path = verification_path(certificate, "en")
    assert path == f"/en/e-school/certificate/{certificate.code}/"
    response = client.get(path)
    assert response.status_code == 200
    _page, shown = facts(response)
    assert shown["Learner"] == "Łucja Żółkiewska-Gęś"


# Name correction and revocation ------------------------------------------------------------


def test_a_name_correction_is_logged_and_printed_under_the_same_code(certificate):
    coordinator = UserFactory(username="koordynatorka")
    code = certificate.code
    reissue(certificate, "  Łucja   Żółkiewska-Gąska ", by=coordinator)

    certificate.refresh_from_db()
    assert certificate.code == code
    assert certificate.learner_name == "Łucja Żółkiewska-Gąska"
    event = certificate.events.get(kind="reissued")
    assert event.by == coordinator
    assert event.note == "Łucja Żółkiewska-Gęś → Łucja Żółkiewska-Gąska"

    _reader, content = pdf_text(render_pdf(certificate, BASE_URL))
    assert "Łucja Żółkiewska-Gąska" in content
    assert "Żółkiewska-Gęś" not in content
    assert code in content


@pytest.mark.parametrize(
    "new_name, message",
    [
        ("", "Wpisz imię i nazwisko"),
        ("   ", "Wpisz imię i nazwisko"),
        ("Łucja Żółkiewska-Gęś", "już widnieje"),
    ],
)
def test_a_name_correction_that_changes_nothing_is_refused(certificate, new_name, message):
    with translation.override("pl"), pytest.raises(CertificateError, match=message):
        reissue(certificate, new_name, by=None)
    assert certificate.events.filter(kind="reissued").count() == 0


def test_revoking_is_logged_once_and_ends_corrections(certificate):
    with translation.override("pl"):
        with pytest.raises(CertificateError, match="Podaj powód"):
            revoke(certificate, "  ", by=None)
        revoke(certificate, "Uczestnik nie ukończył ćwiczeń.", by=None)
        with pytest.raises(CertificateError, match="już unieważniony"):
            revoke(certificate, "Jeszcze raz", by=None)
        with pytest.raises(CertificateError, match="nie można wydać ponownie"):
            reissue(certificate, "Inna Osoba", by=None)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_reason == "Uczestnik nie ukończył ćwiczeń."
    assert list(certificate.events.values_list("kind", flat=True)) == ["issued", "revoked"]


def test_a_revoked_certificate_is_stamped_if_ever_drawn(certificate):
    revoke(certificate, "Błąd w danych", by=None)
    _reader, content = pdf_text(render_pdf(certificate, BASE_URL))
    assert "UNIEWAŻNIONY" in content
    assert "Unieważniono" in content


# ZIP for coordinators -------------------------------------------------------------------


def test_the_zip_holds_one_pdf_per_valid_certificate_with_safe_names(school):
    _index, course, lesson = school
    names = ["Łucja Żółkiewska-Gęś", "Michał Łęcki", "Anna Nowak"]
    issued = []
    for name in names:
        first, last = name.split(" ", 1)
        user = UserFactory(first_name=first, last_name=last)
        issued.append(complete(course, lesson, user=user).certificate)
    revoke(issued[2], "Duplikat", by=None)

    archive = zipfile.ZipFile(io.BytesIO(course_zip(issued, BASE_URL)))
    files = sorted(archive.namelist())
    assert files == sorted(
        [
            f"zolkiewska-ges-lucja-{issued[0].code}.pdf",
            f"lecki-michal-{issued[1].code}.pdf",
        ]
    )
    for certificate in issued[:2]:
        member = next(name for name in files if certificate.code in name)
        _reader, content = pdf_text(archive.read(member))
        assert certificate.learner_name in content
        assert certificate.code in content


# Who may download -----------------------------------------------------------------------


def _in_group(user, role):
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def people(school):
    _index, course, lesson = school
    owner = _in_group(UserFactory(first_name="Łucja", last_name="Żółkiewska-Gęś"), roles.TRAINEE)
    coordinator = _in_group(UserFactory(), roles.COORDINATOR)
    other_coordinator = _in_group(UserFactory(), roles.COORDINATOR)
    cohort = CohortFactory(members=[owner], coordinators=[coordinator])
    CohortFactory(members=[UserFactory()], coordinators=[other_coordinator])
    enrolment = complete(course, lesson, user=owner, cohort=cohort)
    return {
        "certificate": enrolment.certificate,
        "owner": owner,
        "other trainee": _in_group(UserFactory(), roles.TRAINEE),
        "coordinator of the cohort": coordinator,
        "coordinator of another cohort": other_coordinator,
        "editor": _in_group(UserFactory(), roles.EDITOR),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
        "anonymous": None,
    }


DOWNLOAD = {
    "owner": 200,
    "coordinator of the cohort": 200,
    "superuser": 200,
    "other trainee": 403,
    "coordinator of another cohort": 403,
    "editor": 403,
    "anonymous": 302,
}


def test_who_may_download_the_pdf(people, client):
    """One table, built once: each role asks for the same certificate's PDF."""
    certificate = people["certificate"]
    url = verification_path(certificate) + "pdf/"
    with translation.override("pl"):
        login = resolve_url(settings.LOGIN_URL)
    seen = {}
    for who in DOWNLOAD:
        client.logout()
        if people[who] is not None:
            client.force_login(people[who])
        response = client.get(url)
        seen[who] = response.status_code
        if response.status_code == 200:
            assert response["Content-Type"] == "application/pdf"
            assert "no-store" in response["Cache-Control"]
            assert "private" in response["Cache-Control"]
            assert f"{certificate.code}.pdf" in response["Content-Disposition"]
            _reader, content = pdf_text(response.content)
            assert "Łucja Żółkiewska-Gęś" in content
            # The QR code and the printed address lead to this site.
            assert f"http://testserver/pl/e-szkola/certyfikat/{certificate.code}/" in content
        elif response.status_code == 302:
            assert response["Location"] == f"{login}?next={url}"
    assert seen == DOWNLOAD


def test_a_revoked_certificate_is_not_handed_out(people, client):
    certificate = people["certificate"]
    revoke(certificate, "Błąd w danych", by=None)
    client.force_login(people["owner"])

    response = client.get(verification_path(certificate) + "pdf/")

    assert response.status_code == 410
    assert response["Content-Type"].startswith("text/html")
    assert "nie można pobrać" in text(BeautifulSoup(response.content, "html.parser").main)
