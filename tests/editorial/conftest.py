"""Users in the editorial roles, and the page editor's form data as the browser sends it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

from portal import roles
from tests.factories import UserFactory


def _member_of(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    return _member_of(roles.EDITOR)


@pytest.fixture
def moderator(db):
    return _member_of(roles.MODERATOR)


def page_form_data(client, url, fields, action=None):
    """The page editor's form at `url` as the browser would submit it: every input with its
    current value, `fields` (nested, see wagtail.test.utils.form_data) changed, and the
    button `action` ("action-publish", "action-submit", ...) pressed."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data(fields))
    if action:
        data[action] = "1"
    return data


def add_page_url(parent, model="standardpage", app="portal"):
    return reverse("wagtailadmin_pages:add", args=(app, model, parent.id))


def edit_page_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.id,))
