"""The Polish translations of this suite's interface strings (merged into
locale/pl/LC_MESSAGES/django.po), and of Wagtail's upload messages, whose own Polish
catalogue calls every file "obraz" (image)."""

import pytest
from django.utils import translation

POLISH = {
    "This image has far too many pixels to be processed safely. "
    "Maximum: %(max_megapixels)s megapixels.": (
        "Ten obraz ma zdecydowanie zbyt wiele pikseli, by można go było bezpiecznie "
        "przetworzyć. Maksimum: %(max_megapixels)s megapikseli."
    ),
    "this page is not translated; go to the home page": (
        "ta strona nie jest przetłumaczona; przejdź do strony głównej"
    ),
    "Image has no alternative text": "Obraz nie ma tekstu alternatywnego",
    "List is not built correctly": "Lista jest zbudowana niepoprawnie",
    "List item outside a list": "Element listy poza listą",
    "Table heading without cells": "Nagłówek tabeli bez komórek",
    "Use the editor's list buttons": "Używaj przycisków list w edytorze",
    "This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s.": (
        "Ten plik jest za duży (%(file_size)s). Maksymalny rozmiar pliku: %(max_filesize)s."
    ),
    "This file is too big. Maximum filesize %(max_filesize)s.": (
        "Ten plik jest za duży. Maksymalny rozmiar pliku: %(max_filesize)s."
    ),
    "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s.": (
        "Ten plik ma zbyt wiele pikseli (%(num_pixels)s). "
        "Maksymalna liczba pikseli: %(max_pixels_count)s."
    ),
}


@pytest.mark.parametrize("msgid", list(POLISH), ids=[m[:40] for m in POLISH])
def test_polish_translation(msgid):
    with translation.override("pl"):
        assert translation.gettext(msgid) == POLISH[msgid]
