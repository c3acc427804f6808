"""The CSV export: read back as a spreadsheet would, and imported again (round trip)."""

import csv
import io
from pathlib import Path

import pytest

from catalog.exports import services_csv_response, write_services_csv
from catalog.fields import code_q
from catalog.importer import COLUMNS, exchange_id, import_services
from catalog.models import Institution, Service
from tests.factories.catalog import InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

GOOD = Path(__file__).parent / "data" / "uslugi.csv"


def read_response(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")  # Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(body[1:], newline=""), delimiter=";"))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def export_file(tmp_path, queryset=None, name="eksport.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        write_services_csv(Service.objects.all() if queryset is None else queryset, handle)
    return path


def snapshot():
    """What the list says about each service, wherever the value is stored."""
    result = {}
    for service in Service.objects.select_related("institution", "gmina", "institution__gmina"):
        institution = service.institution
        place = service if service.gmina_id else institution
        result[service.external_id] = (
            service.name,
            service.kind,
            service.description,
            service.areas,
            service.target_groups,
            service.cost,
            service.access,
            service.last_verified,
            service.coverage_codes,
            service.live,
            institution.external_id,
            institution.name,
            institution.type,
            institution.phone,
            institution.email,
            institution.website,
            place.gmina.code,
            place.address,
            place.postal_code,
            place.locality,
            place.latitude,
            place.longitude,
        )
    return result


def test_the_export_is_a_spreadsheet_file_with_the_import_columns():
    import_services(GOOD)
    response = services_csv_response(Service.objects.order_by("external_id"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="uslugi.csv"'
    header, rows = read_response(response)
    assert header == COLUMNS
    by_id = {row["service_id"]: row for row in rows}
    assert list(by_id) == sorted(by_id)
    assert by_id["OKSA-KLUB-SENIORA"] == {
        "service_id": "OKSA-KLUB-SENIORA",
        "institution_id": "OPS-OKSA",
        "institution_name": "Gminny Ośrodek Pomocy Społecznej w Oksie",
        "institution_type": "ops",
        "service_name": "Klub seniora",
        "kind": "activity",
        "description": "Spotkania, rozmowy i wspólne zajęcia dla starszych mieszkańców gminy.",
        "areas": "seniors|community",
        "target_groups": "seniors",
        "teryt": "2602052",
        "address": "ul. Włoszczowska 22",
        "postal_code": "28-363",
        "locality": "Oksa",
        "phone": "41 381 20 00",
        "email": "gops@oksa.example",
        "website": "https://gops.oksa.example",
        "cost": "free",
        "access": "Wystarczy przyjść w czwartek o 10.00.",
        "latitude": "50.740500",
        "longitude": "20.100200",
        "last_verified": "2024-03-01",
    }
    # The PCPR's duty hours in Oksa: its own place, the PCPR's contact data.
    duty = by_id["PCPR-DYZUR-OKSA"]
    assert (duty["teryt"], duty["locality"], duty["phone"]) == ("2602052", "Oksa", "41 386 10 00")
    assert (by_id["PCPR-PORADNICTWO-RODZINNE"]["latitude"], duty["latitude"]) == ("", "50.740500")


def test_only_the_filtered_services_are_exported():
    import_services(GOOD)
    seniors = Service.objects.filter(code_q("areas", "seniors"))
    _header, rows = read_response(services_csv_response(seniors, filename="seniorzy.csv"))
    assert {row["service_id"] for row in rows} == {"OKSA-KLUB-SENIORA", "KGW-WARSZTATY"}


def test_an_export_imported_into_the_same_list_changes_nothing(tmp_path):
    import_services(GOOD)
    report = import_services(export_file(tmp_path))
    assert report.ok and not report.changed
    assert (report.services_unchanged, report.institutions_unchanged) == (5, 3)


def test_an_export_imported_into_an_empty_list_makes_the_same_entries(tmp_path):
    import_services(GOOD)
    before = snapshot()
    path = export_file(tmp_path)
    Service.objects.all().delete()
    Institution.objects.all().delete()

    report = import_services(path)

    assert (report.services_created, report.institutions_created) == (5, 3)
    assert snapshot() == before


def test_entries_made_in_the_admin_survive_the_round_trip(tmp_path):
    """No external ids, a service for the whole powiat, a service with a place of its own,
    and text that a spreadsheet would take for a formula."""
    library = InstitutionFactory(
        name="Biblioteka w Oksie", type="library", phone="+48 41 000 00 00", email=""
    )
    county = ServiceFactory(
        institution=library,
        name="Książka na telefon",
        description="=dla osób, które nie wychodzą z domu",
        coverage=["2602"],
    )
    ServiceFactory(institution=library, name="Filia w Jędrzejowie", gmina="2602023")
    ServiceFactory(institution=library, name="Lekcje biblioteczne", access="-zapisy w szkole")
    path = export_file(tmp_path)

    text = path.read_text(encoding="utf-8")
    assert ";'+48 41 000 00 00;" in text and ";'=dla osób" in text and ";'-zapisy" in text
    assert exchange_id(county) in text and exchange_id(library) in text

    revisions = {s.pk: s.latest_revision_id for s in Service.objects.all()}
    report = import_services(path)

    assert report.ok and not report.changed, report.summary()
    county.refresh_from_db()
    assert county.coverage_codes == "|2602|" and county.description.startswith("=dla")
    assert {s.pk: s.latest_revision_id for s in Service.objects.all()} == revisions


@pytest.mark.parametrize("count", [5, 40])
def test_the_export_costs_one_query_whatever_its_size(count, django_assert_max_num_queries):
    institution = InstitutionFactory()
    ServiceFactory.create_batch(count, institution=institution)
    ServiceFactory(institution=InstitutionFactory(gmina="2602023"), gmina="2602052")
    with django_assert_max_num_queries(1):
        _header, rows = read_response(services_csv_response(Service.objects.all()))
    assert len(rows) == count + 1
