"""The one table of catalog searches and what they must find, with the data it runs on.

Backend-neutral on purpose: tests/catalog/test_search.py runs it on whatever database the
suite uses (SQLite locally, SQLite and PostgreSQL in CI), and a runner for another search
backend imports the same SYNONYM_GROUPS, INSTITUTIONS, SERVICES and CASES. Expected results
are service names; a case with `ordered=True` checks the order too.

The data is a small invented catalog in two voivodeships. Each service's text is chosen so
that a case can only pass for the reason it names: e.g. the "Klub Seniora" mentions seniors
only by that word (its problem area is the local community, whose label says nothing about
age), so "osoby starsze" finds it through the synonym group and nothing else."""

import datetime
from dataclasses import dataclass, field

SYNONYM_GROUPS = [
    "GOPS\nOPS\nMOPS\nośrodek pomocy społecznej",
    "senior\nosoba starsza",
    "PCPR\npowiatowe centrum pomocy rodzinie",
]

OKSA = "2602052"  # gmina wiejska, powiat jędrzejowski (2602), świętokrzyskie (26)
JEDRZEJOW = "2602023"  # gmina miejsko-wiejska, powiat jędrzejowski
BIELINY = "2604012"  # gmina wiejska, powiat kielecki (2604)
LOPUSZNO = "2604083"  # gmina miejsko-wiejska, powiat kielecki
KIELCE = "2661011"  # miasto na prawach powiatu
NAREWKA = "2005092"  # gmina wiejska, powiat hajnowski (2005), podlaskie (20)

INSTITUTIONS = {
    "gops": {"name": "Gminny Ośrodek Pomocy Społecznej w Oksie", "type": "ops", "gmina": OKSA},
    "pcpr": {
        "name": "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
        "type": "pcpr",
        "gmina": JEDRZEJOW,
    },
    "ngo": {"name": "Stowarzyszenie Razem dla Bielin", "type": "ngo", "gmina": BIELINY},
    "kgw": {
        "name": "Koło Gospodyń Wiejskich w Łopusznie",
        "type": "womens_circle",
        "gmina": LOPUSZNO,
    },
    "rops": {
        "name": "Regionalny Ośrodek Polityki Społecznej w Kielcach",
        "type": "other",
        "gmina": KIELCE,
    },
    "oik": {
        "name": "Ośrodek Interwencji Kryzysowej w Hajnówce",
        "type": "crisis_centre",
        "gmina": NAREWKA,
    },
    # Not published: neither it nor its services may ever be found.
    "draft": {"name": "Instytucja w przygotowaniu", "type": "ops", "gmina": OKSA, "live": False},
}

OPIEKA = "Usługi opiekuńcze w domu"
KLUB = "Klub Seniora „Pod Lipami”"
TERAPIA = "Terapia uzależnień"
GRUPA_RODZIN = "Grupa wsparcia dla rodzin"
PORADNICTWO = "Poradnictwo dla rodzin zastępczych"
INTERWENCJA = "Interwencja kryzysowa"
DYZUR = "Dyżur pracownika socjalnego"
PUNKT = "Punkt informacyjny dla mieszkańców"
MIESZKANIE = "Mieszkanie chronione"
SZKOLENIA = "Szkolenia dla kandydatów na rodziców zastępczych"
ZASILKI = "Zasiłki i praca socjalna"
OPIEKUNOWIE = "Grupa wsparcia dla opiekunów osób zależnych"
SWIETLICA = "Świetlica środowiskowa dla dzieci"
HIDDEN = [
    "Usługa instytucji w przygotowaniu",
    "Zawieszona usługa opiekuńcza",
    "Szkic usługi opiekuńczej",
]


def _day(text):
    return datetime.date.fromisoformat(text)


SERVICES = [
    {
        "institution": "gops",
        "name": OPIEKA,
        "areas": ["seniors"],
        "target_groups": ["seniors"],
        "description": "Pomoc w codziennych sprawach dla osób starszych i samotnych.",
        "cost": "partly",
        "last_verified": _day("2024-05-01"),
    },
    {
        "institution": "kgw",
        "name": KLUB,
        "areas": ["community"],
        "target_groups": ["residents"],
        "description": "Spotkania seniorów: gimnastyka, rękodzieło i wspólne śpiewanie.",
        "cost": "free",
        "last_verified": _day("2023-01-10"),
    },
    {
        "institution": "ngo",
        "name": TERAPIA,
        "areas": ["addiction"],
        "target_groups": ["addicted"],
        "description": "Indywidualne spotkania z terapeutą.",
        "cost": "partly",
        "last_verified": _day("2024-03-15"),
    },
    {
        "institution": "ngo",
        "name": GRUPA_RODZIN,
        "areas": ["multiple_difficulties"],
        "target_groups": ["families"],
        "description": "Spotkania dla bliskich osób zmagających się z uzależnieniem.",
        "cost": "free",
        "last_verified": _day("2024-02-01"),
    },
    {
        "institution": "pcpr",
        "name": PORADNICTWO,
        "areas": ["parenting"],
        "target_groups": ["families", "parents"],
        "description": "Porady psychologiczne i prawne dla rodzin zastępczych z całego powiatu.",
        "cost": "free",
        "coverage": ["2602"],
        "last_verified": _day("2024-06-20"),
    },
    {
        "institution": "oik",
        "name": INTERWENCJA,
        "areas": ["crisis", "violence"],
        "target_groups": ["crisis", "violence"],
        "description": "Wsparcie psychologiczne w nagłym kryzysie, także w nocy.",
        "cost": "free",
        "coverage": ["2005"],
        "last_verified": _day("2024-01-05"),
    },
    {
        "institution": "ngo",
        "name": DYZUR,
        "areas": ["poverty"],
        "target_groups": ["residents"],
        "description": "Dyżur prowadzony wspólnie z ośrodkiem pomocy społecznej w świetlicy.",
        "cost": "free",
        "last_verified": _day("2023-11-30"),
    },
    {
        "institution": "kgw",
        "name": PUNKT,
        "areas": ["community"],
        "target_groups": ["residents"],
        "description": "Podpowiadamy, jakie wsparcie daje GOPS i gdzie złożyć wniosek.",
        "cost": "free",
        "last_verified": None,
    },
    {
        "institution": "rops",
        "name": MIESZKANIE,
        "areas": ["homelessness", "disability"],
        "target_groups": ["homeless", "disabled"],
        "description": "Miejsce w mieszkaniu chronionym; skierowanie wydaje PCPR.",
        "cost": "paid",
        "coverage": ["26"],
        "last_verified": _day("2024-04-10"),
    },
    {
        "institution": "ngo",
        "name": SZKOLENIA,
        "areas": ["parenting"],
        "target_groups": ["parents"],
        "description": "Szkolenia prowadzone razem z powiatowym centrum pomocy rodzinie.",
        "cost": "free",
        "coverage": ["2604"],
        "last_verified": _day("2024-07-01"),
    },
    {
        "institution": "gops",
        "name": ZASILKI,
        "areas": ["poverty", "multiple_difficulties"],
        "target_groups": ["families"],
        "description": "Przyznawanie zasiłków, praca socjalna i kontrakty socjalne.",
        "cost": "free",
        "last_verified": _day("2024-06-01"),
    },
    {
        "institution": "pcpr",
        "name": OPIEKUNOWIE,
        "areas": ["disability"],
        "target_groups": ["carers"],
        "description": "Comiesięczne spotkania i wymiana doświadczeń.",
        "cost": "free",
        "last_verified": _day("2022-09-01"),
    },
    {
        # delivered by an association from Bieliny, for the children of gmina Oksa
        "institution": "ngo",
        "name": SWIETLICA,
        "areas": ["parenting"],
        "target_groups": ["children"],
        "description": "Zajęcia po lekcjach, odrabianie lekcji i wspólne wyjścia.",
        "cost": "free",
        "coverage": [OKSA],
        "last_verified": _day("2024-05-20"),
    },
    # Never found: an unpublished institution's service, a suspended one, a draft.
    {"institution": "draft", "name": HIDDEN[0], "areas": ["seniors"], "cost": "free"},
    {
        "institution": "gops",
        "name": HIDDEN[1],
        "areas": ["seniors"],
        "cost": "free",
        "status": "suspended",
    },
    {"institution": "gops", "name": HIDDEN[2], "areas": ["seniors"], "cost": "free", "live": False},
]

PUBLIC = [service["name"] for service in SERVICES if service["name"] not in HIDDEN]
IN_SWIETOKRZYSKIE = [name for name in PUBLIC if name != INTERWENCJA]
FOR_OKSA = [OPIEKA, PORADNICTWO, MIESZKANIE, ZASILKI, SWIETLICA]
GOPS_GROUP = [OPIEKA, ZASILKI, DYZUR, PUNKT]
PCPR_GROUP = [PORADNICTWO, OPIEKUNOWIE, MIESZKANIE, SZKOLENIA]


@dataclass(frozen=True)
class Case:
    id: str
    params: dict
    expected: list
    ordered: bool = False
    synonyms: bool = True  # whether the synonym groups exist
    notes: str = field(default="", compare=False)


CASES = [
    # everything, and nothing hidden
    Case("no-filters", {}, PUBLIC),
    Case("only-stop-words", {"q": "dla i w"}, PUBLIC),
    # inflection
    Case("inflection-osoby-starsze", {"q": "osoby starsze"}, [OPIEKA, KLUB]),
    Case("inflection-osob-starszych", {"q": "osób starszych"}, [OPIEKA, KLUB]),
    Case("inflection-uzaleznienia", {"q": "uzależnienia"}, [TERAPIA, GRUPA_RODZIN]),
    Case("inflection-uzaleznien", {"q": "uzależnień"}, [TERAPIA, GRUPA_RODZIN]),
    Case("inflection-uzaleznieniem", {"q": "uzależnieniem"}, [TERAPIA, GRUPA_RODZIN]),
    Case("inflection-place-name", {"q": "w Łopusznie"}, [KLUB, PUNKT]),
    Case(
        "inflection-without-synonyms",
        {"q": "osób starszych"},
        [OPIEKA],
        synonyms=False,
        notes="without the senior group the club is not found: the group does that",
    ),
    # text without diacritics
    Case("no-diacritics-osrodek-pomocy", {"q": "osrodek pomocy"}, [OPIEKA, DYZUR, ZASILKI]),
    Case("no-diacritics-zasilki", {"q": "zasilki"}, [ZASILKI]),
    Case("no-diacritics-lopuszno", {"q": "lopuszno"}, [KLUB, PUNKT]),
    Case("upper-case", {"q": "TERAPIA"}, [TERAPIA]),
    # synonyms
    Case("synonym-gops", {"q": "GOPS"}, GOPS_GROUP),
    Case("synonym-mops", {"q": "mops"}, GOPS_GROUP),
    Case("synonym-ops-phrase", {"q": "ośrodek pomocy społecznej"}, GOPS_GROUP),
    Case("synonym-ops-inflected-phrase", {"q": "ośrodka pomocy społecznej"}, GOPS_GROUP),
    Case("synonym-senior", {"q": "senior"}, [OPIEKA, KLUB]),
    Case("synonym-osoba-starsza", {"q": "osoba starsza"}, [OPIEKA, KLUB]),
    Case("synonym-pcpr", {"q": "PCPR"}, PCPR_GROUP),
    Case("synonym-pcpr-phrase", {"q": "powiatowe centrum pomocy rodzinie"}, PCPR_GROUP),
    Case(
        "synonym-pcpr-without-groups",
        {"q": "PCPR"},
        [PORADNICTWO, OPIEKUNOWIE, MIESZKANIE],
        synonyms=False,
        notes="the training mentions the PCPR only by its full name",
    ),
    Case("english-label", {"q": "older people"}, [OPIEKA]),
    Case("two-words-both-needed", {"q": "wsparcia rodzin"}, [GRUPA_RODZIN, OPIEKUNOWIE]),
    Case("nothing-found", {"q": "hipoterapia"}, []),
    # territory: gmina, powiat, voivodeship
    Case("teryt-gmina", {"teryt": OKSA}, FOR_OKSA),
    Case(
        "teryt-gmina-other-powiat",
        {"teryt": BIELINY},
        [TERAPIA, GRUPA_RODZIN, DYZUR, MIESZKANIE, SZKOLENIA],
    ),  # fmt: skip
    Case("teryt-gmina-powiat-wide", {"teryt": NAREWKA}, [INTERWENCJA]),
    Case("teryt-powiat", {"teryt": "2602"}, FOR_OKSA + [OPIEKUNOWIE]),
    Case(
        "teryt-powiat-kielecki",
        {"teryt": "2604"},
        [KLUB, TERAPIA, GRUPA_RODZIN, DYZUR, PUNKT, MIESZKANIE, SZKOLENIA],
    ),
    Case("teryt-voivodeship", {"teryt": "26"}, IN_SWIETOKRZYSKIE),
    Case("teryt-other-voivodeship", {"teryt": "20"}, [INTERWENCJA]),
    Case("teryt-empty-voivodeship", {"teryt": "06"}, []),
    Case("teryt-cascade", {"teryt": ["26", "2602", OKSA]}, FOR_OKSA),
    Case(
        "teryt-cascade-stale-gmina",
        {"teryt": ["26", "2604", OKSA]},
        [KLUB, TERAPIA, GRUPA_RODZIN, DYZUR, PUNKT, MIESZKANIE, SZKOLENIA],
    ),  # fmt: skip
    # free of charge, area, target group, institution type
    Case("free", {"free": "1", "teryt": OKSA}, [PORADNICTWO, ZASILKI, SWIETLICA]),
    Case("area", {"area": "parenting"}, [PORADNICTWO, SZKOLENIA, SWIETLICA]),
    Case("area-and-territory", {"area": "parenting", "teryt": "2604"}, [SZKOLENIA]),
    Case("target", {"target": "families"}, [GRUPA_RODZIN, PORADNICTWO, ZASILKI]),
    Case("kind", {"kind": "pcpr"}, [PORADNICTWO, OPIEKUNOWIE]),
    Case("kind-and-query", {"kind": "ngo", "q": "szkolenia"}, [SZKOLENIA]),
    Case(
        "everything-at-once",
        {"q": "rodzin", "area": "parenting", "teryt": OKSA, "free": "1", "kind": "pcpr"},
        [PORADNICTWO],
    ),  # fmt: skip
    # order
    Case(
        "sort-name-folds-diacritics",
        {"teryt": "2602", "sort": "name"},
        [OPIEKUNOWIE, MIESZKANIE, PORADNICTWO, SWIETLICA, OPIEKA, ZASILKI],
        ordered=True,
    ),
    Case(
        "sort-verified-newest-first-unverified-last",
        {"teryt": "2604", "sort": "verified"},
        [SZKOLENIA, MIESZKANIE, TERAPIA, GRUPA_RODZIN, DYZUR, KLUB, PUNKT],
        ordered=True,
    ),
    Case(
        "sort-relevance-name-matches-first",
        {"q": "rodzin"},
        [GRUPA_RODZIN, PORADNICTWO, OPIEKUNOWIE, SZKOLENIA, ZASILKI],
        ordered=True,
        notes="rodzin in the name first; then the institution's name, a description, a "
        "target group; each group by name",
    ),
    Case("sort-default-is-name-without-query", {"teryt": "20"}, [INTERWENCJA], ordered=True),
]


def build():
    """Make the institutions, services and synonym groups; returns {service name: service}."""
    from catalog.models import SynonymGroup
    from tests.factories.catalog import InstitutionFactory, ServiceFactory

    for terms in SYNONYM_GROUPS:
        SynonymGroup.objects.create(terms=terms)
    institutions = {key: InstitutionFactory(**fields) for key, fields in INSTITUTIONS.items()}
    services = {}
    for spec in SERVICES:
        fields = dict(spec)
        fields["institution"] = institutions[fields["institution"]]
        fields.setdefault("target_groups", [])
        services[fields["name"]] = ServiceFactory(**fields)
    return services
