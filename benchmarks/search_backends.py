#!/usr/bin/env python
"""Catalog search on PostgreSQL and on Elasticsearch, side by side: the query set of
benchmarks/catalog_search.py ("a query and two filters", each run with a different
territory) on one catalog of 100,000 services, through each engine the site can use:

- PG LIKE: the portable search (a LIKE per normalised token), as without the Polish
  configuration;
- PG FTS: PostgreSQL's full-text search with the Polish configuration
  (catalog/search_postgresql.py; set up here with `setup_polish_search` when missing);
- ES: Elasticsearch (catalog/search_elasticsearch.py), its index built from the same
  database when it does not hold exactly the catalog's services.

Each search is what the catalog page does: ServiceFilters.from_params, the facet counts,
one page of rows read through a Paginator. Prints p50/p95 per case and engine and the
target: p95 under 50 ms on PG FTS and on ES. Needs a PostgreSQL database and, for ES, a
server (the script below starts a throwaway one):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
        .ci/with-elasticsearch .venv/bin/python benchmarks/search_backends.py

Options: --runs (searches per case and engine, 50), --like-runs (10; 0 leaves PG LIKE
out), --warmup-rounds (2 untimed rounds of every case first), --services (100,000).
Exit status 0 when PG FTS and ES meet the target in every case.

Last measured on 23 November 2026, on the 2-core development machine (load 1.7-2.0), 40
searches per case: every case under 50 ms p95 on both; the slowest p95 was 30.7 ms on PG
FTS (no diacritics + kind + voivodeship, 1,153 results) and 37.5 ms on ES."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalog_data  # noqa: E402
import catalog_search  # noqa: E402

TARGET = 50.0  # ms, p95
INDEX_PREFIX = "kooperacja_bench_"


def configure_elasticsearch(url):
    from django.conf import settings

    from catalog import search_elasticsearch

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.search_backends",
            "URLS": [url],
            "INDEX_PREFIX": INDEX_PREFIX,
            "TIMEOUT": 30,
        }
    }
    search_elasticsearch.reset()
    return search_elasticsearch.backend()


def ensure_index(services):
    """The services index, rebuilt when it does not hold exactly the catalog's services."""
    from catalog import search_elasticsearch
    from catalog.models import Service

    backend = search_elasticsearch.backend()
    index = backend.get_index_for_model(Service)
    have = backend.es.count(index=index.name)["count"] if index.exists() else -1
    wanted = Service.objects.count()
    if have == wanted:
        catalog_data.log(f"reusing the Elasticsearch index ({have:,} services)")
        return
    catalog_data.log(f"indexing {wanted:,} services in Elasticsearch ...")
    started = time.perf_counter()
    written = search_elasticsearch.rebuild()
    catalog_data.log(f"indexed {written:,} services in {time.perf_counter() - started:.0f} s")


def ensure_full_text_search():
    from django.core.management import call_command

    from catalog import search_postgresql

    search_postgresql.forget()
    if not search_postgresql.available():
        catalog_data.log("setting up PostgreSQL's Polish full-text search ...")
        started = time.perf_counter()
        call_command("setup_polish_search")
        catalog_data.log(f"set up in {time.perf_counter() - started:.0f} s")


def engines(with_elasticsearch):
    """name -> search(filters): the result of one engine."""
    from catalog import search_elasticsearch, search_postgresql
    from catalog.search import database_search_services

    key = search_postgresql._key()

    def like(filters):
        search_postgresql._state[key] = False
        return database_search_services(filters)

    def fts(filters):
        search_postgresql._state[key] = True
        return database_search_services(filters)

    def elasticsearch(filters):
        result = search_elasticsearch.search_services(filters, facets=True, fallback=None)
        assert isinstance(result.queryset, search_elasticsearch.RankedServices)
        return result

    found = {"PG LIKE": like, "PG FTS": fts}
    if with_elasticsearch:
        found["ES"] = elasticsearch
    return found


def search_once(search, params, size):
    from django.core.paginator import Paginator

    from catalog.search import ServiceFilters

    filters = ServiceFilters.from_params(params)
    result = search(filters)
    paginator = Paginator(result.queryset, size)
    paginator.count = result.total
    rows = list(paginator.get_page(filters.page).object_list)
    return result.total, rows


def run_case(search, params, codes, runs, size):
    for run in range(catalog_search.WARMUP):
        search_once(search, catalog_search.fill(params, codes, runs + run), size)
    timings, totals = [], []
    for run in range(runs):
        filled = catalog_search.fill(params, codes, run)
        started = time.perf_counter()
        total, _rows = search_once(search, filled, size)
        timings.append((time.perf_counter() - started) * 1000)
        totals.append(total)
    return {
        "p50": statistics.median(timings),
        "p95": catalog_search.percentile(timings, 0.95),
        "results": statistics.median(totals),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--like-runs", type=int, default=10)
    parser.add_argument("--warmup-rounds", type=int, default=2, help="untimed rounds first")
    parser.add_argument("--database", help="PostgreSQL URL (default: DATABASE_URL)")
    parser.add_argument("--elasticsearch", help="server URL (default: ELASTICSEARCH_URL)")
    args = parser.parse_args(argv)
    url = args.database or os.environ.get("DATABASE_URL") or ""
    if not url.startswith("postgres"):
        parser.error("a PostgreSQL database is needed: set DATABASE_URL or --database")
    es_url = args.elasticsearch or os.environ.get("ELASTICSEARCH_URL")  # before setup pops it
    catalog_data.prepare(args.services, url)
    ensure_full_text_search()
    if es_url:
        configure_elasticsearch(es_url)
        ensure_index(args.services)
    else:
        catalog_data.log("no ELASTICSEARCH_URL: Elasticsearch left out")

    codes = catalog_search.territories(catalog_data.SEED)
    size = catalog_search.page_size()
    chosen = engines(bool(es_url))
    runs = {name: (args.like_runs if name == "PG LIKE" else args.runs) for name in chosen}
    if not args.like_runs:
        chosen.pop("PG LIKE")
    print(
        f"\nCatalog search by engine: {args.services:,} services, "
        f"{catalog_data.describe_database()}" + (", Elasticsearch" if es_url else "")
    )
    print(
        ", ".join(f"{name}: {runs[name]} searches per case" for name in chosen)
        + f", after {catalog_search.WARMUP} warm-up ones; a page of {size} rows"
    )
    print(f"{catalog_data.machine_load()}\n")
    header = f"{'case':<32}" + "".join(f" {name + ' p50/p95 ms':>22}" for name in chosen)
    header += "  results " + "/".join(chosen)
    print(header)
    print("-" * len(header))
    # A round of every case on every engine first: Elasticsearch's JVM compiles its hot
    # code and PostgreSQL's connection loads the dictionary; a production server is warm.
    for _round in range(args.warmup_rounds):
        for _case_name, params in catalog_search.CASES:
            for search in chosen.values():
                search_once(search, catalog_search.fill(params, codes, 1000 + _round), size)
    failed = []
    for case_name, params in catalog_search.CASES:
        line = f"{case_name:<32}"
        results = []
        for name, search in chosen.items():
            figures = run_case(search, params, codes, runs[name], size)
            line += f" {figures['p50']:>10.1f} /{figures['p95']:>9.1f}"
            results.append(f"{figures['results']:.0f}")
            if name != "PG LIKE" and figures["p95"] >= TARGET:
                failed.append(f"{name}: {case_name}")
        print(line + "  " + "/".join(results), flush=True)
    print(f"\n{catalog_data.machine_load()}")
    measured = [name for name in chosen if name != "PG LIKE"]
    print(
        f"Target: p95 under {TARGET:.0f} ms on {' and '.join(measured)} in every case: "
        + ("met." if not failed else f"NOT met in {len(failed)}: {'; '.join(failed)}.")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
