"""The records of support of the demo site: the trainings, coaching and supervision of the
two projects of the seeds, with figures that come out exactly as the seeds report them.

Kooperacje 3D (Śląskie, seed 003), in the 15 pilot cities:
  * 30 two-day workshops "Razem znaczy lepiej" (2 per city, 2 × 8 teaching hours): 480
    teaching hours, 424 distinct participants (a few people attended both workshops of
    their city, some missed the second day or left early);
  * 5 one-day educational meetings on team meetings with the person or family present:
    40 teaching hours, 84 distinct participants;
  * 4 two-day educational meetings "Dialog motywujący w pracy socjalnej": 64 teaching
    hours, 73 distinct participants;
  * the 2 national steering meetings (Katowice 26–27.06.2019, Ustroń 14–15.11.2019);
  * coaching of social workers, April–December 2019: 525 hours, individual and group;
  * supervision of task teams (ZZK) in four cities, November–December 2019.
Liderzy kooperacji (Świętokrzyskie, 1 April – 31 December 2018, seed 000), in the 8 gminas
of the gmina–powiat teams: the two one-day trainings of the School of Cooperation (basic
level) in each gmina, the 3-day exchange visit in Narewka (6–8 November 2018, 40 people),
the group coaching of 30 October 2018 in Kielce and individual coaching of the animators.

Everyone is invented: names drawn from common Polish first and last names by a seeded
random generator (never the officials the seeds name), e-mails at przyklad.example,
workplaces from the demo catalog of their gmina. Nothing about client families anywhere:
the coaching topics and notes are about professional work only.

Runs after catalog.demo (territory, institutions) and school.demo (courses, the demo
learner). Everything is keyed: events by their import identifier, sessions by their
project; a second run finds them and writes nothing. Coaching and supervision need
accounts (their coaches and supervisors), so they are built only where the site has demo
accounts, like the e-School's learners. Rows are written in bulk: the build takes about a
second."""

import datetime
import itertools
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group

from portal import roles
from portal.models import User
from school.models import (
    Attendance,
    CoachingForm,
    CoachingSession,
    CoursePage,
    EventDay,
    EventKind,
    Person,
    Project,
    Registration,
    SupervisionMember,
    SupervisionSession,
    TrainingEvent,
)

SEED = 20190626  # the first day of the Katowice steering meeting
EMAIL_DOMAIN = "przyklad.example"
KEY_PREFIX = "demo-"

PROJECTS = {
    "k3d": {
        "code": "kooperacje-3d",
        "name": "Kooperacje 3D",
        "funding_programme": "PO WER 2014–2020, Działanie 2.5 Skuteczna pomoc społeczna",
        # The pilot of the model in the cities: 18 months from April 2019.
        "starts_on": datetime.date(2019, 4, 1),
        "ends_on": datetime.date(2020, 9, 30),
    },
    "liderzy": {
        "code": "liderzy-2018",
        "name": "Liderzy kooperacji",
        "funding_programme": "PO WER 2014–2020, Działanie 2.5 Skuteczna pomoc społeczna",
        "starts_on": datetime.date(2018, 4, 1),
        "ends_on": datetime.date(2018, 12, 31),
    },
}

# The 15 pilot cities of Kooperacje 3D (TERYT), in the order of catalog/data/pilot_gminas.csv.
K3D_CITIES = [
    "2416021",  # Zawiercie
    "2479011",  # Żory
    "2473011",  # Rybnik
    "2405011",  # Knurów
    "2403011",  # Cieszyn
    "2465011",  # Dąbrowa Górnicza
    "2408021",  # Mikołów
    "2475011",  # Sosnowiec
    "2401011",  # Będzin
    "2407011",  # Lubliniec
    "2474011",  # Siemianowice Śląskie
    "2464011",  # Częstochowa
    "2470011",  # Mysłowice
    "2413041",  # Tarnowskie Góry
    "2461011",  # Bielsko-Biała
]
KATOWICE, USTRON, KIELCE, NAREWKA = "2469011", "2403021", "2661011", "2005092"
# The 8 gmina–powiat teams of Liderzy kooperacji in 2018 (seed 000).
LIDERZY_GMINAS = [
    "2602052",  # Oksa
    "2602093",  # Wodzisław
    "2604012",  # Bieliny
    "2604083",  # Łopuszno
    "2607032",  # Bodzechów
    "2609052",  # Łoniów
    "2611032",  # Mirzec
    "2612013",  # Bogoria
]
BIELINY = "2604012"

WORKSHOP_PARTICIPANTS = 424
ONE_DAY_SIZES = [17, 17, 17, 17, 16]  # 84
MOTIVATIONAL_SIZES = [19, 18, 18, 18]  # 73
EXCHANGE_VISIT_PEOPLE = 40

# Names ----------------------------------------------------------------------------------

FEMALE_FIRST = (
    "Agnieszka Aleksandra Anna Barbara Beata Dorota Edyta Elżbieta Ewa Grażyna Halina "
    "Iwona Izabela Joanna Jolanta Justyna Karolina Katarzyna Kinga Lidia Magdalena "
    "Małgorzata Marta Marzena Monika Natalia Paulina Sylwia Teresa Urszula Wioletta"
).split()
MALE_FIRST = (
    "Adam Artur Bartosz Damian Dariusz Grzegorz Jacek Jakub Jan Krzysztof Łukasz Marcin "
    "Marek Mariusz Michał Paweł Piotr Przemysław Rafał Robert Sebastian Tomasz Wojciech"
).split()
# Adjectival names take the feminine ending; the others are the same for everyone.
ADJECTIVAL = (
    "Adamski Baranowski Borkowski Chmielewski Czarnecki Grabowski Jankowski Jasiński "
    "Kamiński Kowalski Kozłowski Kwiatkowski Lewandowski Majewski Michalski Nowicki "
    "Olszewski Ostrowski Pawłowski Piotrowski Rutkowski Sadowski Sikorski Szymański "
    "Tomaszewski Wojciechowski Zawadzki"
).split()
INVARIABLE = (
    "Bąk Cieślak Dudek Kaczmarek Kołodziej Kowalczyk Krawczyk Król Kubiak Lis Marciniak "
    "Mazur Mazurek Michalak Nowak Pawlak Pietrzak Sikora Sobczak Stępień Szewczyk Tomczak "
    "Walczak Wieczorek Wilk Woźniak Wójcik Wróbel Zając"
).split()
ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def _feminine(surname):
    if surname in ADJECTIVAL:
        return surname[:-1] + "a"
    return surname


# Positions by the type of the workplace: (a woman's title, a man's title).
POSITIONS = {
    "ops": [
        ("pracownica socjalna", "pracownik socjalny"),
        ("starsza specjalistka pracy socjalnej", "starszy specjalista pracy socjalnej"),
        ("asystentka rodziny", "asystent rodziny"),
        ("kierowniczka działu pomocy środowiskowej", "kierownik działu pomocy środowiskowej"),
    ],
    "pcpr": [
        ("specjalistka pracy z rodziną", "specjalista pracy z rodziną"),
        ("pracownica socjalna", "pracownik socjalny"),
    ],
    "labour_office": [
        ("doradczyni zawodowa", "doradca zawodowy"),
        ("pośredniczka pracy", "pośrednik pracy"),
    ],
    "police": [
        ("dzielnicowa", "dzielnicowy"),
        ("specjalistka ds. prewencji", "specjalista ds. prewencji"),
    ],
    "school": [
        ("pedagożka szkolna", "pedagog szkolny"),
        ("psycholożka szkolna", "psycholog szkolny"),
        ("wicedyrektorka szkoły", "wicedyrektor szkoły"),
    ],
    "clinic": [("psycholożka", "psycholog"), ("pedagożka", "pedagog")],
    "health": [("pielęgniarka środowiskowa", "pielęgniarz środowiskowy")],
    "culture": [("instruktorka", "instruktor"), ("animatorka kultury", "animator kultury")],
    "library": [("bibliotekarka", "bibliotekarz")],
    "court": [("kuratorka sądowa", "kurator sądowy")],
    "ngo": [("koordynatorka projektów", "koordynator projektów")],
    "local_government": [("inspektorka ds. społecznych", "inspektor ds. społecznych")],
    "alcohol_commission": [("członkini komisji", "członek komisji")],
    "other": [("specjalistka", "specjalista")],
}
CARE = [("terapeutka", "terapeuta"), ("kierowniczka placówki", "kierownik placówki")]
ANIMATOR = ("pracownica socjalna – animatorka", "pracownik socjalny – animator")
STEERING_POSITIONS = [
    ("dyrektorka", "dyrektor"),
    ("kierowniczka projektu", "kierownik projektu"),
    ("koordynatorka regionalna", "koordynator regionalny"),
    ("specjalistka ds. merytorycznych", "specjalista ds. merytorycznych"),
]
SOCIAL = ("ops", "pcpr")


@dataclass
class PersonPlan:
    key: str  # the e-mail, or "account:<username>" for the demo learner
    first_name: str = ""
    last_name: str = ""
    female: bool = True
    gmina: str | None = None  # TERYT of the workplace
    # "social" (OPS/PCPR), "other" (any other workplace), or an exact external id
    workplace: str = "other"
    position: str = ""
    institution_name: str = ""


@dataclass
class EventPlan:
    key: str
    project: str
    kind: str
    title: str
    description: str
    gmina: str
    days: list  # (date, starts "HH:MM", ends "HH:MM")
    # (person key, day indexes present, teaching hours if partial on the last of them)
    attendance: list = field(default_factory=list)
    trainers: list = field(default_factory=list)
    course: str | None = None
    address: str = ""


@dataclass
class CoachingPlan:
    project: str
    coach: str  # username
    form: str
    date: datetime.date
    hours: Decimal
    topic: str
    goals: str
    shared_notes: str
    private_notes: str
    coachees: list


@dataclass
class SupervisionPlan:
    project: str
    supervisor: str
    team_name: str
    date: datetime.date
    hours: Decimal
    conclusions: str
    members: list  # (person key, consented)


@dataclass
class Plan:
    people: dict = field(default_factory=dict)
    events: list = field(default_factory=list)
    coaching: list = field(default_factory=list)
    supervision: list = field(default_factory=list)


class Names:
    """Distinct invented names, drawn in a fixed order from a seeded generator."""

    def __init__(self, rng):
        self.rng = rng
        surnames = ADJECTIVAL + INVARIABLE
        women = [(f, _feminine(s)) for f, s in itertools.product(FEMALE_FIRST, surnames)]
        men = list(itertools.product(MALE_FIRST, surnames))
        rng.shuffle(women)
        rng.shuffle(men)
        self.pools = {True: women, False: men}
        self.emails = set()

    def person(self, plan, *, female=None, **fields):
        if female is None:
            female = self.rng.random() < 0.75  # most of the social workforce are women
        first, last = self.pools[female].pop()
        local = f"{first}.{last}".lower().translate(ASCII)
        email, n = f"{local}@{EMAIL_DOMAIN}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{EMAIL_DOMAIN}"
        self.emails.add(email)
        person = PersonPlan(key=email, first_name=first, last_name=last, female=female, **fields)
        plan.people[email] = person
        return email


# Texts ----------------------------------------------------------------------------------

WORKSHOP_TITLE = "Razem znaczy lepiej – współpraca multiprofesjonalna na rzecz rozwiązywania "
WORKSHOP_TITLE += "problemów społecznych"
WORKSHOP_TEXT = (
    "Dwudniowy warsztat kooperacyjny dla przedstawicieli instytucji pomocy i integracji "
    "społecznej oraz innych polityk sektorowych gminy i powiatu. Dzień pierwszy: budowanie "
    "partnerskiego zespołu. Dzień drugi: budowanie zespołu multiprofesjonalnego i "
    "wzmacnianie współpracy – ćwiczenia."
)
ONE_DAY_TITLE = (
    "Organizowanie i prowadzenie spotkań zespołu multiprofesjonalnego zgodnie z ideą "
    "empowerment (przy udziale osoby lub rodziny)"
)
ONE_DAY_TEXT = (
    "Jednodniowe spotkanie edukacyjne dla pracowników ośrodków pomocy społecznej i "
    "powiatowych centrów pomocy rodzinie: moderowanie spotkań zespołu, w których "
    "uczestniczy osoba lub rodzina."
)
MOTIVATIONAL_TITLE = "Dialog motywujący w pracy socjalnej"
MOTIVATIONAL_TEXT = (
    "Dwudniowe spotkanie edukacyjne: jak wspierać motywację do zmiany i do udziału w "
    "procesie pomocowym prowadzonym w formule multiprofesjonalnej."
)
STEERING = [
    (
        "katowice",
        "Ogólnopolskie spotkanie III komitetów sterujących – Katowice",
        "Realizacja I kamienia milowego; działania makroregionów wspierające wdrażanie "
        "modeli; dalszy tryb współpracy i terminy spotkań.",
        KATOWICE,
        [
            (datetime.date(2019, 6, 26), "11:00", "17:00"),
            (datetime.date(2019, 6, 27), "09:00", "13:30"),
        ],
    ),
    (
        "ustron",
        "Ogólnopolskie spotkanie III komitetów sterujących – Ustroń",
        "Realizacja II kamienia milowego: pilotaż modeli kooperacji w regionach, sukcesy i "
        "trudności tej fazy, ewaluacja pilotażu.",
        USTRON,
        [
            (datetime.date(2019, 11, 14), "11:00", "17:00"),
            (datetime.date(2019, 11, 15), "09:00", "13:30"),
        ],
    ),
]
BASIC = "szkola-kooperacji-poziom-podstawowy"
FAMILY = "efektywna-praca-z-rodzina"
MEETINGS = "spotkania-zespolu-z-udzialem-osoby-lub-rodziny"
MOTIVATIONAL = "dialog-motywujacy-w-pracy-socjalnej"
SCHOOL_TRAININGS = [
    (
        "zasady",
        "Szkoła Kooperacji (poziom podstawowy): zasady i formy współpracy",
        "Zasady i formy współpracy, partycypacja, metody kooperacji, budowanie zespołu, "
        "wykorzystanie zasobów podmiotów pomocowych w gminie i w powiecie.",
        BASIC,
    ),
    (
        "rodzina",
        "Szkoła Kooperacji (poziom podstawowy): efektywna praca z rodziną",
        "Rodzina w ujęciu systemowym, metody i techniki pracy z rodziną, metody pracy "
        "socjalnej; ćwiczenie: własny genogram.",
        FAMILY,
    ),
]
EXCHANGE_TITLE = "Partnerskie spotkanie wymiany doświadczeń w gminie Narewka"
EXCHANGE_TEXT = (
    "Trzydniowe spotkanie członków gminno-powiatowych zespołów kooperacji, doradców i "
    "moderatora: narzędzia budowania i trwałości kooperacji, wymiana doświadczeń między "
    "zespołami, wyniki badań fokusowych, szkic rekomendacji do modelu. W programie warsztaty "
    "i spotkanie z przedstawicielami gminy Narewka i powiatu hajnowskiego."
)

# Coaching: (topic, goals, notes shared with the coachees, the coach's private notes).
# Professional matters only: nothing about the people and families the coachees help.
GROUP_TOPICS = [
    (
        "Planowanie pracy zespołu zadaniowego",
        "Ustalenie, jak zespół dzieli zadania i jak często się spotyka.",
        "Każdy uczestnik przygotuje projekt harmonogramu spotkań swojego zespołu na "
        "najbliższy kwartał.",
        "Grupa pracuje sprawnie; warto wrócić do tematu podziału ról na kolejnym spotkaniu.",
    ),
    (
        "Rola pracownika socjalnego w zadaniowym zespole kooperacyjnym",
        "Nazwanie zadań pracownika socjalnego wobec partnerów z innych instytucji.",
        "Spisaliśmy wspólnie zadania koordynatora zespołu i zadania pozostałych członków.",
        "Część grupy obawia się dodatkowych obowiązków; zaproponować rozmowę o granicach roli.",
    ),
    (
        "Prowadzenie spotkania zespołu z udziałem osoby lub rodziny",
        "Przećwiczenie otwarcia spotkania i ustalenia zasad rozmowy.",
        "Ćwiczenie w parach: pierwsze pięć minut spotkania. Materiał do przećwiczenia w "
        "zespole przed pierwszym spotkaniem.",
        "Dobre zaangażowanie; przy następnym spotkaniu więcej czasu na informację zwrotną.",
    ),
    (
        "Współpraca z instytucjami spoza pomocy społecznej",
        "Rozpoznanie, czego partnerzy oczekują od ośrodka i czego ośrodek oczekuje od nich.",
        "Lista pytań do partnerów na najbliższe spotkanie partnerskiego zespołu kooperacji.",
        "Temat budzi emocje; utrzymać koncentrację na tym, na co grupa ma wpływ.",
    ),
    (
        "Dbanie o własne zasoby w pracy zespołowej",
        "Rozpoznanie sygnałów przeciążenia i sposobów wzajemnego wsparcia w zespole.",
        "Każdy wybrał jeden sposób dbania o siebie, który wypróbuje do następnego spotkania.",
        "Zaproponować na koniec procesu spotkanie podsumowujące doświadczenia grupy.",
    ),
]
INDIVIDUAL_TOPICS = [
    (
        "Wyznaczanie celów w pracy z zespołem",
        "Sformułowanie trzech celów na najbliższe miesiące pracy w zespole.",
        "Cele zapisane w formule SMART; do przejrzenia na kolejnej sesji.",
        "Coachee dobrze formułuje cele, trudniej mu je mierzyć.",
    ),
    (
        "Komunikacja z partnerami z innych instytucji",
        "Przygotowanie do rozmowy z partnerem, z którym współpraca jest trudna.",
        "Plan rozmowy: cel, pytania otwarte, propozycja wspólnego działania.",
        "Zapytać na następnej sesji, jak przebiegła rozmowa.",
    ),
    (
        "Przygotowanie do moderowania spotkania zespołu",
        "Opracowanie scenariusza pierwszego spotkania zadaniowego zespołu kooperacyjnego.",
        "Scenariusz spotkania z podziałem na części i czasem na każdą z nich.",
        "Widoczny postęp w pewności siebie w roli moderatora.",
    ),
    (
        "Zarządzanie czasem i priorytetami w pracy socjalnej",
        "Uporządkowanie zadań tak, by znaleźć stały czas na pracę w zespole.",
        "Tygodniowy plan z blokiem czasu na sprawy zespołu; do sprawdzenia za dwa tygodnie.",
        "Przeciążenie zadaniami; rozważyć rozmowę z przełożonym o priorytetach.",
    ),
    (
        "Rozwiązywanie napięć w zespole multiprofesjonalnym",
        "Znalezienie sposobu na omawianie różnic zdań w zespole.",
        "Zasady rozmowy o różnicach zdań do zaproponowania zespołowi.",
        "Dobra refleksja nad własnym stylem reagowania na konflikt.",
    ),
]
LIDERZY_GROUP = (
    "Rola animatora w gminno-powiatowym zespole kooperacji",
    "Wymiana doświadczeń animatorów i ustalenie, jak wspierać zespoły w kolejnych spotkaniach.",
    "Spotkanie w siedzibie Urzędu Marszałkowskiego Województwa Świętokrzyskiego w Kielcach. "
    "Ustalenia: wspólna lista dobrych praktyk animatorów, kontakt z coachem między "
    "spotkaniami mailowo.",
    "Grupa zgrana; animatorzy z mniejszych gmin potrzebują więcej wsparcia w prowadzeniu spotkań.",
)
CONCLUSIONS = [
    "Zespół ustalił stały rytm spotkań co dwa tygodnie i podział zadań między członków. "
    "Potrzebne jest szybsze przekazywanie informacji między instytucjami: zespół przygotuje "
    "wspólną kartę ustaleń.",
    "Zespół omówił, jak łączyć pracę w zespole z obowiązkami w macierzystych instytucjach. "
    "Wniosek: zgoda przełożonych na czas pracy w zespole powinna być zapisana w "
    "porozumieniu partnerskim.",
]
CONCLUSIONS_LATER = (
    "Zespół podsumował pierwsze tygodnie pracy: role są jasne, trudność sprawia termin "
    "spotkań dogodny dla wszystkich. Ustalono rotacyjne prowadzenie spotkań."
)

# Coaches and supervisors, invented. The demo account "coach" coaches too.
COACHES = [
    ("coach.beata.nowicka", "Beata", "Nowicka"),
    ("coach.marek.sadowski", "Marek", "Sadowski"),
    ("coach.iwona.kubiak", "Iwona", "Kubiak"),
    ("coach.pawel.majewski", "Paweł", "Majewski"),
    ("coach.dorota.lis", "Dorota", "Lis"),
]
DEMO_COACH = "coach"
DEMO_LEARNER = "uczestnik"
SUPERVISORS = [
    ("superwizor.teresa.wieczorek", "Teresa", "Wieczorek"),
    ("superwizor.jacek.zawadzki", "Jacek", "Zawadzki"),
]


# Planning (no database) -----------------------------------------------------------------


def _weekday(date):
    while date.weekday() >= 5:
        date += datetime.timedelta(days=1)
    return date


def _spread(rng, first, last, count):
    """`count` weekdays between two dates, in order."""
    span = (last - first).days
    return sorted(
        _weekday(first + datetime.timedelta(days=rng.randrange(span))) for _ in range(count)
    )


def plan_k3d(plan, names, rng, with_sessions):
    city_people = {}
    social = {}
    for index, city in enumerate(K3D_CITIES):
        size = WORKSHOP_PARTICIPANTS // len(K3D_CITIES)
        size += index < WORKSHOP_PARTICIPANTS % len(K3D_CITIES)
        people = [
            names.person(plan, gmina=city, workplace="social" if n < 8 else "other")
            for n in range(size)
        ]
        rng.shuffle(people)
        city_people[city] = people
        # Social workers: those of the workshops first, then some who only came later.
        extra = [names.person(plan, gmina=city, workplace="social") for _ in range(4)]
        social[city] = extra + [p for p in people if plan.people[p].workplace == "social"]

    # 30 two-day workshops, two per city, May–October 2019; two people in each city came
    # to both, some missed the second day, one per workshop left early.
    starts = _spread(rng, datetime.date(2019, 5, 6), datetime.date(2019, 10, 25), 30)
    for index, city in enumerate(K3D_CITIES):
        people = city_people[city]
        half = len(people) // 2
        for part, members in ((1, people[: half + 1]), (2, people[half - 1 :])):
            first = starts[index * 2 + part - 1]
            second = _weekday(first + datetime.timedelta(days=1))
            attendance = []
            for n, key in enumerate(members):
                if n % 9 == 4:
                    attendance.append((key, [0], None))
                elif n == 6:
                    attendance.append((key, [0, 1], Decimal("5")))
                else:
                    attendance.append((key, [0, 1], None))
            plan.events.append(
                EventPlan(
                    key=f"{KEY_PREFIX}k3d-warsztat-{city}-{part}",
                    project="k3d",
                    kind=EventKind.TWO_DAY_WORKSHOP,
                    title=WORKSHOP_TITLE,
                    description=WORKSHOP_TEXT,
                    gmina=city,
                    days=[(first, "09:00", "15:00"), (second, "09:00", "15:00")],
                    attendance=attendance,
                )
            )

    def educational(prefix, title, text, sizes, groups, dates, two_days, course, offset):
        for number, (size, cities, first) in enumerate(zip(sizes, groups, dates, strict=True)):
            chosen = []
            for n in range(size):
                city = cities[n % len(cities)]
                pool = social[city]
                taken = sum(1 for c in chosen if plan.people[c].gmina == city)
                chosen.append(pool[(offset + taken) % len(pool)])
            days = [(first, "09:00", "15:00")]
            if two_days:
                days.append((_weekday(first + datetime.timedelta(days=1)), "09:00", "15:00"))
            plan.events.append(
                EventPlan(
                    key=f"{KEY_PREFIX}k3d-{prefix}-{number + 1}",
                    project="k3d",
                    kind=EventKind.EDUCATIONAL_MEETING,
                    title=title,
                    description=text,
                    gmina=cities[0],
                    days=days,
                    attendance=[(key, list(range(len(days))), None) for key in chosen],
                    course=course,
                )
            )

    educational(
        "spotkanie-empowerment",
        ONE_DAY_TITLE,
        ONE_DAY_TEXT,
        ONE_DAY_SIZES,
        [K3D_CITIES[n : n + 3] for n in range(0, 15, 3)],
        [datetime.date(2019, 9, d) for d in (10, 12, 17, 19, 24)],
        False,
        MEETINGS,
        0,
    )
    educational(
        "dialog-motywujacy",
        MOTIVATIONAL_TITLE,
        MOTIVATIONAL_TEXT,
        MOTIVATIONAL_SIZES,
        [K3D_CITIES[0:4], K3D_CITIES[4:8], K3D_CITIES[8:12], K3D_CITIES[12:15]],
        [
            datetime.date(2019, 10, 14),
            datetime.date(2019, 10, 28),
            datetime.date(2019, 11, 18),
            datetime.date(2019, 12, 2),
        ],
        True,
        MOTIVATIONAL,
        3,
    )

    # The national steering meetings: the project teams of the three macroregions (four
    # people of each regional centre) and experts of the model.
    rops = [
        "demo-rops-24",
        "demo-rops-26",
        "demo-rops-06",
        "demo-rops-14",
        "demo-rops-18",
        "demo-rops-20",
    ]
    steering = []
    for external_id in rops:
        for female, male in STEERING_POSITIONS:
            woman = rng.random() < 0.6
            steering.append(
                names.person(
                    plan, female=woman, workplace=external_id, position=female if woman else male
                )
            )
    for _ in range(6):
        woman = rng.random() < 0.5
        steering.append(
            names.person(
                plan,
                female=woman,
                workplace="none",
                position="ekspertka ds. modelu" if woman else "ekspert ds. modelu",
            )
        )
    for number, (slug, title, text, gmina, days) in enumerate(STEERING):
        # Not everyone came twice: a few directors sent their deputies' apologies.
        present = [key for n, key in enumerate(steering) if number == 0 or n % 8 != 0]
        plan.events.append(
            EventPlan(
                key=f"{KEY_PREFIX}k3d-komitet-{slug}",
                project="k3d",
                kind=EventKind.STEERING_MEETING,
                title=title,
                description=text,
                gmina=gmina,
                days=days,
                attendance=[(key, [0, 1], None) for key in present],
            )
        )

    if not with_sessions:
        return
    coaches = [DEMO_COACH] + [username for username, *_ in COACHES]
    for index, city in enumerate(K3D_CITIES):
        coach = coaches[index % len(coaches)]
        workers = social[city][4:10]  # six social workers of the city's future task teams
        for number, date in enumerate(
            _spread(rng, datetime.date(2019, 4, 8), datetime.date(2019, 12, 18), 5)
        ):
            topic, goals, shared, private = GROUP_TOPICS[number]
            plan.coaching.append(
                CoachingPlan(
                    "k3d",
                    coach,
                    CoachingForm.GROUP,
                    date,
                    Decimal("3"),
                    topic,
                    goals,
                    shared,
                    private,
                    rng.sample(workers, rng.randint(3, 5)),
                )
            )
        dates = _spread(rng, datetime.date(2019, 4, 15), datetime.date(2019, 12, 20), 10)
        for number, date in enumerate(dates):
            coachee = workers[number % 3]  # three of them chose individual coaching too
            topic, goals, shared, private = INDIVIDUAL_TOPICS[number // 2 % len(INDIVIDUAL_TOPICS)]
            plan.coaching.append(
                CoachingPlan(
                    "k3d",
                    coach,
                    CoachingForm.INDIVIDUAL,
                    date,
                    Decimal("2"),
                    topic,
                    goals,
                    shared,
                    private,
                    [coachee],
                )
            )

    # Supervision of the first task teams, in four cities, November and December 2019.
    for number, city in enumerate([K3D_CITIES[2], K3D_CITIES[4], K3D_CITIES[6], K3D_CITIES[13]]):
        supervisor = SUPERVISORS[number % 2][0]
        team = (
            social[city][4:6]
            + [p for p in city_people[city] if plan.people[p].workplace == "other"][:3]
        )
        for part, date in enumerate(
            (datetime.date(2019, 11, 12 + number * 2), datetime.date(2019, 12, 10 + number * 2))
        ):
            # In one session one member has not consented (yet): its conclusions stay in it.
            withheld = number == 1 and part == 1
            plan.supervision.append(
                SupervisionPlan(
                    "k3d",
                    supervisor,
                    "Zadaniowy zespół kooperacyjny nr 1 – {gmina}",
                    date,
                    Decimal("3"),
                    CONCLUSIONS_LATER if part else CONCLUSIONS[number % 2],
                    [(key, not (withheld and n == 4)) for n, key in enumerate(team)],
                )
            )


def plan_liderzy(plan, names, rng, with_sessions):
    teams = {}
    for gmina in LIDERZY_GMINAS:
        animator = (
            f"account:{DEMO_LEARNER}"
            if gmina == BIELINY and with_sessions
            else names.person(plan, gmina=gmina, workplace="social", position="animator")
        )
        if animator.startswith("account:"):
            plan.people[animator] = PersonPlan(key=animator, gmina=gmina, workplace="social")
        pcpr = names.person(plan, gmina=gmina, workplace="pcpr")
        others = [names.person(plan, gmina=gmina, workplace="other") for _ in range(8)]
        teams[gmina] = [animator, pcpr] + others

    starts = {
        "zasady": _spread(rng, datetime.date(2018, 9, 10), datetime.date(2018, 10, 5), 8),
        "rodzina": _spread(rng, datetime.date(2018, 11, 12), datetime.date(2018, 12, 7), 8),
    }
    for slug, title, text, course in SCHOOL_TRAININGS:
        for number, gmina in enumerate(LIDERZY_GMINAS):
            team = teams[gmina]
            # One or two members of each team could not come to each training.
            absent = {(number + len(slug)) % 10, (number * 3 + 7) % 10 if number % 2 else None}
            plan.events.append(
                EventPlan(
                    key=f"{KEY_PREFIX}liderzy-szkola-{slug}-{gmina}",
                    project="liderzy",
                    kind=EventKind.ONE_DAY_TRAINING,
                    title=title,
                    description=text,
                    gmina=gmina,
                    days=[(starts[slug][number], "09:00", "15:00")],
                    attendance=[(k, [0], None) for n, k in enumerate(team) if n not in absent],
                    course=course,
                )
            )

    # Narewka: 37 members of the teams (five from five gminas, four from three), two
    # advisors and the moderator: 40 people.
    visitors = []
    for number, gmina in enumerate(LIDERZY_GMINAS):
        visitors += teams[gmina][: 5 if number < 5 else 4]
    guides = [
        names.person(plan, workplace="none", position="doradca ds. modelu", female=False),
        names.person(plan, workplace="none", position="doradczyni ds. modelu", female=True),
        names.person(plan, workplace="none", position="moderatorka", female=True),
    ]
    plan.events.append(
        EventPlan(
            key=f"{KEY_PREFIX}liderzy-wizyta-narewka",
            project="liderzy",
            kind=EventKind.EXCHANGE_VISIT,
            title=EXCHANGE_TITLE,
            description=EXCHANGE_TEXT,
            gmina=NAREWKA,
            address="Narewka, powiat hajnowski, województwo podlaskie",
            days=[
                (datetime.date(2018, 11, 6), "12:00", "18:00"),
                (datetime.date(2018, 11, 7), "09:00", "15:00"),
                (datetime.date(2018, 11, 8), "09:00", "12:00"),
            ],
            attendance=[(key, [0, 1, 2], None) for key in visitors + guides],
            trainers=guides,
        )
    )
    assert len(visitors + guides) == EXCHANGE_VISIT_PEOPLE  # nosec B101 # noqa: S101 (checks the demo data written here)

    if not with_sessions:
        return
    animators = [teams[gmina][0] for gmina in LIDERZY_GMINAS]
    topic, goals, shared, private = LIDERZY_GROUP
    plan.coaching.append(
        CoachingPlan(
            "liderzy",
            DEMO_COACH,
            CoachingForm.GROUP,
            datetime.date(2018, 10, 30),
            Decimal("4"),
            topic,
            goals,
            shared,
            private,
            animators,
        )
    )
    for number, animator in enumerate(animators):
        for part, date in enumerate(
            _spread(rng, datetime.date(2018, 9, 17), datetime.date(2018, 12, 14), 2)
        ):
            topic, goals, shared, private = INDIVIDUAL_TOPICS[(number + part * 2) % 5]
            plan.coaching.append(
                CoachingPlan(
                    "liderzy",
                    DEMO_COACH,
                    CoachingForm.INDIVIDUAL,
                    date,
                    Decimal("1.5"),
                    topic,
                    goals,
                    shared,
                    private,
                    [animator],
                )
            )


def plan_all(with_sessions=True):
    rng = random.Random(SEED)  # nosec B311 # noqa: S311 (reproducible demo data, not secrets)
    plan = Plan()
    names = Names(rng)
    plan_k3d(plan, names, rng, with_sessions)
    plan_liderzy(plan, names, rng, with_sessions)
    return plan


# Writing --------------------------------------------------------------------------------


def _aware(date, hour=9):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


def _time(text):
    hours, minutes = text.split(":")
    return datetime.time(int(hours), int(minutes))


def _territory(plan):
    from catalog.models import Territory

    codes = {event.gmina for event in plan.events}
    codes |= {person.gmina for person in plan.people.values() if person.gmina}
    found = dict(Territory.objects.filter(code__in=codes).values_list("code", "id"))
    names = dict(Territory.objects.filter(code__in=codes).values_list("code", "name"))
    return found, names


class Workplaces:
    """The demo catalog's institutions by gmina: those standing in it, and the powiat's
    (a powiat centre may stand in the powiat's town, outside the gmina)."""

    def __init__(self):
        from catalog.models import Institution

        rows = Institution.objects.filter(external_id__startswith="demo-").order_by("external_id")
        self.rows = list(
            rows.values("pk", "external_id", "type", "name", "address", "locality", "gmina__code")
        )
        self.by_id = {row["external_id"]: row for row in self.rows}

    def of(self, gmina):
        return [
            row
            for row in self.rows
            if row["gmina__code"] == gmina or row["external_id"].endswith(f"-{gmina[:4]}")
        ]

    def choose(self, person, index):
        if person.workplace == "none":
            return None
        if person.workplace.startswith("demo-"):
            return self.by_id.get(person.workplace)
        here = self.of(person.gmina)
        if person.workplace == "pcpr":
            wanted = [r for r in here if r["type"] == "pcpr"] or [
                r for r in here if r["type"] == "ops"
            ]
        elif person.workplace == "social":
            # The gmina's own centre first: the social workers of the model work there.
            wanted = [r for r in here if r["type"] == "ops" and r["gmina__code"] == person.gmina]
            wanted = wanted or [r for r in here if r["type"] in SOCIAL]
        else:
            wanted = [r for r in here if r["type"] not in SOCIAL]
        return wanted[index % len(wanted)] if wanted else None

    def place(self, gmina, name):
        for row in self.of(gmina):
            if row["type"] == "ops" and row["gmina__code"] == gmina and row["address"]:
                return f"{row['name']}, {row['address']}, {row['locality']}"
        return name


def _position(person, institution, index):
    if person.position == "animator":
        return ANIMATOR[0 if person.female else 1]
    if person.position:
        return person.position
    kind = institution["type"] if institution else "other"
    choices = POSITIONS.get(kind)
    if choices is None:
        choices = (
            CARE
            if kind in {"care_home", "day_centre", "workshop", "crisis_centre"}
            else (POSITIONS["other"])
        )
    female, male = choices[index % len(choices)]
    return female if person.female else male


def ensure_projects(report):
    projects = {}
    for key, fields in PROJECTS.items():
        project = Project.objects.filter(code=fields["code"]).first()
        if project is None:
            project = Project.objects.create(**fields)
            report.add(f"project {project.name}")
        projects[key] = project
    return projects


def ensure_staff(report):
    """The accounts of the coaches and supervisors: the demo coach and invented colleagues
    (nobody signs in as them)."""
    coach_role = Group.objects.get(name=roles.COACH)
    accounts = {}
    for username, first_name, last_name in COACHES + SUPERVISORS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@{EMAIL_DOMAIN}",
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(coach_role)
            report.add(f"coach {username}")
        accounts[username] = user
    for username in (DEMO_COACH, DEMO_LEARNER):
        user = User.objects.filter(username=username).first()
        if user is not None:
            accounts[username] = user
    return accounts


def _account_person(user, planned, territory, workplaces):
    """The demo learner's row of the register, with the workplace of the plan where the
    account says nothing (what the account says stays)."""
    from school.people import person_for_user

    person = person_for_user(user)
    institution = workplaces.choose(planned, 0)
    blanks = {
        "position": ANIMATOR[0],
        "gmina_id": territory.get(planned.gmina),
        "institution_id": institution["pk"] if institution else None,
    }
    changed = [name for name, value in blanks.items() if value and not getattr(person, name)]
    for name in changed:
        setattr(person, name, blanks[name])
    if changed:
        person.save(update_fields=changed)
    return person.pk


def ensure_people(plan, keys, territory, accounts, report):
    """The register's rows for `keys`: found by e-mail (or account), the rest added."""

    found = {}
    emails = [key for key in keys if not key.startswith("account:")]
    for person in Person.objects.filter(email__in=emails).only("pk", "email"):
        found[person.email] = person.pk
    workplaces = Workplaces()
    for key in keys:
        if key.startswith("account:"):
            user = accounts.get(key.split(":", 1)[1])
            if user is not None:
                found[key] = _account_person(user, plan.people[key], territory, workplaces)
    new = []
    for index, key in enumerate(sorted(keys)):
        if key in found or key.startswith("account:"):
            continue
        person = plan.people[key]
        institution = workplaces.choose(person, index)
        gmina = person.gmina or (institution and institution["gmina__code"])
        new.append(
            Person(
                first_name=person.first_name,
                last_name=person.last_name,
                email=key,
                position=_position(person, institution, index),
                institution_id=institution["pk"] if institution else None,
                gmina_id=territory.get(gmina),
            )
        )
    Person.objects.bulk_create(new, batch_size=500)
    for person in new:
        found[person.email] = person.pk
    if new:
        report.add(f"participants ({len(new)})")
    return found, workplaces


def write_events(events, projects, people, territory, names, workplaces, report):
    courses = dict(
        CoursePage.objects.filter(
            slug__in={e.course for e in events if e.course}, locale__language_code="pl"
        ).values_list("slug", "pk")
    )
    rows = []
    for event in events:
        first, last = event.days[0][0], event.days[-1][0]
        rows.append(
            TrainingEvent(
                title=event.title,
                kind=event.kind,
                project=projects[event.project],
                course_id=courses.get(event.course),
                description=event.description,
                address=event.address or workplaces.place(event.gmina, names.get(event.gmina, "")),
                gmina_id=territory.get(event.gmina),
                import_key=event.key,
                created_at=_aware(first - datetime.timedelta(days=30)),
                starts_on=first,
                ends_on=last,
            )
        )
    TrainingEvent.objects.bulk_create(rows)
    days = []
    for event, row in zip(events, rows, strict=True):
        for date, starts, ends in event.days:
            day = EventDay(event=row, date=date, starts_at=_time(starts), ends_at=_time(ends))
            # A steering meeting is attended, not taught: it adds participations and no
            # teaching hours to the reports.
            if event.kind == EventKind.STEERING_MEETING:
                day.teaching_hours = Decimal("0")
            else:
                day.teaching_hours = day.length_in_teaching_hours()
            days.append(day)
    EventDay.objects.bulk_create(days)
    by_event = {}
    for day in days:
        by_event.setdefault(day.event_id, []).append(day)
    attendance, registrations, trainers = [], [], []
    through = TrainingEvent.trainers.through
    for event, row in zip(events, rows, strict=True):
        event_days = by_event[row.pk]
        for key, present, partial in event.attendance:
            person_id = people[key]
            registrations.append(
                Registration(
                    event=row,
                    person_id=person_id,
                    registered_at=_aware(event_days[0].date - datetime.timedelta(days=14)),
                )
            )
            for n in present:
                attendance.append(
                    Attendance(
                        day=event_days[n],
                        person_id=person_id,
                        hours=partial if partial is not None and n == present[-1] else None,
                        recorded_at=_aware(event_days[n].date, 16),
                    )
                )
        trainers += [through(trainingevent_id=row.pk, person_id=people[k]) for k in event.trainers]
    Registration.objects.bulk_create(registrations, batch_size=1000)
    Attendance.objects.bulk_create(attendance, batch_size=1000)
    through.objects.bulk_create(trainers)
    report.add(f"training events ({len(rows)}) with {len(attendance)} attendance records")


def write_coaching(sessions, projects, people, accounts, report):
    rows = [
        CoachingSession(
            coach=accounts[s.coach],
            form=s.form,
            project=projects[s.project],
            date=s.date,
            hours=s.hours,
            topic=s.topic,
            goals=s.goals,
            shared_notes=s.shared_notes,
            private_notes=s.private_notes,
            created_at=_aware(s.date, 17),
        )
        for s in sessions
        if s.coach in accounts
    ]
    kept = [s for s in sessions if s.coach in accounts]
    CoachingSession.objects.bulk_create(rows)
    through = CoachingSession.coachees.through
    through.objects.bulk_create(
        [
            through(coachingsession_id=row.pk, person_id=people[key])
            for session, row in zip(kept, rows, strict=True)
            for key in session.coachees
        ]
    )
    report.add(f"coaching sessions ({len(rows)})")


def write_supervision(sessions, projects, people, accounts, names, report):
    rows = [
        SupervisionSession(
            supervisor=accounts[s.supervisor],
            team_name=s.team_name.format(gmina=names.get(s.members[0][0], "")),
            project=projects[s.project],
            date=s.date,
            hours=s.hours,
            conclusions=s.conclusions,
            created_at=_aware(s.date, 17),
        )
        for s in sessions
    ]
    SupervisionSession.objects.bulk_create(rows)
    members = []
    for session, row in zip(sessions, rows, strict=True):
        for key, consented in session.members:
            members.append(
                SupervisionMember(
                    session=row,
                    person_id=people[key],
                    consented=consented,
                    consent_recorded_at=_aware(session.date, 15) if consented else None,
                    consent_recorded_by=row.supervisor if consented else None,
                )
            )
    SupervisionMember.objects.bulk_create(members)
    report.add(f"supervision sessions ({len(rows)})")


def build(report):
    with_sessions = bool(settings.DEMO_ACCOUNTS)
    plan = plan_all(with_sessions)
    territory, place_names = _territory(plan)
    if not territory:
        return []  # no territory register: nothing to place the events in
    projects = ensure_projects(report)
    done = set(
        TrainingEvent.objects.filter(import_key__startswith=KEY_PREFIX).values_list(
            "import_key", flat=True
        )
    )
    events = [event for event in plan.events if event.key not in done]
    coaching = [
        s
        for s in plan.coaching
        if not CoachingSession.objects.filter(project=projects[s.project]).exists()
    ]
    supervision = [
        s
        for s in plan.supervision
        if not SupervisionSession.objects.filter(project=projects[s.project]).exists()
    ]
    if not (events or coaching or supervision):
        return []
    accounts = ensure_staff(report) if with_sessions else {}
    keys = {key for event in events for key, *_ in event.attendance}
    keys |= {key for event in events for key in event.trainers}
    keys |= {key for session in coaching for key in session.coachees}
    keys |= {key for session in supervision for key, _ in session.members}
    people, workplaces = ensure_people(plan, keys, territory, accounts, report)
    if events:
        write_events(events, projects, people, territory, place_names, workplaces, report)
    if coaching:
        write_coaching(coaching, projects, people, accounts, report)
    if supervision:
        # The team is named after its city.
        member_gmina = {
            s.members[0][0]: place_names.get(plan.people[s.members[0][0]].gmina, "")
            for s in supervision
        }
        write_supervision(supervision, projects, people, accounts, member_gmina, report)
    return []
