from django.contrib import messages
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import FundingLogo, Project


class FundingLogoViewSet(SnippetViewSet):
    model = FundingLogo
    icon = "image"
    menu_label = _("Funding logos")
    list_display = ["name", "period", "kind", "sort_order"]
    list_filter = ["period", "kind"]
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


# The accessibility statement is reviewed at least once a year: remind the people who can
# update it (editors, moderators, administrators) once its review date has passed.


def _can_review_statements(user):
    from portal import roles

    return (
        user.is_superuser or user.groups.filter(name__in=[roles.EDITOR, roles.MODERATOR]).exists()
    )


def overdue_statements(on=None):
    from portal.models import AccessibilityStatementPage

    pages = AccessibilityStatementPage.objects.select_related("locale").order_by("path")
    return [page for page in pages if page.review_overdue(on)]


class StatementReviewPanel(Component):
    name = "statement_review"
    order = 50
    template_name = "portal/admin/statement_review_panel.html"

    def __init__(self, statements):
        self.statements = statements

    def get_context_data(self, parent_context=None):
        return {"statements": self.statements}


@hooks.register("construct_homepage_panels")
def add_statement_review_panel(request, panels):
    if not _can_review_statements(request.user):
        return
    statements = overdue_statements()
    if statements:
        panels.append(StatementReviewPanel(statements))


def _review_message(page):
    return _(
        "The accessibility statement “%(title)s” was due for its yearly review on %(date)s. "
        "Check it, update it and set the date of the review."
    ) % {"title": page.title, "date": date_format(page.review_due_on, "Y-m-d")}


@hooks.register("before_edit_page")
def remind_statement_review_on_edit(request, page):
    from portal.models import AccessibilityStatementPage

    specific = page.specific
    if (
        request.method == "GET"
        and isinstance(specific, AccessibilityStatementPage)
        and specific.review_overdue()
        and _can_review_statements(request.user)
    ):
        messages.warning(request, _review_message(specific))


@hooks.register("construct_explorer_page_queryset")
def remind_statement_review_in_listing(parent_page, pages, request):
    from portal.models import AccessibilityStatementPage

    if request.method == "GET" and _can_review_statements(request.user):
        children = AccessibilityStatementPage.objects.child_of(parent_page)
        for statement in children:
            if statement.review_overdue():
                messages.warning(request, _review_message(statement))
    return pages
