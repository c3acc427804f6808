"""Bulk actions on institutions and services, limited to the entries the user may reach.

Wagtail's snippet bulk actions load every id in the query string and list those the user
may not act on by name ("you don't have permission to delete: …"), whatever the entry:
any admin user could read the names of another institution's unpublished services by
guessing ids. Here entries out of the user's reach are left out before anything is shown
or done, and an answer with none left is a 404, as for an entry view."""

from django.http import Http404
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from catalog.models import Institution, Service
from catalog.permissions import institution_policy, service_policy

POLICIES = {Institution: institution_policy, Service: service_policy}


class ScopedDeleteBulkAction(DeleteBulkAction):
    @classproperty
    def models(cls):
        return list(POLICIES)

    def get_all_objects_in_listing_query(self, parent_id):
        return self._reachable().values_list("pk", flat=True)

    def _reachable(self):
        return POLICIES[self.model].reachable_queryset(self.request.user)

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = extra["items_with_no_access"]
        reachable = set(
            self._reachable()
            .filter(pk__in=[entry.pk for entry in [*objects, *hidden]])
            .values_list("pk", flat=True)
        )
        objects = [entry for entry in objects if entry.pk in reachable]
        hidden = [entry for entry in hidden if entry.pk in reachable]
        if not objects and not hidden:
            raise Http404
        return objects, {**extra, "items_with_no_access": hidden}
