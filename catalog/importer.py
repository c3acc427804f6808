"""Import of the list of activities and services from a CSV file.

The format (also written by catalog.exports, so an export can be imported again): UTF-8
with or without a BOM, `;`-separated, the header `COLUMNS`, one row per service.

- `service_id` and `institution_id` are the entries' identifiers in the exchange: matched
  with `external_id`, or, for entries made in the admin, the signed identifier that the
  export gives them (`exchange_id`). An unknown identifier makes a new entry.
- Institution data (`institution_name`, `institution_type`, `phone`, `email`, `website`)
  must be the same in every row of one institution: the model keeps contact data on the
  institution only.
- The place (`teryt`, `address`, `postal_code`, `locality`, `latitude`, `longitude`) is
  where the service is delivered. A new institution takes the place of its first row; a
  service delivered at its institution's place keeps no place of its own, so it follows the
  institution when that moves.

Rows are validated first and the report names each bad row by its line in the file. By
default nothing is written when any row is bad; `partial=True` writes the good rows. What
is written is published at once, with a revision and history entries, as if an
administrator had published it in the admin; rows equal to the stored entry change nothing.
Writing is done in bulk (10,000 rows are a routine file)."""

import csv
import datetime
import io
import re
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from modelcluster.models import (
    get_all_child_m2m_relations,
    get_all_child_relations,
    get_serializable_data_for_fields,
)
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from catalog import polish, search_elasticsearch
from catalog.codes import Cost, InstitutionType, ProblemArea, ServiceKind, TargetGroup
from catalog.models import Institution, Service, Territory
from catalog.search import reindex_services, service_document
from portal.csv_import import FileError, ReportLines, RowError

COLUMNS = [
    "service_id",
    "institution_id",
    "institution_name",
    "institution_type",
    "service_name",
    "kind",
    "description",
    "areas",
    "target_groups",
    "teryt",
    "address",
    "postal_code",
    "locality",
    "phone",
    "email",
    "website",
    "cost",
    "access",
    "latitude",
    "longitude",
    "last_verified",
]
REQUIRED = (
    "service_id",
    "institution_id",
    "institution_name",
    "institution_type",
    "service_name",
    "kind",
    "teryt",
    "cost",
)
INSTITUTION_COLUMNS = ("institution_name", "institution_type", "phone", "email", "website")
INSTITUTION_FIELDS = ("name", "type", "phone", "email", "website")
MAX_LENGTH = {
    "service_id": 64,
    "institution_id": 64,
    "institution_name": 255,
    "service_name": 255,
    "address": 200,
    "locality": 100,
    "phone": 60,
    "email": 254,
    "website": 200,
}
CODE_LISTS = {
    column: tuple(choices.values)
    for column, choices in {
        "institution_type": InstitutionType,
        "kind": ServiceKind,
        "cost": Cost,
        "areas": ProblemArea,
        "target_groups": TargetGroup,
    }.items()
}
# Spreadsheets run a cell that starts with one of these as a formula; the export puts an
# apostrophe before it (the spreadsheet convention for "text") and the import takes it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 500

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_POSTAL = re.compile(r"^(\d{2})-?(\d{3})$")
_SIGNED_ID = re.compile(r"^(?P<prefix>svc|inst)-(?P<pk>\d+)-(?P<signature>[0-9a-f]{12})$")
_ID_PREFIX = {Service: "svc", Institution: "inst"}
_email = EmailValidator()
_url = URLValidator(schemes=["http", "https"])


class Place(NamedTuple):
    gmina_id: int | None
    address: str
    postal_code: str
    locality: str
    latitude: Decimal | None
    longitude: Decimal | None


PLACE_FIELDS = Place._fields
EMPTY_PLACE = Place(None, "", "", "", None, None)


def place_of(obj):
    return Place(*(getattr(obj, name) for name in PLACE_FIELDS))


def place_source(service, institution=None):
    """The record whose place fields describe where the service is: the service itself
    when it has a gmina of its own, otherwise its institution."""
    return service if service.gmina_id else (institution or service.institution)


def _signature(prefix, pk):
    return salted_hmac("catalog.exchange_id", f"{prefix}:{pk}").hexdigest()[:12]


def exchange_id(obj):
    """The identifier of an entry in CSV files: its `external_id`, or for an entry made in
    the admin a signed `svc-<pk>-<signature>`, which only this site's import resolves (a
    file from another site makes new entries instead of overwriting unrelated ones)."""
    if obj.external_id:
        return obj.external_id
    prefix = _ID_PREFIX[type(obj)]
    return f"{prefix}-{obj.pk}-{_signature(prefix, obj.pk)}"


def _signed_pk(model, value):
    match = _SIGNED_ID.match(value)
    if not match or match["prefix"] != _ID_PREFIX[model]:
        return None
    expected = _signature(match["prefix"], match["pk"])
    return int(match["pk"]) if constant_time_compare(expected, match["signature"]) else None


def unescape_cell(value):
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


@dataclass
class ImportReport(ReportLines):
    rows: int = 0
    errors: list = field(default_factory=list)
    institutions_created: int = 0
    institutions_updated: int = 0
    institutions_unchanged: int = 0
    services_created: int = 0
    services_updated: int = 0
    services_unchanged: int = 0
    dry_run: bool = False
    partial: bool = False
    saved: bool = False
    seconds: float = 0.0

    @property
    def written(self):
        """Whether the good rows were (or, in a dry run, would be) written."""
        return not self.errors or self.partial

    @property
    def good_rows(self):
        return max(self.rows - len(self.bad_lines), 0)

    @property
    def changed(self):
        return bool(
            self.institutions_created
            + self.institutions_updated
            + self.services_created
            + self.services_updated
        )

    def summary(self):
        """The outcome in a few sentences in the active language (Polish by default)."""
        lines = []
        file_error = any(error.line is None or error.line == 1 for error in self.errors)
        if self.errors and not self.partial or file_error:
            count = len(self.bad_lines)
            if file_error:
                lines.append(_("Nothing was imported: the file cannot be read."))
            else:
                lines.append(
                    ngettext(
                        "Nothing was imported because %(count)s row has errors. Correct it "
                        "or import the correct rows only (option --partial).",
                        "Nothing was imported because %(count)s rows have errors. Correct "
                        "them or import the correct rows only (option --partial).",
                        count,
                    )
                    % {"count": count}
                )
            return lines
        lines.append(
            _("Institutions: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
            % {
                "created": self.institutions_created,
                "updated": self.institutions_updated,
                "unchanged": self.institutions_unchanged,
            }
        )
        lines.append(
            _("Services: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
            % {
                "created": self.services_created,
                "updated": self.services_updated,
                "unchanged": self.services_unchanged,
            }
        )
        if self.errors:
            count = len(self.bad_lines)
            lines.append(
                ngettext(
                    "%(count)s row with errors was skipped.",
                    "%(count)s rows with errors were skipped.",
                    count,
                )
                % {"count": count}
            )
        if not self.changed:
            lines.append(_("The file changed nothing: every entry already is as in the file."))
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        return lines


@dataclass
class _Row:
    line: int
    service_id: str = ""
    institution_id: str = ""
    institution: dict = field(default_factory=dict)
    service: dict = field(default_factory=dict)
    place: Place = EMPTY_PLACE
    errors: list = field(default_factory=list)
    institution_ok: bool = False


def _read_text(path_or_file):
    if hasattr(path_or_file, "read"):
        raw = path_or_file.read()
    else:
        raw = Path(path_or_file).read_bytes()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FileError(
                _("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")
            ) from error
    return raw.removeprefix("\ufeff")


def _records(text):
    """(line, cells) of each record; the line is where the record starts, counting the
    header as line 1 (a quoted value may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    line = 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as error:
        raise FileError(
            _("The file is not a correct CSV file (%(error)s).") % {"error": error}, line
        ) from error


def _check_header(cells):
    found = [cell.strip() for cell in cells]
    if found == COLUMNS:
        return
    if len(found) == 1 and "," in found[0]:
        raise FileError(_("Columns must be separated by semicolons (;), not commas."), 1)
    problems = []
    missing = [name for name in COLUMNS if name not in found]
    unknown = [name for name in found if name not in COLUMNS]
    if missing:
        problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
    if unknown:
        problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
    if not problems:
        problems.append(_("the columns are in a different order"))
    raise FileError(
        _("Wrong header (%(problems)s). The first line must be: %(header)s")
        % {"problems": "; ".join(problems), "header": ";".join(COLUMNS)},
        1,
    )


class _RowParser:
    def __init__(self, gminas):
        self.gminas = gminas  # TERC code -> territory id
        self.today = timezone.localdate()
        # An institution's e-mail and website repeat in each of its rows: checked once.
        self.valid = {}

    def is_valid(self, validator, value):
        key = (id(validator), value)
        if key not in self.valid:
            try:
                validator(value)
                self.valid[key] = True
            except ValidationError:
                self.valid[key] = False
        return self.valid[key]

    def parse(self, line, cells):
        row = _Row(line)
        if len(cells) != len(COLUMNS):
            row.errors.append(
                RowError(
                    line,
                    _("The row has %(found)s columns instead of %(expected)s.")
                    % {"found": len(cells), "expected": len(COLUMNS)},
                )
            )
            return row
        cells = [unescape_cell(cell.strip()) for cell in cells]
        values = dict(zip(COLUMNS, cells, strict=True))
        self.errors = []
        self.line = line
        for name in REQUIRED:
            if not values[name]:
                self.error(
                    name, _("Missing required value in column %(column)s.") % {"column": name}
                )
        for name, limit in MAX_LENGTH.items():
            if len(values[name]) > limit:
                self.error(
                    name,
                    _("The value in column %(column)s is too long (at most %(max)s characters).")
                    % {"column": name, "max": limit},
                )
        row.service_id = values["service_id"]
        row.institution_id = values["institution_id"]
        institution = {
            "name": values["institution_name"],
            "type": self.code(values, "institution_type"),
            "phone": values["phone"],
            "email": self.email(values["email"]),
            "website": self.website(values["website"]),
        }
        institution_errors = {e.column for e in self.errors} & set(INSTITUTION_COLUMNS)
        row.institution_ok = not institution_errors and bool(row.institution_id)
        row.institution = institution
        row.service = {
            "name": values["service_name"],
            "kind": self.code(values, "kind"),
            "description": values["description"].replace("\r\n", "\n"),
            "areas": self.code_list(values, "areas"),
            "target_groups": self.code_list(values, "target_groups"),
            "cost": self.code(values, "cost"),
            "access": values["access"].replace("\r\n", "\n"),
            "last_verified": self.date(values["last_verified"]),
        }
        latitude = self.coordinate(values, "latitude", 90)
        longitude = self.coordinate(values, "longitude", 180)
        if (latitude is None) != (longitude is None) and not self.has_error(
            "latitude", "longitude"
        ):
            self.error("latitude", _("Give both latitude and longitude, or neither."))
        row.place = Place(
            self.gmina(values["teryt"]),
            values["address"],
            self.postal_code(values["postal_code"]),
            values["locality"],
            latitude,
            longitude,
        )
        # Reported in the order of the columns, the order a person reads the row in.
        row.errors = sorted(self.errors, key=lambda error: COLUMNS.index(error.column))
        return row

    def error(self, column, message):
        self.errors.append(RowError(self.line, message, column))

    def has_error(self, *columns):
        return any(error.column in columns for error in self.errors)

    def code(self, values, column):
        value = values[column].lower()
        if value and value not in CODE_LISTS[column]:
            self.unknown_code(column, value)
        return value

    def code_list(self, values, column):
        codes = []
        for code in values[column].split("|"):
            code = code.strip().lower()
            if not code or code in codes:
                continue
            if code not in CODE_LISTS[column]:
                self.unknown_code(column, code)
            codes.append(code)
        return codes

    def unknown_code(self, column, value):
        allowed = ", ".join(CODE_LISTS[column])
        self.error(
            column,
            _("Unknown code “%(value)s” in column %(column)s. Allowed: %(allowed)s.")
            % {"value": value, "column": column, "allowed": allowed},
        )

    def gmina(self, value):
        if not value:
            return None
        if not (len(value) == 7 and value.isdigit()):
            self.error(
                "teryt",
                _("“%(value)s” is not a gmina TERC code (7 digits, e.g. 2602052).")
                % {"value": value},
            )
            return None
        gmina_id = self.gminas.get(value)
        if gmina_id is None:
            self.error("teryt", _("There is no gmina with TERC code %(value)s.") % {"value": value})
        return gmina_id

    def email(self, value):
        if value and not self.is_valid(_email, value):
            self.error(
                "email", _("“%(value)s” is not a correct e-mail address.") % {"value": value}
            )
        return value

    def website(self, value):
        if not value:
            return value
        if "://" not in value:
            value = f"https://{value}"
        if not self.is_valid(_url, value):
            self.error(
                "website", _("“%(value)s” is not a correct website address.") % {"value": value}
            )
        return value

    def postal_code(self, value):
        if not value:
            return value
        match = _POSTAL.match(value)
        if not match:
            self.error(
                "postal_code",
                _("Postal code “%(value)s” should look like 26-001.") % {"value": value},
            )
            return value
        return f"{match[1]}-{match[2]}"

    def coordinate(self, values, column, limit):
        value = values[column]
        if not value:
            return None
        try:
            number = Decimal(value.replace(",", "."))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            self.error(
                column,
                _("“%(value)s” in column %(column)s is not a number.")
                % {"value": value, "column": column},
            )
            return None
        if not -limit <= number <= limit:
            self.error(
                column,
                _("%(value)s in column %(column)s is outside -%(limit)s…%(limit)s.")
                % {"value": value, "column": column, "limit": limit},
            )
            return None
        return number.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)

    def date(self, value):
        if not value:
            return None
        try:
            day = datetime.date.fromisoformat(value) if _DATE.match(value) else None
        except ValueError:
            day = None
        if day is None:
            self.error(
                "last_verified",
                _("“%(value)s” is not a date in the form YYYY-MM-DD.") % {"value": value},
            )
        elif day > self.today:
            self.error(
                "last_verified",
                _("The date %(value)s is in the future.") % {"value": value},
            )
            day = None
        return day


def _cross_check(rows):
    """Errors that need more than one row: a service twice, or one institution described
    differently in two rows."""
    services = {}
    institutions = {}
    for row in rows:
        if row.service_id:
            first = services.setdefault(row.service_id, row.line)
            if first != row.line:
                row.errors.append(
                    RowError(
                        row.line,
                        _("Service %(id)s is already in line %(line)s.")
                        % {"id": row.service_id, "line": first},
                        "service_id",
                    )
                )
        if not row.institution_ok:
            continue
        first = institutions.setdefault(row.institution_id, row)
        if first is row:
            continue
        for column, key in zip(INSTITUTION_COLUMNS, INSTITUTION_FIELDS, strict=True):
            if row.institution[key] != first.institution[key]:
                row.errors.append(
                    RowError(
                        row.line,
                        _(
                            "Institution %(id)s has a different value in column %(column)s "
                            "than in line %(line)s (“%(value)s” there, “%(other)s” here)."
                        )
                        % {
                            "id": row.institution_id,
                            "column": column,
                            "line": first.line,
                            "value": first.institution[key],
                            "other": row.institution[key],
                        },
                        column,
                    )
                )


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _find(model, ids, **related):
    """Existing entries for the identifiers of the file: by external_id, then by the
    signed identifiers of entries made in the admin."""
    found = {}
    queryset = model.objects.select_related(*related.get("select", ()))
    for chunk in _chunks(ids):
        for obj in queryset.filter(external_id__in=chunk):
            found[obj.external_id] = obj
    signed = {}
    for value in ids:
        if value not in found and (pk := _signed_pk(model, value)) is not None:
            signed[pk] = value
    for chunk in _chunks(signed):
        for obj in queryset.filter(pk__in=chunk):
            found[signed[obj.pk]] = obj
    return found


SERVICE_FIELDS = (
    "name",
    "kind",
    "description",
    "areas",
    "target_groups",
    "cost",
    "access",
    "last_verified",
)
PUBLISH_FIELDS = (
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "expired",
    "latest_revision",
    "live_revision",
    "updated_at",
)


# Writing uses executemany with values prepared by the model fields: bulk_create and
# bulk_update compile every value through the ORM's SQL compiler (bulk_update even builds a
# CASE expression per object and field), which costs more than the database work itself
# when a file has tens of thousands of rows.


_SCALARS = (str, int, bool, Decimal, datetime.date, uuid.UUID, type(None))


def _db_values(fields, rows):
    """The database values of `rows` (lists of Python values in the order of `fields`).
    A value repeated in many rows (the time of the import, a content type, a code) is
    converted once."""
    db = connections[DEFAULT_DB_ALIAS]  # the proxy `connection` costs a lookup per use
    converters = [field.get_db_prep_save for field in fields]
    memo = [{} for _field in fields]
    prepared = []
    for row in rows:
        values = []
        for index, value in enumerate(row):
            if isinstance(value, _SCALARS):
                key = (type(value), value)
                known = memo[index]
                if key not in known:
                    known[key] = converters[index](value, db)
                values.append(known[key])
            else:
                values.append(converters[index](value, db))
        prepared.append(values)
    return prepared


def _execute_many(sql, params):
    with connection.cursor() as cursor:
        for chunk in _chunks(params):
            cursor.executemany(sql, chunk)


def _insert_rows(model, rows):
    """INSERT rows given as dicts of attname -> value, the same keys in each."""
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # nosec B608 # noqa: S608 (model's quoted names; values are bound)
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    _execute_many(sql, _db_values(fields, ([row[name] for name in names] for row in rows)))


def _insert_objects(model, objects):
    """INSERT new entries and give them their primary keys, found by external_id."""
    if not objects:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    _insert_rows(model, [{f.attname: f.pre_save(obj, True) for f in fields} for obj in objects])
    by_id = {obj.external_id: obj for obj in objects}
    for chunk in _chunks(by_id):
        for external_id, pk in model.objects.filter(external_id__in=chunk).values_list(
            "external_id", "pk"
        ):
            obj = by_id[external_id]
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = connection.alias


def _update_rows(model, objects, names):
    """UPDATE the `names` columns of each object."""
    if not objects:
        return
    fields = [model._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "  # nosec B608 # noqa: S608 (model's quoted names; values are bound)
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    fields.append(model._meta.pk)
    _execute_many(
        sql, _db_values(fields, ([getattr(obj, f.attname) for f in fields] for obj in objects))
    )


class _Writer:
    def __init__(self, rows, report, user, gminas):
        self.rows = rows
        self.report = report
        self.user = user
        self.territories = {t.pk: t for t in gminas.values()}
        self.now = timezone.now()
        self.run = uuid.uuid4()
        self.coverage = {}

    def write(self):
        institutions, created_inst, changed_inst = self.institutions()
        created_svc, changed_svc = self.services(institutions)
        report = self.report
        report.institutions_created = len(created_inst)
        report.institutions_updated = len(changed_inst)
        report.institutions_unchanged = len(institutions) - len(created_inst) - len(changed_inst)
        report.services_created = len(created_svc)
        report.services_updated = len(changed_svc)
        report.services_unchanged = len(self.rows) - len(created_svc) - len(changed_svc)
        self.publish(Institution, created_inst, changed_inst, INSTITUTION_FIELDS + PLACE_FIELDS)
        self.publish(
            Service,
            created_svc,
            changed_svc,
            SERVICE_FIELDS
            + PLACE_FIELDS
            + ("institution", "coverage_codes", "search_text", "search_document"),
        )
        # Elasticsearch, when it is the backend, learns of them at once (a failure is logged;
        # `update_index` repairs the index).
        search_elasticsearch.index_services(created_svc + changed_svc)
        if changed_inst:
            # The institution's name and type are part of its services' search text.
            written = {s.pk for s in changed_svc}
            stale = Service.objects.filter(institution__in=changed_inst).exclude(pk__in=written)
            reindex_services(stale)

    def territory(self, pk):
        if pk is not None and pk not in self.territories:
            self.territories[pk] = Territory.objects.get(pk=pk)
        return self.territories.get(pk)

    def institutions(self):
        rows_of = defaultdict(list)
        for row in self.rows:
            rows_of[row.institution_id].append(row)
        existing = _find(Institution, list(rows_of))
        by_id, created, changed = {}, [], []
        for external_id, rows in rows_of.items():
            data = rows[0].institution
            institution = existing.get(external_id)
            if institution is None:
                verified = [r.service["last_verified"] for r in rows if r.service["last_verified"]]
                institution = Institution(
                    external_id=external_id,
                    last_verified=max(verified, default=None),
                    **data,
                    **rows[0].place._asdict(),
                )
                created.append(institution)
            elif self.assign(institution, data) or not institution.live:
                changed.append(institution)
            # Known territory objects, so that search text needs no query per institution.
            institution.gmina = self.territory(institution.gmina_id)
            by_id[external_id] = institution
        self.mark_published(created, first=True)
        self.mark_published(changed)
        _insert_objects(Institution, created)
        return by_id, created, changed

    def services(self, institutions):
        existing = _find(Service, [row.service_id for row in self.rows], select=["institution"])
        through = Service.coverage.through
        for chunk in _chunks([s.pk for s in existing.values()]):
            for link in through.objects.filter(service_id__in=chunk).select_related("territory"):
                self.coverage.setdefault(link.service_id, []).append(link.territory)
        synonyms = polish.synonyms()
        created, changed = [], []
        for row in self.rows:
            institution = institutions[row.institution_id]
            service = existing.get(row.service_id)
            data = dict(row.service, institution=institution)
            if service is None:
                service = Service(external_id=row.service_id)
                own = row.place if row.place != place_of(institution) else EMPTY_PLACE
                data.update(own._asdict())
            elif place_of(place_source(service, institution)) != row.place:
                own = row.place if row.place != place_of(institution) else EMPTY_PLACE
                data.update(own._asdict())
            dirty = self.assign(service, data)
            service.gmina = self.territory(service.gmina_id)
            units = self.coverage.get(service.pk) or [service.place_gmina]
            codes = sorted(unit.code for unit in units if unit is not None)
            coverage_codes = f"|{'|'.join(codes)}|" if codes else ""
            if dirty or coverage_codes != service.coverage_codes or service.pk is None:
                # Service.refresh_coverage() would cost a query per service; this is its
                # rule (the tests compare the two): the coverage chosen, else the gmina.
                service.coverage_codes = coverage_codes
                service.search_text = service_document(service, synonyms, units)
                (changed if service.pk else created).append(service)
            elif not service.live:
                changed.append(service)
        self.mark_published(created, first=True)
        self.mark_published(changed)
        _insert_objects(Service, created)
        return created, changed

    @staticmethod
    def assign(obj, data):
        dirty = False
        for name, value in data.items():
            if name == "institution":
                dirty = dirty or obj.institution_id != value.pk or value.pk is None
                obj.institution = value  # also when unchanged: its gmina is already known
            elif getattr(obj, name) != value:
                setattr(obj, name, value)
                dirty = True
        return dirty

    def mark_published(self, objects, first=False):
        for obj in objects:
            obj.live = True
            obj.has_unpublished_changes = False
            obj.expired = False
            obj.last_published_at = self.now
            obj.updated_at = self.now
            if first or obj.first_published_at is None:
                obj.first_published_at = self.now

    def publish(self, model, created, changed, fields):
        """Revisions and history entries as publishing in the admin makes them, in bulk."""
        objects = created + changed
        if not objects:
            return
        content_type = ContentType.objects.get_for_model(model)
        base_type = objects[0].get_base_content_type()
        user_id = self.user.pk if self.user else None
        _insert_rows(
            Revision,
            [
                {
                    "content_type_id": content_type.pk,
                    "base_content_type_id": base_type.pk,
                    "object_id": str(obj.pk),
                    "created_at": self.now,
                    "user_id": user_id,
                    "object_str": str(obj),
                    "content": self.content(obj),
                    "approved_go_live_at": None,
                }
                for obj in objects
            ],
        )
        revisions = {}
        for chunk in _chunks([str(obj.pk) for obj in objects]):
            revisions.update(
                Revision.objects.filter(
                    base_content_type=base_type, created_at=self.now, object_id__in=chunk
                ).values_list("object_id", "pk")
            )
        for obj in objects:
            obj.latest_revision_id = obj.live_revision_id = revisions[str(obj.pk)]
        _update_rows(model, changed, [*fields, *PUBLISH_FIELDS])
        _update_rows(model, created, ["latest_revision", "live_revision"])
        log_model = log_registry.get_log_model_for_model(model) or ModelLogEntry
        entries = []
        for index, obj in enumerate(objects):
            first_action = "wagtail.create" if index < len(created) else "wagtail.edit"
            for action in (first_action, "wagtail.publish"):
                entries.append(
                    {
                        "content_type_id": content_type.pk,
                        "label": str(obj),
                        "action": action,
                        "data": {},
                        "timestamp": self.now,
                        "uuid": self.run,
                        "user_id": user_id,
                        "revision_id": obj.live_revision_id,
                        "content_changed": True,
                        "deleted": False,
                        "object_id": str(obj.pk),
                    }
                )
        _insert_rows(log_model, entries)
        self.cancel_workflows(base_type, changed)

    def content(self, obj):
        data = get_serializable_data_for_fields(obj)
        if get_all_child_relations(obj):
            return obj.serializable_data()
        for relation in get_all_child_m2m_relations(obj):
            if relation.name == "coverage":
                data["coverage"] = [unit.pk for unit in self.coverage.get(obj.pk, [])]
            else:
                return obj.serializable_data()
        return data

    def cancel_workflows(self, base_type, changed):
        # Publishing in the admin cancels a moderation in progress: the import does too.
        if not changed or not getattr(settings, "WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH", True):
            return
        for chunk in _chunks([str(obj.pk) for obj in changed]):
            for state in WorkflowState.objects.active().filter(
                base_content_type=base_type, object_id__in=chunk
            ):
                state.cancel(user=self.user)


def import_services(path_or_file, *, partial=False, dry_run=False, user=None):
    """Validates and imports a CSV file of services; see the module's docstring. Never
    raises for bad data: the report lists every problem with its line."""
    started = time.perf_counter()
    report = ImportReport(partial=partial, dry_run=dry_run)
    try:
        records = _records(_read_text(path_or_file))
        header = next(records, None)
        if header is None:
            raise FileError(_("The file is empty."), 1)
        _check_header(header[1])
        gminas = {t.code: t for t in Territory.objects.filter(level="gmina")}
        parser = _RowParser({code: t.pk for code, t in gminas.items()})
        rows = [
            parser.parse(line, cells)
            for line, cells in records
            if any(cell.strip() for cell in cells)
        ]
    except FileError as error:
        report.errors.append(error.error)
        report.seconds = time.perf_counter() - started
        return report
    _cross_check(rows)
    report.rows = len(rows)
    for row in rows:
        report.errors.extend(row.errors)
    good = [row for row in rows if not row.errors]
    if report.errors and not partial:
        report.seconds = time.perf_counter() - started
        return report
    with transaction.atomic():
        _Writer(good, report, user, gminas).write()
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.saved = report.changed
    report.seconds = time.perf_counter() - started
    return report
