"""The audit log: each reading of confidential notes, each export and each download or
erasure of personal data writes exactly one entry (who, when, which kind, which records),
never the content; the log is read by superusers only, filtered, and exported as CSV."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group

from catalog.models import Institution, Territory
from portal import roles
from privacy import audit
from privacy.models import AuditEntry
from tests.factories import UserFactory
from tests.factories.portal import PASSWORD
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    attend,
    event_with_days,
)

SHARED = "Ustaleniapoufne"
PERIOD = "date_from=2024-01-01&date_to=2024-12-31"


@pytest.fixture
def world(site):
    superuser = UserFactory(is_superuser=True, is_staff=True, username="admin")
    coordinator = UserFactory(username="koordynatorka")
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATOR))
    learner = UserFactory(username="uczestniczka", first_name="Ewa")
    learner.groups.add(Group.objects.get(name=roles.TRAINEE))
    person = PersonFactory(first_name="Zofia", last_name="Poufna")
    event = event_with_days([(datetime.date(2024, 3, 4), "9:00", "15:00")])
    attend(person, *event.days.all())
    session = CoachingSessionFactory(coachees=[person], shared_notes=SHARED)
    Institution.objects.create(
        name="Gminny Ośrodek Pomocy Społecznej w Bielinach",
        type="ops",
        gmina=Territory.objects.get(code="2604012"),
        email="kierownik.nazwisko@example.org",
    )
    return {
        "superuser": superuser,
        "coordinator": coordinator,
        "learner": learner,
        "person": person,
        "session": session,
    }


def _actions(world):
    person, session = world["person"].pk, world["session"].pk
    return [
        # (who, method, url, data, kind, model label, record number, action)
        (
            "superuser",
            "post",
            f"/admin/school/support-hours/coaching/{session}/notes/",
            {},
            "read_confidential",
            "school.CoachingSession",
            str(session),
            "school.coaching.read_notes",
        ),
        (
            "coordinator",
            "get",
            f"/admin/school/reports/summary.csv?{PERIOD}&by=project",
            None,
            "export",
            "school.Attendance",
            "",
            "school.reports.summary_csv",
        ),
        (
            "coordinator",
            "get",
            f"/admin/school/reports/breakdown.csv?{PERIOD}&by=provider",
            None,
            "export",
            "school.Attendance",
            "",
            "school.reports.breakdown_csv",
        ),
        (
            "coordinator",
            "get",
            f"/admin/school/reports/report.xlsx?{PERIOD}&by=person",
            None,
            "export",
            "school.Attendance",
            "",
            "school.reports.xlsx",
        ),
        (
            "coordinator",
            "get",
            f"/admin/school/people/{person}/personal-data.json",
            None,
            "personal_data_download",
            "school.Person",
            str(person),
            "school.people.personal_data",
        ),
        (
            "coordinator",
            "post",
            f"/admin/school/people/{person}/erase/",
            {},
            "erase",
            "school.Person",
            str(person),
            "school.people.erase",
        ),
        (
            "superuser",
            "get",
            "/admin/snippets/catalog/institution/?export=csv",
            None,
            "export",
            "catalog.Institution",
            "",
            "catalog.institution.csv",
        ),
        (
            "learner",
            "get",
            "/pl/konto/moje-dane/pobierz/",
            None,
            "personal_data_download",
            "portal.User",
            str(world["learner"].pk),
            "accounts.my_data_download",
        ),
        (
            "learner",
            "post",
            "/pl/konto/usun-konto/",
            {"password": PASSWORD},
            "erase",
            "portal.User",
            str(world["learner"].pk),
            "privacy.erase_subject",
        ),
    ]


CASES = [
    "read notes",
    "report summary csv",
    "report breakdown csv",
    "report xlsx",
    "person download",
    "person erase",
    "institutions csv",
    "my data download",
    "account erase",
]


@pytest.mark.parametrize("case", range(len(CASES)), ids=CASES)
def test_each_action_writes_one_entry_and_no_content(client, world, case):
    who, method, url, data, kind, label, pk, action = _actions(world)[case]
    user = world[who]
    client.force_login(user)
    response = getattr(client, method)(url, data) if data is not None else client.get(url)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body) > 0
    entry = AuditEntry.objects.get()  # exactly one
    assert (entry.user_id, entry.kind, entry.model_label, entry.object_pk, entry.action) == (
        user.pk,
        kind,
        label,
        pk,
        action,
    )
    stored = " ".join(str(value) for value in AuditEntry.objects.values_list().get())
    for content in (SHARED, "Zofia", "Poufna", "kierownik.nazwisko", "Ewa"):
        assert content not in stored


def test_a_refused_reading_writes_nothing(client, world):
    client.force_login(world["coordinator"])
    client.post(f"/admin/school/support-hours/coaching/{world['session'].pk}/notes/", {})
    client.get("/admin/privacy/audit/audit.csv")
    assert not AuditEntry.objects.exists()


def test_the_log_is_filtered_and_exported_as_csv(client, world):
    superuser, coordinator = world["superuser"], world["coordinator"]
    audit.record(coordinator, audit.EXPORT, "school.Attendance", action="school.reports.xlsx")
    audit.record(superuser, audit.READ_CONFIDENTIAL, world["session"], action="read")
    old = audit.record(superuser, audit.ERASE, world["person"], action="school.people.erase")
    AuditEntry.objects.filter(pk=old.pk).update(at=old.at - datetime.timedelta(days=40))
    client.force_login(superuser)

    page = client.get("/admin/privacy/audit/?kind=export").content.decode()
    assert "school.reports.xlsx" in page and "school.CoachingSession" not in page
    page = client.get("/admin/privacy/audit/?user=koordynatorka").content.decode()
    assert "school.reports.xlsx" in page and "school.CoachingSession" not in page
    since = (old.at + datetime.timedelta(days=1)).date().isoformat()
    page = client.get(f"/admin/privacy/audit/?date_from={since}").content.decode()
    assert "school.people.erase" not in page and "school.reports.xlsx" in page
    bad = client.get("/admin/privacy/audit/?date_from=2024-05-02&date_to=2024-05-01")
    assert "Koniec okresu przypada przed jego początkiem." in bad.content.decode()

    response = client.get("/admin/privacy/audit/audit.csv?kind=read_confidential")
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert len(rows) == 2  # the header and the one reading
    assert rows[1][4:] == ["read", "school.CoachingSession", str(world["session"].pk)]
    # Exporting the log is one more entry.
    assert AuditEntry.objects.filter(action="privacy.audit_log.csv").count() == 1
