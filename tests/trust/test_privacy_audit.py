"""The audit log: each reading of confidential notes, each export and each download or
erasure of personal data writes exactly one entry (who, when, which kind, which records),
never the content, while the file handed out does hold it; the retention command writes one
erasure entry per person it erases, with nobody as the actor; the log is read by superusers
only, filtered, and exported as CSV."""

import csv
import datetime
import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from catalog.models import Institution, Territory
from portal import roles
from privacy import audit
from privacy.models import AuditEntry
from school.models import Person
from tests.factories import UserFactory
from tests.factories.catalog import ServiceFactory
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
    institution = Institution.objects.create(
        name="Gminny Ośrodek Pomocy Społecznej w Bielinach",
        type="ops",
        gmina=Territory.objects.get(code="2604012"),
        email="kierownik.nazwisko@example.org",
    )
    ServiceFactory(institution=institution, name="Poradnictwo rodzinne w Bielinach")
    return {
        "superuser": superuser,
        "coordinator": coordinator,
        "learner": learner,
        "person": person,
        "session": session,
        "event": event,
    }


def _actions(world):
    person, session = world["person"].pk, world["session"].pk
    day = world["event"].days.get().pk
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
            "superuser",
            "get",
            "/admin/snippets/catalog/service/?export=xlsx",
            None,
            "export",
            "catalog.Service",
            "",
            "catalog.service.xlsx",
        ),
        (
            "coordinator",
            "get",
            f"/admin/school/events/{world['event'].pk}/days/{day}/sign-in-sheet.pdf",
            None,
            "export",
            "school.EventDay",
            str(day),
            "school.trainings.signin_sheet",
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
    "services xlsx",
    "sign-in sheet pdf",
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
    for content in (SHARED, "Zofia", "Poufna", "kierownik.nazwisko", "Ewa", "Poradnictwo"):
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
    old.refresh_from_db()  # its moment is now 40 days ago
    since = timezone.localdate(old.at + datetime.timedelta(days=1)).isoformat()
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


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _stored_text():
    return " ".join(str(value) for row in AuditEntry.objects.values_list() for value in row)


def test_the_files_hold_what_the_entries_leave_out(client, world):
    """The two files above really carry the names the entries must not: the catalog's
    spreadsheet the service, the sign-in sheet the person present."""
    client.force_login(world["superuser"])
    response = client.get("/admin/snippets/catalog/service/?export=xlsx")
    sheet = load_workbook(io.BytesIO(_body(response))).active
    cells = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row}
    assert "Poradnictwo rodzinne w Bielinach" in cells
    client.force_login(world["coordinator"])
    day = world["event"].days.get()
    response = client.get(
        f"/admin/school/events/{world['event'].pk}/days/{day.pk}/sign-in-sheet.pdf"
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(_body(response))).pages)
    assert "Poufna" in text
    assert AuditEntry.objects.count() == 2
    stored = _stored_text()
    assert "Poradnictwo" not in stored and "Poufna" not in stored and "Zofia" not in stored


# The coordinator's participant list of a course: its files and the certificates' ZIP -----


@pytest.fixture
def course_world(site):
    from tests.school.test_coordinator import build_world

    return build_world(site)


def _read_participants(kind, content):
    if kind == "csv":
        return content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(content)).active
    return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


def _read_zip(content):
    names = []
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            reader = PdfReader(io.BytesIO(archive.read(name)))
            names.append("".join(page.extract_text() for page in reader.pages))
    return " ".join(names)


COURSE_EXPORTS = [
    # (url suffix, model label, action, read the file back)
    ("export.csv", "school.Enrolment", "school.participants.csv", "csv"),
    ("export.xlsx", "school.Enrolment", "school.participants.xlsx", "xlsx"),
    ("certificates.zip", "school.Certificate", "school.certificates.zip", "zip"),
]


@pytest.mark.parametrize(
    "suffix, label, action, kind", COURSE_EXPORTS, ids=[c[0] for c in COURSE_EXPORTS]
)
def test_course_exports_write_one_entry_without_names(
    client, course_world, suffix, label, action, kind
):
    coordinator = course_world["a"]
    client.force_login(coordinator)
    response = client.get(f"/admin/school/courses/{course_world['course'].pk}/{suffix}")
    assert response.status_code == 200
    content = _body(response)
    text = _read_zip(content) if kind == "zip" else _read_participants(kind, content)
    assert "Adamska" in text  # the file names the learner ...
    entry = AuditEntry.objects.get()  # exactly one
    assert (entry.user_id, entry.kind, entry.model_label, entry.object_pk, entry.action) == (
        coordinator.pk,
        "export",
        label,
        "",
        action,
    )
    stored = _stored_text()
    for content_part in ("Ala", "Adamska", "Bielski", "KOOP-AAAA-2222", "PZK Oksa"):
        assert content_part not in stored  # ... the entry does not


def test_a_course_without_certificates_for_the_coordinator_writes_nothing(client, course_world):
    """No ZIP handed out (a message instead), no entry: only what left the portal is logged."""
    from school.models import Certificate

    Certificate.objects.all().delete()
    client.force_login(course_world["a"])
    response = client.get(f"/admin/school/courses/{course_world['course'].pk}/certificates.zip")
    assert response.status_code == 302
    assert not AuditEntry.objects.exists()


# The retention command ------------------------------------------------------------------


def test_purge_writes_one_erasure_entry_per_person_and_none_on_a_dry_run(world, settings):
    settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS = 5
    long_ago = datetime.datetime(2001, 5, 1, tzinfo=datetime.UTC)
    old = [
        Person.objects.create(first_name="Stanisław", last_name="Dawny"),
        Person.objects.create(first_name="Halina", last_name="Dawna"),
    ]
    Person.objects.filter(pk__in=[p.pk for p in old]).update(created_at=long_ago)

    call_command("purge_personal_data", "--dry-run", stdout=io.StringIO())
    assert not AuditEntry.objects.exists()

    call_command("purge_personal_data", stdout=io.StringIO())
    entries = AuditEntry.objects.order_by("object_pk")
    assert [(e.user_id, e.kind, e.model_label, e.object_pk, e.action) for e in entries] == sorted(
        (None, "erase", "school.Person", str(p.pk), "school.people.purge_expired") for p in old
    )
    # The person of 2024 is kept, and has no entry.
    assert str(world["person"].pk) not in {e.object_pk for e in entries}
    stored = _stored_text()
    for name in ("Stanisław", "Dawny", "Halina", "Dawna"):
        assert name not in stored

    # Nobody is erased twice, so nothing more is logged.
    call_command("purge_personal_data", stdout=io.StringIO())
    assert AuditEntry.objects.count() == 2
