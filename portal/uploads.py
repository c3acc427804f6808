"""Limits on what editors upload (settings: WAGTAILIMAGES_MAX_UPLOAD_SIZE,
WAGTAILIMAGES_MAX_IMAGE_PIXELS, WAGTAILDOCS_MAX_UPLOAD_SIZE), and the admin forms that
report them properly.

Wagtail checks the limits, but reads an image's dimensions and frame count with Pillow,
which raises instead of answering for two kinds of file: an image declaring far more pixels
than Pillow's own limit (DecompressionBombError: a file of a few dozen bytes can claim to be
20000 × 20000 pixels) and an image whose data is damaged after a valid header (OSError).
Uncaught, both made the upload a server error; the image form (WAGTAILIMAGES_IMAGE_FORM_BASE,
the base of every image upload form: add, multiple upload, chooser) turns them into form
errors. The document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) keeps a refused file from also
being reported as having a forbidden (empty) extension."""

import struct
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from PIL import Image
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class SafeImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            with warnings.catch_warnings():
                # Between Pillow's limit and twice it Pillow only warns; Wagtail's limit,
                # lower, applies below.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                super().check_image_pixel_size(f)
        except Image.DecompressionBombError as error:
            raise ValidationError(
                _(
                    "This image has far too many pixels to be processed safely. "
                    "Maximum: %(max_megapixels)s megapixels."
                )
                % {"max_megapixels": (self.max_image_pixels or 0) // 1_000_000},
                code="file_too_many_pixels",
            ) from error
        except (OSError, SyntaxError, ValueError, EOFError, struct.error) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SafeImageField):
            # Wagtail builds this field itself (wagtail.images.forms.formfield_for_dbfield):
            # the same field, with the same widget, only with the safe pixel check.
            self.fields["file"] = SafeImageField(
                label=field.label,
                required=field.required,
                widget=field.widget,
                initial=field.initial,
                disabled=field.disabled,
            )


class DocumentForm(BaseDocumentForm):
    def _post_clean(self):
        # A file the form field refused (too big) never reaches the document, whose own
        # extension check then reports an empty file name as a forbidden extension.
        refused = list(self.errors.get("file", []))
        super()._post_clean()
        if refused:
            self.errors["file"] = self.error_class(refused)


# Wagtail's own upload messages (wagtail/images/fields.py), listed here so that makemessages
# keeps their Polish in locale/pl: Wagtail's Polish catalogue calls every file "obraz".
WAGTAIL_MESSAGES_RETRANSLATED = (
    gettext_noop("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    gettext_noop(
        "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
    ),
    gettext_noop("This file is too big. Maximum filesize %(max_filesize)s."),
)
