from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The one account a person has: editor, trainee, coach or coordinator alike.

    Professional data only (name, position, institution): never anything about the
    families that social workers help."""

    email = models.EmailField(_("e-mail address"), blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    institution = models.ForeignKey(
        "catalog.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        # An institution leaving the catalog must not take its people's accounts with it.
        on_delete=models.SET_NULL,
        related_name="accounts",
    )
    institution_name = models.CharField(
        _("institution (not in the catalog)"),
        max_length=255,
        blank=True,
        help_text=_("For an institution that the list of activities and services lacks."),
    )
    gmina = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": "gmina"},
    )
    # Set when the person asked for erasure: the row stays (records that reports count
    # point at it) but holds nothing that identifies anyone.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def workplace(self):
        """The institution's name, from the catalog or as the person typed it."""
        if self.institution_id:
            return self.institution.name
        return self.institution_name

    @property
    def is_erased(self):
        return self.erased_at is not None
