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
- two generated columns of catalog_service: `search_vector` (the whole document) with a
  GIN index and `search_name_vector` (the name, for relevance), and trigram GIN indexes on
  the `|code|` columns, so that the territory and code filters (LIKE '%|…|%') use an index.

The dictionary is loaded by each database connection on its first search (about half a
second for the Polish one): connections are kept (CONN_MAX_AGE in settings)."""

import logging

from django.db import connection
from django.db.models import BooleanField, IntegerField
from django.db.models.expressions import RawSQL

logger = logging.getLogger("catalog.search")

CONFIG = "kooperacja_pl"
DICTIONARY = "kooperacja_pl_ispell"
SIMPLE = "kooperacja_pl_simple"
DICTIONARY_FILE = "pl_pl_folded"
STOP_FILE = "kooperacja_pl"
TABLE = "catalog_service"

SETUP_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {SIMPLE} CASCADE",
    f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
    f"DictFile = {DICTIONARY_FILE}, AffFile = {DICTIONARY_FILE}, StopWords = {STOP_FILE})",
    f"CREATE TEXT SEARCH DICTIONARY {SIMPLE} (TEMPLATE = simple, StopWords = {STOP_FILE})",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR asciiword, word, numword, "
    "asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart "
    f"WITH unaccent, {DICTIONARY}, {SIMPLE}",
    # (dropping the configuration CASCADE dropped the columns and indexes made from it)
    f"ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{CONFIG}'::regconfig, search_document)) STORED",
    f"ALTER TABLE {TABLE} ADD COLUMN search_name_vector tsvector GENERATED ALWAYS AS "
    f"(to_tsvector('{CONFIG}'::regconfig, name)) STORED",
    f"CREATE INDEX {TABLE}_search_vector ON {TABLE} USING gin (search_vector)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_coverage_trgm ON {TABLE} "
    "USING gin (coverage_codes gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_areas_trgm ON {TABLE} USING gin (areas gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_targets_trgm ON {TABLE} "
    "USING gin (target_groups gin_trgm_ops)",
    f"ANALYZE {TABLE}",
]

TEARDOWN_SQL = [
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY} CASCADE",
    f"DROP TEXT SEARCH DICTIONARY IF EXISTS {SIMPLE} CASCADE",
]

_READY_SQL = f"""
SELECT count(*) FROM pg_attribute
WHERE attrelid = '{TABLE}'::regclass AND NOT attisdropped
  AND attname IN ('search_vector', 'search_name_vector')
"""  # nosec B608 # noqa: S608 (TABLE is this module's constant)

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
            _state[key] = cursor.fetchone()[0] == 2
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
