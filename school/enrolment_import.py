"""Bulk enrolment from a CSV list: e-mail;first_name;last_name.

The file may come from Excel or LibreOffice in either usual shape: UTF-8 with or without a
byte order mark, fields separated by `;` or `,`, a header row or none. People are found by
their e-mail address (case does not matter). An address without an account is an error of
its row: the person registers first (and so agrees to the portal's terms and receives the
confirmation e-mail in their own name); a coordinator does not create accounts for others.

Every bad row is reported with its line number and the reason. Unless the coordinator asks
to enrol the good rows anyway, one bad row means nothing is enrolled, so a corrected file
can simply be uploaded again. People already enrolled are skipped, so running the same file
twice changes nothing."""

import csv
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from portal import csv_import
from school.models import Enrolment, EnrolmentSource, EnrolmentStatus, original
from school.services import EnrolmentError, enrol

MAX_FILE_BYTES = 1024 * 1024
MAX_ROWS = 2000
HEADER_NAMES = {"email", "e-mail", "adres e-mail", "adres email", "mail"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (not a row's fault)."""


@dataclass
class Row:
    line: int
    email: str
    first_name: str = ""
    last_name: str = ""

    @property
    def name(self):
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class RowProblem:
    line: int
    email: str
    message: str


@dataclass
class ImportResult:
    enrolled: list = field(default_factory=list)  # (Row, Enrolment)
    already_enrolled: list = field(default_factory=list)  # Row
    errors: list = field(default_factory=list)  # RowProblem
    saved: bool = False

    @property
    def rows_read(self):
        return len(self.enrolled) + len(self.already_enrolled) + len(self.errors)


def _decode(data):
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 1 MB. Split the list into parts."))
    try:
        text = csv_import.decode(data)
    except csv_import.CsvFileError as error:
        raise ImportFileError(str(error)) from error
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    return text


def _is_header(cells):
    return cells[0].strip().lower() in HEADER_NAMES


def read_rows(data):
    """The rows of the file and the problems found in the file itself (before anyone is
    looked up). Raises ImportFileError when the file cannot be read at all."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_import.sniff_delimiter(text))
    rows, problems, first_line_of = [], [], {}
    seen_first_row = False
    for cells in reader:
        line = reader.line_num
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if not seen_first_row:
            seen_first_row = True
            if _is_header(cells):
                continue
        while cells and not cells[-1]:
            cells.pop()  # spreadsheets often add empty columns at the end
        email = cells[0].lower() if cells else ""
        if len(cells) > 3:
            problems.append(
                RowProblem(
                    line,
                    email,
                    _("Too many columns: expected e-mail, first name and last name."),
                )
            )
            continue
        if not email:
            problems.append(RowProblem(line, email, _("The e-mail address is missing.")))
            continue
        try:
            validate_email(email)
        except ValidationError:
            problems.append(
                RowProblem(
                    line, email, _("“%(email)s” is not an e-mail address.") % {"email": email}
                )
            )
            continue
        if email in first_line_of:
            problems.append(
                RowProblem(
                    line,
                    email,
                    _("The same address is already on line %(line)d.")
                    % {"line": first_line_of[email]},
                )
            )
            continue
        first_line_of[email] = line
        rows.append(Row(line, email, *cells[1:3]))
        if len(rows) + len(problems) > MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)d rows. Split the list into parts.")
                % {"max": MAX_ROWS}
            )
    if not rows and not problems:
        raise ImportFileError(_("The file has no rows with e-mail addresses."))
    return rows, problems


def _users_by_email(emails):
    """One query for the whole file. Addresses are compared in lower case; should two
    accounts share an address, the active one (then the oldest) wins."""
    User = get_user_model()
    users = {}
    queryset = User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=emails)
    for user in queryset.order_by("-is_active", "pk"):
        users.setdefault(user.email.lower(), user)
    return users


def _account_problem(row, user):
    if user is None or getattr(user, "is_erased", False):
        return RowProblem(
            row.line,
            row.email,
            _("No account has this address. Ask the person to register on the portal first."),
        )
    if not user.is_active:
        return RowProblem(
            row.line,
            row.email,
            _("The account with this address is not active (the address is not confirmed yet)."),
        )
    return None


def _already_enrolled(course, users):
    return set(
        Enrolment.objects.filter(course=original(course), user__in=users)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .values_list("user_id", flat=True)
    )


def import_enrolments(data, *, course, cohort=None, by=None, enrol_good_rows=False):
    """Enrol the people of a CSV file (bytes) in `course` through the same rules as
    self-enrolment (school.services.enrol). Returns an ImportResult; `saved` says whether
    anything was written. Raises ImportFileError when the file cannot be read."""
    rows, problems = read_rows(data)
    users = _users_by_email({row.email for row in rows})
    result = ImportResult(errors=list(problems))
    candidates = []
    for row in rows:
        user = users.get(row.email)
        problem = _account_problem(row, user)
        if problem:
            result.errors.append(problem)
        else:
            candidates.append((row, user))
    already = _already_enrolled(course, [user for _row, user in candidates])
    with transaction.atomic():
        for row, user in candidates:
            if user.pk in already:
                result.already_enrolled.append(row)
                continue
            try:
                # A savepoint per row: a refused row leaves the others as they were.
                with transaction.atomic():
                    enrolment = enrol(
                        user, course, by=by, source=EnrolmentSource.CSV, cohort=cohort
                    )
            except EnrolmentError as error:
                if error.code == "already_enrolled":
                    result.already_enrolled.append(row)
                else:
                    result.errors.append(RowProblem(row.line, row.email, error.message))
                continue
            result.enrolled.append((row, enrolment))
        if result.errors and not enrol_good_rows:
            # Checked against the real rules (places, prerequisites) and then undone, so
            # the report lists every problem at once.
            transaction.set_rollback(True)
        else:
            result.saved = True
    result.errors.sort(key=lambda problem: problem.line)
    return result


@dataclass
class CohortResult:
    enrolled: list = field(default_factory=list)  # Enrolment
    refused: list = field(default_factory=list)  # (user, message)


def enrol_cohort(cohort, course, *, by=None):
    """Enrol every member of the cohort who can be enrolled; the others are listed with
    the reason (already enrolled, no places left, prerequisites missing, account not
    active). Those who can be enrolled are, whatever happens to the rest."""
    result = CohortResult()
    members = list(cohort.members.order_by("last_name", "first_name", "pk"))
    already = _already_enrolled(course, members)
    for user in members:
        if not user.is_active:
            result.refused.append((user, _("The account is not active.")))
            continue
        if user.pk in already:
            result.refused.append((user, _("Already enrolled in this course.")))
            continue
        try:
            enrolment = enrol(user, course, by=by, source=EnrolmentSource.COHORT, cohort=cohort)
        except EnrolmentError as error:
            result.refused.append((user, error.message))
            continue
        result.enrolled.append(enrolment)
    return result
