"""What the CSV import commands share (catalog's import_services, the e-School's
import_events and import_attendance): the options, the report written out, and an error
status when nothing was imported, so that a script notices."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class CsvImportCommand(BaseCommand):
    """`importer(file, partial=, dry_run=, user=)` returns a report with `errors`,
    `summary()`, `written`, `good_rows`, `rows` and `seconds`."""

    importer = None
    file_help = "CSV file"
    user_help = "username recorded in the history of the imported entries"

    def add_arguments(self, parser):
        parser.add_argument("file", help=self.file_help)
        parser.add_argument(
            "--partial",
            action="store_true",
            help="import the correct rows even if some rows are bad",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the file and say what would change, without saving anything",
        )
        parser.add_argument("--user", help=self.user_help)

    def handle(self, *args, file, partial, dry_run, user=None, **options):
        account = None
        if user:
            try:
                account = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"No user {user!r}.") from error
        try:
            report = type(self).importer(file, partial=partial, dry_run=dry_run, user=account)
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        for error in report.errors:
            self.stderr.write(str(error))
        lines = report.summary()
        if not report.written:
            raise CommandError(" ".join(lines))
        for line in lines:
            self.stdout.write(line)
        if options["verbosity"] > 1:
            self.stdout.write(f"{report.rows} rows, {report.seconds:.2f} s")
        if report.errors and report.good_rows == 0:
            raise CommandError(_("No row could be imported."))
