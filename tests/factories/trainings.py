"""People in the roles that meet the trainings admin: a coordinator, an editor (in the
admin, not a coordinator), a trainee without admin access, and a trainer (a register row
with an account, among an event's trainers, allowed into the admin)."""

from django.contrib.auth.models import Group, Permission

from portal import roles
from tests.factories.portal import UserFactory
from tests.factories.records import PersonFactory


def in_role(user, role):
    user.groups.add(Group.objects.get(name=role))
    return user


def coordinator_user(**kwargs):
    return in_role(UserFactory(**kwargs), roles.COORDINATOR)


def admin_user_without_role(**kwargs):
    """In the admin (e.g. a coach or an editor), with no say over trainings."""
    user = UserFactory(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def trainer_of(*events, **person_fields):
    """A trainer with an account that reaches the admin, training `events`."""
    user = admin_user_without_role(
        first_name=person_fields.get("first_name", "Teresa"),
        last_name=person_fields.get("last_name", "Trenerska"),
    )
    person = PersonFactory(
        user=user,
        first_name=user.first_name,
        last_name=user.last_name,
        email=user.email,
    )
    for event in events:
        event.trainers.add(person)
    return user, person
