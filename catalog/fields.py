"""A list of fixed codes stored in one text column as `|code|code|`.

One column keeps the list in the row (so Wagtail revisions and comparisons carry it) and
lets every backend filter by a code with a plain `LIKE '%|code|%'`; `code_q` builds that
filter and facet counts are conditional aggregates over it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


def code_q(field_name, code):
    return Q(**{f"{field_name}__contains": f"{SEPARATOR}{code}{SEPARATOR}"})


class CodeListField(models.TextField):
    def __init__(self, *args, code_choices=None, **kwargs):
        self.code_choices = code_choices
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.code_choices is not None:
            kwargs["code_choices"] = self.code_choices
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    @staticmethod
    def parse(value):
        if value is None:
            return []
        if isinstance(value, (list, tuple)):
            return [str(code) for code in value if str(code)]
        return [code for code in str(value).split(SEPARATOR) if code]

    def from_db_value(self, value, expression, connection):
        return self.parse(value)

    def to_python(self, value):
        return self.parse(value)

    def get_prep_value(self, value):
        codes = self.parse(value)
        return f"{SEPARATOR}{SEPARATOR.join(codes)}{SEPARATOR}" if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if self.code_choices:
            known = {code for code, _label in self.code_choices}
            unknown = [code for code in self.parse(value) if code not in known]
            if unknown:
                raise ValidationError(
                    _("Unknown codes: %(codes)s"), params={"codes": ", ".join(unknown)}
                )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": list(self.code_choices or []),
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
        }
        defaults.update(kwargs)
        defaults.pop("max_length", None)
        form_class = defaults.pop("form_class")
        return form_class(
            **{
                k: v
                for k, v in defaults.items()
                if k in {"choices", "widget", "required", "label", "help_text", "initial"}
            }
        )
