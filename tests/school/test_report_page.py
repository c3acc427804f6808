"""The report of hours in the admin: who may open it and its files, the figures on the
page against the ledger, the CSV and XLSX files read back, bad input in the form, charts
with their text, a fixed number of queries, and no note of any session anywhere."""

import csv
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from openpyxl import load_workbook

from portal import roles
from school import ledger
from school.ledger import LedgerFilters
from tests.factories import UserFactory
from tests.factories.ledger import EXPECTED_2019, OKSA, SECRET, D, small_world
from tests.factories.records import PersonFactory, attend, event_with_days
from tests.utils import soup, text

INDEX = "/admin/school/reports/"
SUMMARY_CSV = "/admin/school/reports/summary.csv"
BREAKDOWN_CSV = "/admin/school/reports/breakdown.csv"
XLSX = "/admin/school/reports/report.xlsx"
YEAR = "date_from=2019-01-01&date_to=2019-12-31"


def in_role(user, role):
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def world(site):
    return small_world(site)


@pytest.fixture
def coordinator(db):
    return in_role(UserFactory(username="koordynatorka"), roles.COORDINATOR)


# Who may open it ---------------------------------------------------------------------------

LOGIN_PAGES = ("/admin/login/?next=", "/pl/konto/logowanie/?next=")


def status(client, url):
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith(LOGIN_PAGES):
        return "login"
    return response.status_code


@pytest.mark.parametrize("url", [INDEX, SUMMARY_CSV, BREAKDOWN_CSV, XLSX])
def test_matrix_of_roles(client, world, coordinator, url):
    users = {
        "anonymous": None,
        "trainee": in_role(UserFactory(), roles.TRAINEE),
        "editor": in_role(UserFactory(), roles.EDITOR),
        "coach": in_role(UserFactory(), roles.COACH),
        "institution editor": in_role(UserFactory(), roles.INSTITUTION_EDITOR),
        "coordinator": coordinator,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }
    # Wagtail sends people without admin access to its login page before any view runs;
    # every admin user without the role meets a 403.
    expected = {
        "anonymous": "login",
        "trainee": "login",
        "editor": 403,
        "coach": 403,
        "institution editor": 403,
        "coordinator": 200,
        "superuser": 200,
    }
    got = {}
    for role, user in users.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        got[role] = status(client, f"{url}?{YEAR}")
    if got["coach"] == "login":  # a Coach role without admin access is Wagtail's refusal
        expected["coach"] = "login"
    assert got == expected


def test_forbidden_page_reads_nothing(client, world, django_assert_max_num_queries):
    """403 first: no figure is computed for someone without the role."""
    editor = in_role(UserFactory(), roles.EDITOR)
    client.force_login(editor)
    response = client.get(f"{INDEX}?{YEAR}")
    assert response.status_code == 403
    assert "Odmowa dostępu" in response.content.decode()
    assert SECRET not in response.content.decode()


def test_the_menu_item_is_for_coordinators(client, world, coordinator):
    client.force_login(coordinator)
    assert INDEX in client.get("/admin/").content.decode()
    client.force_login(in_role(UserFactory(), roles.EDITOR))
    assert INDEX not in client.get("/admin/").content.decode()


# Figures on the page -----------------------------------------------------------------------


def table_rows(page, table_id):
    table = page.select_one(f"#{table_id}")
    rows = {}
    for tr in table.select("tbody tr, tfoot tr"):
        if tr.th is None:
            continue
        rows[text(tr.th)] = [text(td) for td in tr.select("td")]
    return rows


def number(value):
    return Decimal(value.replace(",", ".").replace("\xa0", "").replace(" ", ""))


def test_page_shows_the_ledgers_figures(client, world, coordinator):
    client.force_login(coordinator)
    page = soup(client.get(f"{INDEX}?{YEAR}&by=project"))
    types = page.select_one("#table-types")
    total = [text(td) for td in types.select_one('tfoot tr[data-type="all"]').select("td")]
    assert [number(v) for v in total] == [
        EXPECTED_2019["events"],
        EXPECTED_2019["teaching_hours"],
        EXPECTED_2019["participations"],
        EXPECTED_2019["unique_participants"],
        EXPECTED_2019["person_hours"],
    ]
    workshop = types.select_one('tr[data-type="two_day_workshop"]')
    assert [number(text(td)) for td in workshop.select("td")] == [2, 24, 4, 3, 45]
    support = page.select_one("#table-support")

    def cells(form):
        return [text(td) for td in support.select_one(f'tr[data-form="{form}"]').select("td")]

    assert [number(v) for v in cells("coaching_individual")[:3]] == [1, Decimal("1.5"), 1.5]
    assert [number(v) for v in cells("coaching_group")[:3]] == [1, 3, 9]
    assert [number(v) for v in cells("coaching")] == [2, Decimal("4.5"), Decimal("10.5"), 3]
    assert [number(v) for v in cells("supervision")] == [1, 3, 6, 2]
    elearning = cells("elearning")
    assert (number(elearning[0]), elearning[1], number(elearning[2])) == (2, "–", 24)
    forms = page.select_one("#table-forms tfoot td")
    assert number(text(forms)) == EXPECTED_2019["person_hours_total"]


def test_filters_reach_the_figures(client, world, coordinator):
    client.force_login(coordinator)
    liderzy = world["projects"]["L"]
    page = soup(
        client.get(f"{INDEX}?{YEAR}&project={liderzy.code}&voivodeship=26&powiat=2602&by=gmina")
    )
    total = page.select_one('#table-types tfoot tr[data-type="all"]').select("td")
    expected = ledger.report(
        LedgerFilters(
            date_from=D(2019, 1, 1), date_to=D(2019, 12, 31), project=liderzy, territory="2602"
        )
    )
    assert [number(text(td)) for td in total] == [
        expected.events,
        expected.teaching_hours,
        expected.participations,
        expected.unique_participants,
        expected.person_hours,
    ]
    assert expected.participations == 2  # A and B at E1
    rows = table_rows(page, "table-breakdown")
    assert list(rows) == ["Jędrzejów (2602023)", "Oksa (2602052)"]
    # The chosen values stay in the form.
    assert page.select_one('select[name="project"] option[selected]')["value"] == liderzy.code
    assert page.select_one('select[name="powiat"] option[selected]')["value"] == "2602"


def test_breakdown_by_person_shows_names_and_institutions(client, world, coordinator):
    client.force_login(coordinator)
    page = soup(client.get(f"{INDEX}?{YEAR}&by=person"))
    rows = table_rows(page, "table-breakdown")
    assert "Celina Cicha" in rows
    # The completion of the account that has no entry in the register of participants.
    assert rows["Konta bez wpisu w rejestrze"][-1] == "12,00"


def test_charts_are_images_with_their_numbers_in_text(client, world, coordinator):
    client.force_login(coordinator)
    page = soup(client.get(f"{INDEX}?{YEAR}"))
    charts = page.select("svg[role=img]")
    assert len(charts) == 3
    for chart in charts:
        title, desc = chart.find("title"), chart.find("desc")
        assert title.get_text().strip() and desc.get_text().strip()
        assert chart["aria-labelledby"] == f"{title['id']} {desc['id']}"
    forms = page.select_one("#chart-forms-desc").get_text()
    assert "57.00 h" in forms or "57,00 h" in forms
    # Every bar has its number as text beside it: nothing is told by colour alone.
    values = [text(node) for node in page.select("#chart-forms-title ~ g .report-chart__value")]
    assert [number(v) for v in values] == [57, Decimal("10.5"), 6, 24]


def test_page_without_a_query_shows_the_current_year(client, world, coordinator):
    client.force_login(coordinator)
    page = soup(client.get(INDEX))
    assert page.select_one('input[name="date_from"]')["value"].endswith("-01-01")
    assert page.select_one("#table-types") is not None


# Bad input ---------------------------------------------------------------------------------

BAD_INPUT = [
    ("date_to=2019-01-01&date_from=2019-12-31", "date_to", "przed"),
    ("date_from=&date_to=2019-12-31", "date_from", "To pole jest wymagane"),
    ("date_from=2019-13-01&date_to=2019-12-31", "date_from", "poprawną datę"),
    (f"{YEAR}&voivodeship=14&powiat=2602", "powiat", "województwie"),
    (f"{YEAR}&powiat=2604&gmina={OKSA}", "gmina", "gmina"),
    (f"{YEAR}&provider=p999999", "provider", "Wybierz poprawną wartość"),
    (f"{YEAR}&project=nie-ma-takiego", "project", "Wybierz poprawną wartość"),
    (f"{YEAR}&by=ulica", "by", "Wybierz poprawną wartość"),
]


@pytest.mark.parametrize("query, field, message", BAD_INPUT)
def test_bad_input_is_explained_at_the_field(client, world, coordinator, query, field, message):
    client.force_login(coordinator)
    response = client.get(f"{INDEX}?{query}")
    page = soup(response)
    control = page.select_one(f'[name="{field}"]')
    described = control.get("aria-describedby", "")
    errors = " ".join(
        text(page.select_one(f"#{ident}"))
        for ident in described.split()
        if page.select_one(f"#{ident}")
    )
    assert message in errors, errors
    assert page.select_one("#table-types") is None  # no figures from a bad query
    # What was typed stays.
    if field == "date_from" and "13" in query:
        assert control["value"] == "2019-13-01"


@pytest.mark.parametrize("url", [SUMMARY_CSV, BREAKDOWN_CSV, XLSX])
def test_a_file_with_a_bad_query_sends_back_to_the_form(client, world, coordinator, url):
    client.force_login(coordinator)
    response = client.get(f"{url}?date_from=2019-12-31&date_to=2019-01-01")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{INDEX}?")


# Files -------------------------------------------------------------------------------------


def read_streamed_csv(response):
    assert response.streaming
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_summary_csv_holds_the_pages_figures(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get(f"{SUMMARY_CSV}?{YEAR}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="godziny-2019-01-01-2019-12-31-podsumowanie.csv"'
    )
    assert "no-store" in response["Cache-Control"]
    rows = read_streamed_csv(response)
    values = {key: value for key, _label, value in rows[1:]}
    assert values["period.from"] == "2019-01-01"
    assert number(values["training.events"]) == EXPECTED_2019["events"]
    assert values["training.teaching_hours"] == "30,00"  # decimal comma for Polish Excel
    assert number(values["training.unique_participants"]) == 4
    assert number(values["training.by_type.two_day_workshop.person_hours"]) == 45
    assert number(values["coaching.individual_hours"]) == Decimal("1.5")
    assert number(values["coaching.group_hours"]) == 3
    assert number(values["supervision.member_person_hours"]) == 6
    assert number(values["elearning.hours"]) == 24
    assert number(values["person_hours_total"]) == EXPECTED_2019["person_hours_total"]


def test_breakdown_csv_streams_the_ledgers_rows(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get(f"{BREAKDOWN_CSV}?{YEAR}&by=voivodeship")
    rows = read_streamed_csv(response)
    header, body = rows[0], rows[1:]
    assert header[:2] == ["Kod", "Województwo"]
    by_code = {row[0]: row for row in body}
    assert set(by_code) == {"14", "26"}
    expected = {
        row.key: row
        for row in ledger.breakdown(
            LedgerFilters(date_from=D(2019, 1, 1), date_to=D(2019, 12, 31)), "voivodeship"
        )
    }
    columns = ledger.breakdown_columns("voivodeship")
    for code, row in by_code.items():
        assert [number(v) for v in row[2:]] == [expected[code].value(c) for c in columns]
    assert number(by_code["26"][-1]) == Decimal("76.5")


def test_xlsx_holds_the_summary_and_the_breakdown(client, world, coordinator):
    client.force_login(coordinator)
    response = client.get(f"{XLSX}?{YEAR}&by=project")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    summary, breakdown = workbook.worksheets
    values = {row[0]: row[2] for row in summary.iter_rows(min_row=2, values_only=True)}
    assert values["training.events"] == 3
    assert Decimal(str(values["training.person_hours"])) == Decimal("57")
    assert Decimal(str(values["person_hours_total"])) == Decimal("97.5")
    rows = {row[0]: row for row in breakdown.iter_rows(min_row=2, values_only=True)}
    liderzy = rows["liderzy"]
    assert liderzy[1] == "Liderzy kooperacji"
    assert liderzy[2:5] == (2, 24, 4)  # events, teaching hours, participations


def test_no_note_in_any_output(client, world, coordinator):
    client.force_login(coordinator)
    outputs = []
    for by, _label in ledger.BREAKDOWNS:
        query = f"{YEAR}&by={by}"
        outputs.append(client.get(f"{INDEX}?{query}").content)
        outputs.append(b"".join(client.get(f"{BREAKDOWN_CSV}?{query}").streaming_content))
        workbook = load_workbook(io.BytesIO(client.get(f"{XLSX}?{query}").content))
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                outputs.append(repr(row).encode())
    outputs.append(b"".join(client.get(f"{SUMMARY_CSV}?{YEAR}").streaming_content))
    for output in outputs:
        assert SECRET.encode() not in output
        assert b"Temat " not in output


# Queries -----------------------------------------------------------------------------------


def more_records():
    """Another event with twenty more people and a second coaching world."""
    event = event_with_days([(D(2019, 9, 9), "09:00", "15:00", 8)], title="Dodatkowe szkolenie")
    for _ in range(20):
        attend(PersonFactory(), event.days.get())


@pytest.mark.parametrize("by", ["project", "gmina", "person", "provider"])
def test_page_takes_a_fixed_number_of_queries(
    client, world, coordinator, by, django_assert_max_num_queries
):
    client.force_login(coordinator)
    url = f"{INDEX}?{YEAR}&voivodeship=26&by={by}"
    client.get(url)  # the first request fills Wagtail's caches
    with django_assert_max_num_queries(40) as captured:
        client.get(url)
    first = len(captured.captured_queries)
    more_records()
    with django_assert_max_num_queries(first):
        client.get(url)
