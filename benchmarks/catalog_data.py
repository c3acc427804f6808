#!/usr/bin/env python
"""A large made-up catalog for the search and import benchmarks: N services (100,000 by
default) of institutions in all 2,477 gminas of the TERC register.

The texts are those of the demo catalog (catalog.demo_data): every gmina gets the full set
of local institutions of the demo's Świętokrzyskie gminas, every powiat its PCPR, labour
office, police, clinic, court, hospital and the rest, every voivodeship its regional
bodies; powiat and voivodeship services cover their whole unit. From that plan (about
87,000 services of 44,000 institutions) whole institutions are drawn at random with a
fixed seed until there are N services, so a smaller catalog is spread over all gminas too;
above the plan's size, branches ("filia nr 2") repeat it. Search text
and coverage codes are computed in memory by catalog.search and written with the rows in
bulk, as `reindex_services()` would write them.

Rows are marked with external ids starting `bench-`; an existing benchmark catalog of
another size is removed first. Nothing but the chosen database is touched.

    .venv/bin/python benchmarks/catalog_data.py                      # 100,000 services
    .venv/bin/python benchmarks/catalog_data.py --services 10000
    DATABASE_URL=postgres://user@127.0.0.1:5433/bench \\
        .venv/bin/python benchmarks/catalog_data.py --services 100000

Without DATABASE_URL the database is an SQLite file, var/bench-catalog-<N>.sqlite3, made
(migrated) when missing. It takes minutes for 100,000 services (most of it the Polish
normalisation of the texts), seconds for 10,000. catalog_search.py and catalog_import.py
call `prepare()` from here."""

import argparse
import os
import random
import secrets
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PREFIX = "bench-"
DEFAULT_SERVICES = 100_000
SEED = 2477
BATCH = 2_000


def log(message):
    print(message, file=sys.stderr, flush=True)


def default_database(services):
    return f"sqlite:///{ROOT / 'var' / f'bench-catalog-{services}.sqlite3'}"


def setup_django(database_url):
    """Production-like settings (benchmarks.settings, DEBUG off) on the given database,
    with a throwaway secret; Elasticsearch and Redis are left out: the search under test
    is the database one, and the cache is the process's own."""
    (ROOT / "var").mkdir(exist_ok=True)
    os.chdir(ROOT)
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(48)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    for name in ("ELASTICSEARCH_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()


def describe_database():
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version} ({connection.settings_dict['NAME']})"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return f"{connection.vendor} {version}"


def machine_load():
    """The load average beside the number of cores: a busy machine (other processes,
    a test suite) slows every figure down, and the reader should know."""
    cores = os.cpu_count() or 1
    one, five, _fifteen = os.getloadavg()
    note = "  (busy machine: figures are slower than on an idle one)" if one > cores * 0.75 else ""
    return f"load average {one:.1f} / {five:.1f} on {cores} cores{note}"


# --- the plan -----------------------------------------------------------------------------


def _units():
    from catalog.demo_catalog import Unit
    from catalog.models import Territory

    territories = {t.code: t for t in Territory.objects.filter(active=True)}
    units = {code: Unit(code, t.kind, t.name) for code, t in territories.items()}
    return territories, units


def _powiat_seat(powiat, gminas):
    """The gmina where a powiat's offices stand: the known seat, else the powiat's first
    town (an urban or urban-rural gmina), else its first gmina."""
    from catalog import demo_data

    known = demo_data.POWIAT_SEATS.get(powiat)
    if known:
        return known
    towns = [code for code, kind in gminas if kind in ("urban", "urban_rural")]
    return (towns or [code for code, _kind in gminas])[0]


def _regional_bodies(voivodeship, name):
    """The voivodeship bodies of the demo, named for any voivodeship."""
    from catalog import demo_data

    if voivodeship == "26":
        return demo_data.SWIETOKRZYSKIE_BODIES
    region = name.lower()
    bodies = []
    for body in demo_data.SWIETOKRZYSKIE_BODIES:
        base = body.name.replace(" w Kielcach", "").replace(" Województwa Świętokrzyskiego", "")
        bodies.append(replace(body, name=f"{base} – województwo {region}"))
    return bodies


def full_plan(territories, units):
    """Every gmina, powiat and voivodeship with the demo's institutions, in code order."""
    from catalog import demo_catalog, demo_data

    gminas = sorted(code for code, t in territories.items() if t.level == "gmina")
    by_powiat = {}
    for code in gminas:
        by_powiat.setdefault(code[:4], []).append((code, units[code].kind))
    extras = ("sds", "wtz", "jadlodajnia")
    plans = []
    for index, code in enumerate(gminas):
        kinds = list(demo_data.GMINA_FULL)
        kinds.append(demo_data.NGO_POOL[index % len(demo_data.NGO_POOL)])
        kinds += [extras[index % 9]] if index % 9 < len(extras) else []
        for key in kinds:
            plans.append(demo_catalog._institution(demo_data.KINDS[key], code, code, units, False))
    powiat_extras = ("dps", "oik", "przystan", "lgd")
    for index, (powiat, members) in enumerate(sorted(by_powiat.items())):
        if powiat not in units:
            continue
        seat = _powiat_seat(powiat, members)
        kinds = list(demo_data.POWIAT_FULL) + [powiat_extras[index % len(powiat_extras)]]
        if units[powiat].kind == "city_powiat":
            kinds.remove("pcpr")  # the city's own centre does this work
        for key in kinds:
            kind = demo_data.KINDS[key]
            plans.append(demo_catalog._institution(kind, powiat, seat, units, False))
    for voivodeship in sorted(code for code, t in territories.items() if t.level == "voivodeship"):
        towns = [code for code in gminas if code.startswith(voivodeship) and code[2:4] >= "61"]
        seat = towns[0] if towns else next(c for c in gminas if c.startswith(voivodeship))
        for body in _regional_bodies(voivodeship, units[voivodeship].name):
            plans.append(demo_catalog._body(replace(body, seat=seat), units, voivodeship))
    return plans


def select(plans, services, seed=SEED):
    """N (institution plan, service plan, copy) triples. Whole institutions are drawn from
    the plan with a fixed seed (the last one cut to make N exactly), so a small catalog
    is spread over the whole country; a catalog larger than the plan repeats it in
    numbered branches first."""
    chosen = []
    copy = 1
    size = sum(len(plan.services) for plan in plans)
    while len(chosen) + size <= services:
        chosen += [(plan, service, copy) for plan in plans for service in plan.services]
        copy += 1
    order = list(plans)
    random.Random(seed).shuffle(order)
    for plan in order:
        if len(chosen) >= services:
            break
        rest = services - len(chosen)
        chosen += [(plan, service, copy) for service in plan.services[:rest]]
    return chosen


# --- writing -------------------------------------------------------------------------------


def clear(stdout=log):
    """Remove an earlier benchmark catalog (rows with `bench-` ids) without signals."""
    from catalog.models import Institution, Service

    through = Service.coverage.through
    services = Service.objects.filter(external_id__startswith=PREFIX)
    if (
        not services.exists()
        and not Institution.objects.filter(external_id__startswith=PREFIX).exists()
    ):
        return
    stdout("removing the earlier benchmark catalog ...")
    through.objects.filter(service__external_id__startswith=PREFIX)._raw_delete("default")
    services._raw_delete("default")
    Institution.objects.filter(external_id__startswith=PREFIX)._raw_delete("default")


def _suffix(copy):
    return "" if copy == 1 else f"-k{copy}"


def generate(services=DEFAULT_SERVICES, seed=SEED, stdout=log):
    """Write a catalog of `services` services; returns a dict of figures."""
    from django.db import transaction
    from django.utils import timezone

    from catalog import demo_catalog, polish
    from catalog.models import Institution, Service
    from catalog.search import service_document
    from portal.demo import Report

    started = time.perf_counter()
    territories, units = _units()
    plans = full_plan(territories, units)
    chosen = select(plans, services, seed)
    stdout(
        f"plan: {sum(len(p.services) for p in plans):,} services of {len(plans):,} "
        f"institutions; drawing {len(chosen):,}"
    )
    today = timezone.localdate()
    now = timezone.now()
    clear(stdout)
    demo_catalog.ensure_synonyms(Report())
    polish.forget_synonyms()
    synonyms = polish.synonyms()
    through = Service.coverage.through
    institutions = {}
    written = 0
    for start in range(0, len(chosen), BATCH):
        batch = chosen[start : start + BATCH]
        with transaction.atomic():
            new = []
            for plan, _service, copy in batch:
                key = (plan.external_id, copy)
                if key in institutions:
                    continue
                institution = Institution(
                    external_id=PREFIX + plan.external_id.removeprefix("demo-") + _suffix(copy),
                    name=plan.name if copy == 1 else f"{plan.name} – filia nr {copy}",
                    type=plan.type,
                    description=plan.description,
                    gmina=territories[plan.gmina],
                    address=plan.address,
                    postal_code=plan.postal_code,
                    locality=plan.locality,
                    latitude=plan.latitude,
                    longitude=plan.longitude,
                    phone=plan.phone,
                    email=plan.email,
                    website=plan.website,
                    opening_hours=plan.opening_hours,
                    last_verified=demo_catalog._verified(plan.verified_days_ago, today),
                    is_demo=True,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                institutions[key] = institution
                new.append(institution)
            Institution.objects.bulk_create(new)
            rows, coverage = [], []
            for plan, s, copy in batch:
                institution = institutions[(plan.external_id, copy)]
                covered = [territories[code] for code in s.coverage if code in territories]
                place = covered or [institution.gmina]
                service = Service(
                    external_id=PREFIX + s.external_id.removeprefix("demo-") + _suffix(copy),
                    institution=institution,
                    coverage_codes="|" + "|".join(sorted(t.code for t in place)) + "|",
                    **demo_catalog.service_fields(s, today, now),
                )
                service.search_text = service_document(service, synonyms, place)
                rows.append(service)
                coverage.append(covered)
            Service.objects.bulk_create(rows)
            through.objects.bulk_create(
                [
                    through(service_id=service.pk, territory_id=territory.pk)
                    for service, covered in zip(rows, coverage, strict=True)
                    for territory in covered
                ]
            )
        written += len(rows)
        if written % 10_000 < BATCH or written == len(chosen):
            stdout(f"  {written:,} services ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    return {"services": written, "institutions": len(institutions), "seconds": seconds}


def check_index(sample=25, seed=SEED):
    """Recompute a few services' search text the way the site does and compare: the
    benchmark must measure the same index the site would have."""
    from catalog.models import Service
    from catalog.search import _coverage, service_document

    ids = list(Service.objects.filter(external_id__startswith=PREFIX).values_list("pk", flat=True))
    picked = random.Random(seed).sample(ids, min(sample, len(ids)))
    services = Service.objects.filter(pk__in=picked).select_related(
        "institution", "institution__gmina", "gmina"
    )
    wrong = 0
    for service in services.prefetch_related("coverage"):
        units, codes = _coverage(service)
        if service_document(service, units=units) != service.search_text:
            wrong += 1
        if codes != service.coverage_codes:
            wrong += 1
    return wrong


def existing_count():
    from catalog.models import Service

    return Service.objects.filter(external_id__startswith=PREFIX).count()


def prepare(services, database_url=None, rebuild=False, stdout=log):
    """Django set up on the benchmark database, migrated, holding exactly `services`
    benchmark services (made when missing). Returns the database URL used."""
    database_url = database_url or os.environ.get("DATABASE_URL") or default_database(services)
    setup_django(database_url)
    from django.core.management import call_command

    stdout(f"database: {describe_database()}")
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    if time.perf_counter() - started > 2:
        stdout(f"migrated in {time.perf_counter() - started:.0f} s")
    have = existing_count()
    if have == services and not rebuild:
        stdout(f"reusing {have:,} benchmark services")
        return database_url
    figures = generate(services, stdout=stdout)
    stdout(
        f"made {figures['services']:,} services of {figures['institutions']:,} institutions "
        f"in {figures['seconds']:.0f} s"
    )
    wrong = check_index()
    if wrong:
        stdout(f"WARNING: {wrong} sampled index entries differ from what the site computes")
    return database_url


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--services", type=int, default=DEFAULT_SERVICES)
    parser.add_argument("--rebuild", action="store_true", help="make the data even if present")
    parser.add_argument("--database", help="database URL (default: DATABASE_URL or var/)")
    args = parser.parse_args(argv)
    prepare(args.services, args.database, rebuild=args.rebuild)
    return 0


if __name__ == "__main__":
    sys.exit(main())
