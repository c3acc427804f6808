from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class FundingPeriod(models.TextChoices):
    ESF_2014_2020 = "2014-2020", _("ESF 2014–2020 (POWER)")
    EFUNDS_2021_2027 = "2021-2027", _("European Funds 2021–2027")


class FundingLogo(TranslatableMixin, Orderable, index.Indexed):
    """One logo of the EU funds strip. The strip shows the logos of the period chosen
    in the site settings, in their order; the order is the one the funding rules set."""

    period = models.CharField(_("funding period"), max_length=10, choices=FundingPeriod.choices)
    name = models.CharField(_("name"), max_length=200)
    image = models.ForeignKey(
        "portal.CustomImage", verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_("The text of the logo, as read by a screen reader."),
    )
    link = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("period"),
        FieldPanel("name"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("link"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("funding logo")
        verbose_name_plural = _("funding logos")

    def __str__(self):
        return f"{self.name} ({self.period})"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the footer of every page says about the institution that runs the portal."""

    institution_name = models.CharField(_("institution name"), max_length=255, blank=True)
    institution_name_en = models.CharField(
        _("institution name in English"), max_length=255, blank=True
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    bip_url = models.URLField(
        _("BIP address"), blank=True, help_text=_("The institution's Public Information Bulletin.")
    )
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    funding_period = models.CharField(
        _("EU funds logo strip"),
        max_length=10,
        choices=FundingPeriod.choices,
        default=FundingPeriod.ESF_2014_2020,
    )
    funding_note = models.CharField(
        _("funding statement"),
        max_length=500,
        blank=True,
        help_text=_("e.g. the project is co-financed by the European Union ..."),
    )
    funding_note_en = models.CharField(
        _("funding statement in English"), max_length=500, blank=True
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("institution_name"),
                FieldPanel("institution_name_en"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("bip_url"),
            ],
            heading=_("Institution"),
        ),
        FieldPanel("accessibility_statement"),
        MultiFieldPanel(
            [
                FieldPanel("funding_period"),
                FieldPanel("funding_note"),
                FieldPanel("funding_note_en"),
            ],
            heading=_("EU funding"),
        ),
    ]

    # The footer links to the statement on every page: fetch it with the settings.
    select_related = ["accessibility_statement"]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def institution_name_for(self, language_code):
        if language_code == "en" and self.institution_name_en:
            return self.institution_name_en
        return self.institution_name

    def funding_note_for(self, language_code):
        if language_code == "en" and self.funding_note_en:
            return self.funding_note_en
        return self.funding_note
