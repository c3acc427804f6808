"""The account's security pages. Included under `_("account/security/")` in portal/urls.py."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from security import views

app_name = "security"
urlpatterns = [
    path("", views.overview, name="overview"),
    path(_("two-step/setup/"), views.setup, name="setup"),
    path(_("two-step/code/"), views.verify, name="verify"),
    path(_("two-step/backup-codes/"), views.backup_codes, name="backup_codes"),
    path(_("two-step/off/"), views.disable, name="disable"),
    path(_("log-out-everywhere/"), views.logout_everywhere, name="logout_everywhere"),
    path(_("users/<int:user_id>/log-out-everywhere/"), views.logout_user, name="logout_user"),
]
