"""An institution editor cannot reach other institutions' data through any admin view,
chooser, revision, workflow, export, search or the API.

tests/catalog/test_permissions.py holds the role matrix of the catalog's own views and
sweeps every URL that names an entry with another institution's pk. This module covers
what that sweep cannot see: the body of each answer (B's unpublished draft never shows),
URLs that take a second id (a revision, a workflow or task state of B's under A's own
entry), Wagtail's views outside the catalog (global search, reports, dashboard, bulk
actions, editing sessions), choosers' search and multiple choice, the listing exports,
and the public API and pages with the editor logged in.

The editor of A is `editor`; B has its own editor, who has a draft of B and of B's
service waiting for a moderator, and a new service of B that was never published. Each
draft holds a marker (SEKRET…) that appears nowhere else: finding it in an answer means
B's unpublished data leaked."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from wagtail.models import Revision, TaskState, WorkflowState

from catalog.models import Institution, Service
from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import (
    CatalogPageFactory,
    CooperationTeamFactory,
    InstitutionFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

# The words searched for; an answer echoes a search term (the search box keeps it), so a
# leak is the whole draft text, prefix included (ASCII: JSON answers escape other letters).
B_INSTITUTION_DRAFT = "SEKRETINSTB"  # B's institution, in a draft waiting for a moderator
B_SERVICE_DRAFT = "SEKRETUSLB"  # B's published service, in a draft waiting too
B_NEW_SERVICE = "SEKRETNOWAB"  # B's service that was never published
B_PHONE_DRAFT = "41 999 00 77"  # B's phone in the same draft
MARKERS = (
    f"Opis {B_INSTITUTION_DRAFT}",
    f"Poradnia {B_SERVICE_DRAFT}",
    f"Nowa {B_NEW_SERVICE}",
    B_PHONE_DRAFT,
)


def member_of(group):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def submit_draft(entry, user, **changes):
    """A draft of `entry` by `user`, submitted to the Moderator approval workflow."""
    for name, value in changes.items():
        setattr(entry, name, value)
    entry.save_revision(user=user)
    # Back to the live values in memory: a later save() of this object (a factory's) must
    # not write the draft into the public row.
    entry.refresh_from_db()
    entry.get_workflow().start(entry, user)
    return WorkflowState.objects.for_instance(entry).get()


@pytest.fixture
def world(db):
    a = InstitutionFactory(name="GOPS w Oksie", gmina="2602052")
    b = InstitutionFactory(name="MOPS w Kielcach", gmina="2661011")
    service_a = ServiceFactory(institution=a, name="Klub seniora")
    service_b = ServiceFactory(institution=b, name="Poradnia rodzinna")
    for entry in (a, b, service_a, service_b):
        entry.save_revision().publish()
    editor, editor_b = member_of(roles.INSTITUTION_EDITOR), member_of(roles.INSTITUTION_EDITOR)
    a.editors.add(editor)
    b.editors.add(editor_b)
    # A draft of A's own, so that A's pages have something of the editor's to show.
    a.description = "Szkic opisu GOPS"
    a.save_revision(user=editor)
    state_b = submit_draft(
        b, editor_b, description=f"Opis {B_INSTITUTION_DRAFT}", phone=B_PHONE_DRAFT
    )
    state_sb = submit_draft(service_b, editor_b, name=f"Poradnia {B_SERVICE_DRAFT}")
    new_b = ServiceFactory(institution=b, name=f"Nowa {B_NEW_SERVICE}")
    Service.objects.filter(pk=new_b.pk).update(live=False, has_unpublished_changes=True)
    new_b.refresh_from_db()
    new_b.save_revision(user=editor_b)
    team = CooperationTeamFactory(coordinator=a, members=[a, b])
    # Fresh rows: the live values, as a request would load them.
    return {
        "a": Institution.objects.get(pk=a.pk),
        "b": Institution.objects.get(pk=b.pk),
        "sa": Service.objects.get(pk=service_a.pk),
        "sb": Service.objects.get(pk=service_b.pk),
        "new_b": Service.objects.get(pk=new_b.pk),
        "state_b": state_b,
        "state_sb": state_sb,
        "editor": editor,
        "editor_b": editor_b,
        "moderator": member_of(roles.MODERATOR),
        "team": team,
    }


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def assert_no_draft_of_b(response, where):
    text = body(response)
    leaked = [marker for marker in MARKERS if marker in text]
    assert not leaked, (where, response.status_code, leaked)


def refused(response):
    """404, 403, or Wagtail's refusal: a redirect to the dashboard or to the language-
    prefixed path (a 404 under /admin/ that LocaleMiddleware retries)."""
    if response.status_code in (403, 404):
        return True
    if response.status_code == 302:
        location = response["Location"].split("?")[0].rstrip("/")
        return location.endswith("/admin") or location == f"/pl{response.request['PATH_INFO']}"
    return False


def snippet(model, view, *args):
    return reverse(f"wagtailsnippets_catalog_{model}:{view}", args=args)


def chooser(model, view, *args):
    return reverse(f"wagtailsnippetchoosers_catalog_{model}:{view}", args=args)


def latest_revision(entry):
    return Revision.objects.for_instance(entry).order_by("pk").last()


# The markers are really there: the moderator sees each of them ----------------------------


def test_the_moderator_sees_every_draft_of_b(client, world):
    """Without this, every 'not in the body' below could pass for a wrong reason."""
    client.force_login(world["moderator"])
    seen = {
        MARKERS[0]: snippet("institution", "edit", world["b"].pk),
        MARKERS[1]: snippet("service", "edit", world["sb"].pk),
        MARKERS[2]: snippet("service", "edit", world["new_b"].pk),
    }
    seen[MARKERS[3]] = seen[MARKERS[0]]
    for marker, url in seen.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert marker in body(response), (marker, url)


# Entry views of B: refused, and nothing of B's drafts in the answer ------------------------


def b_entry_urls(w):
    """Every view of B's entries that shows content, with B's real revision and workflow
    ids (test_permissions sweeps the same names with placeholder ids, status only)."""
    urls = []
    for model, entry, state in (
        ("institution", w["b"], w["state_b"]),
        ("service", w["sb"], w["state_sb"]),
        ("service", w["new_b"], None),
    ):
        revision = latest_revision(entry)
        urls += [
            snippet(model, "edit", entry.pk),
            snippet(model, "inspect", entry.pk),
            snippet(model, "history", entry.pk),
            snippet(model, "history_results", entry.pk),
            snippet(model, "usage", entry.pk),
            snippet(model, "revisions_revert", entry.pk, revision.pk),
            snippet(model, "revisions_compare", entry.pk, "live", "latest"),
            snippet(model, "revisions_compare", entry.pk, "earliest", revision.pk),
        ]
        if state is not None:
            task_state = state.current_task_state
            urls += [
                snippet(model, "workflow_history", entry.pk),
                snippet(model, "workflow_history_detail", entry.pk, state.pk),
                snippet(model, "workflow_action", entry.pk, "approve", task_state.pk),
                snippet(model, "collect_workflow_action_data", entry.pk, "approve", task_state.pk),
                snippet(model, "confirm_workflow_cancellation", entry.pk),
            ]
    return urls


def test_views_of_b_entries_refuse_and_show_no_draft(client, world):
    client.force_login(world["editor"])
    for url in b_entry_urls(world):
        for method in (client.get, client.post):
            response = method(url)
            assert refused(response), (method.__name__, url, response.status_code)
            assert_no_draft_of_b(response, url)
    # Nothing was approved, reverted or rewritten on the way.
    for key in ("state_b", "state_sb"):
        world[key].refresh_from_db()
        assert world[key].status == WorkflowState.STATUS_IN_PROGRESS
    assert not Service.objects.get(pk=world["new_b"].pk).live
    assert Institution.objects.get(pk=world["b"].pk).phone != B_PHONE_DRAFT


def test_b_ids_under_a_own_entry_are_refused(client, world):
    """A's URL with a revision, workflow state or task state of B's: Wagtail looks some
    of these up by id alone (a task state in the workflow action views); none may show or
    act on B's."""
    client.force_login(world["editor"])
    a, sa = world["a"], world["sa"]
    rev_b, rev_sb = latest_revision(world["b"]), latest_revision(world["sb"])
    task_b = world["state_b"].current_task_state
    task_sb = world["state_sb"].current_task_state
    urls = [
        snippet("institution", "revisions_revert", a.pk, rev_b.pk),
        snippet("institution", "revisions_compare", a.pk, "live", rev_b.pk),
        snippet("institution", "revisions_compare", a.pk, rev_b.pk, "latest"),
        snippet("institution", "revisions_unschedule", a.pk, rev_b.pk),
        snippet("institution", "workflow_history_detail", a.pk, world["state_b"].pk),
        snippet("institution", "workflow_action", a.pk, "approve", task_b.pk),
        snippet("institution", "workflow_action", a.pk, "reject", task_b.pk),
        snippet("institution", "collect_workflow_action_data", a.pk, "approve", task_b.pk),
        snippet("service", "revisions_revert", sa.pk, rev_sb.pk),
        snippet("service", "revisions_compare", sa.pk, "live", rev_sb.pk),
        snippet("service", "workflow_history_detail", sa.pk, world["state_sb"].pk),
        snippet("service", "workflow_action", sa.pk, "approve", task_sb.pk),
        snippet("service", "collect_workflow_action_data", sa.pk, "approve", task_sb.pk),
    ]
    for url in urls:
        for method in (client.get, client.post):
            response = (
                method(url, {"comment": "przejęte"}) if method == client.post else method(url)
            )
            assert response.status_code != 500, url
            assert_no_draft_of_b(response, url)
    for key in ("state_b", "state_sb"):
        world[key].refresh_from_db()
        assert world[key].status == WorkflowState.STATUS_IN_PROGRESS
        assert world[key].current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(finished_by=world["editor"]).exists()
    # A's own entry kept its draft (no revert to B's content).
    assert B_INSTITUTION_DRAFT not in str(latest_revision(world["a"]).content)


def test_editing_sessions_of_b_answer_404(client, world):
    """The "who else is editing" ping names the other editors of an entry."""
    client.force_login(world["editor"])
    for model, entry in (("institution", world["b"]), ("service", world["sb"])):
        url = reverse("wagtailadmin_editing_sessions:ping", args=["catalog", model, entry.pk, 0])
        response = client.post(url, {"revision_id": latest_revision(entry).pk})
        assert response.status_code == 404, url
    own = reverse(
        "wagtailadmin_editing_sessions:ping", args=["catalog", "institution", world["a"].pk, 0]
    )
    assert client.post(own).status_code == 200


# Previews ----------------------------------------------------------------------------------


def test_catalog_entries_have_no_preview_to_reach():
    """Institutions and services are not previewable: no preview URL exists (nor the
    revision and workflow previews that come with it), so there is no preview of B's draft
    to fetch by GET or POST. When someone adds previews this fails: then preview_on_edit and
    revisions_view join the pk sweep of test_permissions, and preview_on_add must be tested
    with B's institution in the posted form."""
    for model in ("institution", "service"):
        for view, args in (
            ("preview_on_add", []),
            ("preview_on_edit", [1]),
            ("revisions_view", [1, 1]),
            ("workflow_preview", [1, 1]),
        ):
            with pytest.raises(NoReverseMatch):
                snippet(model, view, *args)


# Listings, listing search, exports ---------------------------------------------------------


LISTING_QUERIES = ["", "SEKRET", B_SERVICE_DRAFT, B_NEW_SERVICE, "Kielc", "Poradnia"]


@pytest.mark.parametrize("model", ["institution", "service"])
def test_listing_and_its_search_hold_only_own_entries(client, world, model):
    client.force_login(world["editor"])
    for view in ("list", "list_results"):
        for q in LISTING_QUERIES:
            for extra in ({}, {"has_unpublished_changes": "true"}, {"live": "false"}):
                response = client.get(snippet(model, view), {"q": q, **extra})
                assert response.status_code == 200
                text = body(response)
                assert_no_draft_of_b(response, (view, q, extra))
                assert "MOPS w Kielcach" not in text, (view, q, extra)
                assert "Poradnia rodzinna" not in text, (view, q, extra)


def read_export(response, fmt):
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body(response))))
    book = openpyxl.load_workbook(
        io.BytesIO(
            response.content if not response.streaming else b"".join(response.streaming_content)
        )
    )
    return [
        [str(c) if c is not None else "" for c in row]
        for row in book.active.iter_rows(values_only=True)
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("model", ["institution", "service"])
def test_listing_exports_hold_only_own_entries(client, world, model, fmt):
    client.force_login(world["editor"])
    response = client.get(snippet(model, "list"), {"export": fmt})
    assert response.status_code == 200
    rows = read_export(response, fmt)
    names = {row[0] for row in rows[1:]}
    own = {"institution": {"GOPS w Oksie"}, "service": {"Klub seniora"}}[model]
    assert names == own
    flat = " ".join(" ".join(row) for row in rows)
    assert "Kielcach" not in flat and "Poradnia" not in flat
    assert not any(marker in flat for marker in MARKERS)
    # The moderator's export of the same listing does hold B (the export is not empty by
    # accident).
    client.force_login(world["moderator"])
    everything = read_export(client.get(snippet(model, "list"), {"export": fmt}), fmt)
    assert len(everything) > len(rows)


# Choosers ----------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["institution", "service"])
def test_choosers_and_their_search_hold_only_own_entries(client, world, model):
    client.force_login(world["editor"])
    b_entries = {"institution": [world["b"]], "service": [world["sb"], world["new_b"]]}[model]
    own = {"institution": world["a"], "service": world["sa"]}[model]
    for view in ("choose", "choose_results"):
        for q in LISTING_QUERIES:
            response = client.get(chooser(model, view), {"q": q})
            assert response.status_code == 200, (view, q)
            assert_no_draft_of_b(response, (view, q))
            text = body(response)
            assert "MOPS w Kielcach" not in text and "Poradnia rodzinna" not in text, (view, q)
    for entry in b_entries:
        response = client.get(chooser(model, "chosen", entry.pk))
        assert refused(response), entry
        assert_no_draft_of_b(response, "chosen")
    ids = [own.pk, *(entry.pk for entry in b_entries)]
    response = client.get(chooser(model, "chosen_multiple"), {"id": ids})
    assert response.status_code == 200
    chosen = [str(item["id"]) for item in response.json()["result"]]
    assert chosen == [str(own.pk)]


@pytest.mark.parametrize("model", ["cooperationteam", "synonymgroup", "zeroresultsearch"])
def test_choosers_of_the_other_catalog_models_show_no_draft(client, world, model):
    """These choosers are open to every admin user (a coach picks a cooperation team for a
    supervision session in school/admin_coaching.py); they show a team's name, which the
    public team list shows too, and nothing of an institution's drafts."""
    client.force_login(world["editor"])
    for view in ("choose", "choose_results"):
        response = client.get(chooser(model, view), {"q": ""})
        assert response.status_code in (200, 403), (model, view)
        assert_no_draft_of_b(response, (model, view))


# Bulk actions ------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["institution", "service"])
def test_bulk_delete_with_b_ids_shows_and_deletes_nothing_of_b(client, world, model):
    """Wagtail's confirmation lists, by name, the chosen entries the user may not delete;
    catalog.bulk_actions leaves out those out of the user's reach."""
    mine = {"institution": [world["a"]], "service": [world["sa"]]}[model]
    theirs = {"institution": [world["b"]], "service": [world["sb"], world["new_b"]]}[model]
    b_names = {"institution": ["MOPS w Kielcach"], "service": ["Poradnia rodzinna", "SEKRET"]}
    url = reverse("wagtail_bulk_action", args=["catalog", model, "delete"])
    model_class = {"institution": Institution, "service": Service}[model]
    everything = [entry.pk for entry in [*mine, *theirs]]
    client.force_login(world["editor"])
    for ids in (everything, [entry.pk for entry in theirs], ["all"]):
        query = "?" + "&".join(f"id={pk}" for pk in ids)
        for method in (client.get, client.post):
            response = method(url + query)
            if ids != ["all"] and not set(ids) & {e.pk for e in mine}:
                assert refused(response), (ids, method.__name__, response.status_code)
            assert_no_draft_of_b(response, (ids, method.__name__))
            for name in b_names[model]:
                assert name not in body(response), (ids, method.__name__, name)
    assert model_class.objects.filter(pk__in=everything).count() == len(everything)
    # A moderator's confirmation still lists B's entries (the scope is the user's).
    client.force_login(world["moderator"])
    page = body(client.get(url + "?" + "&".join(f"id={pk}" for pk in everything)))
    assert b_names[model][0] in page


# Wagtail's views outside the catalog -------------------------------------------------------


ADMIN_VIEWS = [
    ("wagtailadmin_home", {}),
    ("wagtailadmin_pages:search", {"q": "SEKRET"}),
    ("wagtailadmin_pages:search_results", {"q": "Kielcach"}),
    ("wagtailadmin_reports:site_history", {}),
    ("wagtailadmin_reports:site_history_results", {}),
    ("wagtailadmin_reports:workflow", {}),
    ("wagtailadmin_reports:workflow_results", {}),
    ("wagtailadmin_reports:workflow", {"export": "csv"}),
    ("wagtailadmin_reports:workflow_tasks", {}),
    ("wagtailadmin_reports:workflow_tasks_results", {}),
    ("wagtailadmin_reports:locked_pages", {}),
    ("wagtailadmin_workflows:index", {}),
    ("wagtailadmin_workflows:task_index", {}),
    ("wagtailadmin_workflows:task_chooser", {}),
]


@pytest.mark.parametrize(("name", "params"), ADMIN_VIEWS, ids=lambda v: str(v))
def test_wagtail_admin_views_show_nothing_of_b(client, world, name, params):
    client.force_login(world["editor"])
    response = client.get(reverse(name), params)
    assert response.status_code != 500
    assert_no_draft_of_b(response, name)
    text = body(response)
    assert "MOPS w Kielcach" not in text and "Poradnia rodzinna" not in text, (
        name,
        response.status_code,
    )


def test_site_history_report_filtered_to_catalog_shows_nothing_of_b(client, world):
    from django.contrib.contenttypes.models import ContentType

    client.force_login(world["editor"])
    for model in (Institution, Service):
        ct = ContentType.objects.get_for_model(model)
        response = client.get(
            reverse("wagtailadmin_reports:site_history_results"), {"object_type": ct.pk}
        )
        assert response.status_code in (200, 302, 403, 404)
        text = body(response)
        assert "MOPS w Kielcach" not in text and "Poradnia rodzinna" not in text
        assert_no_draft_of_b(response, model)


# The public API and pages, with the editor logged in ---------------------------------------


def test_api_shows_no_draft_and_no_unpublished_entry(client, world):
    client.force_login(world["editor"])
    listing = client.get("/api/v1/services/", {"page_size": 100})
    assert listing.status_code == 200
    names = {item["name"] for item in listing.json()["results"]}
    assert names == {"Klub seniora", "Poradnia rodzinna"}  # live values only
    for url in (
        "/api/v1/services/",
        f"/api/v1/services/?q={B_SERVICE_DRAFT}",
        f"/api/v1/services/?q={B_NEW_SERVICE}",
        f"/api/v1/services/{world['sb'].pk}/",
        f"/api/v1/institutions/{world['b'].pk}/",
        "/api/v1/institutions/",
        "/api/v1/hsds/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_draft_of_b(response, url)
        # No field for the staff only: editors, ids of imports, review settings, demo flag.
        # (is_demo is public on purpose: invented entries are marked for every reader.)
        for field in ('"editors"', '"external_id"', '"review_interval_days"'):
            assert field not in body(response), (url, field)
    assert client.get(f"/api/v1/services/{world['new_b'].pk}/").status_code == 404


def test_public_pages_show_no_draft_to_a_logged_in_editor(client, world, site):
    page = CatalogPageFactory(parent=site.home_pl)
    client.force_login(world["editor"])
    urls = [
        page.url,
        page.url + f"?q={B_SERVICE_DRAFT}",
        page.url + page.reverse_subpage("service", args=[world["sb"].pk]),
        page.url + page.reverse_subpage("institution", args=[world["b"].pk]),
        page.url + page.reverse_subpage("export_csv"),
        page.url + page.reverse_subpage("team", args=[world["team"].pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_draft_of_b(response, url)
    unpublished = page.url + page.reverse_subpage("service", args=[world["new_b"].pk])
    assert client.get(unpublished).status_code == 404
