"""Who reaches which catalog admin view: a matrix of roles × views.

An institution editor of A works on A and A's services only: every view that loads an
entry answers 404 for B's (the answer for an entry that does not exist), listings and
choosers leave B out. Coordinators read everything and change nothing; moderators and
catalog editors do everything; other admin users see no catalog at all."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Revision

from catalog.codes import ProblemArea
from catalog.models import CooperationTeam, Institution, Service, SynonymGroup, ZeroResultSearch
from catalog.permissions import institution_policy, service_policy
from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import CooperationTeamFactory, InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "other", "coordinator", "institution", "moderator", "editor", "superuser"]


def member_of(*groups, **fields):
    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def world(db):
    a = InstitutionFactory(name="GOPS w Oksie", gmina="2602052")
    b = InstitutionFactory(name="MOPS w Kielcach", gmina="2661011")
    service_a = ServiceFactory(institution=a, name="Klub seniora", areas=[ProblemArea.SENIORS])
    service_b = ServiceFactory(institution=b, name="Poradnia rodzinna")
    for entry in (a, b, service_a, service_b):
        entry.save_revision().publish()
        entry.name = f"{entry.name} (zmiana)"
        entry.save_revision()
    other = member_of(roles.TRAINEE)
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    users = {
        "anonymous": None,
        "other": other,
        "coordinator": member_of(roles.COORDINATOR),
        "institution": member_of(roles.INSTITUTION_EDITOR),
        "moderator": member_of(roles.MODERATOR),
        "editor": member_of(roles.EDITOR),
        "superuser": UserFactory(is_superuser=True),
    }
    a.editors.add(users["institution"])
    team = CooperationTeamFactory(coordinator=a, members=[a, b])
    return {"a": a, "b": b, "sa": service_a, "sb": service_b, "users": users, "team": team}


def outcome(response):
    """ok, missing (404), denied (403 or Wagtail's redirect to the dashboard), login."""
    if response.status_code == 200:
        return "ok"
    if response.status_code == 404:
        return "missing"
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302:
        location = response["Location"]
        if "/login/" in location:
            return "login"
        if location.rstrip("/").endswith("/admin"):
            return "denied"  # Wagtail's permission_denied: back to the dashboard
        if location == f"/pl{response.request['PATH_INFO']}":
            # A 404 under /admin/ that LocaleMiddleware retries with the language prefix
            # (the page tree's catch-all URL makes any /pl/... path look valid).
            return "missing"
        return f"redirect {location}"
    return str(response.status_code)


def snippet_url(model, view, *args):
    return reverse(f"wagtailsnippets_catalog_{model}:{view}", args=args)


def compare_url(model, entry):
    return snippet_url(model, "revisions_compare", entry.pk, "earliest", "latest")


VIEWS = {
    # name: (url builder, expected outcome per role in ROLES order). Every other URL of an
    # entry is swept for the institution editor by the test after this one.
    "institution list": (
        lambda w: snippet_url("institution", "list"),
        "login denied ok ok ok ok ok",
    ),
    "institution edit A": (
        lambda w: snippet_url("institution", "edit", w["a"].pk),
        "login denied denied ok ok ok ok",
    ),
    "institution edit B": (
        lambda w: snippet_url("institution", "edit", w["b"].pk),
        "login denied denied missing ok ok ok",
    ),
    "institution inspect B": (
        lambda w: snippet_url("institution", "inspect", w["b"].pk),
        "login denied ok missing ok ok ok",
    ),
    "institution history A": (
        lambda w: snippet_url("institution", "history", w["a"].pk),
        "login denied denied ok ok ok ok",
    ),
    "institution history B": (
        lambda w: snippet_url("institution", "history", w["b"].pk),
        "login denied denied missing ok ok ok",
    ),
    "institution compare A": (
        lambda w: compare_url("institution", w["a"]),
        "login denied denied ok ok ok ok",
    ),
    "institution create": (
        lambda w: snippet_url("institution", "add"),
        "login denied denied denied ok ok ok",
    ),
    "institution delete A": (
        lambda w: snippet_url("institution", "delete", w["a"].pk),
        "login denied denied denied ok ok ok",
    ),
    "institution editors A": (
        lambda w: snippet_url("institution", "editors", w["a"].pk),
        "login denied denied denied ok ok ok",
    ),
    "institution confirm A": (
        lambda w: snippet_url("institution", "confirm", w["a"].pk),
        "login denied denied ok ok ok ok",
    ),
    "institution chooser": (
        lambda w: reverse("wagtailsnippetchoosers_catalog_institution:choose"),
        "login denied ok ok ok ok ok",
    ),
    "institution chosen B": (
        lambda w: reverse("wagtailsnippetchoosers_catalog_institution:chosen", args=[w["b"].pk]),
        "login denied ok missing ok ok ok",
    ),
    "service list": (lambda w: snippet_url("service", "list"), "login denied ok ok ok ok ok"),
    "service create": (
        lambda w: snippet_url("service", "add"),
        "login denied denied ok ok ok ok",
    ),
    "service edit A": (
        lambda w: snippet_url("service", "edit", w["sa"].pk),
        "login denied denied ok ok ok ok",
    ),
    "service edit B": (
        lambda w: snippet_url("service", "edit", w["sb"].pk),
        "login denied denied missing ok ok ok",
    ),
    "service compare A": (
        lambda w: compare_url("service", w["sa"]),
        "login denied denied ok ok ok ok",
    ),
    "service compare B": (
        lambda w: compare_url("service", w["sb"]),
        "login denied denied missing ok ok ok",
    ),
    "service delete A": (
        lambda w: snippet_url("service", "delete", w["sa"].pk),
        "login denied denied denied ok ok ok",
    ),
    "service copy B": (
        lambda w: snippet_url("service", "copy", w["sb"].pk),
        "login denied denied missing ok ok ok",
    ),
    "team list": (
        lambda w: snippet_url("cooperationteam", "list"),
        "login denied ok denied ok ok ok",
    ),
    "team edit": (
        lambda w: snippet_url("cooperationteam", "edit", w["team"].pk),
        "login denied denied denied ok ok ok",
    ),
    "team create": (
        lambda w: snippet_url("cooperationteam", "add"),
        "login denied denied denied ok ok ok",
    ),
    "synonym list": (
        lambda w: snippet_url("synonymgroup", "list"),
        "login denied ok denied ok ok ok",
    ),
    "synonym create": (
        lambda w: snippet_url("synonymgroup", "add"),
        "login denied denied denied ok ok ok",
    ),
    "zero-result list": (
        lambda w: snippet_url("zeroresultsearch", "list"),
        "login denied ok denied ok ok ok",
    ),
    # Rows come from the public search only: nobody adds one, not even a superuser.
    "zero-result create": (
        lambda w: snippet_url("zeroresultsearch", "add"),
        "login denied denied denied denied denied denied",
    ),
    "gap report": (
        lambda w: reverse("catalog_gaps:index"),
        "login denied ok denied ok ok ok",
    ),
}


@pytest.mark.parametrize("view", VIEWS)
def test_role_matrix(client, world, view):
    build_url, expected = VIEWS[view]
    url = build_url(world)
    got = {}
    for role in ROLES:
        client.logout()
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        got[role] = outcome(client.get(url))
    assert got == dict(zip(ROLES, expected.split(), strict=True))


def test_listings_show_an_institution_editor_only_their_own(client, world):
    client.force_login(world["users"]["institution"])
    institutions = client.get(snippet_url("institution", "list")).content.decode()
    assert "GOPS w Oksie" in institutions
    assert "MOPS w Kielcach" not in institutions
    services = client.get(snippet_url("service", "list")).content.decode()
    assert "Klub seniora" in services
    assert "Poradnia rodzinna" not in services
    # Listing search is scoped too.
    found = client.get(snippet_url("service", "list_results"), {"q": "Poradnia"})
    assert "Poradnia rodzinna" not in found.content.decode()
    chooser = client.get(reverse("wagtailsnippetchoosers_catalog_institution:choose"))
    assert "GOPS w Oksie" in chooser.content.decode()
    assert "MOPS w Kielcach" not in chooser.content.decode()


def test_moderator_listing_and_search_see_everything(client, world):
    client.force_login(world["users"]["moderator"])
    found = client.get(snippet_url("service", "list_results"), {"q": "Poradnia"})
    assert "Poradnia rodzinna" in found.content.decode()
    listing = client.get(snippet_url("institution", "list")).content.decode()
    assert "GOPS w Oksie" in listing and "MOPS w Kielcach" in listing


def _urls_with_pk(namespace):
    """Every URL pattern of a snippet viewset that takes the entry's pk."""
    resolver = get_resolver()
    found = []

    def walk(patterns, prefix_ns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = pattern.namespace or prefix_ns
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and prefix_ns == namespace:
                if "pk" in pattern.pattern.regex.groupindex:
                    found.append(pattern.name)

    walk(resolver.url_patterns, None)
    return found


def _fill(name, entry):
    """Arguments for a URL of the viewset, pointing at `entry`."""
    revision = Revision.objects.for_instance(entry).order_by("pk").last()
    extra = {
        "revisions_revert": [revision.pk],
        "revisions_unschedule": [revision.pk],
        "revisions_view": [revision.pk],
        "revisions_compare": ["earliest", "latest"],
        "workflow_action": ["approve", 1],
        "collect_workflow_action_data": ["approve", 1],
        "workflow_history_detail": [1],
        "workflow_preview": [1],
    }
    return [entry.pk, *extra.get(name, [])]


@pytest.mark.parametrize("model", ["institution", "service"])
def test_no_view_of_an_entry_lets_an_institution_editor_reach_another_institution(
    client, world, model
):
    """Every URL of the viewset that names an entry, with B's entry: never a page."""
    namespace = f"wagtailsnippets_catalog_{model}"
    names = _urls_with_pk(namespace)
    assert {"edit", "history", "revisions_compare", "lock", "confirm"} <= set(names)
    entry = world["b"] if model == "institution" else world["sb"]
    own = world["a"] if model == "institution" else world["sa"]
    client.force_login(world["users"]["institution"])
    for name in names:
        url = reverse(f"{namespace}:{name}", args=_fill(name, entry))
        for method in (client.get, client.post):
            response = method(url)
            assert outcome(response) in {"missing", "denied"}, (name, method, response)
    # The same URLs with their own entry do open (those that are pages).
    assert client.get(reverse(f"{namespace}:history", args=[own.pk])).status_code == 200


def test_the_policy_filters_querysets_and_instances(world):
    editor = world["users"]["institution"]
    assert list(institution_policy.reachable_queryset(editor)) == [world["a"]]
    assert list(service_policy.reachable_queryset(editor)) == [world["sa"]]
    assert institution_policy.user_has_permission_for_instance(editor, "change", world["a"])
    assert not institution_policy.user_has_permission_for_instance(editor, "change", world["b"])
    assert not institution_policy.user_has_permission(editor, "add")
    assert not institution_policy.user_has_permission(editor, "publish")
    assert not service_policy.user_has_permission(editor, "publish")
    assert not service_policy.user_has_permission(editor, "delete")
    assert service_policy.user_has_permission(editor, "add")
    assert editor in service_policy.users_with_permission_for_instance("change", world["sa"])
    assert editor not in service_policy.users_with_permission_for_instance("change", world["sb"])
    # Removed from the group: the link to the institution alone gives nothing.
    editor.groups.clear()
    fresh = type(editor).objects.get(pk=editor.pk)
    assert not institution_policy.user_has_permission_for_instance(fresh, "change", world["a"])
    assert not institution_policy.reachable_queryset(fresh).exists()


def test_an_institution_editor_cannot_move_a_service_to_another_institution(client, world):
    client.force_login(world["users"]["institution"])
    url = snippet_url("service", "add")
    response = client.post(
        url,
        {
            "institution": world["b"].pk,
            "name": "Podrzucona usługa",
            "kind": "service",
            "status": "active",
            "cost": "free",
            "languages": "polski",
            "review_interval_days": 365,
            "action-submit": "1",
        },
    )
    assert response.status_code == 200  # the form again, with an error on institution
    assert "institution" in response.context["form"].errors
    assert not Service.objects.filter(name="Podrzucona usługa").exists()


def test_an_institution_editor_cannot_change_editors_through_the_form(client, world):
    """`editors` is not part of the institution's form for anyone; the editors view is
    for moderators, editors and superusers only (see the matrix)."""
    client.force_login(world["users"]["moderator"])
    response = client.get(snippet_url("institution", "edit", world["a"].pk))
    assert "editors" not in response.context["form"].fields
    client.force_login(world["users"]["institution"])
    response = client.get(snippet_url("institution", "edit", world["a"].pk))
    form = response.context["form"]
    assert "editors" not in form.fields
    # ROPS-only fields are not offered to institution editors.
    assert {"external_id", "review_interval_days", "is_demo"}.isdisjoint(form.fields)
    assert "last_verified" in form.fields


def test_moderator_sets_the_editors_of_an_institution(client, world):
    newcomer = member_of(roles.INSTITUTION_EDITOR, first_name="Nowa", last_name="Osoba")
    outsider = member_of(roles.TRAINEE)
    client.force_login(world["users"]["moderator"])
    url = snippet_url("institution", "editors", world["b"].pk)
    page = client.get(url).content.decode()
    assert "Nowa Osoba" in page
    response = client.post(url, {"editors": [newcomer.pk]})
    assert response.status_code == 302
    assert list(world["b"].editors.all()) == [newcomer]
    # Not in the group: refused by the form, nothing changed.
    response = client.post(url, {"editors": [outsider.pk]})
    assert response.status_code == 200
    assert list(world["b"].editors.all()) == [newcomer]
    entry = ModelLogEntry.objects.for_instance(world["b"]).get(action="catalog.editors")
    assert entry.user == world["users"]["moderator"]
    history = client.get(snippet_url("institution", "history", world["b"].pk)).content.decode()
    with translation.override("pl"):
        assert str(log_registry.get_formatter(entry).format_message(entry)) in history


def test_menu_shows_each_role_its_items(client, world):
    def menu(role):
        client.force_login(world["users"][role])
        content = client.get(reverse("wagtailadmin_home")).content.decode()
        return set(re.findall(r'"name": "(catalog-[a-z-]+)"', content))

    everything = {
        "catalog-institutions",
        "catalog-services",
        "catalog-teams",
        "catalog-synonyms",
        "catalog-zero-results",
        "catalog-gaps",
    }
    assert menu("moderator") == everything
    assert menu("coordinator") == everything
    assert menu("institution") == {"catalog-institutions", "catalog-services"}
    assert menu("other") == set()


def test_models_of_the_catalog_are_registered():
    for model in (Institution, Service, CooperationTeam, SynonymGroup, ZeroResultSearch):
        assert model.snippet_viewset is not None
