"""Trainings in a browser: axe (WCAG 2.1 A and AA) on the list of trainings and a training's
page in Polish and English, for anonymous visitors and for a signed-up person; signing up
and cancelling with the keyboard alone; the pages at 320 CSS pixels."""

import datetime
from dataclasses import dataclass

import pytest

from tests.e2e.test_accessibility import horizontal_overflow
from tests.e2e.test_school import NARROW, check_axe, log_in, tab_to

pytestmark = pytest.mark.browser


@dataclass
class TrainingsSite:
    lists: dict
    details: dict
    past_detail: str
    event_pk: int
    learner_pk: int
    registered_pk: int


@pytest.fixture(scope="module")
def trainings_site(demo_site, django_db_blocker):
    """An upcoming two-day workshop with places, a past meeting, under the demo site's course
    index (made here if the demo has none); one person already signed up for the workshop
    and one who will sign up with the keyboard."""
    from django.utils import timezone, translation
    from wagtail.models import Locale, Site

    from school.models import CourseIndexPage, Registration
    from school.people import person_for_user
    from tests.conftest import translate
    from tests.factories import UserFactory
    from tests.factories.catalog import OKSA, unit
    from tests.factories.records import PersonFactory, event_with_days
    from tests.factories.school import CourseIndexPageFactory

    with django_db_blocker.unblock():
        home = Site.objects.get(is_default_site=True).root_page.specific
        english = Locale.objects.get(language_code="en")
        index = CourseIndexPage.objects.child_of(home).first()
        if index is None:
            index = CourseIndexPageFactory(parent=home)
        index_en = index.get_translation_or_none(english)
        if index_en is None:
            index_en = translate(index, english, title="e-School of Cooperation", slug="e-school")
        today = timezone.localdate()
        workshop = event_with_days(
            [
                (today + datetime.timedelta(days=40), "09:00", "15:00"),
                (today + datetime.timedelta(days=41), "09:00", "13:30"),
            ],
            title="Warsztat przeglądarkowy: zespół interdyscyplinarny",
            capacity=12,
            registration_open=True,
            address="ul. Ogrodowa 3",
            gmina=unit(OKSA),
        )
        workshop.trainers.add(PersonFactory(first_name="Ewa", last_name="Prowadząca"))
        past = event_with_days(
            [(datetime.date(2019, 11, 14), "10:00", "14:00")],
            title="Spotkanie edukacyjne sprawdzane w przeglądarce",
            kind="educational_meeting",
        )
        learner = UserFactory(first_name="Celina", last_name="Klawiszowa")
        registered = UserFactory(first_name="Dariusz", last_name="Zapisany")
        Registration.objects.create(event=workshop, person=person_for_user(registered))
        lists, details = {}, {}
        for language, page in (("pl", index), ("en", index_en)):
            with translation.override(language):
                base = page.url
                lists[language] = base + page.reverse_subpage("trainings").lstrip("/")
                details[language] = base + page.reverse_subpage(
                    "training", kwargs={"pk": workshop.pk}
                ).lstrip("/")
                if language == "pl":
                    past_detail = base + page.reverse_subpage(
                        "training", kwargs={"pk": past.pk}
                    ).lstrip("/")
        return TrainingsSite(
            lists=lists,
            details=details,
            past_detail=past_detail,
            event_pk=workshop.pk,
            learner_pk=learner.pk,
            registered_pk=registered.pk,
        )


@pytest.mark.parametrize("language", ["pl", "en"])
def test_training_list_has_no_axe_violations(page, trainings_site, language):
    check_axe(page, trainings_site.lists[language])
    assert page.locator(".trainings-list article").count() >= 1
    check_axe(page, trainings_site.lists[language] + "?when=past")


@pytest.mark.parametrize("language", ["pl", "en"])
def test_training_page_has_no_axe_violations(page, trainings_site, language):
    check_axe(page, trainings_site.details[language])
    assert page.locator("#registration a").count() == 1  # the login link


def test_training_page_of_a_signed_up_person(page, context, live_server, trainings_site):
    log_in(context, live_server, trainings_site.registered_pk)
    check_axe(page, trainings_site.details["pl"])
    assert page.locator("#registration button").inner_text() == "Wypisz się"
    check_axe(page, trainings_site.past_detail)


def test_signing_up_and_cancelling_with_the_keyboard(page, context, live_server, trainings_site):
    from school.models import Registration, RegistrationStatus

    log_in(context, live_server, trainings_site.learner_pk)
    page.goto(trainings_site.details["pl"])
    tab_to(page, lambda e: e["tag"] == "button" and e["text"] == "Zapisz się", "sign up")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".school-message--success")
    assert "Zapisano Cię na to szkolenie." in page.locator(".school-messages").inner_text()
    registration = Registration.objects.get(
        event_id=trainings_site.event_pk, person__user_id=trainings_site.learner_pk
    )
    assert registration.status == RegistrationStatus.REGISTERED
    tab_to(page, lambda e: e["tag"] == "button" and e["text"] == "Wypisz się", "cancel")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".school-message--success")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


@pytest.mark.parametrize("kind", ["lists", "details"])
def test_training_pages_at_320_px(page, trainings_site, kind):
    page.set_viewport_size(NARROW)
    page.goto(getattr(trainings_site, kind)["pl"])
    overflow = horizontal_overflow(page)
    assert overflow["scrollWidth"] <= NARROW["width"], overflow
