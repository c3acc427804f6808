"""The registry of a person's logged-in sessions: "log out everywhere" ends them by key,
without a database query on every request (security.auth)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("logged in at"), auto_now_add=True)

    class Meta:
        verbose_name = _("login session")
        verbose_name_plural = _("login sessions")

    def __str__(self):
        return f"{self.user_id} @ {self.created_at:%Y-%m-%d %H:%M}"


# The login/logout and role receivers live in these modules; importing them here connects
# them in every process (web, shell, tests) without touching the app config.
from security import auth, auth_roles  # noqa: E402, F401
