from django.db import models
from django.utils.translation import gettext_lazy as _


class Territory(models.Model):
    """A unit of the TERYT TERC register: voivodeship, powiat or gmina.

    Other records point at a territory by its id; `code` is the official TERC code
    (2 digits for a voivodeship, 4 for a powiat, 7 for a gmina), so a newer register
    updates names and types in place without breaking those links."""

    class Level(models.TextChoices):
        VOIVODESHIP = "voivodeship", _("voivodeship")
        POWIAT = "powiat", _("powiat")
        GMINA = "gmina", _("gmina")

    class Kind(models.TextChoices):
        VOIVODESHIP = "voivodeship", _("voivodeship")
        POWIAT = "powiat", _("powiat")
        CITY_POWIAT = "city_powiat", _("city with powiat rights")
        URBAN = "urban", _("urban gmina")
        RURAL = "rural", _("rural gmina")
        URBAN_RURAL = "urban_rural", _("urban-rural gmina")

    code = models.CharField(_("TERC code"), max_length=7, unique=True)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices, db_index=True)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    register_date = models.DateField(_("register as of"), null=True, blank=True)
    active = models.BooleanField(
        _("in the current register"),
        default=True,
        help_text=_("Units that a newer register no longer lists are kept, marked inactive."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("territorial unit")
        verbose_name_plural = _("territorial units")

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()}, {self.code})"

    @property
    def voivodeship_code(self):
        return self.code[:2]

    @property
    def powiat_code(self):
        return self.code[:4] if self.level != self.Level.VOIVODESHIP else None
