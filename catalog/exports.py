"""CSV export of services in the import format (catalog.importer), so that an export opened
and corrected in a spreadsheet can be imported again and changes only what was corrected.

The file is UTF-8 with a BOM (Excel reads Polish letters only then), `;`-separated, with
the import's header, and is streamed: an export of the whole list does not sit in memory."""

import csv

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from catalog.importer import COLUMNS, FORMULA_STARTS, exchange_id, place_source

BOM = "\ufeff"
# Numbers are never read as formulas; every other cell may be text typed by anybody.
NUMERIC_COLUMNS = {"latitude", "longitude"}


def escape_cell(value):
    """Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets the
    apostrophe that marks text; the import takes it off again."""
    if value and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def service_row(service):
    """The cells of one service, in the order of COLUMNS. Expects the institution and
    both gminas selected with the service (see `export_queryset`)."""
    institution = service.institution
    place = place_source(service, institution)
    values = {
        "service_id": exchange_id(service),
        "institution_id": exchange_id(institution),
        "institution_name": institution.name,
        "institution_type": institution.type,
        "service_name": service.name,
        "kind": service.kind,
        "description": service.description,
        "areas": "|".join(service.areas),
        "target_groups": "|".join(service.target_groups),
        "teryt": place.gmina.code if place.gmina_id else "",
        "address": place.address,
        "postal_code": place.postal_code,
        "locality": place.locality,
        "phone": institution.phone,
        "email": institution.email,
        "website": institution.website,
        "cost": service.cost,
        "access": service.access,
        "latitude": "" if place.latitude is None else str(place.latitude),
        "longitude": "" if place.longitude is None else str(place.longitude),
        "last_verified": service.last_verified.isoformat() if service.last_verified else "",
    }
    return [
        value if name in NUMERIC_COLUMNS else escape_cell(value)
        for name, value in ((name, values[name]) for name in COLUMNS)
    ]


def export_queryset(queryset):
    return queryset.select_related("institution", "institution__gmina", "gmina")


class _Echo:
    """A file whose write() hands the line back, for csv.writer inside a generator."""

    def write(self, value):
        return value


def csv_lines(queryset):
    """The lines of the export: BOM and header first, then one line per service."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield BOM + writer.writerow(COLUMNS)
    for service in export_queryset(queryset).iterator(chunk_size=1000):
        yield writer.writerow(service_row(service))


def write_services_csv(queryset, handle):
    """Writes the export into an open text file (opened with newline="")."""
    for line in csv_lines(queryset):
        handle.write(line)


def services_csv_response(queryset, filename="uslugi.csv"):
    """A streamed download of the services of `queryset` (any filtered result)."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(queryset)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
