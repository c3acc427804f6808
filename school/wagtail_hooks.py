"""The e-School's place in the Wagtail admin: an "e-School" menu for coordinators (and
superusers) with their courses and participants, enrolment, and cohorts. Editors, who
author the course pages, do not see this menu unless they coordinate too."""

from django.contrib.auth.models import Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from school import (
    admin_coaching,
    admin_people,
    admin_reports,
    admin_training_import,
    admin_trainings,
    admin_views,
)
from school.coordinator import is_coordinator
from school.models import Cohort


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


class CoordinatorViewSet(ViewSet):
    name = "school_coordinator"
    url_prefix = "school"
    icon = "group"
    menu_label = _("Courses and participants")
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        views = admin_views
        return [
            path("", views.CourseListView.as_view(), name="courses"),
            path(
                "courses/<int:course_id>/",
                views.ParticipantListView.as_view(),
                name="participants",
            ),
            path(
                "courses/<int:course_id>/export.csv",
                views.ParticipantExportView.as_view(file_format="csv"),
                name="export_csv",
            ),
            path(
                "courses/<int:course_id>/export.xlsx",
                views.ParticipantExportView.as_view(file_format="xlsx"),
                name="export_xlsx",
            ),
            path(
                "courses/<int:course_id>/certificates.zip",
                views.CertificateZipView.as_view(),
                name="certificates_zip",
            ),
            path("enrolments/<int:pk>/", views.EnrolmentDetailView.as_view(), name="enrolment"),
            path(
                "certificates/<int:pk>/correct-name/",
                views.certificate_reissue,
                name="certificate_reissue",
            ),
            path(
                "certificates/<int:pk>/revoke/",
                views.certificate_revoke,
                name="certificate_revoke",
            ),
        ]


class EnrolViewSet(ViewSet):
    name = "school_enrol"
    url_prefix = "school/enrol"
    icon = "user"
    menu_label = _("Enrol learners")
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        views = admin_views
        return [
            path("", views.EnrolOneView.as_view(), name="one"),
            path("csv/", views.EnrolCsvView.as_view(), name="csv"),
            path("cohort/", views.EnrolCohortView.as_view(), name="cohort"),
        ]


class CohortViewSet(ModelViewSet):
    model = Cohort
    name = "school_cohorts"
    url_prefix = "school/cohorts"
    icon = "group"
    menu_label = _("Cohorts")
    permission_policy = admin_views.CohortPermissionPolicy(Cohort)
    form_class = admin_views.CohortForm
    index_view_class = admin_views.CohortIndexView
    edit_view_class = admin_views.CohortEditView
    delete_view_class = admin_views.CohortDeleteView
    history_view_class = admin_views.CohortHistoryView
    usage_view_class = admin_views.CohortUsageView
    copy_view_enabled = False
    list_display = admin_views.COHORT_COLUMNS
    search_fields = ["name", "description"]
    search_backend_name = None
    ordering = ["name"]

    def get_form_class(self, for_update=False):
        return admin_views.CohortForm

    def get_permissions_to_register(self):
        # The Coordinator role is the permission (see CohortPermissionPolicy): model
        # permissions offered in the group editor would do nothing.
        return Permission.objects.none()


class SchoolMenu(ViewSetGroup):
    menu_label = _("e-School")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (CoordinatorViewSet, EnrolViewSet, CohortViewSet)


class SupportRecordsMenu(ViewSetGroup):
    """Trainings and attendance, the participant register, coaching and supervision, and
    the report of hours: each viewset decides who sees it."""

    menu_label = _("Trainings and support")
    menu_icon = "date"
    menu_order = 251
    items = (
        *admin_trainings.VIEWSETS,
        *admin_people.VIEWSETS,
        *admin_training_import.VIEWSETS,
        *admin_coaching.VIEWSETS,
        *admin_reports.VIEWSETS,
    )


@hooks.register("register_admin_viewset")
def register_school_admin():
    return SchoolMenu()


@hooks.register("register_admin_viewset")
def register_support_records_admin():
    return SupportRecordsMenu()
