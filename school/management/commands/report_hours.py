"""The report of hours from the command line: the same figures as the report page in the
admin (school.ledger), as JSON with stable keys (see the README, "Reporting hours") or as
the CSV of the page's files.

    python manage.py report_hours --from 2019-01-01 --to 2019-12-31 --format json
    python manage.py report_hours --from 2019-01-01 --to 2019-12-31 --project liderzy \\
        --type two_day_workshop --teryt 2602 --format csv
    python manage.py report_hours --from 2019-01-01 --to 2019-12-31 --by powiat --format csv

Bad arguments end with a message in Polish and exit status 1 (the arguments are checked
here, not by argparse, whose own messages are in English)."""

import datetime
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from catalog.models import Territory
from school import ledger
from school.models import Project

FORMATS = ("json", "csv")


class Command(BaseCommand):
    help = "Hours and participants of all support for a period (the report page's figures)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
        parser.add_argument("--project", help="project code")
        parser.add_argument(
            "--type",
            dest="support",
            help="type of event (e.g. two_day_workshop) or coaching, supervision, elearning",
        )
        parser.add_argument("--teryt", help="TERC code of a voivodeship, powiat or gmina")
        parser.add_argument(
            "--by",
            help="a breakdown: " + ", ".join(key for key, _label in ledger.BREAKDOWNS),
        )
        parser.add_argument("--format", dest="output_format", help="json or csv")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            filters, by, output_format = self.parse(options)
            if output_format == "json":
                self.write_json(filters, by)
            else:
                self.write_csv(filters, by)

    def parse(self, options):
        date_from = self.date(options["date_from"], "--from")
        date_to = self.date(options["date_to"], "--to")
        if date_to < date_from:
            raise CommandError(_("The end of the period (--to) is before its start (--from)."))
        output_format = (options["output_format"] or "").strip().lower()
        if output_format not in FORMATS:
            raise CommandError(_("Give --format json or --format csv."))
        project = None
        if options["project"]:
            project = Project.objects.filter(code=options["project"].strip()).first()
            if project is None:
                raise CommandError(
                    _("There is no project with the code “%(code)s”.")
                    % {"code": options["project"]}
                )
        support = (options["support"] or "").strip()
        if support and support not in {value for value, _label in ledger.SUPPORT_TYPES}:
            raise CommandError(
                _("Unknown type “%(type)s”. Types: %(types)s.")
                % {
                    "type": support,
                    "types": ", ".join(value for value, _label in ledger.SUPPORT_TYPES),
                }
            )
        teryt = (options["teryt"] or "").strip()
        if teryt and not (
            len(teryt) in ledger.TERRITORY_CODE_LENGTHS
            and teryt.isdigit()
            and Territory.objects.filter(code=teryt).exists()
        ):
            raise CommandError(
                _(
                    "“%(code)s” is not the TERC code of a voivodeship (2 digits), powiat "
                    "(4 digits) or gmina (7 digits) in the register."
                )
                % {"code": teryt}
            )
        by = (options["by"] or "").strip()
        if by and by not in dict(ledger.BREAKDOWNS):
            raise CommandError(
                _("Unknown breakdown “%(by)s”. Breakdowns: %(all)s.")
                % {"by": by, "all": ", ".join(key for key, _label in ledger.BREAKDOWNS)}
            )
        filters = ledger.LedgerFilters(
            date_from=date_from,
            date_to=date_to,
            project=project,
            support=support,
            territory=teryt,
        )
        return filters, by, output_format

    def date(self, value, option):
        if not value:
            raise CommandError(_("Give the period: %(option)s YYYY-MM-DD.") % {"option": option})
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            raise CommandError(
                _("%(option)s: “%(value)s” is not a date in the form YYYY-MM-DD.")
                % {"option": option, "value": value}
            ) from None

    def write_json(self, filters, by):
        # The summary and the breakdown from one reading of the attendance.
        report, rows = ledger.page(filters, by) if by else (ledger.report(filters), ())
        data = report.as_dict()
        project = None
        if filters.project is not None:
            project = Project.objects.values_list("code", flat=True).get(pk=filters.project)
        data["filters"] = {
            "project": project,
            "type": filters.support or None,
            "teryt": filters.territory or None,
        }
        if by:
            columns = ledger.breakdown_columns(by)
            data["breakdown"] = {
                "by": by,
                "rows": [
                    {
                        "key": None if row.key is None else str(row.key),
                        "label": row.label,
                        "code": row.code,
                        **{column: _json_value(row.value(column)) for column in columns},
                    }
                    for row in rows
                ],
            }
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def write_csv(self, filters, by):
        # The page's files: the same header, the same rows, the same rules for Excel.
        from school import admin_reports, exports

        if by:
            rows = (
                admin_reports.breakdown_values(by, row) for row in ledger.breakdown(filters, by)
            )
            lines = exports.csv_lines(admin_reports.breakdown_header(by), rows)
        else:
            lines = exports.csv_lines(
                admin_reports.summary_header(), ledger.summary_rows(ledger.report(filters))
            )
        for line in lines:
            self.stdout.write(line, ending="")


def _json_value(value):
    return value if isinstance(value, int) else str(value)
