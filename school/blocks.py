"""Quiz blocks of a lesson. Block keys live in stored page JSON: never rename them.

Answers are stored against the question block's id (stable when an editor reorders
questions, and the same in every translation of the lesson) and the choices' positions."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"

    choices = [
        (SINGLE, _("one correct answer")),
        (MULTIPLE, _("several correct answers possible")),
    ]


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.TextBlock(
        label=_("feedback"),
        required=False,
        help_text=_("Shown to a learner who answered this question wrongly."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    kind = blocks.ChoiceBlock(
        label=_("kind"), choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    choices = blocks.ListBlock(ChoiceBlock(), label=_("answers"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["kind"] == QuestionKind.SINGLE and correct != 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": ValidationError(
                        _("A question with one correct answer needs exactly one marked correct.")
                    )
                }
            )
        if correct == 0:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one correct answer."))}
            )
        return value


class QuizBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        icon = "tasks"
