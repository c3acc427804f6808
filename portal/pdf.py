"""Shared PDF plumbing (ReportLab): fonts with Polish letters and document metadata.

Certificates, sign-in sheets and help plans are generated with ReportLab. Its built-in
fonts have no Polish diacritics, so the DejaVu fonts shipped in `portal/fonts/` (free
licence, see portal/fonts/LICENSE) are registered once per process."""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def register_fonts():
    """Register the Polish-capable fonts; safe to call many times."""
    registered = pdfmetrics.getRegisteredFontNames()
    for name in (FONT, FONT_BOLD):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    return FONT, FONT_BOLD


def set_metadata(canvas, *, title, author="Kooperacja", subject="", lang="pl-PL"):
    """Title, author and language in the PDF's document information (read by assistive
    technology and by the tests that parse the PDF back)."""
    canvas.setTitle(title)
    canvas.setAuthor(author)
    if subject:
        canvas.setSubject(subject)
    canvas.setCreator("Kooperacja")
    canvas.setCatalogEntry("Lang", lang)
