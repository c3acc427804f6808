"""The CSV import of services: a good file, a spreadsheet-made file, idempotence, bad rows
as a table of cases, all-or-nothing against --partial, dry runs and the command."""

import csv
import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import ModelLogEntry, Revision

from catalog.importer import COLUMNS, exchange_id, import_services
from catalog.models import Institution, Service, Territory
from catalog.search import ServiceFilters, refresh_search_text, search_services

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
GOOD = DATA / "uslugi.csv"


@pytest.fixture(autouse=True)
def english():
    # Reasons are checked in English here; the Polish catalogue has its own test below.
    with translation.override("en"):
        yield


def good_row(**changes):
    row = {
        "service_id": "S-1",
        "institution_id": "I-1",
        "institution_name": "Gminny Ośrodek Pomocy Społecznej w Oksie",
        "institution_type": "ops",
        "service_name": "Poradnictwo socjalne",
        "kind": "service",
        "description": "Rozmowa z pracownikiem socjalnym.",
        "areas": "poverty",
        "target_groups": "families",
        "teryt": "2602052",
        "address": "ul. Włoszczowska 22",
        "postal_code": "28-363",
        "locality": "Oksa",
        "phone": "41 381 20 00",
        "email": "gops@oksa.example",
        "website": "https://gops.oksa.example",
        "cost": "free",
        "access": "Bez skierowania.",
        "latitude": "50.7405",
        "longitude": "20.1002",
        "last_verified": "2024-03-01",
    }
    row.update(changes)
    return row


def write_csv(path, rows, header=COLUMNS, encoding="utf-8"):
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row[c] for c in header] if isinstance(row, dict) else row)
    return path


def history(obj):
    return list(
        ModelLogEntry.objects.filter(
            object_id=str(obj.pk), content_type__model=obj._meta.model_name
        )
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_a_good_file_makes_live_published_entries_with_history():
    report = import_services(GOOD)

    assert report.ok and report.saved
    assert (report.institutions_created, report.services_created) == (3, 5)
    assert Institution.objects.filter(live=True).count() == 3
    assert Service.objects.filter(live=True, has_unpublished_changes=False).count() == 5

    ops = Institution.objects.get(external_id="OPS-OKSA")
    assert (ops.name, ops.type, ops.gmina.code, ops.postal_code) == (
        "Gminny Ośrodek Pomocy Społecznej w Oksie",
        "ops",
        "2602052",
        "28-363",
    )
    assert (ops.phone, ops.email, ops.website) == (
        "41 381 20 00",
        "gops@oksa.example",
        "https://gops.oksa.example",
    )
    assert (ops.latitude, ops.longitude) == (Decimal("50.740500"), Decimal("20.100200"))
    assert ops.last_verified == datetime.date(2024, 3, 1)

    club = Service.objects.get(external_id="OKSA-KLUB-SENIORA")
    assert club.institution == ops
    assert (club.kind, club.cost, club.areas, club.target_groups) == (
        "activity",
        "free",
        ["seniors", "community"],
        ["seniors"],
    )
    assert club.last_verified == datetime.date(2024, 3, 1)
    # Delivered at its institution's place: no place of its own, the institution's applies.
    assert club.gmina_id is None and club.place_gmina.code == "2602052"
    assert club.coverage_codes == "|2602052|"

    # A PCPR (Jędrzejów) service held in Oksa keeps its own place and covers Oksa.
    duty = Service.objects.get(external_id="PCPR-DYZUR-OKSA")
    assert duty.institution.gmina.code == "2602023"
    assert (duty.gmina.code, duty.address) == ("2602052", "ul. Włoszczowska 22")
    assert duty.coverage_codes == "|2602052|"

    for service in Service.objects.all():
        stored = service.coverage_codes
        assert service.refresh_coverage() == stored  # the importer's rule is the model's
        assert service.latest_revision_id == service.live_revision_id is not None
        assert service.live_revision.content["name"] == service.name
        assert history(service) == ["wagtail.create", "wagtail.publish"]
    assert history(ops) == ["wagtail.create", "wagtail.publish"]
    assert ops.live_revision.as_object().name == ops.name


def found(query):
    filters = ServiceFilters.from_params({"q": query})
    return {s.external_id for s in search_services(filters, facets=False).queryset}


def test_imported_services_are_found_as_saved_ones_are(tmp_path):
    import_services(GOOD)
    for service in Service.objects.select_related("institution", "gmina", "institution__gmina"):
        stored = service.search_text
        assert stored and refresh_search_text(service) == stored  # as the signals make it
    assert found("klub seniorów") == {"OKSA-KLUB-SENIORA"}
    assert found("kolo gospodyn") == {"KGW-WARSZTATY"}

    # A renamed institution: its unchanged services are found by the new name.
    with open(GOOD, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    rows[4]["institution_name"] = "Stowarzyszenie Gospodyń Bielińskich"
    report = import_services(write_csv(tmp_path / "nazwa.csv", rows))
    assert (report.institutions_updated, report.services_updated) == (1, 0)
    assert found("stowarzyszenie") == {"KGW-WARSZTATY"}


def test_the_same_file_again_changes_nothing_and_says_so():
    import_services(GOOD)
    revisions = Revision.objects.count()
    stamps = dict(Service.objects.values_list("pk", "updated_at"))

    report = import_services(GOOD)

    assert report.ok and not report.changed and not report.saved
    assert (report.services_unchanged, report.institutions_unchanged) == (5, 3)
    assert Revision.objects.count() == revisions
    assert dict(Service.objects.values_list("pk", "updated_at")) == stamps
    assert any("changed nothing" in line for line in report.summary())


def test_a_changed_row_updates_its_entry_with_a_new_revision(tmp_path):
    import_services(GOOD)
    with open(GOOD, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    rows[1]["service_name"] = "Klub seniora „Pogodna jesień”"
    rows[1]["areas"] = "seniors"
    rows[4]["institution_name"] = "KGW Bieliny"
    report = import_services(write_csv(tmp_path / "zmiany.csv", rows))

    assert (report.services_updated, report.services_unchanged) == (1, 4)
    assert (report.institutions_updated, report.institutions_unchanged) == (1, 2)
    club = Service.objects.get(external_id="OKSA-KLUB-SENIORA")
    assert (club.name, club.areas) == ("Klub seniora „Pogodna jesień”", ["seniors"])
    assert (
        Revision.objects.filter(object_id=str(club.pk), base_content_type__model="service").count()
        == 2
    )
    assert club.live_revision.content["name"] == club.name
    assert history(club)[-2:] == ["wagtail.edit", "wagtail.publish"]
    assert Institution.objects.get(external_id="KGW-BIELINY").name == "KGW Bieliny"


def test_a_spreadsheet_file_with_bom_crlf_and_comma_decimals():
    report = import_services(DATA / "uslugi_excel.csv")

    assert report.ok, [str(e) for e in report.errors]
    advice = Service.objects.get(external_id="OKSA-PORADNICTWO")
    assert advice.description == "Rozmowa z pracownikiem socjalnym.\nPomoc w sprawach urzędowych."
    ops = advice.institution
    assert (ops.latitude, ops.longitude) == (Decimal("50.740500"), Decimal("20.100200"))
    assert ops.phone == "+48 41 381 20 00"  # the apostrophe against formulas is taken off
    assert Institution.objects.get(external_id="PCPR-JEDRZEJOW").website == (
        "https://pcpr.jedrzejow.example"
    )
    workshop = Service.objects.get(external_id="KGW-WARSZTATY")
    assert workshop.areas == ["seniors", "community"]
    assert workshop.institution.postal_code == "26-004"


def test_a_file_object_is_read_as_well(tmp_path):
    with open(GOOD, "rb") as handle:
        assert import_services(handle).services_created == 5


BAD_ROWS = [
    ({"service_name": ""}, "service_name", "Missing required value in column service_name"),
    ({"institution_id": ""}, "institution_id", "Missing required value"),
    ({"teryt": ""}, "teryt", "Missing required value in column teryt"),
    ({"areas": "poverty|senior"}, "areas", "Unknown code “senior” in column areas"),
    ({"target_groups": "kids"}, "target_groups", "Unknown code “kids”"),
    ({"institution_type": "gops"}, "institution_type", "Unknown code “gops”"),
    ({"kind": "usługa"}, "kind", "Unknown code “usługa” in column kind"),
    ({"cost": "gratis"}, "cost", "Unknown code “gratis” in column cost"),
    ({"teryt": "26020"}, "teryt", "is not a gmina TERC code"),
    ({"teryt": "2602"}, "teryt", "is not a gmina TERC code"),
    ({"teryt": "2602059"}, "teryt", "There is no gmina with TERC code 2602059"),
    # The town part (RODZ 4) of the urban-rural gmina Jędrzejów is not a gmina.
    ({"teryt": "2602024"}, "teryt", "There is no gmina with TERC code 2602024"),
    ({"email": "gops(at)oksa.example"}, "email", "is not a correct e-mail address"),
    ({"website": "http://"}, "website", "is not a correct website address"),
    ({"postal_code": "2836"}, "postal_code", "should look like 26-001"),
    ({"latitude": "pięćdziesiąt"}, "latitude", "is not a number"),
    ({"longitude": "20.1.2"}, "longitude", "is not a number"),
    ({"latitude": "95"}, "latitude", "outside -90…90"),
    ({"longitude": "-181"}, "longitude", "outside -180…180"),
    ({"longitude": ""}, "latitude", "both latitude and longitude"),
    ({"last_verified": "01.03.2024"}, "last_verified", "not a date in the form YYYY-MM-DD"),
    ({"last_verified": "2024-02-30"}, "last_verified", "not a date in the form YYYY-MM-DD"),
    ({"last_verified": "2999-01-01"}, "last_verified", "is in the future"),
    ({"service_name": "x" * 256}, "service_name", "too long (at most 255 characters)"),
    ({"service_id": "s" * 65}, "service_id", "too long (at most 64 characters)"),
    # Two rows of one institution that disagree about it.
    ({"service_id": "S-2", "institution_name": "GOPS Oksa"}, "institution_name", "than in line 2"),
    ({"service_id": "S-2", "institution_type": "ngo"}, "institution_type", "than in line 2"),
    ({"service_id": "S-2", "email": "inny@oksa.example"}, "email", "than in line 2"),
    ({"service_id": "S-2", "phone": ""}, "phone", "than in line 2"),
    # The same service twice.
    (
        {"service_id": "S-1", "service_name": "Inna"},
        "service_id",
        "Service S-1 is already in line 2",
    ),
]


@pytest.mark.parametrize(("changes", "column", "reason"), BAD_ROWS)
def test_a_bad_row_is_reported_with_its_line_and_reason(tmp_path, changes, column, reason):
    bad = good_row(**{"service_id": "S-9", **changes})
    path = write_csv(tmp_path / "plik.csv", [good_row(), bad])

    report = import_services(path)

    assert [(e.line, e.column) for e in report.errors] == [(3, column)]
    assert reason in str(report.errors[0]) and str(report.errors[0]).startswith("Line 3: ")
    assert not report.saved
    assert not Service.objects.exists() and not Institution.objects.exists()


def test_a_row_with_a_wrong_number_of_columns(tmp_path):
    path = write_csv(tmp_path / "plik.csv", [good_row(), list(good_row().values())[:-2]])
    report = import_services(path)
    assert [str(e) for e in report.errors] == ["Line 3: The row has 19 columns instead of 21."]


def test_every_problem_of_a_row_is_listed(tmp_path):
    path = write_csv(tmp_path / "plik.csv", [good_row(kind="x", cost="", email="@")])
    report = import_services(path)
    assert {e.column for e in report.errors} == {"kind", "cost", "email"}
    assert report.bad_lines == [2]


def test_line_numbers_count_lines_of_the_file_not_records(tmp_path):
    # A quoted description over three lines: the next record starts on line 5.
    path = write_csv(
        tmp_path / "plik.csv",
        [good_row(description="jeden\ndwa\ntrzy"), good_row(service_id="S-2", cost="?")],
    )
    assert [e.line for e in import_services(path).errors] == [5]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "The file is empty"),
        (";".join(COLUMNS[:-1]).encode(), "missing columns: last_verified"),
        ((";".join(COLUMNS) + ";notes").encode(), "unknown columns: notes"),
        (";".join(reversed(COLUMNS)).encode(), "the columns are in a different order"),
        (",".join(COLUMNS).encode(), "separated by semicolons"),
        ((";".join(COLUMNS) + "\nOśrodek").encode("cp1250"), "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_imports_nothing_even_with_partial(tmp_path, content, reason):
    path = tmp_path / "plik.csv"
    path.write_bytes(content)
    report = import_services(path, partial=True)
    assert len(report.errors) == 1 and reason in str(report.errors[0])
    assert report.summary() == ["Nothing was imported: the file cannot be read."]
    assert not Service.objects.exists()


def mixed_file(tmp_path):
    rows = [
        good_row(),
        good_row(service_id="S-2", service_name="Klub seniora", areas="seniors"),
        good_row(service_id="S-3", teryt="9999999"),
        good_row(service_id="S-4", institution_id="I-2", institution_name="PCPR", teryt="2602023"),
    ]
    return write_csv(tmp_path / "plik.csv", rows)


def test_by_default_one_bad_row_stops_the_whole_file(tmp_path):
    report = import_services(mixed_file(tmp_path))
    assert report.bad_lines == [4]
    assert report.summary()[0].startswith("Nothing was imported because 1 row has errors.")
    assert not Service.objects.exists() and not Institution.objects.exists()


def test_partial_imports_the_good_rows_and_reports_the_bad(tmp_path):
    report = import_services(mixed_file(tmp_path), partial=True)
    assert report.bad_lines == [4]
    assert (report.services_created, report.institutions_created) == (3, 2)
    assert set(Service.objects.values_list("external_id", flat=True)) == {"S-1", "S-2", "S-4"}
    assert "1 row with errors was skipped." in report.summary()


def test_dry_run_says_what_would_change_and_saves_nothing(tmp_path):
    report = import_services(GOOD, dry_run=True)
    assert (report.services_created, report.institutions_created) == (5, 3)
    assert not report.saved and "Dry run: nothing was saved." in report.summary()
    assert not Service.objects.exists() and not Revision.objects.exists()


def make_in_admin():
    """An institution and a service as an editor makes them: no external_id."""
    oksa = Territory.objects.get(code="2602052")
    institution = Institution.objects.create(
        name="Biblioteka w Oksie", type="library", gmina=oksa, live=True
    )
    service = Service.objects.create(
        institution=institution, name="Czytanie dla dzieci", areas=["community"], live=True
    )
    return institution, service


def test_entries_made_in_the_admin_are_matched_by_their_signed_identifiers(tmp_path):
    institution, service = make_in_admin()
    row = good_row(
        service_id=exchange_id(service),
        institution_id=exchange_id(institution),
        institution_name="Biblioteka Publiczna w Oksie",
        institution_type="library",
    )
    report = import_services(write_csv(tmp_path / "plik.csv", [row]))

    assert (report.services_updated, report.institutions_updated) == (1, 1)
    assert (Service.objects.count(), Institution.objects.count()) == (1, 1)
    service.refresh_from_db()
    assert service.name == "Poradnictwo socjalne" and service.external_id is None


def test_a_forged_or_foreign_signed_identifier_makes_a_new_entry(tmp_path):
    institution, service = make_in_admin()
    forged = exchange_id(service)[:-1] + ("0" if exchange_id(service)[-1] != "0" else "1")
    row = good_row(service_id=forged, institution_id=exchange_id(institution))
    report = import_services(write_csv(tmp_path / "plik.csv", [row]))
    assert report.services_created == 1
    assert Service.objects.get(external_id=forged).pk != service.pk


def test_a_waiting_draft_is_superseded_by_the_import(tmp_path):
    import_services(GOOD)
    club = Service.objects.get(external_id="OKSA-KLUB-SENIORA")
    club.name = "Szkic redaktora"
    club.save_revision()  # an institution editor's change waiting for moderation
    club.refresh_from_db()
    assert club.has_unpublished_changes

    with open(GOOD, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    rows[1]["description"] = "Nowy opis z importu."
    import_services(write_csv(tmp_path / "plik.csv", rows))

    club.refresh_from_db()
    assert club.description == "Nowy opis z importu." and club.name == "Klub seniora"
    assert not club.has_unpublished_changes
    assert club.latest_revision_id == club.live_revision_id


def test_the_command_prints_the_summary_and_fails_on_bad_rows(tmp_path, capsys):
    call_command("import_services", str(GOOD))
    assert "Services: 5 new, 0 changed, 0 unchanged." in capsys.readouterr().out

    call_command("import_services", str(GOOD))
    assert "changed nothing" in capsys.readouterr().out

    with pytest.raises(CommandError, match="Nothing was imported because 1 row has errors"):
        call_command("import_services", str(mixed_file(tmp_path)))
    assert "Line 4: There is no gmina with TERC code 9999999." in capsys.readouterr().err


def test_the_command_with_partial_dry_run_and_user(tmp_path, capsys, user):
    call_command("import_services", str(mixed_file(tmp_path)), "--partial", "--dry-run")
    out = capsys.readouterr()
    assert "Services: 3 new" in out.out and "Line 4:" in out.err
    assert not Service.objects.exists()

    call_command("import_services", str(GOOD), "--user", user.username)
    assert set(Revision.objects.values_list("user", flat=True)) == {user.pk}

    with pytest.raises(CommandError, match="No user"):
        call_command("import_services", str(GOOD), "--user", "nobody-here")


def test_the_reasons_are_in_polish_by_default(tmp_path):
    path = write_csv(tmp_path / "plik.csv", [good_row(teryt="9999999", email="zly")])
    with translation.override("pl"):
        report = import_services(path)
        messages = [str(e) for e in report.errors]
        summary = report.summary()
    assert messages == [
        "Wiersz 2: Nie ma gminy o kodzie TERC 9999999.",
        "Wiersz 2: „zly” nie jest poprawnym adresem e-mail.",
    ]
    assert summary[0].startswith("Niczego nie zaimportowano, bo 1 wiersz ma błędy.")
