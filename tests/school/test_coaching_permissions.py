"""Who sees what of coaching and supervision: a matrix of roles × every view, asserting
the status each role meets and which confidential texts (the coach's private notes, the
notes shared with the coachee, the supervision conclusions) appear in the response.

Statuses: "login" — a redirect to a login page (anonymous visitors, and accounts without
admin access in the admin); "home" — Wagtail's redirect to the admin home with "no
permission"; 404 — a session that is not the person's own (its existence is not given
away); 403 — the report's own refusal; 200.

Texts: P private notes, S shared notes, C conclusions; "-" none of them."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook
from wagtail.log_actions import log

from portal import roles
from tests.factories import UserFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    SupervisionSessionFactory,
)
from tests.factories.school import CourseIndexPageFactory

PRIVATE = "Prywatnezapiskiwylacznie"
SHARED = "Udostepnionecoachee"
CONCLUSIONS = "Wnioskizespolu"
NOTE_WORD = "Zaufaniezespolu"  # only in the notes: searches must not find the session
TOPIC = "Planowanie pracy animatora"
SECRETS = {"P": PRIVATE, "S": SHARED, "C": CONCLUSIONS}

ROLES = [
    "anonymous",
    "trainee",
    "coachee",
    "other_coachee",
    "coach",
    "other_coach",
    "coordinator",
    "editor",
    "institution_editor",
    "superuser",
]
R, D, N, F, OK = "login", "home", 404, 403, 200


@pytest.fixture
def world(site):
    CourseIndexPageFactory(parent=site.home_pl)
    users = {"anonymous": None}
    for role, group in {
        "trainee": roles.TRAINEE,
        "coachee": roles.TRAINEE,
        "other_coachee": roles.TRAINEE,
        "coach": roles.COACH,
        "other_coach": roles.COACH,
        "coordinator": roles.COORDINATOR,
        "editor": roles.EDITOR,
        "institution_editor": roles.INSTITUTION_EDITOR,
    }.items():
        users[role] = UserFactory(first_name=role, last_name="Test")
        users[role].groups.add(Group.objects.get(name=group))
    users["superuser"] = UserFactory(is_superuser=True, is_staff=True)
    coachee = PersonFactory(user=users["coachee"], first_name="Alicja", last_name="Coachowana")
    other = PersonFactory(user=users["other_coachee"])
    colleague = PersonFactory()
    notes = {
        "private_notes": f"{PRIVATE} {NOTE_WORD}",
        "shared_notes": f"{SHARED} {NOTE_WORD}",
    }
    mine = CoachingSessionFactory(coach=users["coach"], coachees=[coachee], topic=TOPIC, **notes)
    theirs = CoachingSessionFactory(
        coach=users["other_coach"], coachees=[other], topic="Sesja innego coacha", **notes
    )
    supervision = SupervisionSessionFactory(
        supervisor=users["coach"],
        members=[coachee, colleague],
        members__consented=True,
        conclusions=f"{CONCLUSIONS} {NOTE_WORD}",
    )
    # Log entries as the admin writes them, for the history and site history.
    for session in (mine, theirs, supervision):
        log(session, "wagtail.create", user=users["coach"])
    return {
        "users": users,
        "mine": mine,
        "theirs": theirs,
        "supervision": supervision,
        "coachee": coachee,
    }


def views(world):
    mine, supervision = world["mine"].pk, world["supervision"].pk
    coachee = world["coachee"].pk
    period = "date_from=2019-01-01&date_to=2019-12-31"
    find = {"coachees-find": "Coachowana", "coachees-find-go": "1", "form": "individual"}
    return {
        "coaching_list": "/admin/school/coaching/",
        "coaching_search_notes": f"/admin/school/coaching/?q={NOTE_WORD}",
        "coaching_inspect": f"/admin/school/coaching/inspect/{mine}/",
        "coaching_create": "/admin/school/coaching/new/",
        "coaching_chooser": ("post", "/admin/school/coaching/new/", find),
        "coaching_edit": f"/admin/school/coaching/edit/{mine}/",
        "coaching_delete": f"/admin/school/coaching/delete/{mine}/",
        "coaching_history": f"/admin/school/coaching/history/{mine}/",
        "coaching_usage": f"/admin/school/coaching/usage/{mine}/",
        "other_coach_edit": f"/admin/school/coaching/edit/{world['theirs'].pk}/",
        "supervision_list": "/admin/school/supervision/",
        "supervision_inspect": f"/admin/school/supervision/inspect/{supervision}/",
        "supervision_edit": f"/admin/school/supervision/edit/{supervision}/",
        "supervision_delete": f"/admin/school/supervision/delete/{supervision}/",
        "supervision_history": f"/admin/school/supervision/history/{supervision}/",
        "supervision_usage": f"/admin/school/supervision/usage/{supervision}/",
        "admin_search": f"/admin/pages/search/?q={NOTE_WORD}",
        "site_history": "/admin/reports/site-history/",
        "hours": "/admin/school/support-hours/",
        "notes_ask": f"/admin/school/support-hours/coaching/{mine}/notes/",
        "notes_read": ("post", f"/admin/school/support-hours/coaching/{mine}/notes/", {}),
        "conclusions_read": (
            "post",
            f"/admin/school/support-hours/supervision/{supervision}/notes/",
            {},
        ),
        "ledger_summary_csv": f"/admin/school/reports/summary.csv?{period}&by=project",
        "ledger_breakdown_csv": f"/admin/school/reports/breakdown.csv?{period}&by=provider",
        "ledger_xlsx": f"/admin/school/reports/report.xlsx?{period}&by=person",
        "register_person": f"/admin/school/people/{coachee}/",
        "my_support": "/pl/e-szkola/moje-wsparcie/",
        "my_coaching": f"/pl/e-szkola/moje-wsparcie/coaching/{mine}/",
        "my_supervision": f"/pl/e-szkola/moje-wsparcie/superwizja/{supervision}/",
    }


# Rows: views; columns: ROLES in order, each (status, texts shown).
# anonymous, trainee, coachee, other coachee, coach, other coach, coordinator, editor,
# institution editor, superuser
_ = "-"
COACH_ONLY = [(R, _), (R, _), (R, _), (R, _), (OK, _), (N, _), (D, _), (D, _), (D, _), (N, _)]
COACHES = [(R, _), (R, _), (R, _), (R, _), (OK, _), (OK, _), (D, _), (D, _), (D, _), (OK, _)]
COORDINATORS = [(R, _), (R, _), (R, _), (R, _), (D, _), (D, _), (OK, _), (D, _), (D, _), (OK, _)]
REPORTS = [(R, _), (R, _), (R, _), (R, _), (F, _), (F, _), (OK, _), (F, _), (F, _), (OK, _)]
SUPERUSER = [(R, _), (R, _), (R, _), (R, _), (D, _), (D, _), (D, _), (D, _), (D, _), (OK, _)]
ADMIN_USERS = [(R, _), (R, _), (R, _), (R, _), (OK, _), (OK, _), (OK, _), (OK, _), (OK, _), (OK, _)]
PAGE_EDITORS = [(R, _), (R, _), (R, _), (R, _), (D, _), (D, _), (D, _), (OK, _), (D, _), (OK, _)]
NOT_FOUND_BUT = {role: (N, _) for role in ROLES} | {"anonymous": (R, _)}


def row(base, **cells):
    values = dict(zip(ROLES, base, strict=True))
    values.update(cells)
    return [values[role] for role in ROLES]


EXPECTED = {
    # The coach's own admin: lists hold no notes; a session is its coach's alone.
    "coaching_list": COACHES,
    "coaching_search_notes": COACHES,
    "coaching_inspect": row(COACH_ONLY, coach=(OK, "PS")),
    "coaching_create": COACHES,
    "coaching_chooser": COACHES,
    "coaching_edit": row(COACH_ONLY, coach=(OK, "PS")),
    "coaching_delete": COACH_ONLY,
    "coaching_history": COACH_ONLY,
    "coaching_usage": COACH_ONLY,
    "other_coach_edit": row(COACH_ONLY, coach=(N, _), other_coach=(OK, "PS")),
    "supervision_list": COACHES,
    "supervision_inspect": row(COACH_ONLY, coach=(OK, "C")),
    "supervision_edit": row(COACH_ONLY, coach=(OK, "C")),
    "supervision_delete": COACH_ONLY,
    "supervision_history": COACH_ONLY,
    "supervision_usage": COACH_ONLY,
    # Wagtail's own search and site history: never a note.
    "admin_search": PAGE_EDITORS,
    "site_history": ADMIN_USERS,
    # Coordinators: hours and counts only.
    "hours": COORDINATORS,
    "notes_ask": SUPERUSER,
    # The audited reading: shared notes and consented conclusions, never private notes.
    "notes_read": row(SUPERUSER, superuser=(OK, "S")),
    "conclusions_read": row(SUPERUSER, superuser=(OK, "C")),
    # The ledger's exports (school/admin_reports.py): figures only.
    "ledger_summary_csv": REPORTS,
    "ledger_breakdown_csv": REPORTS,
    "ledger_xlsx": REPORTS,
    "register_person": row(COORDINATORS),
    # The coachee's and member's pages.
    "my_support": [(R, _)] + [(OK, _)] * 9,
    "my_coaching": row(list(NOT_FOUND_BUT.values()), coachee=(OK, "S")),
    "my_supervision": row(list(NOT_FOUND_BUT.values()), coachee=(OK, "C")),
}


LOGIN_PAGES = ("/admin/login/?next=", "/pl/konto/logowanie/?next=")


def body_of(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    if content[:2] == b"PK":  # a workbook: every cell's text
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        return " ".join(
            str(value)
            for sheet in workbook.worksheets
            for line in sheet.iter_rows(values_only=True)
            for value in line
            if value is not None
        )
    return content.decode("utf-8-sig", errors="replace")


def outcome(client, view):
    method, url, data = view if isinstance(view, tuple) else ("get", view, None)
    response = client.post(url, data) if method == "post" else client.get(url)
    status = response.status_code
    if status == 302:
        location = response["Location"]
        if location.rstrip("/") == "/admin":
            status = D
        elif location.startswith(LOGIN_PAGES):
            status = R
    body = body_of(response) if status in (200, 403, 404) else ""
    shown = "".join(key for key, secret in SECRETS.items() if secret in body) or _
    return (status, shown), body


def test_matrix_of_roles_and_views(client, world):
    urls = views(world)
    assert set(EXPECTED) == set(urls)
    failures = []
    for column, role in enumerate(ROLES):
        client.logout()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        for name, view in urls.items():
            got, _body = outcome(client, view)
            expected = EXPECTED[name][column]
            if got != expected:
                failures.append(f"{name} as {role}: expected {expected}, got {got}")
    assert not failures, "\n".join(failures)


def test_searches_never_find_a_session_by_its_notes(client, world):
    client.force_login(world["users"]["coach"])
    body = client.get(f"/admin/school/coaching/?q={NOTE_WORD}").content.decode()
    assert TOPIC not in body
    assert TOPIC in client.get("/admin/school/coaching/?q=animatora").content.decode()
    body = client.get(f"/admin/school/supervision/?q={NOTE_WORD}").content.decode()
    assert world["supervision"].team_name not in body
    client.force_login(world["users"]["superuser"])
    body = client.get(f"/admin/pages/search/?q={NOTE_WORD}").content.decode()
    assert TOPIC not in body and "Sesja innego coacha" not in body
    assert all(secret not in body for secret in SECRETS.values())


def test_lists_show_only_the_users_own_sessions(client, world):
    client.force_login(world["users"]["other_coach"])
    body = client.get("/admin/school/coaching/").content.decode()
    assert "Sesja innego coacha" in body and TOPIC not in body
    client.force_login(world["users"]["superuser"])
    body = client.get("/admin/school/coaching/").content.decode()
    assert "Sesja innego coacha" not in body and TOPIC not in body


def test_the_hours_list_shows_no_topic_to_coordinators(client, world):
    client.force_login(world["users"]["coordinator"])
    body = client.get("/admin/school/support-hours/").content.decode()
    assert TOPIC not in body and world["supervision"].team_name not in body
    assert "coach Test" in body  # who delivered the hours, for the reports


def test_the_coachee_sees_their_sessions_and_hours(client, world):
    client.force_login(world["users"]["coachee"])
    response = client.get("/pl/e-szkola/moje-wsparcie/")
    body = response.content.decode()
    assert TOPIC in body and "Sesja innego coacha" not in body
    assert world["supervision"].team_name in body
    assert "no-store" in response["Cache-Control"]
    detail = client.get(f"/pl/e-szkola/moje-wsparcie/coaching/{world['mine'].pk}/")
    assert "no-store" in detail["Cache-Control"]


def test_a_coordinators_personal_data_download_carries_no_notes(client, world):
    client.force_login(world["users"]["coordinator"])
    response = client.get(f"/admin/school/people/{world['coachee'].pk}/personal-data.json")
    assert response.status_code == 200
    body = body_of(response)
    assert all(secret not in body for secret in SECRETS.values())
    # The person's hours are there; where the notes are is said instead.
    data = json.loads(body)
    assert data["coaching"] and "hours" in data["coaching"][0]
    assert "coacha" in data["notes"]


@pytest.mark.parametrize(
    "role, shown, hidden",
    [
        ("coach", ["Moje sesje coachingowe", "Sesje superwizji"], ["Godziny coachingu"]),
        ("coordinator", ["Godziny coachingu i superwizji"], ["Moje sesje coachingowe"]),
        ("editor", [], ["Moje sesje coachingowe", "Godziny coachingu i superwizji"]),
        ("superuser", ["Moje sesje coachingowe", "Godziny coachingu i superwizji"], []),
    ],
)
def test_admin_menu_shows_each_role_its_own_places(client, world, role, shown, hidden):
    client.force_login(world["users"][role])
    body = client.get("/admin/").content.decode()
    assert all(label in body for label in shown)
    assert not any(label in body for label in hidden)
