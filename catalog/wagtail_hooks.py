from wagtail import hooks
from wagtail.snippets.models import register_snippet

from catalog import moderation
from catalog.admin_views import CatalogViewSetGroup
from catalog.bulk_actions import ScopedDeleteBulkAction
from catalog.choosers import territory_chooser_viewset


@hooks.register("register_admin_viewset")
def register_territory_chooser():
    return territory_chooser_viewset


# "Lista usług" in the admin menu: institutions, services, cooperation teams, synonyms,
# searches without results and the gap report.
register_snippet(CatalogViewSetGroup)


@hooks.register("register_log_actions")
def register_catalog_log_actions(actions):
    moderation.register_log_actions(actions)


# After Wagtail's own (order): the registry keeps the last action registered for a model.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=100)
