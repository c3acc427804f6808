from django.utils.translation import gettext_lazy as _
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
