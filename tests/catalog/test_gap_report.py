"""The gap report: gminas × problem areas with the services covering each cell (from the
gmina, its powiat or its voivodeship), the searches without results there, the CSV, a
fixed number of queries, and an accessible table."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.codes import ProblemArea
from catalog.models import Territory, ZeroResultSearch
from catalog.reports import build_gap_table
from portal import roles
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory, ServiceFactory

pytestmark = pytest.mark.django_db

OKSA, JEDRZEJOW_POWIAT, KIELCE, BOGORIA = "2602052", "2602", "2661011", "2612013"
AREAS = [code for code, _label in ProblemArea.choices]
URL = "/admin/catalog/gaps/"


@pytest.fixture
def services(db):
    gops = InstitutionFactory(name="GOPS w Oksie", gmina=OKSA)
    pcpr = InstitutionFactory(name="PCPR w Jędrzejowie", gmina="2602023")
    rops = InstitutionFactory(name="ROPS w Kielcach", gmina=KIELCE)
    made = {
        "club": ServiceFactory(institution=gops, areas=["seniors"], coverage=[OKSA]),
        "powiat": ServiceFactory(
            institution=pcpr, areas=["seniors", "addiction"], coverage=[JEDRZEJOW_POWIAT]
        ),
        "region": ServiceFactory(institution=rops, areas=["violence"], coverage=["26"]),
        # Covers Oksa twice (the gmina and its powiat): still one service there.
        "both": ServiceFactory(
            institution=gops, areas=["health"], coverage=[OKSA, JEDRZEJOW_POWIAT]
        ),
        "kielce": ServiceFactory(institution=rops, areas=["seniors"], coverage=[KIELCE]),
        # Not counted: a draft, an ended service, another voivodeship.
        "draft": ServiceFactory(institution=gops, areas=["poverty"], coverage=[OKSA], live=False),
        "ended": ServiceFactory(
            institution=gops, areas=["poverty"], coverage=[OKSA], status="ended"
        ),
        "lublin": ServiceFactory(institution=rops, areas=["poverty"], coverage=["06"]),
    }
    return made


@pytest.fixture
def coordinator(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    return user


def row_of(table, code):
    return next(row for row in table.rows if row.gmina.code == code)


def cell(row, area):
    return row.counts[AREAS.index(area)]


def test_counts_follow_coverage_of_gmina_powiat_and_voivodeship(services):
    voivodeship = Territory.objects.get(code="26")
    powiats = list(Territory.objects.filter(parent=voivodeship))
    table = build_gap_table(voivodeship, powiats)
    oksa = row_of(table, OKSA)
    assert cell(oksa, "seniors") == 2  # the club and the powiat's service
    assert cell(oksa, "addiction") == 1
    assert cell(oksa, "violence") == 1  # voivodeship-wide
    assert cell(oksa, "health") == 1  # not 2: one service
    assert cell(oksa, "poverty") == 0  # the draft and the ended one do not count
    neighbour = row_of(table, "2602023")
    assert (cell(neighbour, "seniors"), cell(neighbour, "health")) == (1, 1)
    kielce = row_of(table, KIELCE)
    assert (cell(kielce, "seniors"), cell(kielce, "violence"), cell(kielce, "addiction")) == (
        1,
        1,
        0,
    )
    bogoria = row_of(table, BOGORIA)
    assert bogoria.counts == [1 if area == "violence" else 0 for area in AREAS]
    assert bogoria.gaps == len(AREAS) - 1
    gminas = Territory.objects.filter(level="gmina", code__startswith="26", active=True)
    assert len(table.rows) == gminas.count()
    violence = table.gminas_without[AREAS.index("violence")]
    assert violence == 0
    assert table.gminas_without[AREAS.index("poverty")] == gminas.count()


def test_a_powiat_shows_only_its_gminas(client, services, coordinator):
    client.force_login(coordinator)
    response = client.get(URL, {"voivodeship": "26", "powiat": JEDRZEJOW_POWIAT})
    table = response.context["table"]
    codes = {row.gmina.code for row in table.rows}
    expected = set(
        Territory.objects.filter(level="gmina", code__startswith=JEDRZEJOW_POWIAT).values_list(
            "code", flat=True
        )
    )
    assert codes == expected and OKSA in codes and KIELCE not in codes
    assert cell(row_of(table, OKSA), "seniors") == 2


def test_defaults_to_swietokrzyskie(client, services, coordinator):
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["table"].region.code == "26"
    # A voivodeship code that does not exist falls back to the default too.
    assert client.get(URL, {"voivodeship": "99"}).context["table"].region.code == "26"
    # A powiat of another voivodeship is not mixed in.
    response = client.get(URL, {"voivodeship": "06", "powiat": JEDRZEJOW_POWIAT})
    assert response.context["table"].region.code == "06"


def test_fixed_number_of_queries(client, services, coordinator):
    client.force_login(coordinator)
    client.get(URL)  # warm up session and content types

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, params).status_code == 200
        own = [q for q in queries.captured_queries if '"catalog_' in q["sql"]]
        # Voivodeships, powiats, gminas, services grouped, searches without results.
        assert len(own) == 5, [q["sql"][:120] for q in own]
        return len(queries)

    powiat = count({"voivodeship": "26", "powiat": JEDRZEJOW_POWIAT})  # 9 gminas
    voivodeship = count({"voivodeship": "26"})  # 102 gminas
    for number in range(20):
        ServiceFactory(areas=["crisis"], coverage=[BOGORIA if number % 2 else "2612"])
    more_services = count({"voivodeship": "26"})
    mazowieckie = count({"voivodeship": "14"})  # 300-odd gminas
    # The rest is the admin's own (session, user, permissions, menu): the same each time.
    assert powiat == voivodeship == more_services == mazowieckie


def test_searches_without_results_for_the_territory_and_period(client, services, coordinator):
    today = timezone.localdate()
    ZeroResultSearch.objects.create(day=today, query="asystent rodziny", teryt=OKSA, count=3)
    ZeroResultSearch.objects.create(
        day=today - datetime.timedelta(days=1), query="asystent rodziny", teryt=OKSA, count=2
    )
    ZeroResultSearch.objects.create(day=today, query="hospicjum", area="health", teryt=KIELCE)
    ZeroResultSearch.objects.create(
        day=today - datetime.timedelta(days=400), query="stare", teryt=OKSA
    )
    ZeroResultSearch.objects.create(day=today, query="bez miejsca", teryt="")
    client.force_login(coordinator)
    searches = client.get(URL, {"voivodeship": "26", "powiat": JEDRZEJOW_POWIAT}).context[
        "searches"
    ]
    assert [(s["query"], s["total"], s["place"]) for s in searches] == [
        ("asystent rodziny", 5, "Oksa")
    ]
    searches = client.get(URL).context["searches"]
    assert [s["query"] for s in searches] == ["asystent rodziny", "hospicjum"]
    since = (today - datetime.timedelta(days=500)).isoformat()
    searches = client.get(URL, {"since": since}).context["searches"]
    assert "stare" in [s["query"] for s in searches]


def test_csv_download(client, services, coordinator):
    client.force_login(coordinator)
    response = client.get(URL, {"voivodeship": "26", "powiat": JEDRZEJOW_POWIAT, "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="luki-2602.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert len(header) == 3 + len(AREAS) + 1
    oksa = next(row for row in body if row[0] == OKSA)
    assert oksa[1] == "Oksa" and oksa[2] == "jędrzejowski"
    values = dict(zip(AREAS, map(int, oksa[3 : 3 + len(AREAS)]), strict=True))
    assert values["seniors"] == 2 and values["poverty"] == 0
    assert int(oksa[-1]) == sum(1 for value in values.values() if not value)
    assert {row[0] for row in body} == {
        row.gmina.code
        for row in client.get(URL, {"powiat": JEDRZEJOW_POWIAT}).context["table"].rows
    }


def test_table_is_accessible(client, services, coordinator):
    client.force_login(coordinator)
    html = client.get(URL, {"voivodeship": "26", "powiat": JEDRZEJOW_POWIAT}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("table.gap-report")
    assert table.caption and table.caption.get_text(strip=True)
    column_headers = table.select("thead th[scope=col]")
    assert len(column_headers) == 1 + len(AREAS) + 1
    row_headers = table.select("tbody th[scope=row]")
    assert len(row_headers) == 9  # the gminas of powiat jędrzejowski
    assert table.select("tbody th[scope=rowgroup]")
    gaps = table.select("td.gap-report__gap")
    assert gaps
    for gap in gaps:
        # Not colour alone: the cell says it in words.
        assert any(char.isalpha() for char in gap.get_text())
    for field in ("id_voivodeship", "id_powiat", "id_since", "id_until"):
        assert soup.select_one(f"label[for={field}]")


def test_bad_period_is_reported_on_the_field(client, services, coordinator):
    client.force_login(coordinator)
    response = client.get(URL, {"since": "2024-05-01", "until": "2024-01-01"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    until = soup.select_one("#id_until")
    assert until["aria-invalid"] == "true"
    error = soup.select_one(f"#{until['aria-describedby']}")
    assert error and error.get_text(strip=True)
    assert until["value"] == "2024-01-01"  # what was typed is kept
