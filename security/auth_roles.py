"""Nobody but a superuser grants roles.

Wagtail lets anyone with the user permissions tick groups and "Administrator" on a user,
anyone with the group permissions give a group any permission, and its bulk action assigns
a role to many users at once; Django's admin has its own forms for the same. Rather than
close each form (and miss the next one a Wagtail upgrade adds), the rule sits under all of
them, on the database writes: while a request of a logged-in person who is not a superuser
is being answered (RequireTwoFactorMiddleware marks it), a change of group membership, of a
group's permissions, of a user's own permissions or of the superuser/staff flags is refused
with PermissionDenied (a 403 page). Requests of anonymous people (the Trainee role given at
registration) and work outside requests (bootstrap, shell) are not concerned.

A change of someone's roles also ends that person's sessions: the session remembers at login
whether its account needs a second factor (security.auth), and a promoted account must log
in again to be asked for one."""

import contextvars

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.dispatch import receiver

_acting_user = contextvars.ContextVar("security_acting_user", default=None)

GUARDED_M2M_ACTIONS = {"pre_add", "pre_remove", "pre_clear"}


def set_acting_user(user):
    return _acting_user.set(user)


def reset_acting_user(token):
    _acting_user.reset(token)


def _refuse_unless_superuser():
    user = _acting_user.get()
    if user is None or not user.is_authenticated or user.is_superuser:
        return
    raise PermissionDenied("Only a superuser can change roles and permissions.")


def _groups_through():
    return get_user_model().groups.through


def _user_permissions_through():
    return get_user_model().user_permissions.through


@receiver(m2m_changed, dispatch_uid="security.roles.m2m")
def _guard_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in GUARDED_M2M_ACTIONS:
        if action in {"post_add", "post_remove", "post_clear"} and sender is _groups_through():
            _end_sessions_of(instance, reverse, pk_set)
        return
    if sender in (_groups_through(), _user_permissions_through(), Group.permissions.through):
        _refuse_unless_superuser()


def _end_sessions_of(instance, reverse, pk_set):
    from security.auth import end_sessions

    acting = _acting_user.get()
    if acting is None or not acting.is_authenticated:
        # Registration (the Trainee role) and work outside requests: nobody's role rises
        # under a running session there.
        return
    User = get_user_model()
    if not reverse:
        users = [instance]
    elif pk_set:
        users = list(User.objects.filter(pk__in=pk_set))
    else:
        return
    for user in users:
        # The person changing their own roles (a superuser) keeps the session they use.
        keep = getattr(acting, "_security_session_key", None) if acting == user else None
        end_sessions(user, keep=keep)


@receiver(pre_save, dispatch_uid="security.roles.user_flags")
def _guard_user_flags(sender, instance, update_fields=None, **kwargs):
    if sender is not get_user_model():
        return
    acting = _acting_user.get()
    if acting is None or not acting.is_authenticated:
        return
    if update_fields is not None and not {"is_superuser", "is_staff"} & set(update_fields):
        return
    before = (False, False)
    if instance.pk is not None:
        stored = sender.objects.filter(pk=instance.pk).values_list("is_superuser", "is_staff")
        before = tuple(stored.first() or before)
    changed = (instance.is_superuser, instance.is_staff) != before
    if changed and not acting.is_superuser:
        raise PermissionDenied("Only a superuser can make someone a superuser or staff.")
    instance._security_flags_changed = changed and instance.pk is not None


def _guarded_group_models():
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    return (Group, Permission, GroupPagePermission, GroupCollectionPermission)


@receiver(pre_save, dispatch_uid="security.roles.group_save")
def _guard_group_save(sender, instance, **kwargs):
    if sender in _guarded_group_models():
        _refuse_unless_superuser()


@receiver(pre_delete, dispatch_uid="security.roles.group_delete")
def _guard_group_delete(sender, instance, **kwargs):
    if sender in _guarded_group_models():
        _refuse_unless_superuser()


@receiver(post_save, dispatch_uid="security.roles.flags_changed")
def _flags_changed(sender, instance, created, **kwargs):
    """Sessions of someone made (or unmade) superuser or staff end, like a change of role."""
    if sender is get_user_model() and getattr(instance, "_security_flags_changed", False):
        instance._security_flags_changed = False
        _end_sessions_of(instance, reverse=False, pk_set=None)
