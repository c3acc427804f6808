"""Bulk enrolment from a CSV list: the shapes of file Excel and LibreOffice write, every bad
row reported with its line and reason in Polish, nothing enrolled while a row is bad (unless
asked), the enrolment rules of self-enrolment (places, prerequisites), and a second run of
the same file changing nothing."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal import roles
from school.enrolment_import import ImportFileError, import_enrolments, read_rows
from school.models import Enrolment, EnrolmentStatus
from tests.factories import UserFactory
from tests.factories.school import (
    CohortFactory,
    CourseIndexPageFactory,
    CoursePageFactory,
    EnrolmentFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from tests.utils import soup, text


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


# Reading the file (no database) ------------------------------------------------------------

GOOD_FILES = [
    # (what it is, bytes)
    (
        "Excel: BOM, semicolons, header, CRLF",
        "\ufeffe-mail;imię;nazwisko\r\nanna@example.org;Anna;Żółkiewska\r\n"
        "BOGDAN@Example.org;Bogdan;Łęcki\r\n".encode(),
    ),
    (
        "LibreOffice: no BOM, commas, no header",
        b"anna@example.org,Anna,Zolkiewska\nbogdan@example.org,Bogdan,Lecki\n",
    ),
    (
        "blank lines, trailing empty columns, spaces, quoted comma in a name",
        b'\n anna@example.org ; Anna ;"Zolkiewska, z d. Nowak";;\n\n'
        b"bogdan@example.org;Bogdan;Lecki;\n",
    ),
    ("e-mail only", b"Email\nanna@example.org\nbogdan@example.org\n"),
]


@pytest.mark.parametrize(("label", "data"), GOOD_FILES, ids=[case[0] for case in GOOD_FILES])
def test_file_shapes_that_are_read(label, data):
    rows, problems = read_rows(data)
    assert problems == []
    assert [row.email for row in rows] == ["anna@example.org", "bogdan@example.org"]


def test_names_and_line_numbers_are_kept():
    rows, _problems = read_rows(
        "\ufeffemail;imie;nazwisko\n\nanna@example.org;Anna;Żółkiewska\n".encode()
    )
    assert (rows[0].line, rows[0].first_name, rows[0].last_name) == (3, "Anna", "Żółkiewska")


BAD_ROWS = (
    "e-mail;imię;nazwisko\n"  # line 1
    "anna@example.org;Anna;Nowak\n"  # 2 fine
    ";Bez;Adresu\n"  # 3
    "to-nie-adres;Jan;Kowalski\n"  # 4
    "ANNA@example.org;Anna;Druga\n"  # 5 the same address as line 2
    "ewa@example.org;Ewa;Nowak;dodatkowa kolumna\n"  # 6
).encode()


def test_every_bad_row_is_reported_with_its_line_and_reason():
    rows, problems = read_rows(BAD_ROWS)
    assert [row.line for row in rows] == [2]
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "Brak adresu e-mail."),
        (4, "„to-nie-adres” nie jest adresem e-mail."),
        (5, "Ten sam adres jest już w linii 2."),
        (6, "Za dużo kolumn: oczekiwano adresu e-mail, imienia i nazwiska."),
    ]


FILE_ERRORS = [
    ("Windows-1250", "anna@example.org;Anna;Żółkiewska\n".encode("cp1250"), "kodowaniu UTF-8"),
    ("empty", b"", "Plik jest pusty."),
    ("only spaces", b"  \n\n", "Plik jest pusty."),
    ("only a header", b"e-mail;imie;nazwisko\n", "nie zawiera wierszy z adresami"),
    ("too big", b"a@example.org;A;B\n" * 60000, "większy niż 1 MB"),
]


@pytest.mark.parametrize(("label", "data", "message"), FILE_ERRORS, ids=[c[0] for c in FILE_ERRORS])
def test_files_that_cannot_be_read(label, data, message):
    with pytest.raises(ImportFileError) as error:
        read_rows(data)
    assert message in str(error.value)


# Enrolling (database) ----------------------------------------------------------------------


@pytest.fixture
def setup(site):
    index = CourseIndexPageFactory(parent=site.home_pl)
    basics = CoursePageFactory(parent=index, title="Podstawy kooperacji")
    course = CoursePageFactory(parent=index, title="Praca z rodziną", enrolment_open=False)
    module = ModulePageFactory(parent=course)
    LessonPageFactory(parent=module)
    coordinator = UserFactory(email="koordynator@example.org")
    coordinator.groups.add(Group.objects.get(name=roles.COORDINATOR))
    cohort = CohortFactory(name="PZK Łopuszno", coordinators=[coordinator])
    people = {
        name: UserFactory(email=f"{name}@example.org", first_name=name.title())
        for name in ("anna", "bogdan", "cezary")
    }
    return {
        "course": course,
        "basics": basics,
        "coordinator": coordinator,
        "cohort": cohort,
        "people": people,
    }


def csv_of(*emails):
    return ("\ufeffe-mail;imię;nazwisko\r\n" + "".join(f"{e};X;Y\r\n" for e in emails)).encode()


def run(setup, data, **kwargs):
    return import_enrolments(
        data, course=setup["course"], cohort=setup["cohort"], by=setup["coordinator"], **kwargs
    )


def test_all_rows_good_enrols_everyone_with_the_cohort(setup):
    result = run(setup, csv_of("Anna@Example.org", "bogdan@example.org"))
    assert result.saved and result.errors == []
    enrolments = Enrolment.objects.filter(course=setup["course"]).order_by("user__email")
    assert [e.user.email for e in enrolments] == ["anna@example.org", "bogdan@example.org"]
    assert {(e.source, e.cohort_id, e.enrolled_by_id) for e in enrolments} == {
        ("csv", setup["cohort"].pk, setup["coordinator"].pk)
    }


def test_one_bad_row_enrols_nobody(setup):
    result = run(setup, csv_of("anna@example.org", "nieznana@example.org", "bogdan@example.org"))
    assert not result.saved
    assert [(p.line, p.email) for p in result.errors] == [(3, "nieznana@example.org")]
    assert "Poproś tę osobę, by najpierw zarejestrowała się" in result.errors[0].message
    assert len(result.enrolled) == 2  # would be enrolled: said in the report
    assert not Enrolment.objects.filter(course=setup["course"]).exists()


def test_enrol_the_good_rows_when_asked(setup):
    result = run(setup, csv_of("anna@example.org", "nieznana@example.org"), enrol_good_rows=True)
    assert result.saved
    assert [p.line for p in result.errors] == [3]
    assert list(
        Enrolment.objects.filter(course=setup["course"]).values_list("user__email", flat=True)
    ) == ["anna@example.org"]


def test_running_the_same_file_twice_changes_nothing(setup):
    data = csv_of("anna@example.org", "bogdan@example.org")
    run(setup, data)
    before = list(Enrolment.objects.values_list("pk", "enrolled_at", "source"))
    again = run(setup, data)
    assert again.saved and again.errors == [] and again.enrolled == []
    assert [row.email for row in again.already_enrolled] == [
        "anna@example.org",
        "bogdan@example.org",
    ]
    assert list(Enrolment.objects.values_list("pk", "enrolled_at", "source")) == before


def test_capacity_binds_a_list_as_it_binds_self_enrolment(setup):
    course = setup["course"]
    course.capacity = 2
    course.save_revision().publish()
    data = csv_of("anna@example.org", "bogdan@example.org", "cezary@example.org")
    result = run(setup, data)
    assert [(p.line, p.email) for p in result.errors] == [(4, "cezary@example.org")]
    assert "Brak wolnych miejsc" in result.errors[0].message
    assert not Enrolment.objects.exists()
    result = run(setup, data, enrol_good_rows=True)
    assert Enrolment.objects.filter(course=course).count() == 2


def test_prerequisites_are_enforced_with_the_course_named(setup):
    course = setup["course"]
    course.prerequisites = [setup["basics"]]
    course.save_revision().publish()
    EnrolmentFactory(
        user=setup["people"]["anna"],
        course=setup["basics"],
        status=EnrolmentStatus.COMPLETED,
    )
    result = run(setup, csv_of("anna@example.org", "bogdan@example.org"))
    assert [(p.line, p.email) for p in result.errors] == [(3, "bogdan@example.org")]
    assert "„Podstawy kooperacji”" in result.errors[0].message


def test_an_inactive_account_is_a_bad_row(setup):
    setup["people"]["bogdan"].is_active = False
    setup["people"]["bogdan"].save()
    result = run(setup, csv_of("bogdan@example.org"))
    assert "nie jest aktywne" in result.errors[0].message


def test_a_withdrawn_learner_is_enrolled_again(setup):
    EnrolmentFactory(
        user=setup["people"]["anna"], course=setup["course"], status=EnrolmentStatus.WITHDRAWN
    )
    result = run(setup, csv_of("anna@example.org"))
    assert result.saved and len(result.enrolled) == 1
    assert Enrolment.objects.get(user=setup["people"]["anna"]).status == EnrolmentStatus.ACTIVE


# Through the admin form --------------------------------------------------------------------


def upload(client, setup, data, **extra):
    return client.post(
        "/admin/school/enrol/csv/",
        {
            "course": setup["course"].pk,
            "cohort": setup["cohort"].pk,
            "file": SimpleUploadedFile("lista.csv", data, content_type="text/csv"),
            **extra,
        },
    )


def test_upload_reports_bad_rows_and_keeps_the_choices(client, setup):
    client.force_login(setup["coordinator"])
    response = upload(client, setup, BAD_ROWS)
    page = soup(response)
    report = page.select_one("section#report")
    assert "Nikogo nie zapisano: 4 wiersze zawierają błędy." in text(report)
    lines = [text(tr.th) for tr in report.select("tbody tr")]
    assert lines == ["3", "4", "5", "6"]
    assert page.select_one("#id_course option[selected]")["value"] == str(setup["course"].pk)
    assert page.select_one("#id_cohort option[selected]")["value"] == str(setup["cohort"].pk)
    assert not Enrolment.objects.exists()


def test_upload_with_good_rows_enrols_and_says_so(client, setup):
    client.force_login(setup["coordinator"])
    response = upload(client, setup, BAD_ROWS, enrol_good_rows="on")
    report = text(soup(response).select_one("section#report"))
    assert "Zapisano 1 osobę." in report
    assert Enrolment.objects.get().user.email == "anna@example.org"


def test_upload_of_an_unreadable_file_is_an_error_of_the_field(client, setup):
    client.force_login(setup["coordinator"])
    response = upload(client, setup, "a@example.org;Łukasz\n".encode("cp1250"))
    field = soup(response).select_one("#id_file").find_parent(class_="w-field__wrapper")
    assert "kodowaniu UTF-8" in text(field)


def test_a_coordinator_must_choose_one_of_their_cohorts(client, setup):
    other = CohortFactory(name="Cudza grupa")
    client.force_login(setup["coordinator"])
    response = client.post(
        "/admin/school/enrol/csv/",
        {
            "course": setup["course"].pk,
            "cohort": other.pk,
            "file": SimpleUploadedFile("lista.csv", csv_of("anna@example.org")),
        },
    )
    field = soup(response).select_one("#id_cohort").find_parent(class_="w-field__wrapper")
    assert "Wybierz poprawną wartość" in text(field)
    assert not Enrolment.objects.exists()
