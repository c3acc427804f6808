"""Keeping the list current: an institution editor's change waits for a moderator, with
revisions and their comparison; "nothing changed" renews the verified date at once and is
recorded in the history; overdue entries are marked and filterable."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision, WorkflowContentType, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from catalog import moderation
from catalog.models import Institution, Service
from portal import editorial, roles
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.localdate() - datetime.timedelta(days=800)


def today():
    """Read at each use: a run that crosses midnight in Warsaw must not compare with yesterday."""
    return timezone.localdate()


def member_of(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def people(db):
    institution = InstitutionFactory(
        name="Gminny Ośrodek Pomocy Społecznej w Bogorii",
        gmina="2612013",
        phone="15 000 00 01",
        last_verified=LONG_AGO,
    )
    service = ServiceFactory(institution=institution, name="Klub seniora", last_verified=LONG_AGO)
    other_service = ServiceFactory(
        institution=institution, name="Punkt konsultacyjny", last_verified=None
    )
    editor = member_of(roles.INSTITUTION_EDITOR)
    institution.editors.add(editor)
    return {
        "institution": institution,
        "service": service,
        "other_service": other_service,
        "editor": editor,
        "moderator": member_of(roles.MODERATOR),
    }


def edit_url(model, entry):
    return reverse(f"wagtailsnippets_catalog_{model}:edit", args=[entry.pk])


def form_data(client, url, changes, action):
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    for name, value in changes.items():
        data[name] = value
    data[action] = "1"
    return data


def test_institutions_and_services_use_the_moderation_workflow():
    for model in (Institution, Service):
        assignment = WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(model)
        )
        assert assignment.workflow.name == editorial.MODERATION_WORKFLOW
        assert model().get_workflow() == assignment.workflow


def test_institution_editor_change_waits_for_a_moderator(client, people):
    institution = people["institution"]
    client.force_login(people["editor"])
    url = edit_url("institution", institution)
    # Publishing is not theirs: the page offers submitting instead.
    page = client.get(url).content.decode()
    assert 'name="action-publish"' not in page
    assert 'name="action-submit"' in page

    data = form_data(client, url, {"phone": "15 999 99 99"}, "action-submit")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    live = Institution.objects.get(pk=institution.pk)
    assert live.phone == "15 000 00 01"  # the public row is unchanged
    assert live.has_unpublished_changes
    state = WorkflowState.objects.for_instance(live).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == people["editor"]

    # Trying to publish directly does not publish either (and while a moderator has it,
    # the entry is locked for its institution editor: no new revision).
    data = form_data(client, url, {"phone": "15 111 11 11"}, "action-publish")
    client.post(url, data)
    assert Institution.objects.get(pk=institution.pk).phone == "15 000 00 01"
    assert Revision.objects.for_instance(live).count() == 1

    # The moderator compares the revisions and approves.
    client.force_login(people["moderator"])
    compare = reverse(
        "wagtailsnippets_catalog_institution:revisions_compare",
        args=[institution.pk, "live", "latest"],
    )
    response = client.get(compare)
    assert response.status_code == 200
    # The comparison marks the words removed and added.
    compared = re.sub(r"<[^>]+>", "", response.content.decode())
    assert "999 99 99" in compared and "000 00 01" in compared
    task_state = WorkflowState.objects.for_instance(live).get().current_task_state
    approve = reverse(
        "wagtailsnippets_catalog_institution:workflow_action",
        args=[institution.pk, "approve", task_state.pk],
    )
    response = client.post(approve, {"comment": "Zgadza się"})
    assert response.status_code in (200, 302)

    live = Institution.objects.get(pk=institution.pk)
    assert live.phone == "15 999 99 99"
    assert not live.has_unpublished_changes
    assert WorkflowState.objects.for_instance(live).get().status == WorkflowState.STATUS_APPROVED
    history = client.get(
        reverse("wagtailsnippets_catalog_institution:history", args=[institution.pk])
    )
    assert history.status_code == 200
    assert ModelLogEntry.objects.for_instance(live).filter(action="wagtail.publish").exists()


def test_institution_editor_adds_a_service_that_waits_for_approval(client, people):
    client.force_login(people["editor"])
    url = reverse("wagtailsnippets_catalog_service:add")
    response = client.get(url)
    # Their one institution is chosen for them.
    assert response.context["form"].initial["institution"] == people["institution"].pk
    data = form_data(
        client,
        url,
        {
            "name": "Grupa wsparcia dla rodziców",
            "areas": "parenting",
            "coverage": "2612013\n2612",
        },
        "action-submit",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    service = Service.objects.get(name="Grupa wsparcia dla rodziców")
    assert not service.live
    assert service.institution == people["institution"]
    assert sorted(unit.code for unit in service.coverage.all()) == ["2612", "2612013"]
    assert WorkflowState.objects.for_instance(service).get().status == "in_progress"


@pytest.mark.parametrize(
    "typed, error",
    [
        ("9999999", "9999999"),
        ("Atlantyda", "Atlantyda"),
        ("Osiek", "Osiek"),  # several gminas are called so: ambiguous, codes listed
    ],
)
def test_coverage_field_refuses_unknown_and_ambiguous_units(client, people, typed, error):
    client.force_login(people["moderator"])
    url = edit_url("service", people["service"])
    data = form_data(client, url, {"coverage": typed}, "action-publish")
    response = client.post(url, data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["coverage"])
    assert error in errors
    assert typed in response.content.decode()  # what was typed is kept


def test_coverage_field_shows_and_takes_codes_and_names(client, people):
    client.force_login(people["moderator"])
    url = edit_url("service", people["service"])
    data = form_data(client, url, {"coverage": "26, Bogoria"}, "action-publish")
    response = client.post(url, data)
    assert response.status_code == 302
    service = Service.objects.get(pk=people["service"].pk)
    assert sorted(unit.code for unit in service.coverage.all()) == ["26", "2612013"]
    assert service.coverage_codes == "|26|2612013|"
    page = client.get(url).content.decode()
    assert "2612013 Bogoria" in page


def test_nothing_changed_renews_the_date_without_moderation(client, people):
    institution, service = people["institution"], people["service"]
    client.force_login(people["editor"])
    url = reverse("wagtailsnippets_catalog_service:confirm", args=[service.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.last_verified == today()
    assert not service.is_overdue
    assert not WorkflowState.objects.for_instance(service).exists()
    entry = ModelLogEntry.objects.for_instance(service).get(action=moderation.CONFIRM_ACTION)
    assert entry.user == people["editor"]
    assert entry.data["previous"] == LONG_AGO.isoformat()
    history = client.get(reverse("wagtailsnippets_catalog_service:history", args=[service.pk]))
    assert history.status_code == 200
    institution.refresh_from_db()
    assert institution.last_verified == LONG_AGO  # only the service was confirmed


def test_nothing_changed_for_an_institution_and_all_its_services(client, people):
    institution = people["institution"]
    client.force_login(people["editor"])
    url = reverse("wagtailsnippets_catalog_institution:confirm", args=[institution.pk])
    page = client.get(url).content.decode()
    assert "Klub seniora" in page and "Punkt konsultacyjny" in page
    client.post(url, {"scope": "all"})
    for entry in (institution, people["service"], people["other_service"]):
        entry.refresh_from_db()
        assert entry.last_verified == today()
        assert (
            ModelLogEntry.objects.for_instance(entry)
            .filter(action=moderation.CONFIRM_ACTION)
            .exists()
        )


def test_nothing_changed_for_the_institution_only(client, people):
    institution = people["institution"]
    client.force_login(people["moderator"])
    url = reverse("wagtailsnippets_catalog_institution:confirm", args=[institution.pk])
    client.post(url, {"scope": "entry"})
    institution.refresh_from_db()
    people["service"].refresh_from_db()
    assert institution.last_verified == today()
    assert people["service"].last_verified == LONG_AGO


def test_nothing_changed_is_carried_into_a_change_waiting_for_moderation(client, people):
    """Approving a change saved before the confirmation must not bring the old date back."""
    service = people["service"]
    client.force_login(people["editor"])
    url = edit_url("service", service)
    client.post(url, form_data(client, url, {"schedule": "środy 10–12"}, "action-submit"))
    client.post(reverse("wagtailsnippets_catalog_service:confirm", args=[service.pk]))

    client.force_login(people["moderator"])
    service = Service.objects.get(pk=service.pk)
    task_state = WorkflowState.objects.for_instance(service).get().current_task_state
    client.post(
        reverse(
            "wagtailsnippets_catalog_service:workflow_action",
            args=[service.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
    )
    service = Service.objects.get(pk=service.pk)
    assert service.schedule == "środy 10–12"
    assert service.last_verified == today()


def test_confirm_refuses_coordinators_and_get_changes_nothing(client, people):
    service = people["service"]
    client.force_login(member_of(roles.COORDINATOR))
    url = reverse("wagtailsnippets_catalog_service:confirm", args=[service.pk])
    client.post(url)
    client.force_login(people["editor"])
    client.get(url)
    service.refresh_from_db()
    assert service.last_verified == LONG_AGO


def test_overdue_entries_are_marked_and_filterable(client, people):
    fresh = ServiceFactory(
        institution=people["institution"], name="Świetlica", last_verified=today()
    )
    short_interval = ServiceFactory(
        institution=people["institution"],
        name="Dyżur prawnika",
        last_verified=today() - datetime.timedelta(days=40),
        review_interval_days=30,
    )
    overdue = {"Klub seniora", "Punkt konsultacyjny", "Dyżur prawnika"}
    assert {s.name for s in Service.objects.filter(moderation.overdue_q(Service))} == overdue
    assert {s.name for s in Service.objects.filter(moderation.overdue_q(Service))} == {
        s.name for s in Service.objects.all() if s.is_overdue
    }
    client.force_login(people["moderator"])
    listing = reverse("wagtailsnippets_catalog_service:list_results")
    found = client.get(listing, {"overdue": "1"}).content.decode()
    for name in overdue:
        assert name in found
    assert fresh.name not in found
    assert found.count("catalog-overdue") == 3
    current = client.get(listing, {"overdue": "0"}).content.decode()
    assert fresh.name in current
    assert short_interval.name not in current and "Klub seniora" not in current


INSTITUTION_FILTER_CASES = [
    ({"type": "ops"}, {"Gminny Ośrodek Pomocy Społecznej w Bogorii"}),
    ({"type": "school"}, {"Szkoła Podstawowa w Oksie"}),
    (
        {"voivodeship": "26"},
        {"Gminny Ośrodek Pomocy Społecznej w Bogorii", "Szkoła Podstawowa w Oksie"},
    ),
    ({"voivodeship": "06"}, {"Biblioteka w Lublinie"}),
    ({"teryt": "2602"}, {"Szkoła Podstawowa w Oksie"}),
    ({"teryt": "26x"}, set()),
    ({"q": "biblioteka"}, {"Biblioteka w Lublinie"}),
]


def test_institution_listing_filters(client, people):
    """A table of cases over one set of institutions (built once: the cases only read)."""
    InstitutionFactory(name="Szkoła Podstawowa w Oksie", type="school", gmina="2602052")
    InstitutionFactory(name="Biblioteka w Lublinie", type="library", gmina="0663011")
    client.force_login(people["moderator"])
    got = {}
    for params, _expected in INSTITUTION_FILTER_CASES:
        response = client.get(reverse("wagtailsnippets_catalog_institution:list_results"), params)
        assert response.status_code == 200
        got[str(params)] = {str(entry) for entry in response.context["object_list"]}
    assert got == {str(params): expected for params, expected in INSTITUTION_FILTER_CASES}
