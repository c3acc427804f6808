"""The section explaining the Model of cooperation: its stages, steps and schedule, entered
as structured content and shown as a timeline table; and the pilot's figures, as tables
and as bar charts drawn on the server."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from portal.blocks import BodyBlock

from .listing import INTRO_FEATURES, format_period, public
from .pages import BasePage

MAX_MONTHS = 36


class SubstepBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=_("number"), max_length=10, help_text=_("e.g. 2.1"))
    text = blocks.TextBlock(label=_("what is done"))

    class Meta:
        icon = "list-ul"
        label = _("Sub-step")


class StepBlock(blocks.StructBlock):
    code = blocks.CharBlock(label=_("code"), max_length=10, help_text=_("e.g. K7"))
    title = blocks.CharBlock(label=_("title"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)
    substeps = blocks.ListBlock(SubstepBlock(), label=_("sub-steps"), default=[])
    responsible = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("who")),
        label=_("who is responsible"),
        default=[],
    )
    months = blocks.MultipleChoiceBlock(
        label=_("months of the schedule"),
        choices=[(str(number), str(number)) for number in range(1, MAX_MONTHS + 1)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Month numbers counted from the start of the schedule (1 = first month)."),
    )

    class Meta:
        icon = "date"
        label = _("Step")


class StageBlock(blocks.StructBlock):
    numeral = blocks.CharBlock(label=_("stage number"), max_length=10, help_text=_("e.g. III"))
    title = blocks.CharBlock(label=_("title"), max_length=255)
    description = blocks.TextBlock(label=_("description"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"))

    class Meta:
        icon = "list-ol"
        label = _("Stage")


def month_numbers(step):
    numbers = set()
    for value in step.get("months") or []:
        try:
            numbers.add(int(value))
        except (TypeError, ValueError):
            continue
    return numbers


def months_text(numbers, by_number):
    """Month numbers with their calendar months, runs joined: "5–17 (sierpień 2019 –
    sierpień 2020)", "3 (czerwiec 2019), 6 (wrzesień 2019)"."""
    runs = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    parts = []
    for first, last in runs:
        period = format_period(by_number[first]["date"], by_number[last]["date"], month_only=True)
        span = str(first) if first == last else f"{first}–{last}"
        parts.append(f"{span} ({period})")
    return ", ".join(parts)


class ModelPage(BasePage):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    stages = StreamField([("stage", StageBlock())], verbose_name=_("stages and steps"), blank=True)
    schedule_start = models.DateField(
        _("schedule starts"),
        default=datetime.date(2019, 4, 1),
        help_text=_("Month 1 of the schedule; the day is not used."),
    )
    schedule_months = models.PositiveSmallIntegerField(
        _("months in the schedule"),
        default=18,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHS)],
    )
    schedule_caption = models.CharField(
        _("caption of the schedule"),
        max_length=255,
        blank=True,
        help_text=_("Says what the timeline shows, e.g. the months it covers."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("more about the model"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("schedule_start"), FieldPanel("schedule_months")]),
                FieldPanel("schedule_caption"),
            ],
            heading=_("Schedule"),
        ),
        FieldPanel("stages"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("stages"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.PilotFiguresPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("the Model page")
        verbose_name_plural = _("the Model pages")

    def clean(self):
        super().clean()
        late = sorted(
            {
                step["code"]
                for stage in self.stages or []
                for step in stage.value["steps"]
                if any(number > (self.schedule_months or 0) for number in month_numbers(step))
            }
        )
        if late:
            raise ValidationError(
                {
                    "stages": _("Steps %(steps)s have months after the end of the schedule.")
                    % {"steps": ", ".join(late)}
                }
            )

    def schedule(self):
        """The months of the schedule: number, first day, short and full name."""
        start = self.schedule_start.replace(day=1)
        months = []
        for offset in range(self.schedule_months):
            year, month = divmod(start.month - 1 + offset, 12)
            day = datetime.date(start.year + year, month + 1, 1)
            months.append(
                {
                    "number": offset + 1,
                    "date": day,
                    "short": date_format(day, "M Y"),
                    "long": date_format(day, "F Y"),
                }
            )
        return months

    def timeline(self):
        """The stages with their steps, for the timeline table (one row per step, one cell
        per month, marked where the step is active) and the descriptions below it."""
        months = self.schedule()
        by_number = {month["number"]: month for month in months}
        groups = []
        for stage in self.stages or []:
            rows = []
            for step in stage.value["steps"]:
                active = sorted(month_numbers(step) & set(by_number))
                rows.append(
                    {
                        "code": step["code"],
                        "title": step["title"],
                        "step": step,
                        "months": active,
                        "months_text": months_text(active, by_number),
                        "cells": [month["number"] in active for month in months],
                    }
                )
            groups.append(
                {
                    "numeral": stage.value["numeral"],
                    "title": stage.value["title"],
                    "description": stage.value["description"],
                    "rows": rows,
                }
            )
        return {"months": months, "groups": groups, "width": len(months) + 1}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        context["subpages"] = list(public(self.get_children().live()).order_by("path"))
        return context


def bar_chart(rows, *, width=640, label_height=22, bar_height=22, gap=14):
    """Geometry of a horizontal bar chart, drawn by the template as SVG: each row is a label
    line, then its bar with the number written after it. `rows` are (label, value)."""
    rows = [(label, value or 0) for label, value in rows]
    largest = max((value for _label, value in rows), default=0) or 1
    room = width - 80  # space kept on the right for the number
    bars = []
    y = 0
    for label, value in rows:
        bar_width = round(room * value / largest, 1)
        bars.append(
            {
                "label": label,
                "value": value,
                "label_y": y + label_height - 6,
                "bar_y": y + label_height,
                "bar_width": max(bar_width, 1),
                "value_x": max(bar_width, 1) + 8,
                "value_y": y + label_height + bar_height - 6,
            }
        )
        y += label_height + bar_height + gap
    return {"width": width, "height": max(y - gap, 1), "bar_height": bar_height, "bars": bars}


class PilotFiguresPage(BasePage):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)
    figures_caption = models.CharField(
        _("caption of the persons and families table"),
        max_length=255,
        help_text=_("e.g. Persons and families worked with, March 2020"),
    )
    target = models.PositiveIntegerField(
        _("target"),
        null=True,
        blank=True,
        help_text=_("The number the pilot aimed at, if there was one."),
    )
    training_caption = models.CharField(
        _("caption of the training table"), max_length=255, blank=True
    )
    body = StreamField(BodyBlock(), verbose_name=_("notes and sources"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("figures_caption"),
                FieldPanel("target"),
                InlinePanel("figures", label=_("voivodeship")),
            ],
            heading=_("Persons and families"),
        ),
        MultiFieldPanel(
            [FieldPanel("training_caption"), InlinePanel("trainings", label=_("form of training"))],
            heading=_("Trainings"),
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["portal.ModelPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot figures")
        verbose_name_plural = _("pilot figures pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures = list(self.figures.all().select_related("territory"))
        trainings = list(self.trainings.all())
        total = sum(figure.count for figure in figures)
        context.update(
            figures=figures,
            figures_total=total,
            figures_chart=bar_chart((figure.display_name, figure.count) for figure in figures),
            trainings=trainings,
            trainings_total={
                "events": sum(row.events for row in trainings),
                "hours": sum(row.hours for row in trainings),
                "participants": sum(row.participants for row in trainings),
            },
            trainings_chart=bar_chart((row.form, row.participants) for row in trainings),
        )
        return context


class PilotFigure(TranslatableMixin, Orderable):
    page = ParentalKey(PilotFiguresPage, on_delete=models.CASCADE, related_name="figures")
    territory = models.ForeignKey(
        "catalog.Territory",
        verbose_name=_("voivodeship"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"level": "voivodeship"},
    )
    name = models.CharField(
        _("name shown"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty to show the voivodeship's name."),
    )
    count = models.PositiveIntegerField(_("persons or families"))
    problem_areas = models.TextField(_("problem areas"), blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("territory"), FieldPanel("name")]),
        FieldPanel("count"),
        FieldPanel("problem_areas"),
        FieldPanel("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("persons and families in a voivodeship")
        verbose_name_plural = _("persons and families by voivodeship")

    def __str__(self):
        return f"{self.display_name}: {self.count}"

    def clean(self):
        super().clean()
        if not self.territory_id and not self.name.strip():
            raise ValidationError({"name": _("Choose a voivodeship or write its name.")})

    @property
    def display_name(self):
        if self.name:
            return self.name
        return self.territory.name if self.territory_id else ""


class TrainingFigure(TranslatableMixin, Orderable):
    page = ParentalKey(PilotFiguresPage, on_delete=models.CASCADE, related_name="trainings")
    form = models.CharField(_("form of training"), max_length=255)
    events = models.PositiveIntegerField(_("events"))
    hours = models.PositiveIntegerField(_("teaching hours"))
    participants = models.PositiveIntegerField(_("participants"))

    panels = [
        FieldPanel("form"),
        FieldRowPanel([FieldPanel("events"), FieldPanel("hours"), FieldPanel("participants")]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("training figures")
        verbose_name_plural = _("training figures")

    def __str__(self):
        return self.form
