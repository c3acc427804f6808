"""Learner accounts: registration with e-mail confirmation, login, password reset and the
profile. One account serves the portal, the e-School and the catalog.

Included under `_("account/")` in portal/urls.py: /pl/konto/..., /en/account/..."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path(_("register/"), views.register, name="register"),
    path(_("register/sent/"), views.registration_sent, name="registration_sent"),
    path(_("register/new-link/"), views.resend_activation, name="resend_activation"),
    path(_("register/confirm/<str:token>/"), views.activate, name="activate"),
    path(_("login/"), views.LoginView.as_view(), name="login"),
    path(_("logout/"), views.LogoutView.as_view(), name="logout"),
    path(_("password/reset/"), views.PasswordResetView.as_view(), name="password_reset"),
    path(
        _("password/reset/sent/"),
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        _("password/reset/<uidb64>/<token>/"),
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        _("password/reset/done/"),
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(_("password/change/"), views.PasswordChangeView.as_view(), name="password_change"),
    path(_("profile/"), views.profile, name="profile"),
    path(_("my-data/"), views.my_data, name="my_data"),
    path(_("my-data/download/"), views.my_data_download, name="my_data_download"),
    path(_("erase/"), views.erase, name="erase"),
    path(_("erased/"), views.erased, name="erased"),
    path(_("privacy/"), views.privacy, name="privacy"),
]
