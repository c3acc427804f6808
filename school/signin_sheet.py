"""The sign-in sheet (lista obecności) of one day of a training event, printed for the
participants to sign: what the EU project's paper trail needs (the event, the day's times
and teaching hours, the place, the project and its funding note) and a numbered table of
the people on the list with an empty signature column, then empty rows for those who turn
up without registering. Made in the active language (Polish by default)."""

import io
from xml.sax.saxutils import escape  # nosec B406 # escape() writes XML text; nothing is parsed

from django.utils.formats import date_format, time_format
from django.utils.text import slugify
from django.utils.translation import get_language, gettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.pdf import register_fonts, set_metadata
from school import people

# Rows left empty at the end of the table for people who come without registering.
LATE_ROWS = 5
MARGIN = 15 * mm


def _styles():
    font, bold = register_fonts()
    return {
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=16, leading=20),
        "title": ParagraphStyle("title", fontName=bold, fontSize=13, leading=17, spaceAfter=6),
        "label": ParagraphStyle("label", fontName=bold, fontSize=9, leading=12),
        "text": ParagraphStyle("text", fontName=font, fontSize=9, leading=12),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=12),
        "head": ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=12),
        "note": ParagraphStyle("note", fontName=font, fontSize=8, leading=10),
    }


def hours_text(hours):
    """Teaching hours as people write them: 8, 6,5 (the decimal comma in Polish)."""
    value = format(hours.normalize(), "f") if hours is not None else "0"
    if (get_language() or "pl").startswith("pl"):
        value = value.replace(".", ",")
    return value


def day_label(day):
    return gettext("%(date)s, %(start)s–%(end)s") % {
        "date": date_format(day.date, "j E Y"),
        "start": time_format(day.starts_at, "H:i"),
        "end": time_format(day.ends_at, "H:i"),
    }


def place_label(event):
    parts = [event.address]
    if event.gmina_id:
        parts.append(gettext("gmina %(name)s") % {"name": event.gmina.name})
    return ", ".join(part for part in parts if part)


def funding_note(project):
    if project is None or not project.funding_programme:
        return ""
    return gettext(
        "The project “%(project)s” is co-financed by the European Union (%(programme)s)."
    ) % {"project": project.name, "programme": project.funding_programme}


def filename(day):
    # slugify drops "ł" (it has no decomposition): "szkoła" would become "szkoa".
    title = day.event.title.replace("ł", "l").replace("Ł", "L")
    stem = slugify(title)[:60] or str(day.event.pk)
    return f"lista-obecnosci-{stem}-{day.date.isoformat()}.pdf"


def _facts(day, days):
    event = day.event
    position = [index for index, other in enumerate(days, 1) if other.pk == day.pk]
    when = day_label(day)
    if len(days) > 1 and position:
        when += " " + gettext("(day %(number)d of %(count)d)") % {
            "number": position[0],
            "count": len(days),
        }
    trainers = ", ".join(person.full_name for person in event.trainers.all())
    facts = [
        (gettext("Type"), event.get_kind_display()),
        (gettext("Date and time"), when),
        (gettext("Place"), place_label(event)),
        (gettext("Project"), event.project.name if event.project_id else ""),
        (
            gettext("Teaching hours of the day"),
            gettext("%(hours)s (a teaching hour is %(minutes)d minutes)")
            % {"hours": hours_text(day.teaching_hours), "minutes": event.teaching_hour_minutes},
        ),
        (gettext("Trainers"), trainers),
    ]
    return [(label, value) for label, value in facts if value]


def _page_canvas(footer_lines, font):
    """A canvas that keeps its pages until the end, so that every footer can say how many
    pages the sheet has ("page 1 of 3") — a loose page must still be traceable."""

    class PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._kept_pages = []

        def showPage(self):
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._kept_pages)
            for number, state in enumerate(self._kept_pages, 1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, number, total):
            width, _height = self._pagesize
            self.saveState()
            self.setFont(font, 8)
            lines = []
            for text in footer_lines:
                lines += simpleSplit(text, font, 8, width - 2 * MARGIN)
            # Drawn top down, in reading order: text extraction (and a screen reader
            # reading the file) meets the page number, then the title and the note.
            y = 8 * mm + (len(lines) - 1) * 3.6 * mm
            self.drawRightString(
                width - MARGIN,
                y + 5 * mm,
                gettext("Page %(number)d of %(total)d") % {"number": number, "total": total},
            )
            for line in lines:
                self.drawString(MARGIN, y, line)
                y -= 3.6 * mm
            self.restoreState()

    return PagedCanvas


def signin_sheet(day, *, late_rows=LATE_ROWS):
    """The PDF (bytes) of the sign-in sheet of `day` (an EventDay)."""
    event = day.event
    days = list(event.days.all())
    listed = people.listed_for(event).select_related("institution")
    styles = _styles()
    font = styles["text"].fontName
    heading = gettext("Sign-in sheet")
    title = f"{heading}: {event.title}, {date_format(day.date, 'j E Y')}"
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=30 * mm,
        title=title,
    )
    story = [
        Paragraph(escape(heading), styles["heading"]),
        Spacer(1, 2 * mm),
        Paragraph(escape(event.title), styles["title"]),
    ]
    facts = Table(
        [
            [Paragraph(escape(label), styles["label"]), Paragraph(escape(value), styles["text"])]
            for label, value in _facts(day, days)
        ],
        colWidths=[45 * mm, None],
        hAlign="LEFT",
    )
    facts.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [facts, Spacer(1, 5 * mm)]

    rows = [
        [
            Paragraph(escape(gettext("No.")), styles["head"]),
            Paragraph(escape(gettext("First and last name")), styles["head"]),
            Paragraph(escape(gettext("Institution")), styles["head"]),
            Paragraph(escape(gettext("Signature")), styles["head"]),
        ]
    ]
    number = 0
    for number, person in enumerate(listed, 1):
        rows.append(
            [
                Paragraph(f"{number}.", styles["cell"]),
                Paragraph(escape(person.full_name), styles["cell"]),
                Paragraph(escape(person.institution_label or ""), styles["cell"]),
                "",
            ]
        )
    for extra in range(1, late_rows + 1):
        rows.append([Paragraph(f"{number + extra}.", styles["cell"]), "", "", ""])
    table = Table(
        rows,
        colWidths=[12 * mm, 58 * mm, 60 * mm, None],
        repeatRows=1,
        rowHeights=[None] + [10 * mm] * (len(rows) - 1),
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [table, Spacer(1, 4 * mm)]
    if late_rows:
        story.append(
            Paragraph(
                escape(gettext("People not on the list write their name in an empty row.")),
                styles["note"],
            )
        )

    footer = [event.title]
    note = funding_note(event.project if event.project_id else None)
    if note:
        footer.append(note)

    def metadata(canvas, _document):
        set_metadata(
            canvas,
            title=title,
            subject=gettext("Sign-in sheet"),
            lang="en-GB" if (get_language() or "pl").startswith("en") else "pl-PL",
        )

    document.build(
        story,
        onFirstPage=metadata,
        onLaterPages=metadata,
        canvasmaker=_page_canvas(footer, font),
    )
    return buffer.getvalue()
