"""The catalog's part of the demo site. The territory comes with the migrations; a database
that was emptied since (a flushed test database, say) gets the shipped register again."""

from catalog.models import Territory
from catalog.territory import load_shipped_register


def build(report):
    if not Territory.objects.exists():
        counts = load_shipped_register(Territory)
        report.add(f"territory ({counts['created']} units)")
