"""The e-School's page tree and what its pages show: the course list with its facts and
filters, a course with its outline, a lesson (outline public, body for enrolled learners)
in both languages, and which responses may be cached."""

import decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from portal.cache import CACHE_HEADER
from portal.models import HomePage, StandardPage
from school import services
from school.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from tests.conftest import translate
from tests.factories import UserFactory
from tests.factories.school import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    build_course,
)
from tests.utils import html_lang, soup, text


class TestPageTree(WagtailPageTestCase):
    def test_course_index_only_under_home(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, CourseIndexPage)
        self.assertCanNotCreateAt(StandardPage, CourseIndexPage)
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})

    def test_course_module_lesson_chain(self):
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(Page, CoursePage)


def test_one_course_index_per_home_page(site):
    assert CourseIndexPage.can_create_at(site.home_pl)
    CourseIndexPageFactory(parent=site.home_pl)
    assert not CourseIndexPage.can_create_at(site.home_pl)
    assert CourseIndexPage.can_create_at(site.home_en)


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture
def school(site):
    index_pl = CourseIndexPageFactory(parent=site.home_pl, publish=False)
    index_en = translate(
        index_pl, site.locales.en, title="e-School of Cooperation", slug="e-school"
    )
    basics, modules, lessons = build_course(
        index_pl,
        title="Szkoła Kooperacji – poziom podstawowy",
        slug="podstawy",
        modules=(2, 1),
        quiz_in=(2,),
        hours=decimal.Decimal("16"),
        audience="Pracownicy OPS, PCPR i szkół.",
        learning_outcomes="<ul><li>Zna zasady kooperacji.</li></ul>",
        capacity=20,
        publish=False,
    )
    family = CoursePageFactory(
        parent=index_pl,
        title="Efektywna praca z rodziną",
        slug="praca-z-rodzina",
        level="advanced",
        format="blended",
        hours=decimal.Decimal("24.5"),
        enrolment_open=False,
        prerequisites=[basics],
        publish=False,
    )
    return {
        "index_pl": index_pl,
        "index_en": index_en,
        "basics": basics,
        "modules": modules,
        "lessons": lessons,
        "family": family,
    }


# --- course index --------------------------------------------------------------------------


def _cards(response):
    return {
        card.find("h2").get_text(strip=True): card
        for card in soup(response).select(".school-course-card")
    }


def test_course_index_lists_courses_with_their_facts(school, client):
    response = client.get("/pl/e-szkola/")
    assert response.status_code == 200
    assert html_lang(response) == "pl"
    cards = _cards(response)
    assert list(cards) == ["Szkoła Kooperacji – poziom podstawowy", "Efektywna praca z rodziną"]
    basics = text(cards["Szkoła Kooperacji – poziom podstawowy"])
    assert "Podstawowy" in basics
    assert "E-learning" in basics
    assert "16" in basics
    assert "Pracownicy OPS, PCPR i szkół." in basics
    assert "otwarte" in basics
    assert "zostało 20 miejsc" in basics
    family = text(cards["Efektywna praca z rodziną"])
    assert "Zaawansowany" in family
    assert "Mieszany" in family
    assert "24,5" in family
    assert "zamknięte" in family
    assert "miejsc" not in family  # no limit, no count
    assert "2 kursy" in text(soup(response).find(class_="news-summary"))


def test_places_left_count_enrolments_but_not_withdrawals(school, client):
    for _ in range(3):
        services.enrol(UserFactory(), school["basics"])
    withdrawn = services.enrol(UserFactory(), school["basics"])
    withdrawn.status = "withdrawn"
    withdrawn.save()
    card = _cards(client.get("/pl/e-szkola/"))["Szkoła Kooperacji – poziom podstawowy"]
    assert "zostało 17 miejsc" in text(card)


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("?level=advanced", ["Efektywna praca z rodziną"]),
        ("?format=elearning", ["Szkoła Kooperacji – poziom podstawowy"]),
        ("?level=basic&format=blended", []),
        # Junk is ignored, not an error.
        (
            "?level=expert&format=%3Cscript%3E",
            ["Szkoła Kooperacji – poziom podstawowy", "Efektywna praca z rodziną"],
        ),
    ],
)
def test_course_index_filters(school, client, query, titles):
    response = client.get(f"/pl/e-szkola/{query}")
    assert response.status_code == 200
    assert list(_cards(response)) == titles
    if not titles:
        assert "Żaden kurs nie spełnia tych warunków." in text(soup(response))


def test_course_index_in_english(school, client):
    translate(
        school["basics"],
        school["index_en"].locale,
        title="School of Cooperation – basics",
        slug="basics",
    )
    response = client.get("/en/e-school/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    cards = _cards(response)
    assert list(cards) == ["School of Cooperation – basics"]
    assert "20 places left" in text(cards["School of Cooperation – basics"])
    assert "open" in text(cards["School of Cooperation – basics"])


def test_course_index_is_page_cached_for_anonymous_visitors_only(school, client):
    first = client.get("/pl/e-szkola/")
    second = client.get("/pl/e-szkola/")
    assert first[CACHE_HEADER] == "miss"
    assert second[CACHE_HEADER] == "hit"
    # An enrolment changes the places left: the cached list is dropped.
    services.enrol(UserFactory(), school["basics"])
    third = client.get("/pl/e-szkola/")
    assert third[CACHE_HEADER] == "miss"
    assert "zostało 19 miejsc" in text(soup(third))
    client.force_login(UserFactory())
    logged_in = client.get("/pl/e-szkola/")
    assert CACHE_HEADER not in logged_in
    assert "private" in logged_in["Cache-Control"]


def test_course_index_marks_my_courses(school, client):
    learner = UserFactory()
    services.enrol(learner, school["basics"])
    client.force_login(learner)
    cards = _cards(client.get("/pl/e-szkola/"))
    assert "Jesteś zapisany(-a)" in text(cards["Szkoła Kooperacji – poziom podstawowy"])
    assert "Jesteś zapisany(-a)" not in text(cards["Efektywna praca z rodziną"])


# --- course --------------------------------------------------------------------------------


def test_course_page_states_hours_outcomes_prerequisites_rule_and_outline(school, client):
    response = client.get(school["family"].url)
    page = soup(response)
    assert page.h1.get_text() == "Efektywna praca z rodziną"
    prerequisites = page.find("section", attrs={"aria-labelledby": "prerequisites-heading"})
    link = prerequisites.find("a")
    assert link.get_text() == "Szkoła Kooperacji – poziom podstawowy"
    assert link["href"] == school["basics"].url
    assert "Przeczytaj każdą lekcję" in text(
        page.find(attrs={"aria-labelledby": "completion-heading"})
    )

    basics = soup(client.get(school["basics"].url))
    assert "Zna zasady kooperacji." in text(
        basics.find(attrs={"aria-labelledby": "outcomes-heading"})
    )
    outline = basics.find(class_="school-outline")
    modules = [h.get_text() for h in outline.select(".school-outline__title")]
    assert modules == [m.title for m in school["modules"]]
    links = [a["href"] for a in outline.select(".school-outline__lesson a")]
    assert links == [lesson.url for lesson in school["lessons"]]
    # The quiz lesson says so, in words.
    second = outline.select(".school-outline__lesson")[1]
    assert "test" in text(second)


def test_course_page_enrolment_block_by_visitor(school, client):
    anonymous = soup(client.get(school["basics"].url))
    login = anonymous.find("a", string="Zaloguj się, aby się zapisać")
    with translation.override("pl"):
        login_path = reverse("accounts:login")
    assert login["href"].startswith(login_path + "?next=")
    assert anonymous.find("form", attrs={"method": "post"}) is None

    learner = UserFactory()
    client.force_login(learner)
    page = soup(client.get(school["basics"].url))
    form = page.find("section", class_="school-enrol").find("form")
    assert form.find("input", attrs={"name": "action"})["value"] == "enrol"
    assert form.find("button").get_text() == "Zapisz się na kurs"

    # Closed enrolment and a missing prerequisite are said before anyone tries.
    closed = soup(client.get(school["family"].url))
    assert closed.find("section", class_="school-enrol").find("form") is None
    assert "Zapisy na ten kurs są zamknięte" in text(closed.find(class_="school-enrol"))


def test_course_page_shows_progress_to_an_enrolled_learner(school, client):
    learner = UserFactory()
    enrolment = services.enrol(learner, school["basics"])
    services.mark_read(enrolment, school["lessons"][0])
    client.force_login(learner)
    response = client.get(school["basics"].url)
    page = soup(response)
    bar = page.find("progress", id="course-progress")
    assert bar["value"] == "33"
    label = page.find(id=bar["aria-labelledby"])
    assert "ukończono 1 z 3 lekcji (33%)" in text(label)
    module_bar = page.find("progress", id=f"module-progress-{school['modules'][0].pk}")
    assert module_bar["value"] == "50"
    cont = page.find("section", class_="school-enrol").find("a", class_="button")
    assert cont["href"] == school["lessons"][1].url
    assert "private" in response["Cache-Control"]


def test_module_page_leads_to_its_place_in_the_course(school, client):
    module = school["modules"][1]
    response = client.get(module.url)
    assert response.status_code == 302
    assert response["Location"] == f"{school['basics'].url}#module-{module.pk}"


# --- lesson --------------------------------------------------------------------------------


def test_lesson_outline_is_public_but_body_is_for_learners(school, client):
    lesson = school["lessons"][0]
    anonymous = client.get(lesson.url)
    assert anonymous.status_code == 200
    page = soup(anonymous)
    assert page.h1.get_text() == f"Lekcja 1: {lesson.title}"
    assert f"Treść: {lesson.title}" not in text(page)
    login = page.find(class_="school-locked").find("a")
    with translation.override("pl"):
        assert login["href"] == f"{reverse('accounts:login')}?next={lesson.url.replace('/', '%2F')}"
    assert CACHE_HEADER not in anonymous  # not page-cached: the answer differs per visitor

    stranger = UserFactory()
    client.force_login(stranger)
    page = soup(client.get(lesson.url))
    assert f"Treść: {lesson.title}" not in text(page)
    assert page.find(class_="school-locked").find("a")["href"] == school["basics"].url

    learner = UserFactory()
    services.enrol(learner, school["basics"])
    client.force_login(learner)
    response = client.get(lesson.url)
    assert f"Treść: {lesson.title}" in text(soup(response).find(class_="body"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_lesson_navigation_follows_page_order_across_modules(school, client):
    learner = UserFactory()
    services.enrol(learner, school["basics"])
    client.force_login(learner)
    first, second, third = school["lessons"]
    nav = soup(client.get(second.url)).find("nav", class_="school-lesson-nav")
    assert nav.find("a", rel="prev")["href"] == first.url
    assert nav.find("a", rel="next")["href"] == third.url
    nav = soup(client.get(third.url)).find("nav", class_="school-lesson-nav")
    assert nav.find("a", rel="next") is None
    assert nav.find("a", rel="prev")["href"] == second.url
    aside = soup(client.get(third.url)).find("aside")
    assert aside.find(attrs={"aria-current": "page"}).get_text() == f"3. {third.title}"


def test_lesson_quiz_form_has_radios_and_checkboxes_with_labels(school, client):
    learner = UserFactory()
    services.enrol(learner, school["basics"])
    client.force_login(learner)
    lesson = school["lessons"][1]
    lesson.refresh_from_db()
    form = soup(client.get(lesson.url)).find("form", class_="school-quiz-form")
    fieldsets = form.find_all("fieldset")
    assert len(fieldsets) == 2
    single, multiple = lesson.quiz[0].id, lesson.quiz[1].id
    assert {i["type"] for i in form.find_all("input", attrs={"name": f"q-{single}"})} == {"radio"}
    assert {i["type"] for i in form.find_all("input", attrs={"name": f"q-{multiple}"})} == {
        "checkbox"
    }
    for box in form.find_all("input", attrs={"name": f"q-{single}"}):
        assert form.find("label", attrs={"for": box["id"]})
    assert "zaznacz wszystkie poprawne odpowiedzi" in text(fieldsets[1].legend)


def test_lesson_and_progress_in_english_share_the_polish_records(school, client, site):
    english = site.locales.en
    basics_en = translate(
        school["basics"], english, title="School of Cooperation – basics", slug="basics"
    )
    modules_en = [
        translate(m, english, slug=f"module-{n}") for n, m in enumerate(school["modules"])
    ]
    lessons_en = [
        translate(lesson, english, slug=f"lesson-{n}") for n, lesson in enumerate(school["lessons"])
    ]
    assert modules_en
    learner = UserFactory()
    enrolment = services.enrol(learner, basics_en)
    assert enrolment.course_id == school["basics"].pk  # the original course
    client.force_login(learner)
    response = client.post(lessons_en[0].url, {"action": "read"})
    assert response.status_code == 302
    page = soup(client.get(school["basics"].url))
    assert page.find("progress", id="course-progress")["value"] == "33"
    english_page = client.get(basics_en.url)
    assert html_lang(english_page) == "en"
    assert soup(english_page).find("progress", id="course-progress")["value"] == "33"
    assert "1 of 3 lessons completed" in text(soup(english_page).find(class_="school-progress"))
    # Enrolling again through the other language is refused: one enrolment per course.
    again = client.post(school["basics"].url, {"action": "enrol"}, follow=True)
    assert "Już jesteś zapisany(-a) na ten kurs." in text(soup(again))


def test_draft_lessons_and_modules_are_not_listed(school, client):
    draft_module = ModulePageFactory(
        parent=school["basics"], title="Szkic modułu", live=False, publish=False
    )
    LessonPageFactory(parent=draft_module, title="Lekcja w szkicu")
    LessonPageFactory(
        parent=school["modules"][0], title="Lekcja nieopublikowana", live=False, publish=False
    )
    outline = text(soup(client.get(school["basics"].url)).find(class_="school-outline"))
    assert "Szkic modułu" not in outline
    assert "Lekcja w szkicu" not in outline
    assert "Lekcja nieopublikowana" not in outline


def test_editors_preview_shows_the_body_and_the_quiz(school):
    lesson = school["lessons"][1]
    response = lesson.make_preview_request()
    response.render()
    page = soup(response)
    assert f"Treść: {lesson.title}" in text(page.find(class_="body"))
    quiz = page.find(id="quiz")
    assert "Kto tworzy zespół kooperacyjny w gminie?" in text(quiz)
    assert quiz.find("fieldset").has_attr("disabled")
    assert quiz.find("button") is None
