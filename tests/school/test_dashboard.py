"""The "my learning" dashboard: courses with progress and a link to carry on, what to do
next, certificates with their download and verification links, hours; login required;
private; both languages."""

import datetime
import decimal

import pytest
from django.utils import translation

from portal.cache import CACHE_HEADER
from school import services
from school.models import EnrolmentStatus
from tests.conftest import translate
from tests.factories import UserFactory
from tests.factories.school import CourseIndexPageFactory, build_course
from tests.utils import html_lang, soup, text

DASHBOARD = "/pl/e-szkola/moje/"


@pytest.fixture
def learning(site):
    index = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    learner = UserFactory(first_name="Maria", last_name="Zając")
    done, _m, done_lessons = build_course(
        index, modules=(1,), title="Podstawy kooperacji", hours=decimal.Decimal("16"), publish=False
    )
    also_done, _m, also_lessons = build_course(
        index, modules=(1,), title="Genogram", hours=decimal.Decimal("8.5"), publish=False
    )
    going, _m, going_lessons = build_course(
        index, modules=(2, 2), quiz_in=(3,), title="Dialog motywujący", publish=False
    )
    untouched, _m, untouched_lessons = build_course(
        index, modules=(1,), title="Spotkania z rodziną", publish=False
    )
    other = build_course(index, modules=(1,), title="Kurs innej osoby", publish=False)[0]
    services.enrol(UserFactory(), other)
    for course, lessons in ((done, done_lessons), (also_done, also_lessons)):
        enrolment = services.enrol(learner, course)
        for lesson in lessons:
            services.mark_read(enrolment, lesson)
    going_enrolment = services.enrol(learner, going)
    services.mark_read(going_enrolment, going_lessons[0])
    services.mark_read(going_enrolment, going_lessons[1])
    services.enrol(learner, untouched)
    return {
        "index": index,
        "learner": learner,
        "going": going,
        "going_lessons": going_lessons,
        "untouched_lessons": untouched_lessons,
        "done": done,
    }


def test_dashboard_needs_login(learning, client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == "/pl/konto/logowanie/?next=/pl/e-szkola/moje/"


def test_dashboard_shows_my_courses_with_progress(learning, client):
    client.force_login(learning["learner"])
    response = client.get(DASHBOARD)
    page = soup(response)
    assert html_lang(response) == "pl"
    assert page.h1.get_text() == "Moja nauka"
    cards = {
        card.find("h3").get_text(strip=True): card
        for card in page.find("section", attrs={"aria-labelledby": "courses-heading"}).select(
            ".school-course-card"
        )
    }
    assert set(cards) == {
        "Podstawy kooperacji",
        "Genogram",
        "Dialog motywujący",
        "Spotkania z rodziną",
    }
    going = cards["Dialog motywujący"]
    assert going.find("progress")["value"] == "50"
    assert "ukończono 2 z 4 lekcji (50%)" in text(going)
    assert going.find("a", class_="button")["href"] == learning["going_lessons"][2].url
    assert "W trakcie" in text(going)
    finished = cards["Podstawy kooperacji"]
    assert "Ukończony" in text(finished)
    assert finished.find("a", class_="button") is None
    assert "Kurs innej osoby" not in text(page)


def test_dashboard_says_what_to_do_next(learning, client):
    client.force_login(learning["learner"])
    page = soup(client.get(DASHBOARD))
    steps = page.find("section", attrs={"aria-labelledby": "next-heading"}).find_all("li")
    links = [step.find("a")["href"] for step in steps]
    assert links == [learning["untouched_lessons"][0].url, learning["going_lessons"][2].url]
    assert "test" in text(steps[1])  # the next lesson has a quiz


def test_dashboard_lists_certificates_and_hours(learning, client):
    client.force_login(learning["learner"])
    page = soup(client.get(DASHBOARD))
    summary = text(page.find(class_="school-summary"))
    assert "Kursy w trakcie 2" in summary
    assert "Kursy ukończone 2" in summary
    assert "Moje godziny 24,5" in summary
    rows = page.find(id="certificates").find("tbody").find_all("tr")
    certificates = {row.th.get_text(): row for row in rows}
    assert set(certificates) == {"Podstawy kooperacji", "Genogram"}
    enrolment = learning["learner"].enrolments.get(course=learning["done"])
    code = enrolment.certificate.code
    row = certificates["Podstawy kooperacji"]
    assert code in text(row)
    hrefs = [a["href"] for a in row.find_all("a")]
    assert hrefs == [f"/pl/e-szkola/certyfikat/{code}/pdf/", f"/pl/e-szkola/certyfikat/{code}/"]


def test_revoked_certificate_is_marked_and_not_offered_for_download(learning, client):
    enrolment = learning["learner"].enrolments.get(course=learning["done"])
    certificate = enrolment.certificate
    from django.utils import timezone

    certificate.revoked_at = timezone.now()
    certificate.save()
    client.force_login(learning["learner"])
    page = soup(client.get(DASHBOARD))
    row = next(
        row
        for row in page.find(id="certificates").find_all("tr")
        if row.th and row.th.get_text() == "Podstawy kooperacji"
    )
    assert "Unieważniony" in text(row)
    assert [a["href"] for a in row.find_all("a")] == [
        f"/pl/e-szkola/certyfikat/{certificate.code}/"
    ]


def test_a_newcomer_is_pointed_to_the_courses(learning, client):
    client.force_login(UserFactory())
    page = soup(client.get(DASHBOARD))
    section = page.find("section", attrs={"aria-labelledby": "next-heading"})
    assert "Nie jesteś jeszcze zapisany(-a) na żaden kurs." in text(section)
    assert section.find("a")["href"] == learning["index"].url
    assert "Certyfikaty pojawią się tutaj" in text(page.find(id="certificates"))


def test_dashboard_lists_my_in_person_trainings_and_links_to_support(learning, client):
    from school.people import person_for_user
    from tests.factories.records import attend, event_with_days

    person = person_for_user(learning["learner"])
    workshop = event_with_days(
        [
            (datetime.date(2019, 5, 6), "09:00", "15:00"),
            (datetime.date(2019, 5, 7), "09:00", "15:00"),
        ],
        title="Warsztat kooperacji w Oksie",
    )
    attend(person, workshop.days.first())
    client.force_login(learning["learner"])
    page = soup(client.get(DASHBOARD))
    section = page.find(id="trainings")
    row = section.find("tbody").find("tr")
    assert text(row.th) == "Warsztat kooperacji w Oksie"
    assert row.th.a["href"] == f"/pl/e-szkola/szkolenia/{workshop.pk}/"
    assert [text(cell) for cell in row.find_all("td")][1:] == ["1", "8"]
    links = {text(a): a["href"] for a in section.find_all("a")}
    assert links["Zobacz szkolenia stacjonarne"] == "/pl/e-szkola/szkolenia/"
    assert links["Mój coaching i superwizja"] == "/pl/e-szkola/moje-wsparcie/"
    # A day recorded later shows at once (the page is kept in the personal cache).
    attend(person, workshop.days.last())
    row = soup(client.get(DASHBOARD)).find(id="trainings").find("tbody").find("tr")
    assert [text(cell) for cell in row.find_all("td")][1:] == ["2", "16"]


def test_withdrawn_courses_are_left_out(learning, client):
    enrolment = learning["learner"].enrolments.get(course=learning["going"])
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save()
    client.force_login(learning["learner"])
    assert "Dialog motywujący" not in text(soup(client.get(DASHBOARD)))


def test_dashboard_is_private_and_never_cached(learning, client):
    client.force_login(learning["learner"])
    response = client.get(DASHBOARD)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert CACHE_HEADER not in response
    assert soup(response).find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"


def test_dashboard_in_english(learning, client, site):
    english = site.locales.en
    index_en = translate(learning["index"], english, title="e-School", slug="e-school")
    going_en = translate(learning["going"], english, title="Motivational interviewing", slug="mi")
    assert index_en.url == "/en/e-school/"
    with translation.override("en"):
        url = index_en.url + index_en.reverse_subpage("dashboard").lstrip("/")
    assert url == "/en/e-school/my-learning/"
    client.force_login(learning["learner"])
    response = client.get(url)
    assert html_lang(response) == "en"
    page = soup(response)
    assert page.h1.get_text() == "My learning"
    titles = [h.get_text(strip=True) for h in page.select(".school-course-card h3")]
    # Translated courses in English, the others under their Polish titles.
    assert "Motivational interviewing" in titles
    assert "Genogram" in titles
    assert going_en.pk != learning["going"].pk
    assert "/en/e-school/certificate/" in str(page.find(id="certificates"))
