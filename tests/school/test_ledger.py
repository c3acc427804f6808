"""The hour ledger on hand-built records with known figures: the seeds' 30 workshops, the
small world of tests.factories.ledger with its filters (project, type, territory at three
levels, institution, trainer, coach, person, period edges), merged and erased people,
breakdowns, and a fixed number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection

from school import ledger
from school.ledger import LedgerFilters
from school.models import EventKind, Person
from school.people import erase, merge
from tests.factories import UserFactory
from tests.factories.catalog import InstitutionFactory
from tests.factories.ledger import (
    CHECINY,
    EXPECTED_2019,
    OKSA,
    SECRET,
    WARSZAWA,
    D,
    completed,
    event_with_days,
    gmina,
    seed_workshops,
    small_world,
)
from tests.factories.records import PersonFactory, attend

YEAR_2019 = {"date_from": D(2019, 1, 1), "date_to": D(2019, 12, 31)}
SUMMARY_FIELDS = list(EXPECTED_2019)


def figures(report):
    return {name: getattr(report, name) for name in SUMMARY_FIELDS}


@pytest.fixture
def world(site):
    return small_world(site)


# The seeds ---------------------------------------------------------------------------------


def test_the_seeds_thirty_workshops(db):
    """ "30 two-day workshops: 480 teaching hours for 424 participants", entered with people
    at two workshops and people present on one day only; plus 5 one-day sessions of 8 hours
    with 84 participants, 4 of whom were at a workshop too."""
    seed_workshops()
    one_day_people = [PersonFactory() for _ in range(80)] + list(
        Person.objects.filter(last_name="Warsztatowa").order_by("pk")[100:104]
    )
    for number in range(5):
        event = event_with_days(
            [(D(2019, 10, 7 + number), "09:00", "15:00", 8)],
            kind=EventKind.ONE_DAY_TRAINING,
        )
        seats = one_day_people[number * 17 : number * 17 + 17]
        attend_all(event.days.get(), seats)
    report = ledger.report(LedgerFilters(**YEAR_2019))

    one_day, workshops = report.by_type  # in the order of the types
    assert (workshops.kind, one_day.kind) == (EventKind.TWO_DAY_WORKSHOP, "one_day_training")
    assert workshops.events == 30
    assert workshops.teaching_hours == Decimal("480.00")
    assert workshops.unique_participants == 424
    assert workshops.participations == 480
    # 30 workshops x (14 people x 16 h + one person 4 h + one person 8 h)
    assert workshops.person_hours == Decimal("7080.00")
    assert one_day.events == 5
    assert one_day.teaching_hours == Decimal("40.00")
    assert one_day.participations == 84
    assert one_day.unique_participants == 84
    assert one_day.person_hours == Decimal("672.00")
    assert report.events == 35
    assert report.teaching_hours == Decimal("520.00")
    assert report.participations == 564
    # The 4 people at both kinds of training are counted once.
    assert report.unique_participants == 424 + 80
    assert report.person_hours == Decimal("7752.00")


def attend_all(day, people):
    for person in people:
        attend(person, day)


# The small world, year 2019 ----------------------------------------------------------------


def test_every_figure_of_the_year(world):
    report = ledger.report(LedgerFilters(**YEAR_2019))
    assert figures(report) == EXPECTED_2019
    by_type = {row.kind: row for row in report.by_type}
    assert by_type["two_day_workshop"].events == 2
    assert by_type["two_day_workshop"].teaching_hours == Decimal("24.00")
    assert by_type["two_day_workshop"].participations == 4
    assert by_type["two_day_workshop"].unique_participants == 3
    assert by_type["two_day_workshop"].person_hours == Decimal("45.00")
    assert by_type["one_day_training"].events == 1
    assert by_type["one_day_training"].teaching_hours == Decimal("6.00")
    assert by_type["one_day_training"].unique_participants == 2
    assert report.coaching_hours == Decimal("4.50")
    assert report.coaching_sessions == 2


def test_a_report_is_seven_queries(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        ledger.report(LedgerFilters(**YEAR_2019, territory="26", project=world["projects"]["L"]))


@pytest.mark.parametrize(
    "period, expected",
    [
        # The event spanning the year's end counts in both years, each with its own day.
        (
            (D(2020, 1, 1), D(2020, 12, 31)),
            {"events": 1, "teaching_hours": "8", "participations": 2, "person_hours": "16"},
        ),
        # Edges are inclusive: 4 March alone is E1's first day.
        (
            (D(2019, 3, 4), D(2019, 3, 4)),
            {"events": 1, "teaching_hours": "8", "participations": 3, "person_hours": "24"},
        ),
        (
            (D(2019, 3, 5), D(2019, 6, 10)),
            {"events": 2, "teaching_hours": "14", "participations": 4, "person_hours": "25"},
        ),
        (
            (D(2018, 1, 1), D(2018, 12, 31)),
            {"events": 0, "teaching_hours": "0", "participations": 0, "person_hours": "0"},
        ),
    ],
)
def test_period_edges(world, period, expected):
    report = ledger.report(LedgerFilters(date_from=period[0], date_to=period[1]))
    assert report.events == expected["events"]
    assert report.teaching_hours == Decimal(expected["teaching_hours"])
    assert report.participations == expected["participations"]
    assert report.person_hours == Decimal(expected["person_hours"])


def test_the_next_year_has_the_rest(world):
    report = ledger.report(LedgerFilters(date_from=D(2020, 1, 1), date_to=D(2020, 12, 31)))
    assert report.coaching_individual_hours == Decimal("2.00")
    assert report.coachee_person_hours == Decimal("2.00")
    assert report.elearning_completions == 1
    assert report.supervision_sessions == 0


# Filters: (filters beyond the year, figures that differ from EXPECTED_2019).
FILTER_CASES = {
    "project L": (
        {"project": "L"},
        {
            "events": 2,
            "teaching_hours": Decimal("24.00"),
            "participations": 4,
            "unique_participants": 3,
            "person_hours": Decimal("45.00"),
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            # Courses belong to no project.
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("55.50"),
        },
    ),
    "voivodeship 26": (
        {"territory": "26"},
        {
            "participations": 5,
            "unique_participants": 3,
            "person_hours": Decimal("51.00"),
            "supervision_person_hours": Decimal("3.00"),
            "unique_supervised": 1,
            "elearning_completions": 1,
            "elearning_hours": Decimal("12.00"),
            "unique_learners": 1,
            "person_hours_total": Decimal("76.50"),
        },
    ),
    "powiat 2602": (
        {"territory": "2602"},
        {
            "events": 2,
            "teaching_hours": Decimal("22.00"),
            "participations": 3,
            "unique_participants": 2,
            "person_hours": Decimal("30.00"),
            "coaching_individual_sessions": 1,
            "coachee_person_hours": Decimal("7.50"),
            "unique_coachees": 2,
            "supervision_person_hours": Decimal("3.00"),
            "unique_supervised": 1,
            "elearning_completions": 1,
            "elearning_hours": Decimal("12.00"),
            "unique_learners": 1,
            "person_hours_total": Decimal("52.50"),
        },
    ),
    "gmina Oksa": (
        {"territory": OKSA},
        {
            "events": 2,
            "teaching_hours": Decimal("22.00"),
            "participations": 2,
            "unique_participants": 1,
            "person_hours": Decimal("22.00"),
            "coachee_person_hours": Decimal("4.50"),
            "unique_coachees": 1,
            "supervision_person_hours": Decimal("3.00"),
            "unique_supervised": 1,
            "elearning_completions": 1,
            "elearning_hours": Decimal("12.00"),
            "unique_learners": 1,
            "person_hours_total": Decimal("41.50"),
        },
    ),
    "gmina Warszawa (an account without a register entry counts by its profile)": (
        {"territory": WARSZAWA},
        {
            "events": 1,
            "teaching_hours": Decimal("6.00"),
            "participations": 1,
            "unique_participants": 1,
            "person_hours": Decimal("6.00"),
            "coaching_individual_sessions": 0,
            "coaching_individual_hours": Decimal("0.00"),
            "coaching_group_sessions": 0,
            "coaching_group_hours": Decimal("0.00"),
            "coachee_person_hours": Decimal("0.00"),
            "unique_coachees": 0,
            "supervision_person_hours": Decimal("3.00"),
            "unique_supervised": 1,
            "elearning_completions": 1,
            "elearning_hours": Decimal("12.00"),
            "unique_learners": 1,
            "person_hours_total": Decimal("21.00"),
        },
    ),
    "two-day workshops only": (
        {"support": "two_day_workshop"},
        {
            "events": 2,
            "teaching_hours": Decimal("24.00"),
            "participations": 4,
            "unique_participants": 3,
            "person_hours": Decimal("45.00"),
            "coaching_individual_sessions": 0,
            "coaching_individual_hours": Decimal("0.00"),
            "coaching_group_sessions": 0,
            "coaching_group_hours": Decimal("0.00"),
            "coachee_person_hours": Decimal("0.00"),
            "unique_coachees": 0,
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("45.00"),
        },
    ),
    "coaching only": (
        {"support": "coaching"},
        {
            "events": 0,
            "teaching_hours": Decimal("0.00"),
            "participations": 0,
            "unique_participants": 0,
            "person_hours": Decimal("0.00"),
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("10.50"),
        },
    ),
    "trainer T1": (
        {"trainer": "T1"},
        {
            "events": 2,
            "teaching_hours": Decimal("24.00"),
            "participations": 4,
            "unique_participants": 3,
            "person_hours": Decimal("45.00"),
            "coaching_individual_sessions": 0,
            "coaching_individual_hours": Decimal("0.00"),
            "coaching_group_sessions": 0,
            "coaching_group_hours": Decimal("0.00"),
            "coachee_person_hours": Decimal("0.00"),
            "unique_coachees": 0,
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("45.00"),
        },
    ),
    "coach K1": (
        {"coach": "K1"},
        {
            "events": 0,
            "teaching_hours": Decimal("0.00"),
            "participations": 0,
            "unique_participants": 0,
            "person_hours": Decimal("0.00"),
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("10.50"),
        },
    ),
    "person C": (
        {"person": "C"},
        {
            "events": 2,
            "teaching_hours": Decimal("24.00"),
            "participations": 2,
            "unique_participants": 1,
            "person_hours": Decimal("21.00"),
            "coaching_individual_sessions": 0,
            "coaching_individual_hours": Decimal("0.00"),
            "coachee_person_hours": Decimal("3.00"),
            "unique_coachees": 1,
            "supervision_sessions": 0,
            "supervision_hours": Decimal("0.00"),
            "supervision_person_hours": Decimal("0.00"),
            "unique_supervised": 0,
            "elearning_completions": 0,
            "elearning_hours": Decimal("0.00"),
            "unique_learners": 0,
            "person_hours_total": Decimal("24.00"),
        },
    ),
}


def resolve(world, chosen):
    objects = {
        "project": world["projects"],
        "trainer": world["trainers"],
        "coach": world["coaches"],
        "person": {**world["people"], **world["trainers"]},
    }
    return {
        name: objects[name][value] if name in objects else value for name, value in chosen.items()
    }


@pytest.mark.parametrize("case", list(FILTER_CASES))
def test_filters(world, case):
    chosen, changes = FILTER_CASES[case]
    report = ledger.report(LedgerFilters(**YEAR_2019, **resolve(world, chosen)))
    assert figures(report) == {**EXPECTED_2019, **changes}


def test_filter_by_institution(world):
    gops = InstitutionFactory(name="GOPS w Chęcinach", gmina=gmina(CHECINY))
    Person.objects.filter(pk=world["people"]["C"].pk).update(institution=gops)
    report = ledger.report(LedgerFilters(**YEAR_2019, institution=gops))
    assert report.participations == 2  # E1 and E3
    assert report.person_hours == Decimal("21.00")
    assert report.coachee_person_hours == Decimal("3.00")
    assert report.elearning_completions == 0


@pytest.mark.parametrize(
    "arguments",
    [
        {"territory": "2"},
        {"territory": "26020"},
        {"territory": "26A2"},
        {"support": "lecture"},
        {"date_from": D(2019, 2, 1), "date_to": D(2019, 1, 1)},
    ],
)
def test_bad_filters_are_refused(arguments):
    with pytest.raises(ValueError):
        LedgerFilters(**arguments)


# People merged and erased ------------------------------------------------------------------


def test_merged_people_count_once(world):
    a = world["people"]["A"]
    twin = PersonFactory(first_name="Alicja", last_name="Adamska", email="", gmina=a.gmina)
    e1_day_one = world["events"]["E1"].days.first()
    e3_day_one = world["events"]["E3"].days.first()
    attend(twin, e1_day_one, e3_day_one)  # the same day as A, and a day A missed
    before = ledger.report(LedgerFilters(**YEAR_2019))
    assert before.unique_participants == 5
    assert before.participations == 8
    merge(a, twin)
    after = ledger.report(LedgerFilters(**YEAR_2019))
    assert after.unique_participants == 4
    # A at E3 is a new participation; the shared day of E1 is one row again.
    assert after.participations == 7
    assert after.person_hours == Decimal(EXPECTED_2019["person_hours"]) + 8


def test_erased_people_still_count(world):
    for person in world["people"].values():
        erase(person)
    assert figures(ledger.report(LedgerFilters(**YEAR_2019))) == EXPECTED_2019
    # The gmina stays: reports by territory hold too.
    oksa = ledger.report(LedgerFilters(**YEAR_2019, territory=OKSA))
    assert oksa.unique_participants == 1


# Breakdowns --------------------------------------------------------------------------------


def rows_by_key(filters, by):
    return {row.key: row for row in ledger.breakdown(filters, by)}


def test_breakdown_by_territory_levels(world):
    filters = LedgerFilters(**YEAR_2019)
    voivodeships = rows_by_key(filters, "voivodeship")
    assert set(voivodeships) == {"26", "14"}
    assert voivodeships["26"].label == "świętokrzyskie"
    assert voivodeships["26"].value("participations") == 5
    assert voivodeships["26"].value("unique_participants") == 3
    assert voivodeships["26"].value("training_person_hours") == Decimal("51.00")
    assert voivodeships["26"].value("coachee_person_hours") == Decimal("10.50")
    assert voivodeships["26"].value("supervision_person_hours") == Decimal("3.00")
    assert voivodeships["26"].value("elearning_hours") == Decimal("12.00")
    assert voivodeships["26"].value("person_hours_total") == Decimal("76.50")
    assert voivodeships["14"].value("person_hours_total") == Decimal("21.00")
    powiats = rows_by_key(filters, "powiat")
    assert powiats["2602"].value("unique_participants") == 2
    assert powiats["2604"].value("training_person_hours") == Decimal("21.00")
    gminas = rows_by_key(filters, "gmina")
    assert gminas[OKSA].label == "Oksa"
    assert gminas[OKSA].value("person_hours_total") == Decimal("41.50")


def test_breakdown_rows_add_up_to_the_summary(world):
    filters = LedgerFilters(**YEAR_2019)
    summary = ledger.report(filters)
    for by in ("person", "gmina", "powiat", "voivodeship", "institution"):
        rows = list(ledger.breakdown(filters, by))
        total = sum((row.value("person_hours_total") for row in rows), Decimal(0))
        assert total == summary.person_hours_total, by
        assert sum(row.value("participations") for row in rows) == summary.participations


def test_breakdown_by_person(world):
    rows = rows_by_key(LedgerFilters(**YEAR_2019), "person")
    c = rows[world["people"]["C"].pk]
    assert c.label == "Celina Cicha"
    assert c.code == CHECINY
    assert c.value("participations") == 2
    assert c.value("training_person_hours") == Decimal("21.00")
    assert c.value("coachee_person_hours") == Decimal("3.00")
    assert c.value("person_hours_total") == Decimal("24.00")
    # The account without a register entry: its completion has no person.
    assert rows[None].value("elearning_completions") == 1


def test_breakdown_by_project(world):
    rows = rows_by_key(LedgerFilters(**YEAR_2019), "project")
    liderzy = rows[world["projects"]["L"].pk]
    assert (liderzy.label, liderzy.code) == ("Liderzy kooperacji", "liderzy")
    assert liderzy.value("events") == 2
    assert liderzy.value("teaching_hours") == Decimal("24.00")
    assert liderzy.value("coaching_individual_hours") == Decimal("1.50")
    assert liderzy.value("coaching_group_hours") == Decimal("3.00")
    assert liderzy.value("coachee_person_hours") == Decimal("10.50")
    kooperacje = rows[world["projects"]["K"].pk]
    assert kooperacje.value("events") == 1
    assert kooperacje.value("supervision_hours") == Decimal("3.00")
    assert kooperacje.value("supervision_person_hours") == Decimal("6.00")


def test_breakdown_by_trainer_and_coach(world):
    rows = list(ledger.breakdown(LedgerFilters(**YEAR_2019), "provider"))
    by_label = {row.label: row for row in rows}
    assert by_label["Tomasz Trener"].value("events") == 2
    assert by_label["Tomasz Trener"].value("teaching_hours") == Decimal("24.00")
    assert by_label["Tomasz Trener"].value("training_person_hours") == Decimal("45.00")
    assert by_label["Teresa Trenerka"].value("participations") == 2
    assert by_label["Kinga Coach"].value("coaching_individual_hours") == Decimal("1.50")
    assert by_label["Kinga Coach"].value("coaching_group_hours") == Decimal("3.00")
    assert by_label["Kinga Coach"].value("coachee_person_hours") == Decimal("10.50")
    assert by_label["Sabina Superwizor"].value("supervision_hours") == Decimal("3.00")
    assert "Karol Coach" not in by_label  # his session is in 2020


@pytest.mark.parametrize(
    "by, queries",
    [
        ("person", 4),
        ("gmina", 4),
        ("voivodeship", 4),
        ("institution", 4),
        ("project", 6),
        ("provider", 6),
    ],
)
def test_breakdowns_take_a_fixed_number_of_queries(world, by, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        list(ledger.breakdown(LedgerFilters(**YEAR_2019), by))


def test_no_note_reaches_the_ledger(world):
    filters = LedgerFilters(**YEAR_2019)
    text = repr(ledger.report(filters).as_dict())
    for by, _label in ledger.BREAKDOWNS:
        text += repr([vars(row) for row in ledger.breakdown(filters, by)])
    assert SECRET not in text
    assert "Temat" not in text


def test_decimal_sums_stay_exact(db):
    """Many partial hours whose float sum drifts (0.1 + 0.2 ...) still add to the cent."""
    event = event_with_days(
        [(D(2019, 4, 1), "09:00", "10:00", Decimal("0.10"))], kind=EventKind.WORKSHOP
    )
    day = event.days.get()
    people = [PersonFactory() for _ in range(30)]
    for person in people:
        attend(person, day)
    report = ledger.report(LedgerFilters(date_from=D(2019, 4, 1), date_to=D(2019, 4, 1)))
    assert report.person_hours == Decimal("3.00")
    assert str(report.person_hours) == "3.00"
    assert report.as_dict()["training"]["person_hours"] == "3.00"


def test_without_a_period_everything_counts(world):
    report = ledger.report(LedgerFilters())
    assert report.events == 3
    assert report.teaching_hours == Decimal("38.00")
    assert report.elearning_completions == 3


def test_completion_dates_are_local(world):
    """The year's edges are Warsaw's midnights: 23:30 on 31 December (22:30 UTC) is in
    2019, 00:30 on 1 January (23:30 UTC on 31 December) is not."""
    completed(UserFactory(), world["course"], datetime.datetime(2019, 12, 31, 23, 30))
    completed(UserFactory(), world["course"], datetime.datetime(2020, 1, 1, 0, 30))
    assert ledger.report(LedgerFilters(**YEAR_2019)).elearning_completions == 3


@pytest.mark.parametrize("by, code", [("voivodeship", "26"), ("powiat", "2604"), ("gmina", OKSA)])
def test_a_territory_filter_gives_its_row_of_the_breakdown(world, by, code):
    """The filter reads people by the ids of the territories under the code; the breakdown
    by the people's gminas: both must see the same people."""
    row = rows_by_key(LedgerFilters(**YEAR_2019), by)[code]
    report = ledger.report(LedgerFilters(**YEAR_2019, territory=code))
    assert report.participations == row.value("participations")
    assert report.unique_participants == row.value("unique_participants")
    assert report.person_hours == row.value("training_person_hours")
    assert report.person_hours_total == row.value("person_hours_total")
    # Counts are integers on every database (PostgreSQL sums them as numeric).
    assert type(report.unique_participants) is type(row.value("participations")) is int


def test_a_territory_nobody_lives_in_counts_nothing(world):
    filters = LedgerFilters(**YEAR_2019, territory="99")
    report = ledger.report(filters)
    assert (report.events, report.participations, report.unique_participants) == (0, 0, 0)
    assert report.person_hours_total == Decimal("0.00")
    assert list(ledger.breakdown(filters, "gmina")) == []


# The page: summary and breakdown from one reading of the attendance -----------------------


def breakdown_rows(rows):
    return [vars(row) for row in rows]


@pytest.mark.parametrize("case", ["everything", "support two_day_workshop", *FILTER_CASES])
def test_page_equals_the_report_and_the_breakdown(world, case):
    """Every figure and every row, for every breakdown, whatever the filters."""
    chosen = (
        {}
        if case == "everything"
        else {"support": EventKind.TWO_DAY_WORKSHOP}
        if case.startswith("support")
        else resolve(world, FILTER_CASES[case][0])
    )
    filters = LedgerFilters(**YEAR_2019, **chosen)
    expected = ledger.report(filters)
    for by, _label in ledger.BREAKDOWNS:
        report, rows = ledger.page(filters, by)
        assert report.as_dict() == expected.as_dict(), by
        assert breakdown_rows(rows) == breakdown_rows(ledger.breakdown(filters, by)), by


def test_page_counts_merged_and_erased_people_as_the_report_does(world):
    people = world["people"]
    twin = PersonFactory(first_name="Alicja", last_name="Adamska", email="", gmina=None)
    attend(twin, world["events"]["E1"].days.first(), world["events"]["E3"].days.first())
    merge(people["A"], twin)
    erase(people["C"])
    filters = LedgerFilters(**YEAR_2019)
    for by in ("person", "project", "provider"):
        report, rows = ledger.page(filters, by)
        assert report.as_dict() == ledger.report(filters).as_dict()
        assert breakdown_rows(rows) == breakdown_rows(ledger.breakdown(filters, by))


@pytest.mark.parametrize("by, queries", [("person", 10), ("project", 12)])
def test_page_reads_the_attendance_once(world, by, queries, django_assert_num_queries):
    """One query fewer than report() and breakdown() apart (7 + 4, 7 + 6), and two
    readings of the attendance where they have three (two in the summary's query).
    By trainer, page() is report() and breakdown(): an event has several trainers."""
    with django_assert_num_queries(queries) as captured:
        _report, rows = ledger.page(LedgerFilters(**YEAR_2019), by)
        list(rows)
    table = f"FROM {connection.ops.quote_name(ledger.Attendance._meta.db_table)}"
    assert sum(query["sql"].count(table) for query in captured.captured_queries) == 2


def test_page_refuses_an_unknown_breakdown(world):
    with pytest.raises(ValueError):
        ledger.page(LedgerFilters(**YEAR_2019), "shoe size")
