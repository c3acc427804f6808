"""The hour ledger: every form of support counted from its source records, for a period and
filters. One module for the report page, its CSV and XLSX files and `report_hours`, so the
three can never disagree.

What is counted (the shared semantics of the e-School records):

- Trainings. An event falls in the period when one of its days does; only those days count.
  Teaching hours = the sum of the days' teaching hours. A participation = a person present at
  an event on at least one day; unique participants = distinct people. Person-hours = the sum
  of the attendance rows' hours (the day's teaching hours unless a partial presence is noted).
- Coaching: a session's hours count once as hours delivered by the coach (individual or
  group by the session's form) and once per coachee as person-hours.
- Supervision: likewise once for the supervisor and once per member.
- E-learning: a completed enrolment in the period counts the course's hours once for the
  learner. Courses belong to no project and have no trainer, so choosing a project, a
  trainer or a coach leaves e-learning out.

Filters on the people (territory, institution, person) narrow what a person did; events,
teaching hours and coaching or supervision hours delivered then count the events and
sessions in which at least one of those people took part.

Everything is a database aggregate: a report is a fixed number of queries whatever the
number of rows, and a breakdown streams from grouped queries merged on their sort key.
Notes, topics, goals and conclusions are never read here.

Speed. The attendance rows of a year are the bulk of the work (a quarter of a million in
the benchmark). Counting them distinct per type or per group makes the database sort all
of them once per count; instead they are first reduced per event (participations are the
distinct people of each event) or per person (unique participants are then plain row
counts), and only those few rows are joined to types, people and territories. The ORM
writes the inner queries with every filter; a short outer query around them is written
here, in SQL both databases understand."""

import datetime
import heapq
import itertools
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db import connections
from django.db.models import (
    Case,
    Count,
    DecimalField,
    F,
    IntegerField,
    Max,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Territory
from school.models import (
    Attendance,
    CoachingForm,
    CoachingSession,
    Enrolment,
    EnrolmentStatus,
    EventDay,
    EventKind,
    Person,
    Project,
    SupervisionMember,
    SupervisionSession,
    TrainingEvent,
)

# Sums of many rows outgrow the columns' own max_digits: declare a wide result.
HOURS_FIELD = DecimalField(max_digits=20, decimal_places=2)
CENT = Decimal("0.01")
ZERO = Decimal("0.00")

TRAINING = "training"
COACHING = "coaching"
SUPERVISION = "supervision"
ELEARNING = "elearning"
SECTIONS = (TRAINING, COACHING, SUPERVISION, ELEARNING)

SUPPORT_TYPES = [
    *EventKind.choices,
    (COACHING, _("coaching")),
    (SUPERVISION, _("supervision")),
    (ELEARNING, _("e-learning")),
]
EVENT_KINDS = set(EventKind.values)
TERRITORY_CODE_LENGTHS = (2, 4, 7)


def hours(value):
    """A sum as the ledger reports it: a Decimal with two places. SQLite sums decimals as
    floats; rounding to the cent removes what float arithmetic adds."""
    if value is None:
        return ZERO
    return Decimal(value).quantize(CENT)


def _pk(value):
    return getattr(value, "pk", value)


@dataclass(frozen=True)
class LedgerFilters:
    """What a report covers. Objects or their ids are accepted for the foreign keys.

    support: "" for everything, an EventKind value (trainings of that type only), or
    "coaching", "supervision", "elearning". territory: a TERC code of 2, 4 or 7 digits,
    matched as a prefix of the person's gmina. trainer: a Person who trained; coach: a User
    who coached or supervised (as a trainer too, through their register entry)."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    project: object = None
    support: str = ""
    territory: str = ""
    institution: object = None
    trainer: object = None
    coach: object = None
    person: object = None

    def __post_init__(self):
        for name in ("project", "institution", "trainer", "coach", "person"):
            object.__setattr__(self, name, _pk(getattr(self, name)))
        territory = (self.territory or "").strip()
        object.__setattr__(self, "territory", territory)
        if territory and not (territory.isdigit() and len(territory) in TERRITORY_CODE_LENGTHS):
            raise ValueError("A territory is a TERC code of 2, 4 or 7 digits.")
        if self.support and self.support not in {value for value, _label in SUPPORT_TYPES}:
            raise ValueError(f"Unknown type of support: {self.support}")
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValueError("The period ends before it starts.")

    @property
    def has_people(self):
        return bool(self.territory or self.institution or self.person)

    @property
    def has_provider(self):
        return self.trainer is not None or self.coach is not None

    def includes(self, section):
        support = self.support
        if support in EVENT_KINDS:
            return section == TRAINING
        if support and support != section:
            return False
        if section == ELEARNING and (self.project is not None or self.has_provider):
            return False
        return True

    # Querysets of the source records, filtered ------------------------------------------

    def _dates(self, path):
        q = Q()
        if self.date_from:
            q &= Q(**{f"{path}__gte": self.date_from})
        if self.date_to:
            q &= Q(**{f"{path}__lte": self.date_to})
        return q

    @cached_property
    def _territory_ids(self):
        """The territories within the chosen one (one small query, once per filters).

        People are then filtered by their gmina's id in a list rather than through a join
        on the code's prefix: the database knows from its statistics how many people
        live in each gmina, not how many have a gmina whose code starts with "26", and
        on a guess it reads the attendance of the wrong number of people the slow way."""
        return list(
            Territory.objects.filter(code__startswith=self.territory).values_list("pk", flat=True)
        )

    def _people(self, path):
        """The person filters on the Person reached by `path`."""
        q = Q()
        if self.territory and self._territory_ids:
            q &= Q(**{f"{path}__gmina_id__in": self._territory_ids})
        elif self.territory:  # no such territory: nobody, through the join
            q &= Q(**{f"{path}__gmina__code__startswith": self.territory})
        if self.institution is not None:
            q &= Q(**{f"{path}__institution_id": self.institution})
        if self.person is not None:
            q &= Q(**{f"{path}_id": self.person})
        return q

    def _trainer_user(self):
        """The account of the chosen trainer: their coaching and supervision count too."""
        return Person.objects.filter(pk=self.trainer).values("user_id")

    def attendance(self):
        if not self.includes(TRAINING):
            return Attendance.objects.none()
        qs = Attendance.objects.filter(self._dates("day__date") & self._people("person"))
        if self.project is not None:
            qs = qs.filter(day__event__project_id=self.project)
        if self.support in EVENT_KINDS:
            qs = qs.filter(day__event__kind=self.support)
        if self.trainer is not None:
            qs = qs.filter(day__event__trainers=self.trainer)
        if self.coach is not None:
            qs = qs.filter(day__event__trainers__user=self.coach)
        return qs

    def days(self):
        if not self.includes(TRAINING):
            return EventDay.objects.none()
        qs = EventDay.objects.filter(self._dates("date"))
        if self.project is not None:
            qs = qs.filter(event__project_id=self.project)
        if self.support in EVENT_KINDS:
            qs = qs.filter(event__kind=self.support)
        if self.trainer is not None:
            qs = qs.filter(event__trainers=self.trainer)
        if self.coach is not None:
            qs = qs.filter(event__trainers__user=self.coach)
        if self.has_people:
            qs = qs.filter(event_id__in=self.attendance().values("day__event_id"))
        return qs

    def _sessions(self, model, provider, section):
        if not self.includes(section):
            return model.objects.none()
        qs = model.objects.filter(self._dates("date"))
        if self.project is not None:
            qs = qs.filter(project_id=self.project)
        if self.coach is not None:
            qs = qs.filter(**{f"{provider}_id": self.coach})
        if self.trainer is not None:
            qs = qs.filter(**{f"{provider}_id__in": self._trainer_user()})
        return qs

    def coaching_sessions(self):
        qs = self._sessions(CoachingSession, "coach", COACHING)
        if self.has_people:
            qs = qs.filter(pk__in=self.coachees().values("coachingsession_id"))
        return qs

    def coachees(self):
        """The (session, coachee) pairs: a coachee's person-hours."""
        through = CoachingSession.coachees.through
        sessions = self._sessions(CoachingSession, "coach", COACHING)
        return through.objects.filter(
            Q(coachingsession__in=sessions.values("pk")) & self._people("person")
        )

    def supervision_sessions(self):
        qs = self._sessions(SupervisionSession, "supervisor", SUPERVISION)
        if self.has_people:
            qs = qs.filter(pk__in=self.members().values("session_id"))
        return qs

    def members(self):
        sessions = self._sessions(SupervisionSession, "supervisor", SUPERVISION)
        return SupervisionMember.objects.filter(
            Q(session__in=sessions.values("pk")) & self._people("person")
        )

    def completions(self):
        """Completed enrolments in the period, with the learner's gmina and institution:
        those of their register entry, else of their account's profile."""
        if not self.includes(ELEARNING):
            return Enrolment.objects.none()
        qs = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED).annotate(
            learner_gmina_code=Coalesce("user__person__gmina__code", "user__gmina__code"),
            learner_institution=Coalesce("user__person__institution_id", "user__institution_id"),
        )
        zone = timezone.get_current_timezone()
        if self.date_from:
            start = datetime.datetime.combine(self.date_from, datetime.time.min, zone)
            qs = qs.filter(completed_at__gte=start)
        if self.date_to:
            end = datetime.datetime.combine(
                self.date_to + datetime.timedelta(days=1), datetime.time.min, zone
            )
            qs = qs.filter(completed_at__lt=end)
        if self.territory:
            qs = qs.filter(learner_gmina_code__startswith=self.territory)
        if self.institution is not None:
            qs = qs.filter(learner_institution=self.institution)
        if self.person is not None:
            qs = qs.filter(user_id__in=Person.objects.filter(pk=self.person).values("user_id"))
        return qs


def _sum(expression, **extra):
    return Sum(expression, output_field=HOURS_FIELD, **extra)


ATTENDED_HOURS = Coalesce("hours", "day__teaching_hours", output_field=HOURS_FIELD)


def _connection():
    return connections[Attendance.objects.db]


def _sql(queryset):
    """A queryset as SQL with its parameters, to be nested in an outer query. Its own
    ordering is dropped: a subquery in FROM has none."""
    return queryset.order_by().query.sql_with_params()


def _quoted(name):
    return _connection().ops.quote_name(name)


def _fetch(sql, params, stream=True, chunk_size=2000):
    """The rows of a query as dicts, read in chunks. With `stream`, through a server-side
    cursor where the database has them (PostgreSQL), so that a long breakdown never sits
    whole in memory."""
    connection = _connection()
    stream = stream and not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    with connection.chunked_cursor() if stream else connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        while rows := cursor.fetchmany(chunk_size):
            for row in rows:
                yield dict(zip(names, row, strict=True))


def _nulls_last(column):
    """ORDER BY a key with empty keys last, as _sort_key orders them."""
    return f"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column}"


# The summary ------------------------------------------------------------------------------


@dataclass
class TypeFigures:
    kind: str
    label: str
    events: int = 0
    teaching_hours: Decimal = ZERO
    participations: int = 0
    person_hours: Decimal = ZERO
    unique_participants: int = 0


@dataclass
class Report:
    filters: LedgerFilters
    by_type: list = field(default_factory=list)
    events: int = 0
    teaching_hours: Decimal = ZERO
    participations: int = 0
    unique_participants: int = 0
    person_hours: Decimal = ZERO
    coaching_individual_sessions: int = 0
    coaching_individual_hours: Decimal = ZERO
    coaching_group_sessions: int = 0
    coaching_group_hours: Decimal = ZERO
    coachee_person_hours: Decimal = ZERO
    unique_coachees: int = 0
    coaching_individual_person_hours: Decimal = ZERO
    coaching_group_person_hours: Decimal = ZERO
    supervision_sessions: int = 0
    supervision_hours: Decimal = ZERO
    supervision_person_hours: Decimal = ZERO
    unique_supervised: int = 0
    elearning_completions: int = 0
    elearning_hours: Decimal = ZERO
    unique_learners: int = 0

    @property
    def coaching_sessions(self):
        return self.coaching_individual_sessions + self.coaching_group_sessions

    @property
    def coaching_hours(self):
        return self.coaching_individual_hours + self.coaching_group_hours

    @property
    def person_hours_total(self):
        """Hours of support received, all forms together."""
        return (
            self.person_hours
            + self.coachee_person_hours
            + self.supervision_person_hours
            + self.elearning_hours
        )

    def as_dict(self):
        """Stable keys for `report_hours --format json` (documented in the README). Hours are
        strings with two decimals so that no precision is lost on the way."""
        f = self.filters
        return {
            "period": {
                "from": f.date_from.isoformat() if f.date_from else None,
                "to": f.date_to.isoformat() if f.date_to else None,
            },
            "training": {
                "events": self.events,
                "teaching_hours": str(self.teaching_hours),
                "participations": self.participations,
                "unique_participants": self.unique_participants,
                "person_hours": str(self.person_hours),
                "by_type": [
                    {
                        "type": row.kind,
                        "events": row.events,
                        "teaching_hours": str(row.teaching_hours),
                        "participations": row.participations,
                        "unique_participants": row.unique_participants,
                        "person_hours": str(row.person_hours),
                    }
                    for row in self.by_type
                ],
            },
            "coaching": {
                "sessions": self.coaching_sessions,
                "hours": str(self.coaching_hours),
                "individual_sessions": self.coaching_individual_sessions,
                "individual_hours": str(self.coaching_individual_hours),
                "group_sessions": self.coaching_group_sessions,
                "group_hours": str(self.coaching_group_hours),
                "coachee_person_hours": str(self.coachee_person_hours),
                "individual_person_hours": str(self.coaching_individual_person_hours),
                "group_person_hours": str(self.coaching_group_person_hours),
                "unique_coachees": self.unique_coachees,
            },
            "supervision": {
                "sessions": self.supervision_sessions,
                "hours": str(self.supervision_hours),
                "member_person_hours": str(self.supervision_person_hours),
                "unique_members": self.unique_supervised,
            },
            "elearning": {
                "completions": self.elearning_completions,
                "hours": str(self.elearning_hours),
                "unique_learners": self.unique_learners,
            },
            "person_hours_total": str(self.person_hours_total),
        }


SUMMARY_LABELS = {
    "period.from": _("Period from"),
    "period.to": _("Period to"),
    "training.events": _("Trainings: events"),
    "training.teaching_hours": _("Trainings: teaching hours"),
    "training.participations": _("Trainings: participations"),
    "training.unique_participants": _("Trainings: unique participants"),
    "training.person_hours": _("Trainings: person-hours"),
    "coaching.sessions": _("Coaching: sessions"),
    "coaching.hours": _("Coaching: hours delivered"),
    "coaching.individual_sessions": _("Individual coaching: sessions"),
    "coaching.individual_hours": _("Individual coaching: hours delivered"),
    "coaching.group_sessions": _("Group coaching: sessions"),
    "coaching.group_hours": _("Group coaching: hours delivered"),
    "coaching.coachee_person_hours": _("Coaching: person-hours"),
    "coaching.individual_person_hours": _("Individual coaching: person-hours"),
    "coaching.group_person_hours": _("Group coaching: person-hours"),
    "coaching.unique_coachees": _("Coaching: unique coachees"),
    "supervision.sessions": _("Supervision: sessions"),
    "supervision.hours": _("Supervision: hours delivered"),
    "supervision.member_person_hours": _("Supervision: person-hours"),
    "supervision.unique_members": _("Supervision: unique members"),
    "elearning.completions": _("E-learning: completions"),
    "elearning.hours": _("E-learning: hours (person-hours)"),
    "elearning.unique_learners": _("E-learning: unique learners"),
    "person_hours_total": _("Person-hours of all support"),
}
TYPE_FIGURE_LABELS = {
    "events": _("events"),
    "teaching_hours": _("teaching hours"),
    "participations": _("participations"),
    "unique_participants": _("unique participants"),
    "person_hours": _("person-hours"),
}


def summary_rows(report):
    """The summary as (key, label, value) rows: the same keys as the JSON of `report_hours`
    joined with dots; the types of events as training.by_type.<type>.<figure>. Hours are
    Decimals, counts integers, the period's edges dates."""
    data = report.as_dict()
    labels = dict(EventKind.choices)
    rows = []

    def walk(prefix, value):
        if isinstance(value, dict):
            for name, item in value.items():
                walk(f"{prefix}.{name}" if prefix else name, item)
        elif prefix == "training.by_type":
            for row in value:
                for name, label in TYPE_FIGURE_LABELS.items():
                    type_label = labels.get(row["type"], row["type"])
                    rows.append(
                        (
                            f"training.by_type.{row['type']}.{name}",
                            f"{_('Trainings')} – {type_label}: {label}",
                            _typed(row[name]),
                        )
                    )
        else:
            rows.append((prefix, str(SUMMARY_LABELS[prefix]), _typed(value, prefix)))

    walk("", data)
    return rows


def _typed(value, key=""):
    if key.startswith("period."):
        return datetime.date.fromisoformat(value) if value else None
    if isinstance(value, str):
        return Decimal(value)
    return value


def training_figures(filters, report=None, attendance=None):
    """Events, teaching hours, participations, unique participants and person-hours, per
    type of event and in all: two queries (none when trainings are filtered out).
    `attendance`: the (people, figures) of _attendance_by_type when a combined query has
    already read them (see page()); then one query."""
    report = report or Report(filters=filters)
    if not filters.includes(TRAINING):
        return report
    labels = dict(EventKind.choices)
    rows = {}
    for row in (
        filters.days()
        .values("event__kind")
        .annotate(events=Count("event", distinct=True), teaching=_sum("teaching_hours"))
        .order_by()
    ):
        kind = row["event__kind"]
        rows[kind] = TypeFigures(
            kind, labels.get(kind, kind), row["events"], hours(row["teaching"])
        )
    people, figures = attendance or _attendance_by_type(filters, _kinds(filters))
    for kind, (participations, unique, person_hours) in figures.items():
        row = rows.setdefault(kind, TypeFigures(kind, labels.get(kind, kind)))
        row.participations = participations
        row.unique_participants = unique
        row.person_hours = hours(person_hours)
    order = {kind: n for n, kind in enumerate(EventKind.values)}
    report.by_type = sorted(rows.values(), key=lambda row: order.get(row.kind, len(order)))
    report.events = sum(row.events for row in report.by_type)
    report.teaching_hours = hours(sum((row.teaching_hours for row in report.by_type), ZERO))
    report.participations = sum(row.participations for row in report.by_type)
    report.person_hours = hours(sum((row.person_hours for row in report.by_type), ZERO))
    report.unique_participants = people
    return report


def _kinds(filters):
    return [filters.support] if filters.support in EVENT_KINDS else EventKind.values


def _kind_flags(kinds):
    """Whether a person was at an event of each type, as aggregates of their attendance
    rows. Returns the aggregates for annotate(); per type, the count of people among rows
    `y` of those aggregates; and the same aggregates over rows `y` of them (for a person
    with several rows)."""
    if _connection().vendor == "postgresql":
        # One bit per type in one integer: a small state per person, so the database
        # groups the people in memory rather than sorting the rows.
        from django.contrib.postgres.aggregates import BitOr

        bit = Case(
            *(When(day__event__kind=value, then=Value(1 << n)) for n, value in enumerate(kinds)),
            default=Value(0),
            output_field=IntegerField(),
        )
        flags = {"bits": BitOr(bit)}
        flag_sums = [
            f"SUM(CASE WHEN (y.bits & {1 << n}) <> 0 THEN 1 ELSE 0 END)" for n in range(len(kinds))
        ]
    else:
        flags = {
            f"k{n}": Max(
                Case(When(day__event__kind=value, then=Value(1)), default=Value(0)),
                output_field=IntegerField(),
            )
            for n, value in enumerate(kinds)
        }
        flag_sums = [f"SUM(y.k{n})" for n in range(len(kinds))]
    if "bits" in flags:
        combined = "BIT_OR(y.bits) AS bits"
    else:
        combined = ", ".join(f"MAX(y.k{n}) AS k{n}" for n in range(len(kinds)))
    return flags, flag_sums, combined


def _attendance_by_type(filters, kinds):
    """Participations, unique participants and person-hours per type of event, and the
    people in all (a person at events of two types is one participant): one query.

    Participations and person-hours come from the attendance reduced per event (its
    distinct people and their hours); the unique participants from the attendance reduced
    per person (whether they were at an event of each type). Returns (people,
    {kind: (participations, unique participants, person-hours)}) for the kinds with any
    attendance."""
    flags, flag_sums, _combined = _kind_flags(kinds)
    flag_sums = ", ".join(f"{column} AS k{n}" for n, column in enumerate(flag_sums))
    per_person, person_params = _sql(
        filters.attendance().values(pid=F("person_id")).annotate(**flags)
    )
    per_event, event_params = _sql(
        filters.attendance()
        .values(eid=F("day__event_id"))
        .annotate(n=Count("person_id", distinct=True), h=_sum(ATTENDED_HOURS))
    )
    event = _quoted(TrainingEvent._meta.db_table)
    sql = (
        f"SELECT p.people, {', '.join(f'p.k{n}' for n in range(len(kinds)))}, "  # nosec B608 # noqa: S608 (identifiers only; values are bound)
        "t.kind, t.participations, t.person_hours "
        f"FROM (SELECT COUNT(*) AS people, {flag_sums} FROM ({per_person}) y) p "
        "LEFT JOIN (SELECT e.kind AS kind, SUM(x.n) AS participations, "
        "SUM(x.h) AS person_hours "
        f"FROM ({per_event}) x INNER JOIN {event} e ON e.id = x.eid GROUP BY e.kind) t "
        "ON 1 = 1"
    )
    people, figures = 0, {}
    # Counts come back as integers (PostgreSQL sums them as numeric).
    for row in _fetch(sql, (*person_params, *event_params), stream=False):
        people = int(row["people"])
        if row["kind"] not in kinds or not row["participations"]:
            continue
        unique = int(row[f"k{kinds.index(row['kind'])}"])
        figures[row["kind"]] = (int(row["participations"]), unique, row["person_hours"])
    return people, figures


def coaching_figures(filters, report=None):
    report = report or Report(filters=filters)
    if not filters.includes(COACHING):
        return report
    for row in (
        filters.coaching_sessions()
        .values("form")
        .annotate(sessions=Count("pk"), total=_sum("hours"))
        .order_by()
    ):
        if row["form"] == CoachingForm.GROUP:
            report.coaching_group_sessions = row["sessions"]
            report.coaching_group_hours = hours(row["total"])
        else:
            report.coaching_individual_sessions += row["sessions"]
            report.coaching_individual_hours = hours(
                report.coaching_individual_hours + hours(row["total"])
            )
    group = Q(coachingsession__form=CoachingForm.GROUP)
    totals = filters.coachees().aggregate(
        person_hours=_sum("coachingsession__hours"),
        group_hours=_sum("coachingsession__hours", filter=group),
        people=Count("person", distinct=True),
    )
    report.coachee_person_hours = hours(totals["person_hours"])
    report.coaching_group_person_hours = hours(totals["group_hours"])
    report.coaching_individual_person_hours = (
        report.coachee_person_hours - report.coaching_group_person_hours
    )
    report.unique_coachees = totals["people"]
    return report


def supervision_figures(filters, report=None):
    report = report or Report(filters=filters)
    if not filters.includes(SUPERVISION):
        return report
    totals = filters.supervision_sessions().aggregate(sessions=Count("pk"), total=_sum("hours"))
    report.supervision_sessions = totals["sessions"]
    report.supervision_hours = hours(totals["total"])
    members = filters.members().aggregate(
        person_hours=_sum("session__hours"), people=Count("person", distinct=True)
    )
    report.supervision_person_hours = hours(members["person_hours"])
    report.unique_supervised = members["people"]
    return report


def elearning_figures(filters, report=None):
    report = report or Report(filters=filters)
    if not filters.includes(ELEARNING):
        return report
    totals = filters.completions().aggregate(
        completions=Count("pk"),
        total=_sum("course__hours"),
        learners=Count("user", distinct=True),
    )
    report.elearning_completions = totals["completions"]
    report.elearning_hours = hours(totals["total"])
    report.unique_learners = totals["learners"]
    return report


def report(filters):
    """Every figure of the summary: at most seven queries, and one more to find the
    territories within a chosen territory."""
    result = Report(filters=filters)
    training_figures(filters, result)
    coaching_figures(filters, result)
    supervision_figures(filters, result)
    elearning_figures(filters, result)
    return result


# Breakdowns -------------------------------------------------------------------------------

BY_PERSON = "person"
BY_INSTITUTION = "institution"
BY_GMINA = "gmina"
BY_POWIAT = "powiat"
BY_VOIVODESHIP = "voivodeship"
BY_PROJECT = "project"
BY_PROVIDER = "provider"

BREAKDOWNS = [
    (BY_PROJECT, _("project")),
    (BY_VOIVODESHIP, _("voivodeship")),
    (BY_POWIAT, _("powiat")),
    (BY_GMINA, _("gmina")),
    (BY_INSTITUTION, _("institution")),
    (BY_PROVIDER, _("trainer or coach")),
    (BY_PERSON, _("person")),
]

# Columns: (key, heading, kind) with kind "count" or "hours".
COLUMN_LABELS = {
    "events": (_("Events"), "count"),
    "teaching_hours": (_("Teaching hours"), "hours"),
    "participations": (_("Participations"), "count"),
    "unique_participants": (_("Unique participants"), "count"),
    "training_person_hours": (_("Training person-hours"), "hours"),
    "coaching_individual_hours": (_("Individual coaching hours"), "hours"),
    "coaching_group_hours": (_("Group coaching hours"), "hours"),
    "coachee_person_hours": (_("Coaching person-hours"), "hours"),
    "supervision_hours": (_("Supervision hours"), "hours"),
    "supervision_person_hours": (_("Supervision person-hours"), "hours"),
    "elearning_completions": (_("E-learning completions"), "count"),
    "elearning_hours": (_("E-learning hours"), "hours"),
    "person_hours_total": (_("Person-hours in all"), "hours"),
}
PARTICIPANT_COLUMNS = [
    "participations",
    "unique_participants",
    "training_person_hours",
    "coachee_person_hours",
    "supervision_person_hours",
    "elearning_completions",
    "elearning_hours",
    "person_hours_total",
]
DELIVERY_COLUMNS = [
    "events",
    "teaching_hours",
    "participations",
    "unique_participants",
    "training_person_hours",
    "coaching_individual_hours",
    "coaching_group_hours",
    "coachee_person_hours",
    "supervision_hours",
    "supervision_person_hours",
    "person_hours_total",
]


def breakdown_columns(by):
    return DELIVERY_COLUMNS if by in (BY_PROJECT, BY_PROVIDER) else PARTICIPANT_COLUMNS


@dataclass
class BreakdownRow:
    """One group: `key` (a TERC code, an id), `label` (a name), `code` (what identifies
    the group in a file: a TERC code, a project code, an id) and `detail` (the person's
    gmina and institution, or whether a provider is a trainer or a coach)."""

    key: object
    label: str = ""
    code: str = ""
    detail: str = ""
    values: dict = field(default_factory=dict)

    def value(self, column):
        if column == "person_hours_total":
            return hours(
                sum(
                    (
                        self.values.get(name) or ZERO
                        for name in (
                            "training_person_hours",
                            "coachee_person_hours",
                            "supervision_person_hours",
                            "elearning_hours",
                        )
                    ),
                    ZERO,
                )
            )
        default = ZERO if COLUMN_LABELS[column][1] == "hours" else 0
        value = self.values.get(column)
        return default if value is None else value


def _person_group(path):
    """Key and label expressions for the person reached by `path` ("" for a Person
    queryset itself), per kind of group."""

    def at(name):
        return f"{path}__{name}" if path else name

    return {
        BY_PERSON: {
            "key": F(f"{path}_id" if path else "id"),
            "label": Concat(at("first_name"), Value(" "), at("last_name"), output_field=_text()),
            "code": F(at("gmina__code")),
            "detail": Coalesce(at("institution__name"), at("institution_name")),
        },
        BY_INSTITUTION: {
            "key": F(at("institution_id")),
            "label": F(at("institution__name")),
        },
        BY_GMINA: {"key": F(at("gmina__code")), "label": F(at("gmina__name"))},
        BY_POWIAT: {
            "key": F(at("gmina__parent__code")),
            "label": F(at("gmina__parent__name")),
        },
        BY_VOIVODESHIP: {
            "key": F(at("gmina__parent__parent__code")),
            "label": F(at("gmina__parent__parent__name")),
        },
    }


def _text():
    from django.db.models import CharField

    return CharField()


def _learner_group():
    """E-learning: the learner's register entry, else their account's profile."""
    return {
        BY_PERSON: {
            "key": F("user__person__id"),
            "label": Concat(
                "user__person__first_name",
                Value(" "),
                "user__person__last_name",
                output_field=_text(),
            ),
            "code": F("user__person__gmina__code"),
            "detail": Coalesce("user__person__institution__name", "user__person__institution_name"),
        },
        BY_INSTITUTION: {
            "key": Coalesce("user__person__institution_id", "user__institution_id"),
            "label": Coalesce("user__person__institution__name", "user__institution__name"),
        },
        BY_GMINA: {
            "key": Coalesce("user__person__gmina__code", "user__gmina__code"),
            "label": Coalesce("user__person__gmina__name", "user__gmina__name"),
        },
        BY_POWIAT: {
            "key": Coalesce("user__person__gmina__parent__code", "user__gmina__parent__code"),
            "label": Coalesce("user__person__gmina__parent__name", "user__gmina__parent__name"),
        },
        BY_VOIVODESHIP: {
            "key": Coalesce(
                "user__person__gmina__parent__parent__code", "user__gmina__parent__parent__code"
            ),
            "label": Coalesce(
                "user__person__gmina__parent__parent__name", "user__gmina__parent__parent__name"
            ),
        },
    }


def _project_group(path):
    return {"key": F(f"{path}_id"), "label": F(f"{path}__name"), "code": F(f"{path}__code")}


def _user_group(path):
    return {
        "key": F(f"{path}_id"),
        "label": Concat(
            f"{path}__first_name", Value(" "), f"{path}__last_name", output_field=_text()
        ),
        "code": F(f"{path}__username"),
    }


def _grouped(queryset, group, figures):
    """A grouped query ordered by its key (empty keys last, as in the merge)."""
    return (
        queryset.values(**group)
        .annotate(**figures)
        .order_by(F("key").asc(nulls_last=True))
        .iterator(chunk_size=2000)
    )


def _sort_key(row):
    key = row["key"]
    return (1, "") if key is None else (0, key)


def _merge(streams):
    """Rows of several grouped queries, each sorted by key, joined into one row per key as
    they stream by: nothing is held but the current group."""
    merged = heapq.merge(*streams, key=_sort_key)
    for _key, parts in itertools.groupby(merged, key=_sort_key):
        row = None
        for part in parts:
            if row is None:
                row = BreakdownRow(key=part["key"])
            for name, value in part.items():
                if name == "key":
                    continue
                if name in ("label", "code", "detail"):
                    # A name concatenated from nothing is a lone space on some databases.
                    value = str(value).strip() if value is not None else ""
                    if value and not getattr(row, name):
                        setattr(row, name, value)
                    continue
                if COLUMN_LABELS[name][1] == "hours":
                    value = hours(value)
                elif value is not None:
                    value = int(value)  # PostgreSQL sums counts as numeric
                row.values[name] = value
        yield row


def _attendance_groups(filters, group, model, names):
    """Participations, unique participants and person-hours per group, streamed in the
    order of the group's key: one query.

    The attendance is first reduced per person (and group): the distinct events and the
    hours. A person then counts once in a group by being one row of it, and only those
    rows are joined to the names of the groups. `group`: the path from an attendance row
    to the group's id (a project, a trainer), or None for groups of people. `names`:
    expressions on `model` (the group's, or Person for groups of people) for the label,
    code and detail, and for groups of people the key."""
    ids = {"pid": F("person_id")}
    if group is not None:
        ids["gid"] = F(group)
    reduced, reduced_params = _sql(
        filters.attendance()
        .values(**ids)
        .annotate(n=Count("day__event_id", distinct=True), h=_sum(ATTENDED_HOURS))
    )
    # Aliased apart from the model's own fields (a project has a `code`).
    named, named_params = _sql(
        model.objects.values(gid=F("pk"), **{f"g_{name}": value for name, value in names.items()})
    )
    if group is None:
        join, key = "INNER JOIN", "g.g_key"
        on = "g.gid = x.pid"
    else:
        join, key = "LEFT JOIN", "x.gid"
        on = "g.gid = x.gid"
    columns = [f"{key} AS key"] + [f"g.g_{name} AS {name}" for name in names if name != "key"]
    grouped = ", ".join(column.split(" AS ")[0] for column in columns)
    sql = (
        f"SELECT {', '.join(columns)}, SUM(x.n) AS participations, "  # nosec B608 # noqa: S608 (identifiers only; values are bound)
        "COUNT(*) AS unique_participants, SUM(x.h) AS training_person_hours "
        f"FROM ({reduced}) x {join} ({named}) g ON {on} "
        f"GROUP BY {grouped} ORDER BY {_nulls_last(key)}"
    )
    return _fetch(sql, (*reduced_params, *named_params))


def _attendance_page(filters, group, model, names):
    """The attendance's figures of the summary (as _attendance_by_type) and its stream of
    groups (as _attendance_groups) in one query, run at once; returns (people, figures,
    rows), the rows streaming as they are read.

    The attendance reduced per person (and group), as _attendance_groups reduces it, also
    tells of each person the types of events they were at (as _attendance_by_type's
    reduction per person does): the unique participants per type and the people in all
    come from the same rows as the groups. Participations and person-hours per type come
    from the attendance reduced per event, as in _attendance_by_type. So the attendance
    is read twice where report() and breakdown() read it three times. The parts come back
    as one result, the summary's rows first (`part` 0 and 1), then the groups in the
    order of their key. `group` must be one per event (a project): a person's types are
    then gathered from their rows of each group."""
    kinds = _kinds(filters)
    if not all(kind.isidentifier() for kind in kinds):  # written into the SQL below
        raise ValueError(f"Unexpected type of event: {kinds}")
    flags, flag_sums, combined = _kind_flags(kinds)
    ids = {"pid": F("person_id")}
    if group is not None:
        ids["gid"] = F(group)
    reduced, reduced_params = _sql(
        filters.attendance()
        .values(**ids)
        .annotate(n=Count("day__event_id", distinct=True), h=_sum(ATTENDED_HOURS), **flags)
    )
    per_event, event_params = _sql(
        filters.attendance()
        .values(eid=F("day__event_id"))
        .annotate(n=Count("person_id", distinct=True), h=_sum(ATTENDED_HOURS))
    )
    named, named_params = _sql(
        model.objects.values(gid=F("pk"), **{f"g_{name}": value for name, value in names.items()})
    )
    event = _quoted(TrainingEvent._meta.db_table)
    if group is None:
        join, key, on = "INNER JOIN", "g.g_key", "g.gid = x.pid"
        people = "x"
    else:
        join, key, on = "LEFT JOIN", "x.gid", "g.gid = x.gid"
        people = "p"
    # A person's rows of several groups, gathered once: the counts of people read them.
    per_person = (
        "" if group is None else f", p AS (SELECT y.pid, {combined} FROM x y GROUP BY y.pid)"  # nosec B608 # noqa: S608 (identifiers only)
    )
    labels = [
        (f"g.g_{name}" if name in names else "NULL", name) for name in ("label", "code", "detail")
    ]
    grouped = ", ".join([key] + [column for column, _name in labels if column != "NULL"])
    sql = (
        f"WITH x AS ({reduced}){per_person} "  # nosec B608 # noqa: S608 (identifiers only; values are bound)
        # The groups first: their columns give the NULLs of the other parts their types.
        "SELECT * FROM ("
        f"SELECT 2 AS part, {key} AS key, {', '.join(f'{c} AS {n}' for c, n in labels)}, "
        "SUM(x.n) AS participations, COUNT(*) AS unique_participants, "
        f"SUM(x.h) AS training_person_hours "
        f"FROM x {join} ({named}) g ON {on} GROUP BY {grouped} "
        "UNION ALL SELECT 0, NULL, e.kind, NULL, NULL, SUM(z.n), NULL, SUM(z.h) "
        f"FROM ({per_event}) z INNER JOIN {event} e ON e.id = z.eid GROUP BY e.kind "
        f"UNION ALL SELECT 1, NULL, NULL, NULL, NULL, NULL, COUNT(*), NULL FROM {people} y "
        + "".join(
            f"UNION ALL SELECT 1, NULL, '{kind}', NULL, NULL, NULL, {column}, NULL FROM {people} y "  # nosec B608 # noqa: S608 (kinds checked by isidentifier above)
            for kind, column in zip(kinds, flag_sums, strict=True)
        )
        + f") u ORDER BY u.part, {_nulls_last('u.key')}"
    )
    rows = _fetch(sql, (*reduced_params, *named_params, *event_params))
    people, by_kind = 0, {}
    for row in rows:
        part = row.pop("part")
        if part == 2:
            for name in ("label", "code", "detail"):
                if name not in names:
                    del row[name]
            rows = itertools.chain([row], _groups_only(rows, names))
            break
        kind = row["label"]
        if part == 1 and kind is None:
            people = int(row["unique_participants"])
        elif kind in kinds:
            figures = by_kind.setdefault(kind, [0, 0, None])
            if part == 0:
                figures[0] = int(row["participations"] or 0)
                figures[2] = row["training_person_hours"]
            else:
                figures[1] = int(row["unique_participants"] or 0)
    else:
        rows = iter(())
    figures = {kind: tuple(values) for kind, values in by_kind.items() if values[0]}
    return people, figures, rows


def _groups_only(rows, names):
    for row in rows:
        del row["part"]
        for name in ("label", "code", "detail"):
            if name not in names:
                del row[name]
        yield row


def _participant_streams(filters, by, attendance_groups=None):
    attendance_groups = attendance_groups or _attendance_groups
    streams = []
    if filters.includes(TRAINING):
        streams.append(attendance_groups(filters, None, Person, _person_group("")[by]))
    if filters.includes(COACHING):
        streams.append(
            _grouped(
                filters.coachees(),
                _person_group("person")[by],
                {"coachee_person_hours": _sum("coachingsession__hours")},
            )
        )
    if filters.includes(SUPERVISION):
        streams.append(
            _grouped(
                filters.members(),
                _person_group("person")[by],
                {"supervision_person_hours": _sum("session__hours")},
            )
        )
    if filters.includes(ELEARNING):
        streams.append(
            _grouped(
                filters.completions(),
                _learner_group()[by],
                {"elearning_completions": Count("pk"), "elearning_hours": _sum("course__hours")},
            )
        )
    return streams


def _delivery_figures():
    return {
        "days": {"events": Count("event", distinct=True), "teaching_hours": _sum("teaching_hours")},
        "coaching": {
            "coaching_individual_hours": _sum("hours", filter=~Q(form=CoachingForm.GROUP)),
            "coaching_group_hours": _sum("hours", filter=Q(form=CoachingForm.GROUP)),
        },
        "coachees": {"coachee_person_hours": _sum("coachingsession__hours")},
        "supervision": {"supervision_hours": _sum("hours")},
        "members": {"supervision_person_hours": _sum("session__hours")},
    }


def _project_streams(filters, attendance_groups=None):
    attendance_groups = attendance_groups or _attendance_groups
    figures = _delivery_figures()
    streams = []
    if filters.includes(TRAINING):
        streams.append(_grouped(filters.days(), _project_group("event__project"), figures["days"]))
        streams.append(
            attendance_groups(
                filters, "day__event__project_id", Project, {"label": F("name"), "code": F("code")}
            )
        )
    if filters.includes(COACHING):
        streams.append(
            _grouped(filters.coaching_sessions(), _project_group("project"), figures["coaching"])
        )
        streams.append(
            _grouped(
                filters.coachees(),
                _project_group("coachingsession__project"),
                figures["coachees"],
            )
        )
    if filters.includes(SUPERVISION):
        streams.append(
            _grouped(
                filters.supervision_sessions(), _project_group("project"), figures["supervision"]
            )
        )
        streams.append(
            _grouped(filters.members(), _project_group("session__project"), figures["members"])
        )
    return streams


def _trainer_group(path):
    return {
        "key": F(f"{path}__id"),
        "label": Concat(
            f"{path}__first_name", Value(" "), f"{path}__last_name", output_field=_text()
        ),
    }


def _provider_rows(filters):
    """Trainers (people of the register) first, then coaches and supervisors (accounts):
    each with what they delivered."""
    figures = _delivery_figures()
    trainers, coaches = [], []
    if filters.includes(TRAINING):
        trainers.append(
            _grouped(filters.days(), _trainer_group("event__trainers"), figures["days"])
        )
        label = Concat("first_name", Value(" "), "last_name", output_field=_text())
        trainers.append(
            _attendance_groups(filters, "day__event__trainers__id", Person, {"label": label})
        )
    if filters.includes(COACHING):
        coaches.append(
            _grouped(filters.coaching_sessions(), _user_group("coach"), figures["coaching"])
        )
        coaches.append(
            _grouped(filters.coachees(), _user_group("coachingsession__coach"), figures["coachees"])
        )
    if filters.includes(SUPERVISION):
        coaches.append(
            _grouped(
                filters.supervision_sessions(), _user_group("supervisor"), figures["supervision"]
            )
        )
        coaches.append(
            _grouped(filters.members(), _user_group("session__supervisor"), figures["members"])
        )
    return _provider_merge(trainers, coaches)


def _provider_merge(trainers, coaches):
    trainer_role = str(_("trainer"))
    coach_role = str(_("coach or supervisor"))
    for row in _merge(trainers):
        row.detail = trainer_role
        if row.key is None:
            row.label = str(_("no trainer given"))
        yield row
    for row in _merge(coaches):
        row.detail = coach_role
        yield row


def breakdown(filters, by):
    """Rows per group (see BREAKDOWNS), streamed: a fixed number of grouped queries read
    through server-side cursors where the database has them. Groups are in the order of
    their key (TERC code, id); people without a gmina or institution come last, as one
    row with an empty key."""
    if by == BY_PROVIDER:
        return _provider_rows(filters)
    if by == BY_PROJECT:
        return _merge(_project_streams(filters))
    if by not in dict(BREAKDOWNS):
        raise ValueError(f"Unknown breakdown: {by}")
    return _merge(_participant_streams(filters, by))


def page(filters, by):
    """The summary and the breakdown together, as the report page and its workbook show
    them: returns (Report, rows), the rows streaming as breakdown()'s do and equal to them.
    The attendance, the bulk of a year's report, is read twice in one query (see
    _attendance_page) where report() and breakdown() read it three times in two. By
    trainer it is report() and breakdown(): an event has several trainers, so a person's
    types of events cannot be gathered from their rows per trainer."""
    if by not in dict(BREAKDOWNS):
        raise ValueError(f"Unknown breakdown: {by}")
    if by == BY_PROVIDER:
        # An event has several trainers: a person's events cannot be summed over them.
        return report(filters), breakdown(filters, by)
    read = {}

    def attendance_groups(filters, group, model, names):
        people, figures, rows = _attendance_page(filters, group, model, names)
        read["attendance"] = (people, figures)
        return rows

    if by == BY_PROJECT:
        rows = _merge(_project_streams(filters, attendance_groups))
    else:
        rows = _merge(_participant_streams(filters, by, attendance_groups))
    result = Report(filters=filters)
    training_figures(filters, result, attendance=read.get("attendance"))
    coaching_figures(filters, result)
    supervision_figures(filters, result)
    elearning_figures(filters, result)
    return result, rows
