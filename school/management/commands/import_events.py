from portal.import_command import CsvImportCommand
from school.training_import import import_events


class Command(CsvImportCommand):
    importer = import_events
    user_help = "username recorded as the author of the imported entries and in their history"
    help = (
        "Imports training events from a CSV file (UTF-8, ';' or ','), one row per day of an "
        "event: event_id;title;type;project;course;date;start;end;teaching_hours;address;"
        "teryt;capacity;trainers (see the README). Rows with the same event_id are one event; "
        "importing the same file again changes nothing. By default nothing is imported when "
        "any row is bad."
    )
