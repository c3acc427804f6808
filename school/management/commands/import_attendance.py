from school.management.commands._training_import import TrainingImportCommand
from school.training_import import ATTENDANCE


class Command(TrainingImportCommand):
    kind = ATTENDANCE
    help = (
        "Imports attendance lists from a CSV file (UTF-8, ';' or ','), one row per person per "
        "event: event_id;first_name;last_name;email;institution;teryt and one column per day "
        "(its date, e.g. 2019-05-06) with 1/x, 0/empty or the hours of a partial presence "
        "(see the README). Importing the same file again changes nothing. By default nothing "
        "is imported when any row is bad."
    )
