"""The catalog's text search on PostgreSQL: full-text search with a Polish configuration
built from Debian's hunspell-pl, used by catalog.search when the database is PostgreSQL and
`manage.py setup_polish_search` has prepared it; otherwise the portable LIKE search runs
(and says so once in the log).

What `setup_polish_search` makes (SETUP_SQL, idempotent):

- the `unaccent` and `pg_trgm` extensions (both trusted: the database owner may create
  them; they come with postgresql-contrib);
- the text search dictionary `kooperacja_pl_ispell` (ispell template) from the files
  pl_pl_folded.affix / pl_pl_folded.dict / kooperacja_pl.stop in PostgreSQL's
  `$(pg_config --sharedir)/tsearch_data` directory, written there (as root) by
  `python3 -m catalog.search_dictionary --postgresql /usr/share/hunspell <that dir>`. They
  are Debian's hunspell-pl folded (see catalog/search_dictionary.py: unaccent can only run
  before a dictionary, so the dictionary must know the words without diacritics).
  Debian's own `pg_updatedicts` (postgresql-common) links the unfolded pl_pl.{affix,dict}
  there; we do not use those;
- the configuration `kooperacja_pl`: unaccent, then the dictionary, then `simple` (with the
  same stop words) for words the dictionary does not know;
- generated columns of catalog_service: `search_vector` (the whole document),
  `search_name_vector` (the name, for relevance) and `search_coverage` (the territory as
  words, COVERAGE_SQL), with one GIN index on the document and the territory together; a
  trigram GIN index on `coverage_codes` for the other LIKE '%|…|%' filters of the site;
- what the filters, facets and order need besides, kept in the service's own row so that a
  search reads catalog_service alone (no join to catalog_institution over thousands of
  matches): `search_public` (the service is live and active and its institution live) and
  `search_institution_type`, written by triggers on both tables (FLAGS_SQL), and
  `search_sort_name`, the folded name in the "C" collation (generated).

The dictionary is loaded by each database connection on its first search (about half a
second for the Polish one): connections are kept (CONN_MAX_AGE in settings)."""

import logging

from django.db import connection
from django.db.models import BooleanField, CharField, IntegerField, TextField
from django.db.models.expressions import RawSQL

from catalog.codes import ServiceStatus

logger = logging.getLogger("catalog.search")

CONFIG = "kooperacja_pl"
DICTIONARY = "kooperacja_pl_ispell"
SIMPLE = "kooperacja_pl_simple"
DICTIONARY_FILE = "pl_pl_folded"
STOP_FILE = "kooperacja_pl"
TABLE = "catalog_service"

PUBLIC = "search_public"
KIND = "search_institution_type"
SORT_NAME = "search_sort_name"
COVERAGE = "search_coverage"
_ACCENTED, _PLAIN = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ"

# The flags of a service row that depend on its institution. The database keeps them (a
# service saved by any path, an institution published, withdrawn or retyped by any path,
# even a bulk UPDATE), so no Python code path can forget to. The service's trigger fires
# only when a column it reads is written; the institution's updates only rows that change.
FLAGS_SQL = [
    f"""CREATE OR REPLACE FUNCTION kooperacja_service_search_flags() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        SELECT i.type, NEW.live AND NEW.status = '{ServiceStatus.ACTIVE}' AND i.live
            INTO NEW.{KIND}, NEW.{PUBLIC}
            FROM catalog_institution i WHERE i.id = NEW.institution_id;
        IF NOT FOUND THEN
            -- (the institution comes later in this transaction: its trigger sets these)
            NEW.{KIND} := '';
            NEW.{PUBLIC} := false;
        END IF;
        RETURN NEW;
    END $$""",  # nosec B608 # noqa: S608 (module constants only; no user input)
    f"""CREATE OR REPLACE FUNCTION kooperacja_institution_search_flags() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE {TABLE} s
            SET {KIND} = NEW.type,
                {PUBLIC} = s.live AND s.status = '{ServiceStatus.ACTIVE}' AND NEW.live
            WHERE s.institution_id = NEW.id
                AND (s.{KIND} IS DISTINCT FROM NEW.type OR s.{PUBLIC} IS DISTINCT FROM
                     (s.live AND s.status = '{ServiceStatus.ACTIVE}' AND NEW.live));
        RETURN NULL;
    END $$""",  # nosec B608 # noqa: S608 (module constants only; no user input)
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {KIND} varchar(24) NOT NULL DEFAULT ''",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {PUBLIC} boolean NOT NULL DEFAULT false",
    f"DROP TRIGGER IF EXISTS kooperacja_search_flags ON {TABLE}",
    f"CREATE TRIGGER kooperacja_search_flags BEFORE INSERT OR UPDATE OF live, status, "
    f"institution_id ON {TABLE} FOR EACH ROW EXECUTE FUNCTION kooperacja_service_search_flags()",
    "DROP TRIGGER IF EXISTS kooperacja_search_flags ON catalog_institution",
    "CREATE TRIGGER kooperacja_search_flags AFTER INSERT OR UPDATE OF type, live "
    "ON catalog_institution FOR EACH ROW EXECUTE FUNCTION kooperacja_institution_search_flags()",
    # the rows already there (a no-op when run again: only rows that differ are written)
    f"""UPDATE {TABLE} s SET {KIND} = i.type,
        {PUBLIC} = s.live AND s.status = '{ServiceStatus.ACTIVE}' AND i.live
        FROM catalog_institution i WHERE i.id = s.institution_id
            AND (s.{KIND} IS DISTINCT FROM i.type OR s.{PUBLIC} IS DISTINCT FROM
                 (s.live AND s.status = '{ServiceStatus.ACTIVE}' AND i.live))""",  # nosec B608 # noqa: S608 (module constants only; no user input)
    # The order's key (catalog.search.sort_name: the Polish letters folded, then lower
    # case, compared byte by byte), stored: sorting thousands of matches computed it per row.
    f'ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {SORT_NAME} text COLLATE "C" '
    f"GENERATED ALWAYS AS (lower(translate(name, '{_ACCENTED}', '{_PLAIN}'))) STORED",
]

# The territory as whole words (see `covers`): `e` + each code the service covers, `p` +
# its first two digits and, for a powiat's or gmina's code, its first four. A LIKE on the
# `|code|` text can only be answered by a trigram index that needs every row checked
# again (which read each row's whole text vector as well); these are answered exactly by
# one GIN index together with the text, so a search reads only the rows it finds.
COVERAGE_SQL = [
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COVERAGE}",
    """CREATE OR REPLACE FUNCTION kooperacja_coverage_tokens(codes text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT token ORDER BY token), '{}')
        FROM unnest(string_to_array(codes, '|')) AS code,
            LATERAL (VALUES ('e' || code), ('p' || left(code, 2)),
                (CASE WHEN length(code) >= 4 THEN 'p' || left(code, 4) END)) AS t (token)
        WHERE code <> '' AND token IS NOT NULL
    $$""",
    f"ALTER TABLE {TABLE} ADD COLUMN {COVERAGE} text[] NOT NULL "
    f"GENERATED ALWAYS AS (coalesce(kooperacja_coverage_tokens(coverage_codes), '{{}}')) STORED",
]

SETUP_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {SIMPLE} CASCADE",
    # Before the generated text columns and their index are made again: writing every row
    # of a large catalog while they exist recomputes each document's vector (minutes).
    *FLAGS_SQL,
    *COVERAGE_SQL,
    f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
    f"DictFile = {DICTIONARY_FILE}, AffFile = {DICTIONARY_FILE}, StopWords = {STOP_FILE})",
    f"CREATE TEXT SEARCH DICTIONARY {SIMPLE} (TEMPLATE = simple, StopWords = {STOP_FILE})",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR asciiword, word, numword, "
    "asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart "
    f"WITH unaccent, {DICTIONARY}, {SIMPLE}",
    # (dropping the configuration CASCADE dropped the columns and indexes made from it)
    # The vectors kept in the row (storage MAIN: compressed, moved out only as a last
    # resort), the longer texts moved to TOAST instead: a phrase is checked against each
    # found row's vector, which out of line cost a TOAST index lookup per row (a synonym
    # phrase finds thousands). One statement: the table is rewritten once, with this storage.
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{CONFIG}'::regconfig, search_document)) STORED, "
    "ALTER COLUMN search_vector SET STORAGE MAIN, "
    "ADD COLUMN search_name_vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{CONFIG}'::regconfig, name)) STORED, "
    "ALTER COLUMN search_name_vector SET STORAGE MAIN",
    # One index of the text and the territory: GIN intersects the two inside the index, so
    # common words ("ośrodek pomocy": a third of the catalog) found in one voivodeship cost
    # the rows of that voivodeship, not every row with the words.
    f"CREATE INDEX {TABLE}_search_vector ON {TABLE} USING gin (search_vector, {COVERAGE})",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_coverage_trgm ON {TABLE} "
    "USING gin (coverage_codes gin_trgm_ops)",
    # No trigram index on the problem areas and target groups (as there was): a code is
    # common (a fifth of all services), so its index scan cost more than it saved, and the
    # planner still combined it with the text's; the text or the territory narrow first.
    f"DROP INDEX IF EXISTS {TABLE}_areas_trgm",
    f"DROP INDEX IF EXISTS {TABLE}_targets_trgm",
    # A search reads a few thousand rows at most: starting a parallel worker for that costs
    # more than it saves, the more so on a busy server (seen: 100 ms in Gather Merge).
    f"ALTER TABLE {TABLE} SET (parallel_workers = 0)",
    f"ANALYZE {TABLE}",
]

TEARDOWN_SQL = [
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {SIMPLE} CASCADE",
    f"DROP TRIGGER IF EXISTS kooperacja_search_flags ON {TABLE}",
    "DROP TRIGGER IF EXISTS kooperacja_search_flags ON catalog_institution",
    "DROP FUNCTION IF EXISTS kooperacja_service_search_flags()",
    "DROP FUNCTION IF EXISTS kooperacja_institution_search_flags()",
    f"ALTER TABLE {TABLE} RESET (parallel_workers)",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {KIND}, DROP COLUMN IF EXISTS {PUBLIC}, "
    f"DROP COLUMN IF EXISTS {SORT_NAME}, DROP COLUMN IF EXISTS {COVERAGE}",
    "DROP FUNCTION IF EXISTS kooperacja_coverage_tokens(text)",
]

_READY_SQL = f"""
SELECT count(*) FROM pg_attribute
WHERE attrelid = '{TABLE}'::regclass AND NOT attisdropped
  AND attname IN ('search_vector', 'search_name_vector', '{PUBLIC}', '{KIND}', '{SORT_NAME}',
                  '{COVERAGE}')
"""  # nosec B608 # noqa: S608 (TABLE and the column names are this module's constants)
_READY_COLUMNS = 6

_state = {}  # database name -> bool, checked once per process
_warned = set()


def _key():
    return (connection.alias, connection.settings_dict.get("NAME"))


def available():
    """PostgreSQL with the Polish configuration in place (checked once per process)."""
    if connection.vendor != "postgresql":
        return False
    key = _key()
    if key not in _state:
        with connection.cursor() as cursor:
            cursor.execute(_READY_SQL)
            _state[key] = cursor.fetchone()[0] == _READY_COLUMNS
        if not _state[key] and key not in _warned:
            _warned.add(key)
            logger.warning(
                "PostgreSQL full-text search for the catalog is not set up "
                "(run `manage.py setup_polish_search`); using the LIKE search"
            )
    return _state[key]


def forget():
    """After setup or teardown: check again."""
    _state.clear()
    _warned.clear()


def setup():
    """Make the configuration, the columns and the indexes (SETUP_SQL). Raises the
    database's error when a dictionary file is missing."""
    with connection.cursor() as cursor:
        for statement in SETUP_SQL:
            cursor.execute(statement)
    forget()


def teardown():
    with connection.cursor() as cursor:
        # ALTER TABLE refuses while rows written in this transaction still have deferred
        # foreign-key checks pending: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in TEARDOWN_SQL:
            cursor.execute(statement)
    forget()


def _tsquery(texts):
    """Any of `texts`: a word (plainto_tsquery) or a phrase (phraseto_tsquery)."""
    sql, params = [], []
    for text in texts:
        function = "phraseto_tsquery" if len(text.split()) > 1 else "plainto_tsquery"
        sql.append(f"{function}('{CONFIG}'::regconfig, %s)")
        params.append(text)
    return "(" + " || ".join(sql) + ")", params


def matches(parts):
    """True where every part is found in the document (uses the GIN index)."""
    sql, params = [], []
    for texts in parts:
        part_sql, part_params = _tsquery(texts)
        sql.append(part_sql)
        params.extend(part_params)
    return RawSQL(  # nosec B611 # noqa: S611 (module constants; words are bound)
        f'"{TABLE}"."search_vector" @@ ({" && ".join(sql)})', params, output_field=BooleanField()
    )


def name_score(parts):
    """How many parts are found in the name: the relevance of the database search."""
    sql, params = [], []
    for texts in parts:
        part_sql, part_params = _tsquery(texts)
        sql.append(f'(CASE WHEN "{TABLE}"."search_name_vector" @@ {part_sql} THEN 1 ELSE 0 END)')
        params.extend(part_params)
    return RawSQL(" + ".join(sql), params, output_field=IntegerField())  # nosec B611 # noqa: S611 (module constants; words are bound)


def public():
    """True for a service the public may see (search.public_services), from its own row."""
    return RawSQL(f'"{TABLE}"."{PUBLIC}"', [], output_field=BooleanField())  # nosec B611 # noqa: S611 (module constants; values are bound)


def institution_type():
    return RawSQL(f'"{TABLE}"."{KIND}"', [], output_field=CharField())  # nosec B611 # noqa: S611 (module constants; values are bound)


def institution_type_is(code):
    return RawSQL(f'"{TABLE}"."{KIND}" = %s', [code], output_field=BooleanField())  # nosec B611 # noqa: S611 (module constants; values are bound)


def sort_name():
    """catalog.search.sort_name of the service's name, stored in the row."""
    return RawSQL(f'"{TABLE}"."{SORT_NAME}"', [], output_field=TextField())  # nosec B611 # noqa: S611 (module constants; values are bound)


def covers(code):
    """catalog.search.teryt_q(code) on the territory's words (COVERAGE_SQL): the same
    services, found through the text's GIN index."""
    if len(code) == 2:
        tokens = [f"p{code}"]
    elif len(code) == 4:
        tokens = [f"p{code}", f"e{code[:2]}"]
    else:
        tokens = [f"e{code}", f"e{code[:4]}", f"e{code[:2]}"]
    return RawSQL(f'"{TABLE}"."{COVERAGE}" && %s::text[]', [tokens], output_field=BooleanField())  # nosec B611 # noqa: S611 (module constants; values are bound)
