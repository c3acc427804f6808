"""`manage.py report_hours`: the ledger's figures as JSON with stable keys and as the page's
CSV, the same as the report page; bad arguments refused in Polish with a non-zero exit."""

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from school import ledger
from school.ledger import LedgerFilters
from tests.factories.ledger import EXPECTED_2019, SECRET, D, small_world

YEAR = ["--from", "2019-01-01", "--to", "2019-12-31"]


@pytest.fixture
def world(site):
    return small_world(site)


def run(*args):
    out = io.StringIO()
    call_command("report_hours", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_documented_keys_and_figures(world):
    data = json.loads(run(*YEAR, "--format", "json"))
    assert list(data) == [
        "period",
        "training",
        "coaching",
        "supervision",
        "elearning",
        "person_hours_total",
        "filters",
    ]
    assert data["period"] == {"from": "2019-01-01", "to": "2019-12-31"}
    assert data["filters"] == {"project": None, "type": None, "teryt": None}
    training = data["training"]
    assert training["events"] == 3
    assert training["teaching_hours"] == "30.00"
    assert training["participations"] == 6
    assert training["unique_participants"] == 4
    assert training["person_hours"] == "57.00"
    assert [row["type"] for row in training["by_type"]] == ["one_day_training", "two_day_workshop"]
    assert training["by_type"][1] == {
        "type": "two_day_workshop",
        "events": 2,
        "teaching_hours": "24.00",
        "participations": 4,
        "unique_participants": 3,
        "person_hours": "45.00",
    }
    assert data["coaching"] == {
        "sessions": 2,
        "hours": "4.50",
        "individual_sessions": 1,
        "individual_hours": "1.50",
        "group_sessions": 1,
        "group_hours": "3.00",
        "coachee_person_hours": "10.50",
        "individual_person_hours": "1.50",
        "group_person_hours": "9.00",
        "unique_coachees": 3,
    }
    assert data["supervision"] == {
        "sessions": 1,
        "hours": "3.00",
        "member_person_hours": "6.00",
        "unique_members": 2,
    }
    assert data["elearning"] == {"completions": 2, "hours": "24.00", "unique_learners": 2}
    assert data["person_hours_total"] == str(EXPECTED_2019["person_hours_total"])


def test_json_is_the_ledgers_report(world):
    """The same function as the page: every filter combination gives the ledger's dict."""
    liderzy = world["projects"]["L"]
    data = json.loads(
        run(*YEAR, "--project", "liderzy", "--type", "two_day_workshop", "--teryt", "2602",
            "--format", "json")
    )  # fmt: skip
    expected = ledger.report(
        LedgerFilters(
            date_from=D(2019, 1, 1),
            date_to=D(2019, 12, 31),
            project=liderzy,
            support="two_day_workshop",
            territory="2602",
        )
    ).as_dict()
    assert data.pop("filters") == {
        "project": "liderzy",
        "type": "two_day_workshop",
        "teryt": "2602",
    }
    assert data == expected
    assert data["training"]["participations"] == 2


def test_json_breakdown(world):
    data = json.loads(run(*YEAR, "--by", "voivodeship", "--format", "json"))
    rows = {row["key"]: row for row in data["breakdown"]["rows"]}
    assert data["breakdown"]["by"] == "voivodeship"
    assert rows["26"]["label"] == "świętokrzyskie"
    assert rows["26"]["person_hours_total"] == "76.50"
    assert rows["14"]["unique_participants"] == 1


def test_csv_is_the_pages_summary_file(world, client, admin_user):
    output = run(*YEAR, "--format", "csv")
    client.force_login(admin_user)
    response = client.get(
        "/admin/school/reports/summary.csv?date_from=2019-01-01&date_to=2019-12-31"
    )
    page_file = b"".join(response.streaming_content).decode("utf-8")
    assert output == page_file
    rows = list(csv.reader(io.StringIO(output.lstrip("\ufeff")), delimiter=";"))
    values = {key: value for key, _label, value in rows[1:]}
    assert values["training.teaching_hours"] == "30,00"
    assert values["coaching.group_person_hours"] == "9,00"


def test_csv_breakdown(world):
    output = run(*YEAR, "--by", "project", "--format", "csv")
    rows = list(csv.reader(io.StringIO(output.lstrip("\ufeff")), delimiter=";"))
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code["liderzy"][1] == "Liderzy kooperacji"
    assert Decimal(by_code["liderzy"][3].replace(",", ".")) == Decimal("24")


def test_no_note_in_the_output(world):
    text = run(*YEAR, "--format", "json")
    for by, _label in ledger.BREAKDOWNS:
        text += run(*YEAR, "--by", by, "--format", "json")
        text += run(*YEAR, "--by", by, "--format", "csv")
    assert SECRET not in text


BAD_ARGUMENTS = [
    (["--to", "2019-12-31", "--format", "json"], "Podaj okres: --from"),
    (["--from", "2019-01-01", "--format", "json"], "Podaj okres: --to"),
    (["--from", "2019-02-30", "--to", "2019-12-31", "--format", "json"], "nie jest datą"),
    (["--from", "01.01.2019", "--to", "2019-12-31", "--format", "json"], "nie jest datą"),
    (["--from", "2019-12-31", "--to", "2019-01-01", "--format", "json"], "przed jego początkiem"),
    ([*YEAR], "--format json"),
    ([*YEAR, "--format", "xml"], "--format json"),
    ([*YEAR, "--project", "nie-ma", "--format", "json"], "Nie ma projektu o kodzie „nie-ma”"),
    ([*YEAR, "--type", "wykład", "--format", "json"], "Nieznany rodzaj „wykład”"),
    ([*YEAR, "--teryt", "260", "--format", "json"], "nie jest kodem TERC"),
    ([*YEAR, "--teryt", "9999999", "--format", "json"], "nie jest kodem TERC"),
    ([*YEAR, "--by", "ulica", "--format", "json"], "Nieznane zestawienie „ulica”"),
]


@pytest.mark.parametrize("arguments, message", BAD_ARGUMENTS)
def test_bad_arguments(world, arguments, message):
    with pytest.raises(CommandError) as error:
        run(*arguments)
    assert message in str(error.value)


def test_bad_arguments_exit_with_an_error_status(db):
    """Through manage.py itself: a Polish message on stderr and exit status 1."""
    result = subprocess.run(
        [sys.executable, "manage.py", "report_hours", "--from", "2019-13-01", "--to",
         "2019-12-31", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert "nie jest datą" in result.stderr
    assert result.stdout == ""
