"""Enrolment rules as a table (open, closed, full, prerequisites, already enrolled,
withdrawn, unpublished) for a learner enrolling themselves and for a coordinator; the
enrol button; who sees which records; the learner's data download and erasure."""

import json

import pytest
from django.contrib.auth.models import Group

from portal import roles
from portal.accounts import personal_data
from school import services
from school.apps import ERASED_LEARNER_NAME
from school.models import Certificate, CertificateEvent, Enrolment, EnrolmentStatus, LessonProgress
from school.permissions import can_view_enrolment, visible_enrolments
from tests.factories import UserFactory
from tests.factories.school import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    build_course,
)
from tests.utils import soup, text


@pytest.fixture
def index(site):
    return CourseIndexPageFactory(parent=site.home_pl, publish=False)


@pytest.fixture
def basics(index):
    return CoursePageFactory(parent=index, publish=False, title="Podstawy kooperacji")


def _completed(user, course):
    return EnrolmentFactory(user=user, course=course, status=EnrolmentStatus.COMPLETED)


def _setup(case, index, basics, learner):
    """The course to enrol in, arranged as `case` says."""
    course = CoursePageFactory(parent=index, publish=False, title="Praca z rodziną")
    if case == "closed":
        course.enrolment_open = False
        course.save()
    elif case == "full":
        course.capacity = 2
        course.save()
        EnrolmentFactory(course=course)
        EnrolmentFactory(course=course)
    elif case == "full_but_one_withdrew":
        course.capacity = 2
        course.save()
        EnrolmentFactory(course=course)
        EnrolmentFactory(course=course, status=EnrolmentStatus.WITHDRAWN)
    elif case in ("prerequisite_missing", "prerequisite_done", "prerequisite_in_progress"):
        course.prerequisites = [basics]
        course.save()
        if case == "prerequisite_done":
            _completed(learner, basics)
        elif case == "prerequisite_in_progress":
            EnrolmentFactory(user=learner, course=basics)
    elif case == "already":
        EnrolmentFactory(user=learner, course=course)
    elif case == "withdrawn":
        EnrolmentFactory(user=learner, course=course, status=EnrolmentStatus.WITHDRAWN)
    elif case == "unpublished":
        course.unpublish()
    return course


# (case, self-enrolment outcome, coordinator outcome): None = enrolled, else the error code
RULES = [
    ("open", None, None),
    ("closed", "closed", None),
    ("full", "full", "full"),
    ("full_but_one_withdrew", None, None),
    ("prerequisite_missing", "prerequisites", "prerequisites"),
    ("prerequisite_in_progress", "prerequisites", "prerequisites"),
    ("prerequisite_done", None, None),
    ("already", "already_enrolled", "already_enrolled"),
    ("withdrawn", None, None),
    ("unpublished", "unavailable", "unavailable"),
]


@pytest.mark.parametrize(("case", "own", "by_coordinator"), RULES)
@pytest.mark.parametrize("who", ["self", "coordinator"])
def test_enrolment_rules(index, basics, case, own, by_coordinator, who):
    learner = UserFactory(first_name="Ewa", last_name="Lis")
    course = _setup(case, index, basics, learner)
    expected = own if who == "self" else by_coordinator
    kwargs = {}
    if who == "coordinator":
        kwargs = {"by": UserFactory(), "source": "coordinator"}
    before = Enrolment.objects.count()
    if expected is None:
        enrolment = services.enrol(learner, course, **kwargs)
        assert enrolment.status == EnrolmentStatus.ACTIVE
        assert enrolment.user == learner
        assert enrolment.source == ("self" if who == "self" else "coordinator")
    else:
        with pytest.raises(services.EnrolmentError) as error:
            services.enrol(learner, course, **kwargs)
        assert error.value.code == expected
        assert Enrolment.objects.count() == before


@pytest.mark.parametrize(
    ("case", "who", "message"),
    [
        ("closed", "self", "Zapisy na ten kurs są zamknięte. Może Cię zapisać koordynator."),
        ("full", "self", "Brak wolnych miejsc: wszystkie 2 miejsca na kursie są zajęte."),
        ("prerequisite_missing", "self", "Najpierw ukończ kurs „Podstawy kooperacji”."),
        ("already", "self", "Już jesteś zapisany(-a) na ten kurs."),
        ("already", "coordinator", "Ewa Lis jest już zapisany(-a) na ten kurs."),
    ],
)
def test_refusals_are_explained_in_polish(index, basics, case, who, message):
    learner = UserFactory(first_name="Ewa", last_name="Lis")
    course = _setup(case, index, basics, learner)
    source = "self" if who == "self" else "coordinator"
    with pytest.raises(services.EnrolmentError) as error:
        services.enrol(learner, course, source=source)
    assert error.value.message == message


def test_several_missing_prerequisites_are_named(index, basics):
    family = CoursePageFactory(parent=index, publish=False, title="Praca z rodziną")
    meetings = CoursePageFactory(parent=index, publish=False, prerequisites=[basics, family])
    learner = UserFactory()
    _completed(learner, family)
    with pytest.raises(services.EnrolmentError) as one:
        services.enrol(learner, meetings)
    assert one.value.message == "Najpierw ukończ kurs „Podstawy kooperacji”."
    other = UserFactory()
    with pytest.raises(services.EnrolmentError) as both:
        services.enrol(other, meetings)
    assert both.value.message == "Najpierw ukończ kursy „Podstawy kooperacji”, „Praca z rodziną”."


def test_a_withdrawn_enrolment_comes_back_with_its_progress(index):
    course, _modules, lessons = build_course(index, modules=(2,), publish=False)
    learner = UserFactory()
    enrolment = services.enrol(learner, course)
    services.mark_read(enrolment, lessons[0])
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save()
    again = services.enrol(learner, course)
    assert again.pk == enrolment.pk
    assert again.status == EnrolmentStatus.ACTIVE
    assert LessonProgress.objects.filter(enrolment=again, completed_at__isnull=False).count() == 1


def test_cohort_enrolment_records_the_cohort(index, basics):
    learner = UserFactory()
    cohort = CohortFactory(members=[learner])
    enrolment = services.enrol(learner, basics, source="cohort", cohort=cohort, by=UserFactory())
    assert (enrolment.cohort, enrolment.source) == (cohort, "cohort")


# --- the button ------------------------------------------------------------------------


def test_enrol_button(index, basics, client):
    learner = UserFactory()
    client.force_login(learner)
    response = client.post(basics.url, {"action": "enrol"}, follow=True)
    assert response.redirect_chain[-1][0] == basics.url
    page = soup(response)
    assert "Zapisano Cię na kurs." in text(page.find(class_="school-messages"))
    assert Enrolment.objects.get().user == learner
    # The page now shows progress instead of the button.
    assert page.find("progress", id="course-progress") is not None
    section = page.find("section", class_="school-enrol")
    assert section.find("input", attrs={"name": "action", "value": "enrol"}) is None
    assert section.find("input", attrs={"name": "action", "value": "withdraw"}) is not None


def test_enrol_button_refusal_is_shown(index, basics, client):
    basics.capacity = 0
    basics.save()
    client.force_login(UserFactory())
    response = client.post(basics.url, {"action": "enrol"}, follow=True)
    messages = page_messages(response)
    assert "Błąd:" in messages
    assert "Brak wolnych miejsc" in messages
    assert not Enrolment.objects.exists()


def page_messages(response):
    return text(soup(response).find(class_="school-messages"))


def test_a_learner_leaves_a_course_and_gives_the_place_back(index, client):
    course, _modules, lessons = build_course(index, modules=(2,), publish=False, capacity=1)
    learner = UserFactory()
    enrolment = services.enrol(learner, course)
    services.mark_read(enrolment, lessons[0])
    client.force_login(learner)
    response = client.post(course.url, {"action": "withdraw"}, follow=True)
    assert "Wypisano Cię z kursu." in page_messages(response)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.WITHDRAWN
    assert services.places_left(course) == 1
    # The page offers enrolment again, and enrolling carries on with the progress kept.
    section = soup(response).find("section", class_="school-enrol")
    assert section.find("input", attrs={"name": "action", "value": "enrol"}) is not None
    again = services.enrol(learner, course)
    assert again.pk == enrolment.pk
    assert LessonProgress.objects.filter(enrolment=again, completed_at__isnull=False).count() == 1


@pytest.mark.parametrize(
    "state, message",
    [
        ("none", "Nie jesteś zapisany(-a) na ten kurs."),
        ("completed", "Ukończono ten kurs; pozostaje on w Twoim dorobku."),
    ],
)
def test_leaving_is_refused_when_not_enrolled_or_completed(index, basics, client, state, message):
    learner = UserFactory()
    if state == "completed":
        _completed(learner, basics)
    client.force_login(learner)
    response = client.post(basics.url, {"action": "withdraw"}, follow=True)
    assert message in page_messages(response)
    if state == "completed":
        assert Enrolment.objects.get().status == EnrolmentStatus.COMPLETED
        # A completed course offers no way out.
        section = soup(response).find("section", class_="school-enrol")
        assert section.find("input", attrs={"value": "withdraw"}) is None


def test_anonymous_enrol_goes_to_login(index, basics, client):
    response = client.post(basics.url, {"action": "enrol"})
    assert response.status_code == 302
    assert response["Location"].startswith("/pl/konto/logowanie/?next=")
    assert not Enrolment.objects.exists()


# --- who sees which records --------------------------------------------------------------


@pytest.fixture
def people(index, basics):
    trainee = UserFactory(username="kursantka")
    trainee.groups.add(Group.objects.get_or_create(name=roles.TRAINEE)[0])
    classmate = UserFactory(username="kolega")
    outsider = UserFactory(username="obcy")
    coordinator = UserFactory(username="koordynatorka")
    coordinator.groups.add(Group.objects.get_or_create(name=roles.COORDINATOR)[0])
    editor = UserFactory(username="redaktor", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name=roles.EDITOR)[0])
    editor_coordinator = UserFactory(username="redaktor-koordynator", is_staff=True)
    editor_coordinator.groups.add(Group.objects.get_or_create(name=roles.EDITOR)[0])
    superuser = UserFactory(username="admin", is_superuser=True, is_staff=True)
    CohortFactory(members=[trainee, classmate], coordinators=[coordinator])
    CohortFactory(members=[outsider], coordinators=[editor_coordinator])
    enrolments = {
        user.username: services.enrol(user, basics) for user in (trainee, classmate, outsider)
    }
    # An enrolment made with a cohort by its coordinator, of someone outside that cohort.
    walk_in = UserFactory(username="z-zewnatrz")
    cohort = CohortFactory(coordinators=[coordinator])
    enrolments["z-zewnatrz"] = services.enrol(walk_in, basics, source="cohort", cohort=cohort)
    users = {
        "trainee": trainee,
        "coordinator": coordinator,
        "editor": editor,
        "editor_coordinator": editor_coordinator,
        "superuser": superuser,
        "outsider": outsider,
    }
    return users, enrolments


VISIBLE = {
    "trainee": {"kursantka"},
    "outsider": {"obcy"},
    "coordinator": {"kursantka", "kolega", "z-zewnatrz"},
    "editor": set(),
    "editor_coordinator": {"obcy"},
    "superuser": {"kursantka", "kolega", "obcy", "z-zewnatrz"},
}


@pytest.mark.parametrize("role", list(VISIBLE))
def test_visible_enrolments_by_role(people, role):
    users, enrolments = people
    user = users[role]
    seen = visible_enrolments(user)
    assert {e.user.username for e in seen.select_related("user")} == VISIBLE[role]
    assert seen.count() == len(VISIBLE[role])  # each row once
    for username, enrolment in enrolments.items():
        assert can_view_enrolment(user, enrolment) == (username in VISIBLE[role])


def test_anonymous_and_inactive_see_nothing(people):
    from django.contrib.auth.models import AnonymousUser

    users, enrolments = people
    assert not visible_enrolments(AnonymousUser()).exists()
    coordinator = users["coordinator"]
    coordinator.is_active = False
    coordinator.save()
    assert not visible_enrolments(coordinator).exists()
    assert not can_view_enrolment(coordinator, enrolments["kolega"])


# --- personal data -----------------------------------------------------------------------


def _completed_with_certificate(index, learner):
    course, _modules, lessons = build_course(index, modules=(1,), publish=False, title="Genogram")
    enrolment = services.enrol(learner, course)
    services.mark_read(enrolment, lessons[0])
    return enrolment


def test_download_holds_the_school_records(index):
    learner = UserFactory(first_name="Ola", last_name="Wrona")
    CohortFactory(name="PZK Łopuszno", members=[learner])
    enrolment = _completed_with_certificate(index, learner)
    data = json.loads(personal_data.export_json(learner))
    school = data["school"]
    assert school["cohorts"] == ["PZK Łopuszno"]
    assert [e["course"] for e in school["enrolments"]] == ["Genogram"]
    assert school["enrolments"][0]["status"] == "completed"
    assert len(school["lesson_progress"]) == 1
    assert school["certificates"][0]["code"] == enrolment.certificate.code
    assert school["certificates"][0]["learner_name"] == "Ola Wrona"


def test_erasure_keeps_the_counts_but_not_the_name(index):
    learner = UserFactory(first_name="Ola", last_name="Wrona")
    cohort = CohortFactory(coordinators=[learner])
    enrolment = _completed_with_certificate(index, learner)
    personal_data.erase(learner)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED  # still counted
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.learner_name == ERASED_LEARNER_NAME
    assert not CertificateEvent.objects.filter(note__contains="Wrona").exists()
    assert not cohort.coordinators.exists()
