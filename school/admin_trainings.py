"""The coordinator's admin for in-person support: projects, training events with their days,
attendance per day and the sign-in sheets (the participant register is in
school.admin_people).

Who gets in: superusers and the Coordinator role (school.coordinator.is_coordinator); for
anyone else every view here answers 403 before any object is looked up, so that nothing
is given away. One exception: a trainer (a person in the register whose account is among
an event's trainers) opens the attendance page and the sign-in sheets of their own events;
another event is "not found" (404) for them.

Coaching and supervision appear on a person's page as counts and hours only: their notes
belong to the coach and the coachees (see school/models/coaching.py)."""

from decimal import Decimal

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies.base import BasePermissionPolicy

from catalog.choosers import TerritoryChooserViewSet, TerritoryFilterForm
from catalog.models import Territory
from privacy import audit
from school import coordinator, people, signin_sheet
from school.admin_views import require_coordinator
from school.models import (
    Attendance,
    EventDay,
    EventKind,
    Person,
    Project,
    Registration,
    RegistrationStatus,
    TrainingEvent,
)
from school.models.trainings import event_teaching_hours

ZERO = Decimal("0")
SEARCH_RESULTS = 10


# Who may do what --------------------------------------------------------------------------


class CoordinatorPolicy(BasePermissionPolicy):
    """The Coordinator role is the permission for every action on these records: model
    permissions given in the group editor would mean nothing here."""

    def user_has_permission(self, user, action):
        return coordinator.is_coordinator(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return coordinator.is_coordinator(user)

    def instances_user_has_permission_for(self, user, action):
        if coordinator.is_coordinator(user):
            return self.model._default_manager.all()
        return self.model._default_manager.none()


class CoordinatorGate:
    """Mixed into every view of the viewsets below: the check comes before the view looks
    up its object, so that a non-coordinator cannot tell an existing record from none."""

    def setup(self, request, *args, **kwargs):
        require_coordinator(request)
        super().setup(request, *args, **kwargs)


def is_trainer(user):
    """Trains at least one event (their register row is among its trainers)."""
    if not (user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_school_is_trainer"):
        user._school_is_trainer = TrainingEvent.objects.filter(trainers__user=user).exists()
    return user._school_is_trainer


def events_for(user):
    """Every event for a coordinator; a trainer's own events for a trainer."""
    if coordinator.is_coordinator(user):
        return TrainingEvent.objects.all()
    if is_trainer(user):
        return TrainingEvent.objects.filter(trainers__user=user).distinct()
    return TrainingEvent.objects.none()


class EventAccessMixin:
    """Coordinators, and trainers for their own events. Anyone else: 403 before the event
    is looked up; a trainer asking for someone else's event: 404."""

    def setup(self, request, *args, **kwargs):
        user = request.user
        if not (coordinator.is_coordinator(user) or is_trainer(user)):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)
        self.event = get_object_or_404(
            events_for(user).select_related("project", "gmina"), pk=kwargs["pk"]
        )

    @cached_property
    def is_coordinator(self):
        return coordinator.is_coordinator(self.request.user)


class TrainingsTemplateMixin(WagtailAdminTemplateMixin):
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, *self.extra_breadcrumbs()]

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_coordinator"] = coordinator.is_coordinator(self.request.user)
        return context


def event_breadcrumbs(view, event):
    items = []
    if coordinator.is_coordinator(view.request.user):
        items.append({"url": reverse("school_events:index"), "label": _("Training events")})
        items.append({"url": reverse("school_events:edit", args=[event.pk]), "label": event.title})
    else:
        items.append({"url": reverse("school_my_trainings:index"), "label": _("My trainings")})
        items.append({"url": "", "label": event.title})
    return items


# Territory: a chooser of gminas -----------------------------------------------------------


class GminaFilterForm(TerritoryFilterForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["level"]


class GminaChooserViewSet(TerritoryChooserViewSet):
    """The TERYT chooser limited to gminas: places and people are counted by gmina, and
    reports climb from the gmina to its powiat and voivodeship."""

    choose_one_text = _("Choose a gmina")
    choose_another_text = _("Choose another gmina")
    # The catalog's chooser stays the default for territory fields elsewhere.
    register_widget = False

    @staticmethod
    def _with_filter(view_class):
        view_class = TerritoryChooserViewSet._with_filter(view_class)

        class View(view_class):
            filter_form_class = GminaFilterForm

            def get_object_list(self):
                return super().get_object_list().filter(level=Territory.Level.GMINA)

        return View


gmina_chooser_viewset = GminaChooserViewSet(
    "school_gmina_chooser", url_prefix="school/gmina-chooser"
)


@hooks.register("register_admin_viewset")
def register_gmina_chooser():
    return gmina_chooser_viewset


def gmina_widget():
    return gmina_chooser_viewset.widget_class()


def place_label(territory):
    if territory is None:
        return ""
    return f"{territory.name} ({territory.code})"


TERC_DIGITS = set("0123456789")


def territory_q(field, value):
    """A TERC code (or its start: voivodeship, powiat) or part of a gmina's name."""
    value = (value or "").strip()
    if not value:
        return Q()
    if set(value) <= TERC_DIGITS:
        return Q(**{f"{field}__code__startswith": value})
    return Q(**{f"{field}__name__icontains": value})


# History: actions that are not edits ------------------------------------------------------


@hooks.register("register_log_actions")
def register_record_actions(actions):
    actions.register_action(
        "school.person.merge", _("Merge participants"), _("A duplicate merged into this person")
    )
    actions.register_action(
        "school.person.erase", _("Erase personal data"), _("Personal data erased")
    )
    actions.register_action(
        "school.person.export", _("Export personal data"), _("Personal data downloaded")
    )
    actions.register_action(
        "school.event.attendance", _("Record attendance"), _("Attendance recorded")
    )


# Projects ---------------------------------------------------------------------------------


class CoordinatorViewSet(ModelViewSet):
    """A model viewset for coordinators only (see CoordinatorGate)."""

    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None

    @property
    def permission_policy(self):
        return CoordinatorPolicy(self.model)

    def construct_view(self, view_class, **kwargs):
        if not issubclass(view_class, CoordinatorGate):
            view_class = type(view_class.__name__, (CoordinatorGate, view_class), {})
        return super().construct_view(view_class, **kwargs)

    def get_permissions_to_register(self):
        return Permission.objects.none()


class ProjectIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Project.objects.annotate(event_count=Count("events"))


class ProjectViewSet(CoordinatorViewSet):
    model = Project
    name = "school_projects"
    url_prefix = "school/projects"
    icon = "folder-open-inverse"
    menu_label = _("Projects")
    menu_order = 30
    index_view_class = ProjectIndexView
    list_display = [
        "name",
        "code",
        "funding_programme",
        "starts_on",
        "ends_on",
        Column("event_count", label=_("Events"), sort_key="event_count"),
    ]
    search_fields = ["name", "code", "funding_programme"]
    ordering = ["-starts_on", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("funding_programme"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]


# Training events --------------------------------------------------------------------------


class TrainerField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        institution = obj.institution_label
        return f"{obj.full_name} ({institution})" if institution else obj.full_name


def trainer_choices(event=None):
    """People who may train: those with an account (a trainer opens the attendance page
    with it) and anyone already training an event."""
    condition = Q(user__isnull=False) | Q(trained_events__isnull=False)
    if event is not None and event.pk:
        condition |= Q(trained_events=event)
    ids = Person.objects.filter(condition, erased_at__isnull=True).values("pk")
    return Person.objects.filter(pk__in=ids).select_related("institution")


class TrainingEventForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = coordinator.original_courses()
        self.fields["course"].empty_label = _("no course")
        self.fields["project"].queryset = Project.objects.order_by("name")
        trainers = self.fields["trainers"]
        self.fields["trainers"] = TrainerField(
            queryset=trainer_choices(self.instance),
            required=False,
            label=trainers.label,
            widget=forms.CheckboxSelectMultiple,
            help_text=_(
                "People from the participant register with an account on the portal: a "
                "trainer opens the attendance page and the sign-in sheets of their events."
            ),
        )
        days = self.formsets.get("days")
        if days is not None:
            # Built before the formset makes its forms, so that the form for a new day
            # (the formset's empty form) is the same kind.
            days.form = localized_day_form(days.form)

    def is_valid(self):
        valid = super().is_valid()
        days = self.formsets.get("days")
        if days is not None and not self.check_day_dates(days):
            valid = False
        return valid

    def check_day_dates(self, days):
        """One day per date. The formset's own unique check names the model's fields
        ("event and date"); this says it in the coordinator's words, at the date."""
        by_date = {}
        for form in days.forms:
            if days.can_delete and days._should_delete_form(form):
                continue
            try:
                date = form.fields["date"].clean(form.data.get(form.add_prefix("date")))
            except forms.ValidationError:
                continue
            by_date.setdefault(date, []).append(form)
        repeated = [group for group in by_date.values() if len(group) > 1]
        if not repeated:
            return True
        message = _("Two days of an event cannot have the same date.")
        for group in repeated:
            for form in group[1:]:
                form.errors.pop(forms.forms.NON_FIELD_ERRORS, None)
                if message not in form.errors.get("date", []):
                    form.add_error("date", message)
        days._non_form_errors = days.error_class([message], renderer=days.renderer)
        return False


def localized_day_form(form_class):
    """The day form with teaching hours typed as people write them (6,5) and shown empty
    while they are the day's length in teaching hours."""

    class DayForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields["teaching_hours"]
            field.localize = True
            field.widget = forms.TextInput(
                attrs={"inputmode": "decimal", "size": 6, "placeholder": gettext("computed")}
            )
            field.widget.is_localized = True
            day = self.instance
            # Shown empty, a computed day is recounted when its times or the length of a
            # teaching hour change.
            if (
                day.pk
                and day.teaching_hours is not None
                and day.teaching_hours == day.length_in_teaching_hours()
            ):
                self.initial["teaching_hours"] = None

    DayForm.__name__ = form_class.__name__
    return DayForm


class EventIndexView(generic.IndexView):
    def get_base_queryset(self):
        participants = (
            Attendance.objects.filter(day__event=OuterRef("pk"))
            .order_by()
            .values("day__event")
            .annotate(total=Count("person", distinct=True))
            .values("total")
        )
        return TrainingEvent.objects.select_related("project", "gmina").annotate(
            hours_total=event_teaching_hours(),
            participant_count=Coalesce(
                Subquery(participants, output_field=IntegerField()), Value(0)
            ),
        )


class EventFilterSet(WagtailFilterSet):
    project = django_filters.ModelChoiceFilter(
        label=_("Project"), queryset=Project.objects.order_by("name"), empty_label=_("all")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=EventKind.choices, empty_label=_("all")
    )
    period = django_filters.DateFromToRangeFilter(
        label=_("Period (a day of the event in it)"),
        method="filter_period",
        widget=DateRangePickerWidget,
    )
    place = django_filters.CharFilter(
        label=_("Gmina of the place (name or TERC code)"), method="filter_place"
    )

    class Meta:
        model = TrainingEvent
        fields = []

    def filter_period(self, queryset, name, value):
        if not value or (value.start is None and value.stop is None):
            return queryset
        days = EventDay.objects.filter(event=OuterRef("pk"))
        if value.start is not None:
            days = days.filter(date__gte=value.start)
        if value.stop is not None:
            days = days.filter(date__lte=value.stop)
        return queryset.filter(Exists(days))

    def filter_place(self, queryset, name, value):
        return queryset.filter(territory_q("gmina", value))


def _hours(value):
    return signin_sheet.hours_text(value if value is not None else ZERO)


class LinkColumn(Column):
    """A link per row whose text names the row for screen readers too."""

    cell_template_name = "school/admin/trainings/_link_cell.html"

    def __init__(self, name, *, text, url, **kwargs):
        super().__init__(name, **kwargs)
        self.text = text
        self.url = url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update(text=self.text, url=self.url(instance), subject=str(instance))
        return context


def event_dates(event):
    if event.starts_on is None:
        return "–"
    if event.ends_on and event.ends_on != event.starts_on:
        return f"{event.starts_on:%Y-%m-%d} – {event.ends_on:%Y-%m-%d}"
    return f"{event.starts_on:%Y-%m-%d}"


EVENT_COLUMNS = [
    "title",
    Column("kind", label=_("Type"), accessor="get_kind_display", sort_key="kind"),
    Column("starts_on", label=_("Dates"), accessor=event_dates, sort_key="starts_on"),
    Column("project", label=_("Project"), accessor="project"),
    Column("gmina", label=_("Gmina"), accessor=lambda event: place_label(event.gmina)),
    Column(
        "hours_total",
        label=_("Teaching hours"),
        accessor=lambda event: _hours(event.hours_total),
        sort_key="hours_total",
    ),
    Column("participant_count", label=_("Participants"), sort_key="participant_count"),
    LinkColumn(
        "attendance",
        label=_("Attendance"),
        text=_("Attendance"),
        url=lambda event: reverse("school_events:attendance", args=[event.pk]),
    ),
]


class EventSaveMixin:
    def save_instance(self):
        instance = super().save_instance()
        # Days removed in the form are deleted by the cluster without EventDay.delete.
        instance.refresh_dates()
        return instance


class EventCreateView(EventSaveMixin, generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EventEditView(EventSaveMixin, generic.EditView):
    pass


class EventViewSet(CoordinatorViewSet):
    model = TrainingEvent
    name = "school_events"
    url_prefix = "school/events"
    icon = "date"
    menu_label = _("Training events")
    menu_order = 10
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    list_display = EVENT_COLUMNS
    search_fields = ["title", "address"]
    ordering = ["-starts_on", "title"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("kind"),
                    FieldPanel("course"),
                    FieldPanel("project"),
                    FieldPanel("description"),
                ],
                heading=_("Event"),
            ),
            InlinePanel(
                "days",
                heading=_("Days"),
                label=_("Day"),
                min_num=1,
                panels=[
                    FieldRowPanel(
                        [
                            FieldPanel("date"),
                            FieldPanel("starts_at"),
                            FieldPanel("ends_at"),
                            FieldPanel("teaching_hours"),
                        ]
                    )
                ],
            ),
            FieldPanel("teaching_hour_minutes"),
            MultiFieldPanel(
                [FieldPanel("address"), FieldPanel("gmina", widget=gmina_widget())],
                heading=_("Place"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("trainers"),
                    FieldPanel("capacity"),
                    FieldPanel("registration_open"),
                ],
                heading=_("Trainers and places"),
            ),
        ],
        base_form_class=TrainingEventForm,
    )

    add_view_class = EventCreateView
    edit_view_class = EventEditView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/attendance/", AttendanceView.as_view(), name="attendance"),
            path(
                "<int:pk>/days/<int:day_pk>/sign-in-sheet.pdf",
                SigninSheetView.as_view(),
                name="signin_sheet",
            ),
        ]


# Attendance -------------------------------------------------------------------------------


def day_date(day):
    return date_format(day.date, "j E Y")


class AttendanceForm(forms.Form):
    """One checkbox per person and day, with the hours for partial presence; a person can
    be taken off the list (with their attendance at this event)."""

    def __init__(self, *args, days, listed, present, **kwargs):
        super().__init__(*args, **kwargs)
        self.days = days
        self.listed = listed
        self.present = present
        for person in listed:
            self.fields[f"remove-{person.pk}"] = forms.BooleanField(
                required=False,
                label=gettext("Remove %(name)s from the list") % {"name": person.full_name},
            )
            for day in days:
                key = f"{person.pk}-{day.pk}"
                subject = f"{person.full_name}, {day_date(day)}"
                row = present.get((person.pk, day.pk))
                self.fields[f"present-{key}"] = forms.BooleanField(
                    required=False, label=subject, initial=row is not None
                )
                self.fields[f"hours-{key}"] = forms.DecimalField(
                    required=False,
                    max_digits=5,
                    decimal_places=2,
                    localize=True,
                    label=gettext("Hours present (part of the day): %(subject)s")
                    % {"subject": subject},
                    initial=row.hours if row is not None else None,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 4}),
                )

    def clean(self):
        cleaned = super().clean()
        for person in self.listed:
            for day in self.days:
                key = f"{person.pk}-{day.pk}"
                hours = cleaned.get(f"hours-{key}")
                if hours is None:
                    continue
                if not (ZERO < hours <= day.teaching_hours):
                    self.add_error(
                        f"hours-{key}",
                        gettext(
                            "Enter more than 0 and at most %(hours)s: the day has %(hours)s "
                            "teaching hours."
                        )
                        % {"hours": signin_sheet.hours_text(day.teaching_hours)},
                    )
                elif not cleaned.get(f"present-{key}"):
                    self.add_error(
                        f"hours-{key}",
                        gettext("Tick “present” as well, or leave the hours empty."),
                    )
        return cleaned

    def rows(self):
        """For the template: per person, the bound fields of each day."""
        rows = []
        for person in self.listed:
            cells = []
            for day in self.days:
                key = f"{person.pk}-{day.pk}"
                cells.append(
                    {"day": day, "present": self[f"present-{key}"], "hours": self[f"hours-{key}"]}
                )
            rows.append({"person": person, "remove": self[f"remove-{person.pk}"], "cells": cells})
        return rows

    @transaction.atomic
    def save(self, event):
        """Write the registrations and attendance rows; delete the unticked ones. Returns
        (people on the list, attendance rows now recorded)."""
        data = self.cleaned_data
        removed = [person for person in self.listed if data.get(f"remove-{person.pk}")]
        kept = [person for person in self.listed if not data.get(f"remove-{person.pk}")]
        if removed:
            Attendance.objects.filter(day__event=event, person__in=removed).delete()
            Registration.objects.filter(event=event, person__in=removed).delete()
        registered = set(
            Registration.objects.filter(event=event, person__in=kept).values_list(
                "person_id", flat=True
            )
        )
        Registration.objects.bulk_create(
            [
                Registration(event=event, person=person)
                for person in kept
                if person.pk not in registered
            ]
        )
        Registration.objects.filter(event=event, person__in=kept).exclude(
            status=RegistrationStatus.REGISTERED
        ).update(status=RegistrationStatus.REGISTERED)
        new, changed, absent = [], [], []
        for person in kept:
            for day in self.days:
                key = f"{person.pk}-{day.pk}"
                row = self.present.get((person.pk, day.pk))
                if not data.get(f"present-{key}"):
                    if row is not None:
                        absent.append(row.pk)
                    continue
                hours = data.get(f"hours-{key}")
                # The whole day is no partial presence: the day's hours stand.
                if hours is not None and hours == day.teaching_hours:
                    hours = None
                if row is None:
                    new.append(Attendance(day=day, person=person, hours=hours))
                elif row.hours != hours:
                    row.hours = hours
                    changed.append(row)
        Attendance.objects.filter(pk__in=absent).delete()
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(changed, ["hours"])
        return len(kept), Attendance.objects.filter(day__event=event).count()


class NewParticipantForm(forms.Form):
    """Someone who is not on the list yet. The register recognises them by e-mail (a name
    alone never joins two people): give the e-mail whenever there is one."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Whoever is already in the register with this address is recognised."),
    )
    institution_name = forms.CharField(label=_("Institution"), max_length=255, required=False)
    gmina = forms.ModelChoiceField(
        label=_("Gmina"),
        queryset=Territory.objects.filter(level=Territory.Level.GMINA),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="new", **kwargs)
        self.fields["gmina"].widget = gmina_widget()
        for name in ("first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"


def describe_fields(form):
    """Tie each input to its error and help (the ids of _field.html), so that a screen
    reader reads why a value was refused when it reaches the field."""
    for name, field in form.fields.items():
        bound = form[name]
        ids = []
        if form.is_bound and bound.errors:
            ids.append(f"{bound.auto_id}-error")
        if field.help_text:
            ids.append(f"{bound.auto_id}-help")
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)
    return form


def register_search(text, exclude):
    """People of the register matching every word (name, e-mail, institution)."""
    queryset = Person.objects.filter(erased_at__isnull=True).exclude(pk__in=exclude)
    words = text.split()
    if not words:
        return Person.objects.none()
    for word in words:
        queryset = queryset.filter(person_search_q(word))
    return queryset.select_related("institution", "gmina")[:SEARCH_RESULTS]


def person_search_q(word):
    return (
        Q(first_name__icontains=word)
        | Q(last_name__icontains=word)
        | Q(email__icontains=word)
        | Q(institution__name__icontains=word)
        | Q(institution_name__icontains=word)
    )


class AttendanceView(EventAccessMixin, TrainingsTemplateMixin, TemplateView):
    template_name = "school/admin/trainings/attendance.html"
    header_icon = "tasks"

    def get_page_title(self):
        return gettext("Attendance: %(event)s") % {"event": self.event.title}

    def extra_breadcrumbs(self):
        return [
            *event_breadcrumbs(self, self.event),
            {"url": "", "label": gettext("Attendance")},
        ]

    @cached_property
    def days(self):
        return list(self.event.days.all())

    def attendance_form(self, data=None):
        listed = list(people.listed_for(self.event).select_related("institution"))
        present = {
            (row.person_id, row.day_id): row
            for row in Attendance.objects.filter(day__event=self.event)
        }
        return AttendanceForm(data, days=self.days, listed=listed, present=present)

    def url(self, anchor=""):
        url = reverse("school_events:attendance", args=[self.event.pk])
        return f"{url}#{anchor}" if anchor else url

    def get(self, request, *args, **kwargs):
        return self.render(self.attendance_form(), NewParticipantForm())

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "add-existing":
            return self.add_existing()
        if action == "add-new":
            return self.add_new()
        form = self.attendance_form(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("The attendance was not saved: see the errors below."))
            return self.render(form, NewParticipantForm())
        count, rows = form.save(self.event)
        log(
            self.event,
            "school.event.attendance",
            user=request.user,
            data={"people": count, "attendance": rows},
        )
        messages.success(
            request,
            gettext("Attendance saved: %(people)d people on the list, %(rows)d days present.")
            % {"people": count, "rows": rows},
        )
        return redirect(self.url())

    def put_on_list(self, person):
        registration, created = Registration.objects.get_or_create(event=self.event, person=person)
        if not created and registration.status != RegistrationStatus.REGISTERED:
            registration.status = RegistrationStatus.REGISTERED
            registration.save(update_fields=["status"])
            created = True
        return created

    def add_existing(self):
        # Searching the register is a coordinator's tool: a trainer adds people by name
        # and e-mail and sees nobody else's details.
        if not self.is_coordinator:
            raise PermissionDenied
        person = get_object_or_404(
            Person.objects.filter(erased_at__isnull=True), pk=self.request.POST.get("person")
        )
        if self.put_on_list(person):
            messages.success(
                self.request,
                gettext("%(name)s is on the list.") % {"name": person.full_name},
            )
        else:
            messages.warning(
                self.request,
                gettext("%(name)s was on the list already.") % {"name": person.full_name},
            )
        return redirect(self.url("attendance"))

    def add_new(self):
        new_form = NewParticipantForm(self.request.POST)
        if not new_form.is_valid():
            return self.render(self.attendance_form(), new_form)
        data = new_form.cleaned_data
        details = {"institution_name": data["institution_name"].strip(), "gmina": data["gmina"]}
        person, created = people.recognise(
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            **details,
        )
        on_list = self.put_on_list(person)
        if created:
            message = gettext("%(name)s is added to the register and to the list.")
        elif on_list:
            message = gettext(
                "%(name)s was in the register already (the same e-mail address) and is now "
                "on the list."
            )
        else:
            message = gettext("%(name)s was on the list already (the same e-mail address).")
        messages.success(self.request, message % {"name": person.full_name})
        return redirect(self.url("attendance"))

    def render(self, form, new_form):
        query = self.request.GET.get("q", "").strip()[:100] if self.is_coordinator else ""
        listed_ids = [person.pk for person in form.listed]
        context = self.get_context_data(
            form=form,
            rows=form.rows(),
            days=[
                {
                    "day": day,
                    "label": day_date(day),
                    "times": f"{day.starts_at:%H:%M}–{day.ends_at:%H:%M}",
                    "hours": signin_sheet.hours_text(day.teaching_hours),
                    "sheet_url": reverse(
                        "school_events:signin_sheet", args=[self.event.pk, day.pk]
                    ),
                }
                for day in self.days
            ],
            event=self.event,
            new_form=describe_fields(new_form),
            query=query,
            found=register_search(query, listed_ids) if query else None,
            media=new_form.media,
        )
        return self.render_to_response(context)


class SigninSheetView(EventAccessMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        day = get_object_or_404(self.event.days.all(), pk=kwargs["day_pk"])
        day.event = self.event
        content = signin_sheet.signin_sheet(day)
        # The sheet lists the names of the people registered: an export of the register.
        audit.record(request.user, audit.EXPORT, day, action="school.trainings.signin_sheet")
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{signin_sheet.filename(day)}"'
        response["Cache-Control"] = "private, no-store"
        return response


# My trainings (for trainers) --------------------------------------------------------------


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trainer(request.user)


class MyTrainingsView(TrainingsTemplateMixin, TemplateView):
    template_name = "school/admin/trainings/my_trainings.html"
    page_title = _("My trainings")

    def setup(self, request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = (
            TrainingEvent.objects.filter(trainers__user=self.request.user)
            .distinct()
            .select_related("project", "gmina")
            .prefetch_related("days")
            .order_by("-starts_on", "title")
        )
        return context


class MyTrainingsViewSet(ViewSet):
    name = "school_my_trainings"
    url_prefix = "school/my-trainings"
    icon = "user"
    menu_label = _("My trainings")
    menu_order = 5
    menu_item_class = TrainerMenuItem

    def get_urlpatterns(self):
        return [path("", MyTrainingsView.as_view(), name="index")]


# The menu ---------------------------------------------------------------------------------


VIEWSETS = [EventViewSet, ProjectViewSet, MyTrainingsViewSet]
