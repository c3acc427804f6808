"""The admin page for importing training events and attendance lists from CSV files.

Three steps: the coordinator uploads a file and sees a preview (what would change, and each
bad row with its line and the reason); then imports everything, which is offered only when
no row is bad, or explicitly "only the correct rows". The file waits in the session between
the preview and the import, under a one-time token, so a second click (or a second tab)
cannot import it twice; importing the same file again changes nothing anyway.

Who gets in: superusers and the Coordinator role. Anyone else meets PermissionDenied before
the form is read or any file is looked at (Wagtail's admin shows it as "no permission")."""

import base64
import uuid

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from school import coordinator
from school.training_import import (
    ATTENDANCE,
    ATTENDANCE_COLUMNS,
    EVENT_COLUMNS,
    EVENTS,
    IMPORTERS,
    MAX_FILE_BYTES,
)

SESSION_KEY = "school_training_import"


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            (EVENTS, _("Training events: one row per day of an event")),
            (ATTENDANCE, _("Attendance lists: one row per person per event")),
        ],
        initial=EVENTS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8 (with or without BOM), columns separated by semicolons or commas, a header "
            "in the first line. At most 5 MB."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Split it into parts."))
        return upload


def _events_url():
    try:
        return reverse("school_events:index")
    except NoReverseMatch:  # the events admin is not registered
        return ""


class TrainingImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "school/admin/training_import/upload.html"
    page_title = _("Import trainings and attendance")
    header_icon = "upload"

    def setup(self, request, *args, **kwargs):
        # Before anything is read: a person without the role learns nothing here.
        if not coordinator.is_coordinator(request.user):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=UploadForm()))

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") in ("import", "import_good"):
            return self.import_file(request)
        return self.preview(request)

    def preview(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        kind = form.cleaned_data["kind"]
        upload = form.cleaned_data["file"]
        data = upload.read()
        # Written and rolled back: the preview counts exactly what the import would do
        # with the correct rows.
        report = IMPORTERS[kind](data, partial=True, dry_run=True, user=request.user)
        token = ""  # nosec B105 # no upload token yet, not a password
        if report.good_rows:
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": kind,
                "name": upload.name,
                "data": base64.b64encode(data).decode("ascii"),
            }
        else:
            request.session.pop(SESSION_KEY, None)
        context = self.get_context_data(
            form=UploadForm(initial={"kind": kind}),
            report=report,
            file_name=upload.name,
            token=token,
            step="preview",
        )
        return self.render_to_response(context)

    def import_file(self, request):
        stored = request.session.get(SESSION_KEY)
        if not stored or stored.get("token") != request.POST.get("token"):
            messages.error(
                request,
                gettext(
                    "This file has already been imported or its preview has expired. Upload "
                    "the file again."
                ),
            )
            return self.render_to_response(self.get_context_data(form=UploadForm()), status=409)
        # One use only: a second click finds nothing to import.
        del request.session[SESSION_KEY]
        partial = request.POST.get("action") == "import_good"
        data = base64.b64decode(stored["data"])
        report = IMPORTERS[stored["kind"]](data, partial=partial, user=request.user)
        if report.written:
            messages.success(request, " ".join(report.change_lines()))
        context = self.get_context_data(
            form=UploadForm(initial={"kind": stored["kind"]}),
            report=report,
            file_name=stored["name"],
            step="done",
        )
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            events_url=_events_url(),
            event_columns=list(EVENT_COLUMNS),
            attendance_columns=list(ATTENDANCE_COLUMNS),
        )
        report = context.get("report")
        if report is not None:
            context["change_lines"] = report.change_lines()
            context["bad_count"] = len(report.bad_lines)
        return context


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinator.is_coordinator(request.user)


class TrainingImportViewSet(ViewSet):
    name = "school_training_import"
    url_prefix = "school/trainings-import"
    icon = "upload"
    menu_label = _("Import from CSV")
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [path("", TrainingImportView.as_view(), name="upload")]


VIEWSETS = [TrainingImportViewSet]
