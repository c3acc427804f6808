"""The privacy pages of the admin: the register (read-only, for superusers and coordinators)
and the audit log (read-only, for superusers), with the log's CSV."""

import csv
import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal import roles
from privacy import audit, register
from privacy.models import AuditEntry, AuditKind

PER_PAGE = 50


def may_see_register(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=roles.COORDINATOR).exists()


def may_see_audit_log(user):
    return user.is_authenticated and user.is_active and user.is_superuser


def _field_label(model, name):
    field = model._meta.get_field(name)
    label = getattr(field, "verbose_name", None) or name
    return f"{capfirst(label)} ({name})"


def register_rows():
    rows = []
    for entry in register.entries():
        model = entry.get_model()
        rows.append(
            {
                "entry": entry,
                "id": entry.model.replace(".", "-").lower(),
                "name": capfirst(model._meta.verbose_name_plural),
                "fields": [_field_label(model, name) for name in entry.fields],
            }
        )
    return rows


class RegisterView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "privacy/register.html"
    page_title = _("Privacy register")
    header_icon = "lock"

    def setup(self, request, *args, **kwargs):
        if not may_see_register(request.user):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=register_rows(),
            sections=register.sections(),
            audit_url=reverse("privacy_audit:index")
            if may_see_audit_log(self.request.user)
            else "",
        )
        return context


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + AuditKind.choices
    )
    user = forms.CharField(label=_("Who (user name or e-mail)"), required=False, max_length=150)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", gettext("The end of the period is before its start."))
        return cleaned

    def filter(self, queryset):
        if not self.is_bound or not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["user"].strip():
            name = data["user"].strip()
            users = get_user_model().objects.filter(username__iexact=name) | (
                get_user_model().objects.filter(email__iexact=name)
            )
            queryset = queryset.filter(user__in=users)
        if data["date_from"]:
            queryset = queryset.filter(at__gte=_day_start(data["date_from"]))
        if data["date_to"]:
            next_day = data["date_to"] + datetime.timedelta(days=1)
            queryset = queryset.filter(at__lt=_day_start(next_day))
        return queryset


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _who(entry):
    user = entry.user
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class AuditMixin(WagtailAdminTemplateMixin):
    def setup(self, request, *args, **kwargs):
        if not may_see_audit_log(request.user):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)
        self.form = AuditFilterForm(request.GET or None)

    def entries(self):
        return self.form.filter(AuditEntry.objects.select_related("user"))


class AuditLogView(AuditMixin, TemplateView):
    template_name = "privacy/audit_log.html"
    page_title = _("Audit log of personal data")
    header_icon = "history"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.entries(), PER_PAGE).get_page(self.request.GET.get("p"))
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            form=self.form,
            page_obj=page,
            rows=[{"entry": entry, "who": _who(entry)} for entry in page.object_list],
            query=query.urlencode(),
            csv_url=reverse("privacy_audit:csv") + (f"?{query.urlencode()}" if query else ""),
        )
        return context


class _Echo:
    def write(self, value):
        return value


def audit_csv_header():
    return [
        gettext("When"),
        gettext("Who"),
        gettext("User number"),
        gettext("Kind"),
        gettext("Action"),
        gettext("Records"),
        gettext("Record number"),
    ]


def audit_csv_row(entry):
    return [
        timezone.localtime(entry.at).isoformat(timespec="seconds"),
        _who(entry),
        entry.user_id or "",
        entry.get_kind_display(),
        entry.action,
        entry.model_label,
        entry.object_pk,
    ]


class AuditCsvView(AuditMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        entries = self.entries() if not self.form.is_bound or self.form.is_valid() else None
        if entries is None:
            entries = AuditEntry.objects.none()
        # The log itself names people: its export is one more entry.
        audit.record(request.user, audit.EXPORT, AuditEntry, action="privacy.audit_log.csv")
        writer = csv.writer(_Echo(), delimiter=";")

        def lines():
            yield "\ufeff"  # spreadsheet programs then read Polish letters right
            yield writer.writerow(audit_csv_header())
            for entry in entries.iterator():
                yield writer.writerow(audit_csv_row(entry))

        stamp = timezone.localdate().isoformat()
        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dziennik-audytu-{stamp}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response
