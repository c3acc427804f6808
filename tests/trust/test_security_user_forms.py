"""The admin's user forms offer roles only to a superuser (security.users_admin): a user
manager who is not a superuser sees no group boxes and no "Administrator" box on the
new-user and edit forms, only the roles a person holds as text; a superuser sees both. What
a manager posts for roles anyway is not saved (and security.auth_roles still refuses the
write itself, see test_security_auth_roles.py)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from portal import roles
from tests.factories import UserFactory

from .test_security_auth_roles import edit_data

USER_PERMS = ["add_user", "change_user", "delete_user"]


@pytest.fixture
def manager(site):
    group = Group.objects.create(name="User managers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=USER_PERMS),
    )
    user = UserFactory(username="kadry")
    user.groups.add(group)
    return user


@pytest.fixture
def superuser(site):
    return UserFactory(username="szef", is_superuser=True)


@pytest.fixture
def target(site):
    person = UserFactory(username="redaktorka")
    person.groups.add(Group.objects.get(name=roles.EDITOR))
    return person


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def role_inputs(html):
    """The names of the form inputs that would change roles."""
    names = re.findall(r'<input[^>]*\bname="([^"]+)"', html)
    return {name for name in names if name in {"groups", "is_superuser"}}


def form_pages(target):
    return {"new user": "/admin/users/new/", "edit": f"/admin/users/edit/{target.pk}/"}


@pytest.mark.parametrize("page", ["new user", "edit"])
@pytest.mark.parametrize(
    "actor, offered",
    [("manager", set()), ("superuser", {"groups", "is_superuser"})],
)
def test_role_boxes_offered_to_superusers_only(request, actor, offered, page, target):
    response = client_for(request.getfixturevalue(actor)).get(form_pages(target)[page])
    assert response.status_code == 200
    html = response.content.decode()
    assert role_inputs(html) == offered
    # The account fields stay on the form for both.
    assert 'name="email"' in html and 'name="first_name"' in html


def test_manager_sees_the_persons_roles_as_text(manager, target):
    html = client_for(manager).get(f"/admin/users/edit/{target.pk}/").content.decode()
    listed = re.search(r'<ul id="current-roles">(.*?)</ul>', html, re.S)
    assert listed and roles.EDITOR in listed.group(1)


def test_manager_saving_the_form_keeps_the_roles(manager, target):
    """Group ids smuggled into the post are ignored: the form has no such field, the save
    goes through with the other changes and the person keeps exactly their roles."""
    extra = Group.objects.get(name=roles.MODERATOR)
    response = client_for(manager).post(
        f"/admin/users/edit/{target.pk}/",
        edit_data(target, first_name="Zofia", groups=[extra.pk], is_superuser="on"),
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.first_name == "Zofia"
    assert set(target.groups.values_list("name", flat=True)) == {roles.EDITOR}
    assert not target.is_superuser


def test_manager_creates_an_account_without_roles(manager):
    password = "Zielona-Łąka-2024!"
    response = client_for(manager).post(
        "/admin/users/new/",
        {
            "username": "nowa",
            "email": "nowa@example.org",
            "first_name": "Nowa",
            "last_name": "Osoba",
            "password1": password,
            "password2": password,
            "groups": [Group.objects.get(name=roles.EDITOR).pk],
            "is_superuser": "on",
        },
    )
    assert response.status_code == 302
    from portal.models import User

    created = User.objects.get(username="nowa")
    assert not created.is_superuser and not created.groups.exists()


def test_superuser_gives_a_role_through_the_form(superuser, target):
    moderator = Group.objects.get(name=roles.MODERATOR)
    response = client_for(superuser).post(
        f"/admin/users/edit/{target.pk}/",
        edit_data(target, groups=[Group.objects.get(name=roles.EDITOR).pk, moderator.pk]),
    )
    assert response.status_code == 302
    assert target.groups.filter(pk=moderator.pk).exists()
