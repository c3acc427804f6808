"""The admin's list of users offers a superuser "Log out everywhere" for each person."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button


@hooks.register("register_user_listing_buttons")
def logout_everywhere_button(user, request_user):
    if request_user.is_superuser:
        yield Button(
            _("Log out everywhere"),
            reverse("security:logout_user", args=[user.pk]),
            priority=50,
        )
