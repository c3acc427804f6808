from django.core.management.base import BaseCommand

from catalog.hsds import HSDS_VERSION, TABLES, build_tables, write_directory


class Command(BaseCommand):
    help = (
        f"Writes the published list of services in Open Referral HSDS {HSDS_VERSION} into "
        "DIR: one CSV file per table and datapackage.json (the files of /api/v1/hsds/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="directory to write to (made if missing)")

    def handle(self, *args, directory, **options):
        tables = build_tables()
        write_directory(directory, tables)
        for name, rows in tables.items():
            self.stdout.write(f"{TABLES[name][0]}: {len(rows)}")
        self.stdout.write(f"datapackage.json -> {directory}")
