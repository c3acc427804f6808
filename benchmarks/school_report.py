#!/usr/bin/env python
"""Speed of the report of hours on the records of benchmarks/school_records_data.py
(50,000 people, 1,000,000 attendance rows, 20,000 coaching sessions): the year's report
with filters, as the report page computes it (the summary and a breakdown from one reading
of the attendance, checked once against the two computed apart), and the CSV breakdown by
person streamed as the download streams it, with its peak Python memory.

    .venv/bin/python benchmarks/school_report.py                 # SQLite, var/bench-records
    .venv/bin/python benchmarks/school_report.py --runs 20
    DATABASE_URL=postgres://postgres@127.0.0.1:5433/bench .venv/bin/python \\
        benchmarks/school_report.py

The records are generated first when the database has none. Times are in-process (no HTTP
server): what the ledger and the database cost. The target of the issue: a year's report
with filters under 1 s on PostgreSQL."""

import argparse
import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import school_records_data  # noqa: E402

TARGET_SECONDS = 1.0
YEAR = 2021


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def cases():
    """(name, filters, breakdown) of what is measured: the page's default (the whole year by
    project), and the year with filters of each kind."""
    from portal.models import User
    from school.ledger import LedgerFilters
    from school.models import Person, Project

    year = {"date_from": datetime.date(YEAR, 1, 1), "date_to": datetime.date(YEAR, 12, 31)}
    project = Project.objects.get(code=f"{school_records_data.PREFIX}{YEAR}")
    trainer = Person.objects.filter(trained_events__isnull=False).order_by("pk").first()
    coach = User.objects.filter(username__startswith=f"{school_records_data.PREFIX}coach-").first()
    return [
        ("year, by project", LedgerFilters(**year), "project"),
        ("year, by voivodeship", LedgerFilters(**year), "voivodeship"),
        (
            "year + project + woj. 26, by powiat",
            LedgerFilters(**year, project=project, territory="26"),
            "powiat",
        ),  # fmt: skip
        (
            "year + two-day workshops + powiat, by gmina",
            LedgerFilters(**year, support="two_day_workshop", territory="2604"),
            "gmina",
        ),  # fmt: skip
        ("year + trainer, by provider", LedgerFilters(**year, trainer=trainer), "provider"),
        ("year + coach, by project", LedgerFilters(**year, coach=coach), "project"),
        (
            "year + coaching only, by voivodeship",
            LedgerFilters(**year, support="coaching"),
            "voivodeship",
        ),  # fmt: skip
    ]


def page_work(filters, by):
    """What the report page computes: the summary and up to 100 rows of the breakdown, from
    one reading of the attendance (ledger.page). The filters are made anew, as each request
    makes them (nothing cached between runs)."""
    import dataclasses
    import itertools

    from school import ledger

    filters = dataclasses.replace(filters)
    report, rows = ledger.page(filters, by)
    return report, list(itertools.islice(rows, 100))


def check_page(filters, by):
    """At scale too, ledger.page gives what report() and breakdown() give apart: every
    figure and every row. Raises AssertionError otherwise."""
    from school import ledger

    report, rows = ledger.page(filters, by)
    if report.as_dict() != ledger.report(filters).as_dict():
        raise AssertionError("ledger.page: the summary differs from ledger.report")
    if [vars(row) for row in rows] != [vars(row) for row in ledger.breakdown(filters, by)]:
        raise AssertionError("ledger.page: the breakdown differs from ledger.breakdown")


def measure(runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = []
    for name, filters, by in cases():
        check_page(filters, by)  # also the warm-up: the database's cache, the connection
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            report, _rows = page_work(filters, by)
            timings.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as captured:
            page_work(filters, by)
        results.append(
            (
                name,
                statistics.median(timings),
                percentile(timings, 0.95),
                len(captured.captured_queries),
                report,
            )
        )
    return results


def measure_csv():
    """The CSV of the year broken down by person, produced line by line as the download
    is: its time, size and the peak of Python memory while it streams. Timed once without
    tracemalloc (which slows Python several times over), then streamed again under it for
    the peak."""
    from school import admin_reports, exports, ledger
    from school.ledger import LedgerFilters

    filters = LedgerFilters(
        date_from=datetime.date(YEAR, 1, 1), date_to=datetime.date(YEAR, 12, 31)
    )
    by = ledger.BY_PERSON

    def stream():
        lines = size = 0
        rows = (admin_reports.breakdown_values(by, r) for r in ledger.breakdown(filters, by))
        for line in exports.csv_lines(admin_reports.breakdown_header(by), rows):
            size += len(line.encode("utf-8"))
            lines += 1
        return lines, size

    started = time.perf_counter()
    lines, size = stream()
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    stream()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, lines, size, peak


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs per case")
    parser.add_argument("--database", help="database URL (default: DATABASE_URL or var/)")
    args = parser.parse_args(argv)
    school_records_data.prepare(args.database)

    from django.db import connection

    from school.models import Attendance, CoachingSession, Person

    print(f"\nReport of hours: {school_records_data.describe_database()}")
    print(f"load average (1, 5, 15 min) before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{Person.objects.count():,} people, {Attendance.objects.count():,} attendance rows, "
        f"{CoachingSession.objects.count():,} coaching sessions; year {YEAR}; "
        f"{args.runs} runs per case after a warm-up"
    )
    header = f"{'case':<46} {'p50 s':>7} {'p95 s':>7} {'SQL':>4}  events  person-hours"
    print(header)
    print("-" * len(header))
    slow = []
    for name, p50, p95, queries, report in measure(args.runs):
        print(
            f"{name:<46} {p50:>7.3f} {p95:>7.3f} {queries:>4}  {report.events:>6}  "
            f"{report.person_hours_total:>12}"
        )
        if p95 >= TARGET_SECONDS:
            slow.append(name)
    print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    elapsed, lines, size, peak = measure_csv()
    print(
        f"\nCSV by person, year {YEAR}: {lines:,} lines, {size / 1e6:.1f} MB in {elapsed:.2f} s; "
        f"peak Python memory while streaming {peak / 1e6:.1f} MB"
    )
    print(
        f"\nTarget ({connection.vendor}): p95 under {TARGET_SECONDS:.0f} s in every case: "
        + ("met." if not slow else f"NOT met in {len(slow)}: {', '.join(slow)}.")
    )
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
