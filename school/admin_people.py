"""The participant register in the admin: everyone who takes part in support, with or
without an account; a person's page (their events, days and hours; coaching and supervision
as counts and hours only), merging the duplicates a coordinator confirms, and downloading
and erasing a person's data. Coordinators and superusers only (see school.admin_trainings
for who gets in)."""

import json
from collections import OrderedDict

import django_filters
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ListMenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.log_actions import log

from privacy import subject
from school import people, signin_sheet
from school.admin_trainings import (
    ZERO,
    CoordinatorGate,
    CoordinatorViewSet,
    TrainingsTemplateMixin,
    gmina_widget,
    person_search_q,
    place_label,
    territory_q,
)
from school.models import (
    Attendance,
    CoachingForm,
    CoachingSession,
    Person,
    Project,
    Registration,
    SupervisionMember,
)

# The participant register -----------------------------------------------------------------


class PersonForm(WagtailAdminModelForm):
    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()


class PersonFilterSet(WagtailFilterSet):
    place = django_filters.CharFilter(
        label=_("Gmina, powiat or voivodeship (name of a gmina or TERC code)"),
        method="filter_place",
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Took part in an event of the project"),
        queryset=Project.objects.order_by("name"),
        method="filter_project",
        empty_label=_("all"),
    )
    account = django_filters.ChoiceFilter(
        label=_("Account on the portal"),
        choices=[("yes", _("has an account")), ("no", _("no account"))],
        method="filter_account",
        empty_label=_("all"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Personal data"),
        choices=[("kept", _("kept")), ("erased", _("erased"))],
        method="filter_status",
        empty_label=_("all"),
    )

    class Meta:
        model = Person
        fields = []

    def filter_place(self, queryset, name, value):
        return queryset.filter(territory_q("gmina", value))

    def filter_project(self, queryset, name, value):
        if value is None:
            return queryset
        present = Attendance.objects.filter(person=OuterRef("pk"), day__event__project=value)
        return queryset.filter(Exists(present))

    def filter_account(self, queryset, name, value):
        if value in ("yes", "no"):
            return queryset.filter(user__isnull=value == "no")
        return queryset

    def filter_status(self, queryset, name, value):
        if value in ("kept", "erased"):
            return queryset.filter(erased_at__isnull=value == "kept")
        return queryset


class PersonIndexView(generic.IndexView):
    def get_base_queryset(self):
        events = (
            Attendance.objects.filter(person=OuterRef("pk"))
            .order_by()
            .values("person")
            .annotate(total=Count("day__event", distinct=True))
            .values("total")
        )
        return Person.objects.select_related("institution", "gmina").annotate(
            event_count=Coalesce(Subquery(events, output_field=IntegerField()), Value(0))
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Every word must match: "anna nowak" finds Anna Nowak.
        for word in self.search_query.split():
            queryset = queryset.filter(person_search_q(word))
        return queryset

    @cached_property
    def columns(self):
        title_class = self._get_title_column_class(TitleColumn)
        return [
            title_class(
                "full_name",
                label=_("Name"),
                sort_key="last_name",
                get_url=lambda person: reverse("school_people:detail", args=[person.pk]),
            ),
            Column("email", label=_("E-mail"), sort_key="email"),
            Column("institution", label=_("Institution"), accessor="institution_label"),
            Column("gmina", label=_("Gmina"), accessor=lambda person: place_label(person.gmina)),
            Column("event_count", label=_("Events"), sort_key="event_count"),
            Column(
                "user",
                label=_("Account"),
                accessor=lambda person: gettext("yes") if person.user_id else gettext("no"),
            ),
        ]

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.insert(
            0,
            ListMenuItem(
                gettext("Participant's page"),
                url=reverse("school_people:detail", args=[instance.pk]),
                icon_name="user",
                priority=5,
            ),
        )
        return buttons


class PersonDeleteView(generic.DeleteView):
    """Only a person with no records at all may be deleted (a mistake); anyone else is
    erased instead, so that the reports keep counting them."""

    def has_records(self):
        person = self.object
        return (
            Attendance.objects.filter(person=person).exists()
            or Registration.objects.filter(person=person).exists()
            or SupervisionMember.objects.filter(person=person).exists()
            or person.coaching_sessions.exists()
            or person.trained_events.exists()
        )

    def get(self, request, *args, **kwargs):
        if self.has_records():
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.has_records():
            return self.refuse()
        return super().post(request, *args, **kwargs)

    def refuse(self):
        messages.error(
            self.request,
            gettext(
                "%(name)s has records of support and cannot be deleted: erase the personal "
                "data instead, the hours stay in the reports."
            )
            % {"name": self.object.full_name},
        )
        return redirect("school_people:detail", self.object.pk)


class PersonViewSet(CoordinatorViewSet):
    model = Person
    name = "school_people"
    url_prefix = "school/people"
    icon = "user"
    menu_label = _("Participant register")
    menu_order = 20
    index_view_class = PersonIndexView
    delete_view_class = PersonDeleteView
    filterset_class = PersonFilterSet
    search_fields = ["first_name", "last_name", "email", "institution_name"]
    ordering = ["last_name", "first_name"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
            FieldPanel("email"),
            FieldPanel("position"),
            FieldPanel("institution"),
            FieldPanel("institution_name"),
            FieldPanel("gmina", widget=gmina_widget()),
        ],
        base_form_class=PersonForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/", PersonDetailView.as_view(), name="detail"),
            path("<int:pk>/merge/<int:other_pk>/", MergeView.as_view(), name="merge"),
            path("<int:pk>/erase/", EraseView.as_view(), name="erase"),
            path("<int:pk>/personal-data.json", PersonalDataView.as_view(), name="personal_data"),
        ]


class PersonMixin(CoordinatorGate, TrainingsTemplateMixin):
    header_icon = "user"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.person = get_object_or_404(
            Person.objects.select_related("institution", "gmina__parent__parent", "user"),
            pk=kwargs["pk"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["person"] = self.person
        return context

    def person_breadcrumbs(self):
        return [
            {"url": reverse("school_people:index"), "label": _("Participant register")},
            {
                "url": reverse("school_people:detail", args=[self.person.pk]),
                "label": self.person.full_name,
            },
        ]


def participation(person):
    """The events a person was at: their days present and hours (partial or the day's)."""
    events = OrderedDict()
    rows = (
        Attendance.objects.filter(person=person)
        .select_related("day__event__project")
        .order_by("day__date", "day__event_id")
    )
    for row in rows:
        event = row.day.event
        entry = events.setdefault(event.pk, {"event": event, "days": [], "hours": ZERO})
        hours = row.hours if row.hours is not None else row.day.teaching_hours
        entry["days"].append(
            {"date": row.day.date, "hours": hours, "partial": row.hours is not None}
        )
        entry["hours"] += hours
    registered_only = (
        Registration.objects.filter(person=person)
        .exclude(event_id__in=list(events))
        .select_related("event")
        .order_by("event__starts_on")
    )
    return list(events.values()), list(registered_only)


def support_figures(person):
    """Counts and hours of coaching and supervision; the notes are never read here."""
    coaching = {
        row["form"]: row
        for row in CoachingSession.objects.filter(coachees=person)
        .order_by()
        .values("form")
        .annotate(count=Count("pk"), hours=Sum("hours"))
    }
    supervision = SupervisionMember.objects.filter(person=person).aggregate(
        count=Count("pk"), hours=Sum("session__hours")
    )
    return [
        {
            "label": _("Individual coaching"),
            "count": coaching.get(CoachingForm.INDIVIDUAL, {}).get("count", 0),
            "hours": coaching.get(CoachingForm.INDIVIDUAL, {}).get("hours") or ZERO,
        },
        {
            "label": _("Group coaching"),
            "count": coaching.get(CoachingForm.GROUP, {}).get("count", 0),
            "hours": coaching.get(CoachingForm.GROUP, {}).get("hours") or ZERO,
        },
        {
            "label": _("Supervision"),
            "count": supervision["count"] or 0,
            "hours": supervision["hours"] or ZERO,
        },
    ]


class PersonDetailView(PersonMixin, TemplateView):
    template_name = "school/admin/trainings/person.html"

    def get_page_title(self):
        return self.person.full_name

    def extra_breadcrumbs(self):
        return [
            {"url": reverse("school_people:index"), "label": _("Participant register")},
            {"url": "", "label": self.person.full_name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        events, registered_only = participation(self.person)
        figures = support_figures(self.person)
        for row in figures:
            row["hours_text"] = signin_sheet.hours_text(row["hours"])
        for entry in events:
            entry["hours_text"] = signin_sheet.hours_text(entry["hours"])
            for day in entry["days"]:
                day["hours_text"] = signin_sheet.hours_text(day["hours"])
        duplicates = []
        if self.person.erased_at is None:
            duplicates = list(
                people.possible_duplicates(self.person).select_related("institution", "gmina")[:20]
            )
        context.update(
            person=self.person,
            events=events,
            total_hours=signin_sheet.hours_text(sum((e["hours"] for e in events), ZERO)),
            registered_only=registered_only,
            trained=self.person.trained_events.order_by("-starts_on"),
            figures=figures,
            duplicates=duplicates,
            gmina=self.person.gmina,
        )
        return context


class MergeView(PersonMixin, TemplateView):
    """Keep this person, merge the other into them: the coordinator confirms that the two
    rows are one human being."""

    template_name = "school/admin/trainings/merge.html"
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.other = get_object_or_404(
            Person.objects.select_related("institution", "gmina", "user"), pk=kwargs["other_pk"]
        )

    def get_page_title(self):
        return gettext("Merge participants")

    def extra_breadcrumbs(self):
        return [*self.person_breadcrumbs(), {"url": "", "label": self.get_page_title()}]

    def summary(self, person):
        return {
            "person": person,
            "events": Attendance.objects.filter(person=person)
            .values("day__event")
            .distinct()
            .count(),
            "days": Attendance.objects.filter(person=person).count(),
            "registrations": Registration.objects.filter(person=person).count(),
            "coaching": person.coaching_sessions.count(),
            "supervision": SupervisionMember.objects.filter(person=person).count(),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            keep=self.summary(self.person),
            duplicate=self.summary(self.other),
            swap_url=reverse("school_people:merge", args=[self.other.pk, self.person.pk]),
        )
        context.setdefault("refusal", people.merge_refusal(self.person, self.other))
        return context

    def post(self, request, *args, **kwargs):
        name = self.other.full_name
        other_pk = self.other.pk
        try:
            moved = people.merge(self.person, self.other)
        except people.MergeError as error:
            return self.render_to_response(self.get_context_data(refusal=error.message))
        log(
            self.person,
            "school.person.merge",
            user=request.user,
            data={"merged_person_id": other_pk, "records_moved": moved},
        )
        messages.success(
            request,
            gettext("%(duplicate)s is merged into %(name)s: %(count)d records moved.")
            % {"duplicate": name, "name": self.person.full_name, "count": moved},
        )
        return redirect("school_people:detail", self.person.pk)


class EraseView(PersonMixin, TemplateView):
    template_name = "school/admin/trainings/erase.html"
    header_icon = "bin"

    def get_page_title(self):
        return gettext("Erase personal data")

    def extra_breadcrumbs(self):
        return [*self.person_breadcrumbs(), {"url": "", "label": self.get_page_title()}]

    def post(self, request, *args, **kwargs):
        if self.person.erased_at is not None:
            messages.warning(request, gettext("The personal data were erased already."))
            return redirect("school_people:detail", self.person.pk)
        name = self.person.full_name
        # With the notes written about this person alone (school.privacy); audited.
        subject.erase_person(self.person, by=request.user)
        log(self.person, "school.person.erase", user=request.user)
        messages.success(
            request,
            gettext(
                "The personal data of %(name)s are erased; their hours stay in the reports "
                "anonymously."
            )
            % {"name": name},
        )
        return redirect("school_people:detail", self.person.pk)


class PersonalDataView(PersonMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        content = json.dumps(
            subject.export_person(self.person, by=request.user),
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            indent=2,
        )
        log(self.person, "school.person.export", user=request.user)
        # The file name carries the register number, not the name: it ends up in folders
        # and e-mail attachments.
        name = f"dane-osobowe-{self.person.pk}-{timezone.localdate().isoformat()}.json"
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        response["Cache-Control"] = "private, no-store"
        return response


VIEWSETS = [PersonViewSet]
