from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from catalog.importer import COLUMNS, import_services


class Command(BaseCommand):
    help = (
        "Imports institutions and their services from a CSV file (UTF-8, ';'-separated) "
        "with the header: " + ";".join(COLUMNS) + ". Rows are matched with existing entries "
        "by service_id and institution_id, so importing the same file again changes nothing. "
        "By default nothing is imported when any row is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file of services")
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
        parser.add_argument(
            "--user",
            help="username recorded in the history of the imported entries",
        )

    def handle(self, *args, file, partial, dry_run, user=None, **options):
        account = None
        if user:
            try:
                account = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(f"No user {user!r}.") from error
        try:
            report = import_services(file, partial=partial, dry_run=dry_run, user=account)
        except OSError as error:
            raise CommandError(f"{file}: {error}") from error
        for error in report.errors:
            self.stderr.write(str(error))
        lines = report.summary()
        if report.errors and not partial:
            raise CommandError(" ".join(lines))
        for line in lines:
            self.stdout.write(line)
        if options["verbosity"] > 1:
            self.stdout.write(f"{report.rows} rows, {report.seconds:.2f} s")
        if report.errors and len(report.bad_lines) >= report.rows:
            raise CommandError(_("No row could be imported."))
