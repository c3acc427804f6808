"""Coaching and supervision in the Wagtail admin.

- "My coaching sessions" and "Supervision sessions": for the Coach role (and superusers,
  for sessions they run themselves). Each person lists, inspects, edits and deletes their
  own sessions only; any other session is "not found" (404), whoever asks, a superuser
  included, because its form and inspect page would show the notes.
- "Coaching and supervision hours": for coordinators (and superusers): dates, people
  counts and hours, never a topic, a team name or a note. A superuser may open a session's
  shared notes or (with every member's consent) its conclusions through the "show notes"
  action, which leaves a log entry saying who read which session when (never the text).
  Private notes are not shown to anyone but the coach.

The rules themselves are in school.coaching. No revisions are kept (a revision would store
the notes); no copy view (a copy would carry them into a new record); no export of the
lists. Searching the coach's list looks at the topic only."""

from django import forms
from django.contrib.admin.utils import unquote
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from privacy import audit
from school import coaching, coordinator
from school.models import (
    CoachingForm,
    CoachingSession,
    Person,
    SupervisionMember,
    SupervisionSession,
)
from school.people import person_for_user

NO_FAMILY_DATA = _("Do not enter data about the families and people you work with")
FREE_TEXT_WARNING = _(
    "Do not enter data about the families and people you work with: no names, no "
    "diagnoses, nothing that identifies them."
)
FOUND_LIMIT = 20
PER_PAGE = 50


# The people picker --------------------------------------------------------------------------


def person_label(person):
    """What a picker shows of a person: the name and the institution, nothing else (no
    e-mail, no gmina: the register is not the coach's to browse)."""
    institution = person.institution_label
    return f"{person.full_name} – {institution}" if institution else person.full_name


def find_people(text, limit=FOUND_LIMIT):
    """People in the register matching every word by name or institution."""
    words = text.split()
    if not words:
        return []
    queryset = Person.objects.filter(erased_at__isnull=True)
    for word in words[:5]:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(institution__name__icontains=word)
            | Q(institution_name__icontains=word)
        )
    return list(queryset.select_related("institution").order_by("last_name", "first_name")[:limit])


class PeoplePicker(forms.CheckboxSelectMultiple):
    """Ticked boxes for the people chosen, unticked ones for those just found, and a search
    box with a "Find" button that sends the form back without saving it. Works without
    JavaScript and never lists the whole register."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.find_text = ""
        self.searched = False
        self.found_count = 0

    def render(self, name, value, attrs=None, renderer=None):
        boxes = super().render(name, value, attrs, renderer)
        return render_to_string(
            "school/admin/coaching/people_picker.html",
            {
                "boxes": boxes,
                "has_choices": bool(list(self.choices)),
                "find_name": f"{name}-find",
                "find_id": f"id_{name}-find",
                "find_text": self.find_text,
                "searched": self.searched,
                "found_count": self.found_count,
            },
        )


class PeopleField(forms.ModelMultipleChoiceField):
    widget = PeoplePicker

    def __init__(self, **kwargs):
        super().__init__(
            queryset=Person.objects.filter(erased_at__isnull=True).select_related("institution"),
            **kwargs,
        )

    def label_from_instance(self, obj):
        return person_label(obj)


def finding(data, field_name):
    """Was the form sent with the picker's "Find" button (not to be saved)?"""
    return data is not None and f"{field_name}-find-go" in data


class PeopleFormMixin:
    """Shows, for each people field, only the people chosen (as the form holds them) and
    those found by the picker's search."""

    people_fields = ()

    def _chosen_ids(self, name):
        if self.is_bound:
            return [value for value in self.data.getlist(name) if str(value).isdigit()]
        initial = self.initial.get(name)
        if initial is None and self.instance.pk:
            initial = self._instance_people(name)
        return [getattr(person, "pk", person) for person in initial or []]

    def _instance_people(self, name):
        return list(getattr(self.instance, name).all())

    def _prepare_pickers(self):
        for name in self.people_fields:
            field = self.fields[name]
            chosen_ids = self._chosen_ids(name)
            if not self.is_bound and self.instance.pk:
                self.initial[name] = chosen_ids
            chosen = list(
                Person.objects.filter(pk__in=chosen_ids)
                .select_related("institution")
                .order_by("last_name", "first_name", "pk")
            )
            widget = field.widget
            found = []
            if self.is_bound:
                widget.find_text = self.data.get(f"{name}-find", "").strip()[:100]
                widget.searched = finding(self.data, name) and bool(widget.find_text)
                if widget.searched:
                    known = {person.pk for person in chosen}
                    found = [p for p in find_people(widget.find_text) if p.pk not in known]
            widget.found_count = len(found)
            widget.choices = [(person.pk, person_label(person)) for person in chosen + found]
            field.shown_people = chosen + found

    def suppress_errors(self):
        """A form sent back to find people: shown again as typed, without errors."""
        self._errors = ErrorDict()
        self.cleaned_data = {}


# Coaching ---------------------------------------------------------------------------------


def warned(help_text):
    return format_lazy("{} {}", help_text, FREE_TEXT_WARNING)


class CoachingSessionForm(PeopleFormMixin, WagtailAdminModelForm):
    people_fields = ("coachees",)

    coachees = PeopleField(
        label=_("Coachees"),
        help_text=_(
            "Individual coaching: exactly one person; group coaching: two or more. "
            "Find people in the register by name or institution."
        ),
    )

    class Meta:
        model = CoachingSession
        fields = [
            "date",
            "hours",
            "form",
            "coachees",
            "project",
            "topic",
            "goals",
            "shared_notes",
            "private_notes",
        ]
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "shared_notes": forms.Textarea(attrs={"rows": 6}),
            "private_notes": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "topic": warned(_("Seen by you and the coachees only.")),
            "goals": warned(_("Seen by you and the coachees.")),
            "shared_notes": warned(_("The coachees read these.")),
            "private_notes": warned(
                _("Only you will ever read these: not the coachees, not an administrator.")
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.for_user is not None:
            # The coach is whoever records the session, and stays so.
            self.instance.coach = self.for_user
        self._prepare_pickers()

    def clean(self):
        cleaned = super().clean()
        people = cleaned.get("coachees")
        form = cleaned.get("form")
        if people is not None and form:
            count = len(people)
            if form == CoachingForm.INDIVIDUAL and count != 1:
                self.add_error(
                    "coachees",
                    gettext("Individual coaching is with exactly one person: choose one."),
                )
            elif form == CoachingForm.GROUP and count < 2:
                self.add_error(
                    "coachees",
                    gettext("Group coaching is with two or more people: choose at least two."),
                )
        return cleaned

    def save(self, commit=True):
        session = super().save(commit=False)
        if commit:
            with transaction.atomic():
                session.save()
                session.coachees.set(self.cleaned_data["coachees"])
        return session


class CoachingPermissionPolicy(BasePermissionPolicy):
    """The Coach role is the permission; a session is its coach's only."""

    def user_has_permission(self, user, action):
        return coaching.may_record_sessions(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return coaching.is_coach_of(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return coaching.coaching_for_coach(user)


class SupervisionPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return coaching.may_record_sessions(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return coaching.is_supervisor_of(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return coaching.supervision_for_supervisor(user)


class OwnSessionMixin:
    """Any session but the user's own is not found, for every view of one session."""

    def setup(self, request, *args, **kwargs):
        # Before any session is looked up: someone without the role learns nothing, not
        # even whether a session exists.
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)

    def own_sessions(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    def get_object(self, queryset=None):
        if getattr(self, "object", None) is not None:
            return self.object
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        return get_object_or_404(self.own_sessions(), pk=pk)


class NoticeMixin:
    """Every form says what not to write."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_family_data"] = NO_FAMILY_DATA
        return context


class FindPeopleMixin:
    """The picker's "Find" button sends the form back to be shown again, not saved."""

    def post(self, request, *args, **kwargs):
        form_class = self.get_form_class()
        names = getattr(form_class, "people_fields", ())
        if any(finding(request.POST, name) for name in names):
            if not hasattr(self, "object"):
                self.object = None  # a session being created
            self.form = self.get_form()
            self.form.suppress_errors()
            return self.render_to_response(self.get_context_data(form=self.form))
        return super().post(request, *args, **kwargs)


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")


class CoachingIndexView(SessionIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(coachee_count=Count("coachees"))


class SessionCreateView(NoticeMixin, FindPeopleMixin, generic.CreateView):
    pass


class SessionEditView(OwnSessionMixin, NoticeMixin, FindPeopleMixin, generic.EditView):
    pass


class SessionDeleteView(OwnSessionMixin, generic.DeleteView):
    pass


class SessionHistoryView(OwnSessionMixin, HistoryView):
    pass


class SessionUsageView(OwnSessionMixin, UsageView):
    pass


class SessionInspectView(OwnSessionMixin, generic.InspectView):
    pass


class SessionViewSet(ModelViewSet):
    icon = "user"
    copy_view_enabled = False
    inspect_view_enabled = True
    # References to a session (its coach, project, people) would show its label in other
    # objects' usage pages.
    add_to_reference_index = False
    search_backend_name = None
    list_per_page = PER_PAGE
    ordering = ["-date", "-pk"]  # the latest sessions first
    index_view_class = SessionIndexView
    add_view_class = SessionCreateView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    inspect_view_class = SessionInspectView
    create_template_name = "school/admin/coaching/create.html"
    edit_template_name = "school/admin/coaching/edit.html"

    def get_permissions_to_register(self):
        # The Coach role is the permission (see the policies): model permissions offered in
        # the group editor would do nothing.
        return Permission.objects.none()


class CoachingViewSet(SessionViewSet):
    model = CoachingSession
    name = "school_coaching"
    url_prefix = "school/coaching"
    icon = "user"
    menu_label = _("My coaching sessions")
    permission_policy = CoachingPermissionPolicy(CoachingSession)
    index_view_class = CoachingIndexView
    search_fields = ["topic"]
    list_display = [
        "topic",
        DateColumn("date", label=_("Date"), sort_key="date"),
        Column("form", label=_("Form"), accessor="get_form_display", sort_key="form"),
        Column("coachee_count", label=_("Coachees"), sort_key="coachee_count"),
        Column("hours", label=_("Hours"), sort_key="hours"),
    ]
    inspect_view_fields = [
        "date",
        "hours",
        "form",
        "coachees",
        "project",
        "topic",
        "goals",
        "shared_notes",
        "private_notes",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("date"), FieldPanel("hours"), FieldPanel("form")]),
            FieldPanel("coachees"),
            FieldPanel("project"),
            FieldPanel("topic"),
            FieldPanel("goals"),
            FieldPanel("shared_notes"),
            FieldPanel("private_notes"),
        ],
        base_form_class=CoachingSessionForm,
    )


# Supervision ------------------------------------------------------------------------------


class ConsentField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=Person.objects.filter(erased_at__isnull=True), **kwargs)


def institutions_of(user):
    """(ids, typed names) of where the supervisor works: the account's and the register's."""
    ids, names = set(), set()
    if user is None:
        return ids, names
    person = person_for_user(user, create=False)
    for holder in (user, person):
        if holder is None:
            continue
        if holder.institution_id:
            ids.add(holder.institution_id)
        elif (holder.institution_name or "").strip():
            names.add(holder.institution_name.strip().casefold())
    return ids, names


class SupervisionSessionForm(PeopleFormMixin, WagtailAdminModelForm):
    people_fields = ("members",)

    members = PeopleField(
        label=_("Members"),
        help_text=_(
            "The members of the task team at this session. Find people in the register by "
            "name or institution."
        ),
    )
    consenting = ConsentField(
        label=_("Members who consent to sharing the conclusions"),
        required=False,
        help_text=_(
            "Tick a member only when they have given their consent. The conclusions leave "
            "the session only when every member has consented. Who recorded each consent, "
            "and when, is saved."
        ),
    )

    class Meta:
        model = SupervisionSession
        fields = [
            "date",
            "hours",
            "team_name",
            "cooperation_team",
            "project",
            "members",
            "conclusions",
        ]
        widgets = {"conclusions": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "team_name": warned(_("Name the team by its place or number, never by a family.")),
            "conclusions": warned(
                _(
                    "Read by you and the members; shared outside the session only when every "
                    "member has consented."
                )
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and self.for_user is not None:
            self.instance.supervisor = self.for_user
        self._prepare_pickers()
        self.memberships = (
            {
                m.person_id: m
                for m in self.instance.memberships.select_related("consent_recorded_by")
            }
            if self.instance.pk
            else {}
        )
        consent = self.fields["consenting"]
        consent.widget.choices = [
            (person.pk, self._consent_label(person))
            for person in self.fields["members"].shown_people
        ]
        if not self.is_bound:
            self.initial["consenting"] = [
                person_id for person_id, member in self.memberships.items() if member.consented
            ]

    def _consent_label(self, person):
        member = self.memberships.get(person.pk)
        if member is None or member.consent_recorded_at is None:
            return person.full_name
        who = member.consent_recorded_by
        when = timezone.localtime(member.consent_recorded_at).strftime("%Y-%m-%d %H:%M")
        text = (
            gettext("consent recorded on %(when)s by %(who)s")
            if member.consented
            else gettext("consent withdrawn on %(when)s by %(who)s")
        )
        return f"{person.full_name} ({text % {'when': when, 'who': who or '–'}})"

    def clean(self):
        cleaned = super().clean()
        members = cleaned.get("members")
        if members is None:
            return cleaned
        consenting = cleaned.get("consenting") or []
        outside = [person for person in consenting if person not in members]
        if outside:
            self.add_error(
                "consenting",
                gettext("Only members of the team can consent: %(people)s.")
                % {"people": ", ".join(person.full_name for person in outside)},
            )
        supervisor = self.instance.supervisor if self.instance.supervisor_id else self.for_user
        ids, names = institutions_of(supervisor)
        conflicts = [
            person
            for person in members
            if (person.institution_id and person.institution_id in ids)
            or (
                not person.institution_id
                and person.institution_name.strip()
                and person.institution_name.strip().casefold() in names
            )
        ]
        if conflicts:
            self.add_error(
                "members",
                gettext(
                    "A supervisor cannot be employed by the same institution as a member of "
                    "the team. Same institution as yours: %(people)s."
                )
                % {"people": ", ".join(person_label(person) for person in conflicts)},
            )
        return cleaned

    def save(self, commit=True):
        session = super().save(commit=False)
        if commit:
            with transaction.atomic():
                session.save()
                self.save_members(session)
        return session

    def save_members(self, session):
        members = list(self.cleaned_data["members"])
        consenting = {person.pk for person in self.cleaned_data.get("consenting") or []}
        session.memberships.exclude(person__in=members).delete()
        existing = {m.person_id: m for m in session.memberships.all()}
        now = timezone.now()
        for person in members:
            member = existing.get(person.pk) or SupervisionMember(session=session, person=person)
            wanted = person.pk in consenting
            if member.pk is None:
                if wanted:
                    member.record_consent(True, self.for_user, now)
                member.save()
            elif member.consented != wanted:
                member.record_consent(wanted, self.for_user, now)
                member.save()


class SupervisionIndexView(SessionIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(member_count=Count("memberships"))


class SupervisionViewSet(SessionViewSet):
    model = SupervisionSession
    name = "school_supervision"
    url_prefix = "school/supervision"
    icon = "group"
    menu_label = _("Supervision sessions")
    permission_policy = SupervisionPermissionPolicy(SupervisionSession)
    index_view_class = SupervisionIndexView
    search_fields = ["team_name"]
    list_display = [
        "team_name",
        DateColumn("date", label=_("Date"), sort_key="date"),
        Column("member_count", label=_("Members"), sort_key="member_count"),
        Column("hours", label=_("Hours"), sort_key="hours"),
    ]
    inspect_view_fields = [
        "date",
        "hours",
        "team_name",
        "cooperation_team",
        "project",
        "members",
        "conclusions",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("date"), FieldPanel("hours")]),
            FieldPanel("team_name"),
            FieldRowPanel([FieldPanel("cooperation_team"), FieldPanel("project")]),
            FieldPanel("members"),
            FieldPanel("consenting"),
            FieldPanel("conclusions"),
        ],
        base_form_class=SupervisionSessionForm,
    )


# Hours for coordinators -------------------------------------------------------------------


def person_name(first, last, username):
    return f"{first} {last}".strip() or username


class PeriodForm(forms.Form):
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


class CoordinatorOnlyMixin(WagtailAdminTemplateMixin):
    header_icon = "time"

    def setup(self, request, *args, **kwargs):
        if not coordinator.is_coordinator(request.user):
            raise PermissionDenied
        super().setup(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("school_support_hours:index"),
                "label": _("Coaching and supervision hours"),
            },
            *([{"url": "", "label": self.get_page_title()}] if self.nested else []),
        ]

    nested = False


def _period(queryset, start, end):
    if start:
        queryset = queryset.filter(date__gte=start)
    if end:
        queryset = queryset.filter(date__lte=end)
    return queryset


class HoursView(CoordinatorOnlyMixin, TemplateView):
    """Dates, people and hours of every session: what the reports count, without a topic,
    a team name or a note."""

    template_name = "school/admin/coaching/hours.html"
    page_title = _("Coaching and supervision hours")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PeriodForm(self.request.GET or None)
        start = end = None
        if form.is_bound and form.is_valid():
            start, end = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        coaching_sessions = _period(CoachingSession.objects.all(), start, end)
        supervision_sessions = _period(SupervisionSession.objects.all(), start, end)
        totals = coaching_sessions.order_by().aggregate(
            individual=Sum("hours", filter=Q(form=CoachingForm.INDIVIDUAL)),
            group=Sum("hours", filter=Q(form=CoachingForm.GROUP)),
            sessions=Count("pk"),
        )
        supervision_totals = supervision_sessions.order_by().aggregate(
            hours=Sum("hours"), sessions=Count("pk")
        )
        totals["individual_text"] = coaching.format_hours(totals["individual"])
        totals["group_text"] = coaching.format_hours(totals["group"])
        supervision_totals["hours_text"] = coaching.format_hours(supervision_totals["hours"])
        is_superuser = self.request.user.is_superuser
        coaching_page = Paginator(
            coaching.coaching_hours_rows(coaching_sessions), PER_PAGE
        ).get_page(self.request.GET.get("p"))
        supervision_page = Paginator(
            coaching.supervision_hours_rows(supervision_sessions), PER_PAGE
        ).get_page(self.request.GET.get("ps"))
        forms_shown = dict(CoachingForm.choices)
        coaching_rows = [
            {
                **row,
                "coach": person_name(
                    row["coach__first_name"], row["coach__last_name"], row["coach__username"]
                ),
                "form_label": forms_shown.get(row["form"], row["form"]),
                "hours_text": coaching.format_hours(row["hours"]),
                "notes_url": reverse("school_support_hours:coaching_notes", args=[row["pk"]])
                if is_superuser
                else "",
            }
            for row in coaching_page.object_list
        ]
        supervision_rows = [
            {
                **row,
                "supervisor": person_name(
                    row["supervisor__first_name"],
                    row["supervisor__last_name"],
                    row["supervisor__username"],
                ),
                "hours_text": coaching.format_hours(row["hours"]),
                "notes_url": reverse("school_support_hours:supervision_notes", args=[row["pk"]])
                if is_superuser
                else "",
            }
            for row in supervision_page.object_list
        ]
        query = self.request.GET.copy()
        query.pop("p", None)
        query.pop("ps", None)
        context.update(
            form=form,
            totals=totals,
            supervision_totals=supervision_totals,
            coaching_rows=coaching_rows,
            supervision_rows=supervision_rows,
            coaching_page=coaching_page,
            supervision_page=supervision_page,
            query=query.urlencode(),
        )
        return context


class ReadNotesView(CoordinatorOnlyMixin, TemplateView):
    """The audited reading of a session's shared notes or conclusions, for superusers.
    GET asks; POST records who read which session and shows the text, in that response
    only (nothing to bookmark or reload from a cache)."""

    template_name = "school/admin/coaching/read_notes.html"
    nested = True
    model = CoachingSession

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not request.user.is_superuser:
            raise PermissionDenied
        self.session = get_object_or_404(self.model.objects.all(), pk=kwargs["pk"])

    def get_page_title(self):
        return gettext("Notes of a session")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session = self.session
        is_coaching = isinstance(session, CoachingSession)
        context.update(
            session=session,
            hours_text=coaching.format_hours(session.hours),
            is_coaching=is_coaching,
            allowed=coaching.may_audit_read(self.request.user, session),
            hours_url=reverse("school_support_hours:index"),
        )
        return context

    def get(self, request, *args, **kwargs):
        return self._private(self.render_to_response(self.get_context_data()))

    def post(self, request, *args, **kwargs):
        try:
            shown = coaching.read_notes(request.user, self.session)
        except PermissionError:
            raise Http404 from None
        audit.record(
            request.user, audit.READ_CONFIDENTIAL, self.session, action="school.coaching.read_notes"
        )
        return self._private(self.render_to_response(self.get_context_data(shown=shown)))

    @staticmethod
    def _private(response):
        from school.views import private

        if isinstance(response, TemplateResponse):
            response.render()
        return private(response)


class ReadConclusionsView(ReadNotesView):
    model = SupervisionSession


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return coordinator.is_coordinator(request.user)


class HoursViewSet(ViewSet):
    name = "school_support_hours"
    url_prefix = "school/support-hours"
    icon = "time"
    menu_label = _("Coaching and supervision hours")
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [
            path("", HoursView.as_view(), name="index"),
            path("coaching/<int:pk>/notes/", ReadNotesView.as_view(), name="coaching_notes"),
            path(
                "supervision/<int:pk>/notes/",
                ReadConclusionsView.as_view(),
                name="supervision_notes",
            ),
        ]


@hooks.register("register_log_actions")
def register_notes_read(actions):
    actions.register_action(
        coaching.NOTES_READ,
        _("Read the notes"),
        _("Notes read by an administrator"),
    )


VIEWSETS = [
    CoachingViewSet(),
    SupervisionViewSet(),
    HoursViewSet(),
]
