from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The one account a person has: editor, trainee, coach or coordinator alike.

    Professional data only (name, position, institution): never anything about the
    families that social workers help."""

    email = models.EmailField(_("e-mail address"), blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username
