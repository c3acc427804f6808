"""Good practices: what one place did, with whom, and what came of it, findable by problem
area and voivodeship."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from catalog.codes import ProblemArea
from catalog.models import Territory
from portal.blocks import BodyBlock

from .listing import (
    PlacedPhotosMixin,
    SectionIndexPage,
    attach_covers,
    live_children,
    paginate,
)
from .pages import BasePage
from .photos import AbstractPhoto

POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"


def polish_sort_key(text):
    """Alphabetical order as in Polish (ł after l, ś after s), which a plain sort misses."""
    last = len(POLISH_ALPHABET)
    return [
        (POLISH_ALPHABET.index(char), 0) if char in POLISH_ALPHABET else (last, ord(char))
        for char in text.lower()
    ]


class ProblemAreasField(models.JSONField):
    """A list of ProblemArea codes, stored as JSON (no ArrayField: SQLite has none), edited
    as check boxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=ProblemArea.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or any(code not in ProblemArea.values for code in value):
            raise ValidationError(_("Choose problem areas from the list."), code="invalid")


def has_problem_area(code):
    """A filter for pages whose problem areas include `code`. JSON containment is not
    available on SQLite, so this matches the quoted code in the stored JSON text, which
    works on every backend; `code` must be a known code (they hold no quotes)."""
    if code not in ProblemArea.values:
        raise ValueError(code)
    return models.Q(problem_areas__icontains=f'"{code}"')


class ResultValue(blocks.StructValue):
    def display_value(self):
        """The number as people write it in the page's language: "2,5", "1 200"."""
        value = self.get("value")
        if value is None:
            return ""
        value = int(value) if value == value.to_integral_value() else value.normalize()
        return number_format(value, force_grouping=True)


class ResultBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("number"), max_digits=12, decimal_places=2)
    label = blocks.CharBlock(
        label=_("what it counts"), max_length=200, help_text=_("e.g. participants, gminas")
    )

    class Meta:
        icon = "order"
        label = _("Result")
        value_class = ResultValue


class PracticeFilterForm(forms.Form):
    """The filters of the index, read from the address so that a filtered list can be
    shared. Only known codes pass, so nothing else reaches the database."""

    area = forms.ChoiceField(label=_("Problem area"), required=False)
    woj = forms.ChoiceField(label=_("Voivodeship"), required=False)

    def __init__(self, *args, voivodeships=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("all areas"))] + sorted(
            ProblemArea.choices, key=lambda choice: polish_sort_key(str(choice[1]))
        )
        self.fields["woj"].choices = [("", _("all voivodeships"))] + [
            (unit.code, unit.name) for unit in voivodeships
        ]
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = _(
                "This value is not on the list; the filter was left out."
            )

    def filters(self):
        """The valid filters; a bad value is left out (and reported by the form)."""
        self.is_valid()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].id_for_label}-error"}
                )
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in ("area", "woj") if cleaned.get(name)}


class GoodPracticeIndexPage(SectionIndexPage):
    subpage_types = ["portal.GoodPracticePage"]
    # Read by the moderation workflow set-up: practices sent in by institutions are
    # approved by a moderator before they are published.
    requires_moderation = True

    class Meta:
        verbose_name = _("good practice index")
        verbose_name_plural = _("good practice indexes")

    def practices(self, area=None, woj=None):
        queryset = live_children(self, GoodPracticePage)
        if area:
            queryset = queryset.filter(has_problem_area(area))
        if woj:
            queryset = queryset.filter(territory__code__startswith=woj)
        return queryset.select_related("territory__parent__parent", "listing_image").order_by(
            "-first_published_at", "-pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        voivodeships = sorted(
            Territory.objects.filter(level=Territory.Level.VOIVODESHIP, active=True),
            key=lambda unit: polish_sort_key(unit.name),
        )
        form = PracticeFilterForm(request.GET, voivodeships=voivodeships)
        filters = form.filters()
        page_obj = paginate(request, self.practices(**filters))
        page_obj.object_list = attach_covers(page_obj.object_list, GoodPracticePhoto)
        names = dict(form.fields["woj"].choices)
        context.update(
            form=form,
            filters=filters,
            filter_labels=[
                label
                for label in (
                    ProblemArea(filters["area"]).label if "area" in filters else None,
                    names.get(filters.get("woj")),
                )
                if label
            ],
            page_obj=page_obj,
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and form.errors:
            # The page still shows, with the bad filter left out and said so.
            response.status_code = 400
        return response


class GoodPracticePage(PlacedPhotosMixin, BasePage):
    problem_areas = ProblemAreasField(
        _("problem areas"), help_text=_("Whom or what the practice is about.")
    )
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("where (gmina, powiat or voivodeship)"),
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("e.g. a village or a building")
    )
    period = models.CharField(
        _("when"), max_length=100, blank=True, help_text=_("e.g. June 2019, or 2019–2020")
    )
    partners = StreamField(
        [("partner", blocks.CharBlock(label=_("Institution"), max_length=255, icon="group"))],
        verbose_name=_("partner institutions"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("what was done"), blank=True)
    results = StreamField(
        [("result", ResultBlock())],
        verbose_name=_("results in numbers"),
        blank=True,
        help_text=_("Only figures that were counted; leave empty rather than estimate."),
    )
    contact_institution = models.CharField(_("contact institution"), max_length=255)
    contact_details = models.TextField(
        _("contact details"),
        blank=True,
        help_text=_("The institution's public address, phone or e-mail; no personal data."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("problem_areas"),
                FieldPanel("territory"),
                FieldPanel("place"),
                FieldPanel("period"),
            ],
            heading=_("What and where"),
        ),
        FieldPanel("partners"),
        FieldPanel("body"),
        FieldPanel("results"),
        MultiFieldPanel(
            [FieldPanel("contact_institution"), FieldPanel("contact_details")],
            heading=_("Contact"),
        ),
        InlinePanel("photos", heading=_("Photos"), label=_("photo")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("partners"),
        index.SearchField("place"),
        index.SearchField("contact_institution"),
    ]

    parent_page_types = ["portal.GoodPracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    @property
    def problem_area_labels(self):
        labels = dict(ProblemArea.choices)
        return [labels[code] for code in self.problem_areas or [] if code in labels]


class GoodPracticePhoto(TranslatableMixin, AbstractPhoto):
    page = ParentalKey(GoodPracticePage, on_delete=models.CASCADE, related_name="photos")

    class Meta(TranslatableMixin.Meta, AbstractPhoto.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
