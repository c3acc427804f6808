"""Upload limits, through the admin views as an editor uses them: images and documents of
at most 10 MB, images of at most 40 megapixels, and an image bomb (a tiny file declaring
huge dimensions) refused with a message instead of a server error. The admin runs in
Polish; the messages are the Polish catalogue's."""

import io
import struct
import zlib

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

MB = 1024 * 1024
WAGTAIL_TOO_BIG = "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."
WAGTAIL_TOO_MANY_PIXELS = (
    "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
)
BOMB_MESSAGE = (
    "This image has far too many pixels to be processed safely. "
    "Maximum: %(max_megapixels)s megapixels."
)


def png(width=40, height=30, declared=None, padding=0):
    """A PNG image; `declared` = (width, height) rewrites the size its header declares
    (the pixel data stays tiny), `padding` adds bytes after the image's end."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    data = buffer.getvalue()
    if declared:
        # IHDR is the first chunk: length (4), type (4), width (4), height (4), rest (5), CRC.
        ihdr = b"IHDR" + struct.pack(">II", *declared) + data[24:29]
        data = data[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + data[33:]
    return data + b"\0" * padding


def normalised(text):
    return " ".join(text.split())


def polish(message, **values):
    with translation.override("pl"):
        return normalised(gettext(message) % values)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_image(client, data, name="zdjecie.png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Zdjęcie", "file": SimpleUploadedFile(name, data, content_type="image/png")},
    )


def form_errors(response):
    """The text of the form's error messages."""
    document = BeautifulSoup(response.content.decode(), "html.parser")
    return " ".join(
        " ".join(node.get_text(" ").split())
        for node in document.select(".error-message, .w-field__errors")
    )


def test_the_header_patch_makes_the_declared_size():
    image = Image.open(io.BytesIO(png(declared=(8000, 6000))))
    assert image.size == (8000, 6000)


def test_normal_image_is_accepted(site, editor_client):
    response = add_image(editor_client, png())
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Zdjęcie")
    assert (image.width, image.height) == (40, 30)


def too_big(size):
    """Wagtail's message for a file of `size` bytes, in Polish."""
    with translation.override("pl"):
        return normalised(
            gettext(WAGTAIL_TOO_BIG)
            % {"file_size": filesizeformat(size), "max_filesize": filesizeformat(10 * MB)}
        )


def test_image_over_10_mb_is_refused(site, editor_client):
    data = png(padding=11 * MB)
    response = add_image(editor_client, data)
    assert response.status_code == 200
    assert too_big(len(data)) in form_errors(response)
    assert not get_image_model().objects.exists()


def test_image_over_40_megapixels_is_refused(site, editor_client):
    data = png(8000, 6000)  # 48 Mpx, under Pillow's own limit; one bit each, compressed
    assert len(data) < 100_000
    response = add_image(editor_client, data)
    assert response.status_code == 200
    assert polish(WAGTAIL_TOO_MANY_PIXELS, num_pixels=48_000_000, max_pixels_count=40_000_000) in (
        form_errors(response)
    )
    assert not get_image_model().objects.exists()


def test_image_bomb_is_refused_with_a_message(site, editor_client):
    data = png(declared=(20000, 20000))  # 400 Mpx declared by a file of a few dozen bytes
    assert len(data) < 200
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(data))  # what made the upload a server error
    response = add_image(editor_client, data)
    assert response.status_code == 200
    assert polish(BOMB_MESSAGE, max_megapixels=40) in form_errors(response)
    assert not get_image_model().objects.exists()


def test_damaged_image_is_refused_with_a_message(site, editor_client):
    """A valid header followed by damaged data: Pillow fails reading it."""
    response = add_image(editor_client, png(declared=(800, 600)))
    assert response.status_code == 200
    with translation.override("pl"):
        message = str(forms.ImageField.default_error_messages["invalid_image"])
    assert normalised(message) in form_errors(response)
    assert not get_image_model().objects.exists()


def test_image_bomb_through_the_multiple_uploader(site, editor_client):
    """The admin's "Add images" page uploads each file on its own and answers in JSON."""
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bomba.png", png(declared=(20000, 20000)))},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert normalised(response.json()["error_message"]) == polish(BOMB_MESSAGE, max_megapixels=40)
    assert not get_image_model().objects.exists()


def test_image_chooser_upload_refuses_a_bomb(site, editor_client):
    response = editor_client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Bomba",
            "image-chooser-upload-file": SimpleUploadedFile(
                "bomba.png", png(declared=(20000, 20000))
            ),
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert polish(BOMB_MESSAGE, max_megapixels=40) in normalised(response.json()["htmlFragment"])
    assert not get_image_model().objects.exists()


def add_document(client, data, name):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Raport", "file": SimpleUploadedFile(name, data)},
    )


def test_small_pdf_is_accepted(site, editor_client):
    response = add_document(editor_client, b"%PDF-1.4\n% raport\n%%EOF\n", "raport.pdf")
    assert response.status_code == 302
    assert get_document_model().objects.get(title="Raport").file.name.endswith(".pdf")


def test_document_over_10_mb_is_refused(site, editor_client):
    data = b"%PDF-1.4\n" + b"0" * (11 * MB)
    response = add_document(editor_client, data, "raport.pdf")
    assert response.status_code == 200
    # Only that: not also "the file extension “” is not allowed" for the refused file.
    file_errors = response.context["form"].errors["file"]
    assert [normalised(error) for error in file_errors] == [too_big(len(data))]
    assert not get_document_model().objects.exists()


def test_document_multiple_uploader_refuses_over_10_mb(site, editor_client):
    data = b"%PDF-1.4\n" + b"0" * (11 * MB)
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("raport.pdf", data)},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert normalised(response.json()["error_message"]) == too_big(len(data))
    assert not get_document_model().objects.exists()
