from portal.import_command import CsvImportCommand
from school.training_import import import_attendance


class Command(CsvImportCommand):
    importer = import_attendance
    user_help = "username recorded as the author of the imported entries and in their history"
    help = (
        "Imports attendance lists from a CSV file (UTF-8, ';' or ','), one row per person per "
        "event: event_id;first_name;last_name;email;institution;teryt and one column per day "
        "(its date, e.g. 2019-05-06) with 1/x, 0/empty or the hours of a partial presence "
        "(see the README). Importing the same file again changes nothing. By default nothing "
        "is imported when any row is bad."
    )
