"""CSV import of training events and attendance lists: the shapes of file spreadsheets write
(BOM or none, `;` or `,`, Polish letters, Polish or English headers), every bad row reported
with its line and a reason in Polish, nothing written from a bad file unless the good rows
are asked for, dry runs, re-imports that change nothing, the management commands, and the
admin upload page (preview, import, who may use it)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import ModelLogEntry

from portal import roles
from school.models import Attendance, EventDay, Person, Registration, TrainingEvent
from school.training_import import import_attendance, import_events
from tests.factories import UserFactory
from tests.factories.catalog import OKSA, InstitutionFactory
from tests.factories.records import PersonFactory, ProjectFactory, attend
from tests.utils import soup, text

BIELINY = "2604012"  # gmina Bieliny, powiat kielecki
D1, D2, D3 = datetime.date(2019, 5, 6), datetime.date(2019, 5, 7), datetime.date(2019, 6, 6)


@pytest.fixture(autouse=True)
def polish():
    with translation.override("pl"):
        yield


def csv_bytes(rows, delimiter=";", bom=True):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = out.getvalue().encode()
    return b"\xef\xbb\xbf" + data if bom else data


EVENT_HEADER_PL = [
    "id",
    "tytuł",
    "typ",
    "projekt",
    "kurs",
    "data",
    "początek",
    "koniec",
    "godziny dydaktyczne",
    "adres",
    "gmina",
    "liczba miejsc",
    "trenerzy",
]
EVENT_HEADER_EN = [
    "event_id",
    "title",
    "type",
    "project",
    "course",
    "date",
    "start",
    "end",
    "teaching_hours",
    "address",
    "teryt",
    "capacity",
    "trainers",
]
WORKSHOP = [
    "K3D-W01",
    "Współpraca w zespole – Żory",
    "warsztat dwudniowy",
    "kooperacje-3d",
    "",
    "2019-05-06",
    "09:00",
    "15:00",
    "8",
    "ul. Źródlana 5, Oksa",
    OKSA,
    "25",
    "Ewa Trenerska|Łukasz Żak <lukasz.zak@example.org>",
]
EVENT_ROWS = [
    WORKSHOP,
    [*WORKSHOP[:5], "07.05.2019", "9:00", "15:00", *WORKSHOP[8:]],
    [
        "LK-S02",
        "Spotkanie edukacyjne w Bielinach",
        "educational_meeting",
        "LIDERZY-2019",
        "",
        "2019-06-06",
        "10:00",
        "13:00",
        "",
        "Gminny Ośrodek Kultury",
        BIELINY,
        "",
        "",
    ],
]


@pytest.fixture
def records(db):
    ProjectFactory(code="kooperacje-3d", name="Kooperacje 3D")
    ProjectFactory(code="liderzy-2019", name="Liderzy kooperacji")
    trainer = PersonFactory(first_name="Ewa", last_name="Trenerska", email="ewa@example.org")
    return {"trainer": trainer}


def event_state():
    """Everything the events import writes, to compare before and after a second run."""
    return [
        (
            event.import_key,
            event.title,
            event.kind,
            event.project.code if event.project else None,
            event.gmina.code if event.gmina else None,
            event.capacity,
            event.address,
            tuple(
                (day.pk, day.date, day.starts_at, day.ends_at, day.teaching_hours)
                for day in event.days.all()
            ),
            tuple(sorted(event.trainers.values_list("pk", flat=True))),
        )
        for event in TrainingEvent.objects.order_by("import_key")
    ]


# Events: the happy path --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "delimiter", "bom"),
    [(EVENT_HEADER_PL, ";", True), (EVENT_HEADER_EN, ",", False)],
    ids=["Excel: Polish header, semicolons, BOM", "English header, commas, no BOM"],
)
def test_events_are_imported_with_their_days(records, header, delimiter, bom):
    report = import_events(csv_bytes([header, *EVENT_ROWS], delimiter, bom))
    assert report.errors == []
    assert report.saved
    assert (report.counts["events_created"], report.counts["days_created"]) == (2, 3)
    workshop = TrainingEvent.objects.get(import_key="K3D-W01")
    assert workshop.title == "Współpraca w zespole – Żory"
    assert workshop.kind == "two_day_workshop"
    assert workshop.project.code == "kooperacje-3d"
    assert workshop.gmina.code == OKSA
    assert (workshop.capacity, workshop.address) == (25, "ul. Źródlana 5, Oksa")
    assert (workshop.starts_on, workshop.ends_on) == (D1, D2)
    assert [(d.date, d.starts_at, d.teaching_hours) for d in workshop.days.all()] == [
        (D1, datetime.time(9), Decimal("8")),
        (D2, datetime.time(9), Decimal("8")),
    ]
    assert workshop.teaching_hours == 16
    trainers = {(p.full_name, p.email) for p in workshop.trainers.all()}
    assert trainers == {
        ("Ewa Trenerska", "ewa@example.org"),
        ("Łukasz Żak", "lukasz.zak@example.org"),
    }
    meeting = TrainingEvent.objects.get(import_key="LK-S02")
    # The project code in capitals, the type as its code; the hours counted from the
    # times: 3 hours of 45-minute teaching hours.
    assert (meeting.project.code, meeting.kind) == ("liderzy-2019", "educational_meeting")
    assert meeting.days.get().teaching_hours == Decimal("4")
    assert meeting.capacity is None
    assert not meeting.trainers.exists()
    assert ModelLogEntry.objects.filter(action="wagtail.create").count() == 2


def test_reimporting_the_same_file_changes_nothing(records):
    data = csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS])
    import_events(data)
    before = event_state()
    people = Person.objects.count()
    report = import_events(data)
    assert report.errors == []
    assert not report.changed and not report.saved
    assert report.counts["events_unchanged"] == 2
    assert "Plik niczego nie zmienił" in " ".join(report.summary())
    assert event_state() == before
    assert Person.objects.count() == people


def test_reimporting_a_changed_file_updates_the_event_in_place(records):
    import_events(csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    event = TrainingEvent.objects.get(import_key="K3D-W01")
    first_day = event.days.get(date=D1)
    # The title is corrected and the first day ends later.
    changed = [
        *WORKSHOP[:1],
        "Współpraca w zespole (poprawiony tytuł)",
        *WORKSHOP[2:7],
        "15:30",
        *WORKSHOP[8:],
    ]
    # The second day is gone from the file: it has no attendance, so it goes.
    report = import_events(csv_bytes([EVENT_HEADER_PL, changed, EVENT_ROWS[2]]))
    assert report.errors == []
    assert report.counts["events_updated"] == 1
    assert report.counts["events_unchanged"] == 1
    assert (report.counts["days_updated"], report.counts["days_deleted"]) == (1, 1)
    event.refresh_from_db()
    assert event.title == "Współpraca w zespole (poprawiony tytuł)"
    assert list(event.days.values_list("pk", "ends_at")) == [(first_day.pk, datetime.time(15, 30))]
    assert (event.starts_on, event.ends_on) == (D1, D1)
    assert TrainingEvent.objects.count() == 2


def test_a_day_with_attendance_is_not_removed_by_a_file_without_it(records):
    import_events(csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    second_day = EventDay.objects.get(event__import_key="K3D-W01", date=D2)
    attend(PersonFactory(), second_day)
    report = import_events(csv_bytes([EVENT_HEADER_PL, EVENT_ROWS[0], EVENT_ROWS[2]]))
    assert [(e.line, e.message) for e in report.errors] == [
        (
            2,
            "Dnia 2019-05-07 tego wydarzenia nie ma w pliku, a jest dla niego zapisana obecność. "
            "Dodaj ten dzień do pliku albo najpierw usuń jego obecność w panelu administracyjnym.",
        )
    ]
    assert EventDay.objects.filter(pk=second_day.pk).exists()


def test_a_course_is_found_by_its_slug(site, records):
    from tests.factories.school import CourseIndexPageFactory, CoursePageFactory

    index = CourseIndexPageFactory(parent=site.home_pl)
    course = CoursePageFactory(parent=index, title="Praca z rodziną", slug="praca-z-rodzina")
    row = [*WORKSHOP[:4], "praca-z-rodzina", *WORKSHOP[5:]]
    report = import_events(csv_bytes([EVENT_HEADER_PL, row]))
    assert report.errors == []
    assert TrainingEvent.objects.get().course_id == course.pk


# Events: bad rows --------------------------------------------------------------------------


def _with(**changes):
    row = dict(zip(EVENT_HEADER_EN, WORKSHOP, strict=True))
    row["event_id"] = "ZLY-1"
    row.update(changes)
    return [row[name] for name in EVENT_HEADER_EN]


BAD_EVENT_ROWS = [
    # (case, the bad row (line 3), column, the Polish reason)
    ("missing title", _with(title=""), "title", "Brak wymaganej wartości w kolumnie title."),
    (
        "unknown type",
        _with(type="seminarium"),
        "type",
        "Nieznany rodzaj wydarzenia „seminarium”.",
    ),
    (
        "unknown project",
        _with(project="nie-ma-takiego"),
        "project",
        "Nie ma projektu o kodzie „nie-ma-takiego”.",
    ),
    ("unknown course", _with(course="brak"), "course", "Nie ma kursu o adresie (slug) „brak”."),
    (
        "bad date",
        _with(date="2019-02-30"),
        "date",
        "„2019-02-30” nie jest datą (wpisz 2019-05-06 lub 06.05.2019).",
    ),
    ("bad time", _with(start="9 rano"), "start", "„9 rano” nie jest godziną (wpisz 09:00)."),
    (
        "end before start",
        _with(start="15:00", end="09:00"),
        "end",
        "Dzień kończy się przed rozpoczęciem.",
    ),
    (
        "negative hours",
        _with(teaching_hours="-2"),
        "teaching_hours",
        "Liczba godzin nie może być ujemna.",
    ),
    (
        "too many hours",
        _with(teaching_hours="9"),
        "teaching_hours",
        "9 godz. dydaktycznych nie mieści się w dniu: od 09:00 do 15:00 jest ich najwyżej 8.",
    ),
    (
        "hours in words",
        _with(teaching_hours="osiem"),
        "teaching_hours",
        "„osiem” nie jest liczbą godzin.",
    ),
    (
        "not a gmina code",
        _with(teryt="2602"),
        "teryt",
        "„2602” nie jest kodem TERC gminy (7 cyfr, np. 2602052).",
    ),
    ("unknown gmina", _with(teryt="2699999"), "teryt", "Nie ma gminy o kodzie TERC 2699999."),
    (
        "bad capacity",
        _with(capacity="-5"),
        "capacity",
        "„-5” nie jest liczbą miejsc (liczba całkowita, 0 lub więcej).",
    ),
    (
        "trainer's bad e-mail",
        _with(trainers="Jan Nowak <jan@>"),
        "trainers",
        "„jan@” nie jest poprawnym adresem e-mail.",
    ),
    (
        "trainer's e-mail unknown, no name",
        _with(trainers="nieznany@example.org"),
        "trainers",
        "W rejestrze uczestników nikt nie ma adresu nieznany@example.org.",
    ),
    (
        "trainer's first name only",
        _with(trainers="Ewa"),
        "trainers",
        "„Ewa”: podaj imię i nazwisko albo adres e-mail osoby prowadzącej.",
    ),
    (
        "too many values",
        [*_with(), "nadmiarowa wartość"],
        "",
        "Wiersz ma więcej wartości, niż nagłówek ma kolumn.",
    ),
]


@pytest.mark.parametrize(
    ("case", "row", "column", "message"), BAD_EVENT_ROWS, ids=[c[0] for c in BAD_EVENT_ROWS]
)
def test_each_bad_event_row_is_reported_and_nothing_is_imported(
    records, case, row, column, message
):
    report = import_events(csv_bytes([EVENT_HEADER_EN, WORKSHOP, row]))
    assert report.bad_lines == [3]
    assert [(e.line, e.column) for e in report.errors] == [(3, column)]
    assert report.errors[0].message.startswith(message)
    assert str(report.errors[0]).startswith("Wiersz 3: ")
    assert not report.saved
    assert TrainingEvent.objects.count() == 0
    assert report.summary() == [
        "Niczego nie zaimportowano: 1 wiersz zawiera błędy. Popraw plik albo zaimportuj "
        "tylko poprawne wiersze."
    ]


def test_rows_of_one_event_must_agree_and_a_day_comes_once(records):
    rows = [
        EVENT_HEADER_EN,
        WORKSHOP,
        [WORKSHOP[0], "Inny tytuł", *WORKSHOP[2:]],  # line 3: another title, the same day
        [*WORKSHOP[:5], "2019-05-07", *WORKSHOP[6:]],  # line 4: fine on its own
    ]
    report = import_events(csv_bytes(rows))
    assert [(e.line, e.message) for e in report.errors] == [
        (2, "Wydarzenie nie zostanie zaimportowane, bo jego wiersz 3 zawiera błędy."),
        (3, "Dzień 2019-05-06 tego wydarzenia jest już w wierszu 2."),
        (
            3,
            "Kolumna title różni się od wiersza 2 tego samego wydarzenia: w każdym wierszu "
            "jednego wydarzenia musi być w niej ta sama wartość.",
        ),
        (4, "Wydarzenie nie zostanie zaimportowane, bo jego wiersz 3 zawiera błędy."),
    ]
    assert TrainingEvent.objects.count() == 0


def test_partial_import_writes_the_events_without_errors(records):
    rows = [EVENT_HEADER_EN, *EVENT_ROWS, _with(type="seminarium")]
    report = import_events(csv_bytes(rows), partial=True)
    assert report.bad_lines == [5]
    assert report.saved
    assert set(TrainingEvent.objects.values_list("import_key", flat=True)) == {"K3D-W01", "LK-S02"}
    assert "Pominięto 1 wiersz z błędami." in report.summary()


def test_a_dry_run_says_what_would_change_and_saves_nothing(records):
    report = import_events(csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]), dry_run=True)
    assert report.errors == []
    assert (report.counts["events_created"], report.counts["days_created"]) == (2, 3)
    assert not report.saved
    assert report.summary()[-1] == "Próbny przebieg: niczego nie zapisano."
    assert TrainingEvent.objects.count() == 0
    assert not Person.objects.filter(email="lukasz.zak@example.org").exists()


FILE_ERRORS = [
    ("Windows-1250", "id;tytuł\n1;Łódź\n".encode("cp1250"), "kodowaniu UTF-8"),
    ("empty", b"", "Plik jest pusty."),
    ("header only", ";".join(EVENT_HEADER_EN).encode(), "Plik ma nagłówek, ale nie ma wierszy"),
    (
        "unknown and missing columns",
        b"id;tytul;kolor\n1;A;czerwony\n",
        "Błędny nagłówek: nieznana kolumna „kolor”; brak kolumn: type, date, start, end.",
    ),
]


@pytest.mark.parametrize(("case", "data", "message"), FILE_ERRORS, ids=[c[0] for c in FILE_ERRORS])
def test_files_that_cannot_be_read(records, case, data, message):
    report = import_events(data)
    assert report.file_error
    assert message in report.errors[0].message
    assert report.summary() == ["Niczego nie zaimportowano."]


# Attendance --------------------------------------------------------------------------------


ATTENDANCE_HEADER = [
    "id",
    "imię",
    "nazwisko",
    "e-mail",
    "instytucja",
    "gmina",
    "2019-05-06",
    "07.05.2019",
]


@pytest.fixture
def events(records):
    import_events(csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    institution = InstitutionFactory(
        name="Gminny Ośrodek Pomocy Społecznej w Oksie", regon="290000001"
    )
    known = PersonFactory(first_name="Zofia", last_name="Kłos", email="zofia.klos@example.org")
    return {
        "workshop": TrainingEvent.objects.get(import_key="K3D-W01"),
        "meeting": TrainingEvent.objects.get(import_key="LK-S02"),
        "institution": institution,
        "known": known,
    }


ATTENDANCE_ROWS = [
    ["K3D-W01", "Zofia", "Kłos", "Zofia.Klos@example.org", "290000001", OKSA, "1", "x"],
    ["K3D-W01", "Jędrzej", "Śliwiński", "", "Stowarzyszenie „Razem”", BIELINY, "1", "4"],
    ["K3D-W01", "Anna", "Żyła", "anna.zyla@example.org", "", "", "X", "0"],
]


def attendance_state():
    return sorted(
        (a.day.event.import_key, a.day.date, a.person.full_name, a.hours)
        for a in Attendance.objects.select_related("day__event", "person")
    )


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(";", True), (",", False)], ids=["semicolons", "commas"]
)
def test_attendance_is_imported_and_people_recognised(events, delimiter, bom):
    report = import_attendance(csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS], delimiter, bom))
    assert report.errors == []
    assert report.counts["people_created"] == 2
    assert report.counts["people_found"] == 1  # Zofia, by her e-mail in another case
    assert attendance_state() == [
        ("K3D-W01", D1, "Anna Żyła", None),
        ("K3D-W01", D1, "Jędrzej Śliwiński", None),
        ("K3D-W01", D1, "Zofia Kłos", None),
        ("K3D-W01", D2, "Jędrzej Śliwiński", Decimal("4.00")),
        ("K3D-W01", D2, "Zofia Kłos", None),
    ]
    assert events["known"].attendance.count() == 2
    zofia = Person.objects.get(pk=events["known"].pk)
    assert zofia.institution == events["institution"]  # filled in: it was empty
    assert zofia.gmina.code == OKSA
    jedrzej = Person.objects.get(last_name="Śliwiński")
    assert (jedrzej.institution_id, jedrzej.institution_name) == (None, "Stowarzyszenie „Razem”")
    assert jedrzej.gmina.code == BIELINY
    assert Registration.objects.filter(event=events["workshop"]).count() == 3


def test_reimporting_an_attendance_list_changes_nothing(events):
    data = csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS])
    import_attendance(data)
    before = (attendance_state(), Person.objects.count(), Registration.objects.count())
    report = import_attendance(data)
    assert report.errors == []
    assert not report.changed
    assert report.counts["people_found"] == 3  # Jędrzej, without an e-mail, too
    assert (attendance_state(), Person.objects.count(), Registration.objects.count()) == before


def test_a_corrected_list_changes_hours_and_removes_absence(events):
    import_attendance(csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS]))
    corrected = [
        ATTENDANCE_ROWS[0][:6] + ["1", "0"],  # Zofia was not there on the second day
        ATTENDANCE_ROWS[1][:6] + ["1", "8"],  # Jędrzej stayed the whole day after all
    ]
    report = import_attendance(csv_bytes([ATTENDANCE_HEADER, *corrected]))
    assert report.errors == []
    assert (report.counts["attendance_deleted"], report.counts["attendance_updated"]) == (1, 1)
    assert ("K3D-W01", D2, "Zofia Kłos", None) not in attendance_state()
    assert ("K3D-W01", D2, "Jędrzej Śliwiński", None) in attendance_state()


def _person(**changes):
    row = dict(
        zip(
            ["event_id", "first_name", "last_name", "email", "institution", "teryt", "d1", "d2"],
            ATTENDANCE_ROWS[2],
            strict=True,
        )
    )
    row["email"] = "inna.osoba@example.org"
    row.update(changes)
    return list(row.values())


BAD_ATTENDANCE_ROWS = [
    (
        "unknown event",
        _person(event_id="NIE-MA"),
        "event_id",
        "Nie ma wydarzenia o identyfikatorze „NIE-MA”. Najpierw zaimportuj wydarzenia.",
    ),
    ("missing first name", _person(first_name=""), "first_name", "Brak imienia."),
    ("missing last name", _person(last_name=" "), "last_name", "Brak nazwiska."),
    (
        "bad e-mail",
        _person(email="anna@@example"),
        "email",
        "„anna@@example” nie jest poprawnym adresem e-mail.",
    ),
    ("unknown gmina", _person(teryt="2699999"), "teryt", "Nie ma gminy o kodzie TERC 2699999."),
    (
        "unknown REGON",
        _person(institution="123456789"),
        "institution",
        "Na liście usług nie ma instytucji o numerze REGON 123456789.",
    ),
    (
        "unreadable mark",
        _person(d1="był"),
        "2019-05-06",
        "„był” w dniu 2019-05-06: wpisz 1 lub x (obecność), 0 lub nic (nieobecność)",
    ),
    ("negative hours", _person(d2="-2"), "2019-05-07", "Liczba godzin nie może być ujemna."),
    (
        "more hours than the day",
        _person(d2="9"),
        "2019-05-07",
        "9 godz. w dniu 2019-05-07 to więcej, niż ma ten dzień (8 godz. dydaktycznych).",
    ),
    (
        "a day the event does not have",
        _person(event_id="LK-S02", d2="", d1="1"),
        "2019-05-06",
        "Wydarzenie nie ma dnia 2019-05-06.",
    ),
    (
        "the same person twice",
        _person(email="ZOFIA.KLOS@example.org"),
        "",
        "Ta sama osoba na tym samym wydarzeniu jest już w wierszu 2.",
    ),
    (
        "the same name twice without e-mail",
        _person(first_name="zofia", last_name="KŁOS", email=""),
        "",
        "Ta sama osoba na tym samym wydarzeniu jest już w wierszu 2.",
    ),
]


@pytest.mark.parametrize(
    ("case", "row", "column", "message"),
    BAD_ATTENDANCE_ROWS,
    ids=[c[0] for c in BAD_ATTENDANCE_ROWS],
)
def test_each_bad_attendance_row_is_reported_and_nothing_is_imported(
    events, case, row, column, message
):
    first = ["K3D-W01", "Zofia", "Kłos", "zofia.klos@example.org", "", "", "1", "1"]
    report = import_attendance(csv_bytes([ATTENDANCE_HEADER, first, row]))
    assert [(e.line, e.column) for e in report.errors] == [(3, column)]
    assert report.errors[0].message.startswith(message)
    assert Attendance.objects.count() == 0
    assert Registration.objects.count() == 0


def test_partial_attendance_import_writes_the_good_rows(events):
    rows = [ATTENDANCE_HEADER, *ATTENDANCE_ROWS, _person(first_name="")]
    report = import_attendance(csv_bytes(rows), partial=True)
    assert report.bad_lines == [5]
    assert report.good_rows == 3
    assert len(attendance_state()) == 5


def test_attendance_file_needs_day_columns(events):
    report = import_attendance(csv_bytes([ATTENDANCE_HEADER[:6], ATTENDANCE_ROWS[0][:6]]))
    assert report.file_error
    assert report.errors[0].message == "Błędny nagłówek: brak kolumny z datą dnia (np. 2019-05-06)."


# Management commands -----------------------------------------------------------------------


def test_commands_import_check_and_refuse(events, tmp_path):
    good = tmp_path / "obecnosc.csv"
    good.write_bytes(csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS]))
    bad = tmp_path / "zle.csv"
    bad.write_bytes(csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS, _person(first_name="")]))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_attendance", str(good), "--dry-run", stdout=out, stderr=err)
    assert "Próbny przebieg" in out.getvalue()
    assert Attendance.objects.count() == 0
    with pytest.raises(CommandError, match="Niczego nie zaimportowano"):
        call_command("import_attendance", str(bad), stdout=out, stderr=err)
    assert "Wiersz 5: Brak imienia." in err.getvalue()
    assert Attendance.objects.count() == 0
    call_command("import_attendance", str(bad), "--partial", stdout=out, stderr=err)
    assert Attendance.objects.count() == 5


def test_import_events_command_records_the_user(records, tmp_path):
    coordinator = UserFactory(username="koordynatorka")
    path = tmp_path / "wydarzenia.csv"
    path.write_bytes(csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    call_command("import_events", str(path), "--user", "koordynatorka", stdout=io.StringIO())
    assert set(TrainingEvent.objects.values_list("created_by", flat=True)) == {coordinator.pk}
    with pytest.raises(CommandError, match="No user"):
        call_command("import_events", str(path), "--user", "nikt", stdout=io.StringIO())


# The admin upload page ---------------------------------------------------------------------

UPLOAD = "/admin/school/trainings-import/"


def coordinator_user():
    user = UserFactory(first_name="Katarzyna", last_name="Koordynatorka")
    user.groups.add(Group.objects.get(name=roles.COORDINATOR))
    return user


def upload(client, data, kind="events", name="wydarzenia.csv"):
    return client.post(
        UPLOAD,
        {"action": "preview", "kind": kind, "file": SimpleUploadedFile(name, data, "text/csv")},
    )


def error_rows(response):
    table = soup(response).find("table", class_="listing")
    if table is None:
        return []
    return [[text(cell) for cell in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]


def test_upload_preview_then_import(client, records):
    coordinator = coordinator_user()
    client.force_login(coordinator)
    response = upload(client, csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    assert response.status_code == 200
    page = soup(response)
    assert "Podgląd pliku „wydarzenia.csv”" in text(page.find(id="import-report-heading"))
    assert "Wydarzenia: nowe – 2, zmienione – 0, bez zmian – 0." in text(page)
    assert TrainingEvent.objects.count() == 0  # a preview saves nothing
    button = page.find("button", attrs={"value": "import"})
    assert text(button) == "Importuj plik"
    token = page.find("input", attrs={"name": "token"})["value"]
    response = client.post(UPLOAD, {"action": "import", "token": token})
    assert response.status_code == 200
    assert TrainingEvent.objects.count() == 2
    assert set(TrainingEvent.objects.values_list("created_by", flat=True)) == {coordinator.pk}
    # The same confirmation again (a double click, a second tab): nothing more happens.
    response = client.post(UPLOAD, {"action": "import", "token": token})
    assert response.status_code == 409
    assert "Prześlij plik ponownie." in response.content.decode()
    assert TrainingEvent.objects.count() == 2


def test_preview_of_a_bad_file_lists_the_rows_and_offers_only_the_good_rows(client, records):
    client.force_login(coordinator_user())
    rows = [EVENT_HEADER_EN, *EVENT_ROWS, _with(type="seminarium", event_id="ZLY-1")]
    response = upload(client, csv_bytes(rows, ",", False))
    page = soup(response)
    problems = error_rows(response)
    assert [problem[:2] for problem in problems] == [["5", "type"]]
    assert problems[0][2].startswith("Nieznany rodzaj wydarzenia „seminarium”.")
    assert page.find("button", attrs={"value": "import"}) is None
    good = page.find("button", attrs={"value": "import_good"})
    assert text(good) == "Importuj tylko 3 poprawne wiersze"
    # Sending "import all" with this token is refused too: the file has errors.
    token = page.find("input", attrs={"name": "token"})["value"]
    response = client.post(UPLOAD, {"action": "import", "token": token})
    assert TrainingEvent.objects.count() == 0
    assert "Niczego nie zaimportowano" in text(soup(response))
    response = upload(client, csv_bytes(rows, ",", False))
    token = soup(response).find("input", attrs={"name": "token"})["value"]
    client.post(UPLOAD, {"action": "import_good", "token": token})
    assert set(TrainingEvent.objects.values_list("import_key", flat=True)) == {"K3D-W01", "LK-S02"}


def test_preview_of_an_unreadable_file_offers_nothing(client, records):
    client.force_login(coordinator_user())
    response = upload(client, "id;tytuł\n1;Łódź\n".encode("cp1250"))
    page = soup(response)
    assert "kodowaniu UTF-8" in text(page.find(id="import-report"))
    assert page.find("input", attrs={"name": "token"}) is None


def test_attendance_upload(client, events):
    client.force_login(coordinator_user())
    response = upload(
        client, csv_bytes([ATTENDANCE_HEADER, *ATTENDANCE_ROWS]), "attendance", "lista.csv"
    )
    page = soup(response)
    assert "Obecność: zapisane dni – 5, zmienione – 0, usunięte – 0." in text(page)
    token = page.find("input", attrs={"name": "token"})["value"]
    client.post(UPLOAD, {"action": "import", "token": token})
    assert Attendance.objects.count() == 5


def test_the_form_says_what_is_wrong(client, records):
    client.force_login(coordinator_user())
    response = client.post(UPLOAD, {"action": "preview", "kind": "events"})
    page = soup(response)
    file_input = page.find("input", attrs={"name": "file"})
    assert "To pole jest wymagane." in text(page)
    assert file_input.has_attr("aria-describedby") or file_input.has_attr("aria-invalid")


ROLE_CASES = [
    # (role, what they meet: "login" page, admin "home" with "no permission", or 200)
    ("anonymous", "login"),
    ("trainee", "login"),
    ("editor", "home"),
    ("institution_editor", "home"),
    ("coordinator", 200),
    ("superuser", 200),
]


def _user_for(role):
    if role == "anonymous":
        return None
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    if role == "coordinator":
        return coordinator_user()
    group = {
        "trainee": roles.TRAINEE,
        "editor": roles.EDITOR,
        "institution_editor": roles.INSTITUTION_EDITOR,
    }[role]
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    return user


def _met(response):
    if response.status_code == 302:
        location = response["Location"]
        if location.rstrip("/") == "/admin":
            return "home"
        if "login" in location or "logowanie" in location:
            return "login"
    return response.status_code


@pytest.mark.parametrize(("role", "expected"), ROLE_CASES, ids=[c[0] for c in ROLE_CASES])
def test_who_may_use_the_upload_page(client, records, role, expected):
    user = _user_for(role)
    if user is not None:
        client.force_login(user)
    assert _met(client.get(UPLOAD)) == expected
    response = upload(client, csv_bytes([EVENT_HEADER_PL, *EVENT_ROWS]))
    assert _met(response) == expected
    if expected != 200:
        # Refused before the file was read: no session entry, nothing imported.
        assert "school_training_import" not in client.session
        assert client.post(UPLOAD, {"action": "import", "token": "x"}).status_code == 302
    assert TrainingEvent.objects.count() == 0


def test_registration_can_be_opened_by_the_file(records):
    header = [*EVENT_HEADER_EN, "registration_open"]
    report = import_events(csv_bytes([header, [*WORKSHOP, "tak"], [*EVENT_ROWS[2], "nie"]]))
    assert report.errors == []
    assert TrainingEvent.objects.get(import_key="K3D-W01").registration_open
    assert not TrainingEvent.objects.get(import_key="LK-S02").registration_open
    report = import_events(csv_bytes([header, [*WORKSHOP, "może"]]))
    assert report.errors[0].message == "„może” w kolumnie registration_open: wpisz tak albo nie."
