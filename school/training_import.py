"""Import of training events and of attendance lists from CSV files (the formats are in the
README, "Importing trainings and attendance").

Both files are read the way people save them (portal.csv_import): UTF-8 with or without a
BOM, `;` or `,` between fields. Columns are found by their names in the header (English
names or their Polish equivalents, in any order, with or without Polish letters), so a
coordinator may keep the spreadsheet they already have.

- Events: one row per day of an event. Rows with the same `event_id` are one event; the
  identifier is kept as TrainingEvent.import_key, so importing the file again finds the same
  event, updates what changed and adds nothing twice. The file describes an event whole:
  a day that is no longer in it is removed, unless attendance is recorded for it.
- Attendance: one row per person per event, and one column per day (the date as its
  header) holding 1/x (present), 0/empty (absent) or the teaching hours of a partial
  presence (`4`, `2,5`, `1h`). People are recognised through school.people.recognise (by
  e-mail); a row without an e-mail is the same person as one with the same name already on
  that event's list, so that the same list imported twice does not double anyone.

Every row is checked before anything is written, and each problem is reported with its line
and a reason in Polish. By default nothing is written when any row is bad (one transaction
for the whole file); `partial=True` writes the good rows (for events, the events none of
whose rows are bad). `dry_run=True` writes and rolls back, so the report says exactly what
the import would change."""

import datetime
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override
from wagtail.log_actions import log

from catalog.models import Institution, Territory
from catalog.polish import fold
from portal import csv_import
from portal.csv_import import FileError, ReportLines, RowError
from school import people
from school.models import (
    Attendance,
    EventDay,
    EventKind,
    Person,
    Project,
    Registration,
    TrainingEvent,
)
from school.models.trainings import default_teaching_hour_minutes

MAX_FILE_BYTES = 5 * 1024 * 1024
EVENTS = "events"
ATTENDANCE = "attendance"

# Canonical column name -> other names accepted in a header (compared folded: lower case,
# no diacritics, `_` and `-` read as spaces).
EVENT_COLUMNS = {
    "event_id": ("id", "identyfikator", "id wydarzenia"),
    "title": ("tytuł", "nazwa"),
    "type": ("typ", "rodzaj"),
    "project": ("projekt", "kod projektu"),
    "course": ("kurs",),
    "date": ("data", "dzień"),
    "start": ("początek", "od", "godzina rozpoczęcia"),
    "end": ("koniec", "do", "godzina zakończenia"),
    "teaching_hours": ("godziny dydaktyczne", "godziny", "liczba godzin"),
    "address": ("adres", "miejsce"),
    "teryt": ("gmina", "kod gminy", "teryt gminy"),
    "capacity": ("liczba miejsc", "miejsca"),
    "trainers": ("trenerzy", "prowadzący"),
    "registration_open": ("zapisy", "zapisy otwarte"),
}
EVENT_REQUIRED = ("event_id", "title", "type", "date", "start", "end")
# What must be the same in every row of one event.
EVENT_LEVEL = (
    "title",
    "type",
    "project",
    "course",
    "address",
    "teryt",
    "capacity",
    "trainers",
    "registration_open",
)

ATTENDANCE_COLUMNS = {
    "event_id": ("id", "wydarzenie", "id wydarzenia", "identyfikator"),
    "first_name": ("imię",),
    "last_name": ("nazwisko",),
    "email": ("e-mail", "adres e-mail", "mail"),
    "institution": ("instytucja", "regon"),
    "teryt": ("gmina", "kod gminy", "teryt gminy"),
    "position": ("stanowisko",),
}
ATTENDANCE_REQUIRED = ("event_id", "first_name", "last_name")

# Names of event types people write, besides the codes and the labels in either language.
KIND_NAMES = {
    "warsztat": EventKind.WORKSHOP,
    "warsztaty": EventKind.WORKSHOP,
    "szkolenie jednodniowe": EventKind.ONE_DAY_TRAINING,
    "szkolenie": EventKind.ONE_DAY_TRAINING,
    "warsztat dwudniowy": EventKind.TWO_DAY_WORKSHOP,
    "warsztaty dwudniowe": EventKind.TWO_DAY_WORKSHOP,
    "wizyta studyjna": EventKind.EXCHANGE_VISIT,
    "wymiana doświadczeń": EventKind.EXCHANGE_VISIT,
    "wizyta wymiany doświadczeń": EventKind.EXCHANGE_VISIT,
    "spotkanie edukacyjne": EventKind.EDUCATIONAL_MEETING,
    "wizyta ekspercka": EventKind.EXPERT_VISIT,
    "wizyta eksperta": EventKind.EXPERT_VISIT,
    "spotkanie sterujące": EventKind.STEERING_MEETING,
    "spotkanie komitetu sterującego": EventKind.STEERING_MEETING,
    "konferencja": EventKind.CONFERENCE,
    "inne": EventKind.OTHER,
    "inny": EventKind.OTHER,
}

PRESENT = {"1", "x", "tak", "t", "obecny", "obecna", "yes", "y"}
ABSENT = {"", "0", "-", "nie", "n", "nieobecny", "nieobecna", "no"}
YES = {"1", "tak", "t", "yes", "y", "x", "otwarte", "true"}
NO = {"", "0", "nie", "n", "no", "zamknięte", "zamkniete", "false"}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_PL_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_HOURS_CELL = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>h|godz\.?)?$")
_NEGATIVE = re.compile(r"^-\s*\d")
_TRAINER = re.compile(r"^(?P<name>[^<>]*)<(?P<email>[^<>]+)>$")
_TERC_GMINA = re.compile(r"^\d{7}$")
_REGON = re.compile(r"^(\d{9}|\d{14})$")
MAX_DAY_HOURS = Decimal("24")


def _header_key(name):
    return " ".join(fold(name).replace("_", " ").replace("-", " ").split())


def _aliases(columns):
    found = {}
    for column, others in columns.items():
        for name in (column, *others):
            found[_header_key(name)] = column
    return found


def parse_date(value):
    """A date written as 2019-05-06 or 06.05.2019 (Polish spreadsheets), else None."""
    match = _ISO_DATE.match(value)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = _PL_DATE.match(value)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_time(value):
    match = _TIME.match(value)
    if not match:
        return None
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        return None
    return datetime.time(hours, minutes)


def parse_decimal(value):
    if not _NUMBER.match(value):
        return None
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern lets only numbers through
        return None


def _hours_text(value):
    return f"{value.normalize():f}".replace(".", ",")


def day_length(date, starts_at, ends_at, minutes=None):
    """The length of a day in teaching hours, as EventDay counts it."""
    length = datetime.datetime.combine(date, ends_at) - datetime.datetime.combine(date, starts_at)
    unit = Decimal(minutes or default_teaching_hour_minutes())
    return (Decimal(str(length.total_seconds() / 60)) / unit).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


# The report ---------------------------------------------------------------------------------


@dataclass
class ImportReport(ReportLines):
    kind: str
    rows: int = 0
    errors: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    partial: bool = False
    dry_run: bool = False
    saved: bool = False
    seconds: float = 0.0
    # The file as a whole could not be read or saved: not one row was imported.
    file_error: bool = False

    @property
    def good_rows(self):
        if self.file_error:
            return 0
        return self.rows - len(self.bad_lines)

    @property
    def changed(self):
        return any(
            count
            for name, count in self.counts.items()
            if not name.endswith(("_unchanged", "_found"))
        )

    @property
    def written(self):
        """Whether the good rows were (or, in a dry run, would be) written."""
        return not self.file_error and (not self.errors or self.partial)

    def change_lines(self):
        """What the import changed (or, in a dry run, would change), in sentences."""
        c = self.counts
        if self.kind == EVENTS:
            lines = [
                _("Events: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
                % {
                    "created": c["events_created"],
                    "updated": c["events_updated"],
                    "unchanged": c["events_unchanged"],
                },
                _("Days: %(created)s new, %(updated)s changed, %(deleted)s removed.")
                % {
                    "created": c["days_created"],
                    "updated": c["days_updated"],
                    "deleted": c["days_deleted"],
                },
            ]
            if c["trainers_created"]:
                lines.append(
                    ngettext(
                        "%(count)s trainer added to the participant register.",
                        "%(count)s trainers added to the participant register.",
                        c["trainers_created"],
                    )
                    % {"count": c["trainers_created"]}
                )
        else:
            lines = [
                _("Participants: %(created)s added to the register, %(found)s recognised.")
                % {"created": c["people_created"], "found": c["people_found"]},
                _(
                    "Attendance: %(created)s days recorded, %(updated)s changed, "
                    "%(deleted)s removed."
                )
                % {
                    "created": c["attendance_created"],
                    "updated": c["attendance_updated"],
                    "deleted": c["attendance_deleted"],
                },
                _("Registrations: %(created)s new.") % {"created": c["registrations_created"]},
            ]
        return lines

    def summary(self):
        """The outcome in a few sentences in the active language (Polish by default)."""
        if self.file_error:
            return [_("Nothing was imported.")]
        count = len(self.bad_lines)
        if self.errors and not self.partial:
            return [
                ngettext(
                    "Nothing was imported: %(count)s row has errors. Correct the file, or "
                    "import only the correct rows.",
                    "Nothing was imported: %(count)s rows have errors. Correct the file, or "
                    "import only the correct rows.",
                    count,
                )
                % {"count": count}
            ]
        lines = self.change_lines()
        if self.errors:
            lines.append(
                ngettext(
                    "%(count)s row with errors was skipped.",
                    "%(count)s rows with errors were skipped.",
                    count,
                )
                % {"count": count}
            )
        if not self.changed:
            lines.append(_("The file changed nothing: everything already is as in the file."))
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        return lines


# Reading -----------------------------------------------------------------------------------


@dataclass
class _Row:
    line: int
    values: dict
    days: dict = field(default_factory=dict)  # attendance: date -> cell
    errors: list = field(default_factory=list)
    parsed: dict = field(default_factory=dict)

    def error(self, message, column=""):
        self.errors.append(RowError(self.line, message, column))


def _read(source):
    data = csv_import.read_bytes(source)
    if len(data) > MAX_FILE_BYTES:
        raise FileError(_("The file is larger than 5 MB. Split it into parts."))
    try:
        text = csv_import.decode(data)
    except csv_import.CsvFileError as error:
        raise FileError(str(error)) from error
    if not text.strip():
        raise FileError(_("The file is empty."))
    try:
        return [(line, cells) for line, cells in csv_import.records(text) if any(cells)]
    except csv_import.CsvFileError as error:
        raise FileError(str(error)) from error


def _columns(header_line, cells, columns, required, with_days):
    """{index: column name} and {index: date} of the header, or a FileError naming every
    problem with it."""
    aliases = _aliases(columns)
    named, days, problems, seen = {}, {}, [], {}
    while cells and not cells[-1]:
        cells = cells[:-1]  # spreadsheets add empty columns at the end
    for index, cell in enumerate(cells):
        if not cell:
            continue  # an unnamed column is not read
        column = aliases.get(_header_key(cell))
        date = parse_date(cell) if with_days and column is None else None
        key = column or date
        if key is None:
            problems.append(_("unknown column “%(name)s”") % {"name": cell})
            continue
        if key in seen:
            problems.append(_("column “%(name)s” is given twice") % {"name": cell})
            continue
        seen[key] = index
        if column:
            named[index] = column
        else:
            days[index] = date
    missing = [name for name in required if name not in seen]
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    if with_days and not days and not problems:
        problems.append(_("no column with a day's date (e.g. 2019-05-06)"))
    if problems:
        raise FileError(
            _("Wrong header: %(problems)s.") % {"problems": "; ".join(problems)}, header_line
        )
    return named, days


def _rows(records, named, days):
    width = max([*named, *days], default=-1) + 1
    rows = []
    for line, cells in records:
        row = _Row(line, {name: "" for name in named.values()})
        if len(cells) > width and any(cells[width:]):
            row.error(_("The row has more values than the header has columns."))
        for index, cell in enumerate(cells[:width]):
            if index in named:
                row.values[named[index]] = cell
            elif index in days:
                row.days[days[index]] = cell
        for date in days.values():
            row.days.setdefault(date, "")
        rows.append(row)
    return rows


def _territories(rows):
    codes = {row.values.get("teryt", "") for row in rows} - {""}
    return {
        territory.code: territory
        for territory in Territory.objects.filter(level="gmina", code__in=codes)
    }


def _check_gmina(row, gminas):
    value = row.values.get("teryt", "")
    if not value:
        return None
    if not _TERC_GMINA.match(value):
        row.error(
            _("“%(value)s” is not a gmina TERC code (7 digits, e.g. 2602052).") % {"value": value},
            "teryt",
        )
        return None
    territory = gminas.get(value)
    if territory is None:
        row.error(_("There is no gmina with TERC code %(value)s.") % {"value": value}, "teryt")
    return territory


def _check_length(row, column, limit):
    if len(row.values.get(column, "")) > limit:
        row.error(
            _("The value in column %(column)s is too long (at most %(max)s characters).")
            % {"column": column, "max": limit},
            column,
        )


def _email_ok(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


# Events ------------------------------------------------------------------------------------


def _kind_names():
    names = {_header_key(code): code for code in EventKind.values}
    names.update({_header_key(name): code for name, code in KIND_NAMES.items()})
    for language in ("en", "pl"):
        with override(language):
            names.update({_header_key(str(label)): code for code, label in EventKind.choices})
    return names


def _split_name(full_name):
    words = full_name.split()
    if len(words) < 2:
        return None
    return " ".join(words[:-1]), words[-1]


def _name_key(first_name, last_name):
    return (" ".join(first_name.casefold().split()), " ".join(last_name.casefold().split()))


def _people_named(first_name, last_name, queryset=None):
    """Live people of this name, letter case aside (compared here: SQLite lowers only
    ASCII letters, and Polish names have capitals like Ł and Ś)."""
    queryset = Person.objects.all() if queryset is None else queryset
    key = _name_key(first_name, last_name)
    return [
        person
        for person in queryset.filter(last_name__iexact=last_name.strip(), erased_at__isnull=True)
        if _name_key(person.first_name, person.last_name) == key
    ]


def _find_trainer(spec):
    """(person or None, what to create or None, error or ""): a trainer written as
    `Anna Nowak`, `anna.nowak@example.org` or `Anna Nowak <anna.nowak@example.org>`."""
    name, email = spec, ""
    match = _TRAINER.match(spec)
    if match:
        name, email = match["name"].strip(), match["email"].strip()
    elif "@" in spec:
        name, email = "", spec
    if email:
        if not _email_ok(email):
            return None, None, _("“%(value)s” is not a correct e-mail address.") % {"value": email}
        person = Person.objects.filter(email=email.lower()).first()
        if person is not None:
            return person, None, ""
        user = (
            get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower=email.lower(), is_active=True)
            .order_by("pk")
            .first()
        )
        if user is not None:
            return None, {"user": user}, ""
        parts = _split_name(name) if name else None
        if parts is None:
            return (
                None,
                None,
                _(
                    "No one in the participant register has the e-mail %(email)s. Give the "
                    "name too, e.g. “Anna Nowak <%(email)s>”."
                )
                % {"email": email},
            )
        return None, {"first_name": parts[0], "last_name": parts[1], "email": email}, ""
    parts = _split_name(name)
    if parts is None:
        return (
            None,
            None,
            _("“%(value)s”: give a trainer's first and last name or e-mail.") % {"value": spec},
        )
    found = _people_named(*parts)
    if len(found) > 1:
        return (
            None,
            None,
            _(
                "Several people in the participant register are called %(name)s. Give the "
                "e-mail too, e.g. “%(name)s <e-mail>”."
            )
            % {"name": name},
        )
    if found:
        return found[0], None, ""
    return None, {"first_name": parts[0], "last_name": parts[1]}, ""


def _key(value):
    return value.pk if hasattr(value, "pk") else value


def _stored(obj, name):
    """A field's value, or for a foreign key its id (without fetching the object)."""
    attname = obj._meta.get_field(name).attname
    return getattr(obj, attname)


class _EventImport:
    kind = EVENTS
    columns = EVENT_COLUMNS
    required = EVENT_REQUIRED
    with_days = False

    def __init__(self, report, user):
        self.report = report
        self.user = user

    # Checking ----------------------------------------------------------------------------

    def check(self, rows):
        self.kinds = _kind_names()
        gminas = _territories(rows)
        project_codes = {row.values.get("project", "").lower() for row in rows} - {""}
        self.projects = {
            project.code.lower(): project
            for project in Project.objects.filter(code__in=project_codes)
        }
        if len(self.projects) < len(project_codes):
            # Codes are slugs; people type them in any case.
            for project in Project.objects.all():
                self.projects.setdefault(project.code.lower(), project)
        self.courses = self._courses({row.values.get("course", "") for row in rows} - {""})
        for row in rows:
            self.check_row(row, gminas)
        groups = {}
        for row in rows:
            if row.values["event_id"]:
                groups.setdefault(row.values["event_id"], []).append(row)
        existing = {
            event.import_key: event
            for event in TrainingEvent.objects.filter(import_key__in=list(groups)).prefetch_related(
                "days"
            )
        }
        self.groups = []
        for key, group in groups.items():
            self.cross_check(group, existing.get(key))
            self.groups.append((key, group, existing.get(key)))
        # An event is written whole or not at all.
        for _key, group, _event in self.groups:
            bad = [row.line for row in group if row.errors]
            if not bad:
                continue
            for row in group:
                if not row.errors:
                    row.error(
                        ngettext(
                            "The event is not imported because its line %(lines)s has errors.",
                            "The event is not imported because its lines %(lines)s have errors.",
                            len(bad),
                        )
                        % {"lines": ", ".join(str(line) for line in bad)}
                    )

    def _courses(self, slugs):
        from school.models import CoursePage, original

        found = {}
        # Records point to the original of a course; its translation's slug finds it too.
        for course in CoursePage.objects.filter(slug__in=slugs).order_by("pk"):
            found.setdefault(course.slug, original(course))
        return found

    def check_row(self, row, gminas):
        values, parsed = row.values, row.parsed
        for column in self.required:
            if not values[column]:
                row.error(
                    _("Missing required value in column %(column)s.") % {"column": column},
                    column,
                )
        _check_length(row, "event_id", 100)
        _check_length(row, "title", 255)
        _check_length(row, "address", 255)
        parsed["title"] = values["title"]
        parsed["address"] = values.get("address", "")
        kind = values["type"]
        parsed["type"] = self.kinds.get(_header_key(kind)) if kind else None
        if kind and parsed["type"] is None:
            row.error(
                _("Unknown type of event “%(value)s”. Allowed: %(allowed)s.")
                % {
                    "value": kind,
                    "allowed": ", ".join(f"{code} ({label})" for code, label in EventKind.choices),
                },
                "type",
            )
        project = values.get("project", "")
        parsed["project"] = self.projects.get(project.lower()) if project else None
        if project and parsed["project"] is None:
            row.error(
                _("There is no project with code “%(value)s”.") % {"value": project}, "project"
            )
        course = values.get("course", "")
        parsed["course"] = self.courses.get(course) if course else None
        if course and parsed["course"] is None:
            row.error(
                _("There is no course with the address (slug) “%(value)s”.") % {"value": course},
                "course",
            )
        date = values["date"]
        parsed["date"] = parse_date(date) if date else None
        if date and parsed["date"] is None:
            row.error(
                _("“%(value)s” is not a date (write 2019-05-06 or 06.05.2019).") % {"value": date},
                "date",
            )
        for column in ("start", "end"):
            value = values[column]
            parsed[column] = parse_time(value) if value else None
            if value and parsed[column] is None:
                row.error(_("“%(value)s” is not a time (write 09:00).") % {"value": value}, column)
        if parsed["start"] and parsed["end"] and parsed["end"] <= parsed["start"]:
            row.error(_("The day ends before it starts."), "end")
        self.check_hours(row)
        parsed["teryt"] = _check_gmina(row, gminas)
        capacity = values.get("capacity", "")
        parsed["capacity"] = int(capacity) if capacity.isdigit() else None
        if capacity and parsed["capacity"] is None:
            row.error(
                _("“%(value)s” is not a number of places (a whole number, 0 or more).")
                % {"value": capacity},
                "capacity",
            )
        registration = values.get("registration_open", "")
        parsed["registration_open"] = fold(registration) in YES if registration else None
        if registration and fold(registration) not in YES | NO:
            row.error(
                _("“%(value)s” in column registration_open: write tak or nie.")
                % {"value": registration},
                "registration_open",
            )
        specs = [spec.strip() for spec in values.get("trainers", "").split("|")]
        parsed["trainers"] = tuple(sorted({spec for spec in specs if spec}, key=str.lower))

    def check_hours(self, row):
        value = row.values.get("teaching_hours", "")
        row.parsed["teaching_hours"] = None
        if not value:
            return
        if _NEGATIVE.match(value):
            row.error(_("The number of hours cannot be negative."), "teaching_hours")
            return
        hours = parse_decimal(value)
        if hours is None:
            row.error(
                _("“%(value)s” is not a number of hours.") % {"value": value}, "teaching_hours"
            )
            return
        parsed = row.parsed
        if parsed["date"] and parsed["start"] and parsed["end"] and parsed["end"] > parsed["start"]:
            limit = day_length(parsed["date"], parsed["start"], parsed["end"])
            if hours > limit:
                row.error(
                    _(
                        "%(hours)s teaching hours do not fit in the day: from %(start)s to "
                        "%(end)s there are at most %(limit)s."
                    )
                    % {
                        "hours": _hours_text(hours),
                        "start": parsed["start"].strftime("%H:%M"),
                        "end": parsed["end"].strftime("%H:%M"),
                        "limit": _hours_text(limit),
                    },
                    "teaching_hours",
                )
                return
        row.parsed["teaching_hours"] = hours.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def cross_check(self, group, event):
        first = group[0]
        days = {}
        for row in group:
            date = row.parsed.get("date")
            if date is not None:
                if date in days:
                    row.error(
                        _("The day %(date)s of this event is already on line %(line)s.")
                        % {"date": date.isoformat(), "line": days[date]},
                        "date",
                    )
                else:
                    days[date] = row.line
            if row is first:
                continue
            for column in EVENT_LEVEL:
                if column in first.values and first.parsed.get(column) != row.parsed.get(column):
                    row.error(
                        _(
                            "Column %(column)s differs from line %(line)s of the same event: "
                            "every row of one event must have the same value there."
                        )
                        % {"column": column, "line": first.line},
                        column,
                    )
        if not first.errors:
            resolved = []
            for spec in first.parsed["trainers"]:
                person, create, message = _find_trainer(spec)
                if message:
                    first.error(message, "trainers")
                resolved.append((person, create))
            first.parsed["trainer_refs"] = resolved
        if event is not None:
            recorded = set(
                Attendance.objects.filter(day__event=event)
                .exclude(day__date__in=list(days))
                .values_list("day__date", flat=True)
            )
            for date in sorted(recorded):
                first.error(
                    _(
                        "The day %(date)s of this event is not in the file, but attendance is "
                        "recorded for it. Add the day to the file, or remove its attendance "
                        "in the admin first."
                    )
                    % {"date": date.isoformat()},
                    "date",
                )

    # Writing -----------------------------------------------------------------------------

    def write(self):
        for key, group, _event in self.groups:
            if any(row.errors for row in group):
                continue
            self.write_event(key, group)

    def write_event(self, key, group):
        first = group[0].parsed
        counts = self.report.counts
        fields = {
            "title": first["title"],
            "kind": first["type"],
            "project": first["project"],
            "course": first["course"],
            "address": first["address"],
            "gmina": first["teryt"],
            "capacity": first["capacity"],
        }
        if first["registration_open"] is not None:
            fields["registration_open"] = first["registration_open"]
        # Locked: a second import of the same file at the same time waits for this one.
        event = TrainingEvent.objects.select_for_update().filter(import_key=key).first()
        changed = False
        if event is None:
            event = TrainingEvent.objects.create(import_key=key, created_by=self.user, **fields)
            counts["events_created"] += 1
            created = True
        else:
            created = False
            different = [
                name for name, value in fields.items() if _stored(event, name) != _key(value)
            ]
            for name in different:
                setattr(event, name, fields[name])
            if different:
                event.save(update_fields=different)
                changed = True
        existing = {day.date: day for day in event.days.all()}
        for row in group:
            parsed = row.parsed
            hours = parsed["teaching_hours"]
            if hours is None:
                hours = day_length(
                    parsed["date"], parsed["start"], parsed["end"], event.teaching_hour_minutes
                )
            day = existing.pop(parsed["date"], None)
            if day is None:
                EventDay.objects.create(
                    event=event,
                    date=parsed["date"],
                    starts_at=parsed["start"],
                    ends_at=parsed["end"],
                    teaching_hours=hours,
                )
                counts["days_created"] += 1
                changed = True
            elif (day.starts_at, day.ends_at, day.teaching_hours) != (
                parsed["start"],
                parsed["end"],
                hours,
            ):
                day.starts_at, day.ends_at, day.teaching_hours = (
                    parsed["start"],
                    parsed["end"],
                    hours,
                )
                day.save()
                counts["days_updated"] += 1
                changed = True
        for day in existing.values():  # checked: no attendance on these
            day.delete()
            counts["days_deleted"] += 1
            changed = True
        trainers = []
        for person, create in first.get("trainer_refs", []):
            if person is None and "user" in create:
                person = people.person_for_user(create["user"])
            elif person is None:
                # The same trainer twice in one file (two events): made once.
                person = self._made_trainer(create)
            trainers.append(person)
        if {person.pk for person in trainers} != set(event.trainers.values_list("pk", flat=True)):
            event.trainers.set(trainers)
            changed = True
        if created:
            log(event, "wagtail.create", user=self.user)
        elif changed:
            counts["events_updated"] += 1
            log(event, "wagtail.edit", user=self.user)
        else:
            counts["events_unchanged"] += 1

    def _made_trainer(self, create):
        made = self.__dict__.setdefault("_made", {})
        key = (
            create.get("email", "").lower(),
            fold(create["first_name"]),
            fold(create["last_name"]),
        )
        if key not in made:
            made[key] = Person.objects.create(**create)
            self.report.counts["trainers_created"] += 1
        return made[key]


# Attendance --------------------------------------------------------------------------------


class _AttendanceImport:
    kind = ATTENDANCE
    columns = ATTENDANCE_COLUMNS
    required = ATTENDANCE_REQUIRED
    with_days = True

    def __init__(self, report, user):
        self.report = report
        self.user = user

    def check(self, rows):
        gminas = _territories(rows)
        self.events = self._events({row.values["event_id"] for row in rows} - {""})
        self.institutions = self._institutions(rows)
        by_email, by_name = {}, {}
        for row in rows:
            self.check_row(row, gminas)
            event = row.parsed.get("event")
            if event is None:
                continue
            # The same e-mail twice, or the same name twice where one of the two rows has
            # no e-mail (which is how the row without one would be recognised).
            email = row.parsed["email"]
            name = (event.pk, row.parsed["name"])
            line, named_with_email = by_name.get(name, (None, False))
            if email:
                line = by_email.get((event.pk, email)) or (None if named_with_email else line)
            if line is not None:
                row.error(
                    _("The same person on the same event is already on line %(line)s.")
                    % {"line": line}
                )
                continue
            if email:
                by_email[(event.pk, email)] = row.line
            if name not in by_name or not email:
                by_name[name] = (row.line, bool(email))
        self.rows = rows

    def _events(self, keys):
        events = {
            event.import_key: event
            for event in TrainingEvent.objects.filter(import_key__in=keys).prefetch_related("days")
        }
        by_pk = [int(key) for key in keys if key not in events and key.isdigit()]
        for event in TrainingEvent.objects.filter(pk__in=by_pk).prefetch_related("days"):
            events.setdefault(str(event.pk), event)
        return events

    def _institutions(self, rows):
        values = {row.values.get("institution", "") for row in rows} - {""}
        regons = {value for value in values if _REGON.match(value)}
        names = {fold(value) for value in values - regons}
        found = {}
        for institution in Institution.objects.filter(regon__in=regons):
            found[institution.regon] = institution
        if names:
            by_name = {}
            for institution in Institution.objects.annotate(name_lower=Lower("name")).filter(
                name_lower__in={value.lower() for value in values - regons}
            ):
                by_name.setdefault(fold(institution.name), []).append(institution)
            for name, matches in by_name.items():
                if len(matches) == 1:  # two of the same name: kept as text, not guessed
                    found[name] = matches[0]
        return found

    def check_row(self, row, gminas):
        values, parsed = row.values, row.parsed
        key = values["event_id"]
        if not key:
            row.error(
                _("Missing required value in column %(column)s.") % {"column": "event_id"},
                "event_id",
            )
        parsed["event"] = self.events.get(key) if key else None
        if key and parsed["event"] is None:
            row.error(
                _("There is no event with the identifier “%(value)s”. Import the events first.")
                % {"value": key},
                "event_id",
            )
        for column in ("first_name", "last_name"):
            if not values[column]:
                row.error(
                    _("The first name is missing.")
                    if column == "first_name"
                    else _("The last name is missing."),
                    column,
                )
            _check_length(row, column, 150)
        _check_length(row, "position", 150)
        _check_length(row, "institution", 255)
        parsed["name"] = _name_key(values["first_name"], values["last_name"])
        email = values.get("email", "").lower()
        if email and not _email_ok(email):
            row.error(_("“%(value)s” is not a correct e-mail address.") % {"value": email}, "email")
        parsed["email"] = email
        parsed["gmina"] = _check_gmina(row, gminas)
        institution = values.get("institution", "")
        parsed["institution"] = None
        parsed["institution_name"] = ""
        if institution and _REGON.match(institution):
            parsed["institution"] = self.institutions.get(institution)
            if parsed["institution"] is None:
                row.error(
                    _("There is no institution with REGON %(value)s in the list of services.")
                    % {"value": institution},
                    "institution",
                )
        elif institution:
            parsed["institution"] = self.institutions.get(fold(institution))
            if parsed["institution"] is None:
                parsed["institution_name"] = institution
        parsed["presence"] = self.check_days(row, parsed["event"])

    def check_days(self, row, event):
        """{EventDay: None (the whole day) or hours} of the days the row marks present, and
        the days it marks absent (value False)."""
        days = {day.date: day for day in event.days.all()} if event is not None else {}
        presence = {}
        for date, cell in row.days.items():
            value = fold(cell)
            column = date.isoformat()
            if value in ABSENT:
                if date in days:
                    presence[days[date]] = False
                continue
            hours = None
            if value not in PRESENT:
                if _NEGATIVE.match(value):
                    row.error(_("The number of hours cannot be negative."), column)
                    continue
                match = _HOURS_CELL.match(value)
                hours = parse_decimal(match["number"]) if match else None
                if hours is None:
                    row.error(
                        _(
                            "“%(value)s” on %(date)s: write 1 or x (present), 0 or nothing "
                            "(absent), or the teaching hours of a partial presence (e.g. 4)."
                        )
                        % {"value": cell, "date": column},
                        column,
                    )
                    continue
            if event is None:
                continue
            day = days.get(date)
            if day is None:
                row.error(_("The event has no day on %(date)s.") % {"date": column}, column)
                continue
            if hours is not None:
                hours = hours.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                if hours == 0:
                    presence[day] = False
                    continue
                if hours > day.teaching_hours:
                    row.error(
                        _(
                            "%(hours)s hours on %(date)s is more than the day has "
                            "(%(limit)s teaching hours)."
                        )
                        % {
                            "hours": _hours_text(hours),
                            "date": column,
                            "limit": _hours_text(day.teaching_hours),
                        },
                        column,
                    )
                    continue
                if hours == day.teaching_hours:
                    hours = None  # present the whole day, as the model records it
            presence[day] = hours
        return presence

    def write(self):
        counts = self.report.counts
        for row in self.rows:
            if row.errors:
                continue
            parsed = row.parsed
            event = parsed["event"]
            person = self.person(row)
            _registration, created = Registration.objects.get_or_create(event=event, person=person)
            counts["registrations_created"] += int(created)
            recorded = {
                attendance.day_id: attendance
                for attendance in Attendance.objects.filter(
                    person=person, day__in=[day.pk for day in parsed["presence"]]
                )
            }
            for day, hours in parsed["presence"].items():
                attendance = recorded.get(day.pk)
                if hours is False:
                    if attendance is not None:
                        attendance.delete()
                        counts["attendance_deleted"] += 1
                elif attendance is None:
                    Attendance.objects.create(day=day, person=person, hours=hours)
                    counts["attendance_created"] += 1
                elif attendance.hours != hours:
                    attendance.hours = hours
                    attendance.save(update_fields=["hours"])
                    counts["attendance_updated"] += 1

    def person(self, row):
        values, parsed = row.values, row.parsed
        details = {
            "institution": parsed["institution"],
            "institution_name": parsed["institution_name"],
            "gmina": parsed["gmina"],
            "position": values.get("position", ""),
        }
        if not parsed["email"]:
            # No e-mail: the same name on this event's list is this person (the same list
            # imported again); anywhere else a name alone proves nothing.
            listed = self._listed(parsed["event"])
            person = listed.get(_name_key(values["first_name"], values["last_name"]))
            if person is not None:
                people._fill_blanks(person, details)
                self.report.counts["people_found"] += 1
                return person
        person, created = people.recognise(
            first_name=values["first_name"],
            last_name=values["last_name"],
            email=parsed["email"],
            **details,
        )
        self.report.counts["people_created" if created else "people_found"] += 1
        return person

    def _listed(self, event):
        """{name key: person} of the people on the event's list, fetched once per event."""
        listed = self.__dict__.setdefault("_listed_people", {})
        if event.pk not in listed:
            on_list = Person.objects.filter(registrations__event=event).order_by("-pk")
            listed[event.pk] = {
                _name_key(person.first_name, person.last_name): person for person in on_list
            }
        return listed[event.pk]


# Entry points ------------------------------------------------------------------------------


def _run(importer_class, source, *, partial, dry_run, user):
    started = time.perf_counter()
    report = ImportReport(importer_class.kind, partial=partial, dry_run=dry_run)
    importer = importer_class(report, user)
    try:
        records = _read(source)
        if not records:
            raise FileError(_("The file is empty."))
        header_line, header = records[0]
        named, days = _columns(
            header_line, header, importer.columns, importer.required, importer.with_days
        )
        rows = _rows(records[1:], named, days)
        if not rows:
            raise FileError(_("The file has a header but no rows."), header_line)
    except FileError as error:
        report.errors.append(error.error)
        report.file_error = True
        report.seconds = time.perf_counter() - started
        return report
    report.rows = len(rows)
    importer.check(rows)
    for row in rows:
        report.errors.extend(row.errors)
    report.errors.sort(key=lambda error: error.line)
    if report.errors and not partial:
        report.seconds = time.perf_counter() - started
        return report
    try:
        # One transaction: all the good rows or nothing (a failure half-way leaves the
        # database as it was).
        with transaction.atomic():
            importer.write()
            if dry_run:
                transaction.set_rollback(True)
    except IntegrityError:
        report.counts.clear()
        report.file_error = True
        report.errors.append(
            RowError(
                None,
                _(
                    "The data changed while the file was being imported (another import at "
                    "the same time?). Nothing was saved; import the file again."
                ),
            )
        )
    else:
        report.saved = not dry_run and report.changed
        if report.saved:
            # The public list of trainings shows events and places left from the cache.
            from portal.cache import invalidate

            invalidate()
    report.seconds = time.perf_counter() - started
    return report


def import_events(source, *, partial=False, dry_run=False, user=None):
    """Import a CSV file of training events (bytes, a path or a file); see the module's
    docstring. Never raises for bad data: the report lists every problem with its line."""
    return _run(_EventImport, source, partial=partial, dry_run=dry_run, user=user)


def import_attendance(source, *, partial=False, dry_run=False, user=None):
    """Import a CSV attendance list (bytes, a path or a file); see the module's docstring."""
    return _run(_AttendanceImport, source, partial=partial, dry_run=dry_run, user=user)


IMPORTERS = {EVENTS: import_events, ATTENDANCE: import_attendance}
