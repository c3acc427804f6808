"""The coordinator's part of the admin: the courses with completion figures, a course's
participant list (filters, sort orders, pages, a fixed number of queries), a learner's
progress, enrolment one by one and as a whole cohort, and the cohorts themselves."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Territory
from portal import roles
from school.coordinator import format_duration, median_duration
from school.models import Certificate, Cohort, Enrolment, EnrolmentStatus, LessonProgress
from tests.factories import UserFactory
from tests.factories.school import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.utils import soup, text

PARTICIPANTS = "/admin/school/courses/{}/"


def in_role(user, role):
    user.groups.add(Group.objects.get(name=role))
    return user


def coordinator_user(**kwargs):
    return in_role(UserFactory(**kwargs), roles.COORDINATOR)


def progress(enrolment, lessons, done):
    now = timezone.now()
    for lesson in lessons[:done]:
        LessonProgress.objects.create(
            enrolment=enrolment, lesson=lesson, read_at=now, completed_at=now
        )


def complete(enrolment, days):
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_at = enrolment.enrolled_at + datetime.timedelta(days=days)
    enrolment.save()


def build_world(site):
    """Coordinator A with cohort A (Ala, Bartek, Celina), coordinator B with cohort B
    (Dorota): four learners at different stages of one course of four lessons. Used by the
    other coordinator test files too."""
    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Zasady i formy współpracy")
    module = ModulePageFactory(parent=course, title="Moduł 1")
    lessons = [LessonPageFactory(parent=module, title=f"Lekcja {n}") for n in range(1, 5)]
    oksa = Territory.objects.get(level="gmina", name="Oksa")
    people = {
        "ala": UserFactory(first_name="Ala", last_name="Adamska", gmina=oksa),
        "bartek": UserFactory(
            first_name="Bartek", last_name="Bielski", institution_name="GOPS w Bielinach"
        ),
        "celina": UserFactory(first_name="Celina", last_name="Cicha"),
        "dorota": UserFactory(first_name="Dorota", last_name="Dudek"),
    }
    coordinator_a = coordinator_user(first_name="Konrad", last_name="A")
    coordinator_b = coordinator_user(first_name="Karol", last_name="B")
    cohort_a = CohortFactory(
        name="PZK Oksa",
        coordinators=[coordinator_a],
        members=[people["ala"], people["bartek"], people["celina"]],
    )
    cohort_b = CohortFactory(
        name="PZK Mirzec", coordinators=[coordinator_b], members=[people["dorota"]]
    )
    start = timezone.now() - datetime.timedelta(days=30)
    enrolments = {}
    for offset, (key, person) in enumerate(people.items()):
        enrolments[key] = EnrolmentFactory(
            user=person, course=course, enrolled_at=start + datetime.timedelta(days=offset)
        )
    progress(enrolments["ala"], lessons, 4)
    complete(enrolments["ala"], days=10)
    Certificate.objects.create(
        enrolment=enrolments["ala"],
        code="KOOP-AAAA-2222",
        learner_name="Ala Adamska",
        course_title=course.title,
        hours=8,
        issuer=course.issuer,
    )
    progress(enrolments["bartek"], lessons, 1)
    progress(enrolments["dorota"], lessons, 4)
    complete(enrolments["dorota"], days=2)
    Certificate.objects.create(
        enrolment=enrolments["dorota"],
        code="KOOP-DDDD-3333",
        learner_name="Dorota Dudek",
        course_title=course.title,
        hours=8,
        issuer=course.issuer,
    )
    return {
        "index": index,
        "course": course,
        "lessons": lessons,
        "people": people,
        "enrolments": enrolments,
        "a": coordinator_a,
        "b": coordinator_b,
        "cohort_a": cohort_a,
        "cohort_b": cohort_b,
    }


@pytest.fixture
def world(site):
    return build_world(site)


def admin_status(client, url, method="get", data=None):
    """The status a user meets. A 404 outside the language prefixes is redirected once by
    Django's LocaleMiddleware to /pl/... (which then 404s too): that hop is followed."""
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and response["Location"] == f"/pl{url}":
        response = client.get(response["Location"])
    return response.status_code


def names_in(response):
    page = soup(response)
    return [text(th) for th in page.select("table.listing tbody th[scope=row]")]


# Participant list ------------------------------------------------------------------------


def test_coordinator_sees_only_the_learners_of_their_cohorts(client, world):
    client.force_login(world["a"])
    response = client.get(PARTICIPANTS.format(world["course"].pk))
    assert names_in(response) == ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]
    client.force_login(world["b"])
    assert names_in(client.get(PARTICIPANTS.format(world["course"].pk))) == ["Dorota Dudek"]


def test_superuser_sees_every_learner(client, world, admin_user):
    client.force_login(admin_user)
    response = client.get(PARTICIPANTS.format(world["course"].pk))
    assert len(names_in(response)) == 4


def test_participant_row_shows_institution_gmina_cohort_progress_and_certificate(client, world):
    client.force_login(world["a"])
    page = soup(client.get(PARTICIPANTS.format(world["course"].pk)))
    rows = {text(tr.th): [text(td) for td in tr.select("td")] for tr in page.select("tbody tr")}
    ala = rows["Ala Adamska"]
    assert ala[1] == "Oksa"
    assert ala[2] == "PZK Oksa"
    assert ala[4].startswith("100%") and "ukończony" in ala[4]
    assert ala[5] == "4 / 4"
    assert ala[7] == "KOOP-AAAA-2222"
    bartek = rows["Bartek Bielski"]
    assert bartek[0] == "GOPS w Bielinach"
    assert bartek[4].startswith("25%") and "w trakcie" in bartek[4]
    assert bartek[5] == "1 / 4"
    assert bartek[6] == "–" and bartek[7] == "–"
    assert "nierozpoczęty" in rows["Celina Cicha"][4]


FILTER_CASES = [
    ({"status": "completed"}, ["Ala Adamska"]),
    ({"status": "in_progress"}, ["Bartek Bielski"]),
    ({"status": "not_started"}, ["Celina Cicha"]),
    ({"q": "oksa"}, ["Ala Adamska"]),
    ({"q": "gops bielin"}, ["Bartek Bielski"]),
    ({"q": "cicha"}, ["Celina Cicha"]),
    ({"q": "dudek"}, []),  # coordinator B's learner: never found by A
    ({"sort": "-name"}, ["Celina Cicha", "Bartek Bielski", "Ala Adamska"]),
    ({"sort": "-progress"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
    ({"sort": "-enrolled"}, ["Celina Cicha", "Bartek Bielski", "Ala Adamska"]),
    ({"sort": "nonsense"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
    # Learners without an institution, gmina or completion come last both ways.
    ({"sort": "institution"}, ["Bartek Bielski", "Ala Adamska", "Celina Cicha"]),
    ({"sort": "-gmina"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
    ({"sort": "completed"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
    ({"sort": "-completed"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
]


def test_filters_and_sort_orders(client, world):
    """One set of data, a table of query strings and the names they must list, in order."""
    client.force_login(world["a"])
    url = PARTICIPANTS.format(world["course"].pk)
    for query, expected in FILTER_CASES:
        assert names_in(client.get(url, query)) == expected, query


def test_cohort_filter_offers_only_own_cohorts_and_ignores_others(client, world):
    other_cohort = CohortFactory(name="Inna grupa A", coordinators=[world["a"]], members=[])
    client.force_login(world["a"])
    url = PARTICIPANTS.format(world["course"].pk)
    page = soup(client.get(url))
    options = [text(option) for option in page.select("select[name=cohort] option")]
    assert "PZK Mirzec" not in options and "PZK Oksa" in options
    assert names_in(client.get(url, {"cohort": other_cohort.pk})) == []
    # Someone else's cohort in the query string does not open it: the filter is refused.
    page = soup(client.get(url, {"cohort": world["cohort_b"].pk}))
    assert "Dorota Dudek" not in page.get_text()


def test_completion_figures_on_the_list(client, world):
    client.force_login(world["a"])
    page = soup(client.get(PARTICIPANTS.format(world["course"].pk)))
    figures = dict(
        zip(
            [text(dt) for dt in page.select("dl.school-figures dt")],
            [text(dd) for dd in page.select("dl.school-figures dd")],
            strict=True,
        )
    )
    assert figures["Zapisani"] == "3"
    assert figures["Ukończyli kurs"] == "1"
    assert figures["Odsetek ukończeń"] == "33,3%"
    assert figures["Mediana czasu ukończenia"] == "10 dni"


def test_list_is_paginated(client, world, settings):
    course = world["course"]
    for n in range(55):
        learner = UserFactory(first_name="Osoba", last_name=f"Z{n:02d}")
        world["cohort_a"].members.add(learner)
        EnrolmentFactory(user=learner, course=course)
    client.force_login(world["a"])
    first = client.get(PARTICIPANTS.format(course.pk))
    assert len(names_in(first)) == 50
    second = client.get(PARTICIPANTS.format(course.pk), {"p": 2})
    assert len(names_in(second)) == 8
    assert "58" in text(soup(second).select_one("table.listing caption"))


def add_learners(world, count):
    course = world["course"]
    lessons = world["lessons"]
    for n in range(count):
        learner = UserFactory(
            last_name=f"Uczestnik {n}",
            institution_name=f"OPS {n}",
            gmina=world["people"]["ala"].gmina,
        )
        world["cohort_a"].members.add(learner)
        enrolment = EnrolmentFactory(user=learner, course=course)
        progress(enrolment, lessons, n % 5)
        if n % 5 == 4:
            complete(enrolment, days=n)


def test_participant_list_and_exports_cost_the_same_queries_for_3_and_30_learners(
    client, world, django_assert_max_num_queries
):
    client.force_login(world["a"])
    urls = [
        PARTICIPANTS.format(world["course"].pk),
        PARTICIPANTS.format(world["course"].pk) + "export.csv",
        PARTICIPANTS.format(world["course"].pk) + "export.xlsx",
    ]
    counts = {}
    for url in urls:
        client.get(url)  # warm caches (site, menu) as a coordinator's second page would
        with CaptureQueriesContext(connection) as small:
            assert client.get(url).status_code == 200
        counts[url] = len(small.captured_queries)
    add_learners(world, 27)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            response = client.get(url)
        assert response.status_code == 200
    assert counts[urls[0]] <= 25, counts  # the admin's own menu and permissions included


def test_course_summary_lists_courses_with_figures(client, world):
    index = world["course"].get_parent()
    CoursePageFactory(parent=index, title="Praca z rodziną")
    client.force_login(world["b"])
    page = soup(client.get("/admin/school/"))
    rows = {text(tr.th): [text(td) for td in tr.select("td")] for tr in page.select("tbody tr")}
    assert rows["Zasady i formy współpracy"] == ["1", "1", "100%", "2 dni"]
    assert rows["Praca z rodziną"] == ["0", "0", "–", "–"]


def test_median_and_duration_wording():
    day = datetime.timedelta(days=1)
    start = timezone.now()
    assert median_duration([]) is None
    assert median_duration([(start, start + day), (start, start + 3 * day)]) == 2 * day
    assert (
        median_duration([(start, start + day), (start, start + 5 * day), (start, start + 2 * day)])
        == 2 * day
    )
    from django.utils import translation

    with translation.override("pl"):
        assert format_duration(None) == "–"
        assert format_duration(datetime.timedelta(hours=5)) == "5 godzin"
        assert format_duration(datetime.timedelta(hours=26)) == "26 godzin"
        assert format_duration(datetime.timedelta(hours=2)) == "2 godziny"
        assert format_duration(2 * day) == "2 dni"
        assert format_duration(22 * day) == "22 dni"


# A learner's progress ----------------------------------------------------------------------


def test_learner_detail_shows_lessons_and_certificate(client, world):
    client.force_login(world["a"])
    enrolment = world["enrolments"]["ala"]
    page = soup(client.get(f"/admin/school/enrolments/{enrolment.pk}/"))
    body = text(page)
    assert "Ala Adamska" in body
    assert "KOOP-AAAA-2222" in body
    assert len(page.select("section[aria-labelledby=lessons-heading] tbody tr")) == 4
    links = [a["href"] for a in page.select("a")]
    assert f"/admin/school/certificates/{enrolment.certificate.pk}/revoke/?next=" in " ".join(links)


def test_learner_detail_of_another_cohort_is_not_found(client, world):
    client.force_login(world["a"])
    dorota = world["enrolments"]["dorota"]
    assert admin_status(client, f"/admin/school/enrolments/{dorota.pk}/") == 404


# Enrolment one by one and as a cohort ------------------------------------------------------


def test_enrol_one_learner_by_email(client, world):
    newcomer = UserFactory(first_name="Ewa", last_name="Nowak", email="Ewa.Nowak@Example.org")
    client.force_login(world["a"])
    response = client.post(
        "/admin/school/enrol/",
        {
            "email": "ewa.nowak@example.org",
            "course": world["course"].pk,
            "cohort": world["cohort_a"].pk,
        },
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=newcomer)
    assert enrolment.source == "coordinator"
    assert enrolment.enrolled_by == world["a"]
    assert enrolment.cohort == world["cohort_a"]
    # The enrolment's cohort makes the learner appear on the coordinator's list.
    assert "Ewa Nowak" in names_in(client.get(PARTICIPANTS.format(world["course"].pk)))


ENROL_ONE_BAD_INPUT = [
    ({"email": "nikt@example.org"}, "email", "Żadne aktywne konto nie ma tego adresu"),
    ({"email": "to nie adres"}, "email", "Podaj poprawny adres e-mail."),
    ({"email": ""}, "email", "To pole jest wymagane."),
    ({"cohort": ""}, "cohort", "To pole jest wymagane."),
    ({"course": "999999"}, "course", "Wybierz poprawną wartość."),
]


def test_enrol_one_bad_input(client, world):
    client.force_login(world["a"])
    celina = world["people"]["celina"]
    for data, field, message in ENROL_ONE_BAD_INPUT:
        payload = {
            "email": celina.email,
            "course": world["course"].pk,
            "cohort": world["cohort_a"].pk,
            **data,
        }
        response = client.post("/admin/school/enrol/", payload)
        assert response.status_code == 200
        page = soup_any(response)
        error = page.select_one(f"#id_{field}").find_parent(class_="w-field__wrapper")
        assert message in text(error), data
        # The error is tied to its field, and what was typed is kept.
        assert page.select_one(f"#id_{field}")["aria-invalid"] == "true", data
        assert page.select_one("#id_email").get("value", "") == payload["email"], data
    assert Enrolment.objects.filter(user=celina).count() == 1


def soup_any(response):
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser")


def test_enrol_one_refused_by_the_rules_says_why(client, world):
    client.force_login(world["a"])
    response = client.post(
        "/admin/school/enrol/",
        {
            "email": world["people"]["ala"].email,
            "course": world["course"].pk,
            "cohort": world["cohort_a"].pk,
        },
    )
    assert response.status_code == 200
    assert "jest już zapisana" in text(soup_any(response)) or "jest już zapisany" in text(
        soup_any(response)
    )


def test_enrol_a_whole_cohort_lists_who_could_not_be_enrolled(client, world):
    course = world["course"]
    course.capacity = 5  # four taken: one place left
    course.save_revision().publish()
    newcomers = [
        UserFactory(first_name="Fryderyk", last_name="Fik"),
        UserFactory(first_name="Genowefa", last_name="Gil"),
    ]
    world["cohort_a"].members.add(*newcomers)
    client.force_login(world["a"])
    response = client.post(
        "/admin/school/enrol/cohort/", {"cohort": world["cohort_a"].pk, "course": course.pk}
    )
    assert response.status_code == 200
    page = soup(response)
    refused = {text(tr.th): text(tr.td) for tr in page.select("section#report tbody tr")}
    assert Enrolment.objects.filter(user=newcomers[0], course=course).exists()
    assert not Enrolment.objects.filter(user=newcomers[1], course=course).exists()
    assert "Brak wolnych miejsc" in refused["Genowefa Gil"]
    assert "zapisana" in refused["Ala Adamska"] or "Już zapisan" in refused["Ala Adamska"]
    assert set(refused) == {"Ala Adamska", "Bartek Bielski", "Celina Cicha", "Genowefa Gil"}


def test_enrol_cohort_of_another_coordinator_is_refused(client, world):
    client.force_login(world["a"])
    response = client.post(
        "/admin/school/enrol/cohort/",
        {"cohort": world["cohort_b"].pk, "course": world["course"].pk},
    )
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in text(soup(response))
    assert Enrolment.objects.filter(course=world["course"]).count() == 4


# Cohorts ---------------------------------------------------------------------------------


def test_coordinator_creates_a_cohort_and_coordinates_it(client, world):
    ewa = UserFactory(email="ewa@example.org", first_name="Ewa", last_name="Ewa")
    client.force_login(world["a"])
    response = client.post(
        "/admin/school/cohorts/new/",
        {
            "name": "PZK Bieliny",
            "description": "Zespół z Bielin",
            "cooperation_team": "",
            "add_members": "EWA@example.org\n" + world["people"]["celina"].email,
            "add_coordinators": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    cohort = Cohort.objects.get(name="PZK Bieliny")
    assert set(cohort.members.all()) == {ewa, world["people"]["celina"]}
    assert list(cohort.coordinators.all()) == [world["a"]]


def test_cohort_members_removed_by_unticking_and_unknown_addresses_reported(client, world):
    cohort = world["cohort_a"]
    client.force_login(world["a"])
    url = f"/admin/school/cohorts/edit/{cohort.pk}/"
    keep = [world["people"]["ala"].pk, world["people"]["bartek"].pk]
    response = client.post(
        url,
        {
            "name": cohort.name,
            "description": cohort.description,
            "current_members": keep,
            "add_members": "nieznany@example.org; zle",
            "current_coordinators": [world["a"].pk],
        },
    )
    assert response.status_code == 200
    page = soup(response)
    error = text(page.select_one("#id_add_members").find_parent(class_="w-field__wrapper"))
    assert "nieznany@example.org" in error and "zle" in error
    assert page.select_one("#id_add_members").get_text().strip() == "nieznany@example.org; zle"
    response = client.post(
        url,
        {
            "name": cohort.name,
            "description": cohort.description,
            "current_members": keep,
            "current_coordinators": [world["a"].pk],
        },
    )
    assert response.status_code == 302
    assert set(cohort.members.values_list("pk", flat=True)) == set(keep)


COHORT_BAD_INPUT = [
    ({"current_coordinators": []}, "current_coordinators", "Nie możesz usunąć siebie"),
    ({"add_coordinators": "LEARNER"}, "add_coordinators", "nie mają roli koordynatora"),
    ({"name": ""}, "name", "To pole jest wymagane."),
]


def test_cohort_form_bad_input(client, world):
    cohort = world["cohort_a"]
    client.force_login(world["a"])
    for change, field, message in COHORT_BAD_INPUT:
        data = {
            "name": cohort.name,
            "description": cohort.description,
            "current_members": list(cohort.members.values_list("pk", flat=True)),
            "current_coordinators": [world["a"].pk],
            **change,
        }
        if data.get("add_coordinators") == "LEARNER":
            data["add_coordinators"] = world["people"]["ala"].email
        response = client.post(f"/admin/school/cohorts/edit/{cohort.pk}/", data)
        assert response.status_code == 200, change
        field_node = soup(response).find(id=f"id_{field}")
        assert message in text(field_node.find_parent(class_="w-field__wrapper")), change
    assert list(cohort.coordinators.all()) == [world["a"]]
    assert cohort.members.count() == 3


def test_cohort_index_lists_only_own_cohorts(client, world):
    client.force_login(world["a"])
    page = soup(client.get("/admin/school/cohorts/"))
    body = text(page.select_one("table"))
    assert "PZK Oksa" in body and "PZK Mirzec" not in body
