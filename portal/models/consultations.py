"""Consultations of the model: the meetings, who took part, the issues raised, the
postulates and recommendations with what became of each, and documents to download."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Min
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from portal.blocks import BodyBlock

from .listing import INTRO_FEATURES, SectionIndexPage, format_period, live_children, paginate
from .pages import BasePage


class ParticipantBlock(blocks.StructBlock):
    institution = blocks.CharBlock(
        label=_("type of institution"),
        max_length=200,
        help_text=_("e.g. gmina social assistance centres (GOPS), non-governmental organisations"),
    )
    number = blocks.IntegerBlock(
        label=_("number of people"),
        required=False,
        min_value=1,
        help_text=_("Leave empty if not known."),
    )

    class Meta:
        icon = "group"
        label = _("Participants")


class ConsultationIndexPage(SectionIndexPage):
    subpage_types = ["portal.ConsultationPage"]

    class Meta:
        verbose_name = _("consultation index")
        verbose_name_plural = _("consultation indexes")

    def consultations(self):
        """The latest meetings first."""
        return (
            live_children(self, ConsultationPage)
            .annotate(first_meeting=Min("meetings__date"), last_meeting=Max("meetings__date"))
            .order_by(models.F("last_meeting").desc(nulls_last=True), "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, self.consultations())
        for consultation in page_obj.object_list:
            consultation.period = format_period(
                consultation.first_meeting, consultation.last_meeting
            )
        context["page_obj"] = page_obj
        return context


class ConsultationPage(BasePage):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    participants = StreamField(
        [("participant", ParticipantBlock())],
        verbose_name=_("who took part"),
        blank=True,
    )
    issues = StreamField(
        [("issue", blocks.TextBlock(label=_("Issue"), icon="help"))],
        verbose_name=_("issues raised"),
        blank=True,
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("conclusions and next steps"),
        blank=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("meetings", heading=_("Meetings"), label=_("meeting"), min_num=1),
        FieldPanel("participants"),
        FieldPanel("issues"),
        InlinePanel(
            "postulates",
            heading=_("Postulates and recommendations"),
            label=_("postulate or recommendation"),
        ),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents to download"), label=_("document")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("issues"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        postulates = list(self.postulates.all())
        context["meetings"] = list(self.meetings.all().select_related("territory"))
        context["postulate_groups"] = [
            {
                "key": "postulates",
                "heading": _("Postulates"),
                "items": [p for p in postulates if p.kind == PostulateKind.POSTULATE],
            },
            {
                "key": "recommendations",
                "heading": _("Recommendations"),
                "items": [p for p in postulates if p.kind == PostulateKind.RECOMMENDATION],
            },
        ]
        documents = list(self.documents.all().select_related("document"))
        for item in documents:
            # Reads the size from storage once and stores it (documents made in code, or
            # uploaded before sizes were kept, have none yet).
            item.document.get_file_size()
        context["documents"] = documents
        return context


class ConsultationMeeting(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255)
    territory = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("gmina, powiat or voivodeship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("date"),
        FieldPanel("place"),
        FieldPanel("territory"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.place}, {self.date}"


class PostulateKind(models.TextChoices):
    POSTULATE = "postulate", _("postulate")
    RECOMMENDATION = "recommendation", _("recommendation")


class PostulateStatus(models.TextChoices):
    OPEN = "open", _("open")
    ADOPTED = "adopted", _("taken into the model")
    REJECTED = "rejected", _("rejected")


class ConsultationPostulate(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="postulates")
    kind = models.CharField(
        _("kind"), max_length=14, choices=PostulateKind.choices, default=PostulateKind.POSTULATE
    )
    text = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=8, choices=PostulateStatus.choices, default=PostulateStatus.OPEN
    )
    reason = models.TextField(
        _("reason or note"),
        blank=True,
        help_text=_(
            "Required when rejected: why. Otherwise optional, e.g. which step of the model "
            "takes it up."
        ),
    )

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("status"), FieldPanel("reason")]

    REASON_REQUIRED = _("Say why it was rejected: a rejection needs a reason.")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("postulate or recommendation")
        verbose_name_plural = _("postulates and recommendations")

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.status == PostulateStatus.REJECTED and not (self.reason or "").strip():
            raise ValidationError({"reason": self.REASON_REQUIRED})

    @property
    def is_rejected(self):
        return self.status == PostulateStatus.REJECTED


class ConsultationDocument(TranslatableMixin, Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"),
        max_length=255,
        blank=True,
        help_text=_("Defaults to the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title
