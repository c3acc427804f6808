from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup

from privacy import views


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_register(request.user)


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_audit_log(request.user)


class RegisterViewSet(ViewSet):
    name = "privacy_register"
    url_prefix = "privacy/register"
    icon = "lock"
    menu_label = _("Privacy register")
    menu_item_class = RegisterMenuItem

    def get_urlpatterns(self):
        return [path("", views.RegisterView.as_view(), name="index")]


class AuditViewSet(ViewSet):
    name = "privacy_audit"
    url_prefix = "privacy/audit"
    icon = "history"
    menu_label = _("Audit log of personal data")
    menu_item_class = AuditMenuItem

    def get_urlpatterns(self):
        return [
            path("", views.AuditLogView.as_view(), name="index"),
            path("audit.csv", views.AuditCsvView.as_view(), name="csv"),
        ]


class PrivacyMenu(ViewSetGroup):
    menu_label = _("Privacy")
    menu_icon = "lock"
    menu_order = 900
    items = (RegisterViewSet, AuditViewSet)


@hooks.register("register_admin_viewset")
def register_privacy_admin():
    return PrivacyMenu()
