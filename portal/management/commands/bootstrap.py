from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo import DEMO_PASSWORD, Report

# Each app adds its part of the demo site in its own demo.py, in this order.
DEMO_MODULES = [
    "portal.demo",
    "catalog.demo",
    "portal.demo_content",
    "news.demo",
    "school.demo",
    "school.demo_records",
    "portal.demo_menu",
]


class Command(BaseCommand):
    help = "Builds the demo site (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        report = Report(self.stdout if options["verbosity"] > 1 else None)
        accounts = []
        with transaction.atomic():
            for name in DEMO_MODULES:
                accounts += import_module(name).build(report) or []
        if report.created:
            self.stdout.write(f"Demo site: created {len(report.created)} objects.")
        else:
            self.stdout.write("Demo site: already complete, nothing changed.")
        if accounts:
            self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
            for username, role in accounts:
                self.stdout.write(f"  {username:<12} {role}")
