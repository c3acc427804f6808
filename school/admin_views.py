"""The e-School in the Wagtail admin, for coordinators: their courses with completion
figures, a course's participant list (filtered, sorted, paged, exported as CSV and XLSX),
a learner's progress, the certificates of a course as a ZIP, enrolment one by one, from a
CSV list or as a whole cohort, and the cohorts they coordinate.

Who gets in: a superuser, or a member of the Coordinator role (school.coordinator.
is_coordinator); Wagtail's own check (admin access) comes first. What they see: the learners
of the cohorts they coordinate, never more; an object outside that is "not found" (404),
so that its existence is not given away."""

import re

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies.base import BasePermissionPolicy

from catalog.models import CooperationTeam
from privacy import audit
from school import coordinator, exports
from school.certificate_views import reissue_view, revoke_view
from school.certificates import course_zip
from school.enrolment_import import ImportFileError, enrol_cohort, import_enrolments
from school.models import (
    Certificate,
    Cohort,
    CoursePage,
    EnrolmentSource,
    QuizAttempt,
)
from school.services import EnrolmentError, course_outline, enrol

PER_PAGE = 50


def require_coordinator(request):
    if not coordinator.is_coordinator(request.user):
        raise PermissionDenied


class CoordinatorMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def setup(self, request, *args, **kwargs):
        # Before any object is looked up: a non-coordinator learns nothing, not even a 404.
        require_coordinator(request)
        super().setup(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("school_coordinator:courses"), "label": _("e-School")},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]


def visible_course(course_id):
    """Any original course page (records point to those); a translation is not a course of
    its own here."""
    course = get_object_or_404(coordinator.original_courses(), pk=course_id)
    return course.specific if not isinstance(course, CoursePage) else course


def file_stem(prefix, course):
    return f"{prefix}-{slugify(course.slug or course.title)[:50] or course.pk}"


# Courses ----------------------------------------------------------------------------------


class CourseListView(CoordinatorMixin, TemplateView):
    template_name = "school/admin/courses.html"
    page_title = _("Courses and participants")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = coordinator.summary(self.request.user)
        return context


# Participant list -------------------------------------------------------------------------


SORT_LABELS = {
    "name": _("Name"),
    "institution": _("Institution"),
    "gmina": _("Gmina"),
    "enrolled": _("Enrolled on"),
    "progress": _("Progress"),
    "completed": _("Completed on"),
}


class ParticipantFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name, institution or gmina"),
        required=False,
        max_length=100,
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"), queryset=Cohort.objects.none(), required=False, empty_label=_("all")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=coordinator.Status.choices, required=False
    )
    sort = forms.ChoiceField(
        choices=[(key, key) for key in coordinator.SORTS]
        + [(f"-{key}", key) for key in coordinator.SORTS],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = coordinator.managed_cohorts(viewer).order_by("name")

    def filters(self):
        data = self.cleaned_data if self.is_valid() else {}
        return coordinator.ParticipantFilters(
            cohort=data.get("cohort"),
            status=data.get("status") or "",
            q=data.get("q") or "",
            sort=data.get("sort") or coordinator.DEFAULT_SORT,
        )


class CourseParticipantsMixin:
    """The course, the filters from the query string and the matching learners."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.course = visible_course(kwargs["course_id"])

    @cached_property
    def filter_form(self):
        return ParticipantFilterForm(self.request.GET or None, viewer=self.request.user)

    @cached_property
    def filters(self):
        if not self.request.GET:
            return coordinator.ParticipantFilters()
        return self.filter_form.filters()

    @cached_property
    def lesson_ids(self):
        return coordinator.lesson_ids(self.course)

    def participants(self):
        return coordinator.participants(
            self.request.user, self.course, self.filters, self.lesson_ids
        )

    def rows(self, enrolments):
        return [
            coordinator.participant_row(enrolment, len(self.lesson_ids)) for enrolment in enrolments
        ]


class ParticipantListView(CourseParticipantsMixin, CoordinatorMixin, TemplateView):
    template_name = "school/admin/participants.html"

    def get_page_title(self):
        return gettext("Participants: %(course)s") % {"course": self.course.title}

    def sort_links(self):
        """Column headings: a link that sorts by the column (again: the other way)."""
        current = self.filters.sort
        query = self.request.GET.copy()
        query.pop("p", None)
        links = {}
        for key, label in SORT_LABELS.items():
            ascending = current == key
            descending = current == f"-{key}"
            query["sort"] = f"-{key}" if ascending else key
            links[key] = {
                "label": label,
                "url": "?" + query.urlencode(),
                "aria_sort": "ascending" if ascending else "descending" if descending else "",
            }
        return links

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        enrolments = self.participants()
        paginator = Paginator(enrolments, PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        export_query = self.request.GET.copy()
        export_query.pop("p", None)
        figures = coordinator.figures(
            coordinator.course_enrolments(user, self.course, self.filters)
        )
        context.update(
            course=self.course,
            form=self.filter_form if self.request.GET else ParticipantFilterForm(viewer=user),
            filters=self.filters,
            page_obj=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            rows=self.rows(page.object_list),
            total_lessons=len(self.lesson_ids),
            figures=figures,
            median=coordinator.format_duration(figures.median),
            sort_links=self.sort_links(),
            export_query=export_query.urlencode(),
            status_label=coordinator.Status.labels.get(self.filters.status, ""),
            filtered=any([self.filters.cohort, self.filters.status, self.filters.q.strip()]),
        )
        return context


class ParticipantExportView(CourseParticipantsMixin, CoordinatorMixin, TemplateView):
    """The participant list with the same filters and order, every page at once."""

    file_format = "csv"

    def get(self, request, *args, **kwargs):
        rows = self.rows(self.participants())
        header = coordinator.EXPORT_HEADER
        values = [coordinator.export_values(row) for row in rows]
        stem = f"{file_stem('uczestnicy', self.course)}-{timezone.localdate().isoformat()}"
        audit.record(
            request.user,
            audit.EXPORT,
            "school.Enrolment",
            action=f"school.participants.{self.file_format}",
        )
        if self.file_format == "xlsx":
            return exports.file_response(
                exports.xlsx_bytes(header, values, sheet_title=gettext("Participants")),
                exports.XLSX_CONTENT_TYPE,
                f"{stem}.xlsx",
            )
        return exports.file_response(
            exports.csv_bytes(header, values), exports.CSV_CONTENT_TYPE, f"{stem}.csv"
        )


class CertificateZipView(CoordinatorMixin, TemplateView):
    """Every valid certificate of the course among the coordinator's learners."""

    def get(self, request, course_id):
        course = visible_course(course_id)
        certificates = list(
            Certificate.objects.filter(
                enrolment__in=coordinator.coordinator_enrolments(request.user).filter(
                    course=course
                ),
                revoked_at__isnull=True,
            ).order_by("learner_name", "pk")
        )
        if not certificates:
            messages.warning(
                request, gettext("None of your learners has a certificate of this course yet.")
            )
            return redirect("school_coordinator:participants", course_id=course.pk)
        content = course_zip(certificates, base_url=request.build_absolute_uri("/"))
        audit.record(
            request.user, audit.EXPORT, "school.Certificate", action="school.certificates.zip"
        )
        stem = file_stem("certyfikaty", course)
        return exports.file_response(content, "application/zip", f"{stem}.zip")


# A learner's progress ---------------------------------------------------------------------


class EnrolmentDetailView(CoordinatorMixin, TemplateView):
    template_name = "school/admin/enrolment.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.enrolment = get_object_or_404(
            coordinator.coordinator_enrolments(request.user).select_related(
                "user",
                "user__institution",
                "user__gmina",
                "course",
                "cohort",
                "enrolled_by",
                "certificate",
            ),
            pk=kwargs["pk"],
        )

    def get_page_title(self):
        return coordinator.learner_name(self.enrolment.user)

    def extra_breadcrumbs(self):
        course = self.enrolment.course
        return [
            {
                "url": reverse("school_coordinator:participants", args=[course.pk]),
                "label": gettext("Participants: %(course)s") % {"course": course.title},
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolment = self.enrolment
        outline = course_outline(enrolment.course, enrolment)
        quiz = {
            row["lesson"]: row
            for row in QuizAttempt.objects.filter(enrolment=enrolment)
            .values("lesson")
            .annotate(attempts=Count("pk"), best=Max("score"))
        }
        progress = {
            row.lesson_id: row
            for row in enrolment.progress.all().only("lesson_id", "read_at", "completed_at")
        }
        certificate = getattr(enrolment, "certificate", None)
        context.update(
            enrolment=enrolment,
            learner=enrolment.user,
            outline=outline,
            lessons=[
                {
                    "module": module.module,
                    "state": state,
                    "progress": progress.get(state.lesson.pk),
                    "quiz": quiz.get(state.lesson.pk),
                }
                for module in outline.modules
                for state in module.lessons
            ],
            cohorts=coordinator.managed_cohorts(self.request.user)
            .filter(members=enrolment.user)
            .order_by("name"),
            certificate=certificate,
            events=certificate.events.select_related("by") if certificate else [],
        )
        return context


# Certificates: name correction and revocation (views of school.certificate_views) -------


def certificate_reissue(request, pk):
    require_coordinator(request)
    return reissue_view(request, pk)


def certificate_revoke(request, pk):
    require_coordinator(request)
    return revoke_view(request, pk)


# Enrolment ------------------------------------------------------------------------------


def course_choices():
    return coordinator.original_courses().filter(live=True)


class CourseAndCohortForm(forms.Form):
    """The course and the cohort the learners are enrolled with. A coordinator must name
    one of their cohorts: that is how they see the learners afterwards."""

    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.none(),
        help_text=_("The learners appear on your lists through this cohort."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["course"].queryset = course_choices()
        self.fields["cohort"].queryset = coordinator.managed_cohorts(user).order_by("name")
        if user.is_superuser:
            self.fields["cohort"].required = False
            self.fields["cohort"].empty_label = _("no cohort")


class EnrolOneForm(CourseAndCohortForm):
    email = forms.EmailField(
        label=_("Learner's e-mail address"),
        help_text=_("The address of the person's account on the portal."),
    )
    field_order = ["email", "course", "cohort"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = (
            get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower=email, is_active=True)
            .order_by("pk")
            .first()
        )
        if user is None:
            raise forms.ValidationError(
                _("No active account has this address. Ask the person to register first.")
            )
        self.learner = user
        return email


class EnrolCsvForm(CourseAndCohortForm):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: e-mail; first name; last name. UTF-8, separated by semicolons or "
            "commas; a header row is allowed."
        ),
    )
    enrol_good_rows = forms.BooleanField(
        label=_("Enrol the correct rows even if some rows have errors"),
        required=False,
        help_text=_("Otherwise nobody is enrolled until every row is correct."),
    )
    field_order = ["course", "cohort", "file", "enrol_good_rows"]


class EnrolCohortForm(forms.Form):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())
    course = forms.ModelChoiceField(label=_("Course"), queryset=CoursePage.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = course_choices()
        self.fields["cohort"].queryset = coordinator.managed_cohorts(user).order_by("name")


class EnrolMixin(CoordinatorMixin):
    form_class = None
    template_name = "school/admin/enrol.html"
    intro = ""

    def extra_breadcrumbs(self):
        return [
            {"url": reverse("school_enrol:one"), "label": _("Enrol learners")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        files = self.request.FILES if self.request.method == "POST" else None
        initial = {}
        for name in ("course", "cohort"):
            if self.request.GET.get(name, "").isdigit():
                initial[name] = self.request.GET[name]
        return self.form_class(data, files, user=self.request.user, initial=initial)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.get_form()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            intro=self.intro,
            tabs=[
                (reverse("school_enrol:one"), _("One by one"), self.tab == "one"),
                (reverse("school_enrol:csv"), _("From a CSV list"), self.tab == "csv"),
                (reverse("school_enrol:cohort"), _("A whole cohort"), self.tab == "cohort"),
            ],
        )
        return context


class EnrolOneView(EnrolMixin, TemplateView):
    form_class = EnrolOneForm
    page_title = _("Enrol a learner")
    tab = "one"
    intro = _(
        "The same rules apply as when learners enrol themselves (places and prerequisites), "
        "except that you may enrol into a course closed to self-enrolment."
    )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            course = form.cleaned_data["course"]
            try:
                enrolment = enrol(
                    form.learner,
                    course,
                    by=request.user,
                    source=EnrolmentSource.COORDINATOR,
                    cohort=form.cleaned_data["cohort"],
                )
            except EnrolmentError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    gettext("%(name)s is enrolled in “%(course)s”.")
                    % {"name": coordinator.learner_name(enrolment.user), "course": course.title},
                    buttons=[
                        messages.button(
                            reverse("school_coordinator:participants", args=[course.pk]),
                            gettext("Participants"),
                        )
                    ],
                )
                query = {"course": course.pk}
                if form.cleaned_data["cohort"]:
                    query["cohort"] = form.cleaned_data["cohort"].pk
                return redirect(f"{reverse('school_enrol:one')}?{urlencode(query)}")
        return self.render_to_response(self.get_context_data(form=form))


class EnrolCsvView(EnrolMixin, TemplateView):
    form_class = EnrolCsvForm
    page_title = _("Enrol from a CSV list")
    tab = "csv"
    intro = _(
        "People are found by the e-mail address of their account. Each row with a problem is "
        "listed below with its line number. Running the same file again changes nothing: "
        "those already enrolled are skipped."
    )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        result = None
        if form.is_valid():
            try:
                result = import_enrolments(
                    form.cleaned_data["file"].read(),
                    course=form.cleaned_data["course"],
                    cohort=form.cleaned_data["cohort"],
                    by=request.user,
                    enrol_good_rows=form.cleaned_data["enrol_good_rows"],
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
        if result is not None and result.saved and result.enrolled:
            messages.success(
                request,
                gettext("Enrolled from the list: %(count)d.") % {"count": len(result.enrolled)},
            )
        context = self.get_context_data(
            form=form, result=result, course=form.cleaned_data.get("course") if result else None
        )
        return self.render_to_response(context)


class EnrolCohortView(EnrolMixin, TemplateView):
    form_class = EnrolCohortForm
    page_title = _("Enrol a whole cohort")
    tab = "cohort"
    intro = _(
        "Every member of the cohort who can be enrolled is enrolled; the others are listed "
        "with the reason."
    )

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        result = None
        if form.is_valid():
            result = enrol_cohort(
                form.cleaned_data["cohort"], form.cleaned_data["course"], by=request.user
            )
            if result.enrolled:
                messages.success(
                    request,
                    gettext("Enrolled from the cohort: %(count)d.")
                    % {"count": len(result.enrolled)},
                )
        return self.render_to_response(
            self.get_context_data(
                form=form,
                cohort_result=result,
                course=form.cleaned_data.get("course") if result is not None else None,
            )
        )


# Cohorts ----------------------------------------------------------------------------------


class CohortPermissionPolicy(BasePermissionPolicy):
    """Coordinators add cohorts and change the ones they coordinate; superusers all. No
    model permission is involved: the Coordinator role is the permission."""

    def user_has_permission(self, user, action):
        return coordinator.is_coordinator(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return can_manage_cohort(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return coordinator.managed_cohorts(user)


def can_manage_cohort(user, cohort):
    if not coordinator.is_coordinator(user):
        return False
    return user.is_superuser or cohort.coordinators.filter(pk=user.pk).exists()


EMAIL_SEPARATORS = re.compile(r"[\s,;]+")


def users_from_emails(text):
    """(users, unknown addresses, malformed entries) for addresses separated by new lines,
    commas or semicolons; active accounts only, matched in any case."""
    entries = [entry.lower() for entry in EMAIL_SEPARATORS.split(text or "") if entry]
    entries = list(dict.fromkeys(entries))
    malformed = [entry for entry in entries if "@" not in entry]
    emails = [entry for entry in entries if "@" in entry]
    found = {}
    for user in (
        get_user_model()
        .objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails, is_active=True)
        .order_by("pk")
    ):
        found.setdefault(user.email.lower(), user)
    unknown = [email for email in emails if email not in found]
    return list(found.values()), unknown, malformed


def person_label(user):
    name = coordinator.learner_name(user)
    return f"{name} <{user.email}>" if user.email else name


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return person_label(obj)


class CohortForm(WagtailAdminModelForm):
    """Members and coordinators are added by their e-mail addresses and removed by
    unticking them. There is deliberately no search through all the portal's accounts: a
    coordinator sees the people of their cohorts, not everyone registered."""

    current_members = PeopleField(
        label=_("Members"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Untick a person to remove them from the cohort."),
    )
    add_members = forms.CharField(
        label=_("Add members"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "E-mail addresses of the people's accounts, one per line (or separated by commas)."
        ),
    )
    current_coordinators = PeopleField(
        label=_("Coordinators"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Untick a person to remove them as a coordinator."),
    )
    add_coordinators = forms.CharField(
        label=_("Add coordinators"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E-mail addresses of people with the Coordinator role."),
    )

    class Meta:
        model = Cohort
        fields = ["name", "description", "cooperation_team"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperation_team"].queryset = CooperationTeam.objects.order_by("name")
        if self.instance.pk:
            members = self.instance.members.order_by("last_name", "first_name", "pk")
            coordinators = self.instance.coordinators.order_by("last_name", "first_name", "pk")
            self.fields["current_members"].queryset = members
            self.fields["current_coordinators"].queryset = coordinators
            self.initial.setdefault("current_members", list(members))
            self.initial.setdefault("current_coordinators", list(coordinators))
        else:
            del self.fields["current_members"]
            del self.fields["current_coordinators"]

    def _people(self, field):
        users, unknown, malformed = users_from_emails(self.cleaned_data.get(field, ""))
        problems = []
        if malformed:
            problems.append(
                gettext("Not e-mail addresses: %(entries)s.") % {"entries": ", ".join(malformed)}
            )
        if unknown:
            problems.append(
                gettext("No active account has these addresses: %(emails)s.")
                % {"emails": ", ".join(unknown)}
            )
        if problems:
            self.add_error(field, " ".join(problems))
        return users

    def clean(self):
        cleaned = super().clean()
        self.new_members = self._people("add_members")
        self.new_coordinators = self._people("add_coordinators")
        not_coordinators = [
            user for user in self.new_coordinators if not coordinator.is_coordinator(user)
        ]
        if not_coordinators:
            self.add_error(
                "add_coordinators",
                gettext("These people do not have the Coordinator role: %(people)s.")
                % {"people": ", ".join(person_label(user) for user in not_coordinators)},
            )
        user = self.for_user
        if (
            user is not None
            and not user.is_superuser
            and self.instance.pk
            and "current_coordinators" in self.fields
            and user not in (cleaned.get("current_coordinators") or [])
            and user not in self.new_coordinators
        ):
            self.add_error(
                "current_coordinators",
                gettext("You cannot remove yourself: ask another coordinator or an administrator."),
            )
        return cleaned

    def save(self, commit=True):
        cohort = super().save(commit=commit)
        if commit:
            self.save_people(cohort)
        return cohort

    def save_people(self, cohort):
        members = list(self.cleaned_data.get("current_members") or []) + self.new_members
        coordinators = (
            list(self.cleaned_data.get("current_coordinators") or []) + self.new_coordinators
        )
        user = self.for_user
        if user is not None and not user.is_superuser and user not in coordinators:
            coordinators.append(user)  # whoever creates a cohort coordinates it
        cohort.members.set(members)
        cohort.coordinators.set(coordinators)


class ManagedCohortMixin:
    """A cohort the user does not coordinate is not found."""

    def get_object(self, queryset=None):
        cohort = super().get_object(*([queryset] if queryset is not None else []))
        if not can_manage_cohort(self.request.user, cohort):
            raise Http404
        return cohort


class CohortIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            coordinator.managed_cohorts(self.request.user)
            .select_related("cooperation_team")
            .annotate(member_count=Count("members", distinct=True))
        )


class CohortEditView(ManagedCohortMixin, generic.EditView):
    """Edit a cohort the coordinator manages. Others get 404 (ManagedCohortMixin)."""


class CohortDeleteView(ManagedCohortMixin, generic.DeleteView):
    """Delete a cohort the coordinator manages. Others get 404 (ManagedCohortMixin)."""


class CohortHistoryView(ManagedCohortMixin, HistoryView):
    """History of a cohort the coordinator manages. Others get 404 (ManagedCohortMixin)."""


class CohortUsageView(ManagedCohortMixin, UsageView):
    """Usage of a cohort the coordinator manages. Others get 404 (ManagedCohortMixin)."""


COHORT_COLUMNS = [
    "name",
    "cooperation_team",
    Column("member_count", label=_("Members"), sort_key="member_count"),
]
