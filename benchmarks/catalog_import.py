#!/usr/bin/env python
"""Import benchmark: a 10,000-row CSV in the import format, timed through
catalog.importer.import_services, against the target of 30 s.

The file is written from the benchmark catalog's plan (benchmarks/catalog_data.py): whole
institutions drawn at random across the country with all their services, the contact data
of the demo (invented, reserved numbers and domains), every column of the format filled.
It is imported twice: first into a catalog without these entries (all rows new), then
again (every row unchanged: the idempotent re-import of the same file). Both runs happen
inside one transaction that is rolled back at the end, so the database is left as it was.

    .venv/bin/python benchmarks/catalog_import.py
    .venv/bin/python benchmarks/catalog_import.py --rows 20000 --keep-file
    DATABASE_URL=postgres://user@127.0.0.1:5433/bench .venv/bin/python benchmarks/catalog_import.py

The database is var/bench-catalog-import.sqlite3 (made when missing) or the one
DATABASE_URL names. Exit status: 0 when the first import meets the target and reports no
bad row, 1 otherwise."""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalog_data  # noqa: E402

TARGET_SECONDS = 30.0
PREFIX = "import-"


def write_csv(path, rows, seed=catalog_data.SEED):
    """Write `rows` services in the import format; returns the number of institutions."""
    from django.utils import timezone

    from catalog.importer import COLUMNS

    territories, units = catalog_data._units()
    plans = catalog_data.full_plan(territories, units)
    chosen = catalog_data.select(plans, rows, seed)
    today = timezone.localdate()
    institutions = set()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(COLUMNS)
        for plan, service, copy in chosen:
            suffix = catalog_data._suffix(copy)
            institution_id = PREFIX + plan.external_id.removeprefix("demo-") + suffix
            institutions.add(institution_id)
            verified = today.toordinal() - service.verified_days_ago
            values = {
                "service_id": PREFIX + service.external_id.removeprefix("demo-") + suffix,
                "institution_id": institution_id,
                "institution_name": plan.name if copy == 1 else f"{plan.name} – filia nr {copy}",
                "institution_type": plan.type,
                "service_name": service.name,
                "kind": service.kind,
                "description": service.description,
                "areas": "|".join(service.areas),
                "target_groups": "|".join(service.target_groups),
                "teryt": plan.gmina,
                "address": plan.address,
                "postal_code": plan.postal_code,
                "locality": plan.locality,
                "phone": plan.phone,
                "email": plan.email,
                "website": plan.website,
                "cost": service.cost,
                "access": service.access,
                "latitude": "" if plan.latitude is None else str(plan.latitude),
                "longitude": "" if plan.longitude is None else str(plan.longitude),
                "last_verified": type(today).fromordinal(verified).isoformat(),
            }
            writer.writerow([values[column] for column in COLUMNS])
    return len(institutions)


def timed_import(path):
    """Wall-clock and CPU seconds of one import: on a busy machine the two differ, and
    the CPU time says what the import itself costs."""
    from catalog.importer import import_services

    started, cpu = time.perf_counter(), time.process_time()
    report = import_services(path)
    return time.perf_counter() - started, time.process_time() - cpu, report


def describe(report):
    return (
        f"institutions {report.institutions_created} new / {report.institutions_updated} "
        f"changed / {report.institutions_unchanged} unchanged, services "
        f"{report.services_created} new / {report.services_updated} changed / "
        f"{report.services_unchanged} unchanged, {len(report.errors)} errors"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database", help="database URL (default: DATABASE_URL or var/)")
    parser.add_argument("--keep-file", action="store_true", help="keep the CSV, print its path")
    args = parser.parse_args(argv)
    url = (
        args.database
        or os.environ.get("DATABASE_URL")
        or f"sqlite:///{catalog_data.ROOT / 'var' / 'bench-catalog-import.sqlite3'}"
    )
    catalog_data.setup_django(url)
    from django.core.management import call_command
    from django.db import transaction

    catalog_data.log(f"database: {catalog_data.describe_database()}")
    call_command("migrate", interactive=False, verbosity=0)

    directory = Path(tempfile.mkdtemp(prefix="kooperacja-import-"))
    path = directory / f"services-{args.rows}.csv"
    started = time.perf_counter()
    institutions = write_csv(path, args.rows)
    size = path.stat().st_size
    catalog_data.log(
        f"wrote {args.rows:,} rows of {institutions:,} institutions "
        f"({size / 1_000_000:.1f} MB) in {time.perf_counter() - started:.1f} s"
    )
    with transaction.atomic():
        first_seconds, first_cpu, first = timed_import(path)
        second_seconds, second_cpu, second = timed_import(path)
        transaction.set_rollback(True)
    if args.keep_file:
        catalog_data.log(f"the file: {path}")
    else:
        path.unlink()
        directory.rmdir()

    print(f"\nCatalog import: {args.rows:,} rows, {catalog_data.describe_database()}")
    print(f"{catalog_data.machine_load()}\n")
    print(f"{'':<24} {'wall s':>7} {'CPU s':>7} {'rows/s':>9}")
    for label, seconds, cpu, report in (
        ("first import (all new)", first_seconds, first_cpu, first),
        ("same file again", second_seconds, second_cpu, second),
    ):
        print(f"{label:<24} {seconds:7.1f} {cpu:7.1f} {args.rows / seconds:9,.0f}")
        print(f"{'':<24} {describe(report)}")
    met = first.ok and first.services_created == args.rows and first_seconds < TARGET_SECONDS
    changed_again = second.services_created + second.services_updated
    print(
        f"\nTarget: {args.rows:,} rows imported in under {TARGET_SECONDS:.0f} s: "
        + ("met." if met else "NOT met.")
        + ("" if not changed_again else f" (the second run changed {changed_again} services)")
    )
    for error in first.errors[:10]:
        print(f"  {error}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
