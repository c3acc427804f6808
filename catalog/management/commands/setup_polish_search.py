from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection, transaction

from catalog import search_postgresql

NEEDS = f"""PostgreSQL's Polish full-text search needs:
  1. Debian packages: postgresql-contrib (unaccent, pg_trgm) and hunspell-pl;
  2. the folded dictionary in PostgreSQL's tsearch_data directory, written as root:
       python3 -m catalog.search_dictionary --postgresql /usr/share/hunspell \\
           "$(pg_config --sharedir)/tsearch_data"
     ({search_postgresql.DICTIONARY_FILE}.affix, {search_postgresql.DICTIONARY_FILE}.dict,
     {search_postgresql.STOP_FILE}.stop; on every database server, again after a
     PostgreSQL major upgrade, since the directory belongs to the version);
  3. this command, as the database owner (it creates the extensions unaccent and pg_trgm,
     the configuration {search_postgresql.CONFIG}, a function and the generated columns
     that use it, GIN indexes, and the search flags of catalog_service kept by triggers on
     it and on catalog_institution; it rewrites catalog_service, minutes for 100,000 rows)."""


class Command(BaseCommand):
    help = (
        "Sets up PostgreSQL full-text search for the catalog with a Polish configuration "
        "built from Debian's hunspell-pl (--remove goes back to the LIKE search). "
        "Run again after changing the dictionary."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--remove", action="store_true", help="drop the configuration, columns and index"
        )
        parser.add_argument(
            "--check", action="store_true", help="only say whether it is set up (exit 1 if not)"
        )

    def handle(self, *args, remove=False, check=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                f"The database is {connection.vendor}: full-text search is for PostgreSQL; "
                "the catalog uses its LIKE search here."
            )
        search_postgresql.forget()
        if check:
            if search_postgresql.available():
                self.stdout.write("Polish full-text search is set up.")
                return
            raise CommandError("Polish full-text search is not set up.\n\n" + NEEDS)
        if remove:
            search_postgresql.teardown()
            self.stdout.write("Polish full-text search removed: the catalog uses LIKE search.")
            return
        self._backfill()
        try:
            with transaction.atomic():
                search_postgresql.setup()
        except DatabaseError as error:
            raise CommandError(f"{error}\n{NEEDS}") from error
        self.stdout.write(
            f"Polish full-text search is set up (configuration {search_postgresql.CONFIG})."
        )

    def _backfill(self):
        """Services saved before the search_document column existed get it now."""
        from catalog.models import Service
        from catalog.search import reindex_services

        empty = Service.objects.filter(search_document="")
        if empty.exists():
            written = reindex_services(empty)
            self.stdout.write(f"Plain search text written for {written} service(s).")
