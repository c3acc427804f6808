"""Pages the law asks every public body's website to have: the accessibility statement
(deklaracja dostępności, in the structure of the Minister of Digital Affairs' technical
conditions, version 2.0 of 2024) and information about the institution in easy-to-read text
and Polish Sign Language (act of 4 April 2019 on digital accessibility, art. 8)."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .pages import BasePage

STATEMENT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]
EASY_READ_FEATURES = ["h2", "h3", "bold", "ul", "ol", "link"]
VIDEO_EXTENSIONS = {".mp4", ".webm"}


def today():
    return timezone.localdate()


def one_year_after(day):
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class ComplianceStatus(models.TextChoices):
    # The three statuses the act names (art. 10 sec. 2): the template words the sentence.
    FULL = "full", _("compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("self-assessment by the public body")
    EXTERNAL = "external", _("assessment by an external body")


class AccessibilityStatementPage(BasePage):
    """The accessibility statement. The element ids the technical conditions fix (a11y-*)
    are in the template, so monitoring tools of the Ministry can read every statement alike;
    dates are shown as YYYY-MM-DD, the form the conditions require."""

    entity_name = models.CharField(
        _("name of the public body"),
        max_length=255,
        help_text=_("The body that publishes the statement, e.g. the regional centre."),
    )
    website_url = models.URLField(
        _("address of the website"),
        blank=True,
        help_text=_("Leave empty to use the address of this site."),
    )
    published_on = models.DateField(
        _("date the website was published"),
        help_text=_("When the website first went online."),
    )
    updated_on = models.DateField(
        _("date of the last significant update"),
        help_text=_("The last significant change of the website (not of this statement)."),
    )
    status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    non_accessible_content = RichTextField(
        _("content that is not accessible"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("What does not meet the requirements, and why; and how to get it otherwise."),
    )
    exemptions = RichTextField(
        _("exemptions"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Content exempt by the act (art. 3) or by a disproportionate burden."),
    )
    burden_assessment_url = models.URLField(
        _("link to the disproportionate burden assessment"),
        blank=True,
        help_text=_("Only if the body relied on a disproportionate burden (art. 8)."),
    )
    prepared_on = models.DateField(_("date the statement was prepared"))
    reviewed_on = models.DateField(
        _("date of the last review of the statement"),
        null=True,
        blank=True,
    )
    next_review_on = models.DateField(
        _("next review due"),
        blank=True,
        null=True,
        help_text=_(
            "The statement is reviewed at least once a year. Leave empty for one year after "
            "the last review (or the preparation)."
        ),
    )
    assessment_method = models.CharField(
        _("how the statement was prepared"),
        max_length=10,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    auditor = models.CharField(
        _("external body"),
        max_length=255,
        blank=True,
        help_text=_("The body that assessed the website, if it was not a self-assessment."),
    )
    keyboard_shortcuts = RichTextField(
        _("keyboard shortcuts"), features=STATEMENT_FEATURES, blank=True
    )
    contact_person = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=100)
    procedure_notes = RichTextField(
        _("more about requests and complaints"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Shown after the standard text of the request and complaint procedure."),
    )
    architecture = RichTextField(
        _("architectural accessibility"),
        features=STATEMENT_FEATURES,
        help_text=_(
            "Each building: entrances, lifts, toilets, parking, assistance dogs, induction "
            "loops, sign language interpreting."
        ),
    )
    mobile_apps = RichTextField(
        _("mobile applications"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Leave empty if the body publishes no mobile application."),
    )
    more_information = RichTextField(
        _("other information"), features=STATEMENT_FEATURES, blank=True
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("entity_name"),
                FieldPanel("website_url"),
                FieldPanel("published_on"),
                FieldPanel("updated_on"),
            ],
            heading=_("Body and website"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("non_accessible_content"),
                FieldPanel("exemptions"),
                FieldPanel("burden_assessment_url"),
            ],
            heading=_("Compliance"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("prepared_on"),
                FieldPanel("reviewed_on"),
                FieldPanel("next_review_on"),
                FieldPanel("assessment_method"),
                FieldPanel("auditor"),
            ],
            heading=_("Preparation and review"),
        ),
        FieldPanel("keyboard_shortcuts"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("procedure_notes"),
            ],
            heading=_("Feedback and contact"),
        ),
        FieldPanel("architecture"),
        FieldPanel("mobile_apps"),
        FieldPanel("more_information"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("non_accessible_content"),
        index.SearchField("architecture"),
    ]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def clean(self):
        super().clean()
        errors = {}
        if self.assessment_method == AssessmentMethod.EXTERNAL and not self.auditor:
            errors["auditor"] = _("Name the body that assessed the website.")
        if self.status != ComplianceStatus.FULL and not (
            self.non_accessible_content or self.exemptions
        ):
            errors["non_accessible_content"] = _(
                "List what is not accessible: the status is not full compliance."
            )
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            errors["reviewed_on"] = _("A review cannot come before the statement was prepared.")
        if errors:
            raise ValidationError(errors)
        if self.next_review_on is None and self.prepared_on:
            self.next_review_on = one_year_after(self.reviewed_on or self.prepared_on)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        website = self.website_url or (
            site.root_url + "/" if site else request.build_absolute_uri("/")
        )
        context["website_url"] = website
        context["website_name"] = (site.site_name if site and site.site_name else "") or website
        return context

    @property
    def review_due_on(self):
        if self.next_review_on:
            return self.next_review_on
        if self.prepared_on:
            return one_year_after(self.reviewed_on or self.prepared_on)
        return None

    def review_overdue(self, on=None):
        due = self.review_due_on
        return due is not None and due < (on or today())


class EasyReadPage(BasePage):
    """Information about the institution in easy-to-read text (tekst łatwy do czytania) and
    in Polish Sign Language: what the institution does and how to reach it."""

    body = RichTextField(
        _("text"),
        features=EASY_READ_FEATURES,
        help_text=_("Short sentences, one thought in each; common words; no abbreviations."),
    )
    sign_language_video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("sign language video (file)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file with the text in Polish Sign Language (PJM)."),
    )
    sign_language_url = models.URLField(
        _("sign language video (address)"),
        blank=True,
        help_text=_("Or the address of the video on a video service."),
    )
    sign_language_transcript = models.TextField(
        _("description of the video"),
        blank=True,
        help_text=_("What the video shows and says, for people who cannot watch it."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("sign_language_video"),
                FieldPanel("sign_language_url"),
                FieldPanel("sign_language_transcript"),
            ],
            heading=_("Polish Sign Language"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("easy-to-read page")
        verbose_name_plural = _("easy-to-read pages")

    def clean(self):
        super().clean()
        errors = {}
        video = self.sign_language_video
        if video is not None and PurePosixPath(video.file.name).suffix.lower() not in (
            VIDEO_EXTENSIONS
        ):
            errors["sign_language_video"] = _("Choose a video file (MP4 or WebM).")
        if (video is not None or self.sign_language_url) and not (
            self.sign_language_transcript.strip()
        ):
            errors["sign_language_transcript"] = _(
                "Describe the video for people who cannot watch it."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.sign_language_video is not None:
            suffix = PurePosixPath(self.sign_language_video.file.name).suffix.lower()
            context["video_type"] = {".mp4": "video/mp4", ".webm": "video/webm"}.get(suffix)
        return context

    @property
    def has_sign_language(self):
        return self.sign_language_video_id is not None or bool(self.sign_language_url)


__all__ = [
    "AccessibilityStatementPage",
    "AssessmentMethod",
    "ComplianceStatus",
    "EasyReadPage",
]
