"""Coaching and supervision records in the admin: the individual/group rule, the coach
fixed to whoever records, the supervisor's institution conflict, consent recorded with
who and when, the people picker, the notice against family data, the audited reading of
notes by a superuser (and no record for the coach's own reading), and no note text in
log entries, messages or logging output."""

import datetime
import decimal
import logging

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from portal import roles
from school import coaching
from school.models import CoachingSession, SupervisionMember, SupervisionSession
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory
from tests.factories.records import (
    CoachingSessionFactory,
    PersonFactory,
    SupervisionSessionFactory,
)
from tests.utils import soup, text

PRIVATE = "Prywatnynotatnikcoacha"
SHARED = "Wspolnezapiskizsesji"
CONCLUSIONS = "Wnioskizsuperwizjizespolu"
COACHING_NEW = "/admin/school/coaching/new/"
SUPERVISION_NEW = "/admin/school/supervision/new/"


@pytest.fixture
def coach(db):
    # The Coach role reaches the admin by its role migration (portal 0007).
    group = Group.objects.get(name=roles.COACH)
    user = UserFactory(first_name="Celina", last_name="Coachingowa")
    user.groups.add(group)
    return user


@pytest.fixture
def people(db):
    institution = InstitutionFactory(name="GOPS w Bielinach")
    return [
        PersonFactory(first_name="Anna", last_name="Nowak", institution=institution),
        PersonFactory(first_name="Piotr", last_name="Lis", institution_name="PCPR Kielce"),
        PersonFactory(first_name="Ewa", last_name="Sowa"),
    ]


def coaching_post(people, **changes):
    data = {
        "date": "2019-06-03",
        "hours": "1.5",
        "form": "individual",
        "coachees": [str(person.pk) for person in people],
        "topic": "Rola animatora w zespole",
        "goals": "Plan pracy na kwartał",
        "shared_notes": SHARED,
        "private_notes": PRIVATE,
    }
    data.update(changes)
    return data


# The individual / group rule --------------------------------------------------------------

FORM_CASES = [
    # form, number of coachees, error expected
    ("individual", 1, None),
    ("individual", 0, "Coaching indywidualny prowadzi się z dokładnie jedną osobą"),
    ("individual", 2, "Coaching indywidualny prowadzi się z dokładnie jedną osobą"),
    ("group", 1, "Coaching grupowy prowadzi się z co najmniej dwiema osobami"),
    ("group", 2, None),
    ("group", 3, None),
]


@pytest.mark.parametrize("form, count, error", FORM_CASES)
def test_individual_is_one_coachee_group_is_two_or_more(client, coach, people, form, count, error):
    client.force_login(coach)
    data = coaching_post(people[:count], form=form)
    if count == 0:
        data.pop("coachees")
    response = client.post(COACHING_NEW, data)
    if error is None:
        assert response.status_code == 302
        session = CoachingSession.objects.get()
        assert session.coachees.count() == count
        assert session.form == form
        return
    assert response.status_code == 200
    assert not CoachingSession.objects.exists()
    page = soup(response)
    errors = page.select('[id$="coachees-errors"]')
    assert len(errors) == 1  # tied to the coachees field
    # Nobody chosen: "required" speaks first.
    assert (error if count else "To pole jest wymagane") in text(errors[0])
    # What was typed is kept.
    assert page.find("textarea", attrs={"name": "private_notes"}).get_text().strip() == PRIVATE


def test_the_coach_is_whoever_records_the_session(client, coach, people):
    other = UserFactory()
    client.force_login(coach)
    response = client.post(COACHING_NEW, coaching_post(people[:1], coach=str(other.pk)))
    assert response.status_code == 302
    assert CoachingSession.objects.get().coach == coach


def test_forms_warn_against_family_data(client, coach, people):
    client.force_login(coach)
    page = soup(client.get(COACHING_NEW))
    assert "Nie wpisuj danych o rodzinach i osobach, z którymi pracujesz" in text(page)
    for name in ("topic", "goals", "shared_notes", "private_notes"):
        field = page.find(attrs={"name": name})
        described = field["aria-describedby"].split()
        help_text = " ".join(text(page.find(id=target)) for target in described)
        assert "Nie wpisuj danych o rodzinach" in help_text, name
    page = soup(client.get(SUPERVISION_NEW))
    assert "Nie wpisuj danych o rodzinach i osobach, z którymi pracujesz" in text(page)
    for name in ("team_name", "conclusions"):
        described = page.find(attrs={"name": name})["aria-describedby"].split()
        assert "Nie wpisuj danych" in " ".join(text(page.find(id=t)) for t in described)


def test_picker_finds_people_by_name_or_institution_and_shows_no_email(client, coach, people):
    client.force_login(coach)
    data = coaching_post([], **{"coachees-find": "bielin", "coachees-find-go": "1"})
    data.pop("coachees")
    response = client.post(COACHING_NEW, data)
    assert response.status_code == 200
    assert not CoachingSession.objects.exists()  # finding never saves
    page = soup(response)
    boxes = page.find_all("input", attrs={"name": "coachees", "type": "checkbox"})
    assert [box["value"] for box in boxes] == [str(people[0].pk)]
    label = text(page.find("label", attrs={"for": boxes[0]["id"]}))
    assert label == "Anna Nowak – GOPS w Bielinach"
    assert people[0].email not in response.content.decode()
    # Shown again as typed, without errors for what was not filled in yet.
    assert page.find("textarea", attrs={"name": "shared_notes"}).get_text().strip() == SHARED
    assert not page.select(".error-message")


# Supervision: the institution rule and consent ---------------------------------------------


def supervision_post(members, consenting=(), **changes):
    data = {
        "date": "2019-11-20",
        "hours": "3",
        "team_name": "Zespół zadaniowy nr 2",
        "members": [str(person.pk) for person in members],
        "consenting": [str(person.pk) for person in consenting],
        "conclusions": CONCLUSIONS,
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("where", ["account", "register", "typed name"])
def test_supervisor_of_the_same_institution_is_refused(client, coach, people, where):
    if where == "account":
        coach.institution = people[0].institution
        coach.save()
        conflicting = people[0]
    elif where == "register":
        PersonFactory(user=coach, institution=people[0].institution)
        conflicting = people[0]
    else:
        PersonFactory(user=coach, institution_name="pcpr kielce ")
        conflicting = people[1]
    client.force_login(coach)
    response = client.post(SUPERVISION_NEW, supervision_post(people))
    assert response.status_code == 200
    assert not SupervisionSession.objects.exists()
    errors = soup(response).select('[id$="members-errors"]')
    assert len(errors) == 1  # tied to the members field
    message = text(errors[0])
    assert "Superwizor nie może być zatrudniony w tej samej instytucji co członek zespołu" in (
        message
    )
    assert conflicting.full_name in message
    assert all(p.full_name not in message for p in people if p != conflicting)


def test_supervisor_from_another_institution_is_accepted(client, coach, people):
    coach.institution = InstitutionFactory(name="ROPS Kielce")
    coach.save()
    client.force_login(coach)
    response = client.post(SUPERVISION_NEW, supervision_post(people))
    assert response.status_code == 302
    session = SupervisionSession.objects.get()
    assert session.supervisor == coach
    assert set(session.members.all()) == set(people)


def test_consent_is_recorded_with_who_and_when(client, coach, people):
    client.force_login(coach)
    before = datetime.datetime.now(datetime.UTC)
    client.post(SUPERVISION_NEW, supervision_post(people, consenting=people[:2]))
    session = SupervisionSession.objects.get()
    members = {m.person_id: m for m in SupervisionMember.objects.filter(session=session)}
    for person in people[:2]:
        assert members[person.pk].consented
        assert members[person.pk].consent_recorded_by == coach
        assert members[person.pk].consent_recorded_at >= before
    assert not members[people[2].pk].consented
    assert members[people[2].pk].consent_recorded_at is None
    assert not session.all_members_consented()

    # Everyone consents now; the first consent keeps its time; a withdrawal is recorded.
    first = members[people[0].pk].consent_recorded_at
    edit = f"/admin/school/supervision/edit/{session.pk}/"
    client.post(edit, supervision_post(people, consenting=people))
    assert session.all_members_consented()
    assert SupervisionMember.objects.get(person=people[0]).consent_recorded_at == first
    client.post(edit, supervision_post(people, consenting=people[1:]))
    withdrawn = SupervisionMember.objects.get(person=people[0])
    assert not withdrawn.consented
    assert withdrawn.consent_recorded_at > first
    # The form shows what was recorded.
    assert "zgoda wycofana" in text(soup(client.get(edit)))


def test_consent_only_from_members(client, coach, people):
    client.force_login(coach)
    response = client.post(SUPERVISION_NEW, supervision_post(people[:2], consenting=[people[2]]))
    assert response.status_code == 200
    assert not SupervisionSession.objects.exists()


# The audited reading ---------------------------------------------------------------------


@pytest.fixture
def sessions(coach, people):
    coached = CoachingSessionFactory(
        coach=coach, coachees=people[:1], shared_notes=SHARED, private_notes=PRIVATE
    )
    supervised = SupervisionSessionFactory(
        supervisor=coach, members=people[:2], members__consented=True, conclusions=CONCLUSIONS
    )
    withheld = SupervisionSessionFactory(
        supervisor=coach,
        members=people[:2],
        members__consented=[True, False],
        conclusions=CONCLUSIONS + "Bezzgody",
    )
    return {"coaching": coached, "supervision": supervised, "withheld": withheld}


def reads():
    return ModelLogEntry.objects.filter(action=coaching.NOTES_READ)


def test_superuser_reading_shared_notes_leaves_an_audit_record(client, sessions):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = f"/admin/school/support-hours/coaching/{sessions['coaching'].pk}/notes/"
    asked = client.get(url)
    assert asked.status_code == 200
    assert SHARED not in asked.content.decode()
    assert not reads().exists()  # asking is not reading

    response = client.post(url)
    body = response.content.decode()
    assert SHARED in body
    assert PRIVATE not in body
    assert "no-store" in response["Cache-Control"]
    entry = reads().get()
    assert entry.user == admin
    assert entry.object_id == str(sessions["coaching"].pk)
    assert entry.data == {"session": sessions["coaching"].pk, "kind": "coaching"}
    assert SHARED not in entry.label and SHARED not in str(entry.data)
    # The coach sees the reading in the session's history.
    assert entry.message == "Notatki odczytane przez administratora"


def test_conclusions_need_every_members_consent_even_for_a_superuser(client, sessions):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    withheld = f"/admin/school/support-hours/supervision/{sessions['withheld'].pk}/notes/"
    assert CONCLUSIONS not in client.get(withheld).content.decode()
    assert client.post(withheld).status_code == 404
    assert not reads().exists()
    agreed = f"/admin/school/support-hours/supervision/{sessions['supervision'].pk}/notes/"
    assert CONCLUSIONS in client.post(agreed).content.decode()
    assert reads().get().data["kind"] == "supervision"


def test_the_coach_reading_their_own_notes_leaves_no_record(client, coach, sessions):
    client.force_login(coach)
    pk = sessions["coaching"].pk
    for url in (
        f"/admin/school/coaching/edit/{pk}/",
        f"/admin/school/coaching/inspect/{pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert PRIVATE in response.content.decode()
    assert client.get(f"/admin/school/support-hours/coaching/{pk}/notes/").status_code == 302
    assert not reads().exists()


def test_coordinator_may_not_use_the_audited_reading(client, sessions):
    group = Group.objects.get(name=roles.COORDINATOR)
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    url = f"/admin/school/support-hours/coaching/{sessions['coaching'].pk}/notes/"
    assert client.post(url).status_code == 302  # refused: back to the admin home
    assert not reads().exists()


# No note text in log entries, messages or logging ----------------------------------------


def test_no_note_text_in_log_entries_messages_or_logging(client, coach, people, caplog):
    caplog.set_level(logging.DEBUG)
    client.force_login(coach)
    response = client.post(COACHING_NEW, coaching_post(people[:2], form="group"), follow=True)
    session = CoachingSession.objects.get()
    messages = " ".join(str(message) for message in response.context["messages"])
    edit = f"/admin/school/coaching/edit/{session.pk}/"
    client.post(
        edit,
        coaching_post(
            people[:2], form="group", shared_notes=SHARED + "2", private_notes=PRIVATE + "2"
        ),
    )
    client.post(edit, coaching_post(people[:2]))  # refused (individual with two): logged?
    client.post(SUPERVISION_NEW, supervision_post(people, consenting=people), follow=True)
    supervision = SupervisionSession.objects.get()
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    client.post(f"/admin/school/support-hours/coaching/{session.pk}/notes/")
    client.post(f"/admin/school/support-hours/supervision/{supervision.pk}/notes/")
    client.force_login(coach)
    client.post(f"/admin/school/coaching/delete/{session.pk}/")
    entries = list(ModelLogEntry.objects.all())
    assert {"wagtail.create", "wagtail.edit", "wagtail.delete", coaching.NOTES_READ} <= {
        entry.action for entry in entries
    }
    secrets = (PRIVATE, SHARED, CONCLUSIONS, "Rola animatora", "Zespół zadaniowy nr 2")
    for entry in entries:
        stored = f"{entry.label} {entry.data} {entry.message} {entry.comment}"
        assert not any(secret in stored for secret in secrets), entry.action
    assert not any(secret in messages for secret in secrets)
    assert not any(secret in caplog.text for secret in (PRIVATE, SHARED, CONCLUSIONS))


def test_history_shows_the_log_without_note_text(client, coach, sessions):
    session = sessions["coaching"]
    admin = UserFactory(is_superuser=True, is_staff=True)
    coaching.read_notes(admin, session)
    client.force_login(coach)
    response = client.get(f"/admin/school/coaching/history/{session.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Notatki odczytane przez administratora" in body
    assert SHARED not in body and PRIVATE not in body


def test_hours_view_counts_without_topics_or_notes(client, sessions, people):
    CoachingSessionFactory(coachees=people, form="group", hours=decimal.Decimal("2"))
    group = Group.objects.get(name=roles.COORDINATOR)
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    response = client.get("/admin/school/support-hours/")
    body = response.content.decode()
    page = soup(response)
    figures = {
        text(div.find("dt")): text(div.find("dd")) for div in page.select(".school-figures div")
    }
    assert figures["Godziny coachingu indywidualnego"] == "1,5"
    assert figures["Godziny coachingu grupowego"] == "2"
    assert figures["Godziny superwizji"] == "6"
    rows = page.select("table.listing")[0].select("tbody tr")
    cells = [[text(td) for td in row.find_all("td")] for row in rows]
    assert ["2019-06-03", "Celina Coachingowa", "indywidualny", "1", "1,5"] in cells
    assert ["2019-06-03", "Jan Kowalski", "grupowy", "3", "2"] in cells
    for secret in (PRIVATE, SHARED, CONCLUSIONS, sessions["coaching"].topic, "Zespół zadaniowy"):
        assert secret not in body
    assert "Pokaż notatki" not in body  # the audited reading is for superusers only
