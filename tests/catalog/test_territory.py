import csv
import io

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Territory
from catalog.territory import SHIPPED_REGISTER

pytestmark = pytest.mark.django_db


def register_rows():
    with open(SHIPPED_REGISTER, encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter=";"))


def write_register(tmp_path, rows, name="terc.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def test_the_whole_register_is_loaded_by_migration():
    assert Territory.objects.filter(level="voivodeship").count() == 16
    assert Territory.objects.filter(level="powiat").count() == 380
    gminas = Territory.objects.filter(level="gmina")
    assert gminas.count() == 2477
    assert gminas.filter(kind="rural").count() == 1464
    assert gminas.filter(kind="urban").count() == 302
    assert gminas.filter(kind="urban_rural").count() == 711


def test_a_gmina_knows_its_powiat_and_voivodeship():
    oksa = Territory.objects.get(code="2602052")
    assert (oksa.name, oksa.kind) == ("Oksa", "rural")
    assert oksa.parent.code == "2602" and oksa.parent.name == "jędrzejowski"
    assert oksa.parent.parent.name == "świętokrzyskie"
    assert Territory.objects.get(code="2465").kind == "city_powiat"


def test_parts_of_gminas_are_not_gminas():
    # 0201 rows with RODZ 4/5 (town and rural area of an urban-rural gmina) are left out.
    codes = set(Territory.objects.values_list("code", flat=True))
    assert not any(len(code) == 7 and code[-1] in "4589" for code in codes)


def test_import_of_a_newer_register_updates_in_place(tmp_path):
    rows = register_rows()
    oksa_before = Territory.objects.get(code="2602052")
    renamed = []
    for row in rows:
        if row[:4] == ["26", "02", "05", "2"]:
            row = [*row[:4], "Oksa Nowa", *row[5:]]
        if row[:4] == ["26", "02", "09", "3"]:
            continue  # Wodzisław disappears from the register
        renamed.append(row)
    renamed.append(["26", "02", "10", "2", "Gmina Testowa", "gmina wiejska", "2025-01-01"])
    out = io.StringIO()
    call_command("import_terc", str(write_register(tmp_path, renamed)), stdout=out)

    assert "1 new, 1 updated, 1 no longer in the register" in out.getvalue()
    oksa = Territory.objects.get(code="2602052")
    assert oksa.pk == oksa_before.pk and oksa.name == "Oksa Nowa"
    assert Territory.objects.get(code="2602093").active is False
    new = Territory.objects.get(code="2602102")
    assert new.parent.code == "2602" and new.kind == "rural"


def test_importing_the_same_register_twice_changes_nothing():
    out = io.StringIO()
    call_command("import_terc", str(SHIPPED_REGISTER), stdout=out)
    assert "0 new, 0 updated, 0 no longer in the register, 2873 unchanged" in out.getvalue()


@pytest.mark.parametrize(
    "rows, message",
    [
        ([["WOJ", "POW", "NAZWA"], ["02", "", "X"]], "Missing columns: GMI, RODZ"),
        (
            [
                ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"],
                ["2", "", "", "", "X", "", ""],
            ],
            "Line 2",
        ),
        (
            [
                ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"],
                ["02", "01", "01", "7", "X", "", "2024-01-01"],
            ],
            "unknown RODZ",
        ),
        (
            [
                ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"],
                ["02", "", "", "", "X", "", "yesterday"],
            ],
            "bad STAN_NA",
        ),
    ],
)
def test_a_bad_register_is_refused_with_the_reason_and_changes_nothing(tmp_path, rows, message):
    before = Territory.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("import_terc", str(write_register(tmp_path, rows)))
    assert Territory.objects.count() == before


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_terc", str(tmp_path / "nope.csv"))


def test_renamed_gmina_is_found_by_its_new_name_in_the_catalog(tmp_path):
    from catalog.search import ServiceFilters, search_services
    from tests.factories.catalog import InstitutionFactory, ServiceFactory

    oksa = Territory.objects.get(code="2602052")
    service = ServiceFactory(
        name="Klub seniora", institution=InstitutionFactory(gmina=oksa), gmina=oksa
    )
    rows = [
        [*row[:4], "Oksa Nowa", *row[5:]] if row[:4] == ["26", "02", "05", "2"] else row
        for row in register_rows()
    ]
    call_command("import_terc", str(write_register(tmp_path, rows)), stdout=io.StringIO())

    found = search_services(ServiceFilters.from_params({"q": "Oksa Nowa"}), facets=False)
    assert list(found.queryset) == [service]
