from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from portal.models import BasePage


class CatalogPage(RoutablePageMixin, BasePage):
    """The list of activities and services at /pl/uslugi/ (/en/services/): search with
    filters, service and institution details, cooperation teams, the help plan. Its
    routes are model-backed views; the page puts them into the tree, menus and locales.

    Route segments are translated (gettext_lazy): /pl/uslugi/usluga/12/ and
    /en/services/service/12/ are the same view; the views live in catalog/views.py."""

    lead = models.TextField(_("lead"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("lead")]
    search_fields = BasePage.search_fields + [index.SearchField("lead")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # Search results and plans vary with the query string and session: not page-cached.
    cache_anonymous_views = False

    class Meta:
        verbose_name = _("list of activities and services")
        verbose_name_plural = _("lists of activities and services")

    @path("")
    def index_route(self, request, *args, **kwargs):
        from catalog import views

        return views.catalog_index(self, request)

    @path(_("service/<int:service_id>/"), name="service")
    def service_route(self, request, service_id):
        from catalog import views

        return views.service_detail(self, request, service_id)

    @path(_("institution/<int:institution_id>/"), name="institution")
    def institution_route(self, request, institution_id):
        from catalog import views

        return views.institution_detail(self, request, institution_id)

    @path(_("teams/"), name="teams")
    def teams_route(self, request):
        from catalog import views

        return views.team_list(self, request)

    @path(_("team/<int:team_id>/"), name="team")
    def team_route(self, request, team_id):
        from catalog import views

        return views.team_detail(self, request, team_id)

    # Wagtail serves pages at paths of words and slashes only (no dots): file routes end
    # in a segment named after the format, and the file name is in Content-Disposition.
    @path(_("export/csv/"), name="export_csv")
    def export_route(self, request):
        from catalog import views

        return views.export_csv(self, request)

    @path("teryt/<str:code>/", name="territory_units")
    def territory_units_route(self, request, code):
        from catalog import views

        return views.territory_units(self, request, code)

    @path("plan/", name="plan")
    def plan_route(self, request):
        from catalog import views

        return views.plan_view(self, request)

    @path(_("plan/add/"), name="plan_add")
    def plan_add_route(self, request):
        from catalog import views

        return views.plan_add(self, request)

    @path(_("plan/remove/"), name="plan_remove")
    def plan_remove_route(self, request):
        from catalog import views

        return views.plan_remove(self, request)

    @path(_("plan/move/"), name="plan_move")
    def plan_move_route(self, request):
        from catalog import views

        return views.plan_move(self, request)

    @path(_("plan/clear/"), name="plan_clear")
    def plan_clear_route(self, request):
        from catalog import views

        return views.plan_clear(self, request)

    @path(_("plan/print/"), name="plan_print")
    def plan_print_route(self, request):
        from catalog import views

        return views.plan_print(self, request)

    @path("plan/pdf/", name="plan_pdf")
    def plan_pdf_route(self, request):
        from catalog import views

        return views.plan_pdf(self, request)

    @path(_("plan/share/"), name="plan_share")
    def plan_share_route(self, request):
        from catalog import views

        return views.plan_share(self, request)

    @path("plan/<str:token>/", name="shared_plan")
    def shared_plan_route(self, request, token):
        from catalog import views

        return views.shared_plan(self, request, token)

    @path("plan/<str:token>/pdf/", name="shared_plan_pdf")
    def shared_plan_pdf_route(self, request, token):
        from catalog import views

        return views.shared_plan_pdf(self, request, token)
