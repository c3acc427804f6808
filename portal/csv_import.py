"""Reading the CSV files people save from Excel or LibreOffice: UTF-8 with or without a byte
order mark, fields separated by `;` (Polish Excel) or `,` (most other programs), Polish
letters, quoted values that may span lines.

Shared by the importers that accept either separator (school.enrolment_import,
school.training_import). The catalog import (catalog.importer) reads its own exchange format,
which is always `;`-separated, and keeps its stricter reader; all of them report errors the
same way (RowError, FileError, ReportLines)."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _


class CsvFileError(ValueError):
    """The file as a whole cannot be read (not the fault of one row)."""


@dataclass
class RowError:
    """A problem found in the file: on a line (None: the file as a whole), in a column."""

    line: int | None
    message: str
    column: str = ""

    def __str__(self):
        if self.line is None:
            return self.message
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class FileError(Exception):
    """Raised while reading when nothing of the file can be imported; carries the RowError
    that the report shows."""

    def __init__(self, message, line=None):
        super().__init__(message)
        self.error = RowError(line, message)


class ReportLines:
    """What an import report says of its errors (for dataclasses with an `errors` list)."""

    @property
    def ok(self):
        return not self.errors

    @property
    def bad_lines(self):
        return sorted({error.line for error in self.errors if error.line is not None})


def read_bytes(source):
    """The bytes of a path, an open (binary or text) file, or bytes given as they are."""
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if hasattr(source, "read"):
        data = source.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    return Path(source).read_bytes()


def decode(data):
    """The text of a file in UTF-8, without its byte order mark."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvFileError(
            _(
                "The file is not in UTF-8 encoding. In Excel choose “Save as” → "
                "“CSV UTF-8 (comma delimited)”."
            )
        ) from error


def sniff_delimiter(text):
    """`;` or `,`, whichever the first non-empty line has more of (`;` on a tie: a Polish
    spreadsheet writes decimal commas inside `;`-separated rows)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first_line.count(";") >= first_line.count(",") else ","


def records(text, delimiter=None):
    """(line, cells) for each record of the text, where `line` is the line the record
    starts on (the first line is 1; a quoted value may span lines). Cells are stripped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(text))
    line = 1
    try:
        for cells in reader:
            yield line, [cell.strip() for cell in cells]
            line = reader.line_num + 1
    except csv.Error as error:
        raise CsvFileError(
            _("The file is not a correct CSV file (%(error)s).") % {"error": error}
        ) from error
