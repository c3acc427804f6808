"""Who may do what with the catalog in the admin.

ROPS roles (Moderator, Editor, Coordinator) work through ordinary Django model permissions,
given to their groups by catalog/migrations/0004_role_permissions.py. An institution editor
has no model permission at all: their rights come from being in the "Institution editor"
group AND in `Institution.editors` of an institution, and reach only that institution and
its services. Keeping them off the model permissions matters beyond these views: Wagtail
shows a content type's whole history (site history report, snippet index counts) to anyone
holding any permission on it, which would leak other institutions' entries.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from portal import roles

#: Every action the catalog views ask about; "view" is the read-only right of coordinators.
ALL_ACTIONS = frozenset({"view", "add", "change", "delete", "publish", "lock", "unlock"})


def is_institution_editor(user):
    """In the Institution editor group (cached on the user object for the request)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_catalog_is_institution_editor"):
        user._catalog_is_institution_editor = user.groups.filter(
            name=roles.INSTITUTION_EDITOR
        ).exists()
    return user._catalog_is_institution_editor


def own_institution_ids(user):
    """Ids of the institutions this user edits as an institution editor; empty for anyone
    outside the Institution editor group, whatever `Institution.editors` says."""
    if not is_institution_editor(user):
        return frozenset()
    if not hasattr(user, "_catalog_own_institution_ids"):
        user._catalog_own_institution_ids = frozenset(
            user.edited_institutions.values_list("pk", flat=True)
        )
    return user._catalog_own_institution_ids


class InstitutionScopedPolicy(ModelPermissionPolicy):
    """Model permissions for the ROPS roles, plus `own_actions` on the entries of their own
    institutions for institution editors."""

    own_actions = frozenset()
    institution_field = None  # path from the model to the institution's id

    def institution_id_of(self, instance):
        return getattr(instance, self.institution_field)

    def own_q(self, institution_ids):
        return Q(**{f"{self.institution_field}__in": institution_ids})

    def has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def has_any_model_permission(self, user, actions):
        return any(self.has_model_permission(user, action) for action in actions)

    def user_has_permission(self, user, action):
        if self.has_model_permission(user, action):
            return True
        return action in self.own_actions and bool(own_institution_ids(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if self.has_model_permission(user, action):
            return True
        return action in self.own_actions and self.institution_id_of(
            instance
        ) in own_institution_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        manager = self.model._default_manager
        if self.has_any_model_permission(user, actions):
            return manager.all()
        ids = own_institution_ids(user)
        if ids and self.own_actions.intersection(actions):
            return manager.filter(self.own_q(ids))
        return manager.none()

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(
            pk__in=super().users_with_any_permission(actions).values("pk")
        )
        if self.own_actions.intersection(actions):
            users = users | self._institution_editors()
        return users.distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        users = get_user_model().objects.filter(
            pk__in=super().users_with_any_permission(actions).values("pk")
        )
        if self.own_actions.intersection(actions):
            users = users | self._institution_editors().filter(
                edited_institutions=self.institution_id_of(instance)
            )
        return users.distinct()

    def _institution_editors(self):
        return get_user_model().objects.filter(
            is_active=True,
            groups__name=roles.INSTITUTION_EDITOR,
            edited_institutions__isnull=False,
        )

    # Helpers for the views ------------------------------------------------------------

    def reachable_queryset(self, user):
        """Everything this user may see in the admin at all."""
        return self.instances_user_has_any_permission_for(user, ALL_ACTIONS)

    def user_can_reach(self, user, instance):
        return self.user_has_any_permission_for_instance(user, ALL_ACTIONS, instance)


class InstitutionPolicy(InstitutionScopedPolicy):
    # No "add": new institutions come from ROPS or the import. No "publish": their changes
    # go through the Moderator approval workflow. No "delete".
    own_actions = frozenset({"view", "change"})
    institution_field = "pk"


class ServicePolicy(InstitutionScopedPolicy):
    own_actions = frozenset({"view", "add", "change"})
    institution_field = "institution_id"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows written by the site itself (the zero-result log): viewable, never edited."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" in actions and self.user_has_permission(user, "view"):
            return self.model._default_manager.all()
        return self.model._default_manager.none()

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


def can_view_gap_report(user):
    """Coordinators, moderators, editors and superusers: whoever may view every service
    may see where services are missing."""
    return user.is_active and user.has_perm("catalog.view_service")


def can_manage_editors(user):
    """Who links users to institutions: only the ROPS roles that change any institution."""
    return user.is_active and user.has_perm("catalog.change_institution")


institution_policy = InstitutionPolicy("catalog.Institution")
service_policy = ServicePolicy("catalog.Service")
