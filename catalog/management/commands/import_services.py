from catalog.importer import COLUMNS, import_services
from portal.import_command import CsvImportCommand


class Command(CsvImportCommand):
    importer = import_services
    file_help = "CSV file of services"
    help = (
        "Imports institutions and their services from a CSV file (UTF-8, ';'-separated) "
        "with the header: " + ";".join(COLUMNS) + ". Rows are matched with existing entries "
        "by service_id and institution_id, so importing the same file again changes nothing. "
        "By default nothing is imported when any row is bad."
    )
