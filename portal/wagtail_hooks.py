from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import FundingLogo, Project


class FundingLogoViewSet(SnippetViewSet):
    model = FundingLogo
    icon = "image"
    menu_label = _("Funding logos")
    list_display = ["name", "period", "sort_order"]
    list_filter = ["period"]
    ordering = ["period", "sort_order"]


register_snippet(FundingLogoViewSet)


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "folder-open-inverse"
    menu_label = _("Projects")
    list_display = ["name", "slug"]


register_snippet(ProjectViewSet)


# The content checker (accessibility) of the page editor's "Checks" panel and of the userbar:
# Wagtail's checks plus a few about content editors make, run on the content only (the site
# chrome around it is the developers' to test, in tests/e2e).

CONTENT_CHECKS = ["image-alt", "list", "listitem", "th-has-data-cells"]
CONTENT_CHECK_MESSAGES = {
    "image-alt": {
        "error_name": _("Image has no alternative text"),
        "help_text": _("Describe what the image shows for people who cannot see it"),
    },
    "list": {
        "error_name": _("List is not built correctly"),
        "help_text": _("Use the editor's list buttons"),
    },
    "listitem": {
        "error_name": _("List item outside a list"),
        "help_text": _("Use the editor's list buttons"),
    },
    "th-has-data-cells": {
        "error_name": _("Table heading without cells"),
        "help_text": _("Every heading should describe cells of its column or row"),
    },
}


@hooks.register("construct_wagtail_userbar")
def configure_content_checks(request, items, page):
    for item in items:
        if isinstance(item, ContentCheckerItem):
            item.axe_include = ["main"]
            item.axe_run_only = [*item.axe_run_only, *CONTENT_CHECKS]
            item.axe_messages = {**item.axe_messages, **CONTENT_CHECK_MESSAGES}
