"""The catalog search on Elasticsearch, used by catalog.search when the default Wagtail search
backend is ours (portal.search_backends): the same filters, facet counts and orders as the
database search, from one index of services.

The index holds each service's document as Service.search_fields describe it (name and
body text, analysed by the Polish chain of portal.search_backends; filter fields as
keywords). A query is built here rather than by Wagtail's query compiler, which has no
facet counts "with every filter but this one" and no territory rule:

- the words of the query (stop words left out) must each be found; a phrase of a synonym
  group found by catalog.polish (`ośrodka pomocy społecznej`, `GOPS`) must match any term
  of the group, as a phrase;
- relevance is the number of those query parts found in the name, then the name, then the
  id: the database search's order;
- the territory is a term or prefix query on the coverage codes.

A search with facets costs one request (the total, the facet counts and the ids of the
page asked for, CATALOG_PAGE_SIZE long) and one query for the rows; another slice costs a
request more. Rows come from the database by id, through `public_services()`, so the
database decides what may be shown. When Elasticsearch does not
answer (an error or the time-out of the backend settings), the caller falls back to the
database search and, for RETRY_AFTER seconds, does not ask Elasticsearch again."""

import logging
import time

from django.conf import settings
from django.db.models import QuerySet

logger = logging.getLogger("catalog.search")

BACKENDS = {"portal.search_backends", "portal.search_backends.PolishElasticsearchBackend"}
RETRY_AFTER = 30.0  # seconds without Elasticsearch after it failed
MAX_WINDOW = 10_000  # Elasticsearch's index.max_result_window
CHUNK = 1_000

_state = {"key": None, "backend": None, "down_until": 0.0}


def configured():
    conf = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
    return conf.get("BACKEND") in BACKENDS


def errors():
    """What a request may raise when the server is down, slow or refuses."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    return (TransportError, ApiError, ConnectionError, TimeoutError)


def backend():
    """One backend (and connection pool) per process and settings."""
    from wagtail.search.backends import get_search_backend

    key = repr(settings.WAGTAILSEARCH_BACKENDS.get("default"))
    if _state["key"] != key:
        _state.update(key=key, backend=get_search_backend("default"), down_until=0.0)
    return _state["backend"]


def active():
    """Configured, and not known to be down."""
    return configured() and time.monotonic() >= _state["down_until"]


def failed(exc, action="search"):
    _state["down_until"] = time.monotonic() + RETRY_AFTER
    logger.warning(
        "Elasticsearch %s failed (%s: %s); the catalog uses the database search for %.0f s",
        action,
        type(exc).__name__,
        str(exc)[:200],
        RETRY_AFTER,
    )


def reset():
    """Forget a failure (tests; an operator who restarted the server)."""
    _state["down_until"] = 0.0


# --- writing -------------------------------------------------------------------------------


def _service_model():
    from catalog.models import Service

    return Service


def index_services(services):
    """Write these services' documents (objects with their institution and places loaded).
    A failure is logged, never raised: the record is saved, `update_index` repairs the index."""
    if not configured() or not services:
        return
    try:
        backend().add_bulk(_service_model(), list(services))
    except errors() as exc:
        logger.warning("Elasticsearch: %d service(s) not indexed: %s", len(services), exc)


def rebuild(batch_size=CHUNK):
    """A new services index with every service, switched in atomically (what `update_index`
    does for all models). Returns how many were written."""
    from catalog.search import _coverage

    Service = _service_model()
    search = backend()
    rebuilder = search.rebuilder_class(search.get_index_for_model(Service))
    index = rebuilder.start()
    index.add_model(Service)
    written = 0
    ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        batch = list(Service.get_indexed_objects().filter(pk__in=ids[start : start + batch_size]))
        for service in batch:
            service._search_units = _coverage(service)[0]
        index.add_items(Service, batch)
        written += len(batch)
    rebuilder.finish()
    index.refresh()
    return written


# --- the query -----------------------------------------------------------------------------


class Columns:
    """Document field names of Service.search_fields, as Wagtail's mapping names them."""

    def __init__(self):
        Service = _service_model()
        mapping = backend().mapping_class(Service)
        self.by_name = {
            field.field_name: mapping.get_field_column_name(field)
            for field in Service.get_search_fields()
        }

    def __getitem__(self, name):
        return self.by_name[name]


def _fold(text):
    from catalog.polish import fold

    return fold(text)


def _text_query(text, fields):
    text = _fold(text)
    if len(text.split()) > 1:
        return {"multi_match": {"query": text, "fields": fields, "type": "phrase"}}
    return {"multi_match": {"query": text, "fields": fields, "operator": "and"}}


def _either(texts, fields):
    return {"bool": {"should": [_text_query(text, fields) for text in texts]}}


def _teryt(code, column):
    if not code:
        return None
    if len(code) == 7:
        return {"terms": {column: [code, code[:4], code[:2]]}}
    if len(code) == 4:
        return {"bool": {"should": [{"prefix": {column: code}}, {"term": {column: code[:2]}}]}}
    return {"prefix": {column: code}}


def _dimensions(filters, col):
    from catalog.codes import Cost

    return {
        "area": {"term": {col["areas"]: filters.area}} if filters.area else None,
        "target": {"term": {col["target_groups"]: filters.target}} if filters.target else None,
        "kind": {"term": {col["search_institution_type"]: filters.kind}} if filters.kind else None,
        "free": {"term": {col["cost"]: Cost.FREE.value}} if filters.free else None,
    }


def _all_but(dimensions, left_out=None):
    return [clause for name, clause in dimensions.items() if name != left_out and clause]


class Query:
    """The request bodies for one ServiceFilters."""

    def __init__(self, filters):
        from catalog.codes import ServiceStatus

        self.filters = filters
        col = self.col = Columns()
        self.parts = filters.parts()
        text_fields = [col["name"], col["search_body"]]
        self.base = [
            {"term": {col["live"]: True}},
            {"term": {col["status"]: ServiceStatus.ACTIVE.value}},
            {"term": {col["search_institution_live"]: True}},
        ]
        territory = _teryt(filters.teryt, col["search_coverage"])
        if territory:
            self.base.append(territory)
        self.base.extend(_either(texts, text_fields) for texts in self.parts)
        self.dimensions = _dimensions(filters, col)

    def _bool(self, extra=()):
        return {"bool": {"filter": self.base + list(extra)}}

    def facets_body(self, low=0, size=0):
        """The total, the facet counts and (with `size`) a first slice of the ranking, in
        one request: the aggregations see the query, the hits also the post_filter."""
        from catalog.codes import Cost

        col = self.col
        aggs = {"total": {"filter": {"bool": {"filter": _all_but(self.dimensions)}}}}
        for name, column in (
            ("area", col["areas"]),
            ("target", col["target_groups"]),
            ("kind", col["search_institution_type"]),
        ):
            aggs[name] = {
                "filter": {"bool": {"filter": _all_but(self.dimensions, name)}},
                "aggs": {"codes": {"terms": {"field": column, "size": 200}}},
            }
        free = _all_but(self.dimensions, "free") + [{"term": {col["cost"]: Cost.FREE.value}}]
        aggs["free"] = {"filter": {"bool": {"filter": free}}}
        body = {"query": self._scored(self._bool()), "aggs": aggs, "track_total_hits": False}
        body.update(size=size, sort=self._sort(), _source=False)
        body["post_filter"] = {"bool": {"filter": _all_but(self.dimensions)}}
        if size:
            body["from"] = low
        return body

    def count_body(self):
        return {"query": self._bool(_all_but(self.dimensions))}

    def _sort(self):
        col = self.col
        by_name = [{col["search_sort_name"]: "asc"}, {col["id"]: "asc"}]
        if self.filters.sort == "verified":
            return [{col["last_verified"]: {"order": "desc", "missing": "_last"}}] + by_name
        if self.filters.sort == "relevance" and self.parts:
            return [{"_score": "desc"}] + by_name
        return by_name

    def _scored(self, query):
        """With relevance: one point per query part found in the name."""
        if self.filters.sort == "relevance" and self.parts:
            name = [self.col["name"]]
            query["bool"]["should"] = [
                {"constant_score": {"filter": _either(texts, name), "boost": 1}}
                for texts in self.parts
            ]
        return query

    def hits_body(self):
        query = self._scored(self._bool(_all_but(self.dimensions)))
        return {"query": query, "sort": self._sort(), "_source": False, "track_total_hits": False}


def _index_name():
    return backend().get_index_for_model(_service_model()).name


def _search(body, **params):
    return backend().es.search(index=_index_name(), **body, **params)


def facet_counts(query, low=0, size=0):
    """(total, facets as catalog.search returns them, ids of the slice [low:low + size])."""
    from catalog.codes import InstitutionType, ProblemArea, TargetGroup

    response = _search(query.facets_body(low, size))
    ids = [int(hit["_id"]) for hit in response["hits"]["hits"]]
    aggs = response["aggregations"]
    found = {"free": aggs["free"]["doc_count"]}
    for name, choices in (
        ("area", ProblemArea),
        ("target", TargetGroup),
        ("kind", InstitutionType),
    ):
        counts = {bucket["key"]: bucket["doc_count"] for bucket in aggs[name]["codes"]["buckets"]}
        found[name] = [(code, label, counts.get(code, 0)) for code, label in choices.choices]
    return aggs["total"]["doc_count"], found, ids


def count(query):
    return backend().es.count(index=_index_name(), **query.count_body())["count"]


class Ranking:
    """The order of one search's results, read from Elasticsearch a slice at a time."""

    def __init__(self, query, total, fallback, known=None):
        self.query = query
        self.total = total
        self.fallback = fallback  # () -> the database search's queryset, same filters
        self.known = dict(known or {})  # (low, high) -> ids already read

    def _page(self, body, size, **params):
        response = _search(body, size=size, **params)
        return response["hits"]["hits"]

    def ids(self, low=0, high=None):
        for (start, stop), ids in self.known.items():
            # the slice read with the counts (a paginator's last page asks for less)
            if start == low and high is not None and high <= stop:
                return ids[: high - low]
        body = self.query.hits_body()
        if high is not None and high <= MAX_WINDOW:
            if high <= low:
                return []
            return [int(hit["_id"]) for hit in self._page(body, high - low, from_=low)]
        ids = []
        for chunk in self.chunks():
            ids.extend(chunk)
            if high is not None and len(ids) >= high:
                break
        return ids[low:high]

    def chunks(self, size=CHUNK):
        """All ids, a chunk at a time (search_after: no window limit)."""
        body = self.query.hits_body()
        after = None
        while True:
            params = {"search_after": after} if after else {}
            hits = self._page(body, size, **params)
            if not hits:
                return
            yield [int(hit["_id"]) for hit in hits]
            if len(hits) < size:
                return
            after = hits[-1]["sort"]


def _rows(queryset, ids):
    """The rows of `ids` in that order, read through `queryset` (its filters, related rows
    and prefetches); an id the database no longer shows is left out."""
    by_id = {row.pk: row for row in queryset.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


class RankedServices(QuerySet):
    """A queryset whose order and slices come from Elasticsearch. Reading it (a slice, as
    the paginator does, or all of it, as an export does) asks Elasticsearch for the ids
    and the database for the rows; `count()` is the search's total. If Elasticsearch fails
    meanwhile, the same slice is read from the database search instead."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ranking = None

    def _clone(self):
        clone = super()._clone()
        clone._ranking = self._ranking
        return clone

    def _plain(self):
        plain = self._chain()
        plain._ranking = None
        plain.query.clear_limits()
        plain.query.clear_ordering(force=True)
        return plain

    def count(self):
        if self._ranking is None or self._result_cache is not None:
            return super().count()
        low, high = self.query.low_mark, self.query.high_mark
        total = self._ranking.total
        return max(0, (total if high is None else min(total, high)) - low)

    def _fallback(self, low, high):
        queryset = self._ranking.fallback().prefetch_related(*self._prefetch_related_lookups)
        return list(queryset[low:high] if high is not None else queryset[low:])

    def _fetch_all(self):
        if self._result_cache is None and self._ranking is not None:
            low, high = self.query.low_mark, self.query.high_mark
            try:
                rows = _rows(self._plain(), self._ranking.ids(low, high))
            except errors() as exc:
                failed(exc, "reading results")
                rows = self._fallback(low, high)
            self._result_cache = rows
            self._prefetch_done = True  # done by the queryset that read the rows
        super()._fetch_all()

    def iterator(self, chunk_size=None):
        if self._ranking is None:
            yield from super().iterator(chunk_size=chunk_size)
            return
        if self._result_cache is not None or self.query.is_sliced:
            yield from iter(self)
            return
        plain = self._plain()
        try:
            chunks = list(self._ranking.chunks(chunk_size or CHUNK))
        except errors() as exc:
            failed(exc, "reading results")
            yield from self._fallback(0, None)
            return
        for ids in chunks:
            yield from _rows(plain, ids)


def search_services(filters, *, facets, fallback):
    """The ES side of catalog.search.search_services; raises errors() when the server
    fails (the caller then searches the database)."""
    from catalog.search import SearchResult, public_services

    query = Query(filters)
    known = {}
    if facets:
        # the catalog page's first read is this page: fetched with the counts
        size = getattr(settings, "CATALOG_PAGE_SIZE", 20)
        low = (filters.page - 1) * size
        total, found, ids = facet_counts(query, low, size if low + size <= MAX_WINDOW else 0)
        if low + size <= MAX_WINDOW:
            known[(low, low + size)] = ids
    else:
        total, found = count(query), {}
    base = public_services().select_related("institution", "gmina", "institution__gmina")
    ranked = RankedServices(model=base.model, query=base.query.chain(), using=base.db)
    ranked._ranking = Ranking(query, total, fallback, known)
    return SearchResult(ranked, total, found, filters)
