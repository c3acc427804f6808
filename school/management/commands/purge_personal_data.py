from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from privacy import audit
from school.privacy import erase_people, expired_people, retention_cutoff

AUDIT_ACTION = "school.people.purge_expired"


def _plural(count, one, few, many):
    """Polish has three forms: 1 osoba, 2 osoby, 5 osób (and 22 osoby, 12 osób)."""
    if count == 1:
        return f"{count} {one}"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{count} {few}"
    return f"{count} {many}"


def _people(count):
    return _plural(count, "osoba", "osoby", "osób")


class Command(BaseCommand):
    help = (
        "Erases the personal data of participants without an account once the retention "
        "period (SCHOOL_PERSONAL_DATA_RETENTION_YEARS) has passed: a person goes when every "
        "record of their support (days attended, registrations, coaching, supervision, "
        "events trained at) belongs to a project that ended more than that many years ago. "
        "A record outside any project counts by its own date; a person with no records at "
        "all by the day they were added; a project with no end date keeps its people. "
        "Erasure keeps the row, so reports still count the person and their hours, "
        "anonymously. Account holders are not touched: their data goes with the account. "
        "Running it again erases nobody twice. Each erased person gets one entry in the "
        "audit log (kind: erasure, the person's number, no one named as the actor since no "
        "one asked for it), as a coordinator's erasure does; a dry run writes none. "
        "Reports in Polish."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only say who would be erased; change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        cutoff = retention_cutoff()
        years = _plural(settings.SCHOOL_PERSONAL_DATA_RETENTION_YEARS, "rok", "lata", "lat")
        self.stdout.write(
            f"Okres przechowywania danych: {years}. Usuwane są dane osób, których wsparcie "
            f"należy do projektów zakończonych przed {cutoff:%d.%m.%Y}."
        )
        with transaction.atomic():
            # Row locks where the database has them: a person recorded at a new event
            # while this runs is not erased from under the coordinator.
            expired = list(expired_people().select_for_update().order_by("pk"))
            # Ids only: this output may end up in a log, names must not.
            ids = ", ".join(str(person.pk) for person in expired)
            if not expired:
                self.stdout.write("Nie ma danych osobowych do usunięcia.")
                return
            if dry_run:
                self.stdout.write(
                    f"Próba (--dry-run): usunięto by dane: {_people(len(expired))} "
                    f"(identyfikatory: {ids}). Niczego nie zmieniono."
                )
                return
            erase_people(expired)
            # One entry per person rather than one per run: the log then answers "when and
            # how did this person's data go?" for the number a report or a complaint gives.
            for person in expired:
                audit.record(None, audit.ERASE, person, action=AUDIT_ACTION)
        self.stdout.write(
            f"Usunięto dane osobowe: {_people(len(expired))} (identyfikatory: {ids}). "
            "Ich obecności i godziny nadal liczą się w raportach, anonimowo."
        )
