from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class FundingPeriod(models.TextChoices):
    ESF_2014_2020 = "2014-2020", _("ESF 2014–2020 (POWER)")
    EFUNDS_2021_2027 = "2021-2027", _("European Funds 2021–2027")


class LogoKind(models.TextChoices):
    FUNDS = "funds", _("European Funds sign")
    FLAG = "flag", _("Flag of the Republic of Poland")
    EU = "eu", _("European Union emblem")
    REGIONAL = "regional", _("Regional sign")
    OTHER = "other", _("Other sign")


# The order of the signs in the strip, left to right, as the visual identification rules of
# each period set it: in 2021–2027 the European Funds sign, the flag of Poland, the EU
# emblem ("Co-funded by the European Union"), then the region's sign; in 2014–2020 the
# European Funds sign, the flag, the region's sign and the EU emblem last, on the right.
# Other signs (e.g. a partner's) follow. Within a kind, editors' sort order decides.
STRIP_ORDER = {
    FundingPeriod.EFUNDS_2021_2027: [
        LogoKind.FUNDS,
        LogoKind.FLAG,
        LogoKind.EU,
        LogoKind.REGIONAL,
        LogoKind.OTHER,
    ],
    FundingPeriod.ESF_2014_2020: [
        LogoKind.FUNDS,
        LogoKind.FLAG,
        LogoKind.REGIONAL,
        LogoKind.EU,
        LogoKind.OTHER,
    ],
}
# One of each of these per period and language: a strip never shows two EU emblems.
SINGLE_KINDS = {LogoKind.FUNDS, LogoKind.FLAG, LogoKind.EU}


def strip_order(logos):
    """The logos in the order the funding rules require, whatever their sort order says."""

    def position(logo):
        ranks = STRIP_ORDER.get(logo.period, STRIP_ORDER[FundingPeriod.EFUNDS_2021_2027])
        return (ranks.index(logo.kind) if logo.kind in ranks else len(ranks), logo.sort_order)

    return sorted(logos, key=position)


class FundingLogo(TranslatableMixin, Orderable, index.Indexed):
    """One logo of the EU funds strip. The strip shows the logos of the period chosen
    in the site settings, in the order the funding rules set for the kinds of sign
    (see STRIP_ORDER); the sort order only orders signs of the same kind."""

    period = models.CharField(_("funding period"), max_length=10, choices=FundingPeriod.choices)
    kind = models.CharField(
        _("kind of sign"),
        max_length=10,
        choices=LogoKind.choices,
        default=LogoKind.OTHER,
        help_text=_("Decides the place of the sign in the strip, as the funding rules require."),
    )
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
        FieldPanel("kind"),
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

    def clean(self):
        super().clean()
        if self.alt_text is not None and not self.alt_text.strip():
            raise ValidationError({"alt_text": _("Write the text of the logo.")})
        if self.kind in SINGLE_KINDS and self.locale_id:
            others = FundingLogo.objects.filter(
                period=self.period, kind=self.kind, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"kind": _("The strip of this period already has a sign of this kind.")}
                )


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
        help_text=_("Linked from the foot of every page and announced to monitoring tools."),
    )
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("easy-to-read information"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the home page and the foot of every page."),
    )
    data_protection_officer = models.CharField(
        _("data protection officer"),
        max_length=255,
        blank=True,
        help_text=_("Name or title, e.g. Inspektor Ochrony Danych."),
    )
    data_protection_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    statistics_provider = models.CharField(
        _("statistics"),
        max_length=10,
        choices=[("", _("none")), ("matomo", "Matomo"), ("plausible", "Plausible")],
        blank=True,
        help_text=_("Visitors' statistics, loaded only for visitors who agree to them."),
    )
    statistics_url = models.URLField(
        _("statistics server"), blank=True, help_text=_("e.g. https://statystyki.example.org/")
    )
    statistics_site_id = models.CharField(
        _("site ID in the statistics"),
        max_length=100,
        blank=True,
        help_text=_("Matomo: the site's number; Plausible: the domain."),
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
        MultiFieldPanel(
            [
                PageChooserPanel("accessibility_statement", "portal.AccessibilityStatementPage"),
                PageChooserPanel("easy_read_page", "portal.EasyReadPage"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("data_protection_officer"), FieldPanel("data_protection_email")],
            heading=_("Personal data"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("statistics_provider"),
                FieldPanel("statistics_url"),
                FieldPanel("statistics_site_id"),
            ],
            heading=_("Statistics"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_period"),
                FieldPanel("funding_note"),
                FieldPanel("funding_note_en"),
            ],
            heading=_("EU funding"),
        ),
    ]

    # The footer links to these on every page: fetch them with the settings.
    select_related = ["accessibility_statement", "easy_read_page"]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def institution_name_for(self, language_code):
        if language_code == "en" and self.institution_name_en:
            return self.institution_name_en
        return self.institution_name

    def clean(self):
        super().clean()
        if self.statistics_provider and not (self.statistics_url and self.statistics_site_id):
            raise ValidationError(
                {"statistics_url": _("Give the statistics server and the site ID.")}
            )

    @property
    def statistics_enabled(self):
        return bool(self.statistics_provider and self.statistics_url and self.statistics_site_id)

    def funding_note_for(self, language_code):
        if language_code == "en" and self.funding_note_en:
            return self.funding_note_en
        return self.funding_note
