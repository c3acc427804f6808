"""Tables written as files for coordinators: CSV for Polish Excel (UTF-8 with a BOM, `;`
between fields) and XLSX. Both take the same header and rows, so a list and its exports
cannot drift apart.

A cell that starts like a formula is kept as text: the names in these files are typed by
learners, and a spreadsheet must never run what someone typed in as their name."""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # Polish Excel reads "62,5" as a number and "62.5" as text.
        return str(value).replace(".", ",")
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A file-like object that hands back what csv.writer writes: one line at a time."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    """The lines of the CSV file, produced as the rows come: a long report is streamed
    without holding it in memory."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow([str(label) for label in header])
    for row in rows:
        yield writer.writerow([_csv_value(value) for value in row])


def csv_bytes(header, rows):
    return "".join(csv_lines(header, rows)).encode("utf-8")


def streamed_csv(lines, filename):
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines), content_type=CSV_CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _xlsx_cell(sheet, value):
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: local time as the coordinator sees it on screen.
        value = value.replace(tzinfo=None)
    elif value is not None and not isinstance(
        value, (int, float, Decimal, datetime.date, datetime.datetime)
    ):
        value = str(value)
    cell = WriteOnlyCell(sheet, value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # openpyxl would store it as a formula
    if isinstance(value, datetime.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, datetime.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def xlsx_workbook(sheets):
    """An XLSX file of several sheets, each (title, header, rows), written as the rows come
    (openpyxl's write-only mode)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet_title, header, rows in sheets:
        # Sheet names are at most 31 characters and may not contain []:*?/\
        title = "".join(ch for ch in str(sheet_title) if ch not in "[]:*?/\\")[:31] or "Sheet"
        sheet = workbook.create_sheet(title=title)
        header_cells = []
        for label in header:
            cell = WriteOnlyCell(sheet, str(label))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(header, rows, sheet_title):
    return xlsx_workbook([(sheet_title, header, rows)])


def file_response(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache or the browser's disk cache.
    response["Cache-Control"] = "private, no-store"
    return response
