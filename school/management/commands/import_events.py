from school.management.commands._training_import import TrainingImportCommand
from school.training_import import EVENTS


class Command(TrainingImportCommand):
    kind = EVENTS
    help = (
        "Imports training events from a CSV file (UTF-8, ';' or ','), one row per day of an "
        "event: event_id;title;type;project;course;date;start;end;teaching_hours;address;"
        "teryt;capacity;trainers (see the README). Rows with the same event_id are one event; "
        "importing the same file again changes nothing. By default nothing is imported when "
        "any row is bad."
    )
