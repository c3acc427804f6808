"""The report of hours in the admin, for coordinators: the ledger's figures for a period
and filters as tables and bar charts, and the same figures as CSV and XLSX files.

Who gets in: superusers and the Coordinator role. Anyone else who reaches the view (a
Wagtail user without the role) gets a 403 before the form is even read. Wagtail itself
sends people without admin access, and anonymous visitors, to the login page first.

The figures come from school.ledger only (the page, its files and `report_hours` share
them); notes, topics and conclusions of sessions are never read."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from catalog.models import Institution, Territory
from privacy import audit
from school import exports, ledger
from school.coordinator import is_coordinator
from school.models import Person, Project

# How many groups of a breakdown the page shows; the files hold them all.
PAGE_ROWS = 100
# How many groups a breakdown's chart shows (the largest by person-hours).
CHART_BARS = 12


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


# The form ----------------------------------------------------------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def territory_choices():
    """Voivodeships, and the powiats and gminas where someone on the register lives: one
    query. Powiats and gminas are grouped under their voivodeship and powiat."""
    gminas = Person.objects.filter(gmina__isnull=False).values("gmina_id")
    units = list(
        Territory.objects.filter(
            Q(level=Territory.Level.VOIVODESHIP)
            | Q(pk__in=gminas)
            | Q(level=Territory.Level.POWIAT, children__in=gminas)
        )
        .distinct()
        .order_by("code")
        .values_list("code", "name", "level")
    )
    names = {code: name for code, name, _level in units}
    voivodeships = [(code, name) for code, name, level in units if level == "voivodeship"]
    powiats, gminas = {}, {}
    for code, name, level in units:
        if level == "powiat":
            powiats.setdefault(names.get(code[:2], code[:2]), []).append((code, name))
        elif level == "gmina":
            gminas.setdefault(names.get(code[:4], code[:4]), []).append((code, f"{name} ({code})"))
    return voivodeships, list(powiats.items()), list(gminas.items())


def provider_choices():
    """Trainers (people of the register), then coaches and supervisors (accounts)."""
    trainers = (
        Person.objects.filter(trained_events__isnull=False)
        .distinct()
        .order_by("last_name", "first_name", "pk")
        .values_list("pk", "first_name", "last_name")
    )
    coaches = (
        get_user_model()
        .objects.filter(
            Q(pk__in=ledger.CoachingSession.objects.values("coach_id"))
            | Q(pk__in=ledger.SupervisionSession.objects.values("supervisor_id"))
        )
        .order_by("last_name", "first_name", "pk")
        .values_list("pk", "first_name", "last_name", "username")
    )
    return [
        (gettext("Trainers"), [(f"p{pk}", f"{first} {last}") for pk, first, last in trainers]),
        (
            gettext("Coaches and supervisors"),
            [
                (f"u{pk}", f"{first} {last}".strip() or username)
                for pk, first, last, username in coaches
            ],
        ),
    ]


class ReportForm(forms.Form):
    date_from = forms.DateField(label=_("From"), widget=DateInput)
    date_to = forms.DateField(label=_("To"), widget=DateInput)
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.order_by("-starts_on", "name"),
        required=False,
        empty_label=_("all projects"),
        to_field_name="code",
    )
    support = forms.ChoiceField(label=_("Type of support"), required=False)
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)
    powiat = forms.ChoiceField(label=_("Powiat"), required=False)
    gmina = forms.ChoiceField(label=_("Gmina"), required=False)
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Institution.objects.none(),
        required=False,
        empty_label=_("all institutions"),
    )
    provider = forms.ChoiceField(label=_("Trainer or coach"), required=False)
    by = forms.ChoiceField(
        label=_("Break down by"),
        choices=ledger.BREAKDOWNS,
        initial=ledger.BY_PROJECT,
        required=False,
        help_text=_("The table at the end of the report and the breakdown file."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", gettext("all types"))]
        self.fields["support"].choices = everything + [
            (value, str(label)) for value, label in ledger.SUPPORT_TYPES
        ]
        voivodeships, powiats, gminas = territory_choices()
        self.fields["voivodeship"].choices = [("", gettext("all voivodeships"))] + voivodeships
        self.fields["powiat"].choices = [("", gettext("all powiats"))] + powiats
        self.fields["gmina"].choices = [("", gettext("all gminas"))] + gminas
        self.fields["institution"].queryset = Institution.objects.filter(
            pk__in=Person.objects.filter(institution__isnull=False).values("institution_id")
        ).order_by("name")
        self.fields["provider"].choices = [
            ("", gettext("all trainers and coaches"))
        ] + provider_choices()
        self.fields["gmina"].help_text = _("Places where people on the register live.")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the period is before its start."))
        voivodeship, powiat, gmina = (data.get(name) for name in ("voivodeship", "powiat", "gmina"))
        if powiat and voivodeship and not powiat.startswith(voivodeship):
            self.add_error("powiat", _("This powiat is not in the chosen voivodeship."))
        elif gmina and (powiat or voivodeship) and not gmina.startswith(powiat or voivodeship):
            self.add_error("gmina", _("This gmina is not in the chosen powiat or voivodeship."))
        return data

    def describe_fields(self):
        """Tie each control to its help and errors (aria-describedby), so that a screen
        reader reads the error when the field is reached."""
        for name, field in self.fields.items():
            bound = self[name]
            ids = []
            if bound.errors:
                ids.append(f"{bound.auto_id}-errors")
                field.widget.attrs["aria-invalid"] = "true"
            if field.help_text:
                ids.append(f"{bound.auto_id}-help")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    def clean_by(self):
        return self.cleaned_data.get("by") or ledger.BY_PROJECT

    def filters(self):
        data = self.cleaned_data
        provider = data.get("provider") or ""
        return ledger.LedgerFilters(
            date_from=data["date_from"],
            date_to=data["date_to"],
            project=data.get("project"),
            support=data.get("support") or "",
            territory=data.get("gmina") or data.get("powiat") or data.get("voivodeship") or "",
            institution=data.get("institution"),
            trainer=int(provider[1:]) if provider.startswith("p") else None,
            coach=int(provider[1:]) if provider.startswith("u") else None,
        )


def default_query():
    """The current year, broken down by project."""
    today = timezone.localdate()
    return {
        "date_from": datetime.date(today.year, 1, 1).isoformat(),
        "date_to": datetime.date(today.year, 12, 31).isoformat(),
        "by": ledger.BY_PROJECT,
    }


# Charts ------------------------------------------------------------------------------------

BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 230
VALUE_WIDTH = 90
CHART_WIDTH = 720


def bar_chart(chart_id, title, description, items, unit=""):
    """A horizontal bar chart drawn on the server: every bar carries its label and number
    as text, so nothing depends on colour, and the same numbers are in a table beside it.
    `items`: (label, value) with numeric values."""
    items = list(items)
    largest = max((float(value) for _label, value in items), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for n, (label, value) in enumerate(items):
        text = str(label)
        bars.append(
            {
                "label": text if len(text) <= 34 else text[:33] + "…",
                "full_label": text,
                "value": value,
                "y": n * (BAR_HEIGHT + BAR_GAP),
                "width": max(1, round(float(value) / largest * span)) if value else 0,
            }
        )
    listed = "; ".join(f"{label}: {value}{unit}" for label, value in items)
    return {
        "id": chart_id,
        "title": title,
        "description": f"{description} {listed}." if items else description,
        "bars": bars,
        "width": CHART_WIDTH,
        "height": max(1, len(items)) * (BAR_HEIGHT + BAR_GAP),
        "label_width": LABEL_WIDTH,
        "bar_x": LABEL_WIDTH + 8,
        "text_dy": BAR_HEIGHT - 6,
        "bar_height": BAR_HEIGHT,
    }


# Files -------------------------------------------------------------------------------------


def breakdown_header(by):
    dimension = dict(ledger.BREAKDOWNS)[by]
    header = [gettext("Code"), str(dimension).capitalize()]
    if by == ledger.BY_PERSON:
        header += [gettext("Gmina (TERC)"), gettext("Institution")]
    elif by == ledger.BY_PROVIDER:
        header += [gettext("Role")]
    return header + [str(ledger.COLUMN_LABELS[c][0]) for c in ledger.breakdown_columns(by)]


def breakdown_values(by, row):
    code = row.code or ("" if row.key is None else str(row.key))
    values = [code, row.label or str(empty_group_label(by))]
    if by == ledger.BY_PERSON:
        values += [row.code, row.detail]
        values[0] = "" if row.key is None else str(row.key)
    elif by == ledger.BY_PROVIDER:
        values += [row.detail]
    return values + [row.value(c) for c in ledger.breakdown_columns(by)]


def empty_group_label(by):
    return {
        ledger.BY_PROJECT: _("no project"),
        ledger.BY_INSTITUTION: _("institution not in the list or not given"),
        ledger.BY_GMINA: _("gmina not given"),
        ledger.BY_POWIAT: _("gmina not given"),
        ledger.BY_VOIVODESHIP: _("gmina not given"),
        ledger.BY_PERSON: _("accounts without a register entry"),
        ledger.BY_PROVIDER: _("no trainer given"),
    }[by]


def summary_header():
    return [gettext("Key"), gettext("Figure"), gettext("Value")]


def xlsx_report(summary, by, rows):
    """Two sheets: the summary and the breakdown."""
    return exports.xlsx_workbook(
        [
            (gettext("Summary"), summary_header(), summary),
            (
                gettext("Breakdown"),
                breakdown_header(by),
                (breakdown_values(by, row) for row in rows),
            ),
        ]
    )


# Views -------------------------------------------------------------------------------------


class ReportMixin(WagtailAdminTemplateMixin):
    header_icon = "table"
    page_title = _("Report of hours")

    def dispatch(self, request, *args, **kwargs):
        # Before the form or any figure: a 403 of our own (Wagtail would turn a
        # PermissionDenied into a redirect to the dashboard).
        if not is_coordinator(request.user):
            return TemplateResponse(request, "school/admin/reports/forbidden.html", {}, status=403)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        return ReportForm(self.request.GET or default_query())

    def file_stem(self):
        data = self.form.cleaned_data
        return f"godziny-{data['date_from'].isoformat()}-{data['date_to'].isoformat()}"

    def invalid(self):
        """A file asked for with a bad query: the page says what is wrong."""
        return redirect(f"{reverse('school_reports:index')}?{self.request.GET.urlencode()}")


class ReportView(ReportMixin, TemplateView):
    template_name = "school/admin/reports/index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form
        context["form"] = form
        valid = form.is_valid()
        form.describe_fields()
        if not valid:
            context["errors"] = True
            return context
        filters = form.filters()
        by = form.cleaned_data["by"]
        report, breakdown = ledger.page(filters, by)
        columns = ledger.breakdown_columns(by)
        rows = []
        more = False
        for n, row in enumerate(breakdown):
            if n == PAGE_ROWS:
                more = True
                break
            rows.append(row)
        query = self.request.GET.urlencode() or _urlencode(default_query())
        support_forms = [
            (gettext("Trainings"), report.person_hours),
            (gettext("Coaching"), report.coachee_person_hours),
            (gettext("Supervision"), report.supervision_person_hours),
            (gettext("E-learning"), report.elearning_hours),
        ]
        largest = sorted(
            (r for r in rows if r.value("person_hours_total")),
            key=lambda r: r.value("person_hours_total"),
            reverse=True,
        )[:CHART_BARS]
        by_label = str(dict(ledger.BREAKDOWNS)[by])
        context.update(
            report=report,
            by=by,
            by_label=by_label,
            columns=[(c, ledger.COLUMN_LABELS[c][0]) for c in columns],
            rows=[
                {
                    "code": breakdown_values(by, row)[0],
                    "label": row.label or empty_group_label(by),
                    "detail": row.detail,
                    "values": [row.value(c) for c in columns],
                }
                for row in rows
            ],
            more=more,
            page_rows=PAGE_ROWS,
            support_forms=support_forms,
            query=query,
            charts={
                "types": bar_chart(
                    "chart-types",
                    gettext("Teaching hours by type of event"),
                    gettext("Bar chart of the table of trainings by type."),
                    [(row.label, row.teaching_hours) for row in report.by_type],
                    unit=" h",
                ),
                "forms": bar_chart(
                    "chart-forms",
                    gettext("Person-hours by form of support"),
                    gettext("Bar chart of the table of person-hours by form of support."),
                    support_forms,
                    unit=" h",
                ),
                "breakdown": bar_chart(
                    "chart-breakdown",
                    gettext("Person-hours in all by %(group)s") % {"group": by_label},
                    gettext("Bar chart of the largest groups of the breakdown table."),
                    [
                        (r.label or empty_group_label(by), r.value("person_hours_total"))
                        for r in largest
                    ],
                    unit=" h",
                ),
            },
        )
        return context


def _urlencode(data):
    from django.utils.http import urlencode

    return urlencode(data)


# The audit log names the records a report's files are counted from.
AUDITED = "school.Attendance"


class SummaryCsvView(ReportMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        if not self.form.is_valid():
            return self.invalid()
        rows = ledger.summary_rows(ledger.report(self.form.filters()))
        audit.record(request.user, audit.EXPORT, AUDITED, action="school.reports.summary_csv")
        return exports.streamed_csv(
            exports.csv_lines(summary_header(), rows), f"{self.file_stem()}-podsumowanie.csv"
        )


class BreakdownCsvView(ReportMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        if not self.form.is_valid():
            return self.invalid()
        by = self.form.cleaned_data["by"]
        rows = (breakdown_values(by, row) for row in ledger.breakdown(self.form.filters(), by))
        audit.record(request.user, audit.EXPORT, AUDITED, action="school.reports.breakdown_csv")
        return exports.streamed_csv(
            exports.csv_lines(breakdown_header(by), rows), f"{self.file_stem()}-wg-{by}.csv"
        )


class XlsxView(ReportMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        if not self.form.is_valid():
            return self.invalid()
        filters = self.form.filters()
        by = self.form.cleaned_data["by"]
        report, rows = ledger.page(filters, by)
        content = xlsx_report(ledger.summary_rows(report), by, rows)
        audit.record(request.user, audit.EXPORT, AUDITED, action="school.reports.xlsx")
        response = HttpResponse(content, content_type=exports.XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.file_stem()}.xlsx"'
        response["Cache-Control"] = "private, no-store"
        return response


class ReportViewSet(ViewSet):
    name = "school_reports"
    url_prefix = "school/reports"
    icon = "table"
    menu_label = _("Report of hours")
    menu_item_class = ReportMenuItem

    def get_urlpatterns(self):
        return [
            path("", ReportView.as_view(), name="index"),
            path("summary.csv", SummaryCsvView.as_view(), name="summary_csv"),
            path("breakdown.csv", BreakdownCsvView.as_view(), name="breakdown_csv"),
            path("report.xlsx", XlsxView.as_view(), name="xlsx"),
        ]


VIEWSETS = [ReportViewSet]
