from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from catalog.models import Territory
from catalog.territory import RegisterError, apply_register, read_register


class Command(BaseCommand):
    help = (
        "Updates the territory (voivodeships, powiats, gminas) from a TERYT TERC register "
        "in the official GUS CSV format. Links to existing units are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="TERC CSV file (e.g. TERC_Urzedowy_2025-01-01.csv)")

    def handle(self, *args, file, **options):
        try:
            units = read_register(file)
        except (OSError, RegisterError) as error:
            raise CommandError(f"{file}: {error}") from error
        with transaction.atomic():
            counts = apply_register(units, Territory)
        if counts["updated"]:
            # Gmina names are part of the services' search text.
            from catalog.search import reindex_services

            reindex_services()
        self.stdout.write(
            "Territory: {created} new, {updated} updated, {deactivated} no longer in the "
            "register, {unchanged} unchanged.".format(**counts)
        )
