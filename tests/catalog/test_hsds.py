"""The Open Referral HSDS 3.0 export: read back from the ZIP of the API and from the
directory of export_hsds, with every reference checked against the table it points to."""

import csv
import io
import json
import uuid
import zipfile

import pytest
from django.core.management import call_command

from catalog.codes import ServiceStatus
from catalog.hsds import TABLES
from tests.factories.catalog import CatalogPageFactory, InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(db):
    ops = InstitutionFactory(
        name="Gminny Ośrodek Pomocy Społecznej w Oksie",
        gmina="2602052",
        address="ul. Włoszczowska 22",
        locality="Oksa",
        postal_code="28-363",
        latitude="50.740500",
        longitude="20.100200",
        regon="291009876",
        phone="41 381 20 00",
        description="",
    )
    pcpr = InstitutionFactory(
        name="Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
        type="pcpr",
        gmina="2602023",
        krs="0000123456",
        phone="",
    )
    hidden = InstitutionFactory(name="Instytucja w szkicu", live=False)
    return {
        "ops": ops,
        "pcpr": pcpr,
        "club": ServiceFactory(
            institution=ops,
            name="Klub seniora",
            areas=["seniors", "community"],
            target_groups=["seniors"],
        ),
        "family": ServiceFactory(
            institution=pcpr, name="Poradnictwo rodzinne", coverage=["2602"], cost="partly"
        ),
        "duty": ServiceFactory(
            institution=pcpr,
            name="Dyżur psychologa w Oksie",
            gmina="2602052",
            address="ul. Włoszczowska 22",
            status=ServiceStatus.SUSPENDED,
            referral_required=True,
            referred_by="GOPS w Oksie",
        ),
        "draft": ServiceFactory(institution=ops, name="Szkic usługi", live=False),
        "hidden": ServiceFactory(institution=hidden, name="Usługa instytucji w szkicu"),
    }


def read_package(files):
    """{table: [rows]} and the descriptor, checked against the descriptor's own fields."""
    package = json.loads(files["datapackage.json"])
    tables = {}
    for resource in package["resources"]:
        reader = csv.DictReader(io.StringIO(files[resource["path"]], newline=""))
        assert reader.fieldnames == [field["name"] for field in resource["schema"]["fields"]]
        tables[resource["name"]] = list(reader)
    return package, tables


def check_integrity(package, tables):
    for resource in package["resources"]:
        rows = tables[resource["name"]]
        keys = [row["id"] for row in rows]
        assert len(keys) == len(set(keys)), resource["name"]
        for key in keys:
            uuid.UUID(key)  # HSDS identifiers are UUIDs
        for foreign in resource["schema"]["foreignKeys"]:
            field, target = foreign["fields"], foreign["reference"]["resource"]
            known = {row["id"] for row in tables[target]}
            for row in rows:
                assert row[field] == "" or row[field] in known, (resource["name"], field)


def zip_files(response):
    archive = zipfile.ZipFile(io.BytesIO(b"".join([response.content])))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_the_api_serves_the_package_as_a_zip(client, site, catalog):
    CatalogPageFactory(parent=site.home_pl)
    response = client.get("/api/v1/hsds/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="kooperacja-hsds.zip"'
    files = zip_files(response)
    assert set(files) == {"datapackage.json", *(path for path, _f, _k in TABLES.values())}
    package, tables = read_package(files)
    assert package["profile"] == "tabular-data-package" and package["hsds_version"] == "3.0"
    check_integrity(package, tables)

    organizations = {row["name"]: row for row in tables["organization"]}
    assert set(organizations) == {
        "Gminny Ośrodek Pomocy Społecznej w Oksie",
        "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
    }
    ops = organizations["Gminny Ośrodek Pomocy Społecznej w Oksie"]
    assert ops["description"] == "social assistance centre (OPS/GOPS/MOPS/CUS)"
    assert ops["uri"] == f"http://localhost/pl/uslugi/instytucja/{catalog['ops'].pk}/"

    services = {row["name"]: row for row in tables["service"]}
    assert set(services) == {"Klub seniora", "Poradnictwo rodzinne", "Dyżur psychologa w Oksie"}
    assert {name: row["status"] for name, row in services.items()} == {
        "Klub seniora": "active",
        "Poradnictwo rodzinne": "active",
        "Dyżur psychologa w Oksie": "temporarily closed",
    }
    assert services["Dyżur psychologa w Oksie"]["application_process"].endswith("GOPS w Oksie")
    assert services["Poradnictwo rodzinne"]["fees_description"] == "partly paid"
    club = services["Klub seniora"]
    assert club["organization_id"] == ops["id"]
    assert club["eligibility_description"] == "older people"

    # Where the services are: the club at its institution, the duty hours at a place of
    # their own (in Oksa, although the PCPR is in Jędrzejów).
    locations = {row["id"]: row for row in tables["location"]}
    at = {row["service_id"]: locations[row["location_id"]] for row in tables["service_at_location"]}
    assert at[club["id"]]["name"] == ops["name"]
    assert at[club["id"]]["external_identifier"] == "2602052"
    assert (at[club["id"]]["latitude"], at[club["id"]]["longitude"]) == ("50.740500", "20.100200")
    duty = services["Dyżur psychologa w Oksie"]
    assert at[duty["id"]]["external_identifier"] == "2602052"
    assert at[duty["id"]]["organization_id"] == duty["organization_id"]
    addresses = {row["location_id"]: row for row in tables["address"]}
    oksa = addresses[at[club["id"]]["id"]]
    assert (oksa["address_1"], oksa["city"], oksa["postal_code"], oksa["country"]) == (
        "ul. Włoszczowska 22",
        "Oksa",
        "28-363",
        "PL",
    )
    assert (oksa["region"], oksa["state_province"]) == (
        "powiat jędrzejowski",
        "świętokrzyskie voivodeship",
    )

    areas = {(row["service_id"], row["description"]) for row in tables["service_area"]}
    assert (services["Poradnictwo rodzinne"]["id"], "TERYT TERC 2602") in areas
    assert (club["id"], "TERYT TERC 2602052") in areas

    terms = {row["id"]: row for row in tables["taxonomy_term"]}
    club_terms = {
        (row["link_type"], terms[row["taxonomy_term_id"]]["code"])
        for row in tables["attribute"]
        if row["link_id"] == club["id"]
    }
    assert club_terms == {
        ("problem_area", "seniors"),
        ("problem_area", "community"),
        ("target_group", "seniors"),
    }
    assert {row["language"] for row in tables["taxonomy_term"]} == {"en"}
    identifiers = {
        (row["identifier_type"], row["identifier"]) for row in tables["organization_identifier"]
    }
    assert identifiers == {("REGON", "291009876"), ("KRS", "0000123456")}
    assert [row["number"] for row in tables["phone"]] == ["41 381 20 00"]


@pytest.mark.parametrize("accept", ["application/json", "text/html", "*/*"])
def test_any_accept_header_gets_the_package(client, catalog, accept):
    response = client.get("/api/v1/hsds/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert "services.csv" in zip_files(response)


def test_identifiers_are_the_same_in_every_export(client, catalog):
    first = read_package(zip_files(client.get("/api/v1/hsds/")))[1]
    catalog["club"].name = "Klub seniora „Jesień”"
    catalog["club"].save()
    second = read_package(zip_files(client.get("/api/v1/hsds/")))[1]
    assert [row["id"] for row in first["service"]] == [row["id"] for row in second["service"]]
    # The change is there: the cached package was not served after it.
    assert "Klub seniora „Jesień”" in {row["name"] for row in second["service"]}


def test_a_repeated_download_is_served_from_the_cache(
    client, catalog, django_assert_max_num_queries
):
    client.get("/api/v1/hsds/")
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/hsds/").status_code == 200


def test_the_command_writes_the_same_package_into_a_directory(tmp_path, catalog, capsys):
    call_command("export_hsds", str(tmp_path / "hsds"))

    out = capsys.readouterr().out
    assert "services.csv: 3" in out and "organizations.csv: 2" in out
    files = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "hsds").iterdir()}
    package, tables = read_package(files)
    check_integrity(package, tables)
    assert {row["language"] for row in tables["taxonomy_term"]} == {"pl"}
