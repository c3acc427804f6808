#!/usr/bin/env python
"""Search benchmark of the list of activities and services: "a query and two filters".

Runs catalog.search the way the catalog page does (ServiceFilters.from_params, then
search_services with the facet counts, then one page of results read through a Paginator
that takes the count from the facets) on a catalog made by benchmarks/catalog_data.py,
and prints p50 and p95 per case, the number of SQL queries per search and the target:

- SQLite with 10,000 services: p95 under 100 ms;
- PostgreSQL (and Elasticsearch) with 100,000 services: p95 under 50 ms.

    .venv/bin/python benchmarks/catalog_search.py                   # SQLite, 10,000
    .venv/bin/python benchmarks/catalog_search.py --runs 100
    DATABASE_URL=postgres://user@127.0.0.1:5433/bench \\
        .venv/bin/python benchmarks/catalog_search.py --services 100000

The database is an SQLite file under var/ (var/bench-catalog-<N>.sqlite3, made on the
first run and reused) or the one DATABASE_URL names; its catalog is made when it does not
hold exactly N benchmark services. Each case varies the territory from run to run (a
different gmina, powiat or voivodeship each time), so no run repeats the previous one's
query. Times are wall-clock; "CPU p95" is this process's CPU time per search, which for
SQLite (run inside the process) includes the database's work and stays meaningful on a
busy machine. Exit status: 0 when every case meets the target (wall-clock p95), 1 when
one does not."""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalog_data  # noqa: E402

TARGETS = {"sqlite": 100.0, "postgresql": 50.0}  # p95 in milliseconds
WARMUP = 3

# name, parameters; "{gmina}", "{powiat}" and "{voivodeship}" are filled in per run.
CASES = [
    ("starsze + area + powiat", {"q": "osoby starsze", "area": "seniors", "teryt": "{powiat}"}),
    ("seniorzy + target + gmina", {"q": "seniorzy", "target": "seniors", "teryt": "{gmina}"}),
    (
        "uzależnienia + area + voiv.",
        {"q": "uzależnienia", "area": "addiction", "teryt": "{voivodeship}"},
    ),
    (
        "OPS phrase + kind + gmina",
        {"q": "ośrodek pomocy społecznej", "kind": "ops", "teryt": "{gmina}"},
    ),
    (
        "no diacritics + kind + voiv.",
        {"q": "osrodek pomocy", "kind": "ops", "teryt": "{voivodeship}"},
    ),
    (
        "przemoc + target + powiat",
        {"q": "przemoc w rodzinie", "target": "violence", "teryt": "{powiat}"},
    ),
    ("PCPR synonym + area + free", {"q": "PCPR", "area": "disability", "free": "1"}),
    (
        "praca + area + powiat, name",
        {"q": "praca", "area": "unemployment", "teryt": "{powiat}", "sort": "name"},
    ),
    ("area + teryt, no query", {"area": "parenting", "teryt": "{gmina}"}),
    (
        "nothing found + area + voiv.",
        {"q": "hipoterapia", "area": "health", "teryt": "{voivodeship}"},
    ),
]


def territories(seed):
    from catalog.models import Territory

    codes = {"gmina": [], "powiat": [], "voivodeship": []}
    for code, level in Territory.objects.filter(active=True).values_list("code", "level"):
        codes[level].append(code)
    rng = random.Random(seed)
    for values in codes.values():
        values.sort()
        rng.shuffle(values)
    return codes


def fill(params, codes, run):
    filled = {}
    for name, value in params.items():
        if value.startswith("{") and value.endswith("}"):
            level = value[1:-1]
            value = codes[level][run % len(codes[level])]
        filled[name] = value
    return filled


def page_size():
    try:
        from catalog.views import PAGE_SIZE
    except ImportError:  # the page's module is optional here
        return 20
    return PAGE_SIZE


def search_once(params, size):
    """What the catalog page does with the database for one request."""
    from django.core.paginator import Paginator

    from catalog.search import ServiceFilters, search_services

    filters = ServiceFilters.from_params(params)
    result = search_services(filters)
    paginator = Paginator(result.queryset, size)
    paginator.count = result.total
    page = paginator.get_page(filters.page)
    rows = list(page.object_list)
    return result.total, rows


def count_queries(params, size):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        search_once(params, size)
    return len(captured.captured_queries)


def percentile(values, fraction):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def run_case(params, codes, runs, size):
    for run in range(WARMUP):
        search_once(fill(params, codes, runs + run), size)
    timings, cpu, totals = [], [], []
    for run in range(runs):
        filled = fill(params, codes, run)
        started, started_cpu = time.perf_counter(), time.process_time()
        total, _rows = search_once(filled, size)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        totals.append(total)
    return {
        "p50": statistics.median(timings),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "cpu_p95": percentile(cpu, 0.95),
        "results": statistics.median(totals),
        "queries": count_queries(fill(params, codes, 0), size),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, help="10,000 on SQLite, 100,000 otherwise")
    parser.add_argument("--runs", type=int, default=50, help="measured searches per case")
    parser.add_argument("--database", help="database URL (default: DATABASE_URL or var/)")
    parser.add_argument("--rebuild", action="store_true", help="make the catalog again")
    parser.add_argument("--seed", type=int, default=catalog_data.SEED)
    args = parser.parse_args(argv)
    url = args.database or os.environ.get("DATABASE_URL") or ""
    services = args.services or (10_000 if not url or url.startswith("sqlite") else 100_000)
    catalog_data.prepare(services, args.database, rebuild=args.rebuild)

    from django.db import connection

    vendor = connection.vendor
    target = TARGETS.get(vendor)
    codes = territories(args.seed)
    size = page_size()
    print(f"\nCatalog search: {services:,} services, {catalog_data.describe_database()}")
    print(f"{args.runs} searches per case after {WARMUP} warm-up ones, page of {size} rows")
    print(f"{catalog_data.machine_load()}\n")
    header = (
        f"{'case':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'CPU p95':>8} "
        f"{'results':>8} {'SQL':>4}"
    )
    print(header)
    print("-" * len(header))
    failed = []
    for name, params in CASES:
        figures = run_case(params, codes, args.runs, size)
        print(
            f"{name:<32} {figures['p50']:>8.1f} {figures['p95']:>8.1f} {figures['max']:>8.1f} "
            f"{figures['cpu_p95']:>8.1f} {figures['results']:>8.0f} {figures['queries']:>4}"
        )
        if target is not None and figures["p95"] >= target:
            failed.append(name)
    print(f"\n{catalog_data.machine_load()}")
    if target is None:
        print(f"No target for {vendor}.")
        return 0
    print(
        f"Target ({vendor}, {services:,} services): p95 under {target:.0f} ms in every case: "
        + ("met." if not failed else f"NOT met in {len(failed)}: {', '.join(failed)}.")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
