"""Who may see learners' records: a matrix of roles × views, asserting the status each
role meets, and then what coordinators see inside the views they may open — coordinator A
never meets coordinator B's learners, in no list, export, detail or count.

Statuses: 302 to the login page for anonymous visitors and accounts without admin access;
"home" for admin users without the Coordinator role (the views refuse with PermissionDenied,
which Wagtail's admin turns into a redirect to the admin home with "no permission"); 404
for objects outside a coordinator's cohorts (their existence is not given away); 403 on the
public site."""

import io

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from portal import roles
from tests.factories import UserFactory
from tests.school.test_coordinator import build_world

ROLES = [
    "anonymous",
    "trainee",
    "editor",
    "coach",
    "coordinator_a",
    "coordinator_b",
    "institution_editor",
    "superuser",
]
GROUP_OF = {
    "trainee": roles.TRAINEE,
    "editor": roles.EDITOR,
    "coach": roles.COACH,
    "institution_editor": roles.INSTITUTION_EDITOR,
}


@pytest.fixture
def world(site):
    world = build_world(site)
    users = {"anonymous": None, "coordinator_a": world["a"], "coordinator_b": world["b"]}
    for role, group in GROUP_OF.items():
        users[role] = UserFactory(first_name=role, last_name="Test")
        users[role].groups.add(Group.objects.get(name=group))
    users["superuser"] = UserFactory(is_superuser=True, is_staff=True)
    # The learner is a trainee too: their own records are theirs, not a coordinator's.
    world["people"]["ala"].groups.add(Group.objects.get(name=roles.TRAINEE))
    world["users"] = users
    return world


def views(world):
    course = world["course"].pk
    ala = world["enrolments"]["ala"]
    return {
        "courses": "/admin/school/",
        "participants": f"/admin/school/courses/{course}/",
        "learner_detail": f"/admin/school/enrolments/{ala.pk}/",
        "export_csv": f"/admin/school/courses/{course}/export.csv",
        "export_xlsx": f"/admin/school/courses/{course}/export.xlsx",
        "certificate_zip": f"/admin/school/courses/{course}/certificates.zip",
        "certificate_correct": f"/admin/school/certificates/{ala.certificate.pk}/correct-name/",
        "enrol": "/admin/school/enrol/",
        "enrol_csv": "/admin/school/enrol/csv/",
        "cohort_list": "/admin/school/cohorts/",
        "cohort_edit_a": f"/admin/school/cohorts/edit/{world['cohort_a'].pk}/",
        "cohort_add": "/admin/school/cohorts/new/",
        "wagtail_users": "/admin/users/",
        "certificate_pdf": "/pl/e-szkola/certyfikat/KOOP-AAAA-2222/pdf/",
    }


# Rows: views; columns: ROLES in order.
R, F, D, N, OK = "login", 403, "home", 404, 200
EXPECTED = {
    # The coach reaches the admin (to record coaching) but none of these views.
    #                    anon trainee editor coach coordA coordB inst.ed super
    "courses": [R, R, D, D, OK, OK, D, OK],
    "participants": [R, R, D, D, OK, OK, D, OK],
    "learner_detail": [R, R, D, D, OK, N, D, OK],
    "export_csv": [R, R, D, D, OK, OK, D, OK],
    "export_xlsx": [R, R, D, D, OK, OK, D, OK],
    "certificate_zip": [R, R, D, D, OK, OK, D, OK],
    "certificate_correct": [R, R, D, D, OK, D, D, OK],
    "enrol": [R, R, D, D, OK, OK, D, OK],
    "enrol_csv": [R, R, D, D, OK, OK, D, OK],
    "cohort_list": [R, R, D, D, OK, OK, D, OK],
    "cohort_edit_a": [R, R, D, D, OK, N, D, OK],
    "cohort_add": [R, R, D, D, OK, OK, D, OK],
    # Wagtail's user admin (the only search through accounts): superusers only.
    "wagtail_users": [R, R, D, D, D, D, D, OK],
    # The learner's own certificate: the coordinator of her cohort may download it too.
    "certificate_pdf": [R, F, F, F, OK, F, F, OK],
}


LOGIN_PAGES = ("/admin/login/?next=", "/pl/konto/logowanie/?next=")


def status(client, url):
    """The status the person meets, with the redirect to the admin home told apart from
    the one to the login page, and Django's LocaleMiddleware hop for a 404 outside the
    language prefixes (/admin/... → /pl/admin/..., a 404 too) followed."""
    response = client.get(url)
    if response.status_code == 302:
        location = response["Location"]
        if location == f"/pl{url}":
            return client.get(location).status_code
        if location.rstrip("/") == "/admin":
            return D
        if location.startswith(LOGIN_PAGES):
            return R
    return response.status_code


def test_matrix_of_roles_and_views(client, world):
    urls = views(world)
    assert set(EXPECTED) == set(urls)
    failures = []
    for column, role in enumerate(ROLES):
        user = world["users"][role]
        client.logout()
        if user is not None:
            client.force_login(user)
        for view, expected in EXPECTED.items():
            got = status(client, urls[view])
            if got != expected[column]:
                failures.append(f"{role} × {view}: {got}, expected {expected[column]}")
    assert failures == [], "\n".join(failures)


def test_the_e_school_menu_is_shown_to_coordinators_only(client, world):
    for role in ["editor", "institution_editor", "coordinator_a", "superuser"]:
        client.force_login(world["users"][role])
        page = client.get("/admin/").content.decode()
        assert ('"e-Szko\\u0142a"' in page or "e-Szkoła" in page) == (
            role in ("coordinator_a", "superuser")
        ), role


def test_the_learner_sees_her_own_dashboard_only(client, world):
    """The dashboard takes no learner from the address: /moje/?user=... still shows the
    person logged in."""
    ala = world["people"]["ala"]
    for role in ["coordinator_a", "editor", "trainee", "superuser"]:
        client.force_login(world["users"][role])
        response = client.get("/pl/e-szkola/moje/", {"user": ala.pk})
        assert response.status_code == 200, role
        page = response.content.decode()
        assert "KOOP-AAAA-2222" not in page, role
        assert world["course"].title not in page, role
    client.force_login(ala)
    page = client.get("/pl/e-szkola/moje/").content.decode()
    assert "KOOP-AAAA-2222" in page


# What coordinators see inside -----------------------------------------------------------

A_LEARNERS = {"Ala Adamska", "Bartek Bielski", "Celina Cicha"}
B_LEARNERS = {"Dorota Dudek"}


def visible_names(client, world):
    """Every learner name a coordinator meets in the lists and exports of the course."""
    course = world["course"].pk
    names = set()
    page = client.get(f"/admin/school/courses/{course}/").content.decode()
    names |= {name for name in A_LEARNERS | B_LEARNERS if name in page}
    csv_text = client.get(f"/admin/school/courses/{course}/export.csv").content.decode()
    names |= {name for name in A_LEARNERS | B_LEARNERS if name in csv_text}
    sheet = load_workbook(
        io.BytesIO(client.get(f"/admin/school/courses/{course}/export.xlsx").content)
    ).active
    names |= {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    for query in ({"q": "Dudek"}, {"q": "Adamska"}, {"cohort": world["cohort_b"].pk}):
        page = client.get(f"/admin/school/courses/{course}/", query).content.decode()
        names |= {name for name in A_LEARNERS | B_LEARNERS if name in page}
    cohorts = client.get("/admin/school/cohorts/").content.decode()
    names |= {"cohort " + name for name in ("PZK Oksa", "PZK Mirzec") if name in cohorts}
    return names


def test_coordinators_never_see_each_others_learners(client, world):
    client.force_login(world["a"])
    assert visible_names(client, world) == A_LEARNERS | {"cohort PZK Oksa"}
    client.force_login(world["b"])
    assert visible_names(client, world) == B_LEARNERS | {"cohort PZK Mirzec"}


def test_coordinators_cannot_act_on_each_others_learners(client, world):
    dorota = world["enrolments"]["dorota"]
    client.force_login(world["a"])
    assert status(client, f"/admin/school/enrolments/{dorota.pk}/") == 404
    assert status(client, f"/admin/school/cohorts/edit/{world['cohort_b'].pk}/") == 404
    assert status(client, f"/admin/school/cohorts/delete/{world['cohort_b'].pk}/") == 404
    assert status(client, f"/admin/school/cohorts/history/{world['cohort_b'].pk}/") == 404
    response = client.post(
        f"/admin/school/certificates/{dorota.certificate.pk}/revoke/", {"reason": "Błąd"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    dorota.certificate.refresh_from_db()
    assert dorota.certificate.revoked_at is None
    response = client.post(
        f"/admin/school/cohorts/edit/{world['cohort_b'].pk}/",
        {"name": "Przejęta", "current_coordinators": [world["a"].pk]},
    )
    assert response.status_code in (302, 404)
    world["cohort_b"].refresh_from_db()
    assert world["cohort_b"].name == "PZK Mirzec"


def test_figures_count_only_the_coordinators_learners(client, world):
    client.force_login(world["a"])
    page = client.get("/admin/school/").content.decode()
    # Coordinator A: three learners, one completed (Dorota, of B, completed too).
    assert "<td>3</td>" in page and "<td>4</td>" not in page


def test_a_coordinator_who_loses_the_role_loses_access(client, world):
    world["a"].groups.clear()
    world["a"].groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(world["a"])
    assert status(client, f"/admin/school/courses/{world['course'].pk}/") == D
    assert status(client, "/admin/school/cohorts/") == D


def test_group_editor_offers_no_cohort_permissions(client, world):
    """Cohort rights come from the Coordinator role and cohort coordination: a model
    permission ticked in the group editor would suggest a right that does nothing."""
    from django.contrib.auth.models import Permission

    client.force_login(world["users"]["superuser"])
    page = client.get("/admin/groups/new/").content.decode()
    cohort_permissions = Permission.objects.filter(content_type__model="cohort")
    assert cohort_permissions.exists()
    for permission in cohort_permissions:
        assert f'value="{permission.pk}"' not in page, permission.codename
