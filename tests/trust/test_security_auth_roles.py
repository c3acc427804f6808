"""Nobody but a superuser grants roles (security.auth_roles): a user manager who is not a
superuser, holding every user and group permission of the admin, cannot add anyone to a
group, change a group's permissions or make someone superuser or staff, through the user
form, the new-user form, the bulk "assign role" action or a group's own writes; a superuser
can. A change of someone's roles also ends that person's sessions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.test import Client
from wagtail.models import GroupPagePermission, Page

from portal import roles
from portal.models import User
from security import auth_roles
from tests.factories import UserFactory

USER_PERMS = ["add_user", "change_user", "delete_user"]
GROUP_PERMS = ["add_group", "change_group", "delete_group"]


@pytest.fixture
def manager(site):
    group = Group.objects.create(name="User managers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=USER_PERMS + GROUP_PERMS),
    )
    user = UserFactory(username="kadry")
    user.groups.add(group)
    return user


@pytest.fixture
def superuser(site):
    return UserFactory(username="szef", is_superuser=True)


@pytest.fixture
def target(site):
    return UserFactory(username="zwykly")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def edit_data(person, **changes):
    data = {
        "username": person.username,
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "is_active": "on",
        "password1": "",
        "password2": "",
    }
    data.update(changes)
    return data


def editor_group():
    return Group.objects.get(name=roles.EDITOR)


ACTORS = ["manager", "superuser"]


@pytest.mark.parametrize("actor", ACTORS)
def test_user_edit_adding_a_group(request, actor, target):
    client = client_for(request.getfixturevalue(actor))
    client.post(f"/admin/users/edit/{target.pk}/", edit_data(target, groups=[editor_group().pk]))
    granted = target.groups.filter(name=roles.EDITOR).exists()
    assert granted is (actor == "superuser")


@pytest.mark.parametrize("actor", ACTORS)
def test_user_edit_making_a_superuser(request, actor, target):
    client = client_for(request.getfixturevalue(actor))
    client.post(f"/admin/users/edit/{target.pk}/", edit_data(target, is_superuser="on"))
    target.refresh_from_db()
    assert target.is_superuser is (actor == "superuser")


def test_manager_may_still_edit_a_name(manager, target):
    client = client_for(manager)
    response = client.post(f"/admin/users/edit/{target.pk}/", edit_data(target, first_name="Zenon"))
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.first_name == "Zenon"


def test_manager_cannot_promote_themselves(manager):
    client = client_for(manager)
    client.post(
        f"/admin/users/edit/{manager.pk}/",
        edit_data(manager, groups=[g.pk for g in manager.groups.all()] + [editor_group().pk]),
    )
    assert not manager.groups.filter(name=roles.EDITOR).exists()


@pytest.mark.parametrize("actor", ACTORS)
def test_new_user_with_a_group(request, actor):
    client = client_for(request.getfixturevalue(actor))
    client.post(
        "/admin/users/new/",
        {
            "username": "nowy",
            "email": "nowy@example.org",
            "first_name": "Nowy",
            "last_name": "Użytkownik",
            "password1": "Zielona-Łąka-2024!",
            "password2": "Zielona-Łąka-2024!",
            "groups": [editor_group().pk],
            "is_superuser": "on",
        },
    )
    created = User.objects.filter(username="nowy").first()
    if actor == "superuser":
        assert created.is_superuser and created.groups.filter(name=roles.EDITOR).exists()
    else:
        assert created is None or not (
            created.is_superuser or created.groups.filter(name=roles.EDITOR).exists()
        )


@pytest.mark.parametrize("actor", ACTORS)
def test_bulk_assign_role(request, actor, target):
    client = client_for(request.getfixturevalue(actor))
    client.post(
        f"/admin/bulk/portal/user/assign_role/?id={target.pk}",
        {"role": editor_group().pk},
    )
    assert target.groups.filter(name=roles.EDITOR).exists() is (actor == "superuser")


GROUP_WRITES = {
    "give a group a permission": lambda: editor_group().permissions.add(
        Permission.objects.get(codename="delete_user")
    ),
    "take a permission away": lambda: editor_group().permissions.clear(),
    "create a group": lambda: Group.objects.create(name="Nowa rola"),
    "rename a group": lambda: Group.objects.filter(name=roles.EDITOR).first().save(),
    "delete a group": lambda: editor_group().delete(),
    "give a page permission": lambda: GroupPagePermission.objects.create(
        group=editor_group(),
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    ),
    "add a member from the group's side": lambda: editor_group().user_set.add(
        UserFactory(username="ktos")
    ),
    "give a user a permission of their own": lambda: UserFactory(
        username="ktos2"
    ).user_permissions.add(Permission.objects.get(codename="change_group")),
    "make someone staff": None,  # a save of the user, below
}


@pytest.mark.parametrize("write", list(GROUP_WRITES), ids=list(GROUP_WRITES))
def test_every_role_write_is_refused_during_a_managers_request(manager, target, write):
    """The guard under every form: the writes any admin view would make, made while a
    manager's request is being answered."""
    token = auth_roles.set_acting_user(manager)
    try:
        if write == "make someone staff":
            target.is_staff = True
            with pytest.raises(PermissionDenied):
                target.save()
            return
        with pytest.raises(PermissionDenied):
            GROUP_WRITES[write]()
    finally:
        auth_roles.reset_acting_user(token)


def test_the_same_writes_are_allowed_for_a_superuser(superuser, target):
    token = auth_roles.set_acting_user(superuser)
    try:
        editor_group().permissions.add(Permission.objects.get(codename="delete_user"))
        target.is_staff = True
        target.save()
    finally:
        auth_roles.reset_acting_user(token)
    target.refresh_from_db()
    assert target.is_staff


def test_a_role_change_ends_the_persons_sessions(superuser, target):
    from tests.factories.portal import PASSWORD

    theirs = Client()
    assert (
        theirs.post(
            "/pl/konto/logowanie/", {"username": "zwykly", "password": PASSWORD}
        ).status_code
        == 302
    )
    assert theirs.get("/pl/konto/").status_code == 200
    client_for(superuser).post(
        f"/admin/users/edit/{target.pk}/", edit_data(target, groups=[editor_group().pk])
    )
    assert target.groups.filter(name=roles.EDITOR).exists()
    # Logged out: at the next login the new Editor is asked to set up two-step login.
    assert theirs.get("/pl/konto/").status_code == 302
