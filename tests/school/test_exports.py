"""The participant list as files: CSV for Polish Excel (UTF-8 with a BOM, semicolons) and
XLSX, both read back here; the same filters and order as the list on screen; only the
coordinator's own learners; the certificates of a course as a ZIP of PDFs, read back too."""

import csv
import datetime
import io
import zipfile

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from school.exports import csv_bytes, xlsx_bytes
from tests.school.test_coordinator import build_world

HEADER = [
    "Imię i nazwisko",
    "Instytucja",
    "Gmina",
    "Grupa",
    "Data zapisu",
    "Status",
    "Postęp (%)",
    "Ukończone lekcje",
    "Lekcje w kursie",
    "Data ukończenia",
    "Kod certyfikatu",
    "Certyfikat unieważniony",
]


@pytest.fixture
def world(site):
    return build_world(site)


def export_url(world, kind):
    return f"/admin/school/courses/{world['course'].pk}/export.{kind}"


def read_csv(response):
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_csv_holds_the_coordinators_learners_only(client, world):
    client.force_login(world["a"])
    response = client.get(export_url(world, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="uczestnicy-')
    assert "no-store" in response["Cache-Control"]
    rows = read_csv(response)
    assert rows[0] == HEADER
    by_name = {row[0]: row for row in rows[1:]}
    assert list(by_name) == ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]
    ala = by_name["Ala Adamska"]
    enrolled = timezone.localtime(world["enrolments"]["ala"].enrolled_at).date()
    assert ala[1:5] == ["", "Oksa", "PZK Oksa", enrolled.isoformat()]
    assert ala[5:] == [
        "ukończony",
        "100",
        "4",
        "4",
        # The local date of the completion: ten days of 24 hours after enrolment, which
        # near midnight is another calendar day when a clock change lies between.
        timezone.localtime(world["enrolments"]["ala"].completed_at).date().isoformat(),
        "KOOP-AAAA-2222",
        "",
    ]
    assert by_name["Bartek Bielski"][1] == "GOPS w Bielinach"
    assert by_name["Bartek Bielski"][5:9] == ["w trakcie", "25", "1", "4"]
    assert "Dorota Dudek" not in response.content.decode("utf-8-sig")


def test_xlsx_has_the_same_rows_with_real_dates_and_numbers(client, world):
    client.force_login(world["a"])
    csv_rows = read_csv(client.get(export_url(world, "csv")))
    response = client.get(export_url(world, "xlsx"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = read_xlsx(response)
    assert [str(cell) for cell in rows[0]] == HEADER
    assert [row[0] for row in rows[1:]] == [row[0] for row in csv_rows[1:]]
    ala = rows[1]
    assert isinstance(ala[4], datetime.datetime) and ala[4].date().isoformat() == csv_rows[1][4]
    assert ala[6] == 100 and ala[7] == 4
    assert ala[10] == "KOOP-AAAA-2222"


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({"status": "completed"}, ["Ala Adamska"]),
        ({"q": "bielin"}, ["Bartek Bielski"]),
        ({"sort": "-progress"}, ["Ala Adamska", "Bartek Bielski", "Celina Cicha"]),
        ({"sort": "-name", "status": "not_started"}, ["Celina Cicha"]),
    ],
)
def test_exports_follow_the_filters_and_order_of_the_list(client, world, query, names):
    client.force_login(world["a"])
    csv_rows = read_csv(client.get(export_url(world, "csv"), query))
    xlsx_rows = read_xlsx(client.get(export_url(world, "xlsx"), query))
    assert [row[0] for row in csv_rows[1:]] == names
    assert [row[0] for row in xlsx_rows[1:]] == names


def test_coordinator_b_exports_only_their_learner(client, world):
    client.force_login(world["b"])
    rows = read_xlsx(client.get(export_url(world, "xlsx")))
    assert [row[0] for row in rows[1:]] == ["Dorota Dudek"]


def test_a_name_that_looks_like_a_formula_stays_text(client, world):
    ala = world["people"]["ala"]
    ala.first_name = '=HYPERLINK("http://zly.example","klik")'
    ala.last_name = "+48"
    ala.save()
    client.force_login(world["a"])
    csv_rows = read_csv(client.get(export_url(world, "csv"), {"status": "completed"}))
    assert csv_rows[1][0] == "'" + '=HYPERLINK("http://zly.example","klik") +48'
    response = client.get(export_url(world, "xlsx"), {"status": "completed"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=1)
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("http://zly.example","klik") +48'


def test_writers_on_their_own():
    when = datetime.date(2019, 6, 4)
    data = csv_bytes(["Kolumna", "Liczba"], [["Łoniów", 62.5], ["@SUM(A1)", None], ["", when]])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [
        ["Kolumna", "Liczba"],
        ["Łoniów", "62,5"],
        ["'@SUM(A1)", ""],
        ["", "2019-06-04"],
    ]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(["A"], [["=1+1"]], "Arkusz: [1]/2"))).active
    assert sheet.title == "Arkusz 12"
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"


# Certificates as a ZIP ---------------------------------------------------------------------


def zip_texts(response):
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    texts = {}
    for name in archive.namelist():
        reader = PdfReader(io.BytesIO(archive.read(name)))
        texts[name] = " ".join(page.extract_text() for page in reader.pages)
    return texts


def test_certificate_zip_holds_the_coordinators_certificates_only(client, world):
    client.force_login(world["a"])
    response = client.get(f"/admin/school/courses/{world['course'].pk}/certificates.zip")
    assert response["Content-Type"] == "application/zip"
    texts = zip_texts(response)
    assert len(texts) == 1
    ((name, content),) = texts.items()
    assert "KOOP-AAAA-2222" in name
    assert "Ala Adamska" in content and "KOOP-AAAA-2222" in content
    assert "Dorota" not in content
    client.force_login(world["b"])
    texts = zip_texts(client.get(f"/admin/school/courses/{world['course'].pk}/certificates.zip"))
    assert [("KOOP-DDDD-3333" in name) for name in texts] == [True]


def test_certificate_zip_leaves_out_revoked_and_says_when_there_is_nothing(client, world):
    certificate = world["enrolments"]["ala"].certificate
    certificate.revoked_at = timezone.now()
    certificate.save()
    client.force_login(world["a"])
    url = f"/admin/school/courses/{world['course'].pk}/certificates.zip"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/school/courses/{world['course'].pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Nikt z Twoich uczestników nie ma jeszcze certyfikatu tego kursu." in page
