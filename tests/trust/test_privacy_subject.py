"""A data subject's download and erasure cover every app through one entry point
(privacy.subject): the account, the e-School, the records of support, the admin's
history, django-axes' logs, two-factor devices and sessions. The download keeps the
confidentiality rules; the erasure keeps the anonymous counts."""

import datetime
import json

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.sessions.models import Session
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from privacy import subject
from privacy.models import AuditEntry
from school.models import Attendance, Certificate, CoachingSession, Enrolment, Person
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    attend,
    event_with_days,
)
from tests.factories.school import CourseIndexPageFactory, EnrolmentFactory, build_course

PRIVATE = "Tylkodlacoacha"
SHARED = "Wspolnezcoachem"
TOTP_KEY = "3132333435363738393031323334353637383930"


@pytest.fixture
def world(site):
    anna = UserFactory(username="anna", email="anna@example.org", first_name="Anna")
    other = UserFactory(username="inny", email="inny@example.org")
    course, _modules, _lessons = build_course(CourseIndexPageFactory(parent=site.home_pl))
    enrolment = EnrolmentFactory(user=anna, course=course)
    Certificate.objects.create(
        enrolment=enrolment,
        code="ABCD-EFGH",
        learner_name="Anna Nowak",
        course_title=course.title,
        hours=8,
        issuer="Kooperacja",
        issued_on=datetime.date(2024, 5, 6),
    )
    person = PersonFactory(user=anna, first_name="Anna", last_name="Nowak")
    event = event_with_days([(datetime.date(2024, 3, 4), "9:00", "15:00")])
    attend(person, *event.days.all())
    CoachingSessionFactory(coachees=[person], shared_notes=SHARED, private_notes=PRIVATE)
    # As a coach herself: her private notes about someone else.
    CoachingSessionFactory(coach=anna, coachees=[PersonFactory()], private_notes=PRIVATE)
    for name in ("anna", "ANNA@example.org", "inny"):
        AccessLog.objects.create(
            username=name, ip_address="192.0.2.7", user_agent="Firefox", path_info="/login/"
        )
    AccessAttempt.objects.create(
        username="anna",
        ip_address="192.0.2.7",
        user_agent="Firefox",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    TOTPDevice.objects.create(user=anna, name="Telefon Anny", key=TOTP_KEY, confirmed=True)
    static = StaticDevice.objects.create(user=anna, name="Kody zapasowe")
    StaticToken.objects.create(device=static, token="zapas123")
    TOTPDevice.objects.create(user=other, name="Telefon innego", key=TOTP_KEY)
    log(person, "wagtail.edit", user=anna)
    return {"anna": anna, "other": other, "person": person, "enrolment": enrolment}


def _dump(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def test_the_download_has_every_app_and_only_the_persons_rows(world):
    data = subject.export_subject(world["anna"])
    assert data["profile"]["username"] == "anna"
    assert len(data["school"]["enrolments"]) == 1
    assert data["school"]["certificates"][0]["learner_name"] == "Anna Nowak"
    participant = data["support"]["participant"]
    assert participant["events_attended"][0]["hours"]
    assert participant["coaching"][0]["shared_notes"] == SHARED
    security = data["security"]
    logins = security["axes.AccessLog"]
    # Found by the name typed at login, user name or e-mail in any case; not the others'.
    assert len(logins) == 2 and {row["ip_address"] for row in logins} == {"192.0.2.7"}
    assert security["axes.AccessAttempt"][0]["failures_since_start"] == 2
    assert [d["name"] for d in security["otp_totp.TOTPDevice"]] == ["Telefon Anny"]
    assert [d["name"] for d in security["otp_static.StaticDevice"]] == ["Kody zapasowe"]
    actions = [row["action"] for row in data["activity"]["wagtailcore.ModelLogEntry"]]
    assert actions == ["wagtail.edit"]


def test_the_download_never_carries_keys_tokens_or_private_notes(world):
    body = _dump(subject.export_subject(world["anna"]))
    for secret in (PRIVATE, TOTP_KEY, "zapas123", "Telefon innego", "inny@example.org"):
        assert secret not in body


def test_the_download_counts_the_open_sessions(world):
    browser = Client()
    browser.force_login(world["anna"])
    Client().force_login(world["other"])
    assert subject.export_subject(world["anna"])["security"]["open_sessions"] == 1


def test_erasure_forgets_everywhere_and_keeps_the_counts(world):
    anna = world["anna"]
    browser = Client()
    browser.force_login(anna)
    Client().force_login(world["other"])
    sessions_before = Session.objects.count()

    subject.erase_subject(anna)

    # Logins, devices, sessions: gone, the other person's stay.
    assert set(AccessLog.objects.values_list("username", flat=True)) == {"inny"}
    assert not AccessAttempt.objects.exists()
    assert list(TOTPDevice.objects.values_list("name", flat=True)) == ["Telefon innego"]
    assert not StaticDevice.objects.exists() and not StaticToken.objects.exists()
    assert Session.objects.count() == sessions_before - 1
    assert browser.get("/pl/konto/").status_code == 302
    # The counts stay, anonymous.
    assert Enrolment.objects.filter(pk=world["enrolment"].pk).exists()
    assert Attendance.objects.filter(person=world["person"]).count() == 1
    person = Person.objects.get(pk=world["person"].pk)
    assert person.erased_at is not None and person.email == "" and person.user_id is None
    assert Certificate.objects.get().learner_name != "Anna Nowak"
    assert not CoachingSession.objects.filter(private_notes=PRIVATE, coach=anna).exists()
    anna.refresh_from_db()
    assert anna.erased_at is not None and anna.email.endswith(".invalid")
    # What is left about her says nothing.
    body = _dump(subject.export_subject(anna))
    assert "Anna" not in body and "anna@example.org" not in body


def test_erasure_is_audited_once_without_content(world):
    subject.erase_subject(world["anna"])
    entry = AuditEntry.objects.get()
    assert (entry.kind, entry.model_label, entry.object_pk) == (
        "erase",
        "portal.User",
        str(world["anna"].pk),
    )


def test_a_failing_app_rolls_the_whole_erasure_back(world):
    def broken(user):
        raise RuntimeError("no database")

    subject.register_eraser(broken)
    try:
        with pytest.raises(RuntimeError):
            subject.erase_subject(world["anna"])
    finally:
        subject.unregister_eraser(broken)
    assert AccessLog.objects.filter(username__iexact="anna").exists()
    assert TOTPDevice.objects.filter(user=world["anna"]).exists()
    assert not AuditEntry.objects.exists()


def test_the_register_sections_cannot_be_replaced(db):
    with pytest.raises(ValueError):
        subject.register_provider("school", lambda user: {})
    with pytest.raises(ValueError):
        subject.register_provider("profile", lambda user: {})
    # The app's own function again (as its ready() does): nothing changes.
    from school.learning_data import school_records

    subject.register_provider("school", school_records)
    assert "school" not in subject._extra_providers


def test_a_coordinators_download_of_a_person_has_hours_and_no_notes(world):
    coordinator = UserFactory(is_superuser=True)
    data = subject.export_person(world["person"], by=coordinator)
    body = _dump(data)
    assert SHARED not in body and PRIVATE not in body
    assert data["coaching"][0]["hours"]
    assert AuditEntry.objects.get().kind == "personal_data_download"


def test_sessions_of_an_expired_kind_are_not_counted(world):
    browser = Client()
    browser.force_login(world["anna"])
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(days=1))
    assert subject.user_session_keys(world["anna"]) == []


def test_the_logs_go_after_the_period_the_register_names(db, settings):
    from django.core.management import call_command

    from privacy import audit

    settings.PRIVACY_SECURITY_LOG_DAYS = 30
    old = AccessLog.objects.create(username="a", ip_address="192.0.2.1", user_agent="x")
    AccessLog.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - datetime.timedelta(days=31)
    )
    AccessLog.objects.create(username="b", ip_address="192.0.2.1", user_agent="x")
    kept = audit.record(None, audit.EXPORT, "school.Attendance", action="x")
    call_command("purge_security_logs", stdout=__import__("io").StringIO())
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["b"]
    assert AuditEntry.objects.filter(pk=kept.pk).exists()
