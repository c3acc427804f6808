"""Wagtail's users app with this project's viewset of users (security.users_admin).

Named in INSTALLED_APPS in place of "wagtail.users"; kept apart from security.users_admin,
which imports models and so cannot load while the apps are being set up."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(WagtailUsersAppConfig):
    user_viewset = "security.users_admin.UserViewSet"
