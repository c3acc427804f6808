from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalog.models import Territory


class TerritoryFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or TERC code"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Oksa or 2602052")}),
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("all"))] + Territory.Level.choices
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(Q(name__icontains=query) | Q(code__startswith=query))
        if self.cleaned_data.get("level"):
            objects = objects.filter(level=self.cleaned_data["level"])
        return objects


class TerritoryChooserViewSet(ChooserViewSet):
    model = Territory
    icon = "site"
    choose_one_text = _("Choose a voivodeship, powiat or gmina")
    choose_another_text = _("Choose another territorial unit")
    per_page = 30
    form_fields = None
    create_action_label = None

    @property
    def choose_view_class(self):
        return self._with_filter(super().choose_view_class)

    @property
    def choose_results_view_class(self):
        return self._with_filter(super().choose_results_view_class)

    @staticmethod
    def _with_filter(view_class):
        class View(view_class):
            filter_form_class = TerritoryFilterForm

            def get_object_list(self):
                return Territory.objects.filter(active=True).select_related("parent")

            @property
            def columns(self):
                return [
                    self.title_column,
                    Column("code", label=_("TERC code")),
                    Column("get_kind_display", label=_("type")),
                    Column("parent", label=_("part of")),
                ]

        return View


territory_chooser_viewset = TerritoryChooserViewSet("territory_chooser")
