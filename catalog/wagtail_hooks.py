from wagtail import hooks

from catalog.choosers import territory_chooser_viewset


@hooks.register("register_admin_viewset")
def register_territory_chooser():
    return territory_chooser_viewset
