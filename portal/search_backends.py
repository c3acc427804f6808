"""Our Elasticsearch backend: Wagtail's elasticsearch8 backend with a Polish analysis chain.

The chain (`POLISH_ANALYSIS`) uses only what every Elasticsearch 8 server has built in: the
standard tokenizer and the lowercase, stop and hunspell filters. The minimal distribution
that CI takes from Maven Central has nothing more (no asciifolding, synonym or n-gram
filters: those live in the analysis-common module, which Maven Central does not carry), and
a chain that runs there runs on any full installation too. So:

- inflection: hunspell with the Polish dictionary of Debian's hunspell-pl, folded
  (catalog/search_dictionary.py; each node needs config/hunspell/pl_PL_folded);
- diacritics: every text and every query is folded by catalog.polish.fold before it is
  sent (the mapping and the query compiler below), the same folding as the database
  search, so `osrodek` finds `ośrodkiem` and the folded dictionary stems both;
- stop words: catalog.polish.STOP_WORDS;
- synonyms: the catalog's synonym groups (SynonymGroup, edited in the admin) are applied
  to the query by catalog.search_elasticsearch: a phrase of a group becomes "any term of the
  group". Nothing about them is stored in the index, so a change in the admin needs no
  reindexing and counts from the next search on.

It is the default analyzer of every index, so page search is Polish-aware as well. There
is no n-gram filter, so Wagtail's autocomplete matches whole words only."""

import copy

from modelsearch.query import Fuzzy, Phrase, PlainText
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)
from wagtail.search.index import AutocompleteField, SearchField

from catalog.polish import STOP_WORDS, fold

HUNSPELL_LOCALE = "pl_PL_folded"

_POLISH_CHAIN = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": ["lowercase", "polish_stop", "polish_hunspell"],
}

POLISH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "polish_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                "polish_hunspell": {
                    "type": "hunspell",
                    "locale": HUNSPELL_LOCALE,
                    # one token per stem even when several affix rules lead to it
                    "dedup": True,
                    # the dictionary's proper nouns (Kielce, Łopuszno) have capitals
                    "ignore_case": True,
                },
            },
            "analyzer": {
                "default": _POLISH_CHAIN,
                "polish": _POLISH_CHAIN,
                # Wagtail's mapping names these two; without n-gram filters they are plain
                # lower-cased words.
                "ngram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase"],
                },
            },
        },
        "index": {"number_of_replicas": 0},
    }
}


def fold_text(value):
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, (list, tuple)):
        return [fold_text(item) for item in value]
    return value


class PolishMapping(Elasticsearch8Mapping):
    """Text of search fields folded before it is sent (filter fields keep their values)."""

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)):
            value = fold_text(value)
            edgengrams = fold_text(edgengrams)
        return name, value, edgengrams


def _folded_query(query):
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        query = copy.copy(query)
        query.query_string = fold(query.query_string)
    return query


class FoldingCompilerMixin:
    """Every text query folded, whichever way Wagtail compiles it."""

    mapping_class = PolishMapping

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        return super()._compile_plaintext_query(_folded_query(query), fields, boost)

    def _compile_fuzzy_query(self, query, fields):
        return super()._compile_fuzzy_query(_folded_query(query), fields)

    def _compile_phrase_query(self, query, fields):
        return super()._compile_phrase_query(_folded_query(query), fields)


class PolishQueryCompiler(FoldingCompilerMixin, Elasticsearch8SearchQueryCompiler):
    pass


class PolishAutocompleteQueryCompiler(
    FoldingCompilerMixin, Elasticsearch8AutocompleteQueryCompiler
):
    pass


class PolishIndex(Elasticsearch8Index):
    """With REFRESH on (tests), every write is searchable when the call returns."""

    def exists(self):
        # modelsearch passes the name positionally, which the 8.x client refuses
        return bool(self.es.indices.exists(index=self.name))

    def _written(self):
        if self.backend.refresh_after_write:
            self.refresh()

    def add_item(self, item):
        super().add_item(item)
        self._written()

    def add_items(self, model, items):
        super().add_items(model, items)
        self._written()

    def delete_item(self, item):
        super().delete_item(item)
        self._written()


class PolishElasticsearchBackend(Elasticsearch8SearchBackend):
    """Wagtail's options, and REFRESH (bool): every write is searchable when it returns."""

    settings = POLISH_ANALYSIS
    mapping_class = PolishMapping
    index_class = PolishIndex
    query_compiler_class = PolishQueryCompiler
    autocomplete_query_compiler_class = PolishAutocompleteQueryCompiler

    def __init__(self, params):
        params = dict(params)
        self.refresh_after_write = bool(params.pop("REFRESH", False))
        # Wagtail copies `settings` (ours replace its defaults, which name filters that
        # the minimal server lacks) and merges INDEX_SETTINGS into the copy.
        super().__init__(params)


SearchBackend = PolishElasticsearchBackend
