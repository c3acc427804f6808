"""The admin forms that correct the name on a certificate and revoke it: who may use them,
what they record, and how they refuse bad input (in Polish, keeping what was typed)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from portal import roles
from school.models import Certificate
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


def _in_group(user, role):
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def setup(site):
    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Dialog motywujący w pracy socjalnej")
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course))
    owner = _in_group(UserFactory(first_name="Jozef", last_name="Swiatek"), roles.TRAINEE)
    coordinator = _in_group(UserFactory(), roles.COORDINATOR)
    other_coordinator = _in_group(UserFactory(), roles.COORDINATOR)
    cohort = CohortFactory(members=[owner], coordinators=[coordinator])
    CohortFactory(members=[UserFactory()], coordinators=[other_coordinator])
    enrolment = EnrolmentFactory(user=owner, course=course, cohort=cohort)
    mark_read(enrolment, lesson)
    return {
        "certificate": Certificate.objects.get(enrolment=enrolment),
        "owner": owner,
        "coordinator of the cohort": coordinator,
        "coordinator of another cohort": other_coordinator,
        "editor": _in_group(UserFactory(), roles.EDITOR),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


def urls(certificate):
    return {
        "reissue": reverse("school_coordinator:certificate_reissue", args=[certificate.pk]),
        "revoke": reverse("school_coordinator:certificate_revoke", args=[certificate.pk]),
    }


# Where each role ends up: the form, or sent away by Wagtail's admin (a learner has no
# admin access and is asked to log in; a coordinator of other people or an editor is sent
# to the dashboard with "permission denied").
EXPECTED = {
    "coordinator of the cohort": 200,
    "superuser": 200,
    "owner": "/admin/login/",  # a learner does not correct or revoke their own certificate
    "coordinator of another cohort": "/admin/",
    "editor": "/admin/",
}


def test_who_may_correct_or_revoke(setup, client):
    certificate = setup["certificate"]
    seen = {}
    for who in EXPECTED:
        client.force_login(setup[who])
        for action, url in urls(certificate).items():
            shown = client.get(url)
            posted = client.post(url, {"new_name": "Józef Świątek", "reason": "Bez uprawnień"})
            if shown.status_code == 200:
                seen[(who, action)] = 200
            else:
                assert shown.status_code == posted.status_code == 302, (who, action)
                assert shown["Location"] == posted["Location"]
                seen[(who, action)] = shown["Location"].split("?")[0]
        certificate.refresh_from_db()
        if EXPECTED[who] == 200:
            # Both forms worked; undo for the next row of the table.
            assert certificate.learner_name == "Józef Świątek" and certificate.revoked_at
            Certificate.objects.filter(pk=certificate.pk).update(
                learner_name="Jozef Swiatek", revoked_at=None, revoked_reason=""
            )
        else:
            assert certificate.learner_name == "Jozef Swiatek", who
            assert certificate.revoked_at is None, who
    assert seen == {
        (who, action): EXPECTED[who] for who in EXPECTED for action in urls(certificate)
    }


def test_a_coordinator_corrects_the_name(setup, client):
    certificate = setup["certificate"]
    coordinator = setup["coordinator of the cohort"]
    client.force_login(coordinator)
    url = urls(certificate)["reissue"]

    page = BeautifulSoup(client.get(url).content, "html.parser")
    field = page.find("input", attrs={"name": "new_name"})
    assert field["value"] == "Jozef Swiatek"
    assert page.find("label", attrs={"for": field["id"]})

    response = client.post(url, {"new_name": "Józef Świątek"}, follow=True)

    assert response.status_code == 200
    certificate.refresh_from_db()
    assert certificate.learner_name == "Józef Świątek"
    event = certificate.events.get(kind="reissued")
    assert event.by == coordinator and event.note == "Jozef Swiatek → Józef Świątek"
    body = text(BeautifulSoup(response.content, "html.parser"))
    assert f"Certyfikat {certificate.code} wydano ponownie" in body
    assert "Jozef Swiatek → Józef Świątek" in body  # the history on the page


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "To pole jest wymagane."),
        ("Jozef Swiatek", "To imię i nazwisko już widnieje na certyfikacie."),
        ("x" * 256, "Upewnij się, że ta wartość ma co najwyżej 255 znaków"),
    ],
)
def test_a_bad_name_is_refused_next_to_the_field(setup, client, typed, message):
    certificate = setup["certificate"]
    client.force_login(setup["coordinator of the cohort"])

    response = client.post(urls(certificate)["reissue"], {"new_name": typed})

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find("input", attrs={"name": "new_name"})
    assert field.get("value", "") == typed  # what was typed is kept
    assert field.get("aria-invalid") == "true"
    described = " ".join(page.find(id=i).get_text(" ") for i in field["aria-describedby"].split())
    assert message in " ".join(described.split())
    certificate.refresh_from_db()
    assert certificate.learner_name == "Jozef Swiatek"
    assert not certificate.events.filter(kind="reissued").exists()


def test_a_coordinator_revokes_with_a_reason_once(setup, client):
    certificate = setup["certificate"]
    client.force_login(setup["coordinator of the cohort"])
    url = urls(certificate)["revoke"]

    empty = client.post(url, {"reason": "   "})
    assert empty.status_code == 200
    assert "To pole jest wymagane." in text(BeautifulSoup(empty.content, "html.parser"))

    response = client.post(url, {"reason": "Kurs przeszły dwie osoby na jednym koncie."})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Kurs przeszły dwie osoby na jednym koncie."
    assert certificate.events.filter(kind="revoked").count() == 1

    # Afterwards the forms say so and offer nothing to submit.
    for page_url in urls(certificate).values():
        page = BeautifulSoup(client.get(page_url).content, "html.parser")
        assert "został unieważniony" in text(page)
        assert not page.select("main form[method=post] textarea, main form input[name]")


def test_the_form_returns_to_a_local_next_page_only(setup, client):
    certificate = setup["certificate"]
    client.force_login(setup["coordinator of the cohort"])
    url = urls(certificate)["reissue"]

    response = client.post(url, {"new_name": "Józef Świątek", "next": "https://example.com/"})
    assert response["Location"] == url

    back = "/admin/school/"
    Certificate.objects.filter(pk=certificate.pk).update(learner_name="Jozef Swiatek")
    response = client.post(url, {"new_name": "Józef Świątek", "next": back})
    assert response["Location"] == back
