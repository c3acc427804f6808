"""Search of the list of activities and services: the one module that the catalog page, the
API and the exports use, so that they all find the same services, whatever the backend.

Three engines, one set of answers (tests/catalog/search_cases.py runs on each):

- Elasticsearch (catalog/search_elasticsearch.py) when the site's search backend is ours
  and the server answers; when it does not, the database search below serves instead.
- PostgreSQL's full-text search with the Polish configuration made by
  `manage.py setup_polish_search` (catalog/search_postgresql.py) for the text; the filters
  as below.
- Everywhere else (SQLite; PostgreSQL without that configuration): each service keeps its
  text, normalised by catalog.polish (folded, stemmed, synonym groups marked), in
  `search_text` as space-separated tokens (`" osrodk pomoc syn3 :klub :senior "`; tokens
  of the name are repeated with a `:` in front for ranking). A query is normalised the
  same way and becomes an AND of tokens, each a plain `LIKE '% token %'` on that column.

Territory and code filters are LIKEs on the `|code|` columns on every database (PostgreSQL's
full-text search reads the territory from words made of those codes instead, in the text's
own index); the order is the number of query terms in the
name, then the folded name byte by byte, then the id, on every engine."""

import re
from dataclasses import dataclass, field, fields
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.functions import Collate, Lower, Replace
from django.db.models.query import ModelIterable, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from catalog import polish, search_elasticsearch, search_postgresql
from catalog.codes import Cost, InstitutionType, ProblemArea, ServiceStatus, TargetGroup
from catalog.fields import code_q

SORTS = ("relevance", "name", "verified")
MAX_QUERY_TERMS = 12
NAME_MARK = ":"
TERYT_LENGTHS = (2, 4, 7)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_TRUE = {"1", "true", "on", "yes", "tak"}
_FALSE = {"", "0", "false", "off", "no", "nie"}

ERRORS = {
    "area": _("Unknown problem area: choose one from the list."),
    "target": _("Unknown target group: choose one from the list."),
    "kind": _("Unknown type of institution: choose one from the list."),
    "teryt": _("Choose the area from the lists (a TERC code has 2, 4 or 7 digits)."),
    "free": _("Choose whether to show free services only."),
    "sort": _("Unknown order: the results are sorted by relevance."),
}


def _values(params, name):
    """Every value given for `name` as text: from a QueryDict (all of a repeated
    parameter), a plain dict (a value or a list of values) or (name, value) pairs."""
    if params is None:
        return []
    if isinstance(params, (list, tuple)):
        return [str(value) for key, value in params if key == name]
    if hasattr(params, "getlist"):
        raw = params.getlist(name)
    else:
        value = params.get(name)
        raw = list(value) if isinstance(value, (list, tuple)) else [value]
    values = []
    for value in raw:
        if value is None:
            continue
        if isinstance(value, bool):
            value = "1" if value else "0"
        values.append(str(value) if isinstance(value, (str, int)) else "")
    return values


def _first(params, name):
    for value in _values(params, name):
        value = value.strip()
        if value:
            return value[:100]
    return ""


def clean_text(raw):
    text = _CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[: settings.SEARCH_QUERY_MAX_LENGTH].strip()


def resolve_teryt(values):
    """The most specific unit of a chain of TERC codes: the page's three selects
    (voivodeship, powiat, gmina) all send `teryt`. A deeper code that does not lie in the
    one above it (the voivodeship was changed, the old powiat still selected) is dropped.
    Returns (code, ok)."""
    codes = sorted({value.strip() for value in values if value and value.strip()}, key=len)
    if not codes:
        return "", True
    if any(not code.isdigit() or len(code) not in TERYT_LENGTHS for code in codes):
        return "", False
    chosen = codes[0]
    for code in codes[1:]:
        if len(code) > len(chosen) and code.startswith(chosen):
            chosen = code
        elif len(code) == len(chosen):
            break
    return chosen, True


@dataclass
class ServiceFilters:
    """What a visitor asked for. Built from request parameters by `from_params`, which
    never fails: a value that cannot be used is left out and explained in `errors`."""

    q: str = ""
    area: str = ""
    target: str = ""
    kind: str = ""
    teryt: str = ""
    free: bool = False
    sort: str = "relevance"
    page: int = 1
    errors: dict = field(default_factory=dict)

    FILTER_NAMES = ("q", "area", "target", "kind", "teryt", "free")

    @classmethod
    def from_params(cls, params):
        errors = {}
        values = {"q": clean_text(" ".join(_values(params, "q")))}
        for name, choices in (
            ("area", ProblemArea),
            ("target", TargetGroup),
            ("kind", InstitutionType),
        ):
            value = _first(params, name)
            if value and value not in choices.values:
                errors[name] = ERRORS[name]
                value = ""
            values[name] = value
        values["teryt"], ok = resolve_teryt(_values(params, "teryt"))
        if not ok:
            errors["teryt"] = ERRORS["teryt"]
        free = _first(params, "free").lower()
        values["free"] = free in _TRUE
        if free not in _TRUE | _FALSE:
            errors["free"] = ERRORS["free"]
        sort = _first(params, "sort")
        if sort and sort not in SORTS:
            errors["sort"] = ERRORS["sort"]
        values["sort"] = sort if sort in SORTS else "relevance"
        page = _first(params, "page")
        values["page"] = int(page) if page.isdigit() and 0 < len(page) < 7 and int(page) else 1
        return cls(errors=errors, **values)

    @property
    def active(self):
        """True when anything narrows the list (sorting and paging do not)."""
        return any(getattr(self, name) for name in self.FILTER_NAMES)

    def params(self, **changes):
        """The filters as request parameters, without defaults: the canonical, shareable
        form of this state. `changes` replace values (None removes one)."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "errors"}
        values.update(changes)
        pairs = []
        for name in ("q", "area", "target", "kind", "teryt", "free", "sort", "page"):
            value = values.get(name)
            if name == "free":
                value = "1" if value else ""
            elif name == "sort" and value == "relevance":
                value = ""
            elif name == "page":
                value = str(value) if value and int(value) > 1 else ""
            if value:
                pairs.append((name, value))
        return pairs

    def querystring(self, **changes):
        return urlencode(self.params(**changes))

    def terms(self):
        """The query as a list of alternatives of tokens (see polish.Synonyms)."""
        stems = polish.stems(self.q)[:MAX_QUERY_TERMS]
        return polish.synonyms().query_terms(stems) if stems else []

    def parts(self):
        """The query for search engines that analyse text themselves (Elasticsearch,
        PostgreSQL's full-text search): a list of alternatives, each a list of texts of
        which one must be found: a word of the query, or, where the query has a phrase of
        a synonym group (found as `terms` finds it), every term of the group."""
        words = polish.words(self.q)[:MAX_QUERY_TERMS]
        if not words:
            return []
        synonyms = polish.synonyms()
        parts = []
        stems = [polish.stem(word) for word in words]
        for start, _length, tokens, group in synonyms.query_spans(stems):
            if group:
                texts = [term for token in tokens for term in synonyms.terms.get(token, [])]
            else:
                texts = [words[start]]
            if texts and texts not in parts:
                parts.append(texts)
        return parts


@dataclass
class SearchResult:
    queryset: object
    total: int
    facets: dict
    filters: ServiceFilters


# --- the queries ---------------------------------------------------------------------------


def public_services():
    """Services the public may see: published, active, of a published institution."""
    from catalog.models import Service

    return Service.objects.filter(live=True, status=ServiceStatus.ACTIVE, institution__live=True)


def _token_q(token, prefix=""):
    return Q(search_text__contains=f" {prefix}{token} ")


def text_q(terms):
    condition = Q()
    for alternatives in terms:
        either = Q()
        for token in alternatives:
            either |= _token_q(token)
        condition &= either
    return condition


def teryt_q(code, field_name="coverage_codes"):
    """Services for the people of a unit: a gmina is served by what covers the gmina, its
    powiat or its voivodeship; a powiat by what covers it, any of its gminas or its
    voivodeship; a voivodeship by everything inside it."""
    if not code:
        return Q()

    def has(fragment):
        return Q(**{f"{field_name}__contains": fragment})

    if len(code) == 2:
        return has(f"|{code}")
    if len(code) == 4:
        return has(f"|{code}") | has(f"|{code[:2]}|")
    return has(f"|{code}|") | has(f"|{code[:4]}|") | has(f"|{code[:2]}|")


def _dimensions(filters, own_row=False):
    """The four filters besides the text and the territory. `own_row`: the institution's
    type read from the service's row (search_postgresql.KIND), not through a join."""
    if filters.kind:
        kind = (
            Q(search_postgresql.institution_type_is(filters.kind))
            if own_row
            else Q(institution__type=filters.kind)
        )
    else:
        kind = Q()
    return {
        "area": code_q("areas", filters.area) if filters.area else Q(),
        "target": code_q("target_groups", filters.target) if filters.target else Q(),
        "kind": kind,
        "free": Q(cost=Cost.FREE) if filters.free else Q(),
    }


def _all_but(dimensions, left_out):
    condition = Q()
    for name, dimension in dimensions.items():
        if name != left_out:
            condition &= dimension
    return condition


def _fold_expression(name):
    expression = F(name)
    for accented, plain in zip("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ", strict=True):
        expression = Replace(expression, Value(accented), Value(plain))
    # Lower after the Polish letters are gone: SQLite's lower() knows ASCII only.
    return Lower(expression)


def sort_name(name="name"):
    """The name folded (no diacritics, lower case) and compared byte by byte: the same
    order on every backend, whatever the database's collation."""
    expression = _fold_expression(name)
    if connection.vendor == "postgresql":
        expression = Collate(expression, "C")
    return expression


def _relevance(terms):
    """One point for each query term found in the name."""
    score = Value(0)
    for alternatives in terms:
        in_name = Q()
        for token in alternatives:
            in_name |= _token_q(token, NAME_MARK)
        score = score + Case(When(in_name, then=Value(1)), default=Value(0))
    return score


def order_services(queryset, sort, terms=(), relevance=None, name_key=None):
    """`relevance`: an expression scoring the rows (by default, the query terms found in
    the name: `_relevance(terms)`); `name_key`: `sort_name()` of the name, or the same
    value read from a column (search_postgresql.sort_name)."""
    name_key = name_key if name_key is not None else sort_name()
    if sort == "verified":
        return queryset.order_by(F("last_verified").desc(nulls_last=True), name_key, "pk")
    if sort == "relevance" and (terms or relevance is not None):
        relevance = relevance if relevance is not None else _relevance(terms)
        queryset = queryset.annotate(relevance=relevance, sort_name=name_key).order_by(
            "-relevance", "sort_name", "pk"
        )
        return queryset
    return queryset.order_by(name_key, "pk")


def search_services(filters, *, facets=True):
    """The services matching `filters`, ordered, with their number and, if asked, the
    facet counts: for each problem area, target group and institution type (and for free
    services) how many results there would be with that choice and the other filters.

    On Elasticsearch (catalog.search_elasticsearch) when it is configured and answers,
    else on the database. The result's queryset is lazy either way: reading a slice costs
    one request for the ids and one query for the rows on Elasticsearch, one query on the
    database."""
    if search_elasticsearch.active():
        try:
            return search_elasticsearch.search_services(
                filters,
                facets=facets,
                fallback=lambda: database_search_services(filters, facets=False).queryset,
            )
        except search_elasticsearch.errors() as exc:
            search_elasticsearch.failed(exc)
    return database_search_services(filters, facets=facets)


def database_search_services(filters, *, facets=True):
    """search_services on the database. Costs two queries with facets (counts, then the
    rows when the queryset is read) and two without (count, rows).

    The text: on PostgreSQL with the Polish configuration (catalog.search_postgresql), its
    full-text search, with the filters read from the service's row alone; elsewhere a LIKE
    per normalised token on `search_text`."""
    if search_postgresql.available():
        return _full_text_search(filters, facets)
    dimensions = _dimensions(filters)
    # The territory first: SQLite tests the conditions in this order, and the short code
    # column rules out most rows before the longer search text is read.
    base = public_services().filter(teryt_q(filters.teryt))
    terms = filters.terms()
    base = base.filter(text_q(terms))
    matching = base.filter(_all_but(dimensions, None))
    queryset = order_services(
        matching.select_related("institution", "gmina", "institution__gmina"),
        filters.sort,
        terms,
    )
    if not facets:
        return SearchResult(queryset, matching.count(), {}, filters)

    names = {}
    aggregates = {"total": Count("pk", filter=_all_but(dimensions, None))}
    plan = [
        ("area", ProblemArea, lambda code: code_q("areas", code)),
        ("target", TargetGroup, lambda code: code_q("target_groups", code)),
        ("kind", InstitutionType, lambda code: Q(institution__type=code)),
    ]
    for dimension, choices, condition in plan:
        others = _all_but(dimensions, dimension)
        for index, (code, _label) in enumerate(choices.choices):
            alias = f"{dimension}_{index}"
            names[alias] = (dimension, code)
            aggregates[alias] = Count("pk", filter=others & condition(code))
    aggregates["free"] = Count("pk", filter=_all_but(dimensions, "free") & Q(cost=Cost.FREE))
    counts = base.aggregate(**aggregates)
    found = {"area": [], "target": [], "kind": [], "free": counts["free"]}
    for alias, (dimension, code) in names.items():
        found[dimension].append((code, FACET_CHOICES[dimension][code], counts[alias]))
    return SearchResult(queryset, counts["total"], found, filters)


FACET_CHOICES = {
    "area": dict(ProblemArea.choices),
    "target": dict(TargetGroup.choices),
    "kind": dict(InstitutionType.choices),
}

# The facet counts on PostgreSQL, over the matching rows read once (`m`: the rows that
# match the text and the territory, with a flag per filter): each code list unnested and
# grouped, the other filters as flags. count(DISTINCT id): a code listed twice in one row
# counts the service once, as the LIKE of the other engine does. unnest in the select list,
# not in FROM: a function scan in FROM filled a tuple store per row (about 3 µs each). The
# last row holds the ids of the first FIRST_IDS results in the queryset's order (FirstIds).
_FACETS_SQL = """
WITH m AS MATERIALIZED ({rows})
SELECT 'area', code, count(DISTINCT id), NULL::bigint[] FROM (
    SELECT id, unnest(string_to_array(areas, '|')) AS code FROM m
    WHERE match_target AND match_kind AND match_free) AS a GROUP BY code
UNION ALL
SELECT 'target', code, count(DISTINCT id), NULL FROM (
    SELECT id, unnest(string_to_array(target_groups, '|')) AS code FROM m
    WHERE match_area AND match_kind AND match_free) AS t GROUP BY code
UNION ALL
SELECT 'kind', facet_kind, count(*), NULL FROM m
    WHERE match_area AND match_target AND match_free GROUP BY facet_kind
UNION ALL
SELECT 'free', '', count(*), NULL FROM m
    WHERE match_area AND match_target AND match_kind AND cost = %s
UNION ALL
SELECT 'total', '', count(*), ARRAY(
    SELECT id FROM m WHERE match_area AND match_target AND match_kind AND match_free
    ORDER BY {order} LIMIT {first})
    FROM m WHERE match_area AND match_target AND match_kind AND match_free
"""
FIRST_IDS = 1000
# The order of order_services, on the columns of `m`.
_ORDER_SQL = {
    "verified": "last_verified DESC NULLS LAST, facet_sort_name, id",
    "relevance": "facet_relevance DESC, facet_sort_name, id",
    "name": "facet_sort_name, id",
}


class FirstIds(QuerySet):
    """The full-text search's queryset, with the ids of its first results in order, found
    by the facet query: reading a slice among them (a page) reads those rows by id instead
    of searching the text and the territory again. Only a slice keeps the ids: anything
    else (the queryset filtered or reordered further, values(), a page beyond the ids)
    runs the queryset's own query, which has the same filters and the same order. (The
    SQL of each slice was compared with the searched one before: a few milliseconds of
    compiling per search.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._first = None  # (ids, all found), of this very queryset or a slice of it

    def __getitem__(self, k):
        found = super().__getitem__(k)
        if isinstance(k, slice) and isinstance(found, FirstIds):
            found._first = self._first
        return found

    def _known_ids(self):
        if self._first is None or self._iterable_class is not ModelIterable:
            return None
        ids, complete = self._first
        low, high = self.query.low_mark, self.query.high_mark
        if not complete and (high is None or high > len(ids)):
            return None
        return ids[low:high]

    def _fetch_all(self):
        if self._result_cache is None:
            ids = self._known_ids()
            if ids is not None:
                plain = self._chain()
                plain.query.clear_limits()
                plain.query.clear_ordering(force=True)
                by_id = {row.pk: row for row in plain.filter(pk__in=ids)} if ids else {}
                self._result_cache = [by_id[pk] for pk in ids if pk in by_id]
                self._prefetch_done = True  # done by the queryset that read the rows
        super()._fetch_all()


def _full_text_search(filters, facets):
    """database_search_services on PostgreSQL's full-text search. Everything a search
    filters, counts and orders by is in the service's row (search_postgresql: the public
    flag, the institution's type, the sort key), so neither the counts nor the order join
    catalog_institution; the facets are one grouped query over the matching rows."""
    from catalog.models import Service

    dimensions = _dimensions(filters, own_row=True)
    base = Service.objects.filter(search_postgresql.public())
    if filters.teryt:
        base = base.filter(search_postgresql.covers(filters.teryt))
    relevance = None
    parts = filters.parts()
    if parts:
        base = base.filter(Q(search_postgresql.matches(parts)))
        relevance = search_postgresql.name_score(parts)
    matching = base.filter(_all_but(dimensions, None))
    queryset = order_services(
        matching.select_related("institution", "gmina", "institution__gmina"),
        filters.sort,
        relevance=relevance,
        name_key=search_postgresql.sort_name(),
    )
    if not facets:
        return SearchResult(queryset, matching.count(), {}, filters)
    if filters.sort == "relevance" and relevance is None:
        order = _ORDER_SQL["name"]  # (order_services: by name when there is no text)
    else:
        order = _ORDER_SQL[filters.sort]

    flags = {
        f"match_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        if condition
        else Value(True, output_field=BooleanField())
        for name, condition in dimensions.items()
    }
    rows = (
        base.order_by()
        .annotate(
            facet_kind=search_postgresql.institution_type(),
            facet_sort_name=search_postgresql.sort_name(),
            facet_relevance=relevance if relevance is not None else Value(0),
            **flags,
        )
        .values(
            "id",
            "areas",
            "target_groups",
            "cost",
            "last_verified",
            "facet_kind",
            "facet_sort_name",
            "facet_relevance",
            *flags,
        )
    )
    sql, params = rows.query.sql_with_params()
    counted = {}
    with connection.cursor() as cursor:
        cursor.execute(
            _FACETS_SQL.format(rows=sql, order=order, first=FIRST_IDS), [*params, Cost.FREE]
        )
        for dimension, code, count, ids in cursor.fetchall():
            counted[dimension, code] = count
            if dimension == "total":
                first = ids
    total = counted.get(("total", ""), 0)
    queryset = queryset._chain()
    queryset.__class__ = FirstIds
    queryset._first = (first, len(first) == total)
    found = {
        dimension: [
            (code, label, counted.get((dimension, code), 0)) for code, label in choices.items()
        ]
        for dimension, choices in FACET_CHOICES.items()
    }
    found["free"] = counted.get(("free", ""), 0)
    return SearchResult(queryset, total, found, filters)


def institution_queryset(filters):
    """Published institutions for the API: `q` finds an institution whose name has the
    words (without diacritics) or one of whose services matches; `kind` is its type;
    `teryt` finds institutions in the unit or with a service for it; area, target and
    free keep institutions with such a service."""
    from catalog.models import Institution

    institutions = Institution.objects.filter(live=True)
    services = public_services().filter(institution=OuterRef("pk"))
    dimensions = _dimensions(filters)
    service_conditions = _all_but(dimensions, "kind")
    if filters.kind:
        institutions = institutions.filter(type=filters.kind)
    if filters.teryt:
        institutions = institutions.filter(
            Q(gmina__code__startswith=filters.teryt)
            | Exists(services.filter(teryt_q(filters.teryt) & service_conditions))
        )
    if service_conditions:
        institutions = institutions.filter(Exists(services.filter(service_conditions)))
    terms = filters.terms()
    if terms:
        words = polish.words(filters.q)[:MAX_QUERY_TERMS]
        by_name = Q()
        institutions = institutions.alias(folded_name=_fold_expression("name"))
        for word in words:
            by_name &= Q(folded_name__contains=word)
        institutions = institutions.filter(
            by_name | Exists(services.filter(text_q(terms) & service_conditions))
        )
    return institutions.select_related("gmina").order_by(sort_name(), "pk")


# --- indexing ----------------------------------------------------------------------------


def _labels(choices, codes):
    """The labels of codes in Polish and in English: visitors type either."""
    named = dict(choices.choices)
    found = []
    for language in ("pl", "en"):
        with translation.override(language):
            found.extend(str(named[code]) for code in codes if code in named)
    return found


def _coverage(service):
    """The coverage units of a service and its `|code|` string: the units chosen, or the
    gmina where it is delivered (the rule of Service.refresh_coverage, computed here from
    objects already fetched so that reindexing many services costs no query per row)."""
    units = list(service.coverage.all())
    if not units:
        gmina = service.gmina if service.gmina_id else service.institution.gmina
        units = [gmina] if gmina is not None else []
    codes = sorted(unit.code for unit in units)
    return units, (f"|{'|'.join(codes)}|" if codes else "")


def _document_texts(service, units):
    """What a visitor may type to find a service, besides its name."""
    institution = service.institution
    place = service.gmina if service.gmina_id else institution.gmina
    return [
        service.description,
        service.access,
        service.referred_by,
        service.schedule,
        service.languages,
        service.locality or institution.locality,
        institution.name,
        " ".join(_labels(InstitutionType, [institution.type])),
        " ".join(_labels(ProblemArea, service.areas)),
        " ".join(_labels(TargetGroup, service.target_groups)),
        place.name if place is not None else "",
        " ".join(unit.name for unit in (units or [])),
    ]


def service_document(service, synonyms=None, units=None):
    """The search tokens of a service, as stored in `search_text`."""
    synonyms = synonyms if synonyms is not None else polish.synonyms()
    plain = []
    name_stems = polish.stems(service.name)
    texts = _document_texts(service, units)
    for sequence in [name_stems] + [polish.stems(text) for text in texts]:
        plain.extend(sequence)
        plain.extend(synonyms.expand(sequence))
    marked = [NAME_MARK + token for token in name_stems + synonyms.expand(name_stems)]
    tokens = list(dict.fromkeys(plain + marked))
    # Whoever writes search_text writes the plain document with it (bulk imports too).
    service.search_document = "\n".join(text for text in [service.name, *texts] if text)
    return f" {' '.join(tokens)} " if tokens else ""


def document_body(service):
    """The text of a service besides its name, as a search engine that analyses text
    itself is given it (Elasticsearch): the same fields as `service_document`, unchanged.
    Uses the coverage units found while indexing (`_search_units`) when there are some."""
    units = getattr(service, "_search_units", None)
    if units is None:
        units, _codes = _coverage(service)
    return "\n".join(text for text in _document_texts(service, units) if text)


def coverage_list(codes):
    """`|26|2602|` -> ["26", "2602"]."""
    return [code for code in (codes or "").split("|") if code]


def refresh_search_text(service):
    """Recompute a service's `search_text` and `coverage_codes` and store them without
    saving the rest of the row (no signals, no revision)."""
    from catalog.models import Service

    units, codes = _coverage(service)
    text = service_document(service, units=units)
    service.search_text = text
    service.coverage_codes = codes
    Service.objects.filter(pk=service.pk).update(
        search_text=text, search_document=service.search_document, coverage_codes=codes
    )
    service._search_units = units
    search_elasticsearch.index_services([service])
    return text


def reindex_services(queryset=None, batch_size=500):
    """Recompute the search text and coverage of many services (all of them by default),
    in batches. Returns how many were written."""
    from catalog.models import Service

    queryset = Service.objects.all() if queryset is None else queryset
    synonyms = polish.synonyms()
    ids = list(queryset.order_by("pk").values_list("pk", flat=True))
    written = 0
    for start in range(0, len(ids), batch_size):
        batch = list(
            Service.objects.filter(pk__in=ids[start : start + batch_size])
            .select_related("institution", "gmina", "institution__gmina")
            .prefetch_related("coverage")
        )
        for service in batch:
            units, service.coverage_codes = _coverage(service)
            service.search_text = service_document(service, synonyms, units)
            service._search_units = units
        Service.objects.bulk_update(batch, ["search_text", "search_document", "coverage_codes"])
        search_elasticsearch.index_services(batch)
        written += len(batch)
    return written


# --- searches that found nothing -------------------------------------------------------

# Removed from a logged query: anything that could be a phone number, an identity number
# or an e-mail address. The log must hold what was missing, never who was looking.
_PERSONAL = re.compile(r"\S*@\S*|\S*\d{3,}\S*")


def loggable_query(text):
    text = _PERSONAL.sub(" ", clean_text(text).lower())
    return " ".join(text.split())[:100]


def record_zero_result(filters):
    """Count a search that found nothing: the query (lower case, without numbers and
    e-mail addresses), the problem area and the territory, per day. Nothing else."""
    from catalog.models import ZeroResultSearch

    key = {
        "day": timezone.localdate(),
        "query": loggable_query(filters.q),
        "area": filters.area,
        "teryt": filters.teryt,
    }
    if not (key["query"] or key["area"] or key["teryt"]):
        return
    if ZeroResultSearch.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ZeroResultSearch.objects.create(**key)
    except IntegrityError:  # another request created the row in the meantime
        ZeroResultSearch.objects.filter(**key).update(count=F("count") + 1)


__all__ = [
    "SORTS",
    "SearchResult",
    "ServiceFilters",
    "institution_queryset",
    "order_services",
    "public_services",
    "record_zero_result",
    "refresh_search_text",
    "reindex_services",
    "search_services",
    "service_document",
    "teryt_q",
]
