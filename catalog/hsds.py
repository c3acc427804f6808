"""Export of the list to the Open Referral Human Services Data Specification (HSDS) 3.0, for
exchange with other directories of services.

The export is an HSDS tabular data package: one CSV file per table (UTF-8, comma-separated,
a header row with the HSDS field names) and a `datapackage.json` describing the tables,
their fields, primary and foreign keys. Tables and what fills them:

- organizations (institutions) and organization_identifiers (REGON, KRS, NIP);
- services, with status active / temporarily closed (suspended) / defunct (ended);
- locations: an institution's place, and the place of a service delivered elsewhere, with
  the gmina's TERYT TERC code as external_identifier; addresses of those locations;
- service_at_location: where each service is delivered;
- phones (of organizations), service_areas (the TERYT units each service covers);
- taxonomies, taxonomy_terms and attributes: problem areas and target groups of services
  and the types of institutions, as the list's own code lists.

Identifiers are UUIDs derived from the site's address and the entry's key, so the same
entry has the same identifier in every export and a receiving directory can update it.
Only published entries are exported; labels are in the active language."""

import csv
import io
import json
import uuid
import zipfile
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Prefetch
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from catalog.api.links import public_links
from catalog.codes import Cost, InstitutionType, ProblemArea, ServiceStatus, TargetGroup
from catalog.importer import place_source
from catalog.models import Institution, Service, Territory

HSDS_VERSION = "3.0"

# name -> (file, fields, foreign keys {field: table}); field types other than string below.
TABLES = {
    "organization": (
        "organizations.csv",
        ["id", "name", "alternate_name", "description", "email", "website", "uri"],
        {},
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"],
        {"organization_id": "organization"},
    ),
    "service": (
        "services.csv",
        [
            "id",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "eligibility_description",
            "assured_date",
        ],
        {"organization_id": "organization"},
    ),
    "location": (
        "locations.csv",
        [
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ],
        {"organization_id": "organization"},
    ),
    "address": (
        "addresses.csv",
        [
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
        {"location_id": "location"},
    ),
    "service_at_location": (
        "service_at_location.csv",
        ["id", "service_id", "location_id", "description"],
        {"service_id": "service", "location_id": "location"},
    ),
    "phone": (
        "phones.csv",
        [
            "id",
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
            "number",
            "extension",
            "type",
            "description",
        ],
        {"organization_id": "organization"},
    ),
    "service_area": (
        "service_areas.csv",
        ["id", "service_id", "name", "description", "extent", "extent_type", "uri"],
        {"service_id": "service"},
    ),
    "taxonomy": ("taxonomies.csv", ["id", "name", "description", "uri", "version"], {}),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        ["id", "code", "name", "description", "parent_id", "taxonomy_id", "language", "term_uri"],
        {"taxonomy_id": "taxonomy"},
    ),
    "attribute": (
        "attributes.csv",
        ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value", "label"],
        {"taxonomy_term_id": "taxonomy_term"},
    ),
}
FIELD_TYPES = {"latitude": "number", "longitude": "number", "assured_date": "date"}
STATUS = {
    ServiceStatus.ACTIVE: "active",
    ServiceStatus.SUSPENDED: "temporarily closed",
    ServiceStatus.ENDED: "defunct",
}
# (taxonomy key, code list, what it describes, the entity its attributes link)
TAXONOMIES = [
    ("problem_area", ProblemArea, "service"),
    ("target_group", TargetGroup, "service"),
    ("institution_type", InstitutionType, "organization"),
]
TAXONOMY_NAMES = {
    "problem_area": gettext_lazy("Kooperacja: problem areas"),
    "target_group": gettext_lazy("Kooperacja: target groups"),
    "institution_type": gettext_lazy("Kooperacja: types of institutions"),
}


def _namespace():
    return uuid.uuid5(uuid.NAMESPACE_URL, getattr(settings, "WAGTAILADMIN_BASE_URL", "kooperacja"))


class _Ids:
    def __init__(self):
        self.namespace = _namespace()

    def __call__(self, table, key):
        return str(uuid.uuid5(self.namespace, f"{table}:{key}"))


def _unit_label(unit):
    from catalog.views import unit_label

    return str(unit_label(unit))


def build_tables():
    """The HSDS tables as {table name: [row dicts]}, in the active language."""
    ids = _Ids()
    links = public_links()
    tables = {name: [] for name in TABLES}
    coverage = Prefetch(
        "coverage", queryset=Territory.objects.select_related("parent", "parent__parent")
    )
    institutions = list(
        Institution.objects.filter(live=True)
        .select_related("gmina", "gmina__parent", "gmina__parent__parent")
        .order_by("pk")
    )
    services = list(
        Service.objects.filter(live=True, institution__live=True)
        .select_related(
            "institution", "gmina", "gmina__parent", "gmina__parent__parent", "institution__gmina"
        )
        .prefetch_related(coverage)
        .order_by("pk")
    )

    terms = {}
    for key, choices, _entity in TAXONOMIES:
        taxonomy_id = ids("taxonomy", key)
        tables["taxonomy"].append(
            {
                "id": taxonomy_id,
                "name": str(TAXONOMY_NAMES[key]),
                "description": str(TAXONOMY_NAMES[key]),
                "uri": "",
                "version": "",
            }
        )
        for code, label in choices.choices:
            terms[key, code] = ids("taxonomy_term", f"{key}:{code}")
            tables["taxonomy_term"].append(
                {
                    "id": terms[key, code],
                    "code": code,
                    "name": str(label),
                    "description": str(label),
                    "parent_id": "",
                    "taxonomy_id": taxonomy_id,
                    "language": translation.get_language() or settings.LANGUAGE_CODE,
                    "term_uri": "",
                }
            )

    def attribute(entity, link_id, key, code):
        if (key, code) not in terms:
            return
        tables["attribute"].append(
            {
                "id": ids("attribute", f"{entity}:{link_id}:{key}:{code}"),
                "link_id": link_id,
                "taxonomy_term_id": terms[key, code],
                "link_type": key,
                "link_entity": entity,
                "value": code,
                "label": "",
            }
        )

    def location(key, record, organization_id, name):
        """A location for a place (an institution's or a service's own); None if the
        record has no place."""
        if not record.gmina_id:
            return None
        location_id = ids("location", key)
        gmina = record.gmina
        tables["location"].append(
            {
                "id": location_id,
                "location_type": "physical",
                "url": "",
                "organization_id": organization_id,
                "name": name,
                "alternate_name": "",
                "description": "",
                "transportation": "",
                "latitude": "" if record.latitude is None else str(record.latitude),
                "longitude": "" if record.longitude is None else str(record.longitude),
                "external_identifier": gmina.code,
                "external_identifier_type": "TERYT TERC",
            }
        )
        powiat = gmina.parent
        voivodeship = powiat.parent if powiat else None
        tables["address"].append(
            {
                "id": ids("address", key),
                "location_id": location_id,
                "attention": "",
                "address_1": record.address,
                "address_2": "",
                "city": record.locality or gmina.name,
                "region": _unit_label(powiat) if powiat else "",
                "state_province": _unit_label(voivodeship) if voivodeship else "",
                "postal_code": record.postal_code,
                "country": "PL",
                "address_type": "physical",
            }
        )
        return location_id

    organization_ids = {}
    institution_locations = {}
    type_labels = dict(InstitutionType.choices)
    for institution in institutions:
        organization_id = ids("organization", institution.pk)
        organization_ids[institution.pk] = organization_id
        tables["organization"].append(
            {
                "id": organization_id,
                "name": institution.name,
                "alternate_name": "",
                # HSDS requires a description: the type of institution when there is none.
                "description": institution.description
                or str(type_labels.get(institution.type, institution.type)),
                "email": institution.email,
                "website": institution.website,
                "uri": links.institution(institution.pk) if links else "",
            }
        )
        for scheme in ("regon", "krs", "nip"):
            number = getattr(institution, scheme)
            if number:
                tables["organization_identifier"].append(
                    {
                        "id": ids("organization_identifier", f"{institution.pk}:{scheme}"),
                        "organization_id": organization_id,
                        "identifier_scheme": "",
                        "identifier_type": scheme.upper(),
                        "identifier": number,
                    }
                )
        if institution.phone:
            tables["phone"].append(
                {
                    "id": ids("phone", f"organization:{institution.pk}"),
                    "location_id": "",
                    "service_id": "",
                    "organization_id": organization_id,
                    "contact_id": "",
                    "service_at_location_id": "",
                    "number": institution.phone,
                    "extension": "",
                    "type": "voice",
                    "description": "",
                }
            )
        attribute("organization", organization_id, "institution_type", institution.type)
        institution_locations[institution.pk] = location(
            f"institution:{institution.pk}", institution, organization_id, institution.name
        )

    cost_labels = dict(Cost.choices)
    target_labels = dict(TargetGroup.choices)
    for service in services:
        service_id = ids("service", service.pk)
        institution = service.institution
        organization_id = organization_ids[institution.pk]
        access = [service.access]
        if service.referral_required:
            access.append(service.referred_by)
        tables["service"].append(
            {
                "id": service_id,
                "organization_id": organization_id,
                "name": service.name,
                "alternate_name": "",
                "description": service.description,
                "url": links.service(service.pk) if links else "",
                "email": institution.email,
                "status": STATUS.get(service.status, "inactive"),
                "interpretation_services": "PJM" if service.sign_language else "",
                "application_process": "\n".join(part for part in access if part),
                "fees_description": str(cost_labels.get(service.cost, service.cost)),
                "eligibility_description": ", ".join(
                    str(target_labels[code])
                    for code in service.target_groups
                    if code in target_labels
                ),
                "assured_date": service.last_verified.isoformat() if service.last_verified else "",
            }
        )
        for code in service.areas:
            attribute("service", service_id, "problem_area", code)
        for code in service.target_groups:
            attribute("service", service_id, "target_group", code)
        if place_source(service, institution) is service:
            location_id = location(f"service:{service.pk}", service, organization_id, service.name)
        else:
            location_id = institution_locations.get(institution.pk)
        if location_id:
            tables["service_at_location"].append(
                {
                    "id": ids("service_at_location", service.pk),
                    "service_id": service_id,
                    "location_id": location_id,
                    "description": "",
                }
            )
        units = list(service.coverage.all()) or [service.gmina or institution.gmina]
        for unit in units:
            if unit is None:
                continue
            tables["service_area"].append(
                {
                    "id": ids("service_area", f"{service.pk}:{unit.code}"),
                    "service_id": service_id,
                    "name": _unit_label(unit),
                    "description": f"TERYT TERC {unit.code}",
                    "extent": "",
                    "extent_type": "",
                    "uri": "",
                }
            )
    return tables


def datapackage(tables):
    resources = []
    for name, (path, fields, foreign) in TABLES.items():
        resources.append(
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": field, "type": FIELD_TYPES.get(field, "string")}
                        for field in fields
                    ],
                    "primaryKey": "id",
                    "foreignKeys": [
                        {"fields": field, "reference": {"resource": target, "fields": "id"}}
                        for field, target in foreign.items()
                    ],
                },
            }
        )
    return {
        "name": "kooperacja-hsds",
        "title": f"{settings.WAGTAIL_SITE_NAME}: HSDS {HSDS_VERSION}",
        "profile": "tabular-data-package",
        "hsds_version": HSDS_VERSION,
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "resources": resources,
    }


def table_csv(name, rows):
    _path, fields, _foreign = TABLES[name]
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def package_files(tables=None):
    """{file name: text} of the whole package."""
    tables = build_tables() if tables is None else tables
    files = {TABLES[name][0]: table_csv(name, rows) for name, rows in tables.items()}
    files["datapackage.json"] = json.dumps(datapackage(tables), ensure_ascii=False, indent=2)
    return files


def write_directory(directory, tables=None):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    files = package_files(tables)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8", newline="")
    return files


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in package_files().items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def fingerprint():
    """Changes whenever a published entry is added, changed or withdrawn: the key under
    which a built package may be reused."""
    services = Service.objects.filter(live=True).aggregate(n=Count("pk"), t=Max("updated_at"))
    institutions = Institution.objects.filter(live=True).aggregate(
        n=Count("pk"), t=Max("updated_at")
    )
    return (
        f"{services['n']}:{services['t']}:{institutions['n']}:{institutions['t']}:"
        f"{translation.get_language()}"
    )
