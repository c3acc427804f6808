"""The gap report for coordinators: the gminas of a voivodeship (or one powiat) against the
problem areas, with how many live, active services cover each cell, and what people
searched for there and did not find. Its empty cells are the local deficits the model's
animators talk about (seed 002).

A service covers a gmina when its coverage includes the gmina, its powiat or its
voivodeship. The table costs the same few queries however many gminas and services there
are: services are fetched grouped by (coverage, areas), and the spreading over gminas is
done in memory."""

import csv
import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from catalog.codes import ProblemArea, ServiceStatus
from catalog.fields import CodeListField
from catalog.models import Service, Territory, ZeroResultSearch
from catalog.permissions import can_view_gap_report

DEFAULT_VOIVODESHIP = "26"  # świętokrzyskie, where the Liderzy kooperacji project is led
DEFAULT_PERIOD_DAYS = 90
MAX_SEARCHES = 100


@dataclass
class GapRow:
    gmina: Territory
    counts: list  # one number per area, in the order of GapTable.areas

    @property
    def gaps(self):
        return sum(1 for count in self.counts if not count)


@dataclass
class PowiatGroup:
    powiat: Territory
    rows: list = field(default_factory=list)


@dataclass
class GapTable:
    region: Territory
    areas: list  # (code, label)
    groups: list  # PowiatGroup, in TERC order

    @property
    def region_label(self):
        """ "powiat jędrzejowski", "województwo świętokrzyskie"."""
        return f"{self.region.get_level_display()} {self.region.name}"

    @property
    def rows(self):
        return [row for group in self.groups for row in group.rows]

    @property
    def gminas_without(self):
        """Per area: how many gminas have no service."""
        rows = self.rows
        return [sum(1 for row in rows if not row.counts[i]) for i in range(len(self.areas))]


def build_gap_table(region, powiats):
    """`region`: a voivodeship or powiat; `powiats`: the powiats of the region's voivodeship
    (already fetched for the form). Two queries: gminas, and services grouped."""
    voivodeship_code = region.code[:2]
    powiat_by_code = {unit.code: unit for unit in powiats}
    gminas = list(
        Territory.objects.filter(
            level=Territory.Level.GMINA, active=True, code__startswith=region.code
        ).order_by("code")
    )
    by_powiat = defaultdict(list)
    for gmina in gminas:
        by_powiat[gmina.code[:4]].append(gmina.code)
    all_codes = [gmina.code for gmina in gminas]

    # Services within the region, or covering it from above (its voivodeship or powiat).
    condition = Q(coverage_codes__contains=f"|{region.code}")
    if len(region.code) == 4:
        condition |= Q(coverage_codes__contains=f"|{voivodeship_code}|")
    groups = (
        Service.objects.filter(condition, live=True, status=ServiceStatus.ACTIVE)
        .order_by()
        .values("coverage_codes", "areas")
        .annotate(services=Count("pk"))
    )
    areas = list(ProblemArea.choices)
    area_index = {code: i for i, (code, _label) in enumerate(areas)}
    counts = defaultdict(lambda: [0] * len(areas))
    for group in groups:
        covered = set()
        for code in CodeListField.parse(group["coverage_codes"]):
            if len(code) == 7:
                covered.add(code)
            elif len(code) == 4:
                covered.update(by_powiat.get(code, ()))
            elif code == voivodeship_code:
                covered.update(all_codes)
        for area in group["areas"]:
            if area in area_index:
                for code in covered:
                    counts[code][area_index[area]] += group["services"]

    powiat_groups = []
    for gmina in gminas:
        powiat_code = gmina.code[:4]
        if not powiat_groups or powiat_groups[-1].powiat.code != powiat_code:
            powiat_groups.append(PowiatGroup(powiat_by_code.get(powiat_code)))
        powiat_groups[-1].rows.append(GapRow(gmina, counts[gmina.code]))
    return GapTable(region=region, areas=areas, groups=powiat_groups)


def zero_result_searches(region, since, until, names):
    """What people searched for in the region and did not find, most frequent first."""
    rows = (
        ZeroResultSearch.objects.filter(day__range=(since, until), teryt__startswith=region.code)
        .values("query", "area", "teryt")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:MAX_SEARCHES]
    )
    area_labels = dict(ProblemArea.choices)
    return [
        {
            "query": row["query"],
            "area": area_labels.get(row["area"], row["area"]),
            "teryt": row["teryt"],
            "place": names.get(row["teryt"], ""),
            "total": row["total"],
        }
        for row in rows
    ]


class GapReportForm(forms.Form):
    voivodeship = forms.ChoiceField(label=_("Voivodeship"))
    powiat = forms.ChoiceField(label=_("Powiat"), required=False)
    since = forms.DateField(
        label=_("Searches from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Searches until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, voivodeships, powiats):
        super().__init__(data)
        self.fields["voivodeship"].choices = [(unit.code, unit.name) for unit in voivodeships]
        self.fields["powiat"].choices = [("", _("all powiats"))] + [
            (unit.code, unit.name) for unit in powiats
        ]

    def full_clean(self):
        super().full_clean()
        # Errors are tied to their fields for screen readers (the template prints them
        # under the field with this id).
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].id_for_label}-error"}
                )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end of the period is before its start."))
        return cleaned


class GapReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "catalog/admin/gap_report.html"
    page_title = _("Gap report")
    header_icon = "table"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not can_view_gap_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        # TERC codes follow the Polish alphabetical order of the voivodeships.
        voivodeships = list(
            Territory.objects.filter(level=Territory.Level.VOIVODESHIP, active=True).order_by(
                "code"
            )
        )
        by_code = {unit.code: unit for unit in voivodeships}
        chosen = request.GET.get("voivodeship") or DEFAULT_VOIVODESHIP
        voivodeship = by_code.get(chosen) or by_code.get(DEFAULT_VOIVODESHIP)
        powiats = list(
            Territory.objects.filter(
                level=Territory.Level.POWIAT, active=True, parent=voivodeship
            ).order_by("code")
        )
        data = request.GET.copy()
        data.setdefault("voivodeship", voivodeship.code)
        if data.get("powiat") and data.get("powiat")[:2] != voivodeship.code:
            # A powiat of another voivodeship, left from a previous choice: start afresh.
            data["powiat"] = ""
        form = GapReportForm(data, voivodeships, powiats)
        today = timezone.localdate()
        since, until = today - datetime.timedelta(days=DEFAULT_PERIOD_DAYS), today
        region = voivodeship
        if form.is_valid():
            powiat_code = form.cleaned_data["powiat"]
            region = next((p for p in powiats if p.code == powiat_code), voivodeship)
            since = form.cleaned_data["since"] or since
            until = form.cleaned_data["until"] or until
        table = build_gap_table(region, powiats)
        if request.GET.get("format") == "csv":
            return gap_table_csv(table)
        names = {voivodeship.code: voivodeship.name}
        names.update({unit.code: unit.name for unit in powiats})
        names.update({row.gmina.code: row.gmina.name for row in table.rows})
        context = self.get_context_data(
            form=form,
            table=table,
            period=(since, until),
            searches=zero_result_searches(region, since, until, names),
            csv_query=_csv_query(region, voivodeship, since, until),
        )
        return self.render_to_response(context)


def _csv_query(region, voivodeship, since, until):
    from urllib.parse import urlencode

    params = {"voivodeship": voivodeship.code, "format": "csv"}
    if region.code != voivodeship.code:
        params["powiat"] = region.code
    return urlencode(params)


def gap_table_csv(table):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="luki-{table.region.code}.csv"'
    response.write("\ufeff")  # spreadsheet programs then read Polish letters right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [gettext("TERC code"), gettext("Gmina"), gettext("Powiat")]
        + [str(label) for _code, label in table.areas]
        + [gettext("Areas without a service")]
    )
    for group in table.groups:
        for row in group.rows:
            writer.writerow(
                [row.gmina.code, row.gmina.name, group.powiat.name if group.powiat else ""]
                + row.counts
                + [row.gaps]
            )
    return response


class GapReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_gap_report(request.user)


class GapReportViewSet(ViewSet):
    name = "catalog_gaps"
    url_prefix = "catalog/gaps"
    icon = "table"
    menu_label = _("Gap report")
    menu_name = "catalog-gaps"

    def get_menu_item(self, order=None):
        return GapReportMenuItem(
            label=self.menu_label,
            url=reverse(self.get_url_name("index")),
            name=self.menu_name,
            icon_name=self.icon,
            order=order if order is not None else self.menu_order,
        )

    @property
    def index_view(self):
        return self.construct_view(GapReportView)

    def get_urlpatterns(self):
        return [path("", self.index_view, name="index")]
